// Runs analysis of one segment: the longest run on one side of the centre line, the number of
// crossings and of runs, Anhøj's thresholds and the IHI run-count limits.
#include <cmath>
#include <vector>

#include "spc/rules.h"

namespace kaizen::spc {

int AnhoejLongestRunMax(int n) {
  if (n < 1) return 0;
  return static_cast<int>(std::lround(std::log2(static_cast<double>(n)))) + 3;
}

namespace {

int ComputeCrossingsMin(int n) {
  // qbinom(0.05, n − 1, 0.5): the smallest c with P(X ≤ c) ≥ 0.05, X ~ Binomial(n − 1, 1/2).
  // Terms are built in log space so that large n neither overflows nor underflows.
  if (n < 2) return 0;
  const int trials = n - 1;
  const double log_half_pow = trials * std::log(0.5);
  double cumulative = 0.0;
  // R's qbinom applies a fuzz of 1 − 64·DBL_EPSILON to p so that exact hits round down.
  const double target = 0.05 * (1 - 64 * 2.220446049250313e-16);
  for (int c = 0; c <= trials; ++c) {
    const double log_choose =
        std::lgamma(trials + 1.0) - std::lgamma(c + 1.0) - std::lgamma(trials - c + 1.0);
    cumulative += std::exp(log_choose + log_half_pow);
    if (cumulative >= target) return c;
  }
  return trials;
}

}  // namespace

int AnhoejCrossingsMin(int n) {
  // Series are short and their lengths repeat, so the first 256 answers are tabulated once.
  constexpr int kTabulated = 256;
  static const std::vector<int> table = [] {
    std::vector<int> t(kTabulated);
    for (int i = 0; i < kTabulated; ++i) t[i] = ComputeCrossingsMin(i);
    return t;
  }();
  return n >= 0 && n < kTabulated ? table[n] : ComputeCrossingsMin(n);
}

namespace {

// P(R = r) for the number of runs R in a random arrangement of n1 and n2 symbols
// (Swed and Eisenhart 1943, eq. 1), from binomial coefficients in log space.
double LogChoose(int n, int k) {
  if (k < 0 || k > n) return -INFINITY;
  return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
}

double RunsProbability(int n1, int n2, int r) {
  const double total = LogChoose(n1 + n2, n1);
  if (r % 2 == 0) {
    const int k = r / 2;
    return 2 * std::exp(LogChoose(n1 - 1, k - 1) + LogChoose(n2 - 1, k - 1) - total);
  }
  const int k = (r - 1) / 2;
  return std::exp(LogChoose(n1 - 1, k) + LogChoose(n2 - 1, k - 1) - total) +
         std::exp(LogChoose(n1 - 1, k - 1) + LogChoose(n2 - 1, k) - total);
}

}  // namespace

bool IhiRunCountLimits(int n, int* lower, int* upper) {
  // Two-sided 5 % test on the number of runs with n1 = ⌊n/2⌋ points below and the rest above
  // the median (the case the IHI table tabulates): fewer than `lower` runs have probability
  // ≤ 2.5 %, as do more than `upper`.
  if (n < 10 || n > 100) return false;
  const int n1 = n / 2, n2 = n - n1;
  double tail = 0.0;
  int r = 2;
  for (; r <= n; ++r) {
    tail += RunsProbability(n1, n2, r);
    if (tail > 0.025) break;
  }
  *lower = r;
  tail = 0.0;
  for (r = n; r >= 2; --r) {
    tail += RunsProbability(n1, n2, r);
    if (tail > 0.025) break;
  }
  *upper = r;
  return true;
}

void ApplyRunsAnalysis(const RuleInput& in, const Profile& p, SegmentResult* segment) {
  int useful = 0, longest = 0, run = 0, crossings = 0, runs = 0;
  int side = 0;
  for (int32_t i : in.judged) {
    const PointResult& pt = in.points[i];
    const int s = (pt.value > pt.centre) - (pt.value < pt.centre);
    if (s == 0) continue;  // points on the centre line are not useful (Anhøj 2014)
    ++useful;
    if (s != side) {
      if (side != 0) ++crossings;
      ++runs;
      side = s;
      run = 0;
    }
    if (++run > longest) longest = run;
  }
  segment->n_useful = useful;
  segment->runs = runs;
  segment->longest_run.reset();
  segment->longest_run_max.reset();
  segment->crossings.reset();
  segment->crossings_min.reset();
  if (useful == 0) return;  // every point on the centre line: nothing to analyse
  segment->longest_run = longest;
  segment->crossings = crossings;
  segment->longest_run_max = AnhoejLongestRunMax(useful);
  segment->crossings_min = AnhoejCrossingsMin(useful);

  auto flag_all = [&](RuleId rule) {
    for (int32_t i : in.judged) in.points[i].rules[static_cast<int>(rule)] = kSidelessFlag;
  };
  if (p.longest_run && longest > *segment->longest_run_max) flag_all(RuleId::kLongestRun);
  if (p.crossings && crossings < *segment->crossings_min) flag_all(RuleId::kCrossings);
  int lower = 0, upper = 0;
  if (p.run_count && IhiRunCountLimits(useful, &lower, &upper) && (runs < lower || runs > upper))
    flag_all(RuleId::kRunCount);
}

}  // namespace kaizen::spc
