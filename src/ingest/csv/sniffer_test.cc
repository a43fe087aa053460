#include "ingest/csv/sniffer.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace kaizen::ingest {
namespace {

TEST(SniffDelimiterTest, PicksTheConsistentSplit) {
  EXPECT_EQ(SniffDelimiter("a,b,c\n1,2,3\n", true), ',');
  EXPECT_EQ(SniffDelimiter("a;b;c\n1;2,5;3\n", true), ';');
  EXPECT_EQ(SniffDelimiter("a\tb\n1\t2\n", true), '\t');
  // Commas inside quotes do not count.
  EXPECT_EQ(SniffDelimiter("name;note\nx;\"a, b, c\"\n", true), ';');
  // One column: nothing splits it, so the default.
  EXPECT_EQ(SniffDelimiter("value\n1\n2\n", true), ',');
}

TEST(SniffDelimiterTest, AnIncompleteLastLineOfTheSampleIsIgnored) {
  EXPECT_EQ(SniffDelimiter("a;b\n1;2\n3;4\n5", false), ';');
}

TEST(LooksLikeHeaderTest, NamesVersusData) {
  const std::vector<std::string_view> names = {"indicator", "org", "period", "value"};
  const std::vector<std::string_view> data = {"ae_4h", "RXX", "2022-03-01", "95.2"};
  const std::vector<std::string_view> blank = {"", " "};
  EXPECT_TRUE(LooksLikeHeader(names));
  EXPECT_FALSE(LooksLikeHeader(data));
  EXPECT_FALSE(LooksLikeHeader(blank));
}

}  // namespace
}  // namespace kaizen::ingest
