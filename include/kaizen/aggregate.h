// From records to measures: turns event- or patient-level rows (one row per admission,
// operation, incident...) into a kaizen::Series that the SPC engine can chart.
//
// Per period (day, ISO week, month, quarter, year): a count of rows, a sum, a mean (with the
// subgroup standard deviation, for xbar and s charts), a median, the proportion of rows
// meeting a condition (p chart), or a ratio of two summed columns (u chart). For rare events:
// the days between events (t chart) and the cases between events (g chart).
//
// Pure computation: no I/O, no clock. Rows need not be sorted. Results are plain values.
// Missing values (NaN) are skipped and counted; an infinite value is an error naming its row.
#ifndef KAIZEN_AGGREGATE_H_
#define KAIZEN_AGGREGATE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kaizen/date.h"
#include "kaizen/model.h"
#include "kaizen/status.h"

namespace kaizen {

// Periods are labelled by their first day: the 1st of the month or quarter, 1 January, or the
// Monday that starts an ISO 8601 week.
enum class PeriodUnit { kDay, kWeek, kMonth, kQuarter, kYear };

// The first day of the period that contains `date`.
Date PeriodStart(Date date, PeriodUnit unit);

enum class PeriodMeasure {
  kCount,       // rows in the period (values ignored); c chart
  kSum,         // sum of values
  kMean,        // mean of values; denominators = n, subgroup_sds = sample sd (n − 1)
  kMedian,      // median of values (mean of the middle two for even n)
  kProportion,  // rows whose value meets `condition` / rows with a value; p chart
  kRatio,       // Σ values / Σ denominators × multiplier; u chart (e.g. falls per bed day)
};

enum class Comparison { kLess, kLessOrEqual, kEqual, kGreaterOrEqual, kGreater };

// "value <op> threshold", e.g. length of stay ≤ 7 days.
struct Condition {
  Comparison op = Comparison::kLessOrEqual;
  double threshold = 0;

  // Whether `v` meets the condition (NaN never does).
  bool Holds(double v) const;
};

struct AggregateOptions {
  PeriodUnit unit = PeriodUnit::kMonth;
  PeriodMeasure measure = PeriodMeasure::kCount;
  Condition condition;      // kProportion
  double multiplier = 1.0;  // kRatio: per 1,000 bed days → 1000
  // The series covers every period from `from` (or the first row's) to `to` (or the last
  // row's). A period with no rows is a zero for kCount and kSum (nothing happened) and a
  // missing value for the other measures (nothing to average).
  std::optional<Date> from, to;
};

struct Aggregated {
  Series series;  // values, numerators, denominators, subgroup_sds all filled
  int64_t rows_used = 0;
  int64_t rows_missing = 0;  // NaN value (or denominator) in a measure that needs it
  int64_t rows_outside = 0;  // dated before `from` or after `to`
};

// `dates` one per row; `values` parallel (may be empty for kCount); `denominators` parallel
// for kRatio only. Returns InvalidArgument when lengths differ, a value is infinite, the
// multiplier is not positive and finite, or `from` is after `to`; FailedPrecondition when
// there are no rows in range.
Result<Aggregated> AggregateByPeriod(std::span<const Date> dates, std::span<const double> values,
                                     std::span<const double> denominators,
                                     const AggregateOptions& options);

// Rare events, t chart input: one point per event after the first, dated on the event, whose
// value is the days since the previous event (Benneyan 2001; Provost & Murray 2011, ch. 7).
// Events on the same day give 0. With `since` set, the first event also gets a point: the
// days from `since`. Returns FailedPrecondition when there are no intervals.
Result<Series> DaysBetweenEvents(std::span<const Date> event_dates,
                                 std::optional<Date> since = std::nullopt);

// Rare events, g chart input: `dates` and `is_event` describe every case (admission,
// operation) in order of occurrence, events or not. One point per event, dated on the event,
// whose value is the number of non-event cases since the previous event (or since the first
// case, for the first event): Benneyan's g statistic, geometric on 0, 1, 2, … Rows are taken
// in the given order, which must be non-decreasing by date. Returns InvalidArgument when
// lengths differ or dates go backwards; FailedPrecondition when there is no event.
Result<Series> CasesBetweenEvents(std::span<const Date> dates, const std::vector<bool>& is_event);

}  // namespace kaizen

#endif  // KAIZEN_AGGREGATE_H_
