// Check (include/kaizen/app.h): what the data holds, series by series, and what it and the
// catalogue lack.
#include <cmath>
#include <set>

#include "app/prepared_request.h"

namespace kaizen::app {
namespace {

SeriesOverview Overview(const Series& s) {
  SeriesOverview o{.indicator_id = s.indicator_id,
                   .organisation = s.organisation,
                   .points = s.size(),
                   .period_kind = s.period_kind};
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool has_value = (!s.values.empty() && !std::isnan(s.values[i])) ||
                           (!s.numerators.empty() && !std::isnan(s.numerators[i]));
    o.missing_values += !has_value;
  }
  if (s.size() > 0) o.first = s.periods.front(), o.last = s.periods.back();
  return o;
}

// The earliest first and latest last period over the series, with the kind each is shown as.
void Span(const SeriesOverview& o, CheckResult* out) {
  if (!o.first) return;
  if (!out->first || *o.first < *out->first) out->first = o.first, out->first_kind = o.period_kind;
  if (!out->last || *o.last > *out->last) out->last = o.last, out->last_kind = o.period_kind;
}

// With a selection the check is about that slice only: an indicator left out by it is not
// missing from the data.
void CompareWithCatalogue(const Catalogue& catalogue, const SeriesSelection& selection,
                          CheckResult* out) {
  const std::set<std::string> ids(out->indicators.begin(), out->indicators.end());
  for (const std::string& id : out->indicators)
    if (!catalogue.Find(id)) out->not_in_catalogue.push_back(id);
  for (const Indicator& ind : catalogue.indicators) {
    if (ids.count(ind.id)) continue;
    if (!selection.indicator.empty() && ind.id != selection.indicator) continue;
    out->catalogue_without_data.push_back(ind.id);
  }
}

}  // namespace

Result<CheckResult> Check(const DataSource& source, const SeriesRequest& request,
                          JobDiagnostics* diagnostics) {
  PreparedRequest prepared;
  if (Status st = prepared.Prepare(request, diagnostics); !st.ok()) return st;
  Result<LoadedSeries> loaded = LoadPrepared(source, prepared, diagnostics);
  if (!loaded.ok()) return loaded.status();
  CheckResult out;
  out.summary = std::move(loaded->summary);
  std::set<std::string> indicators, organisations;
  for (const Series& s : loaded->series) {
    indicators.insert(s.indicator_id);
    organisations.insert(s.organisation);
    out.series.push_back(Overview(s));
    Span(out.series.back(), &out);
  }
  out.indicators.assign(indicators.begin(), indicators.end());
  out.organisation_count = organisations.size();
  if (prepared.catalogue()) CompareWithCatalogue(*prepared.catalogue(), request.selection, &out);
  return out;
}

}  // namespace kaizen::app
