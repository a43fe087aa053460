#include "kaizen/capability.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kaizen/spc.h"

namespace kaizen {
namespace {

bool Has(const CapabilityResult& r, CapabilityWarningCode code) {
  for (const CapabilityWarning& w : r.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

// Montgomery, Introduction to Statistical Quality Control, 6th ed. (2009), section 6.2.1
// (hard-bake flow width, Example 6.1 data): x̄ = 1.5056, R̄ = 0.32521 (n = 5, d2 = 2.326),
// σ̂ = 0.1398, USL 2.00, LSL 1.00 → Cp = 1.192 as printed; fallout 0.00035 ("350 ppm").
// Cpk by hand: min(0.4944, 0.5056)/(3 × 0.139815) = 1.1787.
TEST(Capability, MontgomeryHardBake) {
  const double sigma = 0.32521 / 2.326;
  Result<CapabilityResult> r =
      CapabilityFromSummary(1.5056, sigma, sigma, 125, {.lsl = 1.00, .usl = 2.00});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NEAR(r->cp, 1.192, 5e-4);
  EXPECT_NEAR(r->cpk, 1.1787, 5e-4);
  EXPECT_NEAR(r->ppm_within, 350, 5);  // Montgomery: 0.00035; 352.5 unrounded
  EXPECT_NEAR(r->pp, r->cp, 1e-12);
}

// Montgomery, 6th ed., section 8.3.3: μ = 53, σ = 2, LSL 38, USL 62 → Cp = 2.0, Cpk = 1.5.
TEST(Capability, MontgomeryOffCentre) {
  Result<CapabilityResult> r = CapabilityFromSummary(53, 2, 2, 100, {.lsl = 38, .usl = 62});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->cp, 2.0, 1e-12);
  EXPECT_NEAR(r->cpu, 1.5, 1e-12);
  EXPECT_NEAR(r->cpl, 2.5, 1e-12);
  EXPECT_NEAR(r->cpk, 1.5, 1e-12);
  EXPECT_NEAR(r->z_min, 4.5, 1e-12);
}

// Montgomery, 6th ed., section 8.3.1 (glass bottle bursting strength, one-sided): x̄ = 264,
// s = 32.02, LSL = 200 → Cpl = 0.67; fraction below Φ(−1.9988) = 0.0228.
TEST(Capability, MontgomeryOneSidedBottles) {
  Result<CapabilityResult> r = CapabilityFromSummary(264, 32.02, 32.02, 100, {.lsl = 200});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->cpl, 0.67, 5e-3);
  EXPECT_NEAR(r->cpk, r->cpl, 1e-12);
  EXPECT_TRUE(std::isnan(r->cp));
  EXPECT_TRUE(std::isnan(r->cpu));
  EXPECT_NEAR(r->percent_outside, 2.28, 5e-3);
  EXPECT_DOUBLE_EQ(r->ppm_above, 0);
  // Z.bench is the normal quantile of the fraction outside: here 1.9988 (one side only).
  EXPECT_NEAR(r->z_bench, (264 - 200) / 32.02, 1e-9);
}

// Montgomery, 6th ed., section 8.3.5 (Bissell 1990): n = 20, Ĉpk = 1.33 → 95 % interval
// 0.88 ≤ Cpk ≤ 1.78. Built with mean 0, sigma 1 and USL 3.99 (Cpu = 1.33).
TEST(Capability, BissellIntervalMontgomeryExample) {
  Result<CapabilityResult> r = CapabilityFromSummary(0, 1, 1, 20, {.usl = 3.99});
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->cpk, 1.33, 1e-12);
  EXPECT_NEAR(r->cpk_lower, 0.88, 5e-3);
  EXPECT_NEAR(r->cpk_upper, 1.78, 5e-3);
}

// Hand-worked individuals: 1, 2, 3, 4, 5, 4, 3, 2, 1, 2 — MRs all 1, so σ_within = 1/1.128;
// mean 2.7, s = √(16.1/9) = 1.337494. LSL 0, USL 6: Cp = 6/(6/1.128) = 1.128.
TEST(Capability, IndividualsHandWorked) {
  const std::vector<double> v = {1, 2, 3, 4, 5, 4, 3, 2, 1, 2};
  Result<CapabilityResult> r = AnalyseCapability(v, {.lsl = 0, .usl = 6});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NEAR(r->sigma_within, 1 / 1.128, 1e-12);
  EXPECT_NEAR(r->cp, 1.128, 1e-12);
  EXPECT_NEAR(r->mean, 2.7, 1e-12);
  EXPECT_NEAR(r->sigma_overall, std::sqrt(16.1 / 9), 1e-12);
  EXPECT_NEAR(r->pp, 6 / (6 * std::sqrt(16.1 / 9)), 1e-12);
  EXPECT_TRUE(Has(*r, CapabilityWarningCode::kFewData));
  EXPECT_FALSE(r->sentence.empty());
}

// Subgroups {1, 2, 3} and {2, 3, 4}: s = 1 each, pooled sp = 1 on d = 4 degrees of freedom;
// c4(5) = √(2/4) Γ(2.5)/Γ(2) = 0.9399856, so σ_within = 1.0638460.
TEST(Capability, SubgroupsPooled) {
  Result<CapabilityResult> r =
      AnalyseCapabilitySubgroups({{1, 2, 3}, {2, 3, 4}}, {.lsl = -3, .usl = 8});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_NEAR(r->sigma_within, 1 / 0.9399856029, 1e-9);
  EXPECT_EQ(r->subgroups, 2);
  EXPECT_EQ(r->n, 6);
}

// A step from 10 to 20 after 12 points: the XmR chart (mdc) finds special causes.
TEST(Capability, UnstableProcessWarns) {
  std::vector<double> v;
  for (int i = 0; i < 24; ++i) v.push_back((i < 12 ? 10 : 20) + (i % 3) * 0.5);
  Result<CapabilityResult> r = AnalyseCapability(v, {.lsl = 0, .usl = 40});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(Has(*r, CapabilityWarningCode::kUnstable));
}

// Issue 7: stability is judged on the indicator's own chart. 20 months of 10,000 or 11,000
// events over an exposure of 100,000, alternately: rates 0.10 and 0.11.
//   u chart: ū = 0.105, σᵢ = √(0.105/100000) = 0.0010247, limits 0.105 ± 0.0030741: every
//   rate is 0.005 from ū, beyond them: 20 special-cause points.
//   XmR of the rates: every moving range 0.01, σ = 2.66/3·0.01 = 0.0088667, limits
//   0.105 ± 0.0266; no run, trend or 2-of-3 pattern: stable.
TEST(Capability, StabilityIsJudgedOnTheIndicatorsOwnChart) {
  Series series;
  series.indicator_id = "infections";
  std::vector<double> rates;
  for (int i = 0; i < 20; ++i) {
    const double events = i % 2 ? 11000 : 10000;
    series.Add({.period = Date::FromCivil(2020 + i / 12, i % 12 + 1, 1).value(),
                .numerator = events,
                .denominator = 100000});
    rates.push_back(events / 100000);
  }
  Indicator u;
  u.id = "infections";
  u.chart = ChartType::kU;
  Result<SeriesResult> spc = AnalyseSeries(u, series);
  ASSERT_TRUE(spc.ok()) << spc.status().message();

  Result<CapabilityResult> bare = AnalyseCapability(rates, {.usl = 0.2});
  ASSERT_TRUE(bare.ok());
  EXPECT_FALSE(Has(*bare, CapabilityWarningCode::kUnstable));  // the XmR reading

  CapabilityOptions options;
  options.stability_chart = &*spc;
  Result<CapabilityResult> own = AnalyseCapability(rates, {.usl = 0.2}, options);
  ASSERT_TRUE(own.ok());
  std::string message;
  for (const CapabilityWarning& w : own->warnings)
    if (w.code == CapabilityWarningCode::kUnstable) message = w.message;
  EXPECT_NE(message.find("20 point(s) show special-cause variation on the indicator's u chart "
                         "(profile mdc); the first: rule beyond_limits at 2020-01-01"),
            std::string::npos)
      << message;
}

TEST(Capability, EdgeCases) {
  EXPECT_EQ(AnalyseCapability(std::vector<double>{}, {.lsl = 0}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(AnalyseCapability(std::vector<double>{1}, {.lsl = 0}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(AnalyseCapability(std::vector<double>{1, INFINITY}, {.lsl = 0}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(AnalyseCapability(std::vector<double>{1, 2}, {}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(AnalyseCapability(std::vector<double>{1, 2}, {.lsl = 5, .usl = 1}).status().code(),
            StatusCode::kInvalidArgument);
  // All equal: sigma 0, indices undefined (NaN), not a crash.
  Result<CapabilityResult> flat =
      AnalyseCapability(std::vector<double>{3, 3, 3, 3}, {.lsl = 0, .usl = 6});
  ASSERT_TRUE(flat.ok());
  EXPECT_TRUE(std::isnan(flat->cpk));
  // Missing values are skipped with a warning; moving ranges span the gap.
  Result<CapabilityResult> gap =
      AnalyseCapability(std::vector<double>{1, std::nan(""), 2, 3}, {.lsl = 0, .usl = 6});
  ASSERT_TRUE(gap.ok());
  EXPECT_EQ(gap->n, 3);
  EXPECT_NEAR(gap->sigma_within, 1 / 1.128, 1e-12);
  EXPECT_TRUE(Has(*gap, CapabilityWarningCode::kMissingValues));
  EXPECT_EQ(AnalyseCapabilitySubgroups({{1}, {2}}, {.lsl = 0}).status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace kaizen
