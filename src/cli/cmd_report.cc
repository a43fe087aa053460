// kaizen report: the board report, one self-contained HTML file (or a PDF by extension).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <deque>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "kaizen/file_util.h"
#include "kaizen/render.h"
#include "kaizen/spc.h"
#include "kaizen/summary.h"

namespace kaizen::cli {
namespace {

struct ReportOptions {
  DataOptions data;
  std::string output;
  std::string title;
  std::string palette = "mdc";
};

// One precision per indicator across its organisations, so a board's column never mixes 12.00
// and 12.0 (issue 8, item 12): each series took its own from its values; an indicator whose
// series disagree, and whose catalogue sets no `decimals`, is analysed again at the finest of
// them, so that its sentences, chart and table agree too.
Status SharePrecisionPerIndicator(const std::vector<const Series*>& sources,
                                  std::deque<Indicator>* indicators, ReportInput* report,
                                  Date as_of) {
  std::map<std::string, int> finest;
  for (const ReportSeries& r : report->series)
    if (!r.indicator->decimals)
      finest[r.indicator->id] = std::max(finest[r.indicator->id], r.result.decimals);
  for (std::size_t i = 0; i < report->series.size(); ++i) {
    ReportSeries& r = report->series[i];
    const auto it = finest.find(r.indicator->id);
    if (it == finest.end() || it->second == r.result.decimals) continue;
    Indicator& ind = (*indicators)[i];  // one indicator per series, in the same order
    ind.decimals = it->second;
    Result<SeriesResult> again = AnalyseSeries(ind, *sources[i]);
    if (!again.ok()) return again.status();
    r.result = std::move(again).value();
    r.row = MakeSummaryRow(ind, r.result, as_of);
  }
  return Status::Ok();
}

}  // namespace

void AddReportCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "report", "the board report: one self-contained HTML file (or .pdf) to open anywhere");
  auto o = std::make_shared<ReportOptions>();
  AddDataOptions(cmd, &o->data, "ifc");
  cmd->add_option("-o,--output", o->output, "report.html or report.pdf")->required();
  cmd->add_option("--title", o->title, "report title (default: the catalogue's title)");
  AddPaletteOption(cmd, &o->palette);
  cmd->add_option("--as-of", o->data.as_of, "today's date for the stale flag (YYYY-MM-DD)");
  cmd->callback([o, exit_code] {
    const bool pdf = EndsWith(o->output, ".pdf");
    if (!pdf && !EndsWith(o->output, ".html") && !EndsWith(o->output, ".htm")) {
      std::cerr << "-o: '" << o->output << "' must end in .html or .pdf\n";
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
    Inputs inputs;
    if ((*exit_code = PrepareInputs(o->data, &inputs)) != kExitOk) return;
    std::vector<Series> series;
    ImportSummary summary;
    if ((*exit_code = LoadSeries(o->data, inputs, &series, &summary)) != kExitOk) return;

    ReportInput report;
    const bool catalogued = inputs.catalogue.has_value();
    report.title = !o->title.empty() ? o->title
                   : catalogued && !inputs.catalogue->title.empty()
                       ? inputs.catalogue->title
                       : "Integrated performance report";
    report.organisation_filter = o->data.organisation;
    report.generated_on = *as_of;
    report.palette = palette;
    // The report keeps pointers to its indicators: a deque keeps them where they are.
    std::deque<Indicator> indicators;
    std::vector<const Series*> sources;  // the series behind each report.series entry
    for (const Series& s : series) {
      if (catalogued && !inputs.catalogue->Find(s.indicator_id)) {
        PrintWarning(diag::kNotInCatalogue, o->data.data_path,
                     "indicator " + s.indicator_id + " is not in " + o->data.indicators_path +
                         "; left out of the report");
        continue;
      }
      Result<Indicator> chosen = IndicatorFor(s, inputs, o->data);
      if (!chosen.ok()) {
        std::cerr << chosen.status().message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      const Indicator* ind = &indicators.emplace_back(std::move(chosen).value());
      Result<SeriesResult> result = AnalyseSeries(*ind, s);
      if (!result.ok()) {
        std::cerr << o->data.data_path << ": " << result.status().message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      SummaryRow row = MakeSummaryRow(*ind, *result, *as_of);
      std::vector<Annotation> comments;
      for (const RowComment& c : summary.comments)
        if (c.indicator == s.indicator_id && c.organisation == s.organisation)
          comments.push_back({c.period, c.text});
      report.series.push_back(
          {ind, std::move(result).value(), std::move(row), std::move(comments)});
      sources.push_back(&s);
    }
    if (Status st = SharePrecisionPerIndicator(sources, &indicators, &report, *as_of); !st.ok()) {
      std::cerr << o->data.data_path << ": " << st.message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    if (pdf) {
      Status st = WriteSvgPagesAsPdf(RenderReportPagesSvg(report), o->output);
      if (!st.ok()) {
        std::cerr << st.message() << "\n";
        *exit_code = kExitCannotWrite;
        return;
      }
    } else if ((*exit_code = WriteOutput(o->output, RenderReportHtml(report))) != kExitOk) {
      return;
    }
    std::cerr << "kaizen: wrote " << o->output << " (" << report.series.size() << " series)\n";
  });
}

}  // namespace kaizen::cli
