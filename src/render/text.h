// The words and numbers the rendered outputs share, so the chart, the HTML report and the PDF
// pages say the same thing the same way: values with a series-wide number of decimals and
// thousands separators, UK period labels, and the MDC icons' meanings in plain English.
#ifndef KAIZEN_RENDER_TEXT_H_
#define KAIZEN_RENDER_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "kaizen/model.h"
#include "kaizen/spc.h"

namespace kaizen::render {

// The series' one display precision (SeriesResult::decimals: the catalogue's `decimals`, else
// what the values need to be told apart), so a column never mixes 12.00 and 12.0.
int DisplayDecimals(const SeriesResult& result);

// "27,396", "94.2", "–" for a missing value (kaizen::FormatDecimals).
std::string FormatValue(double v, int decimals);
// The same with the indicator's unit: "94.2%", "27,950 attendances"; a dash has no unit.
std::string FormatValue(double v, int decimals, std::string_view unit);

// Periods as UK readers expect them: "March 2018" for a month, "07/03/2018" for a day; weeks,
// financial periods and sequences as the data wrote them (FormatPeriod: "2024-W05",
// "2016/17 Q1", "3").
std::string PeriodText(Date d, PeriodKind kind = PeriodKind::kDate);
// The same, shorter, for axis labels: "Mar 2018", "07/03/18", "2024-W05".
std::string ShortPeriodText(Date d, PeriodKind kind = PeriodKind::kDate);
// A date as dd/mm/yyyy.
std::string UkDate(Date d);

// "Special cause concern (low)", "Common cause variation", "No variation icon".
std::string_view VariationIconLabel(VariationIcon icon);
// "Consistently passes the target", "Hit or miss", "No assurance icon".
std::string_view AssuranceIconLabel(AssuranceIcon icon);
// "↑ higher is better", "↓ lower is better", "– neither".
std::string_view DirectionArrow(Direction d);
std::string_view DirectionText(Direction d);
// "p′ chart (Laney)", "XmR chart", ...
std::string_view ChartTypeLabel(ChartType type);
// "Special cause improvement", "Special cause concern", "Special cause, neither improvement
// nor concern", "Common cause", "Not judged". No parentheses: flag text puts the rule in
// parentheses after it.
std::string_view PointClassLabel(PointClass c);
// Why a segment or series is not judged, for labels beside an absent icon and in legends:
// "Not judged yet: too few points for limits", "Not judged: no variation", "Not judged: no
// process limits"; empty for kJudged.
std::string_view JudgementLabel(Judgement j);
// The latest value against the target as a plain fact: "Target met", "Target not met".
std::string_view TargetMetLabel(bool met);
// The rule that gave a point its class, as a phrase without parentheses: "a point beyond a
// process limit", "a shift, a run on one side of the centre line".
std::string_view RuleLabel(RuleId rule);
// Who decided and when, after the reason: "new triage model (decided by J Smith on
// 01/04/2018)"; "no reason recorded" stands in for a missing reason, so the gap shows.
std::string DecisionNote(const Decision& d);

// A decision a board member must be able to see on the page (docs/catalogue.md): a rebase or a
// target change, dated, in words with its reason and who decided.
struct DecisionEvent {
  Date date;
  std::string text;  // "Limits recalculated: ...", "Target changed to 90.0%: ..."
};
// The indicator's rebases and target changes (the first target only when it has a reason), in
// date order, values at `decimals` with the indicator's unit.
std::vector<DecisionEvent> DecisionEvents(const Indicator& indicator, int decimals);

// The number of characters (not bytes) of UTF-8 `text`, for estimating text widths.
int CharCount(std::string_view text);

// `text` broken at spaces into lines of at most `max_chars` characters (a longer word gets a
// line of its own).
std::vector<std::string> WrapWords(std::string_view text, int max_chars);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_TEXT_H_
