// The engine facade: validates a series, splits it into segments, has the chart type draw
// each segment's lines, applies the profile's rules, classifies, and fills the results.
// Every per-point buffer lives in Scratch and is reused, so a warmed-up engine does not
// allocate per point.
#include <algorithm>
#include <cmath>
#include <string>

#include "kaizen/chart_traits.h"
#include "kaizen/number_format.h"
#include "kaizen/spc.h"
#include "spc/chart.h"
#include "spc/classify.h"
#include "spc/overdispersion.h"
#include "spc/rules.h"
#include "spc/signals.h"
#include "spc/target_plausibility.h"

namespace kaizen {

struct spc::EngineScratch {
  std::vector<double> y, out_y, centre, lower3, lower2, lower1, upper1, upper2, upper3;
  std::vector<uint8_t> ghosted, kept, estimate;
  std::vector<int32_t> segment_starts, judged, judged_all, ghost_indices;
  spc::ChartScratch chart;

  // Every element is written before it is read (the chart fills all lines of its segment),
  // so only the ghost mask needs clearing; resize() keeps the capacity of earlier series.
  void Resize(std::size_t n) {
    for (auto* v : {&y, &out_y, &centre, &lower3, &lower2, &lower1, &upper1, &upper2, &upper3})
      v->resize(n);
    for (auto* v : {&kept, &estimate}) v->resize(n);
    ghosted.assign(n, 0);
  }
};

SpcEngine::SpcEngine() : scratch_(std::make_unique<spc::EngineScratch>()) {}
SpcEngine::~SpcEngine() = default;

namespace {

// The statistic a chart plots for row i, or NaN with *invalid set when the row's values make
// no sense for the chart (spc-spec.md, "Edge cases": denominators ≤ 0 or below the numerator,
// non-positive t values).
double PlottedValue(ChartType chart, const Series& s, std::size_t i, bool* invalid) {
  *invalid = false;
  auto bad = [&] {
    *invalid = true;
    return kMissing;
  };
  const ChartTraits& t = TraitsOf(chart);
  const double v = t.ReadsValue() ? s.values[i] : kMissing;
  const double num = t.ReadsRatio() ? s.numerators[i] : kMissing;
  const double den = t.ReadsRatio() || t.ReadsSubgroup() ? s.denominators[i] : kMissing;
  // What a row may hold for its chart is one rule (CheckPoint, model/indicator.cc), which the
  // importer applies with the row's file and line; here it guards series built any other way.
  if (CheckPoint(chart, v, num, den) != PointProblem::kNone) return bad();
  switch (t.plots) {
    case Plotted::kValue:
      if (std::isinf(v)) return bad();
      return v;
    case Plotted::kProportion:
    case Plotted::kDefectives:
      if (std::isnan(num) || std::isnan(den)) return kMissing;
      if (!std::isfinite(den)) return bad();
      return t.plots == Plotted::kDefectives ? num : num / den;
    case Plotted::kRate:
      if (std::isnan(num) || std::isnan(den)) return kMissing;
      if (!std::isfinite(den) || !std::isfinite(num)) return bad();
      return num / den;
    case Plotted::kSubgroupMean:
      if (std::isnan(v) || std::isnan(den) || den < 1) return kMissing;
      return std::isfinite(v) ? v : bad();
    case Plotted::kSubgroupSd: {
      const double sd = s.subgroup_sds[i];
      if (std::isnan(sd) || std::isnan(den) || den < 2) return kMissing;
      return sd >= 0 && std::isfinite(sd) ? sd : bad();
    }
  }
  return kMissing;
}

Status CheckColumns(ChartType chart, const Series& s) {
  const std::size_t n = s.size();
  auto check = [&](const std::vector<double>& col, const char* name) -> Status {
    if (col.size() != n)
      return Status::InvalidArgument(std::string("series ") + s.indicator_id + "/" +
                                     s.organisation + ": the " + name + " column has " +
                                     std::to_string(col.size()) + " rows, expected " +
                                     std::to_string(n) + " (one per period)");
    return Status::Ok();
  };
  Status st;
  const ChartTraits& t = TraitsOf(chart);
  if (t.ReadsValue() && !(st = check(s.values, "value")).ok()) return st;
  if (t.ReadsRatio() && !(st = check(s.numerators, "numerator")).ok()) return st;
  if ((t.ReadsRatio() || t.ReadsSubgroup()) && !(st = check(s.denominators, "denominator")).ok())
    return st;
  if (t.ReadsSubgroup() && !(st = check(s.subgroup_sds, "subgroup_sd")).ok()) return st;
  for (std::size_t i = 1; i < n; ++i) {
    if (!(s.periods[i - 1] < s.periods[i]))
      return Status::InvalidArgument("series " + s.indicator_id + "/" + s.organisation +
                                     ": periods must be strictly increasing, but " +
                                     FormatPeriod(s.periods[i], s.period_kind) + " follows " +
                                     FormatPeriod(s.periods[i - 1], s.period_kind));
  }
  return Status::Ok();
}

// Adds a warning naming up to five missing months when the series is monthly (every period
// the first of a month) and a month is skipped. The next month's first day is predicted by
// arithmetic, so the calendar conversion runs only at the first point and at gaps.
void WarnMissingMonths(const Series& s, std::vector<Warning>* warnings) {
  // Weeks, financial periods and sequences are checked by the importer in their own terms.
  if (s.size() < 2 || s.period_kind != PeriodKind::kDate) return;
  CivilDay expected = s.periods[0].ToCivil();
  if (expected.day != 1) return;
  auto advance = [](CivilDay* c) {
    if (++c->month == 13) c->month = 1, ++c->year;
  };
  int32_t next = s.periods[0].days_since_epoch() + DaysInMonth(expected.year, expected.month);
  advance(&expected);
  std::string names;
  int missing = 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const int32_t day = s.periods[i].days_since_epoch();
    if (day != next) {
      const CivilDay current = s.periods[i].ToCivil();
      if (day < next || current.day != 1) return;  // not a monthly series
      while (expected.year != current.year || expected.month != current.month) {
        if (++missing <= 5)
          names += (names.empty() ? "" : ", ") +
                   Date::FromCivil(expected.year, expected.month, 1)->ToMonthYear();
        advance(&expected);
      }
    }
    next = day + DaysInMonth(expected.year, expected.month);
    advance(&expected);
  }
  if (missing > 0)
    warnings->push_back({WarningCode::kMissingPeriods, std::to_string(missing) +
                                                           " month(s) have no row: " + names +
                                                           (missing > 5 ? ", ..." : "")});
}

}  // namespace

namespace {

// Fills s.y with the plotted statistic of every row; rows the chart cannot use become gaps,
// reported with the count of missing values and of missing months.
void PreparePlottedValues(ChartType chart, const Series& series, spc::EngineScratch& s,
                          std::vector<Warning>* warnings) {
  int invalid = 0, missing = 0;
  std::size_t first_invalid = 0;
  for (std::size_t i = 0; i < series.size(); ++i) {
    bool bad = false;
    s.y[i] = PlottedValue(chart, series, i, &bad);
    if (bad && invalid++ == 0) first_invalid = i;
    if (std::isnan(s.y[i]) && !bad) ++missing;
  }
  if (invalid > 0)
    warnings->push_back({WarningCode::kInvalidValue,
                         std::to_string(invalid) + " value(s) cannot be used on a " +
                             std::string(ChartTypeName(chart)) +
                             " chart and are treated as missing, first " +
                             FormatPeriod(series.periods[first_invalid], series.period_kind)});
  if (missing > 0)
    warnings->push_back(
        {WarningCode::kMissingValues, std::to_string(missing) + " period(s) have no value"});
  WarnMissingMonths(series, warnings);
}

// Marks ghosted points and finds where segments start (a rebase starts one at the first period
// on or after its date); decisions without a reason are reported.
void MarkGhostsAndSegments(const Indicator& indicator, const Series& series, spc::EngineScratch& s,
                           std::vector<Warning>* warnings) {
  const std::size_t n = series.size();
  for (const Ghost& g : indicator.ghosts) {
    auto it = std::lower_bound(series.periods.begin(), series.periods.end(), g.date);
    if (it != series.periods.end() && *it == g.date) s.ghosted[it - series.periods.begin()] = 1;
    if (g.decision.reason.empty())
      warnings->push_back({WarningCode::kGhostWithoutReason,
                           "the point of " + g.date.ToIso() + " is ghosted without a reason"});
  }
  s.segment_starts.assign(n == 0 ? 0 : 1, 0);  // an empty series has no segment
  for (const Rebase& r : indicator.rebases) {
    auto it = std::lower_bound(series.periods.begin(), series.periods.end(), r.date);
    const auto start = static_cast<int32_t>(it - series.periods.begin());
    if (start > 0 && start < static_cast<int32_t>(n)) s.segment_starts.push_back(start);
    if (r.decision.reason.empty())
      warnings->push_back({WarningCode::kRebaseWithoutReason,
                           "the rebase of " + r.date.ToIso() + " has no reason"});
  }
  std::sort(s.segment_starts.begin(), s.segment_starts.end());
  s.segment_starts.erase(std::unique(s.segment_starts.begin(), s.segment_starts.end()),
                         s.segment_starts.end());
}

// The minimum-points policy (which may take the segment's limits away) and the warnings about
// its limits: too few points, zero width after screening, no variation at all.
void AddSegmentWarnings(const Profile& profile, std::size_t seg, const spc::ChartOutput& lines,
                        SegmentResult* segment, std::vector<Warning>* warnings) {
  const std::string which = "segment " + std::to_string(seg + 1);
  const int baseline_count = segment->n_baseline;
  if (lines.has_limits && baseline_count < profile.min_points_for_limits) {
    // Too few points for trustworthy limits (MDC: 15): show the centre line only.
    segment->has_limits = false;
    warnings->push_back({WarningCode::kTooFewPoints,
                         which + " has " + std::to_string(baseline_count) +
                             " point(s) for its limits; the " + profile.name + " profile needs " +
                             std::to_string(profile.min_points_for_limits) +
                             ", so no limits or icons are shown"});
  } else if (profile.warn_below_points > 0 && baseline_count < profile.warn_below_points) {
    warnings->push_back(
        {WarningCode::kTooFewPoints, which + " has only " + std::to_string(baseline_count) +
                                         " point(s) for its limits; they may be unreliable"});
  }
  if (lines.screened_to_zero)
    warnings->push_back(
        {WarningCode::kZeroWidthLimits,
         which +
             "'s limits have zero width: screening dropped every moving range that is not 0, "
             "so every point off the centre line is beyond them (as the " +
             profile.name +
             " profile's peer flags them); set mr_screening = off to judge it by all its "
             "moving ranges"});
  if (segment->zero_variation) {
    std::string limits = "no limits are drawn";
    if (segment->has_limits) {
      limits = "its limits equal the mean, so the chart draws none";
    } else if (!lines.has_limits) {  // screening kept no moving range: nothing to draw from
      limits = "no limits are drawn, as the " + profile.name + " profile's peer draws none";
    }
    warnings->push_back(
        {WarningCode::kZeroVariation, which +
                                          " shows no variation (sigma is 0), so no point is judged "
                                          "against limits; " +
                                          limits});
  }
}

// Whether the rules may judge the segment (issue 7), once the minimum-points policy has run.
// No variation comes first: it stays true however many points arrive, while too few points is
// a matter of waiting, and says so even where the chart could draw nothing from them (one
// point): how many more are needed is what the reader can act on.
void SetJudgement(ChartType chart, const Profile& profile, SegmentResult* segment) {
  segment->points_needed = 0;
  // A chart without limits (run) is judged by its runs rules from its first point.
  const bool limits_chart = TraitsOf(chart).has_limits;
  const bool too_few = limits_chart && segment->n_baseline < profile.min_points_for_limits;
  if (segment->zero_variation) {
    segment->judgement = Judgement::kZeroVariation;
  } else if (too_few) {
    segment->judgement = Judgement::kTooFewPoints;
    segment->points_needed = profile.min_points_for_limits;
  } else if (!segment->has_limits && !(!limits_chart && segment->n_baseline > 0)) {
    segment->judgement = Judgement::kNoLimits;
  } else {
    segment->judgement = Judgement::kJudged;
  }
}

// The segment [begin, end) of a series' scratch columns.
struct SegmentRange {
  std::size_t begin, end;
  std::size_t size() const { return end - begin; }
};

struct SegmentCounts {
  int kept = 0;      // points with a value, not ghosted
  int baseline = 0;  // kept points in the baseline, which supply the estimates
};

// Masks: kept points, and those of the baseline that supply the estimates.
SegmentCounts MarkSegmentMasks(const Baseline& b, const Series& series, SegmentRange r,
                               spc::EngineScratch& s) {
  SegmentCounts counts;
  for (std::size_t i = r.begin; i < r.end; ++i) {
    s.kept[i] = !std::isnan(s.y[i]) && !s.ghosted[i];
    bool in_baseline = true;
    if (b.first_n > 0) in_baseline = counts.kept < b.first_n;
    if (b.from && series.periods[i] < *b.from) in_baseline = false;
    if (b.to && series.periods[i] > *b.to) in_baseline = false;
    s.estimate[i] = s.kept[i] && in_baseline;
    counts.kept += s.kept[i];
    counts.baseline += s.estimate[i];
  }
  return counts;
}

// The chart's input: the segment's slice of each column (empty for a column the series lacks).
spc::ChartInput SegmentInput(const Series& series, SegmentRange r, const spc::EngineScratch& s) {
  const std::size_t n = series.size();
  auto csub = [&](const std::vector<double>& v) {
    return v.size() == n ? std::span<const double>(v.data() + r.begin, r.size())
                         : std::span<const double>();
  };
  return {
      .y = csub(s.y),
      .numerator = csub(series.numerators),
      .denominator = csub(series.denominators),
      .subgroup_sd = csub(series.subgroup_sds),
      .kept = std::span<const uint8_t>(s.kept.data() + r.begin, r.size()),
      .estimate = std::span<const uint8_t>(s.estimate.data() + r.begin, r.size()),
  };
}

// The chart's output: the segment's slice of each line the engine keeps.
spc::ChartOutput SegmentOutput(SegmentRange r, spc::EngineScratch& s) {
  auto sub = [&](std::vector<double>& v) {
    return std::span<double>(v.data() + r.begin, r.size());
  };
  return {.y = sub(s.out_y),
          .centre = sub(s.centre),
          .lower3 = sub(s.lower3),
          .lower2 = sub(s.lower2),
          .lower1 = sub(s.lower1),
          .upper1 = sub(s.upper1),
          .upper2 = sub(s.upper2),
          .upper3 = sub(s.upper3)};
}

void ClearLimits(SegmentRange r, spc::EngineScratch& s) {
  for (auto* line : {&s.lower3, &s.lower2, &s.lower1, &s.upper1, &s.upper2, &s.upper3})
    std::fill(line->begin() + r.begin, line->begin() + r.end, kMissing);
}

// The chart's lines into *lines; where nothing can be estimated (FailedPrecondition) the points
// are shown without lines. Returns the chart's other errors, for data it cannot use.
Status ComputeSegmentLines(const Indicator& indicator, const Profile& profile, const Series& series,
                           SegmentRange r, spc::EngineScratch& s, spc::ChartOutput* lines) {
  const spc::ChartInput input = SegmentInput(series, r, s);
  Status st = spc::ComputeChartLines(indicator.chart, input, profile, &s.chart, lines);
  if (!st.ok() && st.code() != StatusCode::kFailedPrecondition) return st;
  if (!st.ok()) {
    for (std::size_t i = r.begin; i < r.end; ++i) s.out_y[i] = s.y[i];
    ClearLimits(r, s);
    std::fill(s.centre.begin() + r.begin, s.centre.begin() + r.end, kMissing);
    lines->has_limits = false;
    lines->centre_value = lines->mr_bar = lines->sigma = kMissing;
  }
  return Status::Ok();
}

// The segment's estimates on the display scale, before the minimum-points policy.
SegmentResult SegmentEstimates(SegmentRange r, SegmentCounts counts, const spc::ChartOutput& lines,
                               double multiplier) {
  SegmentResult segment;
  segment.first = static_cast<int32_t>(r.begin);
  segment.last = static_cast<int32_t>(r.end - 1);
  segment.n = static_cast<int32_t>(r.size());
  segment.n_used = counts.kept;
  segment.n_baseline = counts.baseline;
  segment.centre = lines.centre_value * multiplier;
  segment.mr_bar = lines.mr_bar * multiplier;
  segment.sigma = lines.sigma * multiplier;
  segment.sigma_z = lines.sigma_z;  // p′, u′; the other attribute charts: AssessDispersion
  segment.has_limits = lines.has_limits;
  segment.zero_variation = lines.sigma == 0.0 && !lines.screened_to_zero;
  return segment;
}

// The segment's points, on the display scale, into out->points (rules cleared for the rules).
void FillSegmentPoints(const Series& series, std::size_t seg, SegmentRange r, double multiplier,
                       const spc::EngineScratch& s, SeriesResult* out) {
  const std::size_t n = series.size();
  const bool has_numerators = series.numerators.size() == n;
  const bool has_denominators = series.denominators.size() == n;
  for (std::size_t i = r.begin; i < r.end; ++i) {
    PointResult& pt = out->points[i];
    pt.period = series.periods[i];
    pt.value = s.out_y[i] * multiplier;
    pt.numerator = has_numerators ? series.numerators[i] : kMissing;
    pt.denominator = has_denominators ? series.denominators[i] : kMissing;
    pt.segment = static_cast<int32_t>(seg);
    pt.in_baseline = s.estimate[i];
    pt.ghosted = s.ghosted[i];
    pt.missing = std::isnan(s.out_y[i]);
    pt.centre = s.centre[i] * multiplier;
    pt.lower3 = s.lower3[i] * multiplier;
    pt.lower2 = s.lower2[i] * multiplier;
    pt.lower1 = s.lower1[i] * multiplier;
    pt.upper1 = s.upper1[i] * multiplier;
    pt.upper2 = s.upper2[i] * multiplier;
    pt.upper3 = s.upper3[i] * multiplier;
    pt.rules.fill(0);
  }
}

// Centres are long-double means (accurate_mean.h), finite for any finite values; but moving
// ranges of ±1e308, or limits three sigmas out, can be beyond a double. Drawing ±inf would
// judge every point against an infinite limit: refuse instead.
Status CheckLinesFinite(const SegmentResult& segment, const Series& series, std::size_t begin) {
  for (double line :
       {segment.centre, segment.mr_bar, segment.sigma, segment.lower3, segment.upper3}) {
    if (!std::isinf(line)) continue;
    return Status::InvalidArgument(
        "series " + series.indicator_id + "/" + series.organisation + ", from " +
        FormatPeriod(series.periods[begin], series.period_kind) +
        ": the moving ranges or control limits are beyond the largest number a double holds "
        "(1.8e308) (expected values whose differences, times the multiplier, stay below that: "
        "rescale them, e.g. to thousands)");
  }
  return Status::Ok();
}

// One segment [begin, end): its masks, the chart's lines, the minimum-points policy, and its
// points and SegmentResult appended to *out. Returns the chart's error for data it cannot use.
Status AnalyseSegment(const Indicator& indicator, const Profile& profile, const Series& series,
                      std::size_t seg, std::size_t begin, std::size_t end, spc::EngineScratch& s,
                      SeriesResult* out) {
  const SegmentRange r{begin, end};
  const SegmentCounts counts = MarkSegmentMasks(indicator.baseline, series, r, s);
  spc::ChartOutput lines = SegmentOutput(r, s);
  if (Status st = ComputeSegmentLines(indicator, profile, series, r, s, &lines); !st.ok()) {
    return st;
  }
  SegmentResult segment = SegmentEstimates(r, counts, lines, indicator.multiplier);
  AddSegmentWarnings(profile, seg, lines, &segment, &out->warnings);
  if (lines.has_limits && !segment.has_limits) ClearLimits(r, s);
  SetJudgement(indicator.chart, profile, &segment);
  FillSegmentPoints(series, seg, r, indicator.multiplier, s, out);
  segment.lower3 = out->points[end - 1].lower3;
  segment.upper3 = out->points[end - 1].upper3;
  if (Status st = CheckLinesFinite(segment, series, begin); !st.ok()) return st;
  out->segments.push_back(segment);
  return Status::Ok();
}

// The profile's rules, segment by segment over the judged points (a value, not ghosted); a
// trend across rebases (MDC) runs once over the points of every judged segment. A segment that
// is not judged (too few points, no variation, no limits) gets no rule at all, run rules
// included: below MDC's minimum its tool shows neither limits nor icons, and a shift or trend
// coloured on the chart would be a judgement the board row then withholds (docs/profiles.md).
void ApplyRules(const Profile& profile, spc::EngineScratch& s, SeriesResult* out) {
  s.judged_all.clear();
  for (SegmentResult& segment : out->segments) {
    s.judged.clear();
    if (segment.judgement != Judgement::kJudged) continue;
    for (int32_t i = segment.first; i <= segment.last; ++i) {
      const PointResult& pt = out->points[i];
      if (!pt.missing && !pt.ghosted && !std::isnan(pt.centre)) s.judged.push_back(i);
    }
    s.judged_all.insert(s.judged_all.end(), s.judged.begin(), s.judged.end());
    // Zero variation is never a signal: limits of zero width judge nothing (issue 7).
    const bool judge_limits = segment.has_limits && !segment.zero_variation;
    const spc::RuleInput in{out->points, s.judged, judge_limits};
    if (profile.beyond_limits) spc::ApplyBeyondLimits(in, profile);
    if (profile.beyond_limits && profile.ghosts_flagged_beyond_limits) {
      s.ghost_indices.clear();
      for (int32_t i = segment.first; i <= segment.last; ++i) {
        const PointResult& pt = out->points[i];
        if (pt.ghosted && !pt.missing) s.ghost_indices.push_back(i);
      }
      spc::ApplyBeyondLimits({out->points, s.ghost_indices, judge_limits}, profile);
    }
    if (profile.shift) spc::ApplyShift(in, profile);
    if (profile.trend && !profile.trend_across_segments) spc::ApplyTrend(in, profile);
    spc::ApplyZoneRule(in, profile.two_of_three, RuleId::kTwoOfThree);
    spc::ApplyZoneRule(in, profile.four_of_five, RuleId::kFourOfFive);
    if (profile.alternating) spc::ApplyAlternating(in, profile);
    if (profile.stratification) spc::ApplyStratification(in, profile);
    if (profile.mixture) spc::ApplyMixture(in, profile);
    spc::ApplyRunsAnalysis(in, profile, &segment);
  }
  if (profile.trend && profile.trend_across_segments)
    spc::ApplyTrend({out->points, s.judged_all, false}, profile);
}

// The class of every point of a segment: from its rule flags when the segment is judged, else
// kNotJudged whatever the point (no rule ran on it).
void ClassifySegment(const Indicator& indicator, const Profile& profile,
                     const SegmentResult& segment, SeriesResult* out) {
  for (int32_t i = segment.first; i <= segment.last; ++i) {
    PointResult& pt = out->points[i];
    if (segment.judgement != Judgement::kJudged || !spc::AnyFlag(pt.rules)) {
      pt.label = RuleId::kNone;
      pt.side = Side::kNone;
      pt.point_class = segment.judgement == Judgement::kJudged ? PointClass::kCommonCause
                                                               : PointClass::kNotJudged;
      continue;
    }
    spc::ClassifyPoint(profile, indicator.direction, indicator.conflict_preference, &pt);
  }
}

// The last point with a value that is not ghosted, −1 when there is none.
int32_t LatestPoint(const SeriesResult& r) {
  for (auto i = static_cast<int32_t>(r.points.size()) - 1; i >= 0; --i) {
    if (!r.points[i].missing && !r.points[i].ghosted) return i;
  }
  return -1;
}

// Each point's class and label, then the series' latest point, its judgement, icons, target
// and whether the latest value meets the target.
void ClassifyAndSummarise(const Indicator& indicator, const Profile& profile, SeriesResult* out) {
  for (const SegmentResult& segment : out->segments)
    ClassifySegment(indicator, profile, segment, out);
  out->latest = LatestPoint(*out);
  if (out->latest < 0) return;
  const PointResult& latest = out->points[out->latest];
  const SegmentResult& seg = out->segments[latest.segment];
  out->judgement = seg.judgement;
  if (const auto target = indicator.TargetAt(latest.period)) out->target = target->value;
  if (out->target)
    out->target_met = spc::MeetsTarget(indicator.direction, latest.value, *out->target);
  if (seg.judgement != Judgement::kJudged) return;  // no icon: the summary says why
  out->variation = spc::VariationIconOf(latest);
  if (seg.has_limits)
    out->assurance =
        spc::AssuranceIconOf(profile, indicator.chart, indicator.direction, latest, out->target);
}

}  // namespace

Status SpcEngine::Analyse(const Indicator& indicator, const Profile& profile, const Series& series,
                          SeriesResult* out) {
  if (Status st = CheckColumns(indicator.chart, series); !st.ok()) return st;
  const std::size_t n = series.size();
  spc::EngineScratch& s = *scratch_;
  s.Resize(n);

  out->indicator_id = series.indicator_id.empty() ? indicator.id : series.indicator_id;
  out->organisation = series.organisation;
  out->chart = indicator.chart;
  out->direction = indicator.direction;
  out->profile = profile.name;
  out->period_kind = series.period_kind;
  out->points.resize(n);
  out->segments.clear();
  out->warnings.clear();
  out->signals.clear();
  out->latest = -1;
  out->variation = VariationIcon::kNone;
  out->assurance = AssuranceIcon::kNone;
  out->target.reset();
  out->judgement = Judgement::kNoLimits;
  out->target_met.reset();

  PreparePlottedValues(indicator.chart, series, s, &out->warnings);
  MarkGhostsAndSegments(indicator, series, s, &out->warnings);
  for (std::size_t seg = 0; seg < s.segment_starts.size(); ++seg) {
    const std::size_t begin = s.segment_starts[seg];
    const std::size_t end = seg + 1 < s.segment_starts.size() ? s.segment_starts[seg + 1] : n;
    if (Status st = AnalyseSegment(indicator, profile, series, seg, begin, end, s, out); !st.ok())
      return st;
  }
  spc::AssessDispersion(indicator.chart, profile, s.kept, s.estimate, &s.chart, out);
  ApplyRules(profile, s, out);
  ClassifyAndSummarise(indicator, profile, out);
  out->decimals = -1;  // the storage is reused: forget the last series' precision
  out->decimals = indicator.decimals ? *indicator.decimals : ValueDecimals(*out);
  spc::WarnIfTargetImplausible(indicator, out);
  spc::DescribeSignals(profile, indicator.direction, indicator.unit, signal_sentences_, out);
  out->summary = spc::SummarySentence(*out, indicator.unit);
  return Status::Ok();
}

int ValueDecimals(const SeriesResult& result) {
  if (result.decimals >= 0) return result.decimals;
  // Ghosted points are shown too, so they count; missing ones have no value to show.
  std::vector<double> values;
  values.reserve(result.points.size());
  for (const PointResult& p : result.points)
    if (!p.missing) values.push_back(p.value);
  return DecimalsFor(values);
}

Result<SeriesResult> AnalyseSeries(const Indicator& indicator, const Series& series) {
  Result<Profile> profile = ResolveProfile(indicator.profile, indicator.overrides);
  if (!profile.ok()) return profile.status();
  SpcEngine engine;
  SeriesResult result;
  if (Status st = engine.Analyse(indicator, *profile, series, &result); !st.ok()) return st;
  return result;
}

}  // namespace kaizen
