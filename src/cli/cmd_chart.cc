// kaizen chart: one SPC chart as SVG, PNG or PDF (by the output file's extension).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "kaizen/render.h"

namespace kaizen::cli {
namespace {

struct ChartCommandOptions {
  DataOptions data;
  std::string output;
  std::string palette = "mdc";
  std::string title;
};

}  // namespace

void AddChartCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("chart", "draw one SPC chart as .svg, .png or .pdf");
  auto o = std::make_shared<ChartCommandOptions>();
  AddDataOptions(cmd, &o->data, "ifcd");
  cmd->get_option("--indicator")->required();
  cmd->add_option("-o,--output", o->output, "chart.svg, chart.png or chart.pdf")->required();
  AddPaletteOption(cmd, &o->palette);
  cmd->add_option("--title", o->title, "chart title (default: indicator and organisation)");
  cmd->callback([o, exit_code] {
    const std::string& out = o->output;
    if ((*exit_code = CheckChartPath(out)) != kExitOk) return;
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    Inputs inputs;
    if ((*exit_code = PrepareInputs(o->data, &inputs)) != kExitOk) return;
    const app::ChartRequest request{
        .series = RequestFor(o->data, inputs), .palette = palette, .title = o->title};
    app::JobDiagnostics d;
    Result<app::ChartResult> chart = app::Chart(inputs.Source(), request, &d);
    PrintJobDiagnostics(d);
    if (!chart.ok()) {
      *exit_code = ReportJobFailure(chart.status(), d);
      return;
    }
    *exit_code = WriteChart(out, chart->svg);
  });
}

}  // namespace kaizen::cli
