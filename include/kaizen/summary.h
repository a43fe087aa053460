// The board summary: one row per indicator × organisation, as the Integrated Performance
// Report shows it (domain.md, "Making Data Count and the board report"). Built from the
// engine's result and the indicator; the caller supplies "today" (`as_of`), because the
// computation never reads the clock. The policy (what is stale, what is an exception) lives in
// the model layer (src/model/summary_row.cc), so the CLI, the HTML report and the PDF pages
// draw the same decision rather than each deciding.
#ifndef KAIZEN_SUMMARY_H_
#define KAIZEN_SUMMARY_H_

#include <optional>
#include <string>

#include "kaizen/model.h"
#include "kaizen/spc.h"

namespace kaizen {

struct SummaryRow {
  std::string domain;
  std::string reference;
  std::string indicator_id;
  std::string indicator_name;
  std::string organisation;
  Direction direction = Direction::kNeither;
  ChartType chart = ChartType::kXmr;
  std::optional<Date> updated_to;              // the latest period with a value
  PeriodKind period_kind = PeriodKind::kDate;  // how updated_to is shown (FormatPeriod)
  bool stale = false;  // updated_to is older than the expected refresh allows
  std::optional<double> target;
  std::string target_set_by;
  double latest_value = kMissing;
  double mean = kMissing;         // the centre line at the latest point
  double lower_limit = kMissing;  // the process limits at the latest point
  double upper_limit = kMissing;
  int decimals = 1;  // the series' one display precision (SeriesResult::decimals)
  VariationIcon variation = VariationIcon::kNone;
  AssuranceIcon assurance = AssuranceIcon::kNone;
  Judgement judgement = Judgement::kNoLimits;  // why the icons are absent when they are
  std::optional<bool> target_met;  // the latest value against the target, as a plain fact
  std::string data_quality;
  std::string accountable_person;
  std::string data_owner;
  std::string sentence;   // the engine's summary sentence
  std::string narrative;  // the owner's narrative for the latest period, if any
  // Shown first: special cause concern, failing assurance, or, where no assurance icon can be
  // given (too few points, no variation, no limits...), a latest value that misses its target.
  bool exception = false;
};

// The row for one analysed series. A series is stale when `as_of` is later than updated_to
// plus the indicator's refresh interval plus one further interval of grace (a monthly
// indicator is stale once two months pass without data).
SummaryRow MakeSummaryRow(const Indicator& indicator, const SeriesResult& result, Date as_of);

}  // namespace kaizen

#endif  // KAIZEN_SUMMARY_H_
