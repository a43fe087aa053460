// The before/after job (kaizen/app_analysis.h, CompareAroundChange): the classical tests of the
// points before and from a change date beside the SPC reading of the same points.
#include <algorithm>
#include <cmath>
#include <utility>

#include "kaizen/app_analysis.h"
#include "kaizen/chart_traits.h"
#include "kaizen/number_format.h"

namespace kaizen {
namespace {

// The kept points on each side of the change, and the numerators and denominators summed.
struct Sides {
  std::vector<double> before, after;
  double x1 = 0, n1 = 0, x2 = 0, n2 = 0;
  int first_after = -1;  // index of the first point (kept or not) from the change
};

Sides SplitAtChange(const SeriesResult& result, Date change) {
  Sides s;
  for (std::size_t i = 0; i < result.points.size(); ++i) {
    const PointResult& pt = result.points[i];
    const bool is_after = pt.period >= change;
    if (is_after && s.first_after < 0) s.first_after = static_cast<int>(i);
    if (pt.missing || pt.ghosted || std::isnan(pt.value)) continue;
    (is_after ? s.after : s.before).push_back(pt.value);
    (is_after ? s.x2 : s.x1) += pt.numerator;
    (is_after ? s.n2 : s.n1) += pt.denominator;
  }
  return s;
}

// Welch's t and Mann–Whitney on the values; chi-square and Fisher on the counts of a proportion
// chart. A test that cannot run leaves a note instead.
void RunClassicalTests(const Sides& s, ChartType chart, BeforeAfter* out) {
  if (Result<WelchTest> w = WelchTTest(s.before, s.after); w.ok()) {
    out->welch = std::move(w).value();
  } else {
    out->notes.push_back("Welch's t-test not run: " + w.status().message());
  }
  if (Result<MannWhitneyTest> m = MannWhitney(s.before, s.after); m.ok()) {
    out->mann_whitney = std::move(m).value();
  } else {
    out->notes.push_back("Mann-Whitney test not run: " + m.status().message());
  }
  const bool proportions = TraitsOf(chart).model == SigmaModel::kBinomial;  // p, np, p′
  if (proportions) {
    if (Result<ProportionComparison> p = CompareProportions(s.x1, s.n1, s.x2, s.n2); p.ok()) {
      out->proportions = std::move(p).value();
    } else {
      out->notes.push_back("chi-square and Fisher tests not run: " + p.status().message());
    }
  } else if (ChartUsesDenominator(chart)) {
    out->notes.push_back(
        "chi-square and Fisher tests compare proportions; this indicator is a rate, so only the "
        "tests of the plotted values apply");
  }
}

// The first shift (or longest-run) signal reaching into the points from the change.
void FindShiftAfter(const SeriesResult& judged, int first_after, BeforeAfter* out) {
  for (const Signal& sig : judged.signals) {
    if ((sig.rule == RuleId::kShift || sig.rule == RuleId::kLongestRun) &&
        sig.last >= first_after && sig.side != Side::kNone) {
      out->shift_after = true;
      out->shift_side = sig.side;
      out->shift_class = sig.point_class;
      return;
    }
  }
}

std::string LimitsSentence(const BeforeAfter& ba, const SegmentResult& seg, Date last_before,
                           PeriodKind kind) {
  const std::string change = ba.change_date.ToIso();
  std::string t = "the points from " + change + " are judged against the limits of the " +
                  std::to_string(seg.n_baseline) + " point(s) from " +
                  FormatPeriod(ba.limits_from, kind) + " to " + FormatPeriod(last_before, kind) +
                  ": centre " + FormatAuto(seg.centre);
  t += seg.has_limits ? ", limits " + FormatAuto(ba.limits_lower) + " to " +
                            FormatAuto(ba.limits_upper) + " at " + change
                      : ", no limits (too few points for the profile), the runs rules only";
  if (!ba.ignored_rebases.empty()) {
    t += "; the catalogue's rebase at";
    for (const Date& d : ba.ignored_rebases) t += " " + d.ToIso();
    t += " is not used for this reading";
  }
  return t + ".";
}

// The before-period reading: the series analysed with every catalogue rebase that would start a
// segment at or after the change dropped and the baseline ended the day before it, so the points
// from the change are judged against limits estimated from the points before it only. A run on
// one side of the centre (shift, longest run) that reaches into them is the chart's evidence of
// a sustained change. Fails when the engine refuses the series.
Status JudgeAgainstLimitsBefore(const AnalysedSeries& s, Date change, int first_after,
                                BeforeAfter* out) {
  const Date last_before = s.result.points[static_cast<std::size_t>(first_after) - 1].period;
  Indicator judged = s.indicator;
  std::erase_if(judged.rebases, [&](const Rebase& r) {
    // A rebase after the last period before the change would start its segment at the change
    // or later: the before-period's limits would not reach the points after it.
    if (!(r.date > last_before)) return false;
    out->ignored_rebases.push_back(r.date);
    return true;
  });
  const Date day_before(change.days_since_epoch() - 1);
  judged.baseline.to =
      judged.baseline.to && *judged.baseline.to < day_before ? *judged.baseline.to : day_before;
  Result<SeriesResult> r = AnalyseSeries(judged, s.series);
  if (!r.ok()) return r.status();
  out->judged = std::move(r).value();
  const SeriesResult& j = out->judged;
  const SegmentResult& seg = j.segments[static_cast<std::size_t>(j.points[first_after].segment)];
  out->limits_from = j.points[seg.first].period;
  out->limits_points = seg.n_baseline;
  out->limits_centre = seg.centre;
  if (seg.has_limits) {
    out->limits_lower = j.points[first_after].lower3;
    out->limits_upper = j.points[first_after].upper3;
  }
  FindShiftAfter(j, first_after, out);
  out->limits_sentence = LimitsSentence(*out, seg, last_before, j.period_kind);
  return Status::Ok();
}

// The series with a rebase at the change date: the centre lines before and after it.
Status RebaseAtChange(const AnalysedSeries& s, Date change, BeforeAfter* out) {
  Indicator rebased = s.indicator;
  rebased.rebases.push_back({change, {"the change date of this comparison", "", std::nullopt}});
  std::sort(rebased.rebases.begin(), rebased.rebases.end(),
            [](const Rebase& a, const Rebase& b) { return a.date < b.date; });
  Result<SeriesResult> r = AnalyseSeries(rebased, s.series);
  if (!r.ok()) return r.status();
  out->rebased = std::move(r).value();
  for (const SegmentResult& seg : out->rebased.segments) {
    const Date seg_first = out->rebased.points[seg.first].period;
    if (seg_first < change) out->centre_before = seg.centre;
    if (seg_first == change || (seg_first > change && std::isnan(out->centre_after)))
      out->centre_after = seg.centre;
  }
  return Status::Ok();
}

std::string SpcVerdict(const BeforeAfter& ba) {
  const std::string change = ba.change_date.ToIso();
  if (!ba.shift_after) {
    return "Judged against the limits of the points before " + change +
           ", the control chart shows no sustained shift in the points from it: in SPC terms "
           "the process has not (yet) changed, so keep the limits and collect more points "
           "before rebasing.";
  }
  const std::string side = ba.shift_side == Side::kHigh ? "upward" : "downward";
  const std::string kind = ba.shift_class == PointClass::kImprovement ? " (an improvement)"
                           : ba.shift_class == PointClass::kConcern   ? " (a concern)"
                                                                      : "";
  return "Judged against the limits of the points before " + change +
         ", the control chart shows a sustained " + side + " shift" + kind +
         " in the points from it: the change is visible in SPC terms, and limits rebased at the "
         "change date describe the new process.";
}

}  // namespace

Result<BeforeAfter> CompareAroundChange(const AnalysedSeries& s,
                                        const BeforeAfterRequest& request) {
  const Date change = request.change;
  BeforeAfter out;
  out.change_date = change;
  const Sides sides = SplitAtChange(s.result, change);
  if (sides.before.empty() || sides.after.empty()) {
    const auto& points = s.result.points;
    const Date first = points.empty() ? change : points.front().period;
    const Date last = points.empty() ? change : points.back().period;
    return Status::InvalidArgument(
        change.ToIso() + " leaves no point " + (sides.before.empty() ? "before" : "after") +
        " it; the data run from " + first.ToIso() + " to " + last.ToIso());
  }
  out.n_before = static_cast<int64_t>(sides.before.size());
  out.n_after = static_cast<int64_t>(sides.after.size());
  RunClassicalTests(sides, s.indicator.chart, &out);
  if (Status st = JudgeAgainstLimitsBefore(s, change, sides.first_after, &out); !st.ok()) return st;
  if (Status st = RebaseAtChange(s, change, &out); !st.ok()) return st;
  out.spc_verdict = SpcVerdict(out);
  return out;
}

std::vector<BeforeAfterRow> BeforeAfterRows(const BeforeAfter& ba) {
  std::vector<BeforeAfterRow> rows;
  if (ba.welch) rows.push_back({"welch_t", ba.welch->t, ba.welch->p_value, ba.welch->sentence, {}});
  if (ba.mann_whitney)
    rows.push_back({"mann_whitney_w",
                    ba.mann_whitney->w,
                    ba.mann_whitney->p_value,
                    ba.mann_whitney->sentence,
                    {}});
  if (ba.proportions) {
    rows.push_back({"chi_square",
                    ba.proportions->chi_square,
                    ba.proportions->chi_square_p,
                    ba.proportions->sentence,
                    {}});
    rows.push_back({"fisher", kMissing, ba.proportions->fisher_p, "", {}});
  }
  rows.push_back({"spc_shift_after", kMissing, kMissing, ba.spc_verdict, ba.shift_after});
  return rows;
}

}  // namespace kaizen
