#include "kaizen/date.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <string_view>

namespace kaizen {
namespace {

// Days from 1970-01-01 to y-m-d, and back. Algorithms from Howard Hinnant, "chrono-Compatible
// Low-Level Date Algorithms" (days_from_civil, civil_from_days), public domain.
constexpr int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

constexpr CivilDay CivilFromDays(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

int DaysSinceMonday(Date d) {
  // 1970-01-01 (day 0) was a Thursday, so (days + 3) mod 7 is 0 on Mondays; the second modulo
  // keeps days before 1970 non-negative.
  return static_cast<int>(((d.days_since_epoch() + 3) % 7 + 7) % 7);
}

Date AddMonths(Date d, int months) {
  const CivilDay c = d.ToCivil();
  // Months counted from January of year 0, so carrying into the year is one division.
  const int index = c.year * 12 + (c.month - 1) + months;
  const int year = index / 12, month = index % 12 + 1;
  const int day = std::min(c.day, DaysInMonth(year, month));
  return Date(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Result<Date> Date::FromCivil(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d is not a calendar date", year, month, day);
    return Status::InvalidArgument(buf);
  }
  return Date(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Result<Date> Date::ParseIso(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument("'" + std::string(text) +
                                   "' is not a date (expected YYYY-MM-DD)");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int y = 0, m = 0, d = 0;
  auto parse = [&](std::string_view part, int* out) {
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), *out);
    return ec == std::errc() && p == part.data() + part.size();
  };
  if (!parse(text.substr(0, 4), &y) || !parse(text.substr(5, 2), &m) ||
      !parse(text.substr(8, 2), &d)) {
    return bad();
  }
  return FromCivil(y, m, d);
}

CivilDay Date::ToCivil() const { return CivilFromDays(days_); }

std::string Date::ToIso() const {
  const CivilDay c = ToCivil();
  char buf[32];  // room for any int the compiler can imagine, though years are 1..9999
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

std::string FormatPeriod(Date first_day, PeriodKind kind) {
  const CivilDay c = first_day.ToCivil();
  char buf[48];
  switch (kind) {
    case PeriodKind::kIsoWeek: {
      // The ISO year and week are those of the week's Thursday (ISO 8601-1:2019, 5.2.4.2).
      const int32_t days = first_day.days_since_epoch();
      const Date thursday(days - DaysSinceMonday(first_day) + 3);
      const int year = thursday.ToCivil().year;
      const int32_t jan1 = DaysFromCivil(year, 1, 1);
      const int week = (thursday.days_since_epoch() - jan1) / 7 + 1;
      std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
      return buf;
    }
    case PeriodKind::kFinancialQuarter:
    case PeriodKind::kFinancialYear: {
      const int start = c.month >= 4 ? c.year : c.year - 1;  // the year the April is in
      std::snprintf(buf, sizeof buf, "%04d/%02d", start, (start + 1) % 100);
      if (kind == PeriodKind::kFinancialYear) return buf;
      const int quarter = ((c.month + 8) % 12) / 3 + 1;  // April-June 1, ..., January-March 4
      return std::string(buf) + " Q" + std::to_string(quarter);
    }
    case PeriodKind::kSequence:
      return std::to_string(first_day.days_since_epoch());
    case PeriodKind::kDate:
      break;
  }
  return first_day.ToIso();
}

std::string Date::ToMonthYear() const {
  const CivilDay c = ToCivil();
  return std::string(kMonthNames[c.month - 1]) + " " + std::to_string(c.year);
}

}  // namespace kaizen
