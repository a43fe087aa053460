// Parsing the numeric cells of a data file (value, numerator, denominator).
//
// Plain decimals only ("12", "-0.5", "1.2e3", surrounding spaces allowed): no thousands
// separators, units or percent signs, because a silently misread number would move a control
// limit. Pure functions, safe from any thread.
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

// ASCII spaces and tabs removed from both ends.
std::string_view TrimSpaces(std::string_view text);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_NUMBERS_H_
