#include "ingest/csv/encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kaizen::ingest {
namespace {

TEST(Utf8ValidatorTest, AcceptsValidTextFedInPieces) {
  const std::string text = "Hôpital – 😀 ok";
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    Utf8Validator v;
    EXPECT_TRUE(v.Feed(std::string_view(text).substr(0, cut)));
    EXPECT_TRUE(v.Feed(std::string_view(text).substr(cut)));
    EXPECT_TRUE(v.Finish()) << cut;
  }
}

TEST(Utf8ValidatorTest, RejectsWindows1252AndMalformedSequences) {
  for (const char* bad :
       {"H\xf4pital", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80", "abc\xe2\x82"}) {
    Utf8Validator v;
    v.Feed(bad);
    EXPECT_FALSE(v.Finish()) << bad;
  }
  Utf8Validator v;
  EXPECT_FALSE(v.Feed("12345678H\x96pital"));  // a continuation byte with no lead
  EXPECT_EQ(v.error_offset(), 9u);
}

TEST(Windows1252Test, DecodesToUtf8) {
  std::vector<char> out;
  AppendWindows1252AsUtf8(
      "H\xf4pital \x96 \x80"
      "5",
      &out);
  EXPECT_EQ(std::string(out.begin(), out.end()), "Hôpital – €5");
}

}  // namespace
}  // namespace kaizen::ingest
