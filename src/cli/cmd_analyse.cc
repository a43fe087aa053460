// kaizen analyse: the Measure and Analyse steps for one measure as one self-contained HTML page:
// description, distribution, run chart and control chart, before/after a change date and
// capability against specification limits when they are given.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "kaizen/analysis_report.h"
#include "kaizen/capability.h"
#include "kaizen/stats.h"

namespace kaizen::cli {
namespace {

struct AnalyseCommandOptions {
  DataOptions data;
  std::string change_date;
  std::optional<double> lsl, usl;
  ParetoSource causes;
  std::string output, title, palette = "mdc";
};

}  // namespace

void AddAnalyseCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "analyse", "one measure's Measure and Analyse steps as a self-contained HTML report");
  auto o = std::make_shared<AnalyseCommandOptions>();
  AddDataOptions(cmd, &o->data, "ifc");
  cmd->get_option("--indicator")->required();
  cmd->add_option("--change-date", o->change_date,
                  "compare before and after this date (YYYY-MM-DD, first day after)");
  cmd->add_option("--lsl", o->lsl, "lower specification limit (adds capability)");
  cmd->add_option("--usl", o->usl, "upper specification limit (adds capability)");
  cmd->add_option("--causes", o->causes.file,
                  "CSV of records with categories (adds a Pareto of causes)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--cause-category", o->causes.category,
                  "the category column(s) of --causes (COL1,COL2: each filled cell counts once)");
  cmd->add_option("--cause-weight", o->causes.weight, "add this column per record instead");
  cmd->add_option("-o,--output", o->output, "analysis.html")->required();
  cmd->add_option("--title", o->title, "report title (default: indicator and organisation)");
  cmd->add_option("--as-of", o->data.as_of, "the report's date (YYYY-MM-DD; default today)");
  AddPaletteOption(cmd, &o->palette);
  cmd->callback([o, exit_code] {
    if (!EndsWith(o->output, ".html") && !EndsWith(o->output, ".htm")) {
      std::cerr << "-o: '" << o->output << "' must end in .html\n";
      *exit_code = kExitBadInput;
      return;
    }
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    Result<Date> as_of = AsOf(o->data);
    if (!as_of.ok()) {
      std::cerr << as_of.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    std::optional<Date> change;
    if (!o->change_date.empty()) {
      Result<Date> d = Date::ParseIso(o->change_date);
      if (!d.ok()) {
        std::cerr << "--change-date: " << d.status().message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      change = *d;
    }
    const bool capability = o->lsl || o->usl;
    if (capability && (*exit_code = CheckSpecLimits(o->lsl, o->usl)) != kExitOk) return;
    OneSeries s;
    if ((*exit_code = LoadOneSeries(o->data, &s)) != kExitOk) return;

    AnalysisReportInput report;
    report.title = o->title;
    report.indicator = &s.indicator;
    report.organisation = s.series.organisation;
    report.generated_on = *as_of;
    report.palette = palette;
    report.control = s.result;
    // The run chart plots the control chart's own values: a ratio indicator's series holds
    // numerators and denominators, which a run chart does not read, and the multiplier is
    // already applied to them.
    Indicator run = s.indicator;
    run.chart = ChartType::kRun;
    run.multiplier = 1;
    Series run_series;
    run_series.indicator_id = s.series.indicator_id;
    run_series.organisation = s.series.organisation;
    for (const PointResult& pt : s.result.points) run_series.Add({pt.period, pt.value});
    Result<SeriesResult> run_result = AnalyseSeries(run, run_series);
    if (!run_result.ok()) {
      std::cerr << o->data.data_path << ": " << run_result.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    report.run = std::move(run_result).value();
    report.values = PlottedValues(s.result);
    Result<Descriptive> d = Describe(report.values);
    if (!d.ok()) {
      std::cerr << o->data.data_path << ": " << d.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    report.description = std::move(d).value();
    if (Result<SummaryIntervals> ci = SummaryConfidenceIntervals(report.values); ci.ok())
      report.intervals = std::move(ci).value();
    if (Result<NormalityTest> t = AndersonDarling(report.values); t.ok()) {
      report.anderson_darling = std::move(t).value();
    } else {
      report.notes.push_back("Anderson-Darling test not run: " + t.status().message());
    }
    if (Result<NormalityTest> t = ShapiroWilk(report.values); t.ok()) {
      report.shapiro_wilk = std::move(t).value();
    } else {
      report.notes.push_back("Shapiro-Wilk test not run: " + t.status().message());
    }
    if (change) {
      BeforeAfter ba;
      if ((*exit_code = CompareAroundChange(s, *change, &ba)) != kExitOk) return;
      report.before_after = std::move(ba);
    }
    if (capability) {
      report.spec = SpecLimits{o->lsl, o->usl};
      CapabilityOptions options;
      options.stability_chart = &s.result;  // the indicator's own chart, as `kaizen capability`
      Result<CapabilityResult> c = AnalyseCapability(report.values, report.spec, options);
      if (!c.ok()) {
        std::cerr << o->data.data_path << ": " << c.status().message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      report.capability = std::move(c).value();
    }
    if (!o->causes.file.empty()) {
      if (o->causes.category.empty()) {
        std::cerr << "--causes needs --cause-category (the column naming each record's cause)\n";
        *exit_code = kExitBadInput;
        return;
      }
      int64_t without_category = 0;
      Result<ParetoResult> pareto = Status::Internal("not computed");
      if ((*exit_code = ParetoFromFile(o->causes, ParetoOptions{}, &pareto, &without_category)) !=
          kExitOk)
        return;
      report.pareto = std::move(pareto).value();
      report.pareto_label = o->causes.category;
    }
    if ((*exit_code = WriteOutput(o->output, RenderAnalysisHtml(report))) != kExitOk) return;
    std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
