#include "ingest/long_format.h"

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

using Strings = std::vector<std::string>;
using Doubles = std::vector<double>;

Indicator MakeIndicator(const std::string& id, ChartType chart,
                        Aggregation aggregation = Aggregation::kNone) {
  Indicator i;
  i.id = id;
  i.chart = chart;
  i.aggregation = aggregation;
  return i;
}

TEST(LongFormatTest, ValuesGroupedSortedAndDeliveredByIndicatorThenOrganisation) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "b,X,2022-02-01,5\n"
      "a,Y,2022-01-01,1\n"
      "a,X,2022-02-01,3\n"
      "a,X,2022-01-01,2\n"
      "b,X,2022-01-01,4\n");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 3u);
  EXPECT_EQ(o.series[0].indicator_id, "a");
  EXPECT_EQ(o.series[0].organisation, "X");
  EXPECT_EQ(Isos(o.series[0]), (Strings{"2022-01-01", "2022-02-01"}));
  EXPECT_EQ(o.series[0].values, (Doubles{2, 3}));
  EXPECT_EQ(o.series[1].organisation, "Y");
  EXPECT_EQ(o.series[2].indicator_id, "b");
  EXPECT_EQ(o.series[2].values, (Doubles{4, 5}));
  EXPECT_EQ(o.summary.rows_read, 5u);
  EXPECT_EQ(o.summary.series, 3u);
  EXPECT_TRUE(o.messages.empty());
}

TEST(LongFormatTest, NumeratorAndDenominatorColumnsMakeRatiosWithoutACatalogue) {
  const Outcome o = Read(
      "indicator,organisation,period,numerator,denominator\n"
      "ae,R1,2022-01,90,100\n"
      "ae,R1,2022-02,,120\n");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 1u);
  EXPECT_EQ(o.series[0].numerators[0], 90);
  EXPECT_EQ(o.series[0].denominators[0], 100);
  EXPECT_TRUE(std::isnan(o.series[0].numerators[1]));
  EXPECT_EQ(o.series[0].denominators[1], 120);
  EXPECT_TRUE(std::isnan(o.series[0].values[0]));
}

// Issue 7: a file holding value indicators beside ratio indicators (examples/nhs-ae) and what
// `kaizen aggregate` writes (a value with empty numerator and denominator) were read as ratios
// with every value missing. Without a catalogue each series' rows decide.
TEST(LongFormatTest, ValueRowsBesideEmptyRatioColumnsAreValues) {
  const Outcome o = Read(
      "indicator,organisation,period,value,numerator,denominator\n"
      "att,R1,2022-01-01,15994,,\n"
      "att,R1,2022-02-01,,,\n"
      "att,R1,2022-03-01,16200,,\n"
      "p4h,R1,2022-01-01,,90,100\n"
      "p4h,R1,2022-02-01,0.9,,\n"  // a value beside empty ratio columns in a ratio series
      "p4h,R1,2022-03-01,,95,100\n");
  ASSERT_FALSE(o.status.ok());
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:6:4: error [mixed_row_kinds]: this row of indicator 'p4h', organisation 'R1' "
            "has a value and "
            "no numerator or denominator, but line 5 of the same series has a numerator or a "
            "denominator (expected every row of a series to fill the same columns: values, or "
            "numerators and denominators)");
}

TEST(LongFormatTest, EachSeriesRowsDecideValuesOrRatios) {
  const Outcome o = Read(
      "indicator,organisation,period,value,numerator,denominator\n"
      "att,R1,2022-01-01,15994,,\n"
      "att,R1,2022-02-01,,,\n"
      "att,R1,2022-03-01,16200,,\n"
      "p4h,R1,2022-01-01,,90,100\n"
      "p4h,R1,2022-02-01,,,\n"
      "p4h,R1,2022-03-01,0.95,95,100\n");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 2u);
  const Series& att = o.series[0];
  EXPECT_EQ(att.indicator_id, "att");
  EXPECT_EQ(att.values[0], 15994);
  EXPECT_TRUE(std::isnan(att.values[1]));
  EXPECT_EQ(att.values[2], 16200);
  EXPECT_TRUE(std::isnan(att.numerators[0]) && std::isnan(att.denominators[2]));
  const Series& p4h = o.series[1];
  EXPECT_EQ(p4h.numerators[0], 90);
  EXPECT_EQ(p4h.denominators[2], 100);
  EXPECT_TRUE(std::isnan(p4h.values[2]));  // a ratio series plots 95/100, not the value column
}

TEST(LongFormatTest, TheCatalogueChartDecidesWhichColumnsARowUses) {
  Catalogue catalogue;
  catalogue.indicators = {MakeIndicator("ffp", ChartType::kP),
                          MakeIndicator("sick", ChartType::kXmr)};
  const Outcome o = Read(
      "indicator,organisation,period,value,numerator,denominator\n"
      "ffp,T,2022-01-01,,45,50\n"
      "sick,T,2022-01-01,4.1,,\n",
      {}, &catalogue);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 2u);
  EXPECT_EQ(o.series[0].numerators, (Doubles{45}));
  EXPECT_EQ(o.series[0].denominators, (Doubles{50}));
  EXPECT_EQ(o.series[1].values, (Doubles{4.1}));
}

TEST(LongFormatTest, SubgroupRowsAreSummarisedForXbarCharts) {
  Catalogue catalogue;
  catalogue.indicators = {MakeIndicator("los", ChartType::kXbar)};
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "los,W1,2022-01-03,2\n"
      "los,W1,2022-01-10,5\n"
      "los,W1,2022-01-03,4\n"
      "los,W1,2022-01-03,6\n",
      {}, &catalogue);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 1u);
  const Series& s = o.series[0];
  EXPECT_EQ(Isos(s), (Strings{"2022-01-03", "2022-01-10"}));
  // {2, 4, 6}: mean 4, sample sd sqrt(((−2)² + 0 + 2²) / 2) = 2, n 3. {5}: n 1, no sd.
  EXPECT_EQ(s.values, (Doubles{4, 5}));
  EXPECT_EQ(s.denominators, (Doubles{3, 1}));
  EXPECT_DOUBLE_EQ(s.subgroup_sds[0], 2.0);
  EXPECT_TRUE(std::isnan(s.subgroup_sds[1]));
}

TEST(LongFormatTest, TwoRowsForOnePeriodAreAnErrorNamingBothLines) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,2022-01-01,1\n"
      "a,X,2022-01-01,2\n");
  EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(o.series.empty());
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:3:3: error [duplicate_period]: a second row for period 2022-01-01 of "
            "indicator 'a', "
            "organisation 'X' (the first is on line 2; expected one row per period, or an "
            "aggregation for the indicator in the catalogue: sum, mean, min, max or last)");
}

TEST(LongFormatTest, LenientKeepsTheFirstOfTwoRowsForOnePeriod) {
  ReadOptions options;
  options.lenient = true;
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,2022-01-01,1\n"
      "a,X,2022-01-01,2\n",
      options);
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.series[0].values, (Doubles{1}));
  EXPECT_EQ(o.summary.rows_skipped, 1u);
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0].substr(0, 42), "data.csv:3:3: warning [duplicate_period]: ");
  EXPECT_NE(o.messages[0].find("; row skipped"), std::string::npos);
}

TEST(LongFormatTest, AggregationCombinesRowsOfOnePeriod) {
  const std::string rows =
      "indicator,organisation,period,value,numerator,denominator\n"
      "v,X,2022-01-01,3,,\n"
      "v,X,2022-01-01,,,\n"
      "v,X,2022-01-01,9,,\n"
      "v,X,2022-01-01,6,,\n"
      "r,X,2022-01-01,,1,10\n"
      "r,X,2022-01-01,,4,20\n"
      "r,X,2022-01-01,,1,2\n";
  struct Case {
    Aggregation aggregation;
    double value, numerator, denominator;
  };
  // Values 3, NA, 9, 6; ratios 1/10, 4/20, 1/2 (0.1, 0.2, 0.5).
  for (const Case& c : std::vector<Case>{{Aggregation::kSum, 18, 6, 32},
                                         {Aggregation::kMean, 6, 2, 32.0 / 3},
                                         {Aggregation::kMin, 3, 1, 10},
                                         {Aggregation::kMax, 9, 1, 2},
                                         {Aggregation::kLast, 6, 1, 2}}) {
    Catalogue catalogue;
    catalogue.indicators = {MakeIndicator("v", ChartType::kXmr, c.aggregation),
                            MakeIndicator("r", ChartType::kU, c.aggregation)};
    const Outcome o = Read(rows, {}, &catalogue);
    ASSERT_TRUE(o.status.ok()) << AggregationName(c.aggregation) << o.status.message();
    ASSERT_EQ(o.series.size(), 2u);
    EXPECT_EQ(o.series[1].values[0], c.value) << AggregationName(c.aggregation);
    EXPECT_EQ(o.series[0].numerators[0], c.numerator) << AggregationName(c.aggregation);
    EXPECT_DOUBLE_EQ(o.series[0].denominators[0], c.denominator) << AggregationName(c.aggregation);
  }
}

TEST(LongFormatTest, AMissingColumnNamesTheFileLineOneAndWhatWasFound) {
  const Outcome o = Read("indicator,org,month_start,value\na,X,2022-01-01,1\n");
  EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:1: error [missing_column]: no 'period' column (expected a column named "
            "'period'; found: "
            "'indicator', 'org', 'month_start', 'value')");
}

TEST(LongFormatTest, NoValueColumn) {
  const Outcome o = Read("indicator,organisation,period,numerator\na,X,2022-01-01,1\n");
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(
      o.messages[0],
      "data.csv:1: error [missing_column]: no 'value' column (expected a column named 'value', or "
      "'numerator' and 'denominator' columns; found: 'indicator', 'organisation', "
      "'period', 'numerator')");
}

TEST(LongFormatTest, AHeaderlessFileIsReportedAsSuch) {
  const Outcome o = Read("a,X,2022-01-01,1\na,X,2022-02-01,2\n");
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:1: error [not_a_header]: this line holds data, not column names (expected a "
            "header line "
            "naming the columns, such as 'indicator', 'organisation', 'period' and 'value'; "
            "found: 'a', 'X', '2022-01-01', '1')");
}

TEST(LongFormatTest, HeadersMatchIgnoringCaseAndCommonSpellings) {
  const Outcome o = Read(
      "  INDICATOR ,Organization,Date,Value,Notes\n"
      "a,X,2022-01-01,1,first month\n");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 1u);
  ASSERT_EQ(o.summary.comments.size(), 1u);
  EXPECT_EQ(o.summary.comments[0].text, "first month");
  EXPECT_EQ(o.summary.comments[0].period.ToIso(), "2022-01-01");
  EXPECT_EQ(o.summary.comments[0].organisation, "X");
}

TEST(LongFormatTest, CallerMappingAndFixedIndicatorAndOrganisation) {
  ReadOptions options;
  options.columns.period = "Month";
  options.columns.value = "Breaches";
  options.indicator = "ae_breaches";
  options.organisation = "RXX";
  const Outcome o = Read("Month,Breaches\n2022-01,10\n2022-02,12\n", options);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 1u);
  EXPECT_EQ(o.series[0].indicator_id, "ae_breaches");
  EXPECT_EQ(o.series[0].organisation, "RXX");
  EXPECT_EQ(o.series[0].values, (Doubles{10, 12}));
}

TEST(LongFormatTest, TheCatalogueMappingAppliesUnlessTheCallerSetsOne) {
  Catalogue catalogue;
  catalogue.columns.value = "Rate";
  catalogue.indicators = {MakeIndicator("a", ChartType::kXmr)};
  const std::string text = "indicator,organisation,period,Rate,Other\na,X,2022-01,7,8\n";
  Outcome o = Read(text, {}, &catalogue);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.series[0].values, (Doubles{7}));
  ReadOptions options;
  options.columns.value = "Other";
  o = Read(text, options, &catalogue);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.series[0].values, (Doubles{8}));
}

TEST(LongFormatTest, UnknownIndicatorNamesTheLineAndTheKnownIds) {
  Catalogue catalogue;
  for (const char* id : {"a1", "a2", "a3", "a4", "a5", "a6"})
    catalogue.indicators.push_back(MakeIndicator(id, ChartType::kXmr));
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a1,X,2022-01,1\n"
      "ae_4hr,X,2022-01,1\n"
      "ae_4hr,X,2022-02,1\n",
      {}, &catalogue);
  EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:3:1: error [unknown_indicator]: unknown indicator 'ae_4hr' (expected an "
            "indicator of the "
            "catalogue: a1, a2, a3, a4, a5, ...)");
}

TEST(LongFormatTest, ARatioIndicatorWithoutItsColumns) {
  Catalogue catalogue;
  catalogue.indicators = {MakeIndicator("ffp", ChartType::kP)};
  const Outcome o =
      Read("indicator,organisation,period,value\nffp,T,2022-01,0.9\n", {}, &catalogue);
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:1: error [chart_needs_columns]: indicator 'ffp' is a p chart: it needs "
            "'numerator' and "
            "'denominator' columns (found: 'indicator', 'organisation', 'period', 'value')");
}

TEST(LongFormatTest, BadNumberAndBadDateNameLineAndColumn) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,2022-01-01,12 beds\n"
      "a,X,2022-02-30,1\n"
      "a,X,,1\n");
  EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(o.messages.size(), 3u);
  EXPECT_EQ(o.messages[0],
            "data.csv:2:4: error [bad_number]: '12 beds' is not a number (expected a number in the "
            "'value' "
            "column; empty or NA for a missing value)");
  EXPECT_EQ(
      o.messages[1],
      "data.csv:3:3: error [bad_date]: '2022-02-30' is not a date (expected a date such as "
      "2022-03-01, 2022-03, 01/03/2022, 01-Mar-2022 or Mar 2022, a week such as 2024-W05, or a "
      "financial year or quarter such as 2016/17 or 2016/17 Q1)");
  EXPECT_EQ(o.messages[2],
            "data.csv:4:3: error [empty_period]: empty period (expected a date such as 2022-03-01, "
            "2022-03, "
            "01/03/2022, 01-Mar-2022 or Mar 2022, a week such as 2024-W05, or a financial year or "
            "quarter such as 2016/17 or 2016/17 Q1)");
}

TEST(LongFormatTest, LenientSkipsBadRowsAndCountsThem) {
  ReadOptions options;
  options.lenient = true;
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,2022-01-01,1\n"
      "a,X,2022-02-01,oops\n"
      "a,X,2022-03-01,3\n"
      "a,X,2022-04-01,4,extra\n",
      options);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(o.series[0].values, (Doubles{1, 3}));
  EXPECT_EQ(o.summary.rows_read, 4u);
  EXPECT_EQ(o.summary.rows_skipped, 2u);
  ASSERT_EQ(o.messages.size(), 2u);
  EXPECT_EQ(o.messages[0],
            "data.csv:3:4: warning [bad_number]: 'oops' is not a number (expected a number in the "
            "'value' "
            "column; empty or NA for a missing value); row skipped");
  EXPECT_EQ(o.messages[1],
            "data.csv:5:5: warning [field_count]: this row has 5 fields, the header (line 1) has 4 "
            "(expected "
            "one field per column; a delimiter inside an unquoted text?); row skipped");
}

TEST(LongFormatTest, TooFewFields) {
  const Outcome o = Read("indicator,organisation,period,value\na,X,2022-01-01\n");
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:2:3: error [field_count]: this row has 3 fields, the header (line 1) has 4 "
            "(expected "
            "one field per column)");
}

TEST(LongFormatTest, AThousandBadRowsStopAfterAHundredErrors) {
  std::string text = "indicator,organisation,period,value\n";
  for (int i = 0; i < 1000; ++i) text += "a,X,2022-01-01,x\n";
  const Outcome o = Read(text);
  ASSERT_EQ(o.messages.size(), 101u);
  EXPECT_EQ(o.messages.back(),
            "data.csv:101: error [too_many_errors]: too many errors (100); stopping here");
}

TEST(LongFormatTest, MissingMonthsAreAWarningPerSeries) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,2022-01,1\na,X,2022-02,1\na,X,2022-05,1\na,X,2022-07,1\n"
      "w,X,2022-01-03,1\nw,X,2022-01-10,1\nw,X,2022-01-24,1\n"
      "d,X,2022-01-03,1\nd,X,2022-01-04,1\nd,X,2022-01-09,1\n");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.messages.size(), 2u);
  EXPECT_EQ(o.messages[0],
            "data.csv: warning [missing_periods]: indicator 'a', organisation 'X': 3 months "
            "missing between "
            "2022-01 and 2022-07 (the first is 2022-03)");
  EXPECT_EQ(o.messages[1],
            "data.csv: warning [missing_periods]: indicator 'w', organisation 'X': 1 week missing "
            "between "
            "2022-01-03 and 2022-01-24 (the first is 2022-01-17)");
}

TEST(LongFormatTest, MonthEndDatesAreMonthlyToo) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,2022-01-31,1\na,X,2022-02-28,1\na,X,2022-03-31,1\na,X,2022-05-31,1\n");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_EQ(
      o.messages,
      (Strings{"data.csv: warning [missing_periods]: indicator 'a', organisation 'X': 1 month "
               "missing between 2022-01 and 2022-05 (the first is 2022-04)"}));
}

TEST(LongFormatTest, StreamingDeliversEachSeriesInFileOrder) {
  ReadOptions options;
  options.streaming = true;
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "b,X,2022-02-01,2\nb,X,2022-01-01,1\n"
      "a,X,2022-01-01,3\n",
      options);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 2u);
  EXPECT_EQ(o.series[0].indicator_id, "b");
  EXPECT_EQ(o.series[0].values, (Doubles{1, 2}));
  EXPECT_EQ(o.series[1].indicator_id, "a");
}

TEST(LongFormatTest, StreamingNeedsRowsGroupedBySeries) {
  ReadOptions options;
  options.streaming = true;
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,2022-01-01,1\nb,X,2022-01-01,2\na,X,2022-02-01,3\n",
      options);
  EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:4:1: error [rows_not_grouped]: the rows of indicator 'a', organisation 'X' "
            "are not together "
            "(the series ended on line 2); a file this large is streamed, which needs the rows "
            "grouped by indicator and organisation: sort it by those two columns (header row "
            "first), or split it into files under 64 MB");
  // Regression (issue 14): it offered "read it without streaming", an option that does not
  // exist.
  EXPECT_EQ(o.messages[0].find("without streaming"), std::string::npos);
}

TEST(LongFormatTest, TheCallbackCanStopTheRead) {
  Diagnostics diagnostics;
  int calls = 0;
  Result<ImportSummary> r =
      ReadCsvText("indicator,organisation,period,value\na,X,2022-01,1\nb,X,2022-01,1\n", "data.csv",
                  nullptr, {}, &diagnostics, [&](Series&&) {
                    ++calls;
                    return Status::FailedPrecondition("enough");
                  });
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(calls, 1);
}

TEST(LongFormatTest, SlashDatesUndecidedReadAsUkWithAWarning) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,01/02/2022,1\na,X,01/03/2022,2\n");
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(Isos(o.series[0]), (Strings{"2022-02-01", "2022-03-01"}));
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:2:3: warning [guessed_date_order]: every date such as '01/02/2022' fits both "
            "dd/mm/yyyy and "
            "m/d/yyyy; read as dd/mm/yyyy (UK): name the date format (--date-format) if they "
            "are m/d/yyyy");
}

TEST(LongFormatTest, OneUsOnlyDateDecidesTheWholeColumn) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,01/02/2022,1\na,X,1/13/2022,2\n");
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(Isos(o.series[0]), (Strings{"2022-01-02", "2022-01-13"}));
  EXPECT_TRUE(o.messages.empty());
}

TEST(LongFormatTest, NamedDateFormatWins) {
  ReadOptions options;
  options.date_format = DateFormat::kMonthDayYear;
  const Outcome o = Read("indicator,organisation,period,value\na,X,01/02/2022,1\n", options);
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(Isos(o.series[0]), (Strings{"2022-01-02"}));
  EXPECT_TRUE(o.messages.empty());
}

// Rows as the .xlsx reader delivers them: date serials, trailing empty cells left out.
TEST(LongFormatTest, SpreadsheetRowsThroughTheRowSink) {
  Diagnostics diagnostics;
  std::vector<Series> got;
  const ReadOptions options;
  const SeriesCallback collect = [&](Series&& s) {
    got.push_back(std::move(s));
    return Status::Ok();
  };
  LongFormatMapper mapper("book.xlsx", nullptr, options, &diagnostics, collect);
  mapper.SetSpreadsheetRows();
  RowSink& sink = mapper;
  const std::vector<std::string_view> header = {"indicator", "organisation", "period", "value",
                                                "comment"};
  const std::vector<std::string_view> row1 = {"a", "X", "44621", "5"};
  const std::vector<std::string_view> row2 = {"a", "X", "2022-04-01", "6", "after the move"};
  ASSERT_TRUE(sink.OnRow(1, header).ok());
  ASSERT_TRUE(sink.OnRow(2, row1).ok());
  ASSERT_TRUE(sink.OnRow(3, row2).ok());
  Result<ImportSummary> r = mapper.Finish(Status::Ok());
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(Isos(got[0]), (Strings{"2022-03-01", "2022-04-01"}));
  EXPECT_EQ(r->comments.size(), 1u);
  EXPECT_TRUE(diagnostics.all().empty());
}

// ---- Issue 14: hostile and odd input. Each test is named after the input it refuses. ----

TEST(LongFormatTest, IndicatorOptionWithAnIndicatorLikeColumnOfTwoIndicatorsIsRefused) {
  ReadOptions options;
  options.indicator = "falls";
  const Outcome o = Read(
      "indicator_name,organisation,period,value\n"
      "falls,RF4,2024-01-01,12\n"
      "falls,RF4,2024-02-01,11\n"
      "pressure_ulcers,RF4,2024-01-01,3\n",
      options);
  EXPECT_FALSE(o.status.ok());
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0].rfind("data.csv:4:1: error [unread_indicator_column]: column "
                                "'indicator_name' looks like the indicator column",
                                0),
            0u)
      << o.messages[0];
}

TEST(LongFormatTest, IndicatorOptionWithAnIndicatorLikeColumnOfOneIndicatorIsRead) {
  ReadOptions options;
  options.indicator = "falls";
  const Outcome o = Read(
      "indicator_name,organisation,period,value\n"
      "Inpatient falls,RF4,2024-01-01,12\n"
      "Inpatient falls,RF4,2024-02-01,11\n",
      options);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 1u);
  EXPECT_EQ(o.series[0].indicator_id, "falls");
}

TEST(LongFormatTest, TwoColumnsOfTheSameNameAreRefusedNamingBoth) {
  const Outcome o = Read(
      "indicator,organisation,period,Value,value\n"
      "a,X,2022-01-01,1,2\n");
  EXPECT_FALSE(o.status.ok());
  EXPECT_EQ(o.messages, (Strings{"data.csv:1:5: error [duplicate_column]: two columns are named "
                                 "'Value': column 4 and column 5 (expected each column name "
                                 "once: rename or remove one)"}));
}

TEST(LongFormatTest, TwoPeriodColumnsAreRefused) {
  const Outcome o = Read(
      "period,indicator,organisation,period,value\n"
      "2022-01-01,a,X,2022-02-01,1\n");
  EXPECT_FALSE(o.status.ok());
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_NE(o.messages[0].find("[duplicate_column]: two columns are named 'period': column 1 and "
                               "column 4"),
            std::string::npos)
      << o.messages[0];
}

TEST(LongFormatTest, CChartCountOfTwoAndAHalfIsRefusedWithItsLine) {
  Catalogue catalogue;
  catalogue.indicators = {MakeIndicator("inf", ChartType::kC)};
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "inf,X,2022-01-01,3\n"
      "inf,X,2022-02-01,2.5\n",
      {}, &catalogue);
  EXPECT_FALSE(o.status.ok());
  EXPECT_EQ(o.messages, (Strings{"data.csv:3:4: error [non_integer_count]: count 2.5 is not a "
                                 "whole number (expected a count of events on a c chart)"}));
}

// Each p chart row the SPC engine would have turned into a missing point, with only a series
// warning, is now the importer's located diagnostic (and under --lenient a skipped row).
TEST(LongFormatTest, PChartZeroDenominatorNegativeCountAndNumeratorAboveDenominatorAreLocated) {
  const std::string text =
      "indicator,organisation,period,numerator,denominator\n"
      "p,X,2022-01-01,3,10\n"
      "p,X,2022-02-01,0,0\n"
      "p,X,2022-03-01,-1,10\n"
      "p,X,2022-04-01,12,10\n"
      "p,X,2022-05-01,5,10\n";
  const Outcome o = Read(text);  // without a catalogue, numerators and denominators: a p chart
  EXPECT_FALSE(o.status.ok());
  EXPECT_EQ(o.messages,
            (Strings{"data.csv:3:5: error [zero_denominator]: denominator 0 (expected a "
                     "denominator greater than 0 on a p chart)",
                     "data.csv:4:4: error [negative_count]: numerator -1 is negative (expected a "
                     "count of 0 or more on a p chart)",
                     "data.csv:5:4: error [numerator_above_denominator]: numerator 12 is above "
                     "denominator 10 (expected at most as many events as opportunities on a p "
                     "chart)"}));
  ReadOptions lenient;
  lenient.lenient = true;
  const Outcome l = Read(text, lenient);
  ASSERT_TRUE(l.status.ok());
  EXPECT_EQ(l.summary.rows_skipped, 3u);
  ASSERT_EQ(l.series.size(), 1u);
  EXPECT_EQ(Isos(l.series[0]), (Strings{"2022-01-01", "2022-05-01"}));
}

TEST(LongFormatTest, UChartNumeratorAboveDenominatorIsARate) {
  ReadOptions options;
  options.chart = ChartType::kU;
  const Outcome o = Read(
      "indicator,organisation,period,numerator,denominator\n"
      "u,X,2022-01-01,12,10\n",
      options);
  EXPECT_TRUE(o.status.ok()) << (o.messages.empty() ? "" : o.messages[0]);
}

TEST(LongFormatTest, ValueTimesMultiplierBeyondADoubleIsRefusedWithItsLine) {
  Catalogue catalogue;
  Indicator huge = MakeIndicator("huge", ChartType::kXmr);
  huge.multiplier = 1e308;
  catalogue.indicators = {huge};
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "huge,X,2022-01-01,1\n"
      "huge,X,2022-02-01,10\n",
      {}, &catalogue);
  EXPECT_FALSE(o.status.ok());
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0].rfind("data.csv:3:4: error [value_overflow]: value 10 times the "
                                "multiplier 1e+308 is beyond",
                                0),
            0u)
      << o.messages[0];
}

TEST(LongFormatTest, NumberBeyondADoubleIsAnOverflowNotANonNumber) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,2022-01-01,1e308\n"
      "a,X,2022-02-01,-1e309\n");
  EXPECT_FALSE(o.status.ok());
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0].rfind("data.csv:3:4: error [value_overflow]: '-1e309' is beyond", 0), 0u)
      << o.messages[0];
}

TEST(LongFormatTest, TwoDigitYearIsRefusedWithItsLine) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,Oct-69,1\n"
      "a,X,Jan-70,2\n");
  EXPECT_FALSE(o.status.ok());
  ASSERT_EQ(o.messages.size(), 2u);
  EXPECT_EQ(o.messages[0].rfind("data.csv:2:3: error [two_digit_year]: 'Oct-69' has a two-digit "
                                "year",
                                0),
            0u)
      << o.messages[0];
}

TEST(LongFormatTest, QuoteInsideAnUnquotedFieldIsNotPartOfANewOrganisation) {
  const Outcome o = Read(
      "indicator,organisation,period,value\n"
      "a,X,2022-01-01,1\n"
      "a,St Mary\"s,2022-01-01,2\n");
  EXPECT_FALSE(o.status.ok());
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0].rfind("data.csv:3:2: error [stray_quote]: a quote inside an unquoted "
                                "field",
                                0),
            0u)
      << o.messages[0];
}

}  // namespace
}  // namespace kaizen::ingest

namespace kaizen::ingest {
namespace {

// Issue 14: one long series is held as its columns. The whole-store path (one series, rows in
// period order) and the sorting path (rows out of order) must give the same series, with every
// column filled and the comments kept with their periods.
TEST(LongFormatTest, OneSeriesInOrderAndOutOfOrderGiveTheSameColumns) {
  const std::string header = "indicator,organisation,period,value,comment\n";
  const Outcome in_order = Read(header +
                                "x,A,2022-01-01,1,\n"
                                "x,A,2022-02-01,2,strike\n"
                                "x,A,2022-03-01,3,\n");
  const Outcome shuffled = Read(header +
                                "x,A,2022-03-01,3,\n"
                                "x,A,2022-01-01,1,\n"
                                "x,A,2022-02-01,2,strike\n");
  for (const Outcome* o : {&in_order, &shuffled}) {
    ASSERT_TRUE(o->status.ok()) << o->status.message();
    ASSERT_EQ(o->series.size(), 1u);
    const Series& s = o->series[0];
    EXPECT_EQ(Isos(s), (Strings{"2022-01-01", "2022-02-01", "2022-03-01"}));
    EXPECT_EQ(s.values, (Doubles{1, 2, 3}));
    ASSERT_EQ(s.numerators.size(), 3u);
    ASSERT_EQ(s.denominators.size(), 3u);
    ASSERT_EQ(s.subgroup_sds.size(), 3u);
    EXPECT_TRUE(std::isnan(s.numerators[1]) && std::isnan(s.denominators[1]) &&
                std::isnan(s.subgroup_sds[1]));
    ASSERT_EQ(o->summary.comments.size(), 1u);
    EXPECT_EQ(o->summary.comments[0].period.ToIso(), "2022-02-01");
    EXPECT_EQ(o->summary.comments[0].text, "strike");
  }
}

TEST(LongFormatTest, OneRatioSeriesTakesItsNumeratorsAndDenominatorsWhole) {
  const Outcome o = Read(
      "indicator,organisation,period,value,numerator,denominator\n"
      "p,A,2022-01-01,,9,10\n"
      "p,A,2022-02-01,,8,10\n");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 1u);
  EXPECT_EQ(o.series[0].numerators, (Doubles{9, 8}));
  EXPECT_EQ(o.series[0].denominators, (Doubles{10, 10}));
  ASSERT_EQ(o.series[0].values.size(), 2u);
  EXPECT_TRUE(std::isnan(o.series[0].values[0]));
}

}  // namespace
}  // namespace kaizen::ingest
