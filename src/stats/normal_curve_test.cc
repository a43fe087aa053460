#include <gtest/gtest.h>

#include "kaizen/histogram.h"

namespace kaizen {
namespace {

// φ(0) = 1/√(2π) = 0.3989422804014327 and φ(1) = exp(−½)/√(2π) = 0.24197072451914337
// (Python: math.exp(-z*z/2) / math.sqrt(2*math.pi)).

// 100 values in bins of width 1 with sd 1: the peak bin expects 100 · φ(0) = 39.894...
TEST(NormalBinCount, PeakIsNTimesWidthTimesDensityAtTheMean) {
  EXPECT_DOUBLE_EQ(NormalBinCount(5, 5, 1, 100, 1), 39.89422804014327);
}

// One sd from the mean: 100 · φ(1) = 24.197..., the same on either side.
TEST(NormalBinCount, SymmetricAboutTheMean) {
  EXPECT_DOUBLE_EQ(NormalBinCount(6, 5, 1, 100, 1), 24.197072451914337);
  EXPECT_DOUBLE_EQ(NormalBinCount(4, 5, 1, 100, 1), 24.197072451914337);
}

// sd 2, width 0.5, n 50, x two units (one sd) above the mean: 50 · 0.5 · φ(1) / 2 = 3.0246...
TEST(NormalBinCount, ScalesWithWidthAndInverselyWithSd) {
  EXPECT_DOUBLE_EQ(NormalBinCount(12, 10, 2, 50, 0.5), 3.024634056489292);
}

}  // namespace
}  // namespace kaizen
