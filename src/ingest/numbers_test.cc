#include "ingest/numbers.h"

#include <gtest/gtest.h>

namespace kaizen::ingest {
namespace {

TEST(ParseNumberTest, PlainDecimalsWithSpaces) {
  double v = 0;
  ASSERT_EQ(ParseNumber("12", &v), NumberParse::kOk);
  EXPECT_EQ(v, 12.0);
  ASSERT_EQ(ParseNumber("  -0.25 ", &v), NumberParse::kOk);
  EXPECT_EQ(v, -0.25);
  ASSERT_EQ(ParseNumber("+3.5", &v), NumberParse::kOk);
  EXPECT_EQ(v, 3.5);
  ASSERT_EQ(ParseNumber("1.5e3", &v), NumberParse::kOk);
  EXPECT_EQ(v, 1500.0);
  ASSERT_EQ(ParseNumber(".5", &v), NumberParse::kOk);
  EXPECT_EQ(v, 0.5);
}

TEST(ParseNumberTest, MissingSpellings) {
  double v = 7;
  for (const char* text : {"", "   ", "NA", "N/A", "n/a", "NULL", "null", "*"}) {
    EXPECT_EQ(ParseNumber(text, &v), NumberParse::kMissing) << text;
  }
  EXPECT_EQ(v, 7.0);
}

TEST(ParseNumberTest, RejectsWhatWouldBeMisread) {
  double v = 7;
  for (const char* text :
       {"abc", "1,234", "95%", "12 beds", "inf", "nan", "1.2.3", "+", "+-1", "0x10", "£5"}) {
    EXPECT_EQ(ParseNumber(text, &v), NumberParse::kBad) << text;
  }
  EXPECT_EQ(v, 7.0);
}

// ReadNumberCell: the forms spreadsheets write (docs/cli.md, "Numbers as spreadsheets write them").
// The expected values are the numbers the cells show, read by hand.
TEST(ReadNumberCellTest, ThousandsSeparatorsInValidGroupsOnly) {
  const NumberStyle point;
  double v = 0;
  ASSERT_EQ(ReadNumberCell("18,788", point, &v), CellNumber::kOk);
  EXPECT_EQ(v, 18788.0);
  ASSERT_EQ(ReadNumberCell("-1,234,567.25", point, &v), CellNumber::kOk);
  EXPECT_EQ(v, -1234567.25);
  ASSERT_EQ(ReadNumberCell(" +1,000 ", point, &v), CellNumber::kOk);
  EXPECT_EQ(v, 1000.0);
  v = 7;
  for (const char* text : {"1,23", "1,2345", ",123", "1234,567", "1,,234", "1,234,56", "12,5",
                           "1.234,5", "1,23,456"}) {
    EXPECT_NE(ReadNumberCell(text, point, &v), CellNumber::kOk) << text;
  }
  EXPECT_EQ(ReadNumberCell("1,23", point, &v), CellNumber::kBadGrouping);
  EXPECT_EQ(v, 7.0);
}

TEST(ReadNumberCellTest, DeclaredDecimalComma) {
  const NumberStyle comma{.decimal_comma = true};
  double v = 0;
  ASSERT_EQ(ReadNumberCell("12,5", comma, &v), CellNumber::kOk);
  EXPECT_EQ(v, 12.5);
  ASSERT_EQ(ReadNumberCell("1.234,75", comma, &v), CellNumber::kOk);
  EXPECT_EQ(v, 1234.75);
  ASSERT_EQ(ReadNumberCell("1.234.567", comma, &v), CellNumber::kOk);
  EXPECT_EQ(v, 1234567.0);
  ASSERT_EQ(ReadNumberCell("-0,25", comma, &v), CellNumber::kOk);
  EXPECT_EQ(v, -0.25);
  ASSERT_EQ(ReadNumberCell("42", comma, &v), CellNumber::kOk);
  EXPECT_EQ(v, 42.0);
  // A decimal point where a comma was declared is a misplaced group, not 12.5.
  EXPECT_EQ(ReadNumberCell("12.5", comma, &v), CellNumber::kBadGrouping);
  EXPECT_EQ(ReadNumberCell("1,2,3", comma, &v), CellNumber::kBadGrouping);
}

TEST(ReadNumberCellTest, PercentOnlyWhereTheUnitIsPercent) {
  const NumberStyle plain;
  const NumberStyle percent{.percent_unit = true};
  double v = 7;
  EXPECT_EQ(ReadNumberCell("78.3%", plain, &v), CellNumber::kPercent);
  EXPECT_EQ(v, 7.0);
  ASSERT_EQ(ReadNumberCell("78.3%", percent, &v), CellNumber::kOk);
  EXPECT_EQ(v, 78.3);  // the number shown, never 0.783
  ASSERT_EQ(ReadNumberCell(" 95 % ", percent, &v), CellNumber::kOk);
  EXPECT_EQ(v, 95.0);
  ASSERT_EQ(ReadNumberCell("1,234.5%", percent, &v), CellNumber::kOk);
  EXPECT_EQ(v, 1234.5);
  ASSERT_EQ(ReadNumberCell("78,3%", NumberStyle{true, true}, &v), CellNumber::kOk);
  EXPECT_EQ(v, 78.3);
  ASSERT_EQ(ReadNumberCell("78.3", percent, &v), CellNumber::kOk);
  EXPECT_EQ(v, 78.3);
  for (const char* text : {"%", "NA%", "abc%", "95%%"}) {
    EXPECT_EQ(ReadNumberCell(text, percent, &v), CellNumber::kBad) << text;
  }
}

TEST(ReadNumberCellTest, ExcelErrorsAreMissingNotNumbers) {
  double v = 7;
  for (const char* text :
       {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", " #N/A "}) {
    EXPECT_EQ(ReadNumberCell(text, NumberStyle{}, &v), CellNumber::kExcelError) << text;
    EXPECT_TRUE(IsExcelError(text)) << text;
  }
  EXPECT_EQ(v, 7.0);
  EXPECT_FALSE(IsExcelError("#n/a"));  // Excel writes them in capitals; anything else is text
  EXPECT_EQ(ReadNumberCell("#WHAT", NumberStyle{}, &v), CellNumber::kBad);
  // The plain spellings of missing keep their meaning.
  EXPECT_EQ(ReadNumberCell("NA", NumberStyle{}, &v), CellNumber::kMissing);
  EXPECT_EQ(ReadNumberCell("", NumberStyle{}, &v), CellNumber::kMissing);
  EXPECT_EQ(ReadNumberCell("1e309", NumberStyle{}, &v), CellNumber::kTooLarge);
}

}  // namespace
}  // namespace kaizen::ingest
