#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kaizen/stats.h"

namespace kaizen {
namespace {

// Benard positions (r − 0.3)/(n + 0.4) for n = 5 are 0.1296, 0.3148, 0.5, 0.6852, 0.8704; their
// standard normal quantiles by Python's statistics.NormalDist().inv_cdf are −1.1281436452787634,
// −0.4822482148379233, 0, 0.4822482148379229, 1.1281436452787634. The scores follow the values'
// ranks, not their positions; a missing value has none.
TEST(NormalScoresTest, BenardPositionsInRankOrder) {
  const std::vector<double> v = {30, 10, NAN, 50, 20, 40};
  const std::vector<double> z = NormalScores(v);
  ASSERT_EQ(z.size(), 6u);
  EXPECT_NEAR(z[1], -1.1281436452787634, 1e-12);
  EXPECT_NEAR(z[4], -0.4822482148379233, 1e-12);
  EXPECT_NEAR(z[0], 0, 1e-12);
  EXPECT_NEAR(z[5], 0.4822482148379229, 1e-12);
  EXPECT_NEAR(z[3], 1.1281436452787634, 1e-12);
  EXPECT_TRUE(std::isnan(z[2]));
}

}  // namespace
}  // namespace kaizen
