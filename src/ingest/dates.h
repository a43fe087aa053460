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

// The one policy for the day/month order of a column's slash dates (docs/cli.md, "Dates"),
// used by the long-format mapper (and so the wide and xlsx readers) and the records reader:
// - a named format (kDayMonthYear, kMonthDayYear) decides without looking;
// - otherwise the first date that fits only one reading (13/01/2024 day first, 1/13/2024 month
//   first) decides, and a column with dates of both kinds is mixed, an error (ambiguous_dates);
// - when no date decides, the column is ambiguous and read day first, as UK data are written
//   (domain.md), with a warning (guessed_date_order).
// Feed it every slash date of the column (Note), then ask order(). A plain value.
class SlashDateOrder {
 public:
  // A slash date as written, where it was: the evidence a message quotes.
  struct Witness {
    int line = 0;  // 0: none seen
    std::string text;
  };

  explicit SlashDateOrder(DateFormat format) : format_(format) {}

  // What one date told: nothing new, the order (the first date that fits one reading only), or
  // that the column is mixed (the first date that fits only the other reading).
  enum class News { kNone, kDecides, kMixes };
  // Notes the slash date `raw` (raw.slash) written `text` at `line`.
  News Note(const RawPeriod& raw, int line, std::string_view text);

  DateOrder order() const;
  // Slash dates were seen, no format was named and none decided: order() is the UK guess.
  bool ambiguous() const;
  bool mixed() const { return day_month_.line != 0 && month_day_.line != 0; }

  const Witness& first() const { return first_; }
  const Witness& month_day() const { return month_day_; }

  // "the dates mix two formats: line 2 has '13/01/2024', which can only be dd/mm/yyyy, and
  // line 3 has '1/13/2024', which can only be m/d/yyyy; name the date format (--date-format)"
  std::string MixedMessage() const;
  // "every date such as '01/02/2024' fits both dd/mm/yyyy and m/d/yyyy; read as dd/mm/yyyy
  // (UK): name the date format (--date-format) if they are m/d/yyyy"
  std::string GuessMessage() const;

 private:
  DateFormat format_;
  Witness first_, day_month_, month_day_;
};

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
