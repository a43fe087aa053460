#include "kaizen/funnel.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace kaizen {
namespace {

// tests/conformance/funnelplotr_poisson_limits.json: FunnelPlotR 0.6.0 exact Poisson limits
// for an indirectly standardised ratio (target 1), tolerance 1e-6.
TEST(FunnelConformance, FunnelPlotRPoissonLimits) {
  const nlohmann::json j = nlohmann::json::parse(
      testing::ReadFile(testing::SourcePath("tests/conformance/funnelplotr_poisson_limits.json")));
  const auto& e = j["number_seq"];
  ASSERT_GT(e.size(), 0u);
  for (std::size_t i = 0; i < e.size(); ++i) {
    Result<FunnelBand> b =
        FunnelLimitsAt(e[i].get<double>(), 1.0, FunnelType::kRatio, FunnelLimitMethod::kExact);
    ASSERT_TRUE(b.ok()) << b.status().message();
    EXPECT_NEAR(b->lower95, j["ll95"][i].get<double>(), 1e-6) << "E = " << e[i];
    EXPECT_NEAR(b->upper95, j["ul95"][i].get<double>(), 1e-6) << "E = " << e[i];
    EXPECT_NEAR(b->lower998, j["ll998"][i].get<double>(), 1e-6) << "E = " << e[i];
    EXPECT_NEAR(b->upper998, j["ul998"][i].get<double>(), 1e-6) << "E = " << e[i];
  }
}

struct Providers {
  std::vector<std::string> names;
  std::vector<double> within, attendances;
};

// tests/data/ae_type1_2019_03.csv: type 1 departments, March 2019 (NHSRdatasets).
Providers ReadAe() {
  Providers p;
  std::istringstream in(testing::ReadFile(testing::SourcePath("tests/data/ae_type1_2019_03.csv")));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> c;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, ',')) c.push_back(cell);
    p.names.push_back(c[1].substr(1, c[1].size() - 2));
    const double att = std::stod(c[3]), breaches = std::stod(c[4]);
    p.attendances.push_back(att);
    p.within.push_back(att - breaches);
  }
  return p;
}

const FunnelPoint& Find(const FunnelResult& r, const std::string& name) {
  return *std::find_if(r.points.begin(), r.points.end(),
                       [&](const FunnelPoint& p) { return p.provider == name; });
}

// Independent figures (python3 with math only, over the same file):
//   134 providers; pooled proportion within 4 h θ = 1091394 / 1373060 = 0.794862569734753.
//   RX1: 9922 / 16532 = 0.600169, z = 2√n (asin√p − asin√θ) = −55.1614; exact 99.8 % limits
//     (binomial quantile interpolated, Spiegelhalter 2005 A.1.1) 0.7850769, 0.8044862.
//   RQM: 18630 / 19746 = 0.943482, z = 64.6411; exact 95 % limits 0.7891908, 0.8004553.
//   Winsorised (10 %/90 %, R type 7) φ = 490.4323, τ² = 0.01205113; with τ², RQM's
//   adjusted z = 2.0941 (outside 95 %, not 99.8 %), RXN's −2.958 is the lowest, and no
//   provider is outside 99.8 %; 18 are outside 95 %.
TEST(Funnel, AeFourHourMarch2019) {
  const Providers p = ReadAe();
  FunnelOptions o;
  o.type = FunnelType::kProportion;
  Result<FunnelResult> r = AnalyseFunnel(p.names, p.within, p.attendances, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->points.size(), 134u);
  EXPECT_NEAR(r->target, 0.794862569734753, 1e-12);
  const FunnelPoint& rx1 = Find(*r, "RX1");
  EXPECT_NEAR(rx1.z, -55.1614, 1e-4);
  EXPECT_NEAR(rx1.limits.lower998, 0.7850769087, 1e-9);
  EXPECT_NEAR(rx1.limits.upper998, 0.8044862305, 1e-9);
  EXPECT_EQ(rx1.flag, FunnelFlag::kLow998);
  const FunnelPoint& rqm = Find(*r, "RQM");
  EXPECT_NEAR(rqm.limits.lower95, 0.7891908330, 1e-9);
  EXPECT_NEAR(rqm.limits.upper95, 0.8004553194, 1e-9);
  EXPECT_EQ(rqm.flag, FunnelFlag::kHigh998);
  EXPECT_NEAR(r->phi, 490.43232057, 1e-6);
  EXPECT_NEAR(r->tau2, 0.012051134466, 1e-10);
  EXPECT_FALSE(r->adjusted);

  o.adjust_overdispersion = true;
  Result<FunnelResult> od = AnalyseFunnel(p.names, p.within, p.attendances, o);
  ASSERT_TRUE(od.ok());
  EXPECT_TRUE(od->adjusted);
  EXPECT_NEAR(Find(*od, "RQM").z_adjusted, 2.0941, 1e-4);
  EXPECT_EQ(Find(*od, "RQM").flag, FunnelFlag::kHigh95);
  EXPECT_EQ(od->outside998.size(), 0u);
  EXPECT_EQ(od->outside95.size(), 18u);
  EXPECT_EQ(od->outside95.front(), "RXN");
}

// Normal limits by hand: θ = 0.5, n = 100: 0.5 ± 1.959964 × 0.05 = 0.402002, 0.597998.
// Ratio: 1 ± 1.959964 × √(1/25) = 0.608007, 1.391993.
TEST(Funnel, NormalApproximationByHand) {
  Result<FunnelBand> b =
      FunnelLimitsAt(100, 0.5, FunnelType::kProportion, FunnelLimitMethod::kNormal);
  ASSERT_TRUE(b.ok());
  EXPECT_NEAR(b->lower95, 0.5 - 1.959963985 * 0.05, 1e-9);
  EXPECT_NEAR(b->upper998, 0.5 + 3.090232306 * 0.05, 1e-9);
  Result<FunnelBand> s = FunnelLimitsAt(25, 1, FunnelType::kRatio, FunnelLimitMethod::kNormal);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->lower95, 1 - 1.959963985 * 0.2, 1e-9);
}

// Overdispersion by hand, square-root scale: four ratios O/E with E = 100 (s = 0.05):
// O = 80, 100, 120, 140 → z = (√(O/100) − 1)/0.05 = −2.111456, 0, 1.908902, 3.664319.
// Winsorised at R type-7 quantiles 10 %/90 %: lz = −2.111456 + 0.3 × 2.111456 = −1.478019,
// uz = 1.908902 + 0.7 × (3.664319 − 1.908902) = 3.137694. φ = (1.478019² + 0 + 1.908902² +
// 3.137694²)/4 = 3.918394; Σw = 1600, Σw² = 640000, so τ² = (4φ − 3)/(1600 − 400) = 0.010561.
TEST(Funnel, OverdispersionByHand) {
  FunnelOptions o;
  o.type = FunnelType::kRatio;
  o.adjust_overdispersion = true;
  Result<FunnelResult> r = AnalyseFunnel(std::vector<std::string>{"a", "b", "c", "d"},
                                         std::vector<double>{80, 100, 120, 140},
                                         std::vector<double>{100, 100, 100, 100}, o);
  ASSERT_TRUE(r.ok());
  const double z1 = (std::sqrt(0.8) - 1) / 0.05, z3 = (std::sqrt(1.2) - 1) / 0.05,
               z4 = (std::sqrt(1.4) - 1) / 0.05;
  const double lz = z1 + 0.3 * (0 - z1), uz = z3 + 0.7 * (z4 - z3);
  const double phi = (lz * lz + z3 * z3 + uz * uz) / 4;
  EXPECT_NEAR(r->phi, phi, 1e-12);
  EXPECT_NEAR(r->tau2, (4 * phi - 3) / 1200, 1e-12);
  EXPECT_NEAR(r->phi, 3.918394, 1e-5);
  // The method sentence reads as a person writes it (issue 8, item 12: once "phi = 3.918394"):
  // φ 3.918394 and the target 1 to three significant digits, τ² 0.010561 likewise.
  EXPECT_NE(r->method.find("phi = 3.92."), std::string::npos) << r->method;
  EXPECT_NE(r->method.find("tau² = 0.0106)"), std::string::npos) << r->method;
  EXPECT_NE(r->method.find("around a target of 1.00;"), std::string::npos) << r->method;
  // Adjusted limits (1 ± 1.959964 √(0.0025 + τ²))².
  const double se = std::sqrt(0.0025 + r->tau2);
  EXPECT_NEAR(r->points[0].limits.upper95, std::pow(1 + 1.959963985 * se, 2), 1e-8);
  // Truncation drops the extreme ranks: floor(rank × 10 / 5) is 2, 4, 6, 8 → all kept.
  o.trim = FunnelTrim::kTruncate;
  Result<FunnelResult> t = AnalyseFunnel(std::vector<std::string>{"a", "b", "c", "d"},
                                         std::vector<double>{80, 100, 120, 140},
                                         std::vector<double>{100, 100, 100, 100}, o);
  ASSERT_TRUE(t.ok());
  EXPECT_NEAR(t->phi, (z1 * z1 + z3 * z3 + z4 * z4) / 4, 1e-12);
}

TEST(Funnel, EdgeCases) {
  FunnelOptions o;
  EXPECT_EQ(AnalyseFunnel({}, {}, {}, o).status().code(), StatusCode::kFailedPrecondition);
  // One provider: no between-provider variance can be estimated (τ² = 0).
  Result<FunnelResult> one = AnalyseFunnel(std::vector<std::string>{"a"}, std::vector<double>{10},
                                           std::vector<double>{8}, o);
  ASSERT_TRUE(one.ok());
  EXPECT_DOUBLE_EQ(one->tau2, 0);
  // Missing and zero denominators are skipped; infinity is an error.
  Result<FunnelResult> skip =
      AnalyseFunnel(std::vector<std::string>{"a", "b", "c"},
                    std::vector<double>{10, std::nan(""), 3}, std::vector<double>{8, 5, 0}, o);
  ASSERT_TRUE(skip.ok());
  EXPECT_EQ(skip->rows_skipped, 2);
  EXPECT_EQ(AnalyseFunnel(std::vector<std::string>{"a"}, std::vector<double>{INFINITY},
                          std::vector<double>{1}, o)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  o.type = FunnelType::kProportion;
  EXPECT_EQ(AnalyseFunnel(std::vector<std::string>{"a"}, std::vector<double>{3},
                          std::vector<double>{2}, o)
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  // All equal proportions of 1: no variation, no limits.
  EXPECT_EQ(AnalyseFunnel(std::vector<std::string>{"a", "b"}, std::vector<double>{2, 3},
                          std::vector<double>{2, 3}, o)
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(
      FunnelLimitsAt(10.5, 0.5, FunnelType::kProportion, FunnelLimitMethod::kExact).status().code(),
      StatusCode::kInvalidArgument);
  // O = 0 on the log scale has no z-score and takes no part in the dispersion estimate.
  o.type = FunnelType::kRatio;
  o.scale = FunnelScale::kLog;
  Result<FunnelResult> zero = AnalyseFunnel(
      std::vector<std::string>{"a", "b"}, std::vector<double>{0, 5}, std::vector<double>{4, 5}, o);
  ASSERT_TRUE(zero.ok());
  EXPECT_FALSE(zero->points[0].used_for_dispersion);
}

// Regression: numerators of 1e16 over denominators of 1e17 hung inside Boost's binomial quantile
// (counts past 2^53 have no k + 1). Past a variance nθ(1 − θ) of 10^9 the limits are the normal
// approximation θ ± z √(θ(1 − θ)/n); the expected values are from Python's statistics.NormalDist
// (3.11), not from kaizen.
TEST(FunnelHostileTest, HugeDenominatorsUseTheNormalApproximationAndEnd) {
  Result<FunnelBand> b =
      FunnelLimitsAt(1e17, 0.1, FunnelType::kProportion, FunnelLimitMethod::kExact);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_NEAR(b->lower95, 0.09999999814061492, 1e-16);
  EXPECT_NEAR(b->upper95, 0.1000000018593851, 1e-16);
  EXPECT_NEAR(b->lower998, 0.09999999706834822, 1e-16);
  EXPECT_NEAR(b->upper998, 0.10000000293165179, 1e-16);

  const std::vector<std::string> names = {"A", "B", "C"};
  const std::vector<double> numerators = {1e16, 1.0000001e16, 0.9999e16};
  const std::vector<double> denominators = {1e17, 1e17, 1e17};
  FunnelOptions proportion;
  proportion.type = FunnelType::kProportion;
  Result<FunnelResult> r = AnalyseFunnel(names, numerators, denominators, proportion);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NE(r->method.find("with the normal approximation where n·θ(1 − θ) exceeds 10^9"),
            std::string::npos)
      << r->method;

  // Ratios: O/E with E = 1e17 (θ = 1): 1 ± z/√1e17. Before, the chi-square upper quantile at
  // 2λ = 2e17 failed ("a distribution quantile failed", exit 1).
  Result<FunnelBand> ratio =
      FunnelLimitsAt(1e17, 1.0, FunnelType::kRatio, FunnelLimitMethod::kExact);
  ASSERT_TRUE(ratio.ok()) << ratio.status().message();
  EXPECT_NEAR(ratio->lower95, 0.9999999938020496, 1e-15);
  EXPECT_NEAR(ratio->upper95, 1.0000000061979504, 1e-15);
  Result<FunnelResult> rr = AnalyseFunnel(names, numerators, denominators);
  ASSERT_TRUE(rr.ok()) << rr.status().message();
}

// Either side of the switch the limits agree to far less than one standard error: the rule
// changes nothing a chart can show.
TEST(FunnelHostileTest, ExactAndNormalLimitsAgreeAtTheSwitch) {
  const double theta = 0.1;
  const double n_exact = std::floor(1e9 / (theta * (1 - theta)));  // just inside: exact
  const double n_normal = n_exact + 1;                             // just past: normal
  Result<FunnelBand> exact =
      FunnelLimitsAt(n_exact, theta, FunnelType::kProportion, FunnelLimitMethod::kExact);
  Result<FunnelBand> normal =
      FunnelLimitsAt(n_normal, theta, FunnelType::kProportion, FunnelLimitMethod::kExact);
  ASSERT_TRUE(exact.ok() && normal.ok());
  const double se = std::sqrt(theta * (1 - theta) / n_exact);
  EXPECT_NEAR(exact->upper998, normal->upper998, 1e-4 * se);
  EXPECT_NEAR(exact->lower95, normal->lower95, 1e-4 * se);
}

}  // namespace
}  // namespace kaizen

namespace kaizen {
namespace {

// Issue 8 item 16: a given target is the centre (and said to be), the default for a proportion
// is the pooled mean Σ numerators / Σ denominators = 60 / 200 = 0.3 (said to be), and the method
// sentence states the centre on the indicator's display scale: 0.3 × 100 with unit "%", written
// by FormatAuto (number_format.h: whole values from 10 have no decimals) as "30%".
TEST(Funnel, CentreIsTheTargetOrThePooledMeanAndSaysWhich) {
  const std::vector<std::string> who = {"a", "b"};
  const std::vector<double> num = {20, 40}, den = {100, 100};
  FunnelOptions o;
  o.type = FunnelType::kProportion;
  o.display_multiplier = 100;
  o.display_unit = "%";
  Result<FunnelResult> pooled = AnalyseFunnel(who, num, den, o);
  ASSERT_TRUE(pooled.ok());
  EXPECT_EQ(pooled->centre, FunnelCentre::kPooledMean);
  EXPECT_DOUBLE_EQ(pooled->target, 0.3);
  EXPECT_EQ(FunnelCentreName(pooled->centre), "pooled mean");
  EXPECT_NE(pooled->method.find("around the pooled mean, 30%;"), std::string::npos)
      << pooled->method;
  o.target = 0.25;
  Result<FunnelResult> target = AnalyseFunnel(who, num, den, o);
  ASSERT_TRUE(target.ok());
  EXPECT_EQ(target->centre, FunnelCentre::kTarget);
  EXPECT_DOUBLE_EQ(target->target, 0.25);
  EXPECT_NE(target->method.find("around a target of 25%;"), std::string::npos) << target->method;
  FunnelOptions ratio;
  Result<FunnelResult> expected = AnalyseFunnel(who, num, den, ratio);
  ASSERT_TRUE(expected.ok());
  EXPECT_EQ(expected->centre, FunnelCentre::kExpected);
}

}  // namespace
}  // namespace kaizen
