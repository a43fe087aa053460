// RowSink: the seam between a file reader (CSV tokenizer, .xlsx sheet reader) and the
// long-format mapping that turns rows into Series.
//
// A reader calls OnRow once per row, in file order, starting with the header row. Field i of a
// row is the cell in column i + 1 (the 1-based column that diagnostics report); a reader of a
// format with sparse rows (.xlsx) passes empty views for absent cells and may omit trailing
// empty cells. `line` is the 1-based line (CSV: where the row starts, since quoted fields may
// span lines) or row number (.xlsx). The views are valid only during the call. Cells hold text:
// numbers as their decimal text, dates as ISO 8601 text (YYYY-MM-DD) or, in .xlsx, the date
// serial as a whole number. A sink is used by one thread at a time.
#ifndef KAIZEN_INGEST_ROW_SOURCE_H_
#define KAIZEN_INGEST_ROW_SOURCE_H_

#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "kaizen/diagnostics.h"
#include "kaizen/status.h"

namespace kaizen::ingest {

class RowSink {
 public:
  virtual ~RowSink() = default;
  // Returns a non-OK status to stop the read (a fatal problem, already reported as a
  // diagnostic, or a failure of the series callback); the reader then returns that status.
  virtual Status OnRow(int line, std::span<const std::string_view> fields) = 0;
  // A row the reader could read only partly (CSV: text after a closing quote; .xlsx: a cell that
  // cannot be read), at the 1-based field `column`, with the kind of fault `code` (a diag::
  // code: every reader names one, so no diagnostic is ever uncoded). The sink reports it (an
  // error, or a warning under --lenient) and skips it.
  virtual Status OnBadRow(std::string_view code, int line, int column, std::string message) = 0;
  // The 1-based column that holds periods, known once the header row has been passed; 0 when
  // there is none or the sink does not say. A reader of typed cells (.xlsx) uses it to read the
  // plain numbers of that column as periods, not as quantities (xlsx_cells.h, ReadNumberPeriod).
  virtual int PeriodColumn() const { return 0; }
};

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_ROW_SOURCE_H_
