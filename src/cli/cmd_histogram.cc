// kaizen histogram: the distribution of one series' plotted values, or of a plain column of a
// records file, as bins on round edges (and a chart with the mean, the median and the fitted
// normal curve).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/analysis_export.h"
#include "kaizen/analysis_render.h"
#include "kaizen/app_analysis.h"

namespace kaizen::cli {
namespace {

struct HistogramCommandOptions {
  DataOptions data;
  std::string column;
  ChartLabels labels;
  std::string bins = "fd";
  double width = 0;
  std::string output;
  std::string palette = "mdc";
  std::string format = "table";
};

std::string HistogramTable(const HistogramResult& h, const AnalysedValues& source) {
  Table t({"from", "to", "count"});
  for (std::size_t i = 0; i < h.bins.counts.size(); ++i)
    t.AddRow({FormatForTable(h.bins.edges[i]), FormatForTable(h.bins.edges[i + 1]),
              std::to_string(h.bins.counts[i])});
  return source.title + " (" + std::to_string(h.description.n) + " values, bins: " + h.rule +
         ")\n" + t.Render();
}

}  // namespace

void AddHistogramCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("histogram", "histogram of one series' values or one column");
  auto o = std::make_shared<HistogramCommandOptions>();
  AddValueSourceOptions(cmd, &o->data, &o->column);
  cmd->add_option("--bins", o->bins,
                  "fd (Freedman-Diaconis, default), sturges, or width (with --width)")
      ->check(CLI::IsMember({"fd", "sturges", "width"}));
  cmd->add_option("--width", o->width, "bin width for --bins width");
  cmd->add_option("-o,--output", o->output, "chart.svg, chart.png or chart.pdf");
  AddChartLabelOptions(cmd, &o->labels);
  AddPaletteOption(cmd, &o->palette);
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    if ((*exit_code = CheckChartPath(o->output)) != kExitOk) return;
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    if (o->bins == "width" && !(o->width > 0)) {
      std::cerr << "--bins width needs --width W with W > 0\n";
      *exit_code = kExitBadInput;
      return;
    }
    AnalysedValues source;
    if ((*exit_code = LoadAnalysedValues(o->data, o->column, &source)) != kExitOk) return;
    Result<HistogramResult> h =
        HistogramOfValues(source.values, {.rule = o->bins, .width = o->width});
    if (!h.ok()) {
      *exit_code = ReportFailure(h.status(), Diagnostics(), DataName(o->data) + ": ");
      return;
    }
    const std::string out = o->format == "json"  ? HistogramJson(*h, source)
                            : o->format == "csv" ? HistogramCsv(*h)
                                                 : HistogramTable(*h, source);
    if ((*exit_code = WriteOutput("-", out)) != kExitOk) return;
    if (o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = source.title;
    plot.x_label = source.unit.empty() ? "value" : source.unit;
    plot.y_label = "count";
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(o->output, RenderHistogramSvg(h->bins, h->description, plot))) ==
        kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
