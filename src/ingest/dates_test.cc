#include "ingest/dates.h"

#include <gtest/gtest.h>

#include <string>

namespace kaizen::ingest {
namespace {

// The ISO text of a period that parses to a Date (not a raw slash date), or why not.
std::string Iso(std::string_view text, DateFormat format = DateFormat::kAuto,
                bool serials = false) {
  RawPeriod raw;
  const PeriodParse p = ParsePeriod(text, format, serials, &raw);
  if (p == PeriodParse::kEmpty) return "empty";
  if (p == PeriodParse::kBad) return "bad";
  if (p == PeriodParse::kTwoDigitYear) return "two-digit year";
  if (raw.slash) return "slash";
  return Date(raw.days).ToIso();
}

TEST(ParsePeriodTest, IsoDaysAndMonths) {
  EXPECT_EQ(Iso("2022-03-01"), "2022-03-01");
  EXPECT_EQ(Iso(" 2024-02-29 "), "2024-02-29");
  EXPECT_EQ(Iso("2022-03"), "2022-03-01");
  EXPECT_EQ(Iso("2022/3/1"), "2022-03-01");
  EXPECT_EQ(Iso("2022-03-01T00:00:00"), "2022-03-01");
  EXPECT_EQ(Iso("2022-03-01 00:00:00.000"), "2022-03-01");
  EXPECT_EQ(Iso("2023-02-29"), "bad");
  EXPECT_EQ(Iso("2022-13"), "bad");
  EXPECT_EQ(Iso("2022-03-0x"), "bad");
  EXPECT_EQ(Iso(""), "empty");
}

TEST(ParsePeriodTest, MonthNames) {
  EXPECT_EQ(Iso("Mar 2022"), "2022-03-01");
  EXPECT_EQ(Iso("March 2022"), "2022-03-01");
  EXPECT_EQ(Iso("SEPT 2021"), "2021-09-01");
  EXPECT_EQ(Iso("01-Mar-2022"), "2022-03-01");
  EXPECT_EQ(Iso("1 March 2022"), "2022-03-01");
  EXPECT_EQ(Iso("March 5, 2022"), "2022-03-05");
  EXPECT_EQ(Iso("31-Feb-2022"), "bad");
  EXPECT_EQ(Iso("Marc 2022"), "bad");
  EXPECT_EQ(Iso("Mar 2022", DateFormat::kIso), "2022-03-01");
}

// Issue 14: a pivot at 70 made Oct-69 2069 and Jan-70 1970, reordering the series unannounced.
TEST(ParsePeriodTest, TwoDigitYearsAreRefusedNotPivoted) {
  EXPECT_EQ(Iso("Oct-69"), "two-digit year");
  EXPECT_EQ(Iso("Jan-70"), "two-digit year");
  EXPECT_EQ(Iso("Mar 22"), "two-digit year");
  EXPECT_EQ(Iso("01-Mar-22"), "two-digit year");
  EXPECT_EQ(Iso("Oct-1969"), "1969-10-01");
  const PeriodError e = DescribeBadPeriod(PeriodParse::kTwoDigitYear, "Oct-69", DateFormat::kAuto);
  EXPECT_EQ(e.code, "two_digit_year");
  EXPECT_NE(e.message.find("Oct-2069"), std::string::npos) << e.message;
}

// Issue 14: stray separators around or between the parts were skipped and the date accepted.
TEST(ParsePeriodTest, StraySeparatorsAreNotDates) {
  EXPECT_EQ(Iso("-2020-01-01"), "bad");
  EXPECT_EQ(Iso("2020--01--01"), "bad");
  EXPECT_EQ(Iso("///2020/01/01///"), "bad");
  EXPECT_EQ(Iso("2020-01-01-"), "bad");
  EXPECT_EQ(Iso("2020/01-01"), "bad");
  EXPECT_EQ(Iso("Mar  2022"), "bad");
  // The forms with more than one separator character that are real.
  EXPECT_EQ(Iso("March 5, 2022"), "2022-03-05");
  EXPECT_EQ(Iso("2020/01/01"), "2020-01-01");
}

// Issue 14: any digits and colons after the date were dropped as "a time".
TEST(ParsePeriodTest, ImpossibleTimesOfDayAreNotDates) {
  EXPECT_EQ(Iso("2020-01-01T25:61"), "bad");
  EXPECT_EQ(Iso("2020-01-01T23:60"), "bad");
  EXPECT_EQ(Iso("2020-01-01 12:00:61"), "bad");
  EXPECT_EQ(Iso("01/03/2022 24:00", DateFormat::kDayMonthYear), "bad");
  EXPECT_EQ(Iso("2020-01-01T23:59:59.999Z"), "2020-01-01");
  EXPECT_EQ(Iso("2020-01-01T09:30+01:00"), "2020-01-01");
  EXPECT_EQ(Iso("01/03/2022 09:30", DateFormat::kDayMonthYear), "2022-03-01");
}

TEST(ParsePeriodTest, SlashDatesWaitForTheColumnInAutoMode) {
  RawPeriod raw;
  ASSERT_EQ(ParsePeriod("01/02/2022", DateFormat::kAuto, false, &raw), PeriodParse::kOk);
  ASSERT_TRUE(raw.slash);
  EXPECT_TRUE(FitsOf(raw).day_month);
  EXPECT_TRUE(FitsOf(raw).month_day);
  Date d;
  ASSERT_TRUE(ResolvePeriod(raw, DateOrder::kDayMonth, &d));
  EXPECT_EQ(d.ToIso(), "2022-02-01");
  ASSERT_TRUE(ResolvePeriod(raw, DateOrder::kMonthDay, &d));
  EXPECT_EQ(d.ToIso(), "2022-01-02");

  ASSERT_EQ(ParsePeriod("30/09/2021", DateFormat::kAuto, false, &raw), PeriodParse::kOk);
  EXPECT_TRUE(FitsOf(raw).day_month);
  EXPECT_FALSE(FitsOf(raw).month_day);
  EXPECT_FALSE(ResolvePeriod(raw, DateOrder::kMonthDay, &d));

  ASSERT_EQ(ParsePeriod("10/17/2021", DateFormat::kAuto, false, &raw), PeriodParse::kOk);
  EXPECT_FALSE(FitsOf(raw).day_month);
  EXPECT_TRUE(FitsOf(raw).month_day);

  // Fits neither: 31 February, month 31.
  EXPECT_EQ(ParsePeriod("31/02/2022", DateFormat::kAuto, false, &raw), PeriodParse::kBad);
  EXPECT_EQ(ParsePeriod("1/2/22", DateFormat::kAuto, false, &raw), PeriodParse::kBad);
}

TEST(ParsePeriodTest, NamedSlashFormats) {
  EXPECT_EQ(Iso("01/02/2022", DateFormat::kDayMonthYear), "2022-02-01");
  EXPECT_EQ(Iso("01.02.2022", DateFormat::kDayMonthYear), "2022-02-01");
  EXPECT_EQ(Iso("01/02/2022 00:00", DateFormat::kDayMonthYear), "2022-02-01");
  EXPECT_EQ(Iso("01/02/2022", DateFormat::kMonthDayYear), "2022-01-02");
  EXPECT_EQ(Iso("10/17/2021", DateFormat::kDayMonthYear), "bad");
  EXPECT_EQ(Iso("01/02/2022", DateFormat::kIso), "bad");
  EXPECT_EQ(Iso("03/2022"), "2022-03-01");
}

TEST(ParsePeriodTest, ExcelSerialsOnlyWhenAsked) {
  // 44621 is 2022-03-01 in Excel's 1900 date system (25569 is 1970-01-01).
  EXPECT_EQ(Iso("44621", DateFormat::kAuto, true), "2022-03-01");
  EXPECT_EQ(Iso("44621"), "bad");
  EXPECT_EQ(Iso("60", DateFormat::kAuto, true), "bad");
}

// Mondays from Python: datetime.date.fromisocalendar(2024, 5, 1) == 2024-01-29, (2024, 1, 1) ==
// 2024-01-01, (2020, 53, 1) == 2020-12-28, (2026, 1, 1) == 2025-12-29; fromisocalendar(2021, 53, 1)
// and (2024, 53, 1) raise ValueError (those years have 52 weeks).
TEST(ParsePeriodTest, IsoWeeksAreTheirMonday) {
  EXPECT_EQ(Iso("2024-W05"), "2024-01-29");
  EXPECT_EQ(Iso("2024W05"), "2024-01-29");
  EXPECT_EQ(Iso("2024-w01"), "2024-01-01");
  EXPECT_EQ(Iso("2020-W53"), "2020-12-28");
  EXPECT_EQ(Iso("2026-W01"), "2025-12-29");
  EXPECT_EQ(Iso("2024-W05", DateFormat::kIso), "2024-01-29");
  EXPECT_EQ(Iso("2021-W53"), "bad");
  EXPECT_EQ(Iso("2024-W53"), "bad");
  EXPECT_EQ(Iso("2024-W00"), "bad");
  EXPECT_EQ(Iso("2024-W5"), "bad");
  EXPECT_EQ(Iso("2024-W054"), "bad");
  EXPECT_EQ(Iso("2024-Wx5"), "bad");
}

// NHS financial years run 1 April to 31 March; Q1 is April to June (NHS England, "Financial
// year and quarter definitions").
TEST(ParsePeriodTest, FinancialYearsAndQuarters) {
  EXPECT_EQ(Iso("2016/17"), "2016-04-01");
  EXPECT_EQ(Iso("2016/2017"), "2016-04-01");
  EXPECT_EQ(Iso("2016/17 Q1"), "2016-04-01");
  EXPECT_EQ(Iso("2016/17 Q2"), "2016-07-01");
  EXPECT_EQ(Iso("2016/17 q3"), "2016-10-01");
  EXPECT_EQ(Iso("2016/17 Q4"), "2017-01-01");
  EXPECT_EQ(Iso("Q4 2016/17"), "2017-01-01");
  EXPECT_EQ(Iso("1999/00 Q2"), "1999-07-01");
  // The second year must follow the first; quarters run 1 to 4.
  EXPECT_EQ(Iso("2016/18"), "bad");
  EXPECT_EQ(Iso("2016/17 Q5"), "bad");
  EXPECT_EQ(Iso("2016/17 Q"), "bad");
  EXPECT_EQ(Iso("2016/17 June"), "bad");
  // A slash date with a four-digit year first is still a day.
  EXPECT_EQ(Iso("2016/12/01"), "2016-12-01");
}

TEST(ParsePeriodTest, WeeksAndFinancialPeriodsSayWhatTheyAre) {
  RawPeriod raw;
  ASSERT_EQ(ParsePeriod("2024-W05", DateFormat::kAuto, false, &raw), PeriodParse::kOk);
  EXPECT_EQ(raw.kind, PeriodKind::kIsoWeek);
  ASSERT_EQ(ParsePeriod("2016/17 Q2", DateFormat::kAuto, false, &raw), PeriodParse::kOk);
  EXPECT_EQ(raw.kind, PeriodKind::kFinancialQuarter);
  ASSERT_EQ(ParsePeriod("2016/17", DateFormat::kAuto, false, &raw), PeriodParse::kOk);
  EXPECT_EQ(raw.kind, PeriodKind::kFinancialYear);
  ASSERT_EQ(ParsePeriod("2016-07-01", DateFormat::kAuto, false, &raw), PeriodParse::kOk);
  EXPECT_EQ(raw.kind, PeriodKind::kDate);
}

// FormatPeriod writes back what ParsePeriod read. ISO weeks from Python:
// date(2024, 1, 29).isocalendar() == (2024, 5, 1); date(2025, 12, 29).isocalendar() ==
// (2026, 1, 1); date(2020, 12, 28).isocalendar() == (2020, 53, 1); date(2021, 1, 3) (a Sunday)
// .isocalendar() == (2020, 53, 7).
TEST(FormatPeriodTest, WritesPeriodsAsTheFileDid) {
  const auto day = [](int y, int m, int d) { return Date::FromCivil(y, m, d).value(); };
  EXPECT_EQ(FormatPeriod(day(2024, 1, 29), PeriodKind::kIsoWeek), "2024-W05");
  EXPECT_EQ(FormatPeriod(day(2025, 12, 29), PeriodKind::kIsoWeek), "2026-W01");
  EXPECT_EQ(FormatPeriod(day(2020, 12, 28), PeriodKind::kIsoWeek), "2020-W53");
  EXPECT_EQ(FormatPeriod(day(2021, 1, 3), PeriodKind::kIsoWeek), "2020-W53");
  EXPECT_EQ(FormatPeriod(day(2016, 4, 1), PeriodKind::kFinancialQuarter), "2016/17 Q1");
  EXPECT_EQ(FormatPeriod(day(2016, 10, 1), PeriodKind::kFinancialQuarter), "2016/17 Q3");
  EXPECT_EQ(FormatPeriod(day(2017, 1, 1), PeriodKind::kFinancialQuarter), "2016/17 Q4");
  EXPECT_EQ(FormatPeriod(day(2017, 3, 31), PeriodKind::kFinancialQuarter), "2016/17 Q4");
  EXPECT_EQ(FormatPeriod(day(1999, 4, 1), PeriodKind::kFinancialYear), "1999/00");
  EXPECT_EQ(FormatPeriod(day(2016, 4, 1), PeriodKind::kFinancialYear), "2016/17");
  EXPECT_EQ(FormatPeriod(day(2016, 4, 1), PeriodKind::kDate), "2016-04-01");
  // Round trips: every week of 2020 to 2026 and every quarter of 2010/11 to 2030/31.
  for (int32_t d = day(2019, 12, 30).days_since_epoch(); d < day(2027, 1, 4).days_since_epoch();
       d += 7) {
    RawPeriod raw;
    const std::string text = FormatPeriod(Date(d), PeriodKind::kIsoWeek);
    ASSERT_EQ(ParsePeriod(text, DateFormat::kAuto, false, &raw), PeriodParse::kOk) << text;
    EXPECT_EQ(raw.days, d) << text;
  }
  for (int y = 2010; y <= 2030; ++y) {
    for (int q = 1; q <= 4; ++q) {
      RawPeriod raw;
      const std::string text = std::to_string(y) + "/" + std::to_string((y + 1) % 100 / 10) +
                               std::to_string((y + 1) % 10) + " Q" + std::to_string(q);
      ASSERT_EQ(ParsePeriod(text, DateFormat::kAuto, false, &raw), PeriodParse::kOk) << text;
      EXPECT_EQ(FormatPeriod(Date(raw.days), PeriodKind::kFinancialQuarter), text);
    }
  }
}

// Sequence numbers (issue 8, item 5): a whole number 1..1,000,000 is its own day count, and is
// written back as the number.
TEST(ParseSequenceTest, WholeNumbersFromOneToAMillion) {
  RawPeriod raw;
  ASSERT_TRUE(ParseSequence("3", &raw));
  EXPECT_EQ(raw.days, 3);
  EXPECT_EQ(raw.kind, PeriodKind::kSequence);
  ASSERT_TRUE(ParseSequence(" 1000000 ", &raw));
  EXPECT_EQ(raw.days, 1000000);
  for (const char* not_one : {"0", "1000001", "-1", "3.0", "+3", "1e3", "", "2024-01", "3a"})
    EXPECT_FALSE(ParseSequence(not_one, &raw)) << not_one;
  EXPECT_EQ(FormatPeriod(Date(3), PeriodKind::kSequence), "3");
  EXPECT_EQ(FormatPeriod(Date(1000000), PeriodKind::kSequence), "1000000");
  EXPECT_EQ(PeriodKindName(PeriodKind::kSequence), "sequence");
  EXPECT_EQ(PeriodKindName(PeriodKind::kIsoWeek), "iso_week");
  EXPECT_EQ(PeriodKindName(PeriodKind::kDate), "date");
}

}  // namespace
}  // namespace kaizen::ingest

namespace kaizen::ingest {
namespace {

// A slash date's raw parts, as ParsePeriod keeps them under kAuto.
RawPeriod Slash(std::string_view text) {
  RawPeriod raw;
  EXPECT_EQ(ParsePeriod(text, DateFormat::kAuto, false, &raw), PeriodParse::kOk) << text;
  EXPECT_TRUE(raw.slash) << text;
  return raw;
}

// The cases by hand: 03/04/2024 is 3 April or 4 March (both months 1..12, both days exist);
// 13/04/2024 has no month 13, so only day first; 4/13/2024 only month first; 31/04/2024 fits
// neither as April has 30 days, and 30/02 neither, but 29/02/2024 fits day first (2024 is a
// leap year) and not month first (no month 29).
TEST(SlashDateOrderTest, NoDateDecidesSoTheColumnIsAmbiguousAndReadDayFirst) {
  SlashDateOrder order(DateFormat::kAuto);
  EXPECT_FALSE(order.ambiguous());  // no slash date yet: nothing to guess
  EXPECT_EQ(order.Note(Slash("03/04/2024"), 2, "03/04/2024"), SlashDateOrder::News::kNone);
  EXPECT_EQ(order.Note(Slash("12/11/2024"), 3, " 12/11/2024 "), SlashDateOrder::News::kNone);
  EXPECT_TRUE(order.ambiguous());
  EXPECT_FALSE(order.mixed());
  EXPECT_EQ(order.order(), DateOrder::kDayMonth);
  EXPECT_EQ(order.first().line, 2);
  EXPECT_EQ(order.GuessMessage(),
            "every date such as '03/04/2024' fits both dd/mm/yyyy and m/d/yyyy; read as "
            "dd/mm/yyyy (UK): name the date format (--date-format) if they are m/d/yyyy");
}

TEST(SlashDateOrderTest, TheFirstDateThatFitsOneReadingDecides) {
  SlashDateOrder us(DateFormat::kAuto);
  EXPECT_EQ(us.Note(Slash("03/04/2024"), 2, "03/04/2024"), SlashDateOrder::News::kNone);
  EXPECT_EQ(us.Note(Slash("4/13/2024"), 3, "4/13/2024"), SlashDateOrder::News::kDecides);
  EXPECT_EQ(us.Note(Slash("4/14/2024"), 4, "4/14/2024"), SlashDateOrder::News::kNone);
  EXPECT_EQ(us.order(), DateOrder::kMonthDay);
  EXPECT_FALSE(us.ambiguous());
  EXPECT_EQ(us.month_day().line, 3);

  SlashDateOrder uk(DateFormat::kAuto);
  EXPECT_EQ(uk.Note(Slash("29/02/2024"), 5, "29/02/2024"), SlashDateOrder::News::kDecides);
  EXPECT_EQ(uk.order(), DateOrder::kDayMonth);
}

TEST(SlashDateOrderTest, DatesOfBothReadingsMixTheColumn) {
  SlashDateOrder order(DateFormat::kAuto);
  EXPECT_EQ(order.Note(Slash("13/04/2024"), 2, "13/04/2024"), SlashDateOrder::News::kDecides);
  EXPECT_EQ(order.Note(Slash("03/04/2024"), 3, "03/04/2024"), SlashDateOrder::News::kNone);
  EXPECT_EQ(order.Note(Slash("4/13/2024"), 4, "4/13/2024"), SlashDateOrder::News::kMixes);
  // Said once: later dates of either kind bring no news.
  EXPECT_EQ(order.Note(Slash("4/14/2024"), 5, "4/14/2024"), SlashDateOrder::News::kNone);
  EXPECT_EQ(order.Note(Slash("14/04/2024"), 6, "14/04/2024"), SlashDateOrder::News::kNone);
  EXPECT_TRUE(order.mixed());
  EXPECT_EQ(order.MixedMessage(),
            "the dates mix two formats: line 2 has '13/04/2024', which can only be dd/mm/yyyy, "
            "and line 4 has '4/13/2024', which can only be m/d/yyyy; name the date format "
            "(--date-format)");
}

TEST(SlashDateOrderTest, ANamedFormatDecidesWithoutLooking) {
  // Under a named format ParsePeriod resolves slash dates at once; the policy still answers
  // with the named order and never guesses.
  SlashDateOrder us(DateFormat::kMonthDayYear);
  EXPECT_EQ(us.order(), DateOrder::kMonthDay);
  (void)us.Note(Slash("03/04/2024"), 2, "03/04/2024");
  EXPECT_FALSE(us.ambiguous());
  EXPECT_EQ(us.order(), DateOrder::kMonthDay);
  SlashDateOrder uk(DateFormat::kDayMonthYear);
  EXPECT_EQ(uk.order(), DateOrder::kDayMonth);
}

TEST(SlashDateOrderTest, ADateThatFitsNeitherReadingIsRefusedBeforeThePolicy) {
  RawPeriod raw;
  EXPECT_EQ(ParsePeriod("31/04/2024", DateFormat::kAuto, false, &raw), PeriodParse::kBad);
  EXPECT_EQ(ParsePeriod("30/02/2024", DateFormat::kAuto, false, &raw), PeriodParse::kBad);
}

}  // namespace
}  // namespace kaizen::ingest
