// Parsing the period column: ISO 8601 (2022-03-01, 2022-03 as a month), dd/mm/yyyy or m/d/yyyy,
// and month names ("Mar 2022", "March 2022", "01-Mar-2022"); two-digit years are refused.
//
// A slash date such as 01/02/2022 cannot be read alone: whether it is 1 February (UK) or
// 2 January (US) is decided from the whole column (DateOrderEvidence), so ParsePeriod keeps its
// parts in a RawPeriod and ResolvePeriod turns it into a Date once the order is known.
// Pure functions, safe from any thread.
#ifndef KAIZEN_INGEST_DATES_H_
#define KAIZEN_INGEST_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "kaizen/date.h"
#include "kaizen/ingest.h"

namespace kaizen::ingest {

enum class DateOrder { kDayMonth, kMonthDay };

// A parsed period: either a Date, or the parts of a slash date whose order is not yet known.
struct RawPeriod {
  int32_t days = 0;  // Date::days_since_epoch() when !slash
  int16_t year = 0;  // slash dates: the year and the two leading numbers, as written
  uint8_t first = 0;
  uint8_t second = 0;
  bool slash = false;
  PeriodKind kind = PeriodKind::kDate;  // what was written: a date, a week, a financial period
};

// Which readings of a slash date give a real calendar day.
struct SlashFit {
  bool day_month = false;  // first/second/year is a day: 13/01/2022
  bool month_day = false;  // 1/13/2022
};

enum class PeriodParse {
  kOk,
  kEmpty,
  kTwoDigitYear,  // a month name and a two-digit year ("Mar-22"): which century is unknown
  kBad,
};

// Parses one period cell. `format` kDayMonthYear or kMonthDayYear resolves slash dates at once;
// kIso rejects them; kAuto keeps them raw. With `excel_serials`, a whole number is an Excel
// date serial (days since 1899-12-30), as .xlsx stores dates.
PeriodParse ParsePeriod(std::string_view text, DateFormat format, bool excel_serials,
                        RawPeriod* out);

SlashFit FitsOf(const RawPeriod& raw);

// The largest sequence number read as an ordinal period: beyond it a plain number is more
// likely an identifier or a yyyymmdd date than the count of a period.
inline constexpr int kMaxSequenceNumber = 1'000'000;

// A plain whole number 1..kMaxSequenceNumber ("3", " 12 "): an ordinal period (kSequence) whose
// day count is the number. Returns false for anything else ("0", "3.0", "-1", "2024-01").
bool ParseSequence(std::string_view text, RawPeriod* out);

// "Apr-16", "Apr 16", "April-16": a month name and a two-digit year, as Excel's mmm-yy format
// shows a month (and as ParsePeriod refuses it, kTwoDigitYear). Returns false for anything else.
bool ParseMonthTwoDigitYear(std::string_view text, int* month, int* two_digit_year);

// The year Excel reads a typed two-digit year as: 00-29 in the 2000s, 30-99 in the 1900s
// (Microsoft, "How Excel works with two-digit year numbers", the default window of Windows).
int ExcelCenturyYear(int two_digit_year);

// The Date of `raw` read in `order` (ignored unless raw.slash). Returns false when that reading
// is not a calendar day.
bool ResolvePeriod(const RawPeriod& raw, DateOrder order, Date* out);

// What the accepted forms are, for "expected ..." in diagnostics.
std::string_view ExpectedDateForms(DateFormat format);

// The diagnostic for a period cell that ParsePeriod did not accept (`parse` is not kOk): its
// code (diag::k*) and what was found and expected.
struct PeriodError {
  std::string_view code;
  std::string message;
};
PeriodError DescribeBadPeriod(PeriodParse parse, std::string_view text, DateFormat format);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_DATES_H_
