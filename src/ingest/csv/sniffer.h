// Dialect and header detection for CSV text: which delimiter separates the fields, and whether
// the first row names the columns. Pure functions, safe from any thread.
#ifndef KAIZEN_INGEST_CSV_SNIFFER_H_
#define KAIZEN_INGEST_CSV_SNIFFER_H_

#include <span>
#include <string_view>

namespace kaizen::ingest {

// The delimiter among ',', ';' and '\t' that splits the first rows of `sample` (the start of the
// file) into the same number of fields, more than one; the most fields wins a tie. ',' when no
// candidate splits consistently. `sample_is_whole_file`: the last row is complete. With
// `decimal_comma` the comma belongs to the numbers ("12,5"): the choice is ';' or '\t', ';' when
// neither splits consistently.
char SniffDelimiter(std::string_view sample, bool sample_is_whole_file, bool decimal_comma = false);

// True when a row looks like column names: some field is non-empty and none is a number or a
// date (a header row of "2022-03-01,12" is data, not names).
bool LooksLikeHeader(std::span<const std::string_view> fields);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_CSV_SNIFFER_H_
