// Flag text (issue 7): the data table writes "<class> (<rule>)", so neither part may bring
// parentheses of its own.
#include "render/text.h"

#include <gtest/gtest.h>

#include <string>

namespace kaizen::render {
namespace {

TEST(FlagText, NoNestedParentheses) {
  for (int r = 0; r <= kRuleCount; ++r) {
    const std::string label(RuleLabel(static_cast<RuleId>(r)));
    EXPECT_EQ(label.find_first_of("()"), std::string::npos) << label;
  }
  for (PointClass c : {PointClass::kCommonCause, PointClass::kImprovement, PointClass::kConcern,
                       PointClass::kNeutral}) {
    const std::string label(PointClassLabel(c));
    EXPECT_EQ(label.find_first_of("()"), std::string::npos) << label;
  }
  EXPECT_EQ(RuleLabel(RuleId::kShift), "a shift, a run on one side of the centre line");
  EXPECT_EQ(PointClassLabel(PointClass::kNeutral),
            "Special cause, neither improvement nor concern");
}

}  // namespace
}  // namespace kaizen::render
