// Flag text (issue 7): the data table writes "<class> (<rule>)", so neither part may bring
// parentheses of its own.
#include "render/text.h"

#include <gtest/gtest.h>

#include <string>

#include "kaizen/render.h"
#include "test_support.h"

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

// A month stays "March 2018" / "Mar 2018"; a week, a financial quarter and a sequence number
// are shown as written, long or short. 2024-01-29 is the Monday of 2024-W05 (Python:
// date(2024, 1, 29).isocalendar() == (2024, 5, 1)); 1 October 2016 starts 2016/17 Q3.
TEST(PeriodText, ShowsEachKindOfPeriodItsOwnWay) {
  const Date march = *Date::FromCivil(2018, 3, 1), monday = *Date::FromCivil(2024, 1, 29);
  EXPECT_EQ(PeriodText(march), "March 2018");
  EXPECT_EQ(ShortPeriodText(march), "Mar 2018");
  EXPECT_EQ(PeriodText(monday), "29/01/2024");
  EXPECT_EQ(PeriodText(monday, PeriodKind::kIsoWeek), "2024-W05");
  EXPECT_EQ(ShortPeriodText(monday, PeriodKind::kIsoWeek), "2024-W05");
  EXPECT_EQ(PeriodText(*Date::FromCivil(2016, 10, 1), PeriodKind::kFinancialQuarter), "2016/17 Q3");
  EXPECT_EQ(ShortPeriodText(Date(3), PeriodKind::kSequence), "3");
}

TEST(IconWords, SayTheIconsInABoardsWords) {
  EXPECT_EQ(VariationIconWords(VariationIcon::kConcernLow), "special cause concern (low)");
  EXPECT_EQ(VariationIconWords(VariationIcon::kImprovementHigh),
            "special cause improvement (high)");
  EXPECT_EQ(VariationIconWords(VariationIcon::kCommonCause), "common cause");
  EXPECT_EQ(VariationIconWords(VariationIcon::kNone), "not judged");
  EXPECT_EQ(AssuranceIconWords(AssuranceIcon::kHitOrMiss), "hit or miss");
  EXPECT_EQ(AssuranceIconWords(AssuranceIcon::kNone), "no assurance");
}

TEST(FormatValueWithUnit, SpacesAWordedUnitAndGivesADashNoUnit) {
  EXPECT_EQ(FormatValue(27950, 0, "attendances"), "27,950 attendances");
  EXPECT_EQ(FormatValue(12, 2, "per 10,000 risk days"), "12.00 per 10,000 risk days");
  EXPECT_EQ(FormatValue(94.16, 1, "%"), "94.2%");
  EXPECT_EQ(FormatValue(kMissing, 1, "%"), "\xE2\x80\x93");
}

TEST(DecisionNote, GivesTheReasonWhoAndWhen) {
  Decision d{"new triage model", "J Smith", testing::Month(3)};
  EXPECT_EQ(DecisionNote(d), "new triage model (decided by J Smith on 01/04/2020)");
  EXPECT_EQ(DecisionNote(Decision{}), "no reason recorded");
  EXPECT_EQ(DecisionNote(Decision{"merger", "", std::nullopt}), "merger");
}

TEST(DecisionEvents, ListsRebasesAndTargetChangesInDateOrder) {
  Indicator ind;
  ind.unit = "%";
  ind.targets = {{.from = testing::Month(0), .value = 95, .set_by = "national"},
                 {.from = testing::Month(6),
                  .value = 78,
                  .set_by = "national",
                  .decision = {"interim standard", "NHS England", std::nullopt}}};
  ind.rebases = {{testing::Month(4), {"new triage model", "J Smith", std::nullopt}}};
  const std::vector<DecisionEvent> events = DecisionEvents(ind, 1);
  ASSERT_EQ(events.size(), 2u);  // the first target has no reason: not a decision to show
  EXPECT_EQ(events[0].date, testing::Month(4));
  EXPECT_EQ(events[0].text, "Limits recalculated: new triage model (decided by J Smith)");
  EXPECT_EQ(events[1].date, testing::Month(6));
  EXPECT_EQ(events[1].text,
            "Target changed to 78.0% (national): interim standard (decided by NHS England)");
}

}  // namespace
}  // namespace kaizen::render
