#include "ingest/xlsx/xlsx_cells.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "kaizen/number_format.h"

namespace kaizen::ingest {

std::optional<CellReference> ParseCellReference(std::string_view text) {
  std::size_t i = 0;
  long column = 0;
  for (; i < text.size() && text[i] >= 'A' && text[i] <= 'Z'; ++i) {
    column = column * 26 + (text[i] - 'A' + 1);  // bijective base 26: Z = 26, AA = 27
    if (column > kMaxXlsxColumn) return std::nullopt;
  }
  if (i == 0 || i == text.size() || text[i] == '0') return std::nullopt;
  long row = 0;
  for (; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    row = row * 10 + (text[i] - '0');
    if (row > kMaxXlsxRow) return std::nullopt;
  }
  return CellReference{static_cast<int>(column), static_cast<int>(row)};
}

std::optional<Date> DateFromSerial(double serial, bool date1904) {
  if (!std::isfinite(serial)) return std::nullopt;
  const double day = std::floor(serial);
  // 9999-12-31 is serial 2958465 in the 1900 system (the last day Excel shows).
  if (day > 2958465.0) return std::nullopt;
  const Date epoch_1900 = *Date::FromCivil(1899, 12, 30);
  if (date1904) {
    if (day < 0) return std::nullopt;
    const Date epoch_1904 = *Date::FromCivil(1904, 1, 1);
    return Date(epoch_1904.days_since_epoch() + static_cast<int32_t>(day));
  }
  if (day < 1 || day == 60) return std::nullopt;
  const int32_t offset = static_cast<int32_t>(day) + (day < 60 ? 1 : 0);
  return Date(epoch_1900.days_since_epoch() + offset);
}

bool IsDateFormat(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22) return true;
  if (id < 164) return false;  // other built-ins: numbers, currencies, times, text
  bool day_or_year = false, month = false, hour_or_second = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {  // literal text
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {  // colour, condition or locale ([Red], [<100], [$-809]) or elapsed
      const std::size_t close = code.find(']', i + 1);  // time ([h], [mm], [ss])
      if (close == std::string_view::npos) break;
      const char first = i + 1 < close ? code[i + 1] : ' ';
      if (first == 'h' || first == 'H' || first == 'm' || first == 'M' || first == 's' ||
          first == 'S') {
        hour_or_second = true;
      }
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal, padding or fill
    } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') {
      day_or_year = true;
    } else if (c == 'm' || c == 'M') {
      month = true;
    } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
      hour_or_second = true;
    }
  }
  return day_or_year || (month && !hour_or_second);
}

bool IsPercentFormat(int id, std::string_view code) {
  if (id == 9 || id == 10) return true;
  if (id < 164) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"' || c == '[') {
      const std::size_t close = code.find(c == '"' ? '"' : ']', i + 1);
      if (close == std::string_view::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '%') {
      return true;
    }
  }
  return false;
}

std::optional<std::string> PercentText(std::string_view stored) {
  double value = 0;
  auto [end, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
  if (ec != std::errc() || end != stored.data() + stored.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  // 15 significant digits: what a double holds exactly in decimal, so 0.955 × 100 shows as 95.5,
  // not 95.49999999999999.
  return FormatGeneral(value * 100, 15) + "%";
}

std::string ColumnLetters(int column) {
  std::string letters;
  while (column > 0) {
    const int digit = (column - 1) % 26;  // bijective base 26
    letters.insert(letters.begin(), static_cast<char>('A' + digit));
    column = (column - 1) / 26;
  }
  return letters;
}

NumberPeriod ReadNumberPeriod(std::string_view text) {
  NumberPeriod out;
  // Spaces around a number in a text cell would otherwise hide it from this rule, and the period
  // rules would take it as a serial.
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty() || text.size() > 16) return out;
  for (char c : text) {
    if (c < '0' || c > '9') return out;
  }
  out.kind = NumberPeriod::Kind::kRefused;
  int year = 0, month = 0;
  std::from_chars(text.data(), text.data() + std::min<std::size_t>(4, text.size()), year);
  if (text.size() == 6) {
    std::from_chars(text.data() + 4, text.data() + 6, month);
    if (year >= 1900 && month >= 1 && month <= 12) {
      out.kind = NumberPeriod::Kind::kYearMonth;
      out.text = std::string(text.substr(0, 4)) + "-" + std::string(text.substr(4, 2));
    }
  } else if (text.size() == 4 && year >= 1900) {
    out.kind = NumberPeriod::Kind::kYear;
    out.text = std::string(text) + "-01-01";
  }
  return out;
}

}  // namespace kaizen::ingest
