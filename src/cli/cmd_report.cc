// kaizen report: the board report, one self-contained HTML file (or a PDF by extension).
#include <CLI/CLI.hpp>
#include <deque>
#include <iostream>
#include <memory>

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
    for (const Series& s : series) {
      if (catalogued && !inputs.catalogue->Find(s.indicator_id)) {
        std::cerr << o->data.data_path << ": warning: indicator " << s.indicator_id << " is not in "
                  << o->data.indicators_path << "; left out of the report\n";
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
