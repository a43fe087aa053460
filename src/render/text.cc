#include "render/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "kaizen/number_format.h"

namespace kaizen::render {
namespace {

constexpr std::string_view kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string TwoDigits(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

}  // namespace

int DisplayDecimals(const SeriesResult& result) { return ValueDecimals(result); }

std::string FormatValue(double v, int decimals) { return FormatDecimals(v, decimals); }

std::string FormatValue(double v, int decimals, std::string_view unit) {
  if (!std::isfinite(v)) return FormatDecimals(v, decimals);  // a dash needs no unit
  return WithUnit(FormatDecimals(v, decimals), unit);
}

std::string DecisionNote(const Decision& d) {
  std::string text = d.reason.empty() ? "no reason recorded" : d.reason;
  if (d.decided_by.empty() && !d.decided_on) return text;
  text += " (decided";
  if (!d.decided_by.empty()) text += " by " + d.decided_by;
  if (d.decided_on) text += " on " + UkDate(*d.decided_on);
  return text + ")";
}

std::vector<DecisionEvent> DecisionEvents(const Indicator& indicator, int decimals) {
  std::vector<DecisionEvent> events;
  for (const Rebase& rb : indicator.rebases)
    events.push_back({rb.date, "Limits recalculated: " + DecisionNote(rb.decision)});
  for (std::size_t k = 0; k < indicator.targets.size(); ++k) {
    const TargetStep& t = indicator.targets[k];
    if (k == 0 && t.decision.reason.empty()) continue;  // the target itself, not a change
    std::string what = (k == 0 ? "Target set at " : "Target changed to ") +
                       FormatValue(t.value, decimals, indicator.unit);
    if (!t.set_by.empty()) what += " (" + t.set_by + ")";
    events.push_back({t.from, what + ": " + DecisionNote(t.decision)});
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const DecisionEvent& a, const DecisionEvent& b) { return a.date < b.date; });
  return events;
}

std::string UkDate(Date d) {
  const CivilDay c = d.ToCivil();
  return TwoDigits(c.day) + "/" + TwoDigits(c.month) + "/" + std::to_string(c.year);
}

std::string PeriodText(Date d, PeriodKind kind) {
  if (kind != PeriodKind::kDate) return FormatPeriod(d, kind);  // "2024-W05", "2016/17 Q1", "3"
  return d.ToCivil().day == 1 ? d.ToMonthYear() : UkDate(d);
}

std::string ShortPeriodText(Date d, PeriodKind kind) {
  if (kind != PeriodKind::kDate) return FormatPeriod(d, kind);  // already short
  const CivilDay c = d.ToCivil();
  if (c.day == 1) return std::string(kShortMonths[c.month - 1]) + " " + std::to_string(c.year);
  return TwoDigits(c.day) + "/" + TwoDigits(c.month) + "/" + TwoDigits(c.year % 100);
}

std::string_view VariationIconLabel(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::kCommonCause:
      return "Common cause variation";
    case VariationIcon::kImprovementHigh:
      return "Special cause improvement (high)";
    case VariationIcon::kImprovementLow:
      return "Special cause improvement (low)";
    case VariationIcon::kConcernHigh:
      return "Special cause concern (high)";
    case VariationIcon::kConcernLow:
      return "Special cause concern (low)";
    case VariationIcon::kNeitherHigh:
      return "Special cause neither improvement nor concern (high)";
    case VariationIcon::kNeitherLow:
      return "Special cause neither improvement nor concern (low)";
    case VariationIcon::kNone:
      break;
  }
  return "No variation icon (too few points or no process limits)";
}

}  // namespace kaizen::render

namespace kaizen {

std::string_view VariationIconWords(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::kCommonCause:
      return "common cause";
    case VariationIcon::kImprovementHigh:
      return "special cause improvement (high)";
    case VariationIcon::kImprovementLow:
      return "special cause improvement (low)";
    case VariationIcon::kConcernHigh:
      return "special cause concern (high)";
    case VariationIcon::kConcernLow:
      return "special cause concern (low)";
    case VariationIcon::kNeitherHigh:
      return "special cause neither (high)";
    case VariationIcon::kNeitherLow:
      return "special cause neither (low)";
    case VariationIcon::kNone:
      break;
  }
  return "not judged";
}

std::string_view AssuranceIconWords(AssuranceIcon icon) {
  switch (icon) {
    case AssuranceIcon::kPass:
      return "pass";
    case AssuranceIcon::kFail:
      return "fail";
    case AssuranceIcon::kHitOrMiss:
      return "hit or miss";
    case AssuranceIcon::kNone:
      break;
  }
  return "no assurance";
}

std::string PointClassWords(PointClass c) {
  std::string words(render::PointClassLabel(c));
  words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
  return words;
}

}  // namespace kaizen

namespace kaizen::render {

std::string_view AssuranceIconLabel(AssuranceIcon icon) {
  switch (icon) {
    case AssuranceIcon::kPass:
      return "Consistently passes the target";
    case AssuranceIcon::kFail:
      return "Consistently fails the target";
    case AssuranceIcon::kHitOrMiss:
      return "Hit or miss: sometimes passes, sometimes fails";
    case AssuranceIcon::kNone:
      break;
  }
  return "No assurance icon (no target, direction or process limits)";
}

std::string_view DirectionArrow(Direction d) {
  switch (d) {
    case Direction::kHigherIsBetter:
      return "\xE2\x86\x91";  // ↑
    case Direction::kLowerIsBetter:
      return "\xE2\x86\x93";  // ↓
    case Direction::kNeither:
      break;
  }
  return "\xE2\x80\x93";  // –
}

std::string_view DirectionText(Direction d) {
  switch (d) {
    case Direction::kHigherIsBetter:
      return "higher is better";
    case Direction::kLowerIsBetter:
      return "lower is better";
    case Direction::kNeither:
      break;
  }
  return "neither higher nor lower is better";
}

std::string_view ChartTypeLabel(ChartType type) {
  switch (type) {
    case ChartType::kRun:
      return "run chart";
    case ChartType::kXmr:
      return "XmR chart";
    case ChartType::kMr:
      return "moving range chart";
    case ChartType::kXbar:
      return "x\xCC\x84 chart";  // x̄
    case ChartType::kS:
      return "s chart";
    case ChartType::kP:
      return "p chart";
    case ChartType::kNp:
      return "np chart";
    case ChartType::kC:
      return "c chart";
    case ChartType::kU:
      return "u chart";
    case ChartType::kPPrime:
      return "p\xE2\x80\xB2 chart (Laney)";  // p′
    case ChartType::kUPrime:
      return "u\xE2\x80\xB2 chart (Laney)";
    case ChartType::kG:
      return "g chart";
    case ChartType::kT:
      return "t chart";
  }
  return "chart";
}

std::string_view PointClassLabel(PointClass c) {
  switch (c) {
    case PointClass::kImprovement:
      return "Special cause improvement";
    case PointClass::kConcern:
      return "Special cause concern";
    case PointClass::kNeutral:
      return "Special cause, neither improvement nor concern";
    case PointClass::kNotJudged:
      return "Not judged";
    case PointClass::kCommonCause:
      break;
  }
  return "Common cause";
}

std::string_view JudgementLabel(Judgement j) {
  switch (j) {
    case Judgement::kTooFewPoints:
      return "Not judged yet: too few points for limits";
    case Judgement::kZeroVariation:
      return "Not judged: no variation";
    case Judgement::kNoLimits:
      return "Not judged: no process limits";
    case Judgement::kJudged:
      break;
  }
  return "";
}

std::string_view TargetMetLabel(bool met) { return met ? "Target met" : "Target not met"; }

std::string_view RuleLabel(RuleId rule) {
  switch (rule) {
    case RuleId::kBeyondLimits:
      return "a point beyond a process limit";
    case RuleId::kShift:
      return "a shift, a run on one side of the centre line";
    case RuleId::kTrend:
      return "a trend, points each higher or lower than the last";
    case RuleId::kTwoOfThree:
      return "2 of 3 points close to a limit";
    case RuleId::kFourOfFive:
      return "4 of 5 points beyond 1 sigma";
    case RuleId::kAlternating:
      return "points alternating up and down";
    case RuleId::kStratification:
      return "points hugging the centre line";
    case RuleId::kMixture:
      return "points avoiding the centre line";
    case RuleId::kLongestRun:
      return "an unusually long run";
    case RuleId::kCrossings:
      return "too few crossings of the centre line";
    case RuleId::kRunCount:
      return "too few or too many runs";
    case RuleId::kCount:
    case RuleId::kNone:
      break;
  }
  return "no rule";
}

int CharCount(std::string_view text) {
  int n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::vector<std::string> WrapWords(std::string_view text, int max_chars) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(pos, end - pos);
    if (!line.empty() && CharCount(line) + 1 + CharCount(word) > max_chars) {
      lines.push_back(line);
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    pos = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace kaizen::render
