#include "ingest/expression.h"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <string_view>

#include "kaizen/diagnostics.h"

namespace kaizen::ingest {
namespace {

// The columns every test row has, in this order.
constexpr std::array<std::string_view, 5> kHeader = {"type", "attendances", "breaches", "bed days",
                                                     "site"};

int FindInHeader(std::string_view name) {
  for (std::size_t i = 0; i < kHeader.size(); ++i) {
    if (kHeader[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Expression Bound(std::string_view text, ExpressionKind kind) {
  ExpressionError error;
  std::optional<Expression> e = Expression::Parse(text, kind, &error);
  EXPECT_TRUE(e.has_value()) << text << ": " << error.offset << ": " << error.message;
  if (!e) return *Expression::Parse("0", ExpressionKind::kMeasure, &error);
  std::string missing;
  EXPECT_TRUE(e->Bind(FindInHeader, &missing)) << missing;
  return *e;
}

double Value(std::string_view text, std::array<std::string_view, 5> row) {
  double v = -12345;
  EvalError error;
  EXPECT_TRUE(Bound(text, ExpressionKind::kMeasure).Evaluate(row, &v, &error))
      << text << ": " << error.message;
  return v;
}

bool Holds(std::string_view text, std::array<std::string_view, 5> row) {
  bool b = false;
  EvalError error;
  EXPECT_TRUE(Bound(text, ExpressionKind::kCondition).Test(row, &b, &error))
      << text << ": " << error.message;
  return b;
}

ExpressionError ParseError(std::string_view text, ExpressionKind kind) {
  ExpressionError error;
  EXPECT_FALSE(Expression::Parse(text, kind, &error).has_value()) << text;
  return error;
}

constexpr std::array<std::string_view, 5> kRow = {"1", "400", " 40 ", "1200", "A"};

// Hand-worked: attendances 400, breaches 40, bed days 1200.
TEST(ExpressionTest, PrecedenceAndAssociativity) {
  EXPECT_DOUBLE_EQ(Value("attendances - breaches", kRow), 360);
  EXPECT_DOUBLE_EQ(Value("1 - breaches / attendances", kRow), 0.9);  // / before -
  EXPECT_DOUBLE_EQ(Value("100 * (attendances - breaches) / attendances", kRow), 90);
  EXPECT_DOUBLE_EQ(Value("2 + 3 * 4", kRow), 14);
  EXPECT_DOUBLE_EQ(Value("(2 + 3) * 4", kRow), 20);
  EXPECT_DOUBLE_EQ(Value("8 - 2 - 1", kRow), 5);  // (8 - 2) - 1, not 8 - (2 - 1)
  EXPECT_DOUBLE_EQ(Value("8 / 2 / 2", kRow), 2);  // (8 / 2) / 2
  EXPECT_DOUBLE_EQ(Value("-2 * 3", kRow), -6);
  EXPECT_DOUBLE_EQ(Value("2 - -3", kRow), 5);
  EXPECT_DOUBLE_EQ(Value("--4", kRow), 4);
  EXPECT_DOUBLE_EQ(Value("1.5e2 + .5", kRow), 150.5);
}

TEST(ExpressionTest, QuotedColumnNamesAndUnicodeSigns) {
  EXPECT_DOUBLE_EQ(Value("`bed days` / 1000", kRow), 1.2);
  EXPECT_DOUBLE_EQ(Value("\"bed days\" / 1000", kRow), 1.2);
  EXPECT_DOUBLE_EQ(Value("attendances \xE2\x88\x92 breaches", kRow), 360);  // −
  EXPECT_DOUBLE_EQ(Value("2 \xC3\x97 3 \xC3\xB7 4", kRow), 1.5);            // × ÷
}

TEST(ExpressionTest, SingleColumnIsReportedForPlainColumnRules) {
  EXPECT_EQ(Bound("breaches", ExpressionKind::kMeasure).SingleColumn(), 2);
  EXPECT_EQ(Bound("`bed days`", ExpressionKind::kMeasure).SingleColumn(), 3);
  EXPECT_EQ(Bound("breaches * 1", ExpressionKind::kMeasure).SingleColumn(), -1);
}

TEST(ExpressionTest, Conditions) {
  EXPECT_TRUE(Holds("type == '1'", kRow));
  EXPECT_FALSE(Holds("type != '1'", kRow));
  EXPECT_TRUE(Holds("type = 1", kRow));  // a number comparison: the cell is read as a number
  EXPECT_TRUE(Holds("breaches < 41 and attendances >= 400", kRow));
  EXPECT_FALSE(Holds("breaches > 40 or attendances < 400", kRow));
  EXPECT_TRUE(Holds("breaches <= 40", kRow));
  EXPECT_TRUE(Holds("not breaches > 40", kRow));
  EXPECT_TRUE(Holds("site in ('B', 'A')", kRow));
  EXPECT_FALSE(Holds("site not in ('B', 'A')", kRow));
  EXPECT_TRUE(Holds("type in (1, 2)", kRow));
  EXPECT_TRUE(Holds("breaches / attendances < 0.11", kRow));
  // and binds tighter than or: false and false or true is (false and false) or true.
  EXPECT_TRUE(Holds("site == 'B' and type == '2' or type == '1'", kRow));
  EXPECT_FALSE(Holds("site == 'B' and (type == '2' or type == '1')", kRow));
  EXPECT_TRUE(Holds("site < 'B'", kRow));  // text order
  EXPECT_TRUE(Holds("type == true", kRow));
  EXPECT_TRUE(Holds("site == 'O''Brien'", {"1", "400", "40", "1200", "O'Brien"}));
}

TEST(ExpressionTest, TextComparisonDoesNotNeedANumber) {
  // A text comparison reads the trimmed text; an empty cell is just "".
  EXPECT_FALSE(Holds("site == 'A'", {"1", "400", "40", "1200", ""}));
  EXPECT_TRUE(Holds("site == ''", {"1", "400", "40", "1200", "  "}));
}

TEST(ExpressionTest, ShortCircuitSkipsTheUnreadSide) {
  // breaches is empty, but the left side already decides.
  EXPECT_FALSE(Holds("type == '2' and breaches > 3", {"1", "400", "", "1200", "A"}));
  EXPECT_TRUE(Holds("type == '1' or breaches > 3", {"1", "400", "", "1200", "A"}));
}

TEST(ExpressionTest, ParseErrorsSayWhere) {
  using K = ExpressionKind;
  EXPECT_EQ(ParseError("attendances -", K::kMeasure).offset, 13);
  EXPECT_EQ(ParseError("(attendances - breaches", K::kMeasure).offset, 23);
  EXPECT_EQ(ParseError("attendances breaches", K::kMeasure).offset, 12);
  EXPECT_EQ(ParseError("2 * $x", K::kMeasure).offset, 4);
  EXPECT_EQ(ParseError("`bed days / 1000", K::kMeasure).offset, 0);
  EXPECT_EQ(ParseError("type == '1", K::kCondition).offset, 8);
  EXPECT_EQ(ParseError("attendances + 'x'", K::kMeasure).offset, 14);
  EXPECT_EQ(ParseError("breaches + 1 == 'x'", K::kCondition).offset, 0);
  EXPECT_EQ(ParseError("type == '1' + 2", K::kCondition).offset, 8);
  EXPECT_EQ(ParseError("type in '1'", K::kCondition).offset, 8);
  EXPECT_EQ(ParseError("breaches and type", K::kCondition).offset, 0);
  EXPECT_EQ(ParseError("12abc", K::kMeasure).offset, 0);
  // The wrong kind for its place.
  EXPECT_NE(ParseError("type == '1'", K::kMeasure).message.find("condition"), std::string::npos);
  EXPECT_NE(ParseError("attendances", K::kCondition).message.find("not a condition"),
            std::string::npos);
  EXPECT_EQ(ParseError("", K::kMeasure).offset, 0);
  EXPECT_EQ(ParseError(std::string(200, '('), K::kMeasure).message,
            "the expression is nested too deeply");
  std::string chain = "1";
  for (int i = 0; i < 2000; ++i) chain += " + 1";
  EXPECT_NE(ParseError(chain, K::kMeasure).message.find("too long"), std::string::npos);
}

TEST(ExpressionTest, BindNamesTheMissingColumn) {
  ExpressionError error;
  std::optional<Expression> e =
      Expression::Parse("attendances - `ambulance breaches`", ExpressionKind::kMeasure, &error);
  ASSERT_TRUE(e.has_value());
  ASSERT_EQ(e->columns().size(), 2u);
  std::string missing;
  EXPECT_FALSE(e->Bind(FindInHeader, &missing));
  EXPECT_EQ(missing, "ambulance breaches");
}

EvalError EvaluationError(std::string_view text, std::array<std::string_view, 5> row) {
  double v = 0;
  EvalError error;
  EXPECT_FALSE(Bound(text, ExpressionKind::kMeasure).Evaluate(row, &v, &error)) << text;
  return error;
}

TEST(ExpressionTest, EvaluationErrorsNameCodeAndCell) {
  EvalError e = EvaluationError("attendances - breaches", {"1", "400", "", "1200", "A"});
  EXPECT_EQ(e.code, diag::kMissingOperand);
  EXPECT_EQ(e.column, 2);
  e = EvaluationError("attendances - breaches", {"1", "400", "NA", "1200", "A"});
  EXPECT_EQ(e.code, diag::kMissingOperand);
  e = EvaluationError("attendances - breaches", {"1", "4OO", "40", "1200", "A"});
  EXPECT_EQ(e.code, diag::kBadNumber);
  EXPECT_EQ(e.column, 1);
  e = EvaluationError("breaches / attendances", {"1", "0", "0", "1200", "A"});
  EXPECT_EQ(e.code, diag::kDivisionByZero);
  EXPECT_EQ(e.column, 1);
  EXPECT_NE(e.message.find("attendances is 0"), std::string::npos) << e.message;
  e = EvaluationError("breaches / (attendances - 400)", kRow);
  EXPECT_EQ(e.code, diag::kDivisionByZero);
  EXPECT_EQ(e.column, -1);
  e = EvaluationError("attendances * 1e308 * 10", kRow);
  EXPECT_EQ(e.code, diag::kValueOverflow);
  // A bare column: the reader decides what an empty cell means; Evaluate still refuses it.
  e = EvaluationError("breaches", {"1", "400", "", "1200", "A"});
  EXPECT_EQ(e.code, diag::kMissingOperand);
}

TEST(ExpressionTest, ConditionOnMissingNumberIsAnError) {
  bool b = false;
  EvalError error;
  EXPECT_FALSE(Bound("breaches > 3", ExpressionKind::kCondition)
                   .Test(std::array<std::string_view, 5>{"1", "400", "", "1", "A"}, &b, &error));
  EXPECT_EQ(error.code, diag::kMissingOperand);
  EXPECT_EQ(error.column, 2);
}

}  // namespace
}  // namespace kaizen::ingest
