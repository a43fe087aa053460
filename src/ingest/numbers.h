// Parsing the numeric cells of a data file (value, numerator, denominator).
//
// ParseNumber reads plain decimals only ("12", "-0.5", "1.2e3", surrounding spaces allowed): no
// thousands separators, units or percent signs, because a silently misread number would move a
// control limit. ReadNumberCell adds the forms spreadsheets write, each under a rule that cannot
// misread (docs/cli.md, "Numbers as spreadsheets write them"): thousands separators only in valid
// groups, a decimal comma only when declared, a percent sign only where the indicator counts in
// per cent, Excel's error values as missing. Pure functions, safe from any thread.
#ifndef KAIZEN_INGEST_NUMBERS_H_
#define KAIZEN_INGEST_NUMBERS_H_

#include <string_view>

namespace kaizen::ingest {

enum class NumberParse {
  kOk,        // *out holds a finite number
  kMissing,   // empty, "NA", "N/A", "NULL" or "*" (a suppressed small number): a missing value
  kTooLarge,  // a number beyond the range of a double (1e309); *out is unchanged
  kBad,       // anything else; *out is unchanged
};

NumberParse ParseNumber(std::string_view text, double* out);

// How the numbers of one data file (and one indicator) are written.
struct NumberStyle {
  // "12,5" is 12.5 and '.' groups thousands ("1.234,5"); declared with [columns] decimal = ",".
  bool decimal_comma = false;
  // The indicator's unit is "%" (and its multiplier 1): "78.3%" is 78.3, the number shown.
  bool percent_unit = false;
};

enum class CellNumber {
  kOk,           // *out holds a finite number
  kMissing,      // as NumberParse::kMissing
  kExcelError,   // #N/A, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #NULL!: missing, with a warning
  kPercent,      // "78.3%" where the indicator's unit is not "%": refused, never divided by 100
  kBadGrouping,  // a separator that does not group thousands ("1,23") or a decimal comma
                 // that was not declared
  kTooLarge,     // as NumberParse::kTooLarge
  kBad,          // anything else
};

// Reads one numeric cell of a data file in `style`. *out is set only for kOk.
CellNumber ReadNumberCell(std::string_view text, const NumberStyle& style, double* out);

// True for Excel's error values, as a cell shows them ("#N/A", "#DIV/0!", ...).
bool IsExcelError(std::string_view text);

// ASCII spaces and tabs removed from both ends.
std::string_view TrimSpaces(std::string_view text);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_NUMBERS_H_
