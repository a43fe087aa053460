#include "kaizen/number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace kaizen {
namespace {

constexpr const char* kEnDash = "\xE2\x80\x93";

// Inserts a comma every three digits of the integer part ("27396.5" -> "27,396.5").
void GroupThousands(std::string* s) {
  const std::size_t start = (*s)[0] == '-' ? 1 : 0;
  std::size_t int_end = s->find('.');
  if (int_end == std::string::npos) int_end = s->size();
  for (std::size_t pos = int_end; pos > start + 3;) {
    pos -= 3;
    s->insert(pos, ",");
  }
}

// From here up a double no longer holds every whole number (2^53 ≈ 9.0e15), so digits past
// the 16th are noise: the value is written as three significant digits times a power of ten.
constexpr double kLargest = 1e15;

// "2.50" -> "2.5", "40.00" -> "40": zeros after the point add nothing.
void DropTrailingZeros(std::string* s) {
  if (s->find('.') == std::string::npos) return;
  while (s->back() == '0') s->pop_back();
  if (s->back() == '.') s->pop_back();
}

// `v` as a mantissa with `mantissa_decimals` decimals times a power of ten: "1.00 × 10^308".
// `trim` drops the mantissa's trailing zeros ("1 × 10^20"), never the exponent's.
std::string PowerOfTen(double v, int mantissa_decimals, bool trim = false) {
  char buf[48];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific,
                                 std::clamp(mantissa_decimals, 0, 16));
  std::string s(buf, ec == std::errc() ? end : buf);
  const std::size_t e = s.find('e');
  if (e == std::string::npos) return "?";
  std::string exponent = s.substr(e + 1);
  if (exponent[0] == '+') exponent.erase(0, 1);
  exponent.erase(0, std::min(exponent.find_first_not_of('0'), exponent.size() - 1));
  std::string mantissa = s.substr(0, e);
  if (trim) DropTrailingZeros(&mantissa);
  return mantissa + " \xC3\x97 10^" + exponent;
}

// Below half the last digit of kMaxDisplayDecimals a value would print as "0.000000" (or "0"
// once its zeros are dropped), which reads as zero: say on which side of it the value lies.
constexpr double kSmallestShown = 0.5e-6;
std::string BelowSmallestShown(double v) { return v > 0 ? "< 0.000001" : "> -0.000001"; }

// std::to_chars with the given format and precision; "?" if the buffer were ever too small
// (400 bytes hold the 309 integer digits of the largest double and kMaxDisplayDecimals).
template <typename... Precision>
std::string ToChars(double v, Precision... format_and_precision) {
  char buf[400];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, format_and_precision...);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

}  // namespace

std::string FormatDecimals(double v, int decimals) {
  if (!std::isfinite(v)) return kEnDash;
  if (std::fabs(v) >= kLargest) return PowerOfTen(v, 2);
  decimals = std::clamp(decimals, 0, kMaxDisplayDecimals);
  char buf[400];  // the largest double has 309 integer digits
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (ec != std::errc()) return "?";
  std::string s(buf, end);
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  GroupThousands(&s);
  return s;
}

int DecimalsFor(std::span<const double> values) {
  double lo = INFINITY, hi = -INFINITY;
  for (double v : values) {
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (!std::isfinite(lo)) return 1;
  double spread = hi - lo;
  if (spread == 0 && hi == std::round(hi)) return 0;
  if (spread == 0) spread = std::fabs(hi);
  if (spread >= 100) return 0;
  if (spread >= 10) return 1;
  if (spread >= 1) return 2;
  return 3;
}

std::string FormatAuto(double v) {
  if (!std::isfinite(v)) return kEnDash;
  const double a = std::fabs(v);
  if (a >= 1000 || (a >= 10 && v == std::round(v)) || v == 0) return FormatDecimals(v, 0);
  if (a >= 10) return FormatDecimals(v, 1);
  if (a >= 1) return FormatDecimals(v, 2);
  if (a < kSmallestShown) return BelowSmallestShown(v);
  // Below 1: three significant digits, within the display maximum ("0.00420", "0.123").
  const int decimals =
      std::min(kMaxDisplayDecimals, 2 - static_cast<int>(std::floor(std::log10(a))));
  return FormatDecimals(v, decimals);
}

std::string FormatSignificant(double v, int significant) {
  if (!std::isfinite(v)) return kEnDash;
  if (v == 0) return "0";
  // Beyond FormatDecimals' plain range the digits asked for go on the mantissa; trimming the
  // whole text instead would eat the exponent's zeros (1e20 read "1.00 × 10^2").
  if (std::fabs(v) >= kLargest) return PowerOfTen(v, significant - 1, /*trim=*/true);
  if (std::fabs(v) < kSmallestShown) return BelowSmallestShown(v);
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  std::string s =
      FormatDecimals(v, std::clamp(significant - 1 - magnitude, 0, kMaxDisplayDecimals));
  DropTrailingZeros(&s);
  return s;
}

std::string WithUnit(std::string number, std::string_view unit) {
  if (unit.empty()) return number;
  if (unit == "%" || unit == "\xE2\x80\xB0") return number + std::string(unit);
  return number + " " + std::string(unit);
}

std::string FormatShortest(double v) { return ToChars(v); }

void AppendShortest(double v, std::string* out) {
  char buf[32];  // the shortest round-trip form of any double fits in 24 characters
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec == std::errc()) {
    out->append(buf, end);
  } else {
    out->push_back('?');
  }
}

std::string FormatGeneral(double v, int significant) {
  return ToChars(v, std::chars_format::general, significant);
}

std::string FormatFixed(double v, int decimals) {
  return ToChars(v, std::chars_format::fixed, decimals);
}

std::string FormatCoordinate(double v, int decimals) {
  if (!std::isfinite(v)) return "0";
  // 64 bytes, as the SVG writer always had: a coordinate past about 1e60 (nothing a chart can
  // draw) does not fit and is written as 0 rather than as sixty digits.
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (ec != std::errc()) return "0";
  std::string s(buf, end);
  DropTrailingZeros(&s);
  if (s == "-0") s = "0";
  return s;
}

}  // namespace kaizen
