// kaizen capability: can this process meet its specification? Cp, Cpk, Pp, Ppk, the expected
// fraction below the LSL and above the USL, and the warnings that say when the numbers mean
// little; of one series' plotted values or a plain column of a records file.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/analysis_render.h"
#include "kaizen/capability.h"

namespace kaizen::cli {
namespace {

struct CapabilityCommandOptions {
  DataOptions data;
  std::string column;
  std::optional<double> lsl, usl;
  std::string output, palette = "mdc", format = "table";
  ChartLabels labels;
};

}  // namespace

void AddCapabilityCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("capability",
                                  "process capability of one series against specification limits");
  auto o = std::make_shared<CapabilityCommandOptions>();
  AddValueSourceOptions(cmd, &o->data, &o->column);
  cmd->add_option("--lsl", o->lsl, "lower specification limit");
  cmd->add_option("--usl", o->usl, "upper specification limit");
  cmd->add_option("-o,--output", o->output,
                  "capability histogram with the limits and the within and overall curves: .svg, "
                  ".png or .pdf");
  AddChartLabelOptions(cmd, &o->labels);
  AddPaletteOption(cmd, &o->palette);
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    if ((*exit_code = CheckSpecLimits(o->lsl, o->usl)) != kExitOk ||
        (*exit_code = CheckChartPath(o->output)) != kExitOk)
      return;
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    AnalysedValues source;
    if ((*exit_code = LoadAnalysedValues(o->data, o->column, &source)) != kExitOk) return;
    const std::vector<double>& values = source.values;
    // Stability is judged on the indicator's own chart (a u chart as a u chart), not on an XmR
    // chart of the plotted values; a records column, in file order, on an XmR chart.
    CapabilityOptions options;
    if (source.series) options.stability_chart = &source.series->result;
    Result<CapabilityResult> c = AnalyseCapability(values, SpecLimits{o->lsl, o->usl}, options);
    if (!c.ok()) {
      std::cerr << o->data.data_path << ": " << c.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    const std::vector<std::pair<std::string, double>> rows = {
        {"n", static_cast<double>(c->n)},
        {"mean", c->mean},
        {"sigma_within", c->sigma_within},
        {"sigma_overall", c->sigma_overall},
        {"cp", c->cp},
        {"cpl", c->cpl},
        {"cpu", c->cpu},
        {"cpk", c->cpk},
        {"cpk_lower", c->cpk_lower},
        {"cpk_upper", c->cpk_upper},
        {"pp", c->pp},
        {"ppl", c->ppl},
        {"ppu", c->ppu},
        {"ppk", c->ppk},
        {"ppm_below_lsl_within", c->ppm_below_within},
        {"ppm_above_usl_within", c->ppm_above_within},
        {"ppm_within", c->ppm_within},
        {"ppm_below_lsl", c->ppm_below},
        {"ppm_above_usl", c->ppm_above},
        {"ppm", c->ppm},
        {"percent_outside", c->percent_outside},
        {"z_bench", c->z_bench}};
    std::string out;
    if (o->format == "json") {
      nlohmann::json j = {{"lsl", o->lsl ? nlohmann::json(*o->lsl) : nlohmann::json()},
                          {"usl", o->usl ? nlohmann::json(*o->usl) : nlohmann::json()},
                          {"within_method", c->within_method},
                          {"sentence", c->sentence}};
      if (source.series) {
        j["indicator"] = source.series->series.indicator_id;
        j["organisation"] = source.series->series.organisation;
      } else {
        j["column"] = o->column;
      }
      for (const auto& [k, v] : rows) j[k] = v;
      j["warnings"] = nlohmann::json::array();
      for (const CapabilityWarning& w : c->warnings) j["warnings"].push_back(w.message);
      out = j.dump(2) + "\n";
    } else if (o->format == "csv") {
      out = "statistic,value\n";
      for (const auto& [k, v] : rows) out += k + "," + FormatNumber(v) + "\n";
    } else {
      Table t({"statistic", "value"});
      for (const auto& [k, v] : rows) t.AddRow({k, FormatStatistic(k, v)});
      out = source.title + "\n" + t.Render() + "within sigma: " + c->within_method + "\n" +
            c->sentence + "\n";
      for (const CapabilityWarning& w : c->warnings) out += "warning: " + w.message + "\n";
    }
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = "Process capability of " + source.title;
    plot.x_label = source.unit.empty() ? "value" : source.unit;
    plot.y_label = "count";
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(
             o->output, RenderCapabilitySvg(values, *c, SpecLimits{o->lsl, o->usl}, plot))) ==
        kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
