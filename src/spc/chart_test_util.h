// Test support for the chart functions: one segment's columns and output buffers, owned
// together so a test can build a ChartInput, run a chart and read the lines back.
#ifndef KAIZEN_SPC_CHART_TEST_UTIL_H_
#define KAIZEN_SPC_CHART_TEST_UTIL_H_

#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "kaizen/profile.h"
#include "spc/chart.h"

namespace kaizen::spc::testing {

inline constexpr double kNaN = kMissing;

// Every point with a value is kept and estimates until Ghost() or FreezeAfter() say otherwise.
struct TestSegment {
  std::vector<double> y, numerator, denominator, subgroup_sd;
  std::vector<uint8_t> kept, estimate;
  std::vector<double> out_y, centre, lower3, lower2, lower1, upper1, upper2, upper3;
  ChartOutput out;
  ChartScratch scratch;

  explicit TestSegment(std::vector<double> values) : y(std::move(values)) {
    for (double v : y) {
      kept.push_back(std::isnan(v) ? 0 : 1);
      estimate.push_back(std::isnan(v) ? 0 : 1);
    }
  }
  // y = numerator/denominator (NaN where the numerator is NaN), as the engine computes it.
  static TestSegment Ratio(std::vector<double> num, std::vector<double> den) {
    std::vector<double> ratio;
    for (std::size_t i = 0; i < num.size(); ++i) ratio.push_back(num[i] / den[i]);
    TestSegment s(std::move(ratio));
    s.numerator = std::move(num);
    s.denominator = std::move(den);
    return s;
  }
  // Subgroup means or SDs (y) with their sizes and SDs.
  static TestSegment Subgroups(std::vector<double> values, std::vector<double> sizes,
                               std::vector<double> sds) {
    TestSegment s(std::move(values));
    s.denominator = std::move(sizes);
    s.subgroup_sd = std::move(sds);
    return s;
  }

  void Ghost(std::size_t i) { kept[i] = estimate[i] = 0; }
  // Only the first `n` kept points estimate: a frozen baseline.
  void FreezeAfter(int n) {
    int seen = 0;
    for (std::size_t i = 0; i < y.size(); ++i) {
      if (kept[i] && ++seen > n) estimate[i] = 0;
    }
  }

  ChartInput Input() const {
    return {.y = y,
            .numerator = numerator,
            .denominator = denominator,
            .subgroup_sd = subgroup_sd,
            .kept = kept,
            .estimate = estimate};
  }

  Status Run(ChartType type, const Profile& profile) {
    for (auto* v : {&out_y, &centre, &lower3, &lower2, &lower1, &upper1, &upper2, &upper3}) {
      v->assign(y.size(), 12345.0);  // a sentinel every chart must overwrite
    }
    out = ChartOutput{.y = out_y,
                      .centre = centre,
                      .lower3 = lower3,
                      .lower2 = lower2,
                      .lower1 = lower1,
                      .upper1 = upper1,
                      .upper2 = upper2,
                      .upper3 = upper3};
    return ComputeChartLines(type, Input(), profile, &scratch, &out);
  }

  // The six lines of point i from lower3 to upper3.
  std::vector<double> Lines(std::size_t i) const {
    return {lower3[i], lower2[i], lower1[i], upper1[i], upper2[i], upper3[i]};
  }
};

inline Profile NamedProfile(std::string_view name) { return FindProfile(name).value(); }

// Expects the six lines of point i (lower3 ... upper3) to be within `tol` of `expected`.
#define EXPECT_LINES_NEAR(segment, i, tol, ...)                                                   \
  do {                                                                                            \
    const std::vector<double> expected_lines = __VA_ARGS__;                                       \
    const std::vector<double> actual_lines = (segment).Lines(i);                                  \
    for (std::size_t k = 0; k < 6; ++k) {                                                         \
      if (std::isnan(expected_lines[k])) {                                                        \
        EXPECT_TRUE(std::isnan(actual_lines[k])) << "point " << (i) << " line " << k;             \
      } else {                                                                                    \
        EXPECT_NEAR(actual_lines[k], expected_lines[k], tol) << "point " << (i) << " line " << k; \
      }                                                                                           \
    }                                                                                             \
  } while (0)

}  // namespace kaizen::spc::testing

#endif  // KAIZEN_SPC_CHART_TEST_UTIL_H_
