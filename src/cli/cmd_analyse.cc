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
#include "kaizen/app_analysis.h"

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
  AddDataOptions(cmd, &o->data, "ifcd");
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

    AnalysisReportRequest request{.title = o->title,
                                  .generated_on = *as_of,
                                  .palette = palette,
                                  .change = change,
                                  .spec = std::nullopt};
    if (capability) request.spec = SpecLimits{o->lsl, o->usl};
    std::string failed_step;
    Result<AnalysisReportInput> built = BuildAnalysisReport(s, request, &failed_step);
    if (!built.ok()) {
      *exit_code =
          ReportFailure(built.status(), Diagnostics(),
                        failed_step == "change" ? "--change-date: " : DataName(o->data) + ": ");
      return;
    }
    AnalysisReportInput report = std::move(built).value();
    if (!o->causes.file.empty()) {
      if (o->causes.category.empty()) {
        std::cerr << "--causes needs --cause-category (the column naming each record's cause)\n";
        *exit_code = kExitBadInput;
        return;
      }
      ParetoOfRecordsResult pareto;
      if ((*exit_code = ParetoFromFile(o->causes, ParetoOptions{}, &pareto)) != kExitOk) return;
      report.pareto = std::move(pareto.pareto);
      report.pareto_label = o->causes.category;
    }
    if ((*exit_code = WriteOutput(o->output, RenderAnalysisHtml(report))) != kExitOk) return;
    std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
