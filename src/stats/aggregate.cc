// From records to measures (include/kaizen/aggregate.h).
#include "kaizen/aggregate.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "kaizen/date.h"

namespace kaizen {
namespace {

Date FromCivilOrDie(int year, int month, int day) {
  // Callers pass the first of a valid month, which always exists.
  return *Date::FromCivil(year, month, day);
}

Date NextPeriod(Date start, PeriodUnit unit) {
  switch (unit) {
    case PeriodUnit::kDay:
      return Date(start.days_since_epoch() + 1);
    case PeriodUnit::kWeek:
      return Date(start.days_since_epoch() + 7);
    // `start` is the first of its month, so AddMonths never clamps a day.
    case PeriodUnit::kMonth:
      return AddMonths(start, 1);
    case PeriodUnit::kQuarter:
      return AddMonths(start, 3);
    case PeriodUnit::kYear:
      return AddMonths(start, 12);
  }
  return start;
}

bool NeedsValues(PeriodMeasure m) { return m != PeriodMeasure::kCount; }

double Median(std::vector<double>& v) {
  const std::size_t n = v.size();
  const std::size_t mid = n / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  if (n % 2 == 1) return v[mid];
  const double upper = v[mid];
  const double lower = *std::max_element(v.begin(), v.begin() + mid);
  return (lower + upper) / 2;
}

}  // namespace

Date PeriodStart(Date date, PeriodUnit unit) {
  switch (unit) {
    case PeriodUnit::kDay:
      return date;
    case PeriodUnit::kWeek:
      return Date(date.days_since_epoch() - DaysSinceMonday(date));
    case PeriodUnit::kMonth: {
      const CivilDay c = date.ToCivil();
      return FromCivilOrDie(c.year, c.month, 1);
    }
    case PeriodUnit::kQuarter: {
      const CivilDay c = date.ToCivil();
      return FromCivilOrDie(c.year, (c.month - 1) / 3 * 3 + 1, 1);
    }
    case PeriodUnit::kYear:
      return FromCivilOrDie(date.ToCivil().year, 1, 1);
  }
  return date;
}

namespace {

Status CheckAggregateInput(std::size_t n, std::size_t n_values, std::size_t n_denominators,
                           const AggregateOptions& options) {
  if (NeedsValues(options.measure) && n_values != n) {
    return Status::InvalidArgument("aggregate: " + std::to_string(n) + " dates but " +
                                   std::to_string(n_values) + " values");
  }
  if (options.measure == PeriodMeasure::kRatio && n_denominators != n) {
    return Status::InvalidArgument("aggregate: a ratio needs one denominator per row (" +
                                   std::to_string(n) + " dates, " + std::to_string(n_denominators) +
                                   " denominators)");
  }
  if (!(std::isfinite(options.multiplier) && options.multiplier > 0)) {
    return Status::InvalidArgument("aggregate: the multiplier must be positive and finite");
  }
  if (options.from && options.to && *options.from > *options.to) {
    return Status::InvalidArgument("aggregate: 'from' is after 'to'");
  }
  return Status::Ok();
}

bool OutsideWindow(Date date, const AggregateOptions& options) {
  return (options.from && date < *options.from) || (options.to && date > *options.to);
}

// First pass: checks the values and returns the start of every period from the first to the
// last (the window's ends when given, so empty periods at either end are shown), counting the
// rows outside the window in out->rows_outside.
Result<std::vector<Date>> PeriodStarts(std::span<const Date> dates, std::span<const double> values,
                                       std::span<const double> denominators,
                                       const AggregateOptions& options, Aggregated* out) {
  const PeriodMeasure measure = options.measure;
  std::optional<Date> first, last;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (OutsideWindow(dates[i], options)) {
      ++out->rows_outside;
      continue;
    }
    if (NeedsValues(measure) && std::isinf(values[i])) {
      return Status::InvalidArgument("aggregate: row " + std::to_string(i + 1) +
                                     " has an infinite value");
    }
    if (measure == PeriodMeasure::kRatio && std::isinf(denominators[i])) {
      return Status::InvalidArgument("aggregate: row " + std::to_string(i + 1) +
                                     " has an infinite denominator");
    }
    const Date p = PeriodStart(dates[i], options.unit);
    if (!first || p < *first) first = p;
    if (!last || p > *last) last = p;
  }
  if (options.from) first = PeriodStart(*options.from, options.unit);
  if (options.to) last = PeriodStart(*options.to, options.unit);
  if (!first || !last) {
    return Status::FailedPrecondition("aggregate: no rows to aggregate");
  }
  std::vector<Date> starts;
  for (Date p = *first; p <= *last; p = NextPeriod(p, options.unit)) starts.push_back(p);
  return starts;
}

// Running totals per period. mean and m2 follow Welford (1962), which avoids the cancellation
// of Σx² − (Σx)²/n.
struct PeriodTotals {
  explicit PeriodTotals(std::size_t k, PeriodMeasure measure)
      : sum(k, 0),
        mean(k, 0),
        m2(k, 0),
        count(k, 0),
        meets(k, 0),
        denom(k, 0),
        bucket(measure == PeriodMeasure::kMedian ? k : 0) {}
  std::vector<double> sum, mean, m2, count, meets, denom;
  std::vector<std::vector<double>> bucket;  // the values themselves, for medians only
};

// Second pass: each row in the window into its period's totals, counting rows used and missing.
PeriodTotals AddUpRows(std::span<const Date> dates, std::span<const double> values,
                       std::span<const double> denominators, const AggregateOptions& options,
                       const std::vector<Date>& starts, Aggregated* out) {
  const PeriodMeasure measure = options.measure;
  PeriodTotals t(starts.size(), measure);
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (OutsideWindow(dates[i], options)) continue;
    const Date p = PeriodStart(dates[i], options.unit);
    const std::size_t j = std::lower_bound(starts.begin(), starts.end(), p) - starts.begin();
    if (measure == PeriodMeasure::kCount) {
      t.count[j] += 1;
      ++out->rows_used;
      continue;
    }
    const double v = values[i];
    if (std::isnan(v) || (measure == PeriodMeasure::kRatio && std::isnan(denominators[i]))) {
      ++out->rows_missing;
      continue;
    }
    ++out->rows_used;
    t.count[j] += 1;
    t.sum[j] += v;
    const double delta = v - t.mean[j];
    t.mean[j] += delta / t.count[j];
    t.m2[j] += delta * (v - t.mean[j]);
    if (measure == PeriodMeasure::kProportion && options.condition.Holds(v)) t.meets[j] += 1;
    if (measure == PeriodMeasure::kRatio) t.denom[j] += denominators[i];
    if (measure == PeriodMeasure::kMedian) t.bucket[j].push_back(v);
  }
  return t;
}

// Period j's observation under the measure (its median reorders its bucket).
Observation ObservationOf(std::size_t j, Date start, PeriodTotals& t,
                          const AggregateOptions& options) {
  Observation o{.period = start};
  const double c = t.count[j];
  switch (options.measure) {
    case PeriodMeasure::kCount:
      o.value = o.numerator = c;
      break;
    case PeriodMeasure::kSum:
      o.value = o.numerator = t.sum[j];
      o.denominator = c;
      break;
    case PeriodMeasure::kMean:
      o.denominator = c;
      if (c > 0) o.value = t.mean[j];
      if (c > 1) o.subgroup_sd = std::sqrt(t.m2[j] / (c - 1));
      break;
    case PeriodMeasure::kMedian:
      o.denominator = c;
      if (c > 0) o.value = Median(t.bucket[j]);
      break;
    case PeriodMeasure::kProportion:
      o.numerator = t.meets[j];
      o.denominator = c;
      if (c > 0) o.value = t.meets[j] / c;
      break;
    case PeriodMeasure::kRatio:
      o.numerator = t.sum[j];
      o.denominator = t.denom[j];
      if (t.denom[j] > 0) o.value = t.sum[j] / t.denom[j] * options.multiplier;
      break;
  }
  return o;
}

}  // namespace

Result<Aggregated> AggregateByPeriod(std::span<const Date> dates, std::span<const double> values,
                                     std::span<const double> denominators,
                                     const AggregateOptions& options) {
  if (Status s = CheckAggregateInput(dates.size(), values.size(), denominators.size(), options);
      !s.ok()) {
    return s;
  }
  Aggregated out;
  Result<std::vector<Date>> starts = PeriodStarts(dates, values, denominators, options, &out);
  if (!starts.ok()) return starts.status();
  PeriodTotals totals = AddUpRows(dates, values, denominators, options, *starts, &out);
  for (std::size_t j = 0; j < starts->size(); ++j) {
    out.series.Add(ObservationOf(j, (*starts)[j], totals, options));
  }
  return out;
}

Result<Series> DaysBetweenEvents(std::span<const Date> event_dates, std::optional<Date> since) {
  std::vector<Date> sorted(event_dates.begin(), event_dates.end());
  std::sort(sorted.begin(), sorted.end());
  Series s;
  std::optional<Date> previous = since;
  for (Date d : sorted) {
    if (previous) {
      if (d < *previous) {
        return Status::InvalidArgument("days between events: an event on " + d.ToIso() +
                                       " is before the start date " + previous->ToIso());
      }
      s.Add({.period = d,
             .value = static_cast<double>(d.days_since_epoch() - previous->days_since_epoch())});
    }
    previous = d;
  }
  if (s.size() == 0) {
    return Status::FailedPrecondition(
        "days between events: needs two events (or one event and a start date)");
  }
  return s;
}

Result<Series> CasesBetweenEvents(std::span<const Date> dates, const std::vector<bool>& is_event) {
  if (dates.size() != is_event.size()) {
    return Status::InvalidArgument("cases between events: " + std::to_string(dates.size()) +
                                   " dates but " + std::to_string(is_event.size()) + " flags");
  }
  Series s;
  double cases = 0;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (i > 0 && dates[i] < dates[i - 1]) {
      return Status::InvalidArgument("cases between events: row " + std::to_string(i + 1) +
                                     " is dated before the row above; give cases in order");
    }
    if (is_event[i]) {
      s.Add({.period = dates[i], .value = cases});
      cases = 0;
    } else {
      cases += 1;
    }
  }
  if (s.size() == 0) return Status::FailedPrecondition("cases between events: no event");
  return s;
}

bool Condition::Holds(double v) const {
  switch (op) {
    case Comparison::kLess:
      return v < threshold;
    case Comparison::kLessOrEqual:
      return v <= threshold;
    case Comparison::kEqual:
      return v == threshold;
    case Comparison::kGreaterOrEqual:
      return v >= threshold;
    case Comparison::kGreater:
      return v > threshold;
  }
  return false;
}

}  // namespace kaizen
