// kaizen scatter: how two columns move together: Pearson's r, Spearman's rho and the
// least-squares line with the confidence band of the mean response.
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

struct ScatterCommandOptions {
  std::string file, x, y, delimiter, output, palette = "mdc", format = "table";
  ChartLabels labels;
};

std::string ScatterTable(const ScatterResult& r) {
  Table t({"statistic", "value"});
  for (const auto& [k, v] : ScatterStatistics(r)) t.AddRow({k, FormatStatistic(k, v)});
  return r.y_name + " against " + r.x_name + "\n" + t.Render() + "Pearson: " + r.pearson.reading +
         "\nSpearman: " + r.spearman.reading + "\nLine: " + r.y_name + " = " +
         FormatForTable(r.line.intercept) + " + " + FormatForTable(r.line.slope) + " × " +
         r.x_name + " (R² " + FormatForTable(r.line.r_squared) +
         "). Correlation is not causation: look for the process that links them.\n";
}

}  // namespace

void AddScatterCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "scatter", "correlation (Pearson, Spearman) and least-squares line of two columns");
  auto o = std::make_shared<ScatterCommandOptions>();
  cmd->add_option("FILE", o->file, "CSV with the two columns")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--x", o->x, "column on the horizontal axis")->required();
  cmd->add_option("--y", o->y, "column on the vertical axis")->required();
  cmd->add_option("--delimiter", o->delimiter, kDelimiterHelp);
  cmd->add_option("-o,--output", o->output, "chart.svg, chart.png or chart.pdf");
  AddChartLabelOptions(cmd, &o->labels);
  AddPaletteOption(cmd, &o->palette);
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    if ((*exit_code = CheckChartPath(o->output)) != kExitOk) return;
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    RecordTable table;
    if ((*exit_code = ReadRecords(o->file, o->delimiter, &table)) != kExitOk) return;
    Diagnostics diagnostics;
    Result<ScatterResult> r = ScatterOfColumns(table, {.x = o->x, .y = o->y}, &diagnostics);
    if (!r.ok()) {
      *exit_code = ReportFailure(r.status(), diagnostics);
      return;
    }
    const std::string out = o->format == "json"  ? ScatterJson(*r)
                            : o->format == "csv" ? ScatterCsv(*r)
                                                 : ScatterTable(*r);
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = o->y + " against " + o->x;
    plot.x_label = o->x;
    plot.y_label = o->y;
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(o->output, RenderScatterSvg(r->x, r->y, r->line, r->pearson,
                                                             r->spearman, plot))) == kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
