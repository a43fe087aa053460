#include "ingest/xlsx/xlsx_cells.h"

#include <cmath>

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

}  // namespace kaizen::ingest
