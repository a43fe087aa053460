// kaizen scatter: how two columns move together: Pearson's r, Spearman's rho and the
// least-squares line with the confidence band of the mean response.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
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

struct ScatterCommandOptions {
  std::string file, x, y, delimiter, output, palette = "mdc", format = "table";
  ChartLabels labels;
};

// Points along x at which the band is drawn: enough for a smooth curve on a 900 px chart.
constexpr int kBandPoints = 60;

nlohmann::json CorrelationJson(const Correlation& c) {
  return {{"n", c.n},
          {"r", c.r},
          {"t", c.t},
          {"p_value", c.p_value},
          {"ci_lower", c.ci_lower},
          {"ci_upper", c.ci_upper},
          {"reading", c.reading}};
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
    int xi = 0, yi = 0;
    std::vector<double> x, y;
    if ((*exit_code = ReadRecords(o->file, o->delimiter, &table)) != kExitOk ||
        (*exit_code = FindColumn(table, o->x, "--x", &xi)) != kExitOk ||
        (*exit_code = FindColumn(table, o->y, "--y", &yi)) != kExitOk ||
        (*exit_code = NumericColumn(table, xi, &x)) != kExitOk ||
        (*exit_code = NumericColumn(table, yi, &y)) != kExitOk)
      return;
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (std::isnan(x[i]) || std::isnan(y[i])) continue;
      lo = std::min(lo, x[i]);
      hi = std::max(hi, x[i]);
    }
    std::vector<double> band_x;
    if (lo < hi)
      for (int i = 0; i < kBandPoints; ++i)
        band_x.push_back(lo + (hi - lo) * i / (kBandPoints - 1));
    Result<Correlation> pearson = Pearson(x, y);
    Result<Correlation> spearman = Spearman(x, y);
    Result<SimpleRegression> fit = FitLine(x, y, band_x);
    for (const Status& st : {pearson.status(), spearman.status(), fit.status()}) {
      if (!st.ok()) {
        std::cerr << o->file << ": " << st.message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
    }
    std::string out;
    if (o->format == "json") {
      nlohmann::json j = {{"x", o->x},
                          {"y", o->y},
                          {"n", fit->n},
                          {"pearson", CorrelationJson(*pearson)},
                          {"spearman", CorrelationJson(*spearman)},
                          {"line",
                           {{"intercept", fit->intercept},
                            {"slope", fit->slope},
                            {"intercept_se", fit->intercept_se},
                            {"slope_se", fit->slope_se},
                            {"slope_t", fit->slope_t},
                            {"slope_p", fit->slope_p},
                            {"residual_sd", fit->residual_sd},
                            {"r_squared", fit->r_squared}}}};
      out = j.dump(2) + "\n";
    } else {
      const std::vector<std::pair<std::string, double>> rows = {
          {"n", static_cast<double>(fit->n)},
          {"pearson_r", pearson->r},
          {"pearson_p", pearson->p_value},
          {"pearson_ci_lower", pearson->ci_lower},
          {"pearson_ci_upper", pearson->ci_upper},
          {"spearman_rho", spearman->r},
          {"spearman_p", spearman->p_value},
          {"intercept", fit->intercept},
          {"slope", fit->slope},
          {"slope_se", fit->slope_se},
          {"slope_p", fit->slope_p},
          {"r_squared", fit->r_squared}};
      if (o->format == "csv") {
        out = "statistic,value\n";
        for (const auto& [k, v] : rows) out += k + "," + FormatNumber(v) + "\n";
      } else {
        Table t({"statistic", "value"});
        for (const auto& [k, v] : rows) t.AddRow({k, FormatStatistic(k, v)});
        out = o->y + " against " + o->x + "\n" + t.Render() + "Pearson: " + pearson->reading +
              "\nSpearman: " + spearman->reading + "\nLine: " + o->y + " = " +
              FormatForTable(fit->intercept) + " + " + FormatForTable(fit->slope) + " × " + o->x +
              " (R² " + FormatForTable(fit->r_squared) +
              "). Correlation is not causation: look for the process that links them.\n";
      }
    }
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = o->y + " against " + o->x;
    plot.x_label = o->x;
    plot.y_label = o->y;
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(
             o->output, RenderScatterSvg(x, y, *fit, *pearson, *spearman, plot))) == kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
