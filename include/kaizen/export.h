// Exports for other programs: per-point results and summary rows as CSV (RFC 4180) and JSON.
// Pure functions appending to a string, so large outputs can be streamed in chunks.
#ifndef KAIZEN_EXPORT_H_
#define KAIZEN_EXPORT_H_

#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "kaizen/summary.h"

namespace kaizen {

// One row per point: indicator, organisation, period, value, numerator, denominator, segment,
// in_baseline, ghosted, missing, centre, lower3..upper3, label, side, class, flags.
std::string PointsCsvHeader();
void AppendPointsCsv(const SeriesResult& result, std::string* out);

// One row per summary row (the columns of the board table).
std::string SummaryCsvHeader();
void AppendSummaryCsv(const SummaryRow& row, std::string* out);
std::string SummaryRowToJson(const SummaryRow& row);

// A CSV field quoted when it needs to be (RFC 4180).
std::string CsvField(std::string_view text);

}  // namespace kaizen

#endif  // KAIZEN_EXPORT_H_
