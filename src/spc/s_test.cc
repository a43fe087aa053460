#include <gtest/gtest.h>

#include "spc/chart_test_util.h"

namespace kaizen::spc {
namespace {

using testing::kNaN;
using testing::NamedProfile;
using testing::TestSegment;

// SDs {1, 2, 3} of subgroups of 4, qicharts2: s̄ = 2. c4(4) = 0.921318,
// √(1 − c4²)/c4 = 0.388811/0.921318 = 0.422016, lines 2·(1 ± 0.422016k) =
// −0.532094→0, 0.311937, 1.155969 | 2.844031, 3.688063, 4.532094 (B4(4) = 2.266: 2·2.266).
TEST(SChart, HandWorkedWithB3FloorAtZero) {
  TestSegment s = TestSegment::Subgroups({1, 2, 3}, {4, 4, 4}, {1, 2, 3});
  ASSERT_TRUE(s.Run(ChartType::kS, NamedProfile("qicharts2")).ok());
  EXPECT_DOUBLE_EQ(s.out.centre_value, 2.0);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_DOUBLE_EQ(s.centre[i], 2.0);
    EXPECT_LINES_NEAR(s, i, 1e-6, {0, 0.311937, 1.155969, 2.844031, 3.688063, 4.532094});
  }
}

// Pooled under pbi-spc: s̄ = √(42/9); the ghosted SD of 9, the missing subgroup and the
// subgroup after the frozen baseline add nothing.
TEST(SChart, PooledWithGhostMissingAndFrozenBaseline) {
  TestSegment s =
      TestSegment::Subgroups({1, 9, kNaN, 2, 3, 8}, {4, 4, 4, 4, 4, 4}, {1, 9, kNaN, 2, 3, 8});
  s.Ghost(1);
  s.FreezeAfter(3);
  ASSERT_TRUE(s.Run(ChartType::kS, NamedProfile("pbi-spc")).ok());
  const double s_bar = std::sqrt(42.0 / 9.0);
  EXPECT_NEAR(s.out.centre_value, s_bar, 1e-12);
  EXPECT_NEAR(s.upper3[5], s_bar * 2.266, 1e-3 * s_bar);
  EXPECT_NEAR(s.upper3[2], s_bar * 2.266, 1e-3 * s_bar);  // missing subgroup: lines still drawn
}

TEST(SChart, NoSubgroupOfTwoIsFailedPrecondition) {
  TestSegment s = TestSegment::Subgroups({kNaN, kNaN}, {1, 1}, {kNaN, kNaN});
  EXPECT_EQ(s.Run(ChartType::kS, NamedProfile("qicharts2")).code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace kaizen::spc
