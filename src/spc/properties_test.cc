// Invariants of the engine, checked on random series with RapidCheck:
//  - XmR limits are equivariant under y → a·y + b (a ≠ 0); for a > 0 the rule flags are too;
//  - analysing one series never depends on another analysed before it with the same engine;
//  - inserting a missing value anywhere never creates (or removes) a signal.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen {
namespace {

using testing::MakeIndicator;
using testing::MonthlyValues;

// Integer-valued data keep sums exact, so the only rounding is in the final divisions.
rc::Gen<std::vector<double>> GenValues(int min_size, int max_size) {
  return rc::gen::mapcat(rc::gen::inRange(min_size, max_size + 1), [](int n) {
    return rc::gen::container<std::vector<double>>(
        n, rc::gen::map(rc::gen::inRange(0, 200), [](int v) { return static_cast<double>(v); }));
  });
}

SeriesResult Analyse(SpcEngine* engine, const Indicator& ind, const Series& s) {
  Result<Profile> profile = ResolveProfile(ind.profile, ind.overrides);
  RC_ASSERT(profile.ok());
  SeriesResult out;
  RC_ASSERT(engine->Analyse(ind, *profile, s, &out).ok());
  return out;
}

SeriesResult Analyse(const Indicator& ind, const Series& s) {
  SpcEngine engine;
  return Analyse(&engine, ind, s);
}

bool Near(double expected, double actual, double scale) {
  if (std::isnan(expected) || std::isnan(actual)) return std::isnan(expected) == std::isnan(actual);
  return std::fabs(expected - actual) <= 1e-9 * (1.0 + std::fabs(scale));
}

RC_GTEST_PROP(SpcProperties, XmrLimitsAreAffineEquivariant, ()) {
  // 15 to 40 points so that mdc draws limits. Centre and each line move as a·y + b; a negative
  // a mirrors the chart, so the upper lines become the lower ones.
  const std::vector<double> y = *GenValues(15, 40);
  const double a = *rc::gen::element(-3.0, -0.5, 0.25, 1.0, 2.5, 10.0);
  const double b = *rc::gen::inRange(-1000, 1000);
  std::vector<double> z;
  for (double v : y) z.push_back(a * v + b);
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kNeither, "mdc");
  const SeriesResult r = Analyse(ind, MonthlyValues(y));
  const SeriesResult t = Analyse(ind, MonthlyValues(z));
  RC_ASSERT(r.segments[0].has_limits == t.segments[0].has_limits);
  const double scale = std::fabs(a) * 200 + std::fabs(b);
  for (std::size_t i = 0; i < y.size(); ++i) {
    const PointResult &p = r.points[i], &q = t.points[i];
    RC_ASSERT(Near(a * p.centre + b, q.centre, scale));
    RC_ASSERT(Near(a * (a > 0 ? p.upper3 : p.lower3) + b, q.upper3, scale));
    RC_ASSERT(Near(a * (a > 0 ? p.lower3 : p.upper3) + b, q.lower3, scale));
    RC_ASSERT(Near(a * (a > 0 ? p.upper2 : p.lower2) + b, q.upper2, scale));
    RC_ASSERT(Near(a * (a > 0 ? p.upper1 : p.lower1) + b, q.upper1, scale));
  }
}

RC_GTEST_PROP(SpcProperties, RuleFlagsAreUnchangedByPositiveScaling, ()) {
  // A power-of-two scale is exact in binary floating point, so every comparison the rules make
  // (against the centre, the sigma lines, the neighbour) has the same outcome, for every
  // profile.
  const std::vector<double> y = *GenValues(2, 40);
  const double a = *rc::gen::element(0.125, 0.5, 2.0, 8.0, 1024.0);
  const std::string profile = *rc::gen::elementOf(ProfileNames());
  std::vector<double> z;
  for (double v : y) z.push_back(a * v);
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, profile);
  const SeriesResult r = Analyse(ind, MonthlyValues(y));
  const SeriesResult t = Analyse(ind, MonthlyValues(z));
  for (std::size_t i = 0; i < y.size(); ++i) {
    RC_ASSERT(r.points[i].rules == t.points[i].rules);
    RC_ASSERT(r.points[i].point_class == t.points[i].point_class);
  }
  RC_ASSERT(r.variation == t.variation);
}

RC_GTEST_PROP(SpcProperties, RuleFlagsAreUnchangedByIntegerTranslation, ()) {
  // Integer data shifted by an integer: the moving ranges are identical and the mean moves by b
  // exactly whenever a value equals it, so points on the centre stay on it.
  const std::vector<double> y = *GenValues(2, 40);
  const double b = *rc::gen::inRange(-500, 500);
  const std::string profile = *rc::gen::elementOf(ProfileNames());
  std::vector<double> z;
  for (double v : y) z.push_back(v + b);
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, profile);
  const SeriesResult r = Analyse(ind, MonthlyValues(y));
  const SeriesResult t = Analyse(ind, MonthlyValues(z));
  for (std::size_t i = 0; i < y.size(); ++i) RC_ASSERT(r.points[i].rules == t.points[i].rules);
}

void ExpectSameResult(const SeriesResult& x, const SeriesResult& y) {
  RC_ASSERT(x.points.size() == y.points.size());
  for (std::size_t i = 0; i < x.points.size(); ++i) {
    const PointResult &p = x.points[i], &q = y.points[i];
    RC_ASSERT(p.rules == q.rules);
    RC_ASSERT(p.point_class == q.point_class);
    RC_ASSERT(p.label == q.label);
    // Same inputs, same arithmetic: bit-identical lines (NaN where there are none).
    for (auto [u, v] : {std::pair{p.centre, q.centre}, std::pair{p.upper3, q.upper3},
                        std::pair{p.lower3, q.lower3}, std::pair{p.value, q.value}})
      RC_ASSERT((u == v) || (std::isnan(u) && std::isnan(v)));
  }
  RC_ASSERT(x.variation == y.variation);
  RC_ASSERT(x.assurance == y.assurance);
  RC_ASSERT(x.signals.size() == y.signals.size());
  RC_ASSERT(x.warnings.size() == y.warnings.size());
}

RC_GTEST_PROP(SpcProperties, SeriesAreIndependentOfAnalysisOrder, ()) {
  // Two facets analysed by one engine (which reuses its scratch buffers) in either order give
  // the same per-series results as fresh engines.
  const std::vector<double> a = *GenValues(0, 40);
  const std::vector<double> b = *GenValues(0, 40);
  const std::string profile = *rc::gen::elementOf(ProfileNames());
  const Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kLowerIsBetter, profile);
  const Series sa = MonthlyValues(a), sb = MonthlyValues(b);
  const SeriesResult alone_a = Analyse(ind, sa), alone_b = Analyse(ind, sb);
  SpcEngine ab, ba;
  const SeriesResult ab_a = Analyse(&ab, ind, sa);
  const SeriesResult ab_b = Analyse(&ab, ind, sb);
  const SeriesResult ba_b = Analyse(&ba, ind, sb);
  const SeriesResult ba_a = Analyse(&ba, ind, sa);
  ExpectSameResult(alone_a, ab_a);
  ExpectSameResult(alone_a, ba_a);
  ExpectSameResult(alone_b, ab_b);
  ExpectSameResult(alone_b, ba_b);
}

RC_GTEST_PROP(SpcProperties, InsertingAMissingValueNeverCreatesASignal, ()) {
  // The kept points, their order and so the estimates (the moving range spans the gap) are
  // unchanged, and the rules step over the gap: every original point keeps its flags, class
  // and lines, and the gap itself is never flagged. Holds for every profile, including mdc's
  // 15-point minimum, because the count of kept points does not change.
  const std::vector<double> y = *GenValues(1, 40);
  const int at = *rc::gen::inRange(0, static_cast<int>(y.size()) + 1);
  const std::string profile = *rc::gen::elementOf(ProfileNames());
  std::vector<double> z = y;
  z.insert(z.begin() + at, kMissing);
  // Bridging is what makes the property hold; qicharts2 breaks moving ranges at a gap, as
  // edge_cases_test.cc (MovingRangesBreakAtAGapUnderQicharts2) shows.
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, profile);
  ind.overrides = {{"mr_across_gaps", "bridge"}};
  const SeriesResult r = Analyse(ind, MonthlyValues(y));
  const SeriesResult t = Analyse(ind, MonthlyValues(z));
  for (std::size_t i = 0; i < z.size(); ++i) {
    const PointResult& q = t.points[i];
    if (static_cast<int>(i) == at) {
      RC_ASSERT(q.missing);
      for (int8_t f : q.rules) RC_ASSERT(f == 0);
      // Common cause, or not judged where its segment is not (too few points, no variation).
      RC_ASSERT(!IsSpecialCause(q.point_class));
      continue;
    }
    const PointResult& p = r.points[static_cast<int>(i) < at ? i : i - 1];
    RC_ASSERT(p.rules == q.rules);
    RC_ASSERT(p.point_class == q.point_class);
    RC_ASSERT((p.centre == q.centre) || (std::isnan(p.centre) && std::isnan(q.centre)));
    RC_ASSERT((p.upper3 == q.upper3) || (std::isnan(p.upper3) && std::isnan(q.upper3)));
  }
  RC_ASSERT(r.signals.size() == t.signals.size());
  RC_ASSERT(r.variation == t.variation);
}

}  // namespace
}  // namespace kaizen
