// Import of long-format data: one row per indicator × organisation × period with a value, or a
// numerator and a denominator, or one row per subgroup observation. CSV (RFC 4180; delimiter
// and header sniffed; UTF-8 with or without BOM, Windows-1252 fallback) and Excel .xlsx.
//
// Readers are pure functions of their input and options; diagnostics name the file, line and
// column of every problem. Nothing is written anywhere.
#ifndef KAIZEN_INGEST_H_
#define KAIZEN_INGEST_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kaizen/catalogue.h"
#include "kaizen/diagnostics.h"
#include "kaizen/model.h"
#include "kaizen/status.h"

namespace kaizen {

enum class DateFormat {
  kAuto,          // ISO 8601, month names, or d/m/y vs m/d/y decided from the file; ambiguous
                  // files (both 01/02/2022 and 9/30/2022 occur) are an error
  kIso,           // 2022-03-01
  kDayMonthYear,  // 01/03/2022 (UK)
  kMonthDayYear,  // 03/01/2022 (US)
};

struct ReadOptions {
  ColumnMapping columns;  // overrides the catalogue's mapping when set by the caller
  DateFormat date_format = DateFormat::kAuto;
  bool lenient = false;      // skip bad rows (each reported as a warning) instead of failing
  char delimiter = '\0';     // '\0': sniff among ',', ';' and '\t'
  std::string sheet;         // .xlsx: a sheet name, or a 1-based index as text; "" = first
  std::string indicator;     // when the file has no indicator column: the indicator id
  std::string organisation;  // when the file has no organisation column
  // The chart every series will be drawn as (--chart), over the catalogue's: it decides which
  // counts and ratios a row may hold (CheckPoint), each bad one reported with its line.
  std::optional<ChartType> chart;
  // Deliver each series as soon as the next one starts (the file must group its rows by
  // indicator and organisation); used for very large files. Otherwise series are collected,
  // sorted by indicator and organisation, and delivered at the end.
  bool streaming = false;
  // Optional: called on the reading thread as the file is read (CSV: after each block of the
  // final pass), with the bytes read so far and the file's size, for a progress bar.
  std::function<void(std::uint64_t bytes_read, std::uint64_t bytes_total)> on_progress;
};

// A comment attached to a data row (qualitative data kept with the numbers).
struct RowComment {
  std::string indicator;
  std::string organisation;
  Date period;
  std::string text;
};

struct ImportSummary {
  std::size_t rows_read = 0;
  std::size_t rows_skipped = 0;  // --lenient only
  std::size_t series = 0;
  std::vector<RowComment> comments;
};

// Called once per complete series (periods sorted ascending, duplicates resolved). Returning a
// non-OK status stops the read and is returned by ReadDataFile.
using SeriesCallback = std::function<Status(Series&& series)>;

// Reads a CSV or .xlsx file (by extension; otherwise sniffed). `catalogue` (may be null) gives
// the column mapping, each indicator's chart type (which columns it needs) and aggregation.
// Returns InvalidArgument when any error diagnostic was raised (the callback may already have
// been called in streaming mode) and NotFound (PermissionDenied when it may not be read) when
// the file cannot be opened.
Result<ImportSummary> ReadDataFile(const std::string& path, const Catalogue* catalogue,
                                   const ReadOptions& options, Diagnostics* diagnostics,
                                   const SeriesCallback& on_series);

// Convenience: all series of a file in memory.
Result<std::vector<Series>> ReadAllSeries(const std::string& path, const Catalogue* catalogue,
                                          const ReadOptions& options, Diagnostics* diagnostics,
                                          ImportSummary* summary = nullptr);

}  // namespace kaizen

#endif  // KAIZEN_INGEST_H_
