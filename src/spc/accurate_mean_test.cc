// The centre line's mean (accurate_mean.h): R's algorithm, checked by properties that a naive
// double sum breaks, by values worked out by hand, and through the engine, where a point equal
// to the centre must be on it in every profile.
#include "spc/accurate_mean.h"

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "kaizen/profile.h"
#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen::spc {
namespace {

double MeanOf(const std::vector<double>& v) {
  return AccurateMean([&](auto add) {
    for (double x : v) add(x);
  });
}

// Decimal values with up to 3 decimals, as the differential cases hold them.
rc::Gen<double> GenDecimal() {
  return rc::gen::map(rc::gen::inRange(-200000, 200000),
                      [](int k) { return static_cast<double>(k) / 1000.0; });
}

TEST(AccurateMean, NoValuesIsNaN) { EXPECT_TRUE(std::isnan(MeanOf({}))); }

TEST(AccurateMean, NaiveSumIsOffWhereTheCorrectlyRoundedMeanIsNot) {
  // 0.1 + 0.2 + 0.3 in doubles is 0.6000000000000001, so a left-to-right sum gives a mean of
  // 0.20000000000000004; the exact mean of the three doubles is within half an ulp of 0.2.
  const std::vector<double> v = {0.1, 0.2, 0.3};
  EXPECT_NE((0.1 + 0.2 + 0.3) / 3, 0.2);
  EXPECT_EQ(MeanOf(v), 0.2);
}

TEST(AccurateMean, HugeValuesDoNotOverflow) {
  // The double sum of two 1.5e308 is inf; the long double one is not, and the mean is exact.
  // Three 1e308 sum to 3e308, beyond the double range: R then sums the terms x/n, and the
  // correction pass makes the mean exact again.
  EXPECT_EQ(MeanOf({1.5e308, 1.5e308}), 1.5e308);
  EXPECT_EQ(MeanOf({1e308, 1e308, 1e308}), 1e308);
}

TEST(AccurateMean, SumIsLongDouble) {
  // 1e16 + 1 + 1 in doubles loses both ones (the spacing at 1e16 is 2); in long double it is
  // exactly 10000000000000002, a double.
  EXPECT_EQ(AccurateSum([](auto add) {
              add(1e16);
              add(1.0);
              add(1.0);
            }),
            10000000000000002.0);
}

RC_GTEST_PROP(AccurateMean, MeanOfCopiesIsTheValue, ()) {
  const double x = *rc::gen::oneOf(GenDecimal(), rc::gen::arbitrary<double>());
  RC_PRE(std::isfinite(x));
  const int n = *rc::gen::inRange(1, 500);
  RC_ASSERT(MeanOf(std::vector<double>(n, x)) == x);
}

RC_GTEST_PROP(AccurateMean, PermutationsGiveTheSameMean, ()) {
  // A left-to-right double sum depends on the order; the correctly rounded mean cannot. R's
  // algorithm is correctly rounded unless the values cancel to a mean far below their size
  // (accurate_mean.h), so the values here are positive, as counts, rates and times are.
  std::vector<double> v = *rc::gen::container<std::vector<double>>(
      rc::gen::map(rc::gen::inRange(1, 200000), [](int k) { return k / 1000.0; }));
  RC_PRE(!v.empty());
  const double before = MeanOf(v);
  std::mt19937 shuffle_with(*rc::gen::arbitrary<unsigned>());
  std::shuffle(v.begin(), v.end(), shuffle_with);
  RC_ASSERT(MeanOf(v) == before);
  std::sort(v.begin(), v.end());
  RC_ASSERT(MeanOf(v) == before);
}

// Through the engine: a series built so that its mean is an exact decimal held by some of its
// points. Those points must be on the centre line under every profile: never above or below it,
// so they break a shift in mdc and nhsr and are not "useful" for Anhøj.
RC_GTEST_PROP(AccurateMean, APointEqualToTheCentreIsOnIt, ()) {
  const double m = *GenDecimal();
  const int pairs = *rc::gen::inRange(1, 12);
  std::vector<double> y;
  for (int k = 0; k < pairs; ++k) {
    const double d = static_cast<double>(*rc::gen::inRange(1, 5000)) / 1000.0;
    y.push_back(m + d);  // m ± d rounded: their exact mean is not always m, but R's mean is
    y.push_back(m - d);  // correctly rounded, so when it equals m the points at m are on it
  }
  const int on_centre = *rc::gen::inRange(1, 4);
  for (int k = 0; k < on_centre; ++k) y.insert(y.begin() + *rc::gen::inRange(0, int(y.size())), m);
  RC_PRE(MeanOf(y) == m);
  for (const std::string& name : ProfileNames()) {
    const Indicator ind = testing::MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, name);
    Result<SeriesResult> r = AnalyseSeries(ind, testing::MonthlyValues(y));
    RC_ASSERT(r.ok());
    for (const PointResult& pt : r->points) {
      if (pt.value != m) continue;
      RC_ASSERT(pt.centre == m);
      RC_ASSERT(pt.rules[static_cast<int>(RuleId::kShift)] == 0);
    }
  }
}

}  // namespace
}  // namespace kaizen::spc
