// End-to-end tests of issue 14's limits: runs that never ended and inputs read without bound.
// Each runs the real binary under `timeout`, so a regression fails instead of hanging the suite.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "e2e/cli_harness.h"
#include "test_support.h"

namespace kaizen {
namespace {

using LimitsCliTest = CliTest;

// Regression: numerators of 1e16 over denominators of 1e17 hung in Boost's binomial quantile.
// The pooled target is Σ numerators / Σ denominators = 0.1000025025; on the arcsine scale
// z = (asin √y − asin √θ) · 2√n is, in Python, −2638 (A), −2627 (B), −13179 (C) and 18443 (D):
// all four far outside the 99.8 % limits, most extreme first.
TEST_F(LimitsCliTest, FunnelWithHugeDenominatorsEnds) {
  const CliRun r = Shell(
      "timeout 60 \"$KAIZEN\" funnel tests/e2e/data/huge_counts.csv --indicator big "
      "--period 2024-01-01 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["outside998"], nlohmann::json({"D", "C", "A", "B"}));
  for (const auto& p : j["points"]) {
    if (p["organisation"] == "A") {
      EXPECT_NEAR(p["z"].get<double>(), -2638, 0.5);
    }
  }
}

// Regression: `--indicators /dev/zero` read 3.3 GB in 5 s and on.
TEST_F(LimitsCliTest, CatalogueFromDevZeroIsRefusedAtItsLimit) {
  const CliRun r =
      Shell("timeout 60 \"$KAIZEN\" check tests/e2e/data/good_crlf.csv --indicators /dev/zero");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("is longer than 16 MiB"), std::string::npos) << r.err;
}

// Regression: a 30,000-character organisation name took 28 s to draw as a PNG. It is refused at
// import with its line; a long title is cut where charts draw text, so the PNG is quick.
TEST_F(LimitsCliTest, AbsurdNameIsRefusedAndLongTitleIsCut) {
  const CliRun refused = Shell(
      "{ echo indicator,organisation,period,value; echo x,A,2024-01-01,1; "
      "printf 'x,%030000d,2024-02-01,2\\n' 0; } > \"$DIR/long.csv\" && "
      "timeout 60 \"$KAIZEN\" chart \"$DIR/long.csv\" --indicator x -o \"$DIR/c.png\"");
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_NE(refused.err.find(
                "long.csv:3:2: error [name_too_long]: the organisation name is 30000 characters"),
            std::string::npos)
      << refused.err.substr(0, 400);

  const CliRun titled = Shell(
      "timeout 60 \"$KAIZEN\" report examples/nhs-ae/ae_type1.csv --indicators "
      "examples/nhs-ae/indicators.toml --as-of 2019-04-20 -o \"$DIR/r.pdf\" "
      "--title \"$(printf '%0120000d' 0)\"");
  EXPECT_EQ(titled.exit_code, 0) << titled.err.substr(0, 400);
}

}  // namespace
}  // namespace kaizen
