// NHSRplotthedots 0.2.2 conformance: the cases of tests/conformance/nhsr_ptd_cases.json
// (provenance in tests/conformance/README.md), read at test time. XmR limits with and without
// moving-range screening under the nhsr and mdc profiles, facets as rebased segments, the
// rule unit vectors of test-ptd_calculate_point_type.R and the assurance table.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "kaizen/spc.h"
#include "spc/classify.h"
#include "spc/rules.h"
#include "test_support.h"

namespace kaizen {
namespace {

using nlohmann::json;
using testing::MakeIndicator;
using testing::Month;
using testing::MonthlyValues;

const json& Cases() {
  static const json cases =
      json::parse(testing::ReadFile(testing::SourcePath("tests/conformance/nhsr_ptd_cases.json")));
  return cases;
}

// The snapshots print 7 significant digits (conformance README: 1e-6 absolute).
constexpr double kTolerance = 1e-6;

SeriesResult Analyse(const json& c, const std::string& profile, Direction direction) {
  Series s = MonthlyValues(c["y"].get<std::vector<double>>());
  Indicator ind = MakeIndicator(ChartType::kXmr, direction, profile);
  Result<SeriesResult> r = AnalyseSeries(ind, s);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : SeriesResult{};
}

void ExpectLimits(const SeriesResult& r, const json& expect, double tolerance) {
  ASSERT_FALSE(r.points.empty());
  const PointResult& pt = r.points.front();
  EXPECT_NEAR(pt.centre, expect["mean"].get<double>(), tolerance);
  EXPECT_NEAR(pt.lower3, expect["lpl"].get<double>(), tolerance);
  EXPECT_NEAR(pt.upper3, expect["upl"].get<double>(), tolerance);
}

TEST(NhsrConformance, ScreenedLimits) {
  const json& c = Cases()["xmr_rnorm20_screened"];
  ExpectLimits(Analyse(c, "nhsr", Direction::kNeither), c["expect"], kTolerance);
}

TEST(NhsrConformance, ScreenedLimitsWithOutlier) {
  const json& c = Cases()["xmr_rnorm20_y15_10_screened"];
  ExpectLimits(Analyse(c, "nhsr", Direction::kNeither), c["expect"], kTolerance);
}

TEST(NhsrConformance, UnscreenedLimitsWithOutlierUnderMdc) {
  const json& c = Cases()["xmr_rnorm20_y15_10_unscreened"];
  ExpectLimits(Analyse(c, "mdc", Direction::kNeither), c["expect"], kTolerance);
}

TEST(NhsrConformance, FacetsAsSegments) {
  // Two facets of 10 points each; the snapshot prints 3 significant digits, so the tolerance
  // is half a unit in the last printed digit.
  const json& c = Cases()["xmr_facets_10_10"];
  for (const json& e : c["expect"]) {
    std::vector<double> y;
    for (std::size_t i = 0; i < c["y"].size(); ++i)
      if (c["facet"][i] == e["f"]) y.push_back(c["y"][i].get<double>());
    ASSERT_EQ(static_cast<int>(y.size()), e["n"].get<int>());
    Result<SeriesResult> r = AnalyseSeries(
        MakeIndicator(ChartType::kXmr, Direction::kNeither, "nhsr"), MonthlyValues(y));
    ASSERT_TRUE(r.ok());
    const double mean = e["mean"], lpl = e["lpl"], upl = e["upl"];
    auto half_unit = [](double v) {  // 3 significant digits
      return 0.5 * std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 2);
    };
    EXPECT_NEAR(r->points[0].centre, mean, half_unit(mean));
    EXPECT_NEAR(r->points[0].lower3, lpl, half_unit(lpl));
    EXPECT_NEAR(r->points[0].upper3, upl, half_unit(upl));
  }
}

TEST(NhsrConformance, DeviationsVignette) {
  // Printed to 2 decimals in the vignette: tolerance 0.005.
  const json& c = Cases()["deviations_vignette"];
  const SeriesResult screened = Analyse(c, "nhsr", Direction::kHigherIsBetter);
  ExpectLimits(screened, c["expect_screened"], 0.005);
  ExpectLimits(Analyse(c, "mdc", Direction::kHigherIsBetter), c["expect_unscreened"], 0.005);
  // "point5": special cause improvement (increase) under the screened limits.
  EXPECT_EQ(screened.points[4].point_class, PointClass::kImprovement);
  EXPECT_EQ(screened.points[4].side, Side::kHigh);
}

TEST(NhsrConformance, TwoInThreeOnOppositeSidesIsCommonCause) {
  const json& c = Cases()["two_in_three_opposite_sides"];
  const SeriesResult r = Analyse(c, "nhsr", Direction::kHigherIsBetter);
  const std::size_t n = r.points.size();
  ASSERT_GE(n, 2u);
  EXPECT_EQ(PointClassName(r.points[n - 2].point_class), c["expect_last_two_point_type"][0]);
  EXPECT_EQ(PointClassName(r.points[n - 1].point_class), c["expect_last_two_point_type"][1]);
}

// Builds judged points with the given values around centre 0; the sigma lines at ±1, ±2, ±3.
std::vector<PointResult> UnitPoints(const std::vector<double>& values) {
  std::vector<PointResult> points(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    points[i].value = values[i];
    points[i].centre = 0;
    points[i].lower3 = -3, points[i].lower2 = -2, points[i].lower1 = -1;
    points[i].upper1 = 1, points[i].upper2 = 2, points[i].upper3 = 3;
  }
  return points;
}

std::vector<int32_t> AllIndices(std::size_t n) {
  std::vector<int32_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<int32_t>(i);
  return v;
}

std::vector<int> Flags(const std::vector<PointResult>& points, RuleId rule) {
  std::vector<int> out;
  for (const PointResult& p : points) out.push_back(p.rules[static_cast<int>(rule)]);
  return out;
}

// The rule unit vectors test ptd's inner helpers, which mark only the completing point of a run
// (ptd_seven_point_one_side_mean, ptd_seven_point_trend) or every point of a qualifying window
// (ptd_two_in_three). What ptd_spc() reports passes them through its wrappers
// (R/ptd_calculate_point_type.R), written out here from that source:
//   ptd_part_of_seven_trend(v)[i] = any(abs(v[i + 0:6]) == 1)   (every point of the run)
//   ptd_part_of_two_in_three(v, close)[i] = v[i] == 1 & close[i] == 1   (the band points)
// so the engine's flags are compared with the wrapped vectors.
std::vector<int> PartOfSeven(const std::vector<int>& completing) {
  std::vector<int> part(completing.size(), 0);
  for (std::size_t i = 0; i < completing.size(); ++i)
    for (std::size_t k = i; k < completing.size() && k < i + 7; ++k)
      if (completing[k] != 0) part[i] = 1;
  return part;
}

std::vector<int> Nonzero(const std::vector<int>& flags) {
  std::vector<int> out;
  for (int f : flags) out.push_back(f != 0);
  return out;
}

TEST(NhsrConformance, SevenPointsOnOneSideUnitVectors) {
  const Profile nhsr = *FindProfile("nhsr");
  for (const json& c : Cases()["rule_units"]["seven_point_one_side_mean"]) {
    auto points = UnitPoints(c[0].get<std::vector<double>>());
    const auto judged = AllIndices(points.size());
    spc::ApplyShift({points, judged, true}, nhsr);
    EXPECT_EQ(Nonzero(Flags(points, RuleId::kShift)), PartOfSeven(c[1].get<std::vector<int>>()))
        << c[0];
  }
}

TEST(NhsrConformance, SevenPointTrendUnitVectors) {
  const Profile nhsr = *FindProfile("nhsr");
  for (const json& c : Cases()["rule_units"]["seven_point_trend"]) {
    auto points = UnitPoints(c[0].get<std::vector<double>>());
    const auto judged = AllIndices(points.size());
    spc::ApplyTrend({points, judged, true}, nhsr);
    EXPECT_EQ(Nonzero(Flags(points, RuleId::kTrend)), PartOfSeven(c[1].get<std::vector<int>>()))
        << c[0];
  }
}

TEST(NhsrConformance, TwoInThreeUnitVectors) {
  // close_to_limits = 1 becomes a value in the 2–3 sigma band (±2.5) on the side given by
  // relative_to_mean; 0 becomes ±0.5, inside 1 sigma on that side.
  const Profile nhsr = *FindProfile("nhsr");
  for (const json& c : Cases()["rule_units"]["two_in_three(close,rtm)"]) {
    const auto close = c[0].get<std::vector<int>>();
    const auto rtm = c[1].get<std::vector<int>>();
    const auto window = c[2].get<std::vector<int>>();
    std::vector<double> values;
    std::vector<int> band_points;
    for (std::size_t i = 0; i < close.size(); ++i) {
      values.push_back(rtm[i] * (close[i] ? 2.5 : 0.5));
      band_points.push_back(window[i] == 1 && close[i] == 1);
    }
    auto points = UnitPoints(values);
    const auto judged = AllIndices(points.size());
    spc::ApplyZoneRule({points, judged, true}, nhsr.two_of_three, RuleId::kTwoOfThree);
    EXPECT_EQ(Nonzero(Flags(points, RuleId::kTwoOfThree)), band_points) << c;
  }
}

TEST(NhsrConformance, AssuranceTable) {
  const json& a = Cases()["assurance"];
  const Profile nhsr = *FindProfile("nhsr");
  auto name = [](AssuranceIcon icon) -> std::string {
    switch (icon) {
      case AssuranceIcon::kPass:
        return "consistent_pass";
      case AssuranceIcon::kFail:
        return "consistent_fail";
      case AssuranceIcon::kHitOrMiss:
        return "inconsistent";
      case AssuranceIcon::kNone:
        break;
    }
    return "none";
  };
  for (std::size_t i = 0; i < a["rows"].size(); ++i) {
    PointResult latest;
    latest.lower3 = a["rows"][i]["lpl"];
    latest.upper3 = a["rows"][i]["upl"];
    const double target = a["rows"][i]["target"];
    EXPECT_EQ(name(spc::AssuranceIconOf(nhsr, ChartType::kXmr, Direction::kHigherIsBetter, latest,
                                        target)),
              a["increase"][i]);
    EXPECT_EQ(name(spc::AssuranceIconOf(nhsr, ChartType::kXmr, Direction::kLowerIsBetter, latest,
                                        target)),
              a["decrease"][i]);
    EXPECT_EQ(spc::AssuranceIconOf(nhsr, ChartType::kXmr, Direction::kNeither, latest, target),
              AssuranceIcon::kNone);
  }
}

}  // namespace
}  // namespace kaizen
