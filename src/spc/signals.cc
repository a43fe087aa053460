#include "spc/signals.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "kaizen/chart_traits.h"
#include "kaizen/number_format.h"
#include "spc/classify.h"

namespace kaizen::spc {
namespace {

// A value of the series at the series' one precision (SeriesResult::decimals), so a sentence
// says "94.2" where the chart's axis and the data table do.
// With the indicator's unit as every output writes it: "74.0%", "15,994 attendances".
std::string Number(const SeriesResult& r, std::string_view unit, double v) {
  return WithUnit(FormatDecimals(v, ValueDecimals(r)), unit);
}

std::string_view ClassPhrase(PointClass c) {
  switch (c) {
    case PointClass::kImprovement:
      return "special cause improvement";
    case PointClass::kConcern:
      return "special cause concern";
    case PointClass::kNeutral:
      return "special cause variation (neither improvement nor concern)";
    case PointClass::kNotJudged:
      return "not judged";
    case PointClass::kCommonCause:
      break;
  }
  return "common cause variation";
}

std::string Span(const SeriesResult& r, int first, int last) {
  if (first == last) return "in " + PeriodLabel(r.points[first].period, r.period_kind);
  return "from " + PeriodLabel(r.points[first].period, r.period_kind) + " to " +
         PeriodLabel(r.points[last].period, r.period_kind);
}

// The sentence for one episode of `count` flagged points.
std::string Sentence(const SeriesResult& r, std::string_view unit, const Profile& p, RuleId rule,
                     Side side, int first, int last, int count) {
  const bool high = side == Side::kHigh;
  const std::string where = Span(r, first, last);
  const std::string centre = TraitsOf(r.chart).centre == CentreLine::kMedian ? "median" : "mean";
  switch (rule) {
    case RuleId::kBeyondLimits:
      if (count == 1) {
        const PointResult& pt = r.points[first];
        return PeriodLabel(pt.period, r.period_kind) + " (" + Number(r, unit, pt.value) + ") is " +
               (high ? "above the upper" : "below the lower") + " process limit (" +
               Number(r, unit, high ? pt.upper3 : pt.lower3) + ")";
      }
      return std::to_string(count) + " points " + (high ? "above the upper" : "below the lower") +
             " process limit " + where;
    case RuleId::kShift:
      return std::to_string(count) + " points in a row " + (high ? "above" : "below") + " the " +
             centre + " " + where;
    case RuleId::kTrend:
      return std::to_string(count) + " points in a row " + (high ? "each higher" : "each lower") +
             " than the one before " + where;
    case RuleId::kTwoOfThree:
      return std::to_string(p.two_of_three.count) + " of " + std::to_string(p.two_of_three.window) +
             " points close to the " + (high ? "upper" : "lower") + " limit (beyond " +
             FormatAuto(p.two_of_three.sigma) + " sigma) " + where;
    case RuleId::kFourOfFive:
      return std::to_string(p.four_of_five.count) + " of " + std::to_string(p.four_of_five.window) +
             " points beyond " + FormatAuto(p.four_of_five.sigma) + " sigma " +
             (high ? "above" : "below") + " the " + centre + " " + where;
    case RuleId::kAlternating:
      return "points alternating up and down for " + std::to_string(p.alternating_length) +
             " or more in a row " + where;
    case RuleId::kStratification:
      return std::to_string(p.stratification_length) +
             " or more points in a row within 1 sigma of the " + centre + " " + where;
    case RuleId::kMixture:
      return std::to_string(p.mixture_length) +
             " or more points in a row more than 1 sigma from the " + centre + " " + where;
    case RuleId::kLongestRun:
      return "a run on one side of the " + centre + " longer than expected by chance " + where;
    case RuleId::kCrossings:
      return "fewer crossings of the " + centre + " than expected by chance " + where;
    case RuleId::kRunCount:
      return "too few or too many runs around the " + centre + " " + where;
    case RuleId::kCount:
    case RuleId::kNone:
      break;
  }
  return "";
}

// The window of a windowed zone rule, 1 (no window) for the others.
int RuleWindow(const Profile& p, RuleId rule) {
  if (rule == RuleId::kTwoOfThree) return p.two_of_three.window;
  if (rule == RuleId::kFourOfFive) return p.four_of_five.window;
  return 1;
}

// The class an episode states: its rule's own reading (`own`), unless none of its flagged points
// took its class from this rule and they all took the same improvement or concern class from
// another. That is the point that is improvement and concern at once: the signal list then says
// what the data table says for it, the class that classification gave the point.
PointClass EpisodeClass(const SeriesResult& r, RuleId rule, int8_t flag, int first, int last,
                        PointClass own) {
  if (own != PointClass::kImprovement && own != PointClass::kConcern) return own;
  bool seen = false;
  PointClass shared = own;
  for (int i = first; i <= last; ++i) {
    const PointResult& pt = r.points[i];
    if (pt.missing || pt.ghosted || pt.rules[static_cast<int>(rule)] != flag) continue;
    if (pt.label == rule) return own;
    if (seen && pt.point_class != shared) return own;
    shared = pt.point_class;
    seen = true;
  }
  const bool sided = shared == PointClass::kImprovement || shared == PointClass::kConcern;
  return seen && sided ? shared : own;
}

}  // namespace

std::string PeriodLabel(Date d, PeriodKind kind) {
  // A bare number reads as a quantity in a sentence ("from 3 to 4"): say it is a period.
  if (kind == PeriodKind::kSequence) return "period " + FormatPeriod(d, kind);
  if (kind != PeriodKind::kDate) return FormatPeriod(d, kind);  // "2024-W05", "2016/17 Q1"
  return d.ToCivil().day == 1 ? d.ToMonthYear() : d.ToIso();
}

void DescribeSignals(const Profile& profile, Direction direction, std::string_view unit,
                     bool with_sentences, SeriesResult* out) {
  const auto& points = out->points;
  // Most series have few flagged rules: find them first so the episode walk skips the rest.
  // OR-ing the flags a word at a time: byte r of the result is non-zero iff rule r flagged a
  // point. Most series have no flag at all and return here.
  uint64_t low_word = 0, high_word = 0;
  static_assert(kRuleCount > 8 && kRuleCount <= 16);
  for (const PointResult& pt : points) {
    uint64_t a = 0, b = 0;
    std::memcpy(&a, pt.rules.data(), 8);
    std::memcpy(&b, pt.rules.data() + 8, kRuleCount - 8);
    low_word |= a;
    high_word |= b;
  }
  if ((low_word | high_word) == 0) return;
  uint8_t any[16];
  std::memcpy(any, &low_word, 8);
  std::memcpy(any + 8, &high_word, 8);
  for (int r = 0; r < kRuleCount; ++r) {
    if (any[r] == 0) continue;
    const auto rule = static_cast<RuleId>(r);
    // A windowed rule (2 of 3, 4 of 5) flags the points beyond its band, not the ones between:
    // flagged points that share a window are one episode, one sentence.
    const int max_gap = std::max(0, RuleWindow(profile, rule) - 2);
    int first = -1, last = -1, count = 0, gap = 0;
    int8_t flag = 0;
    auto close = [&] {
      if (first < 0) return;
      const Side side = flag == 1 ? Side::kHigh : (flag == -1 ? Side::kLow : Side::kNone);
      const PointClass c = EpisodeClass(*out, rule, flag, first, last, ClassOf(side, direction));
      std::string sentence;
      if (with_sentences) {
        sentence = Sentence(*out, unit, profile, rule, side, first, last, count);
        sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
        sentence += ": " + std::string(ClassPhrase(c)) + ".";
      }
      out->signals.push_back({rule, side, c, first, last, std::move(sentence)});
      first = -1;
      count = 0;
    };
    for (int i = 0; i < static_cast<int>(points.size()); ++i) {
      const PointResult& pt = points[i];
      if (pt.missing || pt.ghosted) continue;  // stepped over, as the rules do
      const int8_t f = pt.rules[r];
      const bool new_segment = first >= 0 && pt.segment != points[last].segment &&
                               !(rule == RuleId::kTrend && profile.trend_across_segments);
      if (new_segment || (f != 0 && f != flag)) close();
      if (f == 0) {
        if (first >= 0 && ++gap > max_gap) close();
        continue;
      }
      if (first < 0) {
        first = i;
        flag = f;
      }
      last = i;
      gap = 0;
      ++count;
    }
    close();
  }
}

namespace {

// "9 of the 15 points needed for limits (6 more)", with what the count covers: the baseline
// when the indicator fixes one that leaves points out, the points since a rebase.
std::string TooFewPointsPhrase(const SeriesResult& r, const SegmentResult& seg) {
  const int more = std::max(0, seg.points_needed - seg.n_baseline);
  std::string s = "Not judged yet: ";
  if (seg.n_baseline < seg.n_used) s += "the baseline has ";
  s += std::to_string(seg.n_baseline) + " of the " + std::to_string(seg.points_needed) +
       " points needed for limits";
  if (seg.first > 0)
    s += " since the limits were recalculated in " +
         PeriodLabel(r.points[seg.first].period, r.period_kind);
  return s + " (" + std::to_string(more) + " more).";
}

// "No variation: every value is 12 since January 2024, so there is nothing to judge." When the
// kept values differ (moving ranges broken at gaps, as qicharts2 takes them), every moving
// range is still 0, and the sentence says that instead.
std::string ZeroVariationPhrase(const SeriesResult& r, std::string_view unit,
                                const SegmentResult& seg) {
  int first = -1;
  bool all_equal = true;
  for (int i = seg.first; i <= seg.last; ++i) {
    const PointResult& pt = r.points[i];
    if (pt.missing || pt.ghosted) continue;
    if (first < 0) first = i;
    all_equal = all_equal && pt.value == r.points[first].value;
  }
  if (first < 0) return "No variation, so there is nothing to judge.";
  const std::string since = " since " + PeriodLabel(r.points[first].period, r.period_kind);
  if (!all_equal)
    return "No variation: every moving range is 0" + since + ", so there is nothing to judge.";
  return "No variation: every value is " + Number(r, unit, r.points[first].value) + since +
         ", so there is nothing to judge.";
}

// Why the latest point is not judged, in the board's words (issue 7).
std::string NotJudgedPhrase(const SeriesResult& r, std::string_view unit,
                            const SegmentResult& seg) {
  switch (seg.judgement) {
    case Judgement::kTooFewPoints:
      return TooFewPointsPhrase(r, seg);
    case Judgement::kZeroVariation:
      return ZeroVariationPhrase(r, unit, seg);
    case Judgement::kNoLimits:
    case Judgement::kJudged:
      break;
  }
  return "Not judged: no process limits can be drawn from " + std::to_string(seg.n_used) +
         (seg.n_used == 1 ? " point" : " points") + ", so there is nothing to judge.";
}

// The latest value against the target as a plain fact: what the board still needs to see when
// no icon can be given.
std::string LatestAgainstTarget(const SeriesResult& r, std::string_view unit,
                                const PointResult& pt) {
  const std::string latest = "The latest point (" + PeriodLabel(pt.period, r.period_kind) + ", " +
                             Number(r, unit, pt.value) + ")";
  if (!r.target) return latest + " has no target.";
  const std::string target = "the target of " + Number(r, unit, *r.target);
  if (!r.target_met)
    return latest + " is shown against " + target + " (no better direction is set).";
  return latest + (*r.target_met ? " meets " : " does not meet ") + target + ".";
}

}  // namespace

std::string SummarySentence(const SeriesResult& r, std::string_view unit) {
  if (r.latest < 0) return "No data.";
  const PointResult& pt = r.points[r.latest];
  const SegmentResult& seg = r.segments[pt.segment];
  if (seg.judgement != Judgement::kJudged)
    return NotJudgedPhrase(r, unit, seg) + " " + LatestAgainstTarget(r, unit, pt);
  // Appended piece by piece into one reserved string: this runs once per series in batch runs.
  std::string s;
  s.reserve(192);
  s.append("The latest point (").append(PeriodLabel(pt.period, r.period_kind)).append(", ");
  s.append(Number(r, unit, pt.value)).append(") ");
  switch (r.variation) {
    case VariationIcon::kNone:
      s += "cannot be judged";
      break;
    case VariationIcon::kCommonCause:
      s += "shows common cause variation";
      break;
    default:
      s.append("shows ").append(pt.value >= pt.centre ? "high " : "low ");
      s.append(ClassPhrase(pt.point_class));
      break;
  }
  if (r.target) {
    s.append("; against the target of ").append(Number(r, unit, *r.target)).append(" ");
    switch (r.assurance) {
      case AssuranceIcon::kPass:
        s += "the process will consistently pass";
        break;
      case AssuranceIcon::kFail:
        s += "the process will consistently fail";
        break;
      case AssuranceIcon::kHitOrMiss:
        s += "the process will sometimes pass and sometimes fail";
        break;
      case AssuranceIcon::kNone:
        s += "no assurance can be given";
        if (r.target_met)
          s += *r.target_met ? ", and the latest value meets it"
                             : ", and the latest value does not meet it";
        break;
    }
  }
  s += '.';
  return s;
}

}  // namespace kaizen::spc
