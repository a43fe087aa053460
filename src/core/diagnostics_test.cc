// Diagnostics: every diagnostic carries a code (there is no unclassified way in).
#include "kaizen/diagnostics.h"

#include <gtest/gtest.h>

namespace kaizen {
namespace {

TEST(DiagnosticsTest, ErrorsAndWarningsKeepTheirCodeAndPlace) {
  Diagnostics d;
  d.Error(diag::kBadNumber, "falls.csv", 12, 3, "'abc' is not a number");
  d.Warning(diag::kMissingPeriods, "falls.csv", 0, 0, "2 months missing");
  ASSERT_EQ(d.all().size(), 2u);
  EXPECT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.warning_count(), 1u);
  EXPECT_EQ(d.all()[0].ToString(), "falls.csv:12:3: error [bad_number]: 'abc' is not a number");
  EXPECT_EQ(d.all()[1].ToString(), "falls.csv: warning [missing_periods]: 2 months missing");
}

TEST(DiagnosticsDeathTest, ADiagnosticWithoutACodeIsRefused) {
  Diagnostics d;
  Diagnostic uncoded;  // every field but the code
  uncoded.file = "falls.csv";
  uncoded.line = 2;
  uncoded.column = 1;
  uncoded.message = "no code";
  EXPECT_DEATH(d.Add(uncoded), "a diagnostic without a code: falls.csv:2:1");
}

}  // namespace
}  // namespace kaizen
