// kaizen capability: can this process meet its specification? Cp, Cpk, Pp, Ppk, the expected
// fraction below the LSL and above the USL, and the warnings that say when the numbers mean
// little; of one series' plotted values or a plain column of a records file.
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

struct CapabilityCommandOptions {
  DataOptions data;
  std::string column;
  std::optional<double> lsl, usl;
  std::string output, palette = "mdc", format = "table";
  ChartLabels labels;
};

std::string CapabilityTable(const CapabilityResult& c, const AnalysedValues& source) {
  Table t({"statistic", "value"});
  for (const auto& [k, v] : CapabilityStatistics(c)) t.AddRow({k, FormatStatistic(k, v)});
  std::string out = source.title + "\n" + t.Render() + "within sigma: " + c.within_method + "\n" +
                    c.sentence + "\n";
  for (const CapabilityWarning& w : c.warnings) out += "warning: " + w.message + "\n";
  return out;
}

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
    const SpecLimits spec{o->lsl, o->usl};
    Result<CapabilityResult> c = CapabilityOfValues(source, {.spec = spec});
    if (!c.ok()) {
      *exit_code = ReportFailure(c.status(), Diagnostics(), DataName(o->data) + ": ");
      return;
    }
    const std::string out = o->format == "json"  ? CapabilityJson(*c, spec, source)
                            : o->format == "csv" ? CapabilityCsv(*c)
                                                 : CapabilityTable(*c, source);
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = "Process capability of " + source.title;
    plot.x_label = source.unit.empty() ? "value" : source.unit;
    plot.y_label = "count";
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(o->output, RenderCapabilitySvg(source.values, *c, spec, plot))) ==
        kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
