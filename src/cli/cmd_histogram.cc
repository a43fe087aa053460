// kaizen histogram: the distribution of one series' plotted values, or of a plain column of a
// records file, as bins on round edges (and a chart with the mean, the median and the fitted
// normal curve).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/analysis_render.h"
#include "kaizen/stats.h"

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
    const std::vector<double>& values = source.values;
    Result<BinRule> rule = ParseBinRule(o->bins);
    Result<HistogramBins> bins = rule.ok() ? ComputeHistogramBins(values, *rule, o->width)
                                           : Result<HistogramBins>(rule.status());
    Result<Descriptive> d = Describe(values);
    if (!bins.ok() || !d.ok()) {
      std::cerr << o->data.data_path << ": "
                << (bins.ok() ? d.status().message() : bins.status().message()) << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    std::string out;
    if (o->format == "json") {
      nlohmann::json j = {
          {"rule", o->bins}, {"n", d->n}, {"edges", bins->edges}, {"counts", bins->counts}};
      if (source.series) {
        j["indicator"] = source.series->series.indicator_id;
        j["organisation"] = source.series->series.organisation;
      } else {
        j["column"] = o->column;
      }
      out = j.dump(2) + "\n";
    } else {
      Table t({"from", "to", "count"});
      std::string csv = "from,to,count\n";
      for (std::size_t i = 0; i < bins->counts.size(); ++i) {
        t.AddRow({FormatForTable(bins->edges[i]), FormatForTable(bins->edges[i + 1]),
                  std::to_string(bins->counts[i])});
        csv += FormatNumber(bins->edges[i]) + "," + FormatNumber(bins->edges[i + 1]) + "," +
               std::to_string(bins->counts[i]) + "\n";
      }
      out = o->format == "csv" ? csv
                               : source.title + " (" + std::to_string(d->n) +
                                     " values, bins: " + o->bins + ")\n" + t.Render();
    }
    if ((*exit_code = WriteOutput("-", out)) != kExitOk) return;
    if (o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = source.title;
    plot.x_label = source.unit.empty() ? "value" : source.unit;
    plot.y_label = "count";
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(o->output, RenderHistogramSvg(*bins, *d, plot))) == kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
