// The request's parts every series job shares: the catalogue, the reader's options, the
// selection and the indicator a series is judged under (include/kaizen/app.h).
#include <algorithm>
#include <cmath>

#include "ingest/numbers.h"
#include "kaizen/app.h"
#include "kaizen/spc.h"

namespace kaizen::app {
namespace {

std::vector<std::string> SplitCommas(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = list.find(',', start);
    out.push_back(list.substr(start, comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

// --direction, --target and --rebase, checked before any data is read.
Status CheckIndicatorOverrides(const IndicatorOverrides& o) {
  if (!o.direction.empty()) {
    if (Result<Direction> d = ParseDirection(o.direction); !d.ok())
      return Status::InvalidArgument("--direction: " + d.status().message());
  }
  double target = 0;
  if (!o.target.empty() && (ingest::ParseNumber(o.target, &target) != ingest::NumberParse::kOk))
    return Status::InvalidArgument("--target: '" + o.target +
                                   "' is not a number (expected e.g. 95)");
  for (const std::string& r : o.rebases) {
    if (Result<Date> d = Date::ParseIso(r); !d.ok())
      return Status::InvalidArgument("--rebase: " + d.status().message());
  }
  return Status::Ok();
}

// The request's column names over the catalogue's (or the defaults).
void OverrideColumns(const ColumnOverrides& given, ColumnMapping* columns) {
  auto set = [](std::string* target, const std::string& value) {
    if (!value.empty()) *target = value;
  };
  set(&columns->indicator, given.indicator);
  set(&columns->organisation, given.organisation);
  set(&columns->period, given.period);
  set(&columns->value, given.value);
  set(&columns->numerator, given.numerator);
  set(&columns->denominator, given.denominator);
  set(&columns->comment, given.comment);
}

// Without a catalogue a series with denominators is a p chart; a missing month (an empty
// denominator) does not make it a chart of values it does not have.
Indicator DefaultIndicator(const Series& series) {
  Indicator ind;
  ind.id = series.indicator_id;
  ind.name = series.indicator_id;
  const bool ratios = std::any_of(series.denominators.begin(), series.denominators.end(),
                                  [](double d) { return !std::isnan(d); });
  ind.chart = DefaultChart(ratios);
  return ind;
}

// --target and --rebase, which apply to every organisation (already checked).
void ApplyTargetAndRebases(const IndicatorOverrides& o, const Series& series, Indicator* ind) {
  if (!o.target.empty() && !series.periods.empty()) {
    double value = 0;
    (void)ingest::ParseNumber(o.target, &value);
    ind->targets = {TargetStep{.from = series.periods.front(),
                               .value = value,
                               .set_by = "--target",
                               .decision = {.reason = "given on the command line"}}};
  }
  for (const std::string& text : o.rebases) {
    const Date date = *Date::ParseIso(text);
    const bool already = std::any_of(ind->rebases.begin(), ind->rebases.end(),
                                     [&](const Rebase& r) { return r.date == date; });
    if (!already) ind->rebases.push_back({date, {.reason = "--rebase on the command line"}});
  }
  std::sort(ind->rebases.begin(), ind->rebases.end(),
            [](const Rebase& a, const Rebase& b) { return a.date < b.date; });
}

}  // namespace

Result<Catalogue> LoadCatalogue(const std::string& path, Diagnostics* diagnostics, Env* env) {
  const std::size_t before = diagnostics->all().size();
  Result<Catalogue> c = ReadCatalogue(path, diagnostics, env);
  if (!c.ok() && diagnostics->all().size() == before)
    return Status(c.status().code(), path + ": " + c.status().message());
  return c;
}

Status CheckRequest(const SeriesRequest& request) {
  const IndicatorOverrides& o = request.overrides;
  if (Status st = CheckIndicatorOverrides(o); !st.ok()) return st;
  if (!o.profile.empty()) {
    if (auto p = FindProfile(o.profile); !p.ok())
      return Status::InvalidArgument("--profile: " + p.status().message());
  }
  if (!o.chart.empty()) {
    if (auto c = ParseChartType(o.chart); !c.ok())
      return Status::InvalidArgument("--chart: " + c.status().message());
  }
  return Status::Ok();
}

Result<ReadOptions> ReadOptionsFor(const SeriesRequest& request) {
  if (Status st = CheckRequest(request); !st.ok()) return st;
  ReadOptions r;
  if (request.catalogue) r.columns = request.catalogue->columns;
  OverrideColumns(request.read.columns, &r.columns);
  r.date_format = request.read.date_format;
  r.delimiter = request.read.delimiter;
  r.lenient = request.read.lenient;
  r.sheet = request.read.sheet;
  r.indicator = request.selection.indicator;
  // One name is also the organisation of a file without an organisation column.
  const std::string& org = request.selection.organisation;
  if (org.find(',') == std::string::npos) r.organisation = org;
  if (!request.overrides.chart.empty()) r.chart = *ParseChartType(request.overrides.chart);
  return r;
}

bool MatchesSelection(const SeriesSelection& selection, const Series& s) {
  if (!selection.indicator.empty() && s.indicator_id != selection.indicator) return false;
  if (selection.organisation.empty()) return true;
  const std::vector<std::string> orgs = SplitCommas(selection.organisation);
  return std::find(orgs.begin(), orgs.end(), s.organisation) != orgs.end();
}

Result<Indicator> IndicatorFor(const Series& series, const SeriesRequest& request) {
  if (Status st = CheckRequest(request); !st.ok()) return st;
  const Indicator* known =
      request.catalogue ? request.catalogue->Find(series.indicator_id) : nullptr;
  Indicator ind = known ? known->ForOrganisation(series.organisation) : DefaultIndicator(series);
  const IndicatorOverrides& o = request.overrides;
  if (!o.chart.empty()) ind.chart = *ParseChartType(o.chart);
  if (!o.profile.empty()) ind.profile = o.profile;
  if (!o.direction.empty()) ind.direction = *ParseDirection(o.direction);
  ApplyTargetAndRebases(o, series, &ind);
  return ind;
}

}  // namespace kaizen::app
