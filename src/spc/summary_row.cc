// One row of the Integrated Performance Report from an indicator and its analysed series: the
// board's policy on what counts as stale and what is an exception. Model layer, not render/:
// the CLI's summary, the HTML report and the PDF pages all draw the same decision.
#include <algorithm>
#include <string>

#include "kaizen/summary.h"

namespace kaizen {
namespace {

// The latest date at which data to `updated_to` is still current: two refresh intervals later
// (the interval itself, then one interval of grace for the publication lag). nullopt when the
// refresh frequency is unknown, so an indicator without one is never called stale.
std::optional<Date> FreshUntil(Date updated_to, std::string_view refresh) {
  const int32_t days = updated_to.days_since_epoch();
  if (refresh == "daily") return Date(days + 2);
  if (refresh == "weekly") return Date(days + 14);
  if (refresh == "monthly") return AddMonths(updated_to, 2);
  if (refresh == "quarterly") return AddMonths(updated_to, 6);
  if (refresh == "annual" || refresh == "annually" || refresh == "yearly") {
    return AddMonths(updated_to, 24);
  }
  return std::nullopt;
}

}  // namespace

SummaryRow MakeSummaryRow(const Indicator& indicator, const SeriesResult& result, Date as_of) {
  SummaryRow row;
  row.domain = indicator.domain;
  row.reference = indicator.reference;
  row.indicator_id = indicator.id;
  row.indicator_name = indicator.name;
  row.organisation = result.organisation;
  row.direction = indicator.direction;
  row.chart = indicator.chart;
  row.target = result.target;
  row.variation = result.variation;
  row.assurance = result.assurance;
  row.data_quality = indicator.data_quality;
  row.accountable_person = indicator.accountable_person;
  row.data_owner = indicator.data_owner;
  row.judgement = result.judgement;
  row.target_met = result.target_met;
  row.sentence = result.summary;
  row.decimals = ValueDecimals(result);
  // Without an assurance icon the plain fact decides: a board must never lose sight of a
  // series that misses its target because it cannot be judged yet (issue 7).
  const bool misses_unassured =
      result.assurance == AssuranceIcon::kNone && result.target_met == false;
  row.exception = result.variation == VariationIcon::kConcernHigh ||
                  result.variation == VariationIcon::kConcernLow ||
                  result.assurance == AssuranceIcon::kFail || misses_unassured;
  if (result.latest < 0 || result.latest >= static_cast<int32_t>(result.points.size())) {
    return row;
  }
  const PointResult& latest = result.points[result.latest];
  row.updated_to = latest.period;
  row.period_kind = result.period_kind;
  row.latest_value = latest.value;
  row.mean = latest.centre;
  row.lower_limit = latest.lower3;
  row.upper_limit = latest.upper3;
  if (row.target) {
    if (std::optional<TargetStep> step = indicator.TargetAt(latest.period)) {
      row.target_set_by = step->set_by;
    }
  }
  // A sequence number is no day in the calendar, so it cannot fall behind today.
  const std::optional<Date> fresh_until = result.period_kind == PeriodKind::kSequence
                                              ? std::nullopt
                                              : FreshUntil(latest.period, indicator.refresh);
  row.stale = fresh_until && as_of > *fresh_until;
  // The last narrative written for the latest period: an owner may revise it within the month.
  for (const Narrative& n : indicator.narratives) {
    if (n.period == latest.period && n.AppliesTo(result.organisation)) row.narrative = n.text;
  }
  return row;
}

}  // namespace kaizen
