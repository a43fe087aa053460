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

// The decimals a series' values need to be told apart: 0 when they spread over 100 or more,
// 1 over 10, 2 over 1, else 3 (a value of 94.2 % or 27,396 attendances reads naturally).
int DisplayDecimals(const SeriesResult& result);

// "27,396", "94.2", "–" for a missing value. Locale-independent (std::to_chars).
std::string FormatValue(double v, int decimals);

// Periods as UK readers expect them: "March 2018" for a month, "07/03/2018" for a day.
std::string PeriodText(Date d);
// The same, shorter, for axis labels: "Mar 2018", "07/03/18".
std::string ShortPeriodText(Date d);
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
// The number of characters (not bytes) of UTF-8 `text`, for estimating text widths.
int CharCount(std::string_view text);

// `text` broken at spaces into lines of at most `max_chars` characters (a longer word gets a
// line of its own).
std::vector<std::string> WrapWords(std::string_view text, int max_chars);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_TEXT_H_
