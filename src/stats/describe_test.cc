#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "kaizen/model.h"
#include "kaizen/stats.h"
#include "stats/test_data.h"
#include "test_support.h"

namespace kaizen {
namespace {

using stats::testing::ReadCsvColumns;

constexpr double kInf = std::numeric_limits<double>::infinity();

Descriptive Describe(const std::vector<double>& v, const DescribeOptions& options = {}) {
  Result<Descriptive> r = kaizen::Describe(v, options);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : Descriptive{};
}

// Issue 14: 24 values of 1e308 summed to inf; the answers are exact by hand.
TEST(DescribeTest, ConstantValuesNearTheDoubleLimitHaveTheirMeanAndSdZero) {
  const Descriptive d = Describe(std::vector<double>(24, 1e308));
  EXPECT_EQ(d.mean, 1e308);
  EXPECT_EQ(d.median, 1e308);
  EXPECT_EQ(d.sd, 0);
  EXPECT_EQ(d.range, 0);
  EXPECT_TRUE(std::isnan(d.skewness));
  EXPECT_EQ(d.skewness_reading, "undefined: every value is the same");
}

// Issue 14: ±1e308 printed skewness -nan. By hand: mean 0, deviations ±1e308, so
// s² = 4e616 / 3 (beyond a double: not shown), s = 1e308 · sqrt(4/3), skewness 0 by symmetry,
// g2 = m4/m2² - 3 = -2, G2 = (3 / (2 · 1)) (5 · -2 + 6) = -6; the range 2e308 is not shown.
TEST(DescribeTest, ValuesOfBothSignsNearTheDoubleLimitAreScaledNotOverflowed) {
  const Descriptive d = Describe({1e308, -1e308, 1e308, -1e308});
  EXPECT_EQ(d.mean, 0);
  EXPECT_NEAR(d.sd / (1e308 * std::sqrt(4.0 / 3)), 1, 1e-15);
  EXPECT_TRUE(std::isnan(d.variance));
  EXPECT_NEAR(d.skewness, 0, 1e-15);
  EXPECT_NEAR(d.excess_kurtosis, -6, 1e-12);
  EXPECT_TRUE(std::isnan(d.range));
  bool variance_note = false, range_note = false;
  for (const std::string& n : d.notes) {
    variance_note |= n.find("the variance (sd squared) is beyond") != std::string::npos;
    range_note |= n.find("the range is beyond") != std::string::npos;
  }
  EXPECT_TRUE(variance_note && range_note);
}

// Hand computation for {1, 2, 3, 4, 10}: mean 4, deviations -3 -2 -1 0 6, so
// Σd² = 50, Σd³ = 180, Σd⁴ = 1394; m2 = 10, m3 = 36, m4 = 278.8.
// s² = 50/4 = 12.5; g1 = 36/10^1.5; G1 = g1 sqrt(20)/3 = 1.2 sqrt(2) exactly (Excel SKEW gives
// 1.697056); g2 = 2.788 - 3 = -0.212; G2 = (4/6)(6 g2 + 6) = 3.152 exactly (Excel KURT).
TEST(DescribeTest, HandWorkedSmallSample) {
  const Descriptive d = Describe({4, 2, 10, 1, 3});
  EXPECT_EQ(d.n, 5u);
  EXPECT_EQ(d.missing, 0u);
  EXPECT_DOUBLE_EQ(d.mean, 4.0);
  EXPECT_DOUBLE_EQ(d.median, 3.0);
  EXPECT_DOUBLE_EQ(d.variance, 12.5);
  EXPECT_DOUBLE_EQ(d.sd, std::sqrt(12.5));
  EXPECT_DOUBLE_EQ(d.min, 1);
  EXPECT_DOUBLE_EQ(d.max, 10);
  EXPECT_DOUBLE_EQ(d.range, 9);
  // Type 7: h = 1 + p (n - 1), so Q1 = x(2) = 2 and Q3 = x(4) = 4.
  EXPECT_DOUBLE_EQ(d.q1, 2);
  EXPECT_DOUBLE_EQ(d.q3, 4);
  EXPECT_DOUBLE_EQ(d.iqr, 2);
  EXPECT_DOUBLE_EQ(d.cv, std::sqrt(12.5) / 4);
  EXPECT_NEAR(d.skewness, 1.2 * std::sqrt(2.0), 1e-14);
  EXPECT_NEAR(d.excess_kurtosis, 3.152, 1e-13);
  EXPECT_EQ(d.quantile_method, QuantileMethod::kType7);
  EXPECT_NE(d.quantile_method_name.find("type 7"), std::string::npos);
  EXPECT_NE(d.skewness_reading.find("right-skewed"), std::string::npos) << d.skewness_reading;
  EXPECT_NE(d.kurtosis_reading.find("heavy-tailed"), std::string::npos) << d.kurtosis_reading;
  EXPECT_TRUE(d.modes.empty());
  EXPECT_EQ(d.mode_reading, "no mode: every value occurs once");
}

// Mirror image: left skew reads as such.
TEST(DescribeTest, LeftSkewReading) {
  const Descriptive d = Describe({-4, -2, -10, -1, -3});
  EXPECT_NEAR(d.skewness, -1.2 * std::sqrt(2.0), 1e-14);
  EXPECT_NE(d.skewness_reading.find("left-skewed"), std::string::npos) << d.skewness_reading;
}

// summary(mtcars$mpg) in R: Min 10.40, 1st Qu. 15.43, Median 19.20, Mean 20.09, 3rd Qu. 22.80,
// Max 33.90; sd(mtcars$mpg) = 6.026948. Type-7 Q1 by hand: h = 1 + 0.25 * 31 = 8.75, sorted
// x(8) = 15.2, x(9) = 15.5, so 15.2 + 0.75 * 0.3 = 15.425.
TEST(DescribeTest, MtcarsMpgMatchesR) {
  const Descriptive d = Describe(stats::testing::kMtcarsMpg);
  EXPECT_NEAR(d.mean, 20.090625, 1e-12);  // 642.9 / 32
  EXPECT_NEAR(d.sd, 6.026948, 5e-7);
  EXPECT_DOUBLE_EQ(d.median, 19.2);
  EXPECT_NEAR(d.q1, 15.425, 1e-12);
  EXPECT_NEAR(d.q3, 22.8, 1e-12);
  // Modes: 10.4, 15.2, 19.2, 21.0, 21.4, 22.8 and 30.4 each occur twice.
  EXPECT_EQ(d.modes, (std::vector<double>{10.4, 15.2, 19.2, 21.0, 21.4, 22.8, 30.4}));
  EXPECT_EQ(d.mode_count, 2u);
}

TEST(DescribeTest, SingleAndTiedModes) {
  const Descriptive one = Describe({1, 2, 2, 3});
  EXPECT_EQ(one.modes, std::vector<double>{2});
  EXPECT_EQ(one.mode_count, 2u);
  const Descriptive two = Describe({1, 1, 2, 3, 3});
  EXPECT_EQ(two.modes, (std::vector<double>{1, 3}));
  EXPECT_NE(two.mode_reading.find("2 modes tied"), std::string::npos) << two.mode_reading;
}

TEST(DescribeTest, ModesCanBeSkippedForSpeedWithSameQuantiles) {
  DescribeOptions fast;
  fast.find_modes = false;
  fast.percentiles = {5, 95};
  DescribeOptions full = fast;
  full.find_modes = true;
  const Descriptive a = Describe(stats::testing::kMtcarsMpg, fast);
  const Descriptive b = Describe(stats::testing::kMtcarsMpg, full);
  EXPECT_TRUE(a.modes.empty());
  EXPECT_EQ(a.median, b.median);
  EXPECT_EQ(a.q1, b.q1);
  EXPECT_EQ(a.q3, b.q3);
  EXPECT_EQ(a.percentiles[0].value, b.percentiles[0].value);
  EXPECT_EQ(a.percentiles[1].value, b.percentiles[1].value);
}

// Hyndman & Fan (1996) definitions worked by hand for x = {10, 20, 30, 40}, p = 0.3:
//   1: np = 1.2, j = 1, g > 0 -> x(2) = 20        2: same -> 20
//   3: np - 1/2 = 0.7, j = 0, g > 0 -> x(1) = 10   4: np = 1.2 -> 10 + 0.2 * 10 = 12
//   5: 1/2 + np = 1.7 -> 17                         6: p (n + 1) = 1.5 -> 15
//   7: 1 + p (n - 1) = 1.9 -> 19                    8: 1/3 + p (n + 1/3) = 1.6333 -> 16.333
//   9: 3/8 + p (n + 1/4) = 1.65 -> 16.5
TEST(QuantileTest, AllNineTypesByHand) {
  const std::vector<double> x = {40, 10, 30, 20};
  const double expected[9] = {20, 20, 10, 12, 17, 15, 19, 10 + 10 * (1.0 / 3 + 1.3 - 1), 16.5};
  for (int type = 1; type <= 9; ++type) {
    Result<double> q = Quantile(x, 0.3, static_cast<QuantileMethod>(type));
    ASSERT_TRUE(q.ok());
    EXPECT_NEAR(*q, expected[type - 1], 1e-12) << "type " << type;
  }
  // Type 2 averages at a discontinuity: p = 0.5, np = 2 exactly -> (x(2) + x(3)) / 2 = 25.
  EXPECT_DOUBLE_EQ(*Quantile(x, 0.5, QuantileMethod::kType2), 25);
  // Type 1 does not: x(2) = 20.
  EXPECT_DOUBLE_EQ(*Quantile(x, 0.5, QuantileMethod::kType1), 20);
  // Type 3, p = 0.375: np - 1/2 = 1 exactly, j = 1 is odd, so the even neighbour x(2) = 20.
  EXPECT_DOUBLE_EQ(*Quantile(x, 0.375, QuantileMethod::kType3), 20);
  // Ends: p = 0 and 1 are the minimum and maximum for every type.
  for (int type = 1; type <= 9; ++type) {
    EXPECT_DOUBLE_EQ(*Quantile(x, 0, static_cast<QuantileMethod>(type)), 10) << type;
    EXPECT_DOUBLE_EQ(*Quantile(x, 1, static_cast<QuantileMethod>(type)), 40) << type;
  }
}

TEST(QuantileTest, BadInputsAreClearStatuses) {
  const std::vector<double> x = {1, 2, 3};
  EXPECT_EQ(Quantile(x, 1.5).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Quantile(std::vector<double>{kMissing}, 0.5).status().code(),
            StatusCode::kFailedPrecondition);
}

// Type 6 quartiles of {1, 2, 3, 4, 10}: p (n + 1) = 1.5 and 4.5, so 1.5 and 4 + 0.5 * 6 = 7.
TEST(DescribeTest, SelectableQuantileMethodAndPercentiles) {
  DescribeOptions options;
  options.quantile_method = QuantileMethod::kType6;
  options.percentiles = {0, 50, 100};
  const Descriptive d = Describe({1, 2, 3, 4, 10}, options);
  EXPECT_DOUBLE_EQ(d.q1, 1.5);
  EXPECT_DOUBLE_EQ(d.q3, 7);
  EXPECT_DOUBLE_EQ(d.iqr, 5.5);
  EXPECT_NE(d.quantile_method_name.find("type 6"), std::string::npos);
  ASSERT_EQ(d.percentiles.size(), 3u);
  EXPECT_DOUBLE_EQ(d.percentiles[0].value, 1);
  EXPECT_DOUBLE_EQ(d.percentiles[1].value, 3);
  EXPECT_DOUBLE_EQ(d.percentiles[2].value, 10);
  options.percentiles = {101};
  EXPECT_EQ(kaizen::Describe(std::vector<double>{1.0}, options).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(DescribeTest, NoValues) {
  const Descriptive d = Describe({kMissing, kMissing});
  EXPECT_EQ(d.n, 0u);
  EXPECT_EQ(d.missing, 2u);
  EXPECT_TRUE(std::isnan(d.mean));
  EXPECT_TRUE(std::isnan(d.median));
  EXPECT_TRUE(std::isnan(d.sd));
  EXPECT_FALSE(d.notes.empty());
  const Descriptive empty = Describe({});
  EXPECT_EQ(empty.n, 0u);
  EXPECT_TRUE(std::isnan(empty.mean));
}

TEST(DescribeTest, OneValueHasNoStandardDeviation) {
  const Descriptive d = Describe({7.5});
  EXPECT_EQ(d.n, 1u);
  EXPECT_DOUBLE_EQ(d.mean, 7.5);
  EXPECT_DOUBLE_EQ(d.median, 7.5);
  EXPECT_DOUBLE_EQ(d.q1, 7.5);
  EXPECT_DOUBLE_EQ(d.range, 0);
  EXPECT_TRUE(std::isnan(d.sd));
  EXPECT_TRUE(std::isnan(d.variance));
  EXPECT_TRUE(std::isnan(d.skewness));
  bool noted = false;
  for (const std::string& note : d.notes) noted |= note.find("at least two") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(DescribeTest, AllEqualHasZeroSdAndUndefinedShape) {
  // 0.1 is not exactly representable, so a naive mean of ten copies can round; the result must
  // still be exact.
  const Descriptive d = Describe(std::vector<double>(10, 0.1));
  EXPECT_EQ(d.mean, 0.1);
  EXPECT_EQ(d.sd, 0.0);
  EXPECT_EQ(d.cv, 0.0);
  EXPECT_TRUE(std::isnan(d.skewness));
  EXPECT_TRUE(std::isnan(d.excess_kurtosis));
  EXPECT_NE(d.skewness_reading.find("same"), std::string::npos);
  EXPECT_EQ(d.modes, std::vector<double>{0.1});
  EXPECT_EQ(d.mode_count, 10u);
}

TEST(DescribeTest, MissingValuesAreCountedAndSkipped) {
  const Descriptive d = Describe({1, kMissing, 2, 3, kMissing});
  EXPECT_EQ(d.n, 3u);
  EXPECT_EQ(d.missing, 2u);
  EXPECT_DOUBLE_EQ(d.mean, 2);
  EXPECT_DOUBLE_EQ(d.sd, 1);
}

TEST(DescribeTest, InfinityIsRejectedWithItsPosition) {
  Result<Descriptive> r = kaizen::Describe(std::vector<double>{1, 2, kInf, 4});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("value 3 is +infinity"), std::string::npos)
      << r.status().message();
  r = kaizen::Describe(std::vector<double>{-kInf});
  EXPECT_NE(r.status().message().find("value 1 is -infinity"), std::string::npos);
}

TEST(DescribeTest, ZeroMeanHasUndefinedCv) {
  const Descriptive d = Describe({-1, 1});
  EXPECT_TRUE(std::isnan(d.cv));
}

// NIST StRD univariate summary statistics (tests/data/nist/README.md): certified mean and sd.
// Accuracy as log relative error: mean to 15 significant digits; sd within 1e-13 (NumAcc1, 2),
// 1e-9 (NumAcc3), 1e-8 (NumAcc4). A one-pass sum of squares fails NumAcc3 and 4 outright.
struct NistCase {
  const char* file;
  double mean;
  double sd;
  double sd_tolerance;
};

TEST(DescribeTest, NistNumAcc) {
  const NistCase cases[] = {{"numacc1.csv", 10000002, 1, 1e-13},
                            {"numacc2.csv", 1.2, 0.1, 1e-13},
                            {"numacc3.csv", 1000000.2, 0.1, 1e-9},
                            {"numacc4.csv", 10000000.2, 0.1, 1e-8}};
  for (const NistCase& c : cases) {
    const auto columns =
        ReadCsvColumns(testing::SourcePath(std::string("tests/data/nist/") + c.file));
    ASSERT_EQ(columns.size(), 1u) << c.file;
    const Descriptive d = Describe(columns[0]);
    EXPECT_LE(std::fabs(d.mean - c.mean) / c.mean, 1e-15) << c.file << " mean " << d.mean;
    EXPECT_LE(std::fabs(d.sd - c.sd) / c.sd, c.sd_tolerance) << c.file << " sd " << d.sd;
  }
}

}  // namespace
}  // namespace kaizen
