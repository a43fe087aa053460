// Date: a calendar day in the proleptic Gregorian calendar, stored as days since 1970-01-01.
//
// Periods (months, weeks, days, quarters) are represented by the Date of their first day.
// A Date is a 4-byte value type with no time zone: health data is reported by calendar day.
#ifndef KAIZEN_DATE_H_
#define KAIZEN_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "kaizen/status.h"

namespace kaizen {

struct CivilDay {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

class Date {
 public:
  constexpr Date() = default;
  constexpr explicit Date(int32_t days_since_epoch) : days_(days_since_epoch) {}

  // Returns InvalidArgument when the day does not exist (2023-02-29, month 13).
  static Result<Date> FromCivil(int year, int month, int day);
  // Parses YYYY-MM-DD. Returns InvalidArgument naming the text when it is not one.
  static Result<Date> ParseIso(std::string_view text);

  constexpr int32_t days_since_epoch() const { return days_; }
  CivilDay ToCivil() const;
  std::string ToIso() const;        // "2024-03-01"
  std::string ToMonthYear() const;  // "March 2024"

  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr auto operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }

 private:
  int32_t days_ = 0;
};

// The Gregorian calendar's rule (Pope Gregory XIII, Inter gravissimas, 1582; ISO 8601-1:2019,
// terms and definitions, "leap year"): a year divisible by 4 is a leap year, except a century
// year, which is one only when divisible by 400 (2000 and 2024 are, 1900 and 2023 are not).
// Applied to every year, as the proleptic Gregorian calendar of Date does. The one copy: the
// importer, the engine and the board summary all ask here.
bool IsLeapYear(int year);

// The number of days, 28 to 31, in `month` (1 to 12) of `year`; 0 for a month outside 1..12.
int DaysInMonth(int year, int month);

// `d` plus `months` calendar months (negative goes back), the day clamped to the length of the
// month it lands in: 31 January plus one month is 28 February, or 29 in a leap year. The result
// is a day in the years Date::FromCivil accepts when the caller keeps within them.
Date AddMonths(Date d, int months);

// Days since the Monday that starts the ISO 8601 week holding `d`: 0 on a Monday, 6 on a
// Sunday (ISO 8601-1:2019, 3.2.2: the week starts on Monday). The one weekday rule: aggregation
// into weeks, week labels and the importer's weeks all ask here.
int DaysSinceMonday(Date d);

// What the periods of a series are, each kept as the Date of its first day: the one place that
// says how a period is written back (FormatPeriod). kDate: days and months, shown as dates.
enum class PeriodKind : uint8_t {
  kDate,
  kIsoWeek,           // ISO 8601 weeks, each its Monday: "2024-W05"
  kFinancialQuarter,  // NHS financial quarters (April to June is Q1): "2016/17 Q1"
  kFinancialYear,     // NHS financial years, 1 April to 31 March: "2016/17"
  // Plain sequence numbers 1, 2, 3... (ordinal periods, no calendar): the Date's day count is
  // the number itself, so a sequence is never shown or read as a date.
  kSequence,
};

// A period as people write it: kIsoWeek "2024-W05" (the ISO week holding `first_day`),
// kFinancialQuarter "2016/17 Q1", kFinancialYear "2016/17", kSequence "3", kDate ISO 8601
// "2024-03-01".
std::string FormatPeriod(Date first_day, PeriodKind kind);

// The kind's name in JSON and the catalogue: "date", "iso_week", "financial_quarter",
// "financial_year", "sequence".
std::string_view PeriodKindName(PeriodKind kind);

}  // namespace kaizen

#endif  // KAIZEN_DATE_H_
