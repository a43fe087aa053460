// Signals and flags agree (issue 7): one episode is one sentence, and a point that is
// improvement and concern at once has the same class in the signal list as in the data table.
#include "spc/signals.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen {
namespace {

using testing::MakeIndicator;
using testing::MonthlyValues;

// 16 baseline points alternating 11, 9 (mean 10, MR̄ 2, mdc sigma 2.66/3·2 = 1.77333: 2σ band
// (13.54667, 15.32]) frozen as the limits, then `tail`. Index 16 is May 2021.
SeriesResult AnalyseTail(const std::vector<double>& tail,
                         ConflictPreference preference = ConflictPreference::kConcern) {
  std::vector<double> v;
  for (int i = 0; i < 16; ++i) v.push_back(i % 2 == 0 ? 11.0 : 9.0);
  v.insert(v.end(), tail.begin(), tail.end());
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.baseline.first_n = 16;
  ind.conflict_preference = preference;
  Result<SeriesResult> r = AnalyseSeries(ind, MonthlyValues(v));
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : SeriesResult{};
}

std::vector<const Signal*> SignalsOf(const SeriesResult& r, RuleId rule) {
  std::vector<const Signal*> out;
  for (const Signal& s : r.signals)
    if (s.rule == rule) out.push_back(&s);
  return out;
}

// 14, 11, 14: the rule flags the two 14s in the band (indices 16 and 18), not the 11 between
// them; that is one 2-of-3 episode, May to July 2021, and one sentence.
TEST(Signals, TwoOfThreeEpisodeIsOneSentence) {
  const SeriesResult r = AnalyseTail({14, 11, 14});
  const auto signals = SignalsOf(r, RuleId::kTwoOfThree);
  ASSERT_EQ(signals.size(), 1u);
  EXPECT_EQ(signals[0]->first, 16);
  EXPECT_EQ(signals[0]->last, 18);
  EXPECT_EQ(signals[0]->side, Side::kHigh);
  EXPECT_EQ(signals[0]->point_class, PointClass::kImprovement);
  EXPECT_EQ(signals[0]->sentence.rfind("2 of 3 points close to the upper limit", 0), 0u)
      << signals[0]->sentence;
  EXPECT_NE(signals[0]->sentence.find("from May 2021 to July 2021"), std::string::npos)
      << signals[0]->sentence;
}

// Two 2-of-3 episodes further apart than a window stay two: 14, 11, 14, then 11, 11 (two points
// with no flag, more than the one a window of 3 can hold), then 14, 14.
TEST(Signals, TwoOfThreeEpisodesApartStayApart) {
  const SeriesResult r = AnalyseTail({14, 11, 14, 11, 11, 14, 14});
  const auto signals = SignalsOf(r, RuleId::kTwoOfThree);
  ASSERT_EQ(signals.size(), 2u);
  EXPECT_EQ(signals[0]->last, 18);
  EXPECT_EQ(signals[1]->first, 21);
}

// 16, 15, ..., 10 on a higher-is-better chart: 16 is above the upper limit 15.32 (improvement)
// and starts a 7-point downward trend (concern), so May 2021 is improvement and concern at once.
// The indicator's preference decides the point's class; the beyond-limits signal, whose only
// point is May 2021, must state the same class as the data table.
TEST(Signals, ConflictedPointHasItsOwnClassInTheSignalList) {
  for (const auto& [preference, expected] :
       {std::pair{ConflictPreference::kConcern, PointClass::kConcern},
        std::pair{ConflictPreference::kImprovement, PointClass::kImprovement}}) {
    const SeriesResult r = AnalyseTail({16, 15, 14, 13, 12, 11, 10}, preference);
    ASSERT_NE(r.points[16].rules[static_cast<int>(RuleId::kBeyondLimits)], 0);
    ASSERT_NE(r.points[16].rules[static_cast<int>(RuleId::kTrend)], 0);
    EXPECT_EQ(r.points[16].point_class, expected);
    const auto beyond = SignalsOf(r, RuleId::kBeyondLimits);
    ASSERT_EQ(beyond.size(), 1u);
    EXPECT_EQ(beyond[0]->first, 16);
    EXPECT_EQ(beyond[0]->point_class, expected);
    const std::string phrase =
        expected == PointClass::kConcern ? "special cause concern." : "special cause improvement.";
    EXPECT_NE(beyond[0]->sentence.find(phrase), std::string::npos) << beyond[0]->sentence;
    // The trend's other six points are concern only: the trend episode stays a concern.
    const auto trend = SignalsOf(r, RuleId::kTrend);
    ASSERT_EQ(trend.size(), 1u);
    EXPECT_EQ(trend[0]->point_class, PointClass::kConcern);
  }
}

}  // namespace
}  // namespace kaizen
