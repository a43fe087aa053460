#include "ingest/csv/tokenizer.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "kaizen/diagnostics.h"

namespace kaizen::ingest {
namespace {

// Collapses each "" to " in place; returns the shortened field.
std::string_view CollapseDoubledQuotes(std::string_view field) {
  char* const begin = const_cast<char*>(field.data());
  char* w = begin;
  for (std::size_t r = 0; r < field.size(); ++r) {
    *w++ = field[r];
    if (field[r] == '"' && r + 1 < field.size() && field[r + 1] == '"') ++r;
  }
  return std::string_view(begin, static_cast<std::size_t>(w - begin));
}

}  // namespace

CsvTokenizer::CsvTokenizer(char delimiter, std::size_t max_row_bytes)
    : delimiter_(delimiter), max_row_bytes_(max_row_bytes) {}

CsvTokenizer::Outcome CsvTokenizer::Fail(Outcome outcome, std::string_view code, int column,
                                         std::string message) {
  error_column_ = column;
  error_code_ = code;
  error_message_ = std::move(message);
  return outcome;
}

// A state machine kept whole on purpose: its quote states share one byte loop, the hot path.
CsvTokenizer::Outcome CsvTokenizer::Next(char* data, std::size_t size, std::size_t* pos,
                                         bool at_end) {
  const std::size_t start = *pos;
  if (start >= size) return at_end ? Outcome::kEnd : Outcome::kNeedMore;
  fields_.clear();
  doubled_.clear();
  row_line_ = line_;
  error_column_ = 0;
  // The row may not extend past `limit`; reaching it before the end of the data means the row
  // is over the cap, reaching it at the end of the data means more is needed.
  const bool capped = size - start > max_row_bytes_;
  const std::size_t limit = capped ? start + max_row_bytes_ : size;
  const bool limit_is_end = !capped && at_end;
  const auto too_long = [&] {
    return Fail(Outcome::kFatal, diag::kRowTooLong, static_cast<int>(fields_.size()) + 1,
                "a row longer than " + std::to_string(max_row_bytes_ >> 10) +
                    " KiB (a file without line breaks, or a quote that is never closed?)");
  };
  const char delim = delimiter_;
  int newlines = 0;
  int bad_column = 0;
  bool quote_inside = false;  // the bad column's quote is inside an unquoted field
  std::size_t i = start;
  for (;;) {
    const int column = static_cast<int>(fields_.size()) + 1;
    if (i < limit && data[i] == '"') {
      const std::size_t content = ++i;
      bool doubled = false;
      for (;;) {
        const void* q = i < limit ? std::memchr(data + i, '"', limit - i) : nullptr;
        if (q == nullptr) {
          if (capped) return too_long();
          if (!at_end) return Outcome::kNeedMore;
          return Fail(Outcome::kFatal, diag::kUnclosedQuote, column,
                      "a quoted field that is never closed (expected a closing '\"')");
        }
        i = static_cast<std::size_t>(static_cast<const char*>(q) - data);
        if (i + 1 < limit && data[i + 1] == '"') {
          doubled = true;
          i += 2;
          continue;
        }
        if (i + 1 == limit && !limit_is_end) return capped ? too_long() : Outcome::kNeedMore;
        break;
      }
      newlines += static_cast<int>(std::count(data + content, data + i, '\n'));
      fields_.emplace_back(data + content, i - content);
      if (doubled) doubled_.push_back(fields_.size() - 1);
      ++i;  // the closing quote
      if (i < limit && data[i] != delim && data[i] != '\n' && data[i] != '\r') {
        // Text after the closing quote: keep the row's shape by skipping to the field's end.
        if (bad_column == 0) bad_column = column;
        while (i < limit && data[i] != delim && data[i] != '\n' && data[i] != '\r') ++i;
        if (i == limit && !limit_is_end) return capped ? too_long() : Outcome::kNeedMore;
      }
    } else {
      std::size_t j = i;
      while (j < limit) {
        const char c = data[j];
        if (c == delim || c == '\n' || c == '\r') break;
        // RFC 4180 allows a quote only around a whole field: one inside (`St Mary"s`) means
        // the quoting went wrong, and reading on would put the rest of the row in one name.
        if (c == '"' && bad_column == 0) {
          bad_column = column;
          quote_inside = true;
        }
        ++j;
      }
      if (j == limit && !limit_is_end) return capped ? too_long() : Outcome::kNeedMore;
      fields_.emplace_back(data + i, j - i);
      i = j;
    }
    if (i == limit) break;  // the end of the data, which is the end of the input
    const char c = data[i];
    if (c == delim) {
      ++i;
      if (i == limit && limit_is_end) {
        fields_.emplace_back();  // "a,b," ends with an empty field
        break;
      }
      continue;
    }
    if (c == '\r') {
      if (i + 1 == limit && !limit_is_end) return capped ? too_long() : Outcome::kNeedMore;
      i += (i + 1 < limit && data[i + 1] == '\n') ? 2 : 1;
    } else {
      ++i;  // '\n'
    }
    ++newlines;
    break;
  }
  for (std::size_t f : doubled_) fields_[f] = CollapseDoubledQuotes(fields_[f]);
  *pos = i;
  line_ += newlines;
  if (bad_column != 0) {
    if (quote_inside) {
      return Fail(Outcome::kBadRow, diag::kStrayQuote, bad_column,
                  "a quote inside an unquoted field (expected a field either without quotes, "
                  "or wholly quoted with each inner quote doubled: \"St Mary\"\"s\")");
    }
    return Fail(Outcome::kBadRow, diag::kStrayQuote, bad_column,
                "text after a closing quote (expected the delimiter or the end of the line)");
  }
  return Outcome::kRow;
}

}  // namespace kaizen::ingest
