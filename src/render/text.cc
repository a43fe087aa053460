#include "render/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace kaizen::render {
namespace {

constexpr std::string_view kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string TwoDigits(int v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

}  // namespace

int DisplayDecimals(const SeriesResult& result) {
  double lo = INFINITY, hi = -INFINITY;
  for (const PointResult& p : result.points) {
    if (p.missing || !std::isfinite(p.value)) continue;
    lo = std::min(lo, p.value);
    hi = std::max(hi, p.value);
  }
  if (!std::isfinite(lo)) return 1;
  double spread = hi - lo;
  // All values equal: whole numbers need no decimals (twelve months of 0 never events read
  // "0", not "0.000"); other values are judged by their size instead of their spread.
  if (spread == 0 && hi == std::round(hi)) return 0;
  if (spread == 0) spread = std::fabs(hi);
  if (spread >= 100) return 0;
  if (spread >= 10) return 1;
  if (spread >= 1) return 2;
  return 3;
}

std::string FormatValue(double v, int decimals) {
  if (!std::isfinite(v)) return "\xE2\x80\x93";  // en dash
  char buf[64];
  auto [end, ec] =
      std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, std::clamp(decimals, 0, 6));
  if (ec != std::errc()) return "?";
  std::string s(buf, end);
  if (s == "-0" || s.find_first_not_of("-0.") == std::string::npos) {
    if (s[0] == '-') s.erase(0, 1);  // "-0.0" reads as a sign error
  }
  // Thousands separators in the integer part, as UK readers expect ("27,396").
  const std::size_t start = s[0] == '-' ? 1 : 0;
  std::size_t int_end = s.find('.');
  if (int_end == std::string::npos) int_end = s.size();
  for (std::ptrdiff_t i = static_cast<std::ptrdiff_t>(int_end) - 3;
       i > static_cast<std::ptrdiff_t>(start); i -= 3) {
    s.insert(static_cast<std::size_t>(i), ",");
  }
  return s;
}

std::string UkDate(Date d) {
  const CivilDay c = d.ToCivil();
  return TwoDigits(c.day) + "/" + TwoDigits(c.month) + "/" + std::to_string(c.year);
}

std::string PeriodText(Date d) { return d.ToCivil().day == 1 ? d.ToMonthYear() : UkDate(d); }

std::string ShortPeriodText(Date d) {
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
