// The small, pure parts of reading .xlsx cells: cell references, date serials and number
// formats. Kept apart from the zip and XML plumbing so they can be tested directly.
// Pure functions, safe from any thread.
#ifndef KAIZEN_INGEST_XLSX_XLSX_CELLS_H_
#define KAIZEN_INGEST_XLSX_XLSX_CELLS_H_

#include <optional>
#include <string>
#include <string_view>

#include "kaizen/date.h"

namespace kaizen::ingest {

// The widest sheet Excel allows: columns A..XFD, rows 1..1,048,576 (Excel specifications and
// limits).
inline constexpr int kMaxXlsxColumn = 16384;
inline constexpr int kMaxXlsxRow = 1048576;

struct CellReference {
  int column = 0;  // 1-based: A = 1, Z = 26, AA = 27
  int row = 0;     // 1-based
};

// Parses an A1-style reference ("B7", "AA10"; ECMA-376 Part 1, 18.3.1.4, ST_CellRef). Returns
// nullopt when it is not one or lies outside Excel's limits.
std::optional<CellReference> ParseCellReference(std::string_view text);

// The calendar day of a date serial: whole days since the workbook's epoch, the fraction (a time
// of day) dropped. In the 1900 date system serial 1 is 1900-01-01 and, as in Lotus 1-2-3, 1900
// is taken as a leap year, so serial 60 is the non-existent 1900-02-29 (ECMA-376 Part 1,
// 18.17.4.1): days from 61 on are counted from 1899-12-30, days before 60 from 1899-12-31. In the
// 1904 system serial 0 is 1904-01-01. Returns nullopt for serial 60 of the 1900 system, for
// serials before day 1 (1900) or 0 (1904), for values past 9999-12-31 and for non-numbers.
std::optional<Date> DateFromSerial(double serial, bool date1904);

// True when a cell formatted with number format `id` (and `code` for custom formats, id >= 164)
// shows a date. Built-in 14-17 and 22 are dates (ECMA-376 Part 1, 18.8.30); 18-21 and 45-47 show
// only a time of day, which is no period, so they are not. A custom format is a date when,
// outside quoted text, escapes and [bracketed] sections, it has a day or year code, or a month
// code with no hour or second beside it ("mm" in "h:mm" is minutes).
bool IsDateFormat(int id, std::string_view code);

// True when number format `id` (`code` for custom formats, id >= 164) shows a percentage: built-in
// 9 ("0%") and 10 ("0.00%"), or a custom code with a '%' outside quoted text, escapes and
// [bracketed] sections. Excel stores 90 % as 0.9.
bool IsPercentFormat(int id, std::string_view code);

// The text a percent-formatted cell shows, "90%" for the stored "0.9" (the value times 100,
// shortest form, then '%'); nullopt when `stored` is not a finite number. The reader passes this
// text on so that the one rule for percentages (docs/cli.md, "Percentages") applies to CSV and
// .xlsx alike.
std::optional<std::string> PercentText(std::string_view stored);

// A column number as its letters: 1 = A, 27 = AA, 16384 = XFD.
std::string ColumnLetters(int column);

// How a whole number in a workbook's period column is read. Excel stores a typed date as a
// serial in a date-formatted cell, which the reader turns into a date before this is asked; a
// plain number there is something else: a yyyymm month (202001, 2020-01) or a yyyy year (2020,
// read as its first day, 2020-01-01), or nothing kaizen should guess at.
struct NumberPeriod {
  enum class Kind { kNotWhole, kYearMonth, kYear, kRefused } kind = Kind::kNotWhole;
  std::string text;  // kYearMonth: "2020-01"; kYear: "2020-01-01"
};
// `text` is the cell's text as the reader produced it, spaces and tabs around it ignored.
// kNotWhole: not all digits (a date, text,
// a decimal), left to the period rules. Years and yyyymm years run from 1900 to 9999, months from
// 01 to 12; any other run of digits is kRefused.
NumberPeriod ReadNumberPeriod(std::string_view text);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_XLSX_XLSX_CELLS_H_
