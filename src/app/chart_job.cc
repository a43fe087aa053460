// Chart (include/kaizen/app.h): one series analysed and drawn as SVG.
#include "app/prepared_request.h"
#include "kaizen/render.h"
#include "kaizen/spc.h"

namespace kaizen::app {

Result<ChartResult> Chart(const DataSource& source, const ChartRequest& request,
                          JobDiagnostics* diagnostics) {
  PreparedRequest prepared;
  if (Status st = prepared.Prepare(request.series, diagnostics); !st.ok()) return st;
  Result<LoadedSeries> loaded = LoadPrepared(source, prepared, diagnostics);
  if (!loaded.ok()) return loaded.status();
  std::vector<Series>& series = loaded->series;
  if (series.size() != 1)
    return Status::InvalidArgument(
        source.name() + ": --indicator " + request.series.selection.indicator + " has " +
        std::to_string(series.size()) + " organisations; choose one with --org");
  ChartResult out;
  out.analysed.series = std::move(series[0]);
  Result<Indicator> ind = IndicatorFor(out.analysed.series, prepared.request());
  if (!ind.ok()) return ind.status();
  out.analysed.indicator = std::move(ind).value();
  Result<SeriesResult> result = AnalyseSeries(out.analysed.indicator, out.analysed.series);
  if (!result.ok())
    return Status(result.status().code(), source.name() + ": " + result.status().message());
  out.analysed.result = std::move(result).value();
  ChartOptions chart;
  chart.palette = request.palette;
  chart.title = request.title;
  out.svg = RenderChartSvg(out.analysed.indicator, out.analysed.result, chart);
  return out;
}

}  // namespace kaizen::app
