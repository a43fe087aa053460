// Over-dispersion is named (issue 7): σz on the p, np, c and u charts and its warning.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/spc.h"

namespace kaizen {
namespace {

Series Monthly(const std::vector<double>& values, const std::vector<double>& numerators = {},
               const std::vector<double>& denominators = {}) {
  Series s;
  s.indicator_id = "x";
  s.organisation = "org";
  const std::size_t n = std::max(values.size(), numerators.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int month = static_cast<int>(i);
    s.Add({.period = Date::FromCivil(2016 + month / 12, month % 12 + 1, 1).value(),
           .value = values.empty() ? kMissing : values[i],
           .numerator = numerators.empty() ? kMissing : numerators[i],
           .denominator = denominators.empty() ? kMissing : denominators[i]});
  }
  return s;
}

Indicator Chart(ChartType chart, const std::string& profile = "mdc") {
  Indicator ind;
  ind.id = "x";
  ind.chart = chart;
  ind.profile = profile;
  return ind;
}

const Warning* FindWarning(const SeriesResult& r, WarningCode code) {
  for (const Warning& w : r.warnings)
    if (w.code == code) return &w;
  return nullptr;
}

// Four-hour breaches at R1H, April 2016 to March 2019 (denominator − numerator of ae_4h in
// examples/nhs-ae/ae_type1.csv). Worked independently in Python:
//   c̄ = mean(c) = 5588.0833, σ = √c̄ = 74.7535, zᵢ = (cᵢ − c̄)/σ, MR̄(z) = 8.19111,
//   σz (mdc, 2.66/3·MR̄) = 7.26279; 32 of the 36 counts lie beyond c̄ ± 3σ.
TEST(Overdispersion, CChartOfAeBreachesWarnsWithSigmaZ) {
  const std::vector<double> breaches = {5099, 5366, 5232, 4273, 3889, 3879, 5025, 5298, 7298,
                                        7426, 6186, 5902, 6125, 6075, 4029, 4654, 4162, 5228,
                                        5476, 4896, 6098, 5839, 6000, 6379, 5508, 5196, 5008,
                                        6294, 4820, 5160, 5641, 5934, 6311, 7277, 6926, 7262};
  Result<SeriesResult> r = AnalyseSeries(Chart(ChartType::kC), Monthly(breaches));
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->segments.size(), 1u);
  EXPECT_NEAR(r->segments[0].sigma_z, 7.262787, 1e-5);
  int beyond = 0;
  for (const PointResult& pt : r->points) beyond += pt.value > pt.upper3 || pt.value < pt.lower3;
  EXPECT_EQ(beyond, 32);
  const Warning* w = FindWarning(*r, WarningCode::kOverdispersion);
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("sigma-z 7.26"), std::string::npos) << w->message;
  EXPECT_NE(w->message.find("above 1.50"), std::string::npos) << w->message;
  EXPECT_NE(w->message.find("XmR chart of the counts"), std::string::npos) << w->message;
  EXPECT_EQ(WarningCodeName(WarningCode::kOverdispersion), "overdispersion");
}

// {90, 110, 80, 120} events over 50 each: ū = 2, σᵢ = √(2/50) = 0.2, z = {−1, 1, −2, 2},
// MR̄(z) = (2 + 3 + 4)/3 = 3. σz = 2.66/3·3 = 2.66 (mdc), 3/1.128 = 2.659574 (qicharts2).
// Four points are too few for mdc limits (15), so mdc warns of nothing; qicharts2 draws limits
// from any number of points and warns.
TEST(Overdispersion, UChartHandWorked) {
  const Series s = Monthly({}, {90, 110, 80, 120}, {50, 50, 50, 50});
  Result<SeriesResult> mdc = AnalyseSeries(Chart(ChartType::kU), s);
  ASSERT_TRUE(mdc.ok());
  EXPECT_NEAR(mdc->segments[0].sigma_z, 2.66, 1e-12);
  EXPECT_EQ(FindWarning(*mdc, WarningCode::kOverdispersion), nullptr);
  Result<SeriesResult> qic = AnalyseSeries(Chart(ChartType::kU, "qicharts2"), s);
  ASSERT_TRUE(qic.ok());
  EXPECT_NEAR(qic->segments[0].sigma_z, 3 / 1.128, 1e-12);
  const Warning* w = FindWarning(*qic, WarningCode::kOverdispersion);
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("u′ chart"), std::string::npos) << w->message;
}

// The same data on the u′ chart: σz is the factor its limits use, the same 2.66, no warning
// (the u′ chart already allows for it).
TEST(Overdispersion, UPrimeReportsTheSigmaZOfItsLimits) {
  Result<SeriesResult> r = AnalyseSeries(Chart(ChartType::kUPrime, "qicharts2"),
                                         Monthly({}, {90, 110, 80, 120}, {50, 50, 50, 50}));
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->segments[0].sigma_z, 3 / 1.128, 1e-12);
  EXPECT_EQ(FindWarning(*r, WarningCode::kOverdispersion), nullptr);
}

// A p chart that varies less than binomially: 20 months of 100 or 104 of 400 alternately.
// p̄ = 0.255, σᵢ = √(0.255·0.745/400) = 0.0217930, z = ±0.005/σᵢ = ±0.229431, every moving
// range 0.458862, σz (mdc) = 2.66/3·0.458862 = 0.406858: no warning.
TEST(Overdispersion, BinomialVariationDoesNotWarn) {
  std::vector<double> num, den;
  for (int i = 0; i < 20; ++i) {
    num.push_back(i % 2 ? 104 : 100);
    den.push_back(400);
  }
  Result<SeriesResult> r = AnalyseSeries(Chart(ChartType::kP), Monthly({}, num, den));
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->segments[0].sigma_z, 0.406858, 1e-6);
  EXPECT_EQ(FindWarning(*r, WarningCode::kOverdispersion), nullptr);
}

// np with n = 50: {5, 15} alternately over 16 months: p̄ = 0.2, σ = √(50·0.2·0.8) = 2.828427,
// z = ±5/σ = ±1.767767, MR = 3.535534, σz (mdc) = 3.134840 > 1.5: warns, suggesting XmR.
TEST(Overdispersion, NpChartWarns) {
  std::vector<double> num, den;
  for (int i = 0; i < 16; ++i) {
    num.push_back(i % 2 ? 15 : 5);
    den.push_back(50);
  }
  Result<SeriesResult> r = AnalyseSeries(Chart(ChartType::kNp), Monthly({}, num, den));
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->segments[0].sigma_z, 3.134840, 1e-6);
  const Warning* w = FindWarning(*r, WarningCode::kOverdispersion);
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("binomial"), std::string::npos) << w->message;
}

TEST(Overdispersion, XmrHasNoSigmaZ) {
  Result<SeriesResult> r = AnalyseSeries(Chart(ChartType::kXmr), Monthly({1, 5, 2, 8, 3}));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(std::isnan(r->segments[0].sigma_z));
}

}  // namespace
}  // namespace kaizen
