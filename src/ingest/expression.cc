#include "ingest/expression.h"

#include <cctype>
#include <cmath>
#include <utility>

#include "ingest/numbers.h"
#include "kaizen/diagnostics.h"

namespace kaizen::ingest {
namespace {

// Deep enough for any formula a person writes; shallow enough that the recursive parser and
// evaluator cannot exhaust the stack on hostile input (fuzz/expression_fuzz.cc).
constexpr int kMaxDepth = 64;
// Chains such as 1 + 1 + ... are parsed by loops but evaluated by recursion, one frame per
// operator: bounding the nodes bounds the evaluator's stack too.
constexpr std::size_t kMaxNodes = 1000;

// What a sub-expression gives, checked while parsing so that a type mistake is a catalogue
// error with its column rather than a failure on every row. A cell is a number in arithmetic
// and text when compared with text.
enum class Type : uint8_t { kNumber, kText, kCell, kBool };

bool IsIdentifierStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool IsIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
}

bool SameWord(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

}  // namespace

// Recursive descent, one function per precedence level (lowest first):
//   or := and ('or' and)*            and := not ('and' not)*        not := 'not' not | compare
//   compare := sum [(== | = | != | <> | < | <= | > | >=) sum | ['not'] 'in' '(' literal, ... ')']
//   sum := product (('+' | '-') product)*     product := unary (('*' | '/') unary)*
//   unary := '-' unary | primary   primary := number | 'text' | name | "name" | `name` | (or)
// Binary operators associate to the left (8 - 2 - 1 is 5; 8 / 2 / 2 is 2). The Unicode signs
// −, × and ÷ are read as -, * and /, since analysts paste them from documents.
class ExpressionParser {
 public:
  ExpressionParser(Expression* out, ExpressionError* error) : e_(*out), error_(*error) {}

  bool Run(ExpressionKind kind) {
    Type type;
    if (!Or(&e_.root_, &type, 0)) return false;
    SkipSpaces();
    if (pos_ < text().size()) return Fail(pos_, "unexpected " + Here() + " (expected an operator)");
    if (e_.nodes_.size() > kMaxNodes) {
      return Fail(0, "the expression is too long (expected at most " + std::to_string(kMaxNodes) +
                         " numbers, names and operators)");
    }
    if (kind == ExpressionKind::kMeasure && type == Type::kBool) {
      return Fail(0,
                  "this is a condition (true or false), not a number (expected a measure "
                  "such as attendances - breaches)");
    }
    if (kind == ExpressionKind::kMeasure && type == Type::kText) {
      return Fail(0,
                  "this is text, not a number (column names are written bare, in double "
                  "quotes or in backquotes; 'single quotes' make text)");
    }
    if (kind == ExpressionKind::kCondition && type != Type::kBool) {
      return Fail(0,
                  "this is a value, not a condition (expected a comparison such as "
                  "type == '1')");
    }
    return true;
  }

 private:
  const std::string& text() const { return e_.text_; }

  bool Fail(std::size_t at, std::string message) {
    error_.offset = static_cast<int>(at);
    error_.message = std::move(message);
    return false;
  }

  std::string Here() const {
    if (pos_ >= text().size()) return "end of expression";
    return "'" + text().substr(pos_, 1) + "'";
  }

  void SkipSpaces() {
    while (pos_ < text().size() && (text()[pos_] == ' ' || text()[pos_] == '\t')) ++pos_;
  }

  // Consumes `symbol` (after spaces) when it comes next.
  bool Accept(std::string_view symbol) {
    SkipSpaces();
    if (std::string_view(text()).substr(pos_).starts_with(symbol)) {
      pos_ += symbol.size();
      return true;
    }
    return false;
  }

  // Consumes the keyword (any case) when it comes next as a whole word.
  bool AcceptWord(std::string_view word) {
    SkipSpaces();
    const std::string_view rest = std::string_view(text()).substr(pos_);
    if (rest.size() < word.size() || !SameWord(rest.substr(0, word.size()), word)) return false;
    if (rest.size() > word.size() && IsIdentifierChar(rest[word.size()])) return false;
    pos_ += word.size();
    return true;
  }

  int32_t Add(Expression::Node node, std::size_t start) {
    node.offset = static_cast<int32_t>(start);
    e_.nodes_.push_back(node);
    e_.ends_.push_back(static_cast<int32_t>(pos_));
    return static_cast<int32_t>(e_.nodes_.size() - 1);
  }

  int32_t Binary(Expression::Op op, int32_t left, int32_t right) {
    const std::size_t start = static_cast<std::size_t>(e_.nodes_[left].offset);
    return Add({.op = op, .left = left, .right = right}, start);
  }

  bool Logical(Type type, std::size_t at, std::string_view word) {
    if (type == Type::kBool) return true;
    return Fail(at, "'" + std::string(word) +
                        "' joins conditions, and this is a value "
                        "(expected a comparison such as type == '1')");
  }

  bool Or(int32_t* node, Type* type, int depth) {
    if (depth > kMaxDepth) return Fail(pos_, "the expression is nested too deeply");
    SkipSpaces();
    std::size_t at = pos_;
    if (!And(node, type, depth)) return false;
    while (AcceptWord("or")) {
      if (!Logical(*type, at, "or")) return false;
      int32_t right;
      Type right_type;
      SkipSpaces();
      at = pos_;
      if (!And(&right, &right_type, depth) || !Logical(right_type, at, "or")) return false;
      *node = Binary(Expression::Op::kOr, *node, right);
    }
    return true;
  }

  bool And(int32_t* node, Type* type, int depth) {
    SkipSpaces();
    std::size_t at = pos_;
    if (!Not(node, type, depth)) return false;
    while (AcceptWord("and")) {
      if (!Logical(*type, at, "and")) return false;
      int32_t right;
      Type right_type;
      SkipSpaces();
      at = pos_;
      if (!Not(&right, &right_type, depth) || !Logical(right_type, at, "and")) return false;
      *node = Binary(Expression::Op::kAnd, *node, right);
    }
    return true;
  }

  bool Not(int32_t* node, Type* type, int depth) {
    SkipSpaces();
    const std::size_t start = pos_;
    if (!AcceptWord("not")) return Compare(node, type, depth);
    if (depth > kMaxDepth) return Fail(start, "the expression is nested too deeply");
    int32_t operand;
    SkipSpaces();
    const std::size_t at = pos_;
    if (!Not(&operand, type, depth + 1) || !Logical(*type, at, "not")) return false;
    *node = Add({.op = Expression::Op::kNot, .left = operand}, start);
    return true;
  }

  std::optional<Expression::Op> ComparisonOp() {
    using Op = Expression::Op;
    static constexpr std::pair<std::string_view, Op> kOps[] = {
        {"==", Op::kEqual},          {"!=", Op::kNotEqual},
        {"<>", Op::kNotEqual},       {"<=", Op::kLessOrEqual},
        {">=", Op::kGreaterOrEqual}, {"<", Op::kLess},
        {">", Op::kGreater},         {"=", Op::kEqual}};
    for (const auto& [symbol, op] : kOps) {
      if (Accept(symbol)) return op;
    }
    return std::nullopt;
  }

  bool Compare(int32_t* node, Type* type, int depth) {
    SkipSpaces();
    const std::size_t left_at = pos_;
    if (!Sum(node, type, depth)) return false;
    const std::size_t op_at = pos_;
    const bool negated = AcceptWord("not");
    if (AcceptWord("in")) return In(node, type, negated, left_at);
    if (negated) return Fail(op_at, "'not' here must be followed by 'in'");
    const std::optional<Expression::Op> op = ComparisonOp();
    if (!op) return true;
    int32_t right;
    Type right_type;
    SkipSpaces();
    const std::size_t right_at = pos_;
    if (!Sum(&right, &right_type, depth)) return false;
    if (!Comparable(*type, left_at, right_type, right_at)) return false;
    *node = Binary(*op, *node, right);
    *type = Type::kBool;
    return true;
  }

  bool Comparable(Type left, std::size_t left_at, Type right, std::size_t right_at) {
    if (left == Type::kBool || right == Type::kBool) {
      return Fail(left == Type::kBool ? left_at : right_at,
                  "a condition cannot be compared (expected a value; join conditions with "
                  "and, or)");
    }
    if ((left == Type::kText && right == Type::kNumber) ||
        (left == Type::kNumber && right == Type::kText)) {
      return Fail(left == Type::kText ? right_at : left_at,
                  "a number is compared with text (expected both sides numbers, or a column "
                  "compared with 'text')");
    }
    return true;
  }

  bool In(int32_t* node, Type* type, bool negated, std::size_t start) {
    if (*type == Type::kBool) return Fail(start, "a condition cannot be 'in' a list");
    if (!Accept("(")) return Fail(pos_, "expected '(' after 'in', e.g. in ('1', '2')");
    const int32_t operand = *node;
    std::vector<Expression::Node> items;
    do {
      SkipSpaces();
      const std::size_t at = pos_;
      Expression::Node item;
      Type item_type;
      if (!Literal(&item, &item_type)) return false;
      if (!Comparable(*type, start, item_type, at)) return false;
      item.offset = static_cast<int32_t>(at);
      items.push_back(item);
    } while (Accept(","));
    if (!Accept(")"))
      return Fail(pos_, "unexpected " + Here() + " in the list (expected ',' or ')')");
    // The literals follow the kIn node, so evaluation reads them as one contiguous run.
    *node = Add(
        {.op = Expression::Op::kIn, .left = operand, .count = static_cast<int32_t>(items.size())},
        start);
    e_.nodes_[*node].right = *node + 1;
    for (Expression::Node& item : items) {
      e_.nodes_.push_back(item);
      e_.ends_.push_back(static_cast<int32_t>(pos_));
    }
    if (negated) *node = Add({.op = Expression::Op::kNot, .left = *node}, start);
    *type = Type::kBool;
    return true;
  }

  // A number or a 'text' for an in-list.
  bool Literal(Expression::Node* out, Type* type) {
    const bool minus = Accept("-") || Accept("\xE2\x88\x92");
    SkipSpaces();
    if (!minus && pos_ < text().size() && text()[pos_] == '\'') {
      std::string value;
      if (!Quoted('\'', &value)) return false;
      out->op = Expression::Op::kText;
      out->name = static_cast<int32_t>(e_.texts_.size());
      e_.texts_.push_back(std::move(value));
      *type = Type::kText;
      return true;
    }
    double v = 0;
    if (!NumberLiteral(&v))
      return Fail(pos_, "expected a number or 'text' in the list, found " + Here());
    out->op = Expression::Op::kNumber;
    out->number = minus ? -v : v;
    *type = Type::kNumber;
    return true;
  }

  bool Arithmetic(Type type, std::size_t at) {
    if (type == Type::kNumber || type == Type::kCell) return true;
    if (type == Type::kText)
      return Fail(at, "text cannot be used in arithmetic (expected a number or a column)");
    return Fail(at, "a condition cannot be used in arithmetic (expected a number or a column)");
  }

  bool Sum(int32_t* node, Type* type, int depth) {
    SkipSpaces();
    std::size_t at = pos_;
    if (!Product(node, type, depth)) return false;
    for (;;) {
      const std::size_t op_at = pos_;
      Expression::Op op;
      if (Accept("+")) {
        op = Expression::Op::kAdd;
      } else if (Accept("-") || Accept("\xE2\x88\x92")) {
        op = Expression::Op::kSubtract;
      } else {
        return true;
      }
      (void)op_at;
      if (!Arithmetic(*type, at)) return false;
      int32_t right;
      Type right_type;
      SkipSpaces();
      at = pos_;
      if (!Product(&right, &right_type, depth) || !Arithmetic(right_type, at)) return false;
      *node = Binary(op, *node, right);
      *type = Type::kNumber;
    }
  }

  bool Product(int32_t* node, Type* type, int depth) {
    SkipSpaces();
    std::size_t at = pos_;
    if (!Unary(node, type, depth)) return false;
    for (;;) {
      Expression::Op op;
      if (Accept("*") || Accept("\xC3\x97")) {
        op = Expression::Op::kMultiply;
      } else if (Accept("/") || Accept("\xC3\xB7")) {
        op = Expression::Op::kDivide;
      } else {
        return true;
      }
      if (!Arithmetic(*type, at)) return false;
      int32_t right;
      Type right_type;
      SkipSpaces();
      at = pos_;
      if (!Unary(&right, &right_type, depth) || !Arithmetic(right_type, at)) return false;
      *node = Binary(op, *node, right);
      *type = Type::kNumber;
    }
  }

  bool Unary(int32_t* node, Type* type, int depth) {
    SkipSpaces();
    const std::size_t start = pos_;
    if (!Accept("-") && !Accept("\xE2\x88\x92")) return Primary(node, type, depth);
    if (depth > kMaxDepth) return Fail(start, "the expression is nested too deeply");
    int32_t operand;
    SkipSpaces();
    const std::size_t at = pos_;
    if (!Unary(&operand, type, depth + 1) || !Arithmetic(*type, at)) return false;
    *node = Add({.op = Expression::Op::kNegate, .left = operand}, start);
    *type = Type::kNumber;
    return true;
  }

  bool Primary(int32_t* node, Type* type, int depth) {
    SkipSpaces();
    const std::size_t start = pos_;
    if (pos_ >= text().size()) return Fail(pos_, "the expression ends too soon (expected a value)");
    const char c = text()[pos_];
    if (c == '(') {
      ++pos_;
      if (!Or(node, type, depth + 1)) return false;
      if (!Accept(")"))
        return Fail(pos_, "unexpected " + Here() + " (expected ')' to close the '(' at column " +
                              std::to_string(start + 1) + ")");
      return true;
    }
    if (c == '\'') {
      std::string value;
      if (!Quoted('\'', &value)) return false;
      *node =
          Add({.op = Expression::Op::kText, .name = static_cast<int32_t>(e_.texts_.size())}, start);
      e_.texts_.push_back(std::move(value));
      *type = Type::kText;
      return true;
    }
    if (c == '"' || c == '`') {
      std::string name;
      if (!Quoted(c, &name)) return false;
      if (name.empty()) return Fail(start, "an empty column name");
      return Column(std::move(name), start, node, type);
    }
    double v = 0;
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.') {
      if (!NumberLiteral(&v)) return Fail(start, "not a number");
      *node = Add({.op = Expression::Op::kNumber, .number = v}, start);
      *type = Type::kNumber;
      return true;
    }
    if (!IsIdentifierStart(c))
      return Fail(pos_, "unexpected " + Here() + " (expected a number, a column name or '(')");
    std::size_t end = pos_;
    while (end < text().size() && IsIdentifierChar(text()[end])) ++end;
    const std::string word = text().substr(pos_, end - pos_);
    for (std::string_view keyword : {"and", "or", "not", "in"}) {
      if (SameWord(word, keyword))
        return Fail(start, "unexpected '" + word +
                               "' (expected a value; quote a column of that name: `" + word + "`)");
    }
    pos_ = end;
    // true and false stand for 1 and 0, so "death == true" reads a 0/1 or TRUE/FALSE column.
    if (SameWord(word, "true") || SameWord(word, "false")) {
      *node =
          Add({.op = Expression::Op::kNumber, .number = SameWord(word, "true") ? 1.0 : 0.0}, start);
      *type = Type::kNumber;
      return true;
    }
    return Column(word, start, node, type);
  }

  bool Column(std::string name, std::size_t start, int32_t* node, Type* type) {
    int32_t index = -1;
    for (std::size_t i = 0; i < e_.columns_.size(); ++i) {
      if (e_.columns_[i] == name) index = static_cast<int32_t>(i);
    }
    if (index < 0) {
      index = static_cast<int32_t>(e_.columns_.size());
      e_.columns_.push_back(std::move(name));
    }
    *node = Add({.op = Expression::Op::kColumn, .name = index}, start);
    *type = Type::kCell;
    return true;
  }

  // A quoted run; a doubled quote stands for one ('O''Brien').
  bool Quoted(char quote, std::string* out) {
    const std::size_t start = pos_++;
    for (;;) {
      if (pos_ >= text().size())
        return Fail(start, std::string("this ") + quote + " is never closed");
      if (text()[pos_] == quote) {
        if (pos_ + 1 < text().size() && text()[pos_ + 1] == quote) {
          *out += quote;
          pos_ += 2;
          continue;
        }
        ++pos_;
        return true;
      }
      *out += text()[pos_++];
    }
  }

  bool NumberLiteral(double* out) {
    SkipSpaces();
    std::size_t end = pos_;
    while (end < text().size() &&
           (std::isdigit(static_cast<unsigned char>(text()[end])) != 0 || text()[end] == '.'))
      ++end;
    if (end < text().size() && (text()[end] == 'e' || text()[end] == 'E')) {
      std::size_t exp = end + 1;
      if (exp < text().size() && (text()[exp] == '+' || text()[exp] == '-')) ++exp;
      if (exp < text().size() && std::isdigit(static_cast<unsigned char>(text()[exp])) != 0) {
        end = exp;
        while (end < text().size() && std::isdigit(static_cast<unsigned char>(text()[end])) != 0)
          ++end;
      }
    }
    if (end == pos_) return false;
    if (end < text().size() && IsIdentifierChar(text()[end])) return false;  // 12abc
    if (ParseNumber(std::string_view(text()).substr(pos_, end - pos_), out) != NumberParse::kOk)
      return false;
    pos_ = end;
    return true;
  }

  Expression& e_;
  ExpressionError& error_;
  std::size_t pos_ = 0;
};

std::optional<Expression> Expression::Parse(std::string_view text, ExpressionKind kind,
                                            ExpressionError* error) {
  Expression e;
  e.text_ = std::string(text);
  e.kind_ = kind;
  ExpressionParser parser(&e, error);
  if (!parser.Run(kind)) return std::nullopt;
  e.bound_.assign(e.columns_.size(), -1);
  return e;
}

bool Expression::Bind(const std::function<int(std::string_view)>& find, std::string* missing) {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    bound_[i] = find(columns_[i]);
    if (bound_[i] < 0) {
      *missing = columns_[i];
      return false;
    }
  }
  return true;
}

int Expression::SingleColumn() const {
  const Node& root = nodes_[static_cast<std::size_t>(root_)];
  return root.op == Op::kColumn ? bound_[static_cast<std::size_t>(root.name)] : -1;
}

std::string Expression::Source(int32_t node) const {
  const std::size_t begin = static_cast<std::size_t>(nodes_[node].offset);
  const std::size_t end = static_cast<std::size_t>(ends_[node]);
  std::string s = text_.substr(begin, end - begin);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

// A value for a comparison: a number, or text (a cell's or a literal's).
struct Expression::Operand {
  bool is_text = false;
  double number = 0;
  std::string_view text;
  int32_t node = -1;
};

bool Expression::Evaluate(std::span<const std::string_view> fields, double* out,
                          EvalError* error) const {
  return Number(root_, fields, out, error);
}

bool Expression::Test(std::span<const std::string_view> fields, bool* out, EvalError* error) const {
  return Truth(root_, fields, out, error);
}

bool Expression::Number(int32_t index, std::span<const std::string_view> fields, double* out,
                        EvalError* error) const {
  const Node& node = nodes_[static_cast<std::size_t>(index)];
  double a = 0, b = 0;
  switch (node.op) {
    case Op::kNumber:
      *out = node.number;
      return true;
    case Op::kColumn: {
      Operand operand;
      if (!Value(index, fields, false, &operand, error)) return false;
      *out = operand.number;
      return true;
    }
    case Op::kNegate:
      if (!Number(node.left, fields, &a, error)) return false;
      *out = -a;
      return true;
    default:
      break;
  }
  if (!Number(node.left, fields, &a, error) || !Number(node.right, fields, &b, error)) return false;
  switch (node.op) {
    case Op::kAdd:
      *out = a + b;
      break;
    case Op::kSubtract:
      *out = a - b;
      break;
    case Op::kMultiply:
      *out = a * b;
      break;
    case Op::kDivide: {
      if (b == 0) {
        const Node& divisor = nodes_[static_cast<std::size_t>(node.right)];
        const int column =
            divisor.op == Op::kColumn ? bound_[static_cast<std::size_t>(divisor.name)] : -1;
        *error = {diag::kDivisionByZero, column,
                  "division by zero in " + Source(index) + " (" + Source(node.right) +
                      " is 0; expected a divisor other than 0)"};
        return false;
      }
      *out = a / b;
      break;
    }
    default:
      *error = {diag::kInput, -1, "internal: not a number"};
      return false;
  }
  if (!std::isfinite(*out)) {
    *error = {diag::kValueOverflow, -1,
              Source(index) +
                  " is beyond the largest number kaizen can hold (expected a "
                  "result of magnitude below 1.8e308)"};
    return false;
  }
  return true;
}

bool Expression::Value(int32_t index, std::span<const std::string_view> fields, bool for_comparison,
                       Operand* out, EvalError* error) const {
  const Node& node = nodes_[static_cast<std::size_t>(index)];
  out->node = index;
  if (node.op == Op::kText) {
    out->is_text = true;
    out->text = texts_[static_cast<std::size_t>(node.name)];
    return true;
  }
  if (node.op != Op::kColumn) return Number(index, fields, &out->number, error);
  const int column = bound_[static_cast<std::size_t>(node.name)];
  const std::string_view cell = column >= 0 && static_cast<std::size_t>(column) < fields.size()
                                    ? TrimSpaces(fields[column])
                                    : std::string_view();
  out->text = cell;
  const std::string& name = columns_[static_cast<std::size_t>(node.name)];
  switch (ParseNumber(cell, &out->number)) {
    case NumberParse::kOk:
      return true;
    case NumberParse::kMissing:
      *error = {diag::kMissingOperand, column,
                "'" + name + "' is empty or missing here (expected a number for " + text_ + ")"};
      return false;
    case NumberParse::kTooLarge:
      *error = {diag::kValueOverflow, column,
                "'" + std::string(cell) + "' in '" + name +
                    "' is beyond the largest number kaizen can hold (expected a number of "
                    "magnitude below 1.8e308)"};
      return false;
    case NumberParse::kBad:
      break;
  }
  if (for_comparison && (SameWord(cell, "true") || SameWord(cell, "false"))) {
    out->number = SameWord(cell, "true") ? 1.0 : 0.0;
    return true;
  }
  *error = {diag::kBadNumber, column,
            "'" + std::string(cell) + "' in '" + name +
                "' is not a number (expected a number for " + text_ + ")"};
  return false;
}

bool Expression::Truth(int32_t index, std::span<const std::string_view> fields, bool* out,
                       EvalError* error) const {
  const Node& node = nodes_[static_cast<std::size_t>(index)];
  bool a = false;
  switch (node.op) {
    case Op::kNot:
      if (!Truth(node.left, fields, &a, error)) return false;
      *out = !a;
      return true;
    case Op::kAnd:  // short-circuit: the right side need not be computable when it is unread
      if (!Truth(node.left, fields, &a, error)) return false;
      if (!a) return *out = false, true;
      return Truth(node.right, fields, out, error);
    case Op::kOr:
      if (!Truth(node.left, fields, &a, error)) return false;
      if (a) return *out = true, true;
      return Truth(node.right, fields, out, error);
    default:
      return Compare(node, fields, out, error);
  }
}

bool Expression::Compare(const Node& node, std::span<const std::string_view> fields, bool* out,
                         EvalError* error) const {
  const auto text_side = [&](int32_t i) {
    return nodes_[static_cast<std::size_t>(i)].op == Op::kText;
  };
  const auto holds = [](Op op, int order) {
    switch (op) {
      case Op::kEqual:
        return order == 0;
      case Op::kNotEqual:
        return order != 0;
      case Op::kLess:
        return order < 0;
      case Op::kLessOrEqual:
        return order <= 0;
      case Op::kGreater:
        return order > 0;
      default:
        return order >= 0;
    }
  };
  // Text when either side is a 'literal' (a cell is then read as its trimmed text), else numbers.
  const auto order_of = [&](int32_t left, int32_t right, int* order) {
    const bool as_text = text_side(left) || text_side(right);
    Operand a, b;
    if (as_text) {
      for (auto [i, o] : {std::pair{left, &a}, std::pair{right, &b}}) {
        const Node& n = nodes_[static_cast<std::size_t>(i)];
        if (n.op == Op::kText) {
          o->text = texts_[static_cast<std::size_t>(n.name)];
        } else {
          const int column = bound_[static_cast<std::size_t>(n.name)];
          o->text = column >= 0 && static_cast<std::size_t>(column) < fields.size()
                        ? TrimSpaces(fields[column])
                        : std::string_view();
        }
      }
      const int c = a.text.compare(b.text);
      *order = c < 0 ? -1 : c > 0 ? 1 : 0;
      return true;
    }
    if (!Value(left, fields, true, &a, error) || !Value(right, fields, true, &b, error))
      return false;
    *order = a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
    return true;
  };
  if (node.op == Op::kIn) {
    for (int32_t i = 0; i < node.count; ++i) {
      int order = 0;
      if (!order_of(node.left, node.right + i, &order)) return false;
      if (order == 0) return *out = true, true;
    }
    *out = false;
    return true;
  }
  int order = 0;
  if (!order_of(node.left, node.right, &order)) return false;
  *out = holds(node.op, order);
  return true;
}

}  // namespace kaizen::ingest
