#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// {1, 3, 2} defectives of n = 4: p̄ = 6/12 = 0.5, centre n·p̄ = 2, σ = √(4·0.5·0.5) = 1.
// Lines 2 ± k = −1, 0, 1 | 3, 4, 5, clipped to [0, n = 4]: 0, 0, 1 | 3, 4, 4.
TEST(NpChart, HandWorkedClippedToZeroAndN) {
  TestSegment s({1, 3, 2, kNaN});
  s.denominator = {4, 4, 4, 4};
  ASSERT_TRUE(s.Run(ChartType::kNp, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 2.0);
  EXPECT_DOUBLE_EQ(s.out.sigma, 1.0);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_LINES_NEAR(s, i, 1e-12, {0, 0, 1, 3, 4, 4});
}

// Frozen after two points: p̄ = 4/8 = 0.5 again although the third point is 4 of 4.
TEST(NpChart, FrozenBaseline) {
  TestSegment s({1, 3, 4});
  s.denominator = {4, 4, 4};
  s.FreezeAfter(2);
  ASSERT_TRUE(s.Run(ChartType::kNp, NamedProfile("mdc")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 2.0);
}

TEST(NpChart, VaryingDenominatorIsInvalid) {
  TestSegment s({1, 3});
  s.denominator = {4, 5};
  EXPECT_EQ(s.Run(ChartType::kNp, NamedProfile("mdc")).code(), StatusCode::kInvalidArgument);
}

TEST(NpChart, MoreDefectivesThanSizeIsInvalid) {
  TestSegment s({1, 5});
  s.denominator = {4, 4};
  EXPECT_EQ(s.Run(ChartType::kNp, NamedProfile("mdc")).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen::spc
