// AnalyseSeriesJob (include/kaizen/app.h): what `kaizen spc` computes, series by series.
#include "app/prepared_request.h"
#include "kaizen/spc.h"

namespace kaizen::app {

Status AnalyseSeriesJob(const DataSource& source, const SeriesRequest& request,
                        JobDiagnostics* diagnostics,
                        const std::function<void(const SpcSeriesView&)>& on_series) {
  PreparedRequest prepared;
  if (Status st = prepared.Prepare(request, diagnostics); !st.ok()) return st;
  Result<LoadedSeries> loaded = LoadPrepared(source, prepared, diagnostics);
  if (!loaded.ok()) return loaded.status();
  SpcEngine engine;
  SeriesResult result;  // reused from series to series
  for (const Series& s : loaded->series) {
    Result<Indicator> ind = IndicatorFor(s, prepared.request());
    Result<Profile> profile =
        ind.ok() ? ResolveProfile(ind->profile, ind->overrides) : Result<Profile>(ind.status());
    if (!profile.ok())
      return Status(profile.status().code(), s.indicator_id + ": " + profile.status().message());
    if (Status st = engine.Analyse(*ind, *profile, s, &result); !st.ok())
      return Status(st.code(), source.name() + ": " + st.message());
    on_series({s, *ind, *profile, result});
  }
  return Status::Ok();
}

}  // namespace kaizen::app
