#include "ingest/csv/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kaizen::ingest {
namespace {

using Outcome = CsvTokenizer::Outcome;

struct Parsed {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  Outcome last = Outcome::kEnd;
  int error_line = 0, error_column = 0;
  std::string error;
};

// Tokenizes all of `text` in one buffer.
Parsed Tokenize(std::string text, char delimiter = ',', std::size_t cap = kDefaultMaxRowBytes) {
  CsvTokenizer tokenizer(delimiter, cap);
  Parsed out;
  std::size_t pos = 0;
  for (;;) {
    const Outcome o = tokenizer.Next(text.data(), text.size(), &pos, true);
    out.last = o;
    if (o == Outcome::kRow) {
      out.rows.emplace_back(tokenizer.fields().begin(), tokenizer.fields().end());
      out.lines.push_back(tokenizer.row_line());
      continue;
    }
    if (o == Outcome::kBadRow) {
      out.error_line = tokenizer.row_line();
      out.error_column = tokenizer.error_column();
      out.error = tokenizer.error_message();
      continue;
    }
    if (o == Outcome::kFatal) {
      out.error_line = tokenizer.row_line();
      out.error_column = tokenizer.error_column();
      out.error = tokenizer.error_message();
    }
    return out;
  }
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvTokenizerTest, PlainRowsLfAndCrlf) {
  const Parsed p = Tokenize("a,b,c\r\n1,2,3\n4,,6");
  EXPECT_EQ(p.last, Outcome::kEnd);
  EXPECT_EQ(p.rows, (Rows{{"a", "b", "c"}, {"1", "2", "3"}, {"4", "", "6"}}));
  EXPECT_EQ(p.lines, (std::vector<int>{1, 2, 3}));
}

TEST(CsvTokenizerTest, QuotedFieldsWithDelimitersQuotesAndLineBreaks) {
  const Parsed p = Tokenize("x,\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"\",z\nlast,1,2\n");
  EXPECT_EQ(p.rows,
            (Rows{{"x", "a, b", "say \"hi\""}, {"two\nlines", "", "z"}, {"last", "1", "2"}}));
  // The quoted line break makes the third row start on line 4.
  EXPECT_EQ(p.lines, (std::vector<int>{1, 2, 4}));
}

TEST(CsvTokenizerTest, TrailingDelimiterGivesAnEmptyField) {
  EXPECT_EQ(Tokenize("a,b,\n").rows, (Rows{{"a", "b", ""}}));
  EXPECT_EQ(Tokenize("a,b,").rows, (Rows{{"a", "b", ""}}));
}

TEST(CsvTokenizerTest, LoneCarriageReturnEndsARow) {
  const Parsed p = Tokenize("a;b\r1;2\r", ';');
  EXPECT_EQ(p.rows, (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(p.lines, (std::vector<int>{1, 2}));
}

// Issue 14: a quote inside an unquoted field was kept as text, so `St Mary"s` became a new
// organisation's name; RFC 4180 allows quotes only around a whole field.
TEST(CsvTokenizerTest, QuoteInsideAnUnquotedFieldIsABadRow) {
  const Parsed p = Tokenize("a,b\n5'10\",x\n4,5\n");
  EXPECT_EQ(p.rows, (Rows{{"a", "b"}, {"4", "5"}}));
  EXPECT_EQ(p.error_line, 2);
  EXPECT_EQ(p.error_column, 1);
  EXPECT_EQ(p.error.rfind("a quote inside an unquoted field", 0), 0u) << p.error;
}

TEST(CsvTokenizerTest, TextAfterClosingQuoteIsABadRowThenReadingGoesOn) {
  const Parsed p = Tokenize("a,b\n1,\"2\"x,3\n4,5\n");
  EXPECT_EQ(p.rows, (Rows{{"a", "b"}, {"4", "5"}}));
  EXPECT_EQ(p.error_line, 2);
  EXPECT_EQ(p.error_column, 2);
  EXPECT_EQ(p.error, "text after a closing quote (expected the delimiter or the end of the line)");
}

TEST(CsvTokenizerTest, UnclosedQuoteAtTheEndIsFatal) {
  const Parsed p = Tokenize("a,b\n1,\"never closed\n2,3\n");
  EXPECT_EQ(p.last, Outcome::kFatal);
  EXPECT_EQ(p.error_line, 2);
  EXPECT_EQ(p.error_column, 2);
  EXPECT_EQ(p.error, "a quoted field that is never closed (expected a closing '\"')");
}

TEST(CsvTokenizerTest, RowOverTheCapIsFatal) {
  const Parsed p = Tokenize("a,b\n" + std::string(5000, 'x') + ",1\n", ',', 2048);
  EXPECT_EQ(p.last, Outcome::kFatal);
  EXPECT_EQ(p.error_line, 2);
  EXPECT_EQ(p.error,
            "a row longer than 2 KiB (a file without line breaks, or a quote that is "
            "never closed?)");
}

// Feeding the text in pieces must give the same rows: a row cut by the end of a block is
// resumed, untouched, once more text arrives.
TEST(CsvTokenizerTest, IncompleteRowsAskForMoreWithoutChangingTheBuffer) {
  const std::string text = "h1,h2\n\"a \"\"q\"\"\nb\",2\r\nc,3\r\n";
  for (std::size_t cut = 1; cut < text.size(); ++cut) {
    CsvTokenizer tokenizer(',');
    std::string buffer = text.substr(0, cut);
    std::size_t pos = 0;
    Rows rows;
    bool more_given = false;
    for (;;) {
      const Outcome o = tokenizer.Next(buffer.data(), buffer.size(), &pos, more_given);
      if (o == Outcome::kRow) {
        rows.emplace_back(tokenizer.fields().begin(), tokenizer.fields().end());
      } else if (o == Outcome::kNeedMore) {
        ASSERT_FALSE(more_given);
        buffer = buffer.substr(pos) + text.substr(cut);
        pos = 0;
        more_given = true;
      } else {
        ASSERT_EQ(o, Outcome::kEnd) << "cut " << cut;
        break;
      }
    }
    EXPECT_EQ(rows, (Rows{{"h1", "h2"}, {"a \"q\"\nb", "2"}, {"c", "3"}})) << "cut " << cut;
  }
}

}  // namespace
}  // namespace kaizen::ingest
