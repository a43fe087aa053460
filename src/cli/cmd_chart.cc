// kaizen chart: one SPC chart as SVG, PNG or PDF (by the output file's extension).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "kaizen/render.h"
#include "kaizen/spc.h"

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
  AddDataOptions(cmd, &o->data, "ifc");
  cmd->get_option("--indicator")->required();
  cmd->add_option("-o,--output", o->output, "chart.svg, chart.png or chart.pdf")->required();
  AddPaletteOption(cmd, &o->palette);
  cmd->add_option("--title", o->title, "chart title (default: indicator and organisation)");
  cmd->callback([o, exit_code] {
    const std::string& out = o->output;
    if (!EndsWith(out, ".svg") && !EndsWith(out, ".png") && !EndsWith(out, ".pdf")) {
      std::cerr << "-o: '" << out << "' must end in .svg, .png or .pdf\n";
      *exit_code = kExitBadInput;
      return;
    }
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    Inputs inputs;
    if ((*exit_code = PrepareInputs(o->data, &inputs)) != kExitOk) return;
    std::vector<Series> series;
    ImportSummary summary;
    if ((*exit_code = LoadSeries(o->data, inputs, &series, &summary)) != kExitOk) return;
    if (series.size() != 1) {
      std::cerr << o->data.data_path << ": --indicator " << o->data.indicator << " has "
                << series.size() << " organisations; choose one with --org\n";
      *exit_code = kExitBadInput;
      return;
    }
    Result<Indicator> ind = IndicatorFor(series[0], inputs, o->data);
    Result<SeriesResult> result = AnalyseSeries(*ind, series[0]);
    if (!result.ok()) {
      std::cerr << o->data.data_path << ": " << result.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    ChartOptions chart;
    chart.palette = palette;
    chart.title = o->title;
    const std::string svg = RenderChartSvg(*ind, *result, chart);
    Status st = EndsWith(out, ".png")   ? WriteSvgAsPng(svg, out)
                : EndsWith(out, ".pdf") ? WriteSvgAsPdf(svg, out)
                                        : Status::Ok();
    if (EndsWith(out, ".svg")) {
      *exit_code = WriteOutput(out, svg);
      return;
    }
    if (!st.ok()) {
      std::cerr << st.message() << "\n";
      *exit_code = kExitCannotWrite;
    }
  });
}

}  // namespace kaizen::cli
