// Wide files (one column per period) and the spreadsheet forms of numbers, read through the CSV
// reader as a user's file would be. Every expected value is the cell of the test's own text,
// read by hand; the periods are the first day of the month (week) each header names.
#include "ingest/wide_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "ingest/csv/csv_reader.h"
#include "ingest/csv_text_test_util.h"

namespace kaizen::ingest {
namespace {

using testing::Outcome;
using testing::Read;

std::vector<std::string> Isos(const Series& s) {
  std::vector<std::string> out;
  for (Date d : s.periods) out.push_back(d.ToIso());
  return out;
}

std::string All(const Outcome& o) {
  std::string all;
  for (const std::string& m : o.messages) all += m + "\n";
  return all;
}

using Strings = std::vector<std::string>;

TEST(WideFormatTest, EachPeriodColumnBecomesAPointOfItsRowsSeries) {
  const Outcome o = Read(
      "indicator,organisation,2016-04,2016-05,2016-06\n"
      "falls,RF4,3,\"1,204\",5\n"
      "falls,RX1,1,2,NA\n");
  ASSERT_TRUE(o.status.ok()) << All(o);
  ASSERT_EQ(o.series.size(), 2u);
  EXPECT_EQ(o.series[0].organisation, "RF4");
  EXPECT_EQ(Isos(o.series[0]), (Strings{"2016-04-01", "2016-05-01", "2016-06-01"}));
  EXPECT_EQ(o.series[0].values, (std::vector<double>{3, 1204, 5}));
  EXPECT_EQ(o.series[1].organisation, "RX1");
  EXPECT_EQ(o.series[1].values[1], 2.0);
  EXPECT_TRUE(std::isnan(o.series[1].values[2]));
  EXPECT_TRUE(o.messages.empty()) << All(o);
}

TEST(WideFormatTest, MonthNamesAndWeeksInTheHeader) {
  ReadOptions one;
  one.indicator = "falls";
  const Outcome months = Read("organisation,April 2016,May 2016,Jun 2016\nRF4,1,2,3\n", one);
  ASSERT_TRUE(months.status.ok()) << All(months);
  EXPECT_EQ(Isos(months.series[0]), (Strings{"2016-04-01", "2016-05-01", "2016-06-01"}));
  // ISO weeks: Mondays (Python: date.fromisocalendar(2024, 1, 1) == 2024-01-01, (2024, 2, 1)
  // == 2024-01-08).
  const Outcome weeks = Read("organisation,2024-W01,2024-W02\nRF4,10,12\n", one);
  ASSERT_TRUE(weeks.status.ok()) << All(weeks);
  EXPECT_EQ(Isos(weeks.series[0]), (Strings{"2024-01-01", "2024-01-08"}));
  EXPECT_EQ(weeks.series[0].values, (std::vector<double>{10, 12}));
}

TEST(WideFormatTest, TwoDigitYearsInASequenceOfMonthsAreReadAsExcelDoesWithAWarning) {
  ReadOptions one;
  one.organisation = "RF4";
  const Outcome o = Read("indicator,Dec-16,Jan-17,Feb-17\nfalls,4,5,6\n", one);
  ASSERT_TRUE(o.status.ok()) << All(o);
  EXPECT_EQ(Isos(o.series[0]), (Strings{"2016-12-01", "2017-01-01", "2017-02-01"}));
  ASSERT_EQ(o.messages.size(), 1u) << All(o);
  EXPECT_EQ(o.messages[0],
            "data.csv:1:2: warning [two_digit_year_read]: the period headers have two-digit "
            "years, read as Excel reads them (00 to 29 in the 2000s, 30 to 99 in the 1900s): "
            "'Dec-16' as December 2016 to 'Feb-17' as February 2017 (write four-digit years, "
            "such as Dec-2016)");
}

TEST(WideFormatTest, TwoDigitYearsOutOfSequenceOrMixedAreRefused) {
  ReadOptions one;
  one.organisation = "RF4";
  const Outcome gap = Read("indicator,Apr-16,Jun-16\nfalls,1,2\n", one);
  EXPECT_FALSE(gap.status.ok());
  ASSERT_FALSE(gap.messages.empty());
  EXPECT_EQ(gap.messages[0].rfind("data.csv:1:3: error [two_digit_year]: 'Jun-16' has a two-digit "
                                  "year and does not follow 'Apr-16' month after month",
                                  0),
            0u)
      << All(gap);
  // Excel's window turns Dec-29 into 2029 and Jan-30 into 1930: no longer a sequence.
  const Outcome century = Read("indicator,Dec-29,Jan-30\nfalls,1,2\n", one);
  EXPECT_FALSE(century.status.ok());
  const Outcome mixed = Read("indicator,Apr-16,2016-05\nfalls,1,2\n", one);
  EXPECT_FALSE(mixed.status.ok());
  ASSERT_FALSE(mixed.messages.empty());
  EXPECT_NE(mixed.messages[0].find("data.csv:1:2: error [two_digit_year]"), std::string::npos)
      << All(mixed);
}

TEST(WideFormatTest, CellProblemsNameTheLineAndThePeriodsColumn) {
  const Outcome o = Read(
      "indicator,organisation,2016-04,2016-05,2016-06\n"
      "falls,RF4,3,x,5\n"
      "falls,RX1,1,#N/A,2\n");
  EXPECT_FALSE(o.status.ok());
  ASSERT_EQ(o.messages.size(), 2u) << All(o);
  EXPECT_EQ(o.messages[0].rfind("data.csv:2:4: error [bad_number]: 'x' is not a number", 0), 0u)
      << All(o);
  EXPECT_EQ(o.messages[1],
            "data.csv:3:4: warning [excel_error]: '#N/A' in the 'value' column is a spreadsheet "
            "error, read as a missing value");
}

TEST(WideFormatTest, BadHeadersAreRefusedAtTheirCell) {
  const Outcome duplicate = Read("indicator,2016-04,Apr 2016\nfalls,1,2\n");
  ASSERT_FALSE(duplicate.messages.empty());
  EXPECT_EQ(duplicate.messages[0],
            "data.csv:1:3: error [duplicate_period_column]: columns 2 and 3 name the same "
            "period, 'Apr 2016' (expected one column per period)");
  const Outcome misspelt = Read("indicator,2016-04,2016-05,2016-13\nfalls,1,2,3\n");
  ASSERT_FALSE(misspelt.messages.empty());
  EXPECT_EQ(misspelt.messages[0].rfind("data.csv:1:4: error [bad_date]: '2016-13' is among the "
                                       "period columns of a wide file but is not a period",
                                       0),
            0u)
      << All(misspelt);
  ReadOptions wide;
  wide.columns.layout = TableLayout::kWide;
  const Outcome none = Read("indicator,organisation,total\nfalls,RF4,3\n", wide);
  ASSERT_FALSE(none.messages.empty());
  EXPECT_EQ(none.messages[0].rfind("data.csv:1: error [no_period_columns]", 0), 0u) << All(none);
  const Outcome short_row = Read("indicator,2016-04,2016-05\nfalls,1\n");
  ASSERT_FALSE(short_row.messages.empty());
  EXPECT_EQ(short_row.messages[0].rfind("data.csv:2:2: error [field_count]", 0), 0u)
      << All(short_row);
}

TEST(WideFormatTest, LongFilesAndTheLongLayoutPassThrough) {
  const Outcome o = Read("indicator,organisation,period,value\nfalls,RF4,2016-04,3\n");
  ASSERT_TRUE(o.status.ok()) << All(o);
  EXPECT_EQ(o.series[0].values, (std::vector<double>{3}));
  // Declared long, a wide header is what it was before: a line of data, not names.
  ReadOptions long_layout;
  long_layout.columns.layout = TableLayout::kLong;
  const Outcome refused = Read("indicator,2016-04,2016-05\nfalls,1,2\n", long_layout);
  ASSERT_FALSE(refused.messages.empty());
  EXPECT_NE(refused.messages[0].find("[not_a_header]"), std::string::npos) << All(refused);
}

// "78.3%" is the number shown, 78.3, only for an indicator whose unit is "%" (multiplier 1).
TEST(SpreadsheetNumbersTest, PercentIsTheNumberShownOnlyWhereTheUnitIsPercent) {
  Catalogue catalogue;
  Indicator percent;
  percent.id = "ae";
  percent.unit = "%";
  Indicator beds;
  beds.id = "beds";
  beds.unit = "beds";
  Indicator scaled = percent;
  scaled.id = "scaled";
  scaled.multiplier = 100;
  catalogue.indicators = {percent, beds, scaled};
  const Outcome ok =
      Read("indicator,organisation,period,value\nae,X,2022-01,78.3%\n", {}, &catalogue);
  ASSERT_TRUE(ok.status.ok()) << All(ok);
  EXPECT_EQ(ok.series[0].values, (std::vector<double>{78.3}));
  const Outcome refused =
      Read("indicator,organisation,period,value\nbeds,X,2022-01,78.3%\nscaled,X,2022-01,78.3%\n",
           {}, &catalogue);
  ASSERT_EQ(refused.messages.size(), 2u) << All(refused);
  EXPECT_EQ(refused.messages[0].rfind("data.csv:2:4: error [percent_value]: '78.3%' in the "
                                      "'value' column is a percentage, and indicator 'beds' has "
                                      "unit 'beds'",
                                      0),
            0u)
      << All(refused);
  EXPECT_NE(refused.messages[1].find("data.csv:3:4: error [percent_value]"), std::string::npos);
  EXPECT_NE(refused.messages[1].find("multiplier 100"), std::string::npos);
  // Without a catalogue nothing says the unit is per cent.
  const Outcome bare = Read("indicator,organisation,period,value\nae,X,2022-01,95%\n");
  ASSERT_FALSE(bare.messages.empty());
  EXPECT_EQ(bare.messages[0].rfind("data.csv:2:4: error [percent_value]", 0), 0u) << All(bare);
}

TEST(SpreadsheetNumbersTest, DecimalCommaNeedsDeclaringAndTheSemicolonIsSniffed) {
  const std::string text =
      "indicator;organisation;period;value\na;X;2022-01;12,5\na;X;2022-02;"
      "1.234,75\n";
  ReadOptions comma;
  comma.columns.decimal = ',';
  const Outcome o = Read(text, comma);
  ASSERT_TRUE(o.status.ok()) << All(o);
  EXPECT_EQ(o.series[0].values, (std::vector<double>{12.5, 1234.75}));
  // Undeclared, "12,5" is no valid grouping of thousands: refused, not read as 125 or 12.5.
  const Outcome undeclared = Read(text);
  ASSERT_FALSE(undeclared.messages.empty());
  EXPECT_EQ(undeclared.messages[0].rfind("data.csv:2:4: error [bad_number]: '12,5' is not a "
                                         "number: its comma does not group thousands",
                                         0),
            0u)
      << All(undeclared);
  // A catalogue declares it too.
  Catalogue catalogue;
  catalogue.columns.decimal = ',';
  const Outcome from_catalogue = Read(text, {}, &catalogue);
  EXPECT_FALSE(from_catalogue.messages.empty());  // indicator 'a' is not in that catalogue
  EXPECT_NE(All(from_catalogue).find("unknown_indicator"), std::string::npos);
}

// Each series knows what its periods are, and says missing ones as the file wrote them.
TEST(PeriodKindTest, SeriesCarryTheirPeriodKindAndMissingWeeksAreNamedAsWeeks) {
  const Outcome weeks = Read(
      "indicator,organisation,period,value\n"
      "falls,RF4,2024-W01,1\nfalls,RF4,2024-W02,2\nfalls,RF4,2024-W05,3\n"
      "beds,RF4,2016/17 Q1,1\nbeds,RF4,2016/17 Q2,2\nbeds,RF4,2017/18 Q1,3\n");
  ASSERT_TRUE(weeks.status.ok()) << All(weeks);
  ASSERT_EQ(weeks.series.size(), 2u);
  EXPECT_EQ(weeks.series[0].indicator_id, "beds");
  EXPECT_EQ(weeks.series[0].period_kind, PeriodKind::kFinancialQuarter);
  EXPECT_EQ(weeks.series[1].period_kind, PeriodKind::kIsoWeek);
  // Weeks 3 and 4 are missing; quarters 2016/17 Q3 to 2016/17 Q4 (2 quarters).
  const std::string all = All(weeks);
  EXPECT_NE(all.find("indicator 'falls', organisation 'RF4': 2 weeks missing between 2024-W01 "
                     "and 2024-W05 (the first is 2024-W03)"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("indicator 'beds', organisation 'RF4': 2 quarters missing between 2016/17 "
                     "Q1 and 2017/18 Q1 (the first is 2016/17 Q3)"),
            std::string::npos)
      << all;
  const Outcome dates = Read("indicator,organisation,period,value\nfalls,RF4,2024-01-01,1\n");
  ASSERT_EQ(dates.series.size(), 1u);
  EXPECT_EQ(dates.series[0].period_kind, PeriodKind::kDate);
}

TEST(PeriodKindTest, ASeriesMixingWeeksAndDatesIsRefused) {
  const Outcome o =
      Read("indicator,organisation,period,value\nfalls,RF4,2024-W01,1\nfalls,RF4,2024-01-08,2\n");
  EXPECT_FALSE(o.status.ok());
  ASSERT_FALSE(o.messages.empty());
  EXPECT_EQ(o.messages[0].rfind("data.csv:3:3: error [mixed_period_kinds]: '2024-01-08' is a "
                                "date, but line 2 of indicator 'falls', organisation 'RF4' has "
                                "an ISO week",
                                0),
            0u)
      << All(o);
}

}  // namespace
}  // namespace kaizen::ingest
