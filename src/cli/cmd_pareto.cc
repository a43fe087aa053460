// kaizen pareto: which few categories account for most of the problem, from raw records (one
// row per incident, harm, complaint...) or from counts per category.
#include <CLI/CLI.hpp>
#include <cmath>
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

struct ParetoCommandOptions {
  std::string file;
  std::string category, weight, count;
  double cut = 0.8;
  double other_below = 0;
  std::string delimiter;
  std::string output;
  std::string palette = "mdc";
  std::string format = "table";
  ChartLabels labels;
};

// The table format: the bars rounded, the vital few named, and what was not counted.
std::string ParetoTable(const ParetoOfRecordsResult& result, double cut) {
  const ParetoResult& p = result.pareto;
  Table t({"category", "value", "share %", "cumulative %", "vital few"});
  for (const ParetoBar& b : p.bars)
    t.AddRow({b.category,
              b.value == std::floor(b.value) ? FormatNumber(b.value) : FormatForTable(b.value),
              FormatForTable(100 * b.share), FormatForTable(100 * b.cumulative_share),
              b.vital_few ? "yes" : ""});
  const std::vector<std::string> vital = VitalFew(p);
  std::string names;
  for (const std::string& v : vital) names += (names.empty() ? "" : ", ") + v;
  std::string out = t.Render() + "Total " + FormatForTable(p.total) + ". The vital few (" +
                    std::to_string(vital.size()) + " of " + std::to_string(p.bars.size()) +
                    " bars) reach " + FormatForTable(100 * cut) + "% of the total: " + names + "\n";
  if (p.cut_needs_other)
    out +=
        "The named categories do not reach the cut on their own: the 'other' bar is "
        "needed.\n";
  if (result.rows_without_category > 0)
    out += std::to_string(result.rows_without_category) +
           " row(s) have no category and are not counted.\n";
  return out;
}

}  // namespace

void AddParetoCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "pareto", "Pareto analysis: the vital few categories, from records or from counts");
  auto o = std::make_shared<ParetoCommandOptions>();
  cmd->add_option("FILE", o->file, "CSV of records (one row each) or of counts per category")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--category", o->category,
                  "category column; several (COL1,COL2) when a record lists categories in "
                  "several columns: each filled cell counts once")
      ->required();
  cmd->add_option("--weight", o->weight, "add this column per record instead of counting rows");
  cmd->add_option("--count", o->count, "the file holds counts: this column has each count");
  cmd->add_option("--cut", o->cut, "vital-few share (default 0.8)")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--other-below", o->other_below,
                  "merge categories with a share below this into one 'other' bar")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--delimiter", o->delimiter, kDelimiterHelp);
  cmd->add_option("-o,--output", o->output, "chart.svg, chart.png or chart.pdf");
  AddChartLabelOptions(cmd, &o->labels);
  AddPaletteOption(cmd, &o->palette);
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    if ((*exit_code = CheckChartPath(o->output)) != kExitOk) return;
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    if (!(o->cut > 0)) {
      std::cerr << "--cut must be above 0\n";
      *exit_code = kExitBadInput;
      return;
    }
    ParetoOptions options;
    options.vital_few_cut = o->cut;
    options.other_threshold = o->other_below;
    ParetoOfRecordsResult p;
    if ((*exit_code = ParetoFromFile({o->file, o->delimiter, o->category, o->weight, o->count},
                                     options, &p)) != kExitOk)
      return;
    const std::string out = o->format == "json"  ? ParetoJson(p, o->cut)
                            : o->format == "csv" ? ParetoCsv(p.pareto)
                                                 : ParetoTable(p, o->cut);
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = "Pareto chart of " + o->category;
    plot.x_label = o->category;
    const std::string& weight_column = o->count.empty() ? o->weight : o->count;
    plot.y_label = weight_column.empty() ? "records" : weight_column;
    plot.pareto_cut = o->cut;
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(o->output, RenderParetoSvg(p.pareto, plot))) == kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
