// Expression: the one small language for computed measures and row filters, shared by the
// catalogue (an indicator's value, numerator, denominator and `where`), the long-format reader
// and `kaizen aggregate --condition`. The grammar is in docs/catalogue.md, "Expressions".
//
//   measures:  attendances - breaches      100 * (1 - breaches / attendances)   `bed days` / 1000
//   filters:   type == '1'    los <= 7 and not (site in ('A', 'B'))    death == true
//
// Text is parsed once by a hand-written recursive-descent parser into a flat array of nodes;
// column names are then bound to the positions of a header (Bind), and each row is evaluated
// from its cells without allocating. A value that cannot be computed (an empty operand, text
// where a number is needed, a division by zero) is an EvalError naming the code, the cell and
// why, never a NaN or a zero. A parsed Expression is a plain value: after Bind, a const one may
// be evaluated from several threads.
#ifndef KAIZEN_INGEST_EXPRESSION_H_
#define KAIZEN_INGEST_EXPRESSION_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kaizen::ingest {

// What the whole expression must give: a number (a measure) or true/false (a filter).
enum class ExpressionKind : uint8_t { kMeasure, kCondition };

struct ExpressionError {
  int offset = 0;  // 0-based byte offset into the expression's text
  std::string message;
};

struct EvalError {
  std::string_view code;  // a diag:: code: missing_operand, bad_number, division_by_zero, ...
  int column = -1;        // the 0-based data column at fault, or -1 when no one cell is
  std::string message;
};

class Expression {
 public:
  // Parses `text`. Returns nullopt, with *error saying where and why, when it is not an
  // expression of `kind` (a syntax error, a number compared with text, a filter used as a
  // number, nesting deeper than 64).
  static std::optional<Expression> Parse(std::string_view text, ExpressionKind kind,
                                         ExpressionError* error);

  const std::string& text() const { return text_; }
  // The column names read, in order of first use, as written (without quotes).
  const std::vector<std::string>& columns() const { return columns_; }

  // Resolves every column name with `find` (a 0-based column, or -1 when absent). Returns
  // false, with *missing naming the first column not found, when one is absent.
  bool Bind(const std::function<int(std::string_view)>& find, std::string* missing);
  // The bound column when the whole expression is one column name, else -1 (so a reader can
  // keep its usual rules for a plain column: an empty cell is a missing point).
  int SingleColumn() const;

  // A measure's value on one row (`fields` as RowSink gives them). Returns false with *error
  // when it cannot be computed. Precondition: Bind succeeded; kind is kMeasure.
  bool Evaluate(std::span<const std::string_view> fields, double* out, EvalError* error) const;
  // A filter's verdict on one row. Returns false with *error when it cannot be decided.
  // Precondition: Bind succeeded; kind is kCondition.
  bool Test(std::span<const std::string_view> fields, bool* out, EvalError* error) const;

 private:
  friend class ExpressionParser;
  // The tree, as a flat array built by ExpressionParser (expression.cc).
  enum class Op : uint8_t {
    kNumber,
    kText,
    kColumn,
    kNegate,
    kAdd,
    kSubtract,
    kMultiply,
    kDivide,
    kEqual,
    kNotEqual,
    kLess,
    kLessOrEqual,
    kGreater,
    kGreaterOrEqual,
    kIn,
    kAnd,
    kOr,
    kNot,
  };
  struct Node {
    Op op = Op::kNumber;
    int32_t left = -1, right = -1;  // child nodes; kIn: right..right+count are literal nodes
    int32_t count = 0;              // kIn: how many literals
    int32_t name = -1;              // kColumn: index into columns_; kText: into texts_
    double number = 0;              // kNumber
    int32_t offset = 0;             // where the node starts in text_, for messages
  };

  struct Operand;

  bool Number(int32_t node, std::span<const std::string_view> fields, double* out,
              EvalError* error) const;
  bool Truth(int32_t node, std::span<const std::string_view> fields, bool* out,
             EvalError* error) const;
  bool Value(int32_t node, std::span<const std::string_view> fields, bool for_comparison,
             Operand* out, EvalError* error) const;
  bool Compare(const Node& node, std::span<const std::string_view> fields, bool* out,
               EvalError* error) const;
  std::string Source(int32_t node) const;

  std::string text_;
  ExpressionKind kind_ = ExpressionKind::kMeasure;
  std::vector<Node> nodes_;
  std::vector<int32_t> ends_;  // ends_[i]: where node i's text ends, for messages
  int32_t root_ = -1;
  std::vector<std::string> columns_;
  std::vector<int> bound_;  // column position of each name after Bind
  std::vector<std::string> texts_;
};

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_EXPRESSION_H_
