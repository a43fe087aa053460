// Reading the rows of one sheet of an Excel .xlsx workbook, for the long-format mapping.
//
// The reader hands each row of the sheet to a RowSink (ingest/row_source.h), header row first,
// cells as text: shared, inline and rich-text strings; numbers as written; booleans as TRUE or
// FALSE; numbers in date-formatted cells as YYYY-MM-DD (1900 or 1904 date system). Rows holding
// only empty cells are skipped; a row with an unreadable cell goes to RowSink::OnBadRow. Lines
// are the sheet's row numbers and columns its column numbers (A = 1); diagnostics about cells
// name the file "path[Sheet name]" (XlsxSheetLabel), which Diagnostic::ToString shows with the
// cell as Excel names it, "path:Sheet1!B7". Parts are inflated as streams within the limits of
// docs/cli.md ("Input limits"): a part beyond them is refused by name. A call uses only its own
// state.
#ifndef KAIZEN_INGEST_XLSX_XLSX_READER_H_
#define KAIZEN_INGEST_XLSX_XLSX_READER_H_

#include <string>
#include <string_view>

#include "ingest/row_source.h"
#include "kaizen/diagnostics.h"
#include "kaizen/status.h"

namespace kaizen::ingest {

// Reads `sheet` (a name, a 1-based index as text, or "" for the first sheet) of the workbook
// at `path`. Returns NotFound when the file cannot be opened; with a diagnostic,
// InvalidArgument when it is not a workbook or has no such sheet, Corruption when it is a
// damaged one, ResourceExhausted when a part is beyond a limit of docs/cli.md; or the sink's
// status when the sink stops the read.
Status ReadXlsxRows(const std::string& path, const std::string& sheet, Diagnostics* diagnostics,
                    RowSink& sink);

// The name of the sheet that ReadXlsxRows(path, sheet, ...) would read; its errors, with the
// same diagnostics.
Result<std::string> XlsxSheetName(const std::string& path, const std::string& sheet,
                                  Diagnostics* diagnostics);

// The same two for a workbook in memory (an upload), named `name` in diagnostics as a file
// would be. libzip reads `bytes` in place: they must outlive the call.
Status ReadXlsxRows(std::string_view bytes, const std::string& name, const std::string& sheet,
                    Diagnostics* diagnostics, RowSink& sink);
Result<std::string> XlsxSheetName(std::string_view bytes, const std::string& name,
                                  const std::string& sheet, Diagnostics* diagnostics);

// "path[Sheet name]": the file of every diagnostic about a sheet's cells.
std::string XlsxSheetLabel(const std::string& path, const std::string& sheet_name);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_XLSX_XLSX_READER_H_
