// Explain and ListProfiles (include/kaizen/app.h): how the rule profiles differ, on a series
// and in the abstract.
#include "app/prepared_request.h"
#include "kaizen/explain.h"

namespace kaizen::app {

Result<std::vector<ExplainedSeries>> Explain(const DataSource& source,
                                             const ExplainRequest& request,
                                             JobDiagnostics* diagnostics) {
  PreparedRequest prepared;
  if (Status st = prepared.Prepare(request.series, diagnostics); !st.ok()) return st;
  Result<LoadedSeries> loaded = LoadPrepared(source, prepared, diagnostics);
  if (!loaded.ok()) return loaded.status();
  std::vector<ExplainedSeries> out;
  for (const Series& s : loaded->series) {
    Result<Indicator> ind = IndicatorFor(s, prepared.request());
    if (!ind.ok()) return ind.status();
    Result<ProfileComparison> c = CompareProfiles(*ind, s, request.profile_a, request.profile_b);
    if (!c.ok()) return Status(c.status().code(), "--profiles: " + c.status().message());
    out.push_back({ind->name, s.organisation, std::move(c).value()});
  }
  return out;
}

Result<std::vector<Profile>> ListProfiles(const std::string& name) {
  std::vector<Profile> out;
  if (!name.empty()) {
    Result<Profile> p = FindProfile(name);
    if (!p.ok()) return Status(p.status().code(), "--profile: " + p.status().message());
    out.push_back(std::move(p).value());
    return out;
  }
  for (const std::string& n : ProfileNames()) out.push_back(*FindProfile(n));
  return out;
}

}  // namespace kaizen::app
