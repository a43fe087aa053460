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

}  // namespace
}  // namespace kaizen::ingest
