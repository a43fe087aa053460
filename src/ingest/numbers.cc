#include "ingest/numbers.h"

#include <fast_float/fast_float.h>

#include <cctype>
#include <cmath>
#include <system_error>

namespace kaizen::ingest {

std::string_view TrimSpaces(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  return text.substr(b, e - b);
}

NumberParse ParseNumber(std::string_view text, double* out) {
  text = TrimSpaces(text);
  if (text.empty()) return NumberParse::kMissing;
  // Spellings of "no value" in NHS and R/Excel exports; "*" marks a suppressed small number.
  if (text == "NA" || text == "N/A" || text == "n/a" || text == "NULL" || text == "null" ||
      text == "*") {
    return NumberParse::kMissing;
  }
  const char* begin = text.data();
  const char* end = begin + text.size();
  // fast_float follows std::from_chars and rejects a leading '+', which spreadsheets write.
  if (*begin == '+' && end - begin > 1 && begin[1] != '-') ++begin;
  double v = 0.0;
  const auto [ptr, ec] = fast_float::from_chars(begin, end, v);
  if (ptr != end) return NumberParse::kBad;
  // fast_float reads 1e309 as infinity, with or without result_out_of_range.
  const bool spelled_infinite = std::isalpha(static_cast<unsigned char>(end[-1])) != 0;
  if (!spelled_infinite && (ec == std::errc::result_out_of_range || std::isinf(v)) &&
      std::fabs(v) > 1) {
    return NumberParse::kTooLarge;
  }
  // from_chars accepts "inf" and "nan": a value of the data, never a number a chart can use.
  if (ec != std::errc() || !std::isfinite(v)) return NumberParse::kBad;
  *out = v;
  return NumberParse::kOk;
}

}  // namespace kaizen::ingest
