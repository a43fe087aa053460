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

// The Gregorian rule: every fourth year, except centuries not divisible by 400.
TEST(IsLeapYear, EveryFourthYearExceptCenturiesNotDivisibleBy400) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2100));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_TRUE(IsLeapYear(1600));
}

TEST(DaysInMonth, ThirtyDaysHathSeptember) {
  EXPECT_EQ(DaysInMonth(2023, 1), 31);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(1900, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 9), 30);
  EXPECT_EQ(DaysInMonth(2023, 11), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
  EXPECT_EQ(DaysInMonth(2023, 0), 0);  // no such month
  EXPECT_EQ(DaysInMonth(2023, 13), 0);
  int year_days = 0;  // the twelve months make a year: 365, 366 in a leap year
  for (int m = 1; m <= 12; ++m) year_days += DaysInMonth(2024, m);
  EXPECT_EQ(year_days, 366);
}

// Weekdays from a calendar: 1970-01-01 was a Thursday, 2024-01-01 a Monday, 2023-12-31 a
// Sunday, 1969-12-29 (before the epoch) a Monday, 2000-02-29 a Tuesday.
TEST(DaysSinceMonday, CountsFromTheIsoWeeksMonday) {
  EXPECT_EQ(DaysSinceMonday(Date(0)), 3);
  EXPECT_EQ(DaysSinceMonday(*Date::ParseIso("2024-01-01")), 0);
  EXPECT_EQ(DaysSinceMonday(*Date::ParseIso("2023-12-31")), 6);
  EXPECT_EQ(DaysSinceMonday(*Date::ParseIso("1969-12-29")), 0);
  EXPECT_EQ(DaysSinceMonday(*Date::ParseIso("2000-02-29")), 1);
}

TEST(AddMonths, ClampsTheDayToTheMonthItLandsIn) {
  auto day = [](int y, int m, int d) { return *Date::FromCivil(y, m, d); };
  EXPECT_EQ(AddMonths(day(2024, 1, 31), 1), day(2024, 2, 29));  // leap February
  EXPECT_EQ(AddMonths(day(2023, 1, 31), 1), day(2023, 2, 28));
  EXPECT_EQ(AddMonths(day(2024, 11, 15), 2), day(2025, 1, 15));  // into the next year
  EXPECT_EQ(AddMonths(day(2024, 3, 31), -1), day(2024, 2, 29));  // backwards
  EXPECT_EQ(AddMonths(day(2024, 1, 10), -1), day(2023, 12, 10));
  EXPECT_EQ(AddMonths(day(2024, 2, 29), 12), day(2025, 2, 28));
  EXPECT_EQ(AddMonths(day(2020, 5, 31), 24), day(2022, 5, 31));
  EXPECT_EQ(AddMonths(day(2020, 5, 31), 0), day(2020, 5, 31));
}

TEST(DateTest, MonthYearLabel) {
  EXPECT_EQ(Date::ParseIso("2018-09-01")->ToMonthYear(), "September 2018");
}

}  // namespace
}  // namespace kaizen
