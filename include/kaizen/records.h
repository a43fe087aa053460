// A table of records: a CSV with one row per admission, incident or measurement, held as text,
// for the analysis jobs (describe, histogram, Pareto, scatter, regression, capability and
// aggregate; include/kaizen/app_analysis.h). This is the one records reader: its numbers follow
// the same missing-value rules as the long-format reader's, and its dates the same parser and
// the same default order (day first, as UK data are written) as the long format's.
//
// Every function is pure apart from ReadRecordTable's read of the file, and reentrant. A failure
// returns a Status whose message says what was wrong; when the problem is in one cell, the
// located diagnostic (file, line, column, code from kaizen/diagnostics.h) is also added to
// *diagnostics, and the message is that diagnostic's text. A RecordTable is a plain value.
#ifndef KAIZEN_RECORDS_H_
#define KAIZEN_RECORDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kaizen/date.h"
#include "kaizen/diagnostics.h"
#include "kaizen/env.h"
#include "kaizen/ingest.h"
#include "kaizen/status.h"

namespace kaizen {

// The header and every row as the tokenizer gave them (quotes removed, nothing trimmed), with
// each row's 1-based line for messages. Blank lines are not records.
struct RecordTable {
  std::string path;  // names the table in messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;

  // The cell at `row` (0-based) and `column` (0-based); "" when the row is shorter.
  std::string_view Cell(std::size_t row, int column) const;
};

// Reads `path` whole (up to 1 GiB, docs/cli.md "Input limits"). `delimiter` '\0' sniffs it.
// The tokenizer's diagnostics (warnings too) are added to *diagnostics. Fails with the read's
// status ("PATH: reason") when the file cannot be read, InvalidArgument when it is not CSV text
// or has no header row.
// The file is read through `env` (a test may give a MemoryEnv).
Result<RecordTable> ReadRecordTable(const std::string& path, char delimiter,
                                    Diagnostics* diagnostics, Env* env = Env::Default());
// The bytes of `path` (up to 1 GiB) read through `env`, as ReadRecordTable reads them; fails as
// it does.
Result<std::string> ReadRecordFile(const std::string& path, Env* env = Env::Default());
// The same for CSV text in memory (an upload); `name` names it in messages.
Result<RecordTable> ParseRecordTable(std::string text, const std::string& name, char delimiter,
                                     Diagnostics* diagnostics);

// The 0-based index of the column `name`. `role` names who asked for it in the message (the
// CLI passes its option, "--x"): "ROLE: PATH has no column 'NAME'; its columns are: ...".
Result<int> FindRecordColumn(const RecordTable& table, std::string_view name,
                             std::string_view role);

// The column as numbers: empty, NA, N/A, NULL and * are missing (NaN); TRUE/FALSE in any case are
// 1/0, so that yes/no columns can be counted. Anything else fails at its cell (bad_number,
// value_overflow).
Result<std::vector<double>> RecordNumbers(const RecordTable& table, int column,
                                          Diagnostics* diagnostics);

// The column as dates, read by the period parser of the long format (ISO, dd/mm/yyyy, m/d/yyyy,
// month names), its slash dates ordered by the long format's policy (ingest::SlashDateOrder):
// with kAuto, day first unless a cell fits only month first; when no cell decides, day first
// with a guessed_date_order warning in *diagnostics; a column with cells of both kinds fails at
// the first cell of the second kind (ambiguous_dates). An empty or unreadable cell fails at that
// cell (empty_period, bad_date, two_digit_year).
Result<std::vector<Date>> RecordDates(const RecordTable& table, int column, DateFormat format,
                                      Diagnostics* diagnostics);

// The diagnostic for the cell at `row`, `column` of `table`: "FILE:LINE:COL: error [CODE]:
// column 'NAME': MESSAGE". For checks of a column that the callers make themselves.
Diagnostic RecordCellError(const RecordTable& table, std::size_t row, int column,
                           std::string_view code, std::string message);

// "a,b,c" → {"a", "b", "c"}; "" → {""}: how a list of column names is written ("COL1,COL2").
std::vector<std::string> SplitColumnList(std::string_view list);

}  // namespace kaizen

#endif  // KAIZEN_RECORDS_H_
