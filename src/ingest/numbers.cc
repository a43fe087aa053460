#include "ingest/numbers.h"

#include <fast_float/fast_float.h>

#include <array>
#include <cctype>
#include <cmath>
#include <string>
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

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Whether `digits` (no sign, no decimal part) is 1 to 3 digits then groups of `separator` and
// exactly three digits: "1,234,567", not "1,23" or ",123" (the usual grouping of Excel's "#,##0"
// format; Indian lakh grouping "1,23,456" is refused rather than guessed).
bool IsValidGrouping(std::string_view digits, char separator) {
  const std::size_t first = digits.find(separator);
  if (first == 0 || first > 3) return false;
  for (std::size_t i = 0; i < first; ++i) {
    if (!IsDigit(digits[i])) return false;
  }
  std::size_t i = first;
  while (i < digits.size()) {
    if (digits[i] != separator || i + 4 > digits.size()) return false;
    for (std::size_t k = i + 1; k < i + 4; ++k) {
      if (!IsDigit(digits[k])) return false;
    }
    i += 4;
  }
  return true;
}

CellNumber FromParse(NumberParse parse) {
  switch (parse) {
    case NumberParse::kOk:
      return CellNumber::kOk;
    case NumberParse::kMissing:
      return CellNumber::kMissing;
    case NumberParse::kTooLarge:
      return CellNumber::kTooLarge;
    case NumberParse::kBad:
      break;
  }
  return CellNumber::kBad;
}

// `text` with its thousands separators removed and its decimal mark made '.', or "" (with
// *grouping_bad) when a separator is misplaced. Text without separators comes back as it is.
std::string Normalise(std::string_view text, const NumberStyle& style, bool* grouping_bad) {
  const char group = style.decimal_comma ? '.' : ',';
  const char decimal = style.decimal_comma ? ',' : '.';
  std::string_view sign, rest = text;
  if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) {
    sign = rest.substr(0, 1);
    rest.remove_prefix(1);
  }
  const std::size_t mark = rest.find(decimal);
  const std::string_view whole = rest.substr(0, mark);
  const std::string_view fraction =
      mark == std::string_view::npos ? std::string_view() : rest.substr(mark + 1);
  // A second decimal mark, or a grouping separator after the mark ("1.234,5" without a
  // declared decimal comma), is no number this rule can read.
  if (fraction.find(decimal) != std::string_view::npos ||
      fraction.find(group) != std::string_view::npos) {
    *grouping_bad = true;
    return "";
  }
  std::string out(sign);
  if (whole.find(group) != std::string_view::npos) {
    if (!IsValidGrouping(whole, group)) {
      *grouping_bad = true;
      return "";
    }
    for (char c : whole) {
      if (c != group) out += c;
    }
  } else {
    out += whole;
  }
  if (mark != std::string_view::npos) {
    out += '.';
    out += fraction;
  }
  return out;
}

}  // namespace

bool IsExcelError(std::string_view text) {
  // The error values of Excel 2007 onwards (ECMA-376 Part 1, 18.17.2.6, "Error Values").
  static constexpr std::array<std::string_view, 7> kErrors = {
      "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"};
  text = TrimSpaces(text);
  for (std::string_view e : kErrors) {
    if (text == e) return true;
  }
  return false;
}

CellNumber ReadNumberCell(std::string_view text, const NumberStyle& style, double* out) {
  text = TrimSpaces(text);
  if (IsExcelError(text)) return CellNumber::kExcelError;
  bool percent = false;
  if (!text.empty() && text.back() == '%') {
    percent = true;
    text = TrimSpaces(text.substr(0, text.size() - 1));
    if (text.empty()) return CellNumber::kBad;
  }
  const bool has_separator = text.find(',') != std::string_view::npos ||
                             (style.decimal_comma && text.find('.') != std::string_view::npos);
  double v = 0.0;
  CellNumber parsed;
  if (has_separator) {
    bool grouping_bad = false;
    const std::string normal = Normalise(text, style, &grouping_bad);
    if (grouping_bad) return CellNumber::kBadGrouping;
    parsed = FromParse(ParseNumber(normal, &v));
  } else {
    parsed = FromParse(ParseNumber(text, &v));
  }
  // "NA%" is no missing value: a percent sign asks for a number.
  if (percent && parsed == CellNumber::kMissing) return CellNumber::kBad;
  if (parsed != CellNumber::kOk) return parsed;
  if (percent && !style.percent_unit) return CellNumber::kPercent;
  *out = v;
  return CellNumber::kOk;
}

}  // namespace kaizen::ingest
