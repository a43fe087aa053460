// PowerBI-SPC 1.7.4 conformance: the chart lines of every case of test/Chart Types/*.test.ts
// (tests/conformance/powerbi_spc_chart_tests.json, provenance in the README beside it),
// computed under the pbi-spc profile and compared at the upstream test's own precision.
#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "kaizen/model.h"
#include "kaizen/profile.h"
#include "spc/chart.h"

namespace kaizen::spc {
namespace {

using nlohmann::json;

const std::string kCasesPath =
    std::string(KAIZEN_SOURCE_DIR) + "/tests/conformance/powerbi_spc_chart_tests.json";

const json& Cases() {
  static const json* cases = [] {
    std::ifstream in(kCasesPath);
    return new json(in ? json::parse(in, nullptr, /*allow_exceptions=*/false) : json());
  }();
  return *cases;
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  if (Cases().is_object()) {
    for (const auto& [key, value] : Cases().items()) names.push_back(key);
  }
  if (names.empty()) names.push_back("missing_or_unreadable_file");
  return names;
}

std::vector<double> Column(const json& c, const char* name) {
  std::vector<double> v;
  if (c.contains(name)) v = c.at(name).get<std::vector<double>>();
  return v;
}

// PowerBI-SPC's display multiplier: proportions are shown as percentages by default, and
// u.test.ts sets multiplier = 10000.
double Multiplier(ChartType type) {
  switch (type) {
    case ChartType::kP:
    case ChartType::kPPrime:
      return 100.0;
    case ChartType::kU:
      return 10000.0;
    default:
      return 1.0;
  }
}

class PowerBiChartLines : public ::testing::TestWithParam<std::string> {};

TEST_P(PowerBiChartLines, MatchesUpstreamTest) {
  ASSERT_TRUE(Cases().is_object()) << "cannot read " << kCasesPath;
  const json& c = Cases().at(GetParam());
  Result<ChartType> type = ParseChartType(c.at("chart_type").get<std::string>());
  ASSERT_TRUE(type.ok()) << type.status().message();
  Result<Profile> profile = FindProfile("pbi-spc");
  ASSERT_TRUE(profile.ok());
  Profile pbi = profile.value();
  if (c.value("outliers_in_limits", false)) pbi.mr_screening = MrScreening::kOff;

  // The plotted statistic and its columns, as the engine would pass them.
  std::vector<double> y, numerator, denominator, subgroup_sd;
  const std::size_t n = c.at("keys").size();
  switch (*type) {
    case ChartType::kS:
      y = subgroup_sd = Column(c, "sds");
      denominator = Column(c, "denominators");
      break;
    case ChartType::kXbar:
      y = Column(c, "numerators");
      denominator = Column(c, "denominators");
      subgroup_sd = Column(c, "xbar_sds");
      break;
    default:
      numerator = Column(c, "numerators");
      denominator = Column(c, "denominators");
      if (denominator.empty()) {
        y = numerator;
        numerator.clear();
      } else {
        for (std::size_t i = 0; i < n; ++i) y.push_back(numerator[i] / denominator[i]);
        if (!ChartUsesDenominator(*type)) {  // i and mr of a ratio: the ratio is the value
          numerator.clear();
          denominator.clear();
        }
      }
  }
  ASSERT_EQ(y.size(), n);
  std::vector<double> groupings = Column(c, "groupings");
  if (groupings.empty()) groupings.assign(n, 0.0);

  std::vector<uint8_t> all(n, 1);
  std::vector<double> out_y(n), centre(n), l3(n), l2(n), l1(n), u1(n), u2(n), u3(n);
  ChartScratch scratch;
  // Each grouping is a rebase segment of its own.
  for (std::size_t begin = 0; begin < n;) {
    std::size_t end = begin;
    while (end < n && groupings[end] == groupings[begin]) ++end;
    const std::size_t len = end - begin;
    auto part = [&](const std::vector<double>& v) {
      return v.empty() ? std::span<const double>() : std::span<const double>(v).subspan(begin, len);
    };
    auto out_part = [&](std::vector<double>& v) {
      return std::span<double>(v).subspan(begin, len);
    };
    ChartInput in{.y = part(y),
                  .numerator = part(numerator),
                  .denominator = part(denominator),
                  .subgroup_sd = part(subgroup_sd),
                  .kept = std::span<const uint8_t>(all).subspan(begin, len),
                  .estimate = std::span<const uint8_t>(all).subspan(begin, len)};
    ChartOutput out{.y = out_part(out_y),
                    .centre = out_part(centre),
                    .lower3 = out_part(l3),
                    .lower2 = out_part(l2),
                    .lower1 = out_part(l1),
                    .upper1 = out_part(u1),
                    .upper2 = out_part(u2),
                    .upper3 = out_part(u3)};
    Status s = ComputeChartLines(*type, in, pbi, &scratch, &out);
    ASSERT_TRUE(s.ok()) << s.message();
    ASSERT_TRUE(out.has_limits);
    begin = end;
  }

  // vitest toBeCloseTo(x, d) passes when |actual − x| < 10^−d / 2.
  const int digits = c.at("toBeCloseTo_digits").get<int>();
  const double tol = std::pow(10.0, -digits) / 2.0;
  const double m = Multiplier(*type);
  const std::map<std::string, const std::vector<double>*> lines = {
      {"ul99", &u3}, {"ul95", &u2}, {"ll95", &l2}, {"ll99", &l3}};
  for (const auto& [name, actual] : lines) {
    const std::vector<double> expected = Column(c, name.c_str());
    ASSERT_GE(expected.size(), n) << name;
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_LT(std::fabs(m * (*actual)[i] - expected[i]), tol)
          << name << "[" << i << "]: kaizen " << m * (*actual)[i] << ", PowerBI-SPC "
          << expected[i];
    }
  }
  // The mr case also lists the plotted moving ranges, from the second point on.
  const std::vector<double> values = Column(c, "values");
  for (std::size_t i = 0; i < values.size(); ++i) {
    EXPECT_LT(std::fabs(m * out_y[i + 1] - values[i]), tol) << "values[" << i << "]";
  }
}

std::string CaseTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char ch : info.param) {
    if (ch == '.') break;  // "c.test.ts" -> "c"
    name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(PowerBiSpc174, PowerBiChartLines, ::testing::ValuesIn(CaseNames()),
                         CaseTestName);

}  // namespace
}  // namespace kaizen::spc
