#include "kaizen/date.h"

#include <gtest/gtest.h>

namespace kaizen {
namespace {

TEST(DateTest, EpochAndKnownDays) {
  // 1970-01-01 is day 0; 2000-03-01 is 11017 days later (30 years incl. 7 leap days + Jan, Feb
  // 2000: 30·365 + 7 + 31 + 29 = 11017).
  EXPECT_EQ(Date::FromCivil(1970, 1, 1)->days_since_epoch(), 0);
  EXPECT_EQ(Date::FromCivil(2000, 3, 1)->days_since_epoch(), 11017);
  EXPECT_EQ(Date(11017).ToIso(), "2000-03-01");
}

TEST(DateTest, RejectsDaysThatDoNotExist) {
  EXPECT_FALSE(Date::FromCivil(2023, 2, 29).ok());
  EXPECT_TRUE(Date::FromCivil(2024, 2, 29).ok());
  EXPECT_FALSE(Date::FromCivil(1900, 2, 29).ok());  // 1900 is not a leap year
  EXPECT_FALSE(Date::FromCivil(2024, 13, 1).ok());
  EXPECT_FALSE(Date::ParseIso("2024-3-01").ok());
  EXPECT_FALSE(Date::ParseIso("2024-03-0x").ok());
}

TEST(DateTest, MonthYearLabel) {
  EXPECT_EQ(Date::ParseIso("2018-09-01")->ToMonthYear(), "September 2018");
}

}  // namespace
}  // namespace kaizen
