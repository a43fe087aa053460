// libFuzzer target for the expression language (src/ingest/expression.h): computed measures and
// row filters. The first input line is the expression, the rest one row of comma-separated
// cells. Any input must parse or give an error offset inside the text, never a crash, a hang, a
// stack overflow (nesting is bounded) or a sanitizer report; and a parsed expression evaluated
// on the row must give a finite number or an error with a code, never a silent NaN.
//
// Built by `make fuzz` (CMake preset "fuzz"; seeds in fuzz/seeds/expression_fuzz), or by hand:
//   clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
//     fuzz/expression_fuzz.cc src/ingest/expression.cc src/ingest/numbers.cc -o /tmp/expr_fuzz &&
//   /tmp/expr_fuzz -max_total_time=30
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/expression.h"

namespace {

// The columns every fuzzed row has: enough names for the fuzzer to find by mutation.
constexpr std::string_view kHeader[] = {"a", "b", "type", "bed days", "x"};

int Find(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kHeader); ++i) {
    if (kHeader[i] == name) return static_cast<int>(i);
  }
  return -1;
}

void Check(std::string_view text, kaizen::ingest::ExpressionKind kind,
           const std::vector<std::string_view>& row) {
  kaizen::ingest::ExpressionError error;
  std::optional<kaizen::ingest::Expression> e =
      kaizen::ingest::Expression::Parse(text, kind, &error);
  if (!e) {
    if (error.offset < 0 || static_cast<std::size_t>(error.offset) > text.size()) std::abort();
    if (error.message.empty()) std::abort();
    return;
  }
  std::string missing;
  if (!e->Bind(Find, &missing)) return;
  kaizen::ingest::EvalError eval_error;
  if (kind == kaizen::ingest::ExpressionKind::kMeasure) {
    double v = 0;
    if (e->Evaluate(row, &v, &eval_error)) {
      if (!std::isfinite(v)) std::abort();  // a NaN or an infinity must be an error
    } else if (eval_error.code.empty()) {
      std::abort();
    }
  } else {
    bool holds = false;
    if (!e->Test(row, &holds, &eval_error) && eval_error.code.empty()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view text = input.substr(0, newline);
  std::vector<std::string_view> row;
  if (newline != std::string_view::npos) {
    std::string_view rest = input.substr(newline + 1);
    for (;;) {
      const std::size_t comma = rest.find(',');
      row.push_back(rest.substr(0, comma));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  Check(text, kaizen::ingest::ExpressionKind::kMeasure, row);
  Check(text, kaizen::ingest::ExpressionKind::kCondition, row);
  return 0;
}
