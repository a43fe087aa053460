// Rules on sequences of consecutive judged points: shift, trend, alternation, stratification
// and mixture. Each walks the judged points once, keeping only the length of the current run.
#include <cmath>

#include "spc/rules.h"

namespace kaizen::spc {
namespace {

int8_t Sign(double x) { return static_cast<int8_t>((x > 0) - (x < 0)); }

// Flags a run that has just reached (or passed) `length` points. `run_start` indexes the
// judged array; points whose `counts` value is false (on the centre line, ignored) stay unflagged.
template <typename Counts>
void FlagRun(const RuleInput& in, RuleId rule, int8_t flag, std::size_t run_start,
             std::size_t current, int run_points, int length, RunFlagging flagging, Counts counts) {
  const auto r = static_cast<std::size_t>(rule);
  if (run_points < length) return;
  if (flagging == RunFlagging::kFromNth || run_points > length) {
    in.points[in.judged[current]].rules[r] = flag;
    return;
  }
  for (std::size_t j = run_start; j <= current; ++j) {  // the run just became long enough
    if (counts(j)) in.points[in.judged[j]].rules[r] = flag;
  }
}

// NHSRplotthedots 0.2.2 (R/ptd_calculate_point_type.R, ptd_special_cause_type): a trend point
// takes the sign of the step to the next point when that point is a trend point too, else of
// the step from the previous one, and "Increasing" only for +1. The two differ from the run's
// own direction only where a trend ends on a value that the next trend starts from.
void SideTrendPointsByNextStep(const RuleInput& in) {
  constexpr auto r = static_cast<std::size_t>(RuleId::kTrend);
  auto value = [&](std::size_t j) { return in.points[in.judged[j]].value; };
  auto in_trend = [&](std::size_t j) {
    return j < in.judged.size() && in.points[in.judged[j]].rules[r] != 0;
  };
  for (std::size_t j = 0; j < in.judged.size(); ++j) {
    if (!in_trend(j)) continue;
    const double step =
        in_trend(j + 1) ? value(j + 1) - value(j) : (j > 0 ? value(j) - value(j - 1) : 0.0);
    in.points[in.judged[j]].rules[r] = step > 0 ? 1 : -1;
  }
}

}  // namespace

void ApplyShift(const RuleInput& in, const Profile& p) {
  // N points in a row on one side of the centre line. With kBreaks a point on the line ends
  // the run (MDC); with kIgnored it neither counts nor breaks it (Anhøj; IHI).
  int8_t side = 0;
  int run = 0;
  std::size_t start = 0;
  auto side_of = [&](std::size_t j) {
    const PointResult& pt = in.points[in.judged[j]];
    return Sign(pt.value - pt.centre);
  };
  for (std::size_t j = 0; j < in.judged.size(); ++j) {
    const int8_t s = side_of(j);
    if (s == 0) {
      if (p.shift_on_centre == OnCentre::kBreaks) {
        side = 0;
        run = 0;
      }
      continue;
    }
    if (s != side) {
      side = s;
      run = 0;
      start = j;
    }
    ++run;
    FlagRun(in, RuleId::kShift, s, start, j, run, p.shift_length, p.shift_flagging,
            [&](std::size_t k) { return side_of(k) != 0; });
  }
}

void ApplyTrend(const RuleInput& in, const Profile& p) {
  // N points in a row, each higher (or each lower) than the one before: N − 1 steps. With
  // kBreak an equal neighbour ends the trend (MDC); with kSkip equal neighbours count once (IHI).
  int8_t direction = 0;
  int points = 1;
  std::size_t start = 0;
  for (std::size_t j = 1; j < in.judged.size(); ++j) {
    const int8_t d = Sign(in.points[in.judged[j]].value - in.points[in.judged[j - 1]].value);
    if (d == 0) {
      if (p.trend_ties == TrendTies::kBreak) {
        direction = 0;
        points = 1;
        start = j;
      }
      continue;
    }
    if (d != direction) {
      direction = d;
      points = 1;
      // The trend starts at the last point before this step (the last of a tie group).
      start = j - 1;
    }
    ++points;
    FlagRun(in, RuleId::kTrend, d, start, j, points, p.trend_length, p.trend_flagging,
            [](std::size_t) { return true; });
  }
  if (p.trend_side == TrendSide::kNextStep) SideTrendPointsByNextStep(in);
}

void ApplyAlternating(const RuleInput& in, const Profile& p) {
  // Nelson test 4: N points in a row alternating up and down. An equal neighbour breaks it.
  int8_t last_step = 0;
  int points = 1;
  for (std::size_t j = 1; j < in.judged.size(); ++j) {
    const int8_t d = Sign(in.points[in.judged[j]].value - in.points[in.judged[j - 1]].value);
    if (d == 0) {
      points = 1;
    } else if (d == -last_step) {
      ++points;
    } else {
      points = 2;
    }
    last_step = d;
    if (points >= p.alternating_length)
      in.points[in.judged[j]].rules[static_cast<int>(RuleId::kAlternating)] = kSidelessFlag;
  }
}

namespace {

// Counts consecutive points satisfying `pred` and flags each point that completes a run of
// `length` or more (Minitab marks the completing point).
template <typename Pred>
void FlagConsecutive(const RuleInput& in, RuleId rule, int length, Pred pred) {
  int run = 0;
  for (std::size_t j = 0; j < in.judged.size(); ++j) {
    run = pred(in.points[in.judged[j]]) ? run + 1 : 0;
    if (run >= length) in.points[in.judged[j]].rules[static_cast<int>(rule)] = kSidelessFlag;
  }
}

}  // namespace

void ApplyStratification(const RuleInput& in, const Profile& p) {
  // Nelson test 7: N points in a row within 1 sigma of the centre, either side.
  if (!in.has_limits) return;
  FlagConsecutive(in, RuleId::kStratification, p.stratification_length, [](const PointResult& pt) {
    return pt.value > pt.lower1 && pt.value < pt.upper1;
  });
}

void ApplyMixture(const RuleInput& in, const Profile& p) {
  // Nelson test 8: N points in a row beyond 1 sigma, on either side.
  if (!in.has_limits) return;
  FlagConsecutive(in, RuleId::kMixture, p.mixture_length, [](const PointResult& pt) {
    return pt.value > pt.upper1 || pt.value < pt.lower1;
  });
}

}  // namespace kaizen::spc
