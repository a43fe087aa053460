// WideFormatAdapter: reads a wide table, one column per period as spreadsheets export it
// ("indicator,organisation,Apr-16,May-16,..."), and feeds each period cell to a LongFormatMapper
// as one long row: the row's other cells, the column's period, and the cell as the value.
//
// The header decides (docs/cli.md, "Wide files"): with [columns] layout = "wide", or with
// layout "auto" when the header has no period column and at least two of its cells name
// periods, the table is wide; otherwise every row passes to the mapper unchanged. Header cells
// are read by the period rules of the long format (dates.h), with two additions for spreadsheet
// exports: Mon-YY headers ("Apr-16"), read as Excel reads a two-digit year when every period
// cell is one and they run month after month, and in .xlsx plain whole numbers (yyyymm, yyyy,
// else an Excel date serial). Diagnostics about a cell name the file's line and the cell's own
// column (LongFormatMapper::SetSourceColumns). One table, one thread; the mapper must outlive
// the adapter and the diagnostics both.
#ifndef KAIZEN_INGEST_WIDE_FORMAT_H_
#define KAIZEN_INGEST_WIDE_FORMAT_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/long_format.h"
#include "ingest/row_source.h"
#include "kaizen/diagnostics.h"
#include "kaizen/status.h"

namespace kaizen::ingest {

class WideFormatAdapter final : public RowSink {
 public:
  // `spreadsheet`: the rows come from an .xlsx sheet (plain numbers in the header may be periods;
  // rows may stop before their last empty cells).
  WideFormatAdapter(LongFormatMapper* mapper, std::string file_name, Diagnostics* diagnostics,
                    bool spreadsheet);

  // Returns InvalidArgument (reported) for a wide header that cannot be read; otherwise what
  // the mapper returns.
  Status OnRow(int line, std::span<const std::string_view> fields) override;
  Status OnBadRow(std::string_view code, int line, int column, std::string message) override;
  // 0 for a wide table: no column of its data rows holds periods.
  int PeriodColumn() const override;

  bool wide() const { return wide_; }

 private:
  struct PeriodCell {
    int column = 0;    // 0-based column of the file
    std::string text;  // the period as the mapper reads it
  };
  // How one header cell reads.
  enum class HeaderCell { kEmpty, kPeriod, kTwoDigitYear, kSerial, kOther };

  Status ReadHeader(int line, std::span<const std::string_view> fields);
  HeaderCell Classify(std::string_view text, std::string* period_text) const;
  // Mon-YY headers: every period cell one, month after month; rewritten as yyyy-mm.
  Status ReadTwoDigitYears(int line, std::span<const std::string_view> fields);
  Status CheckOtherCells(int line, std::span<const std::string_view> fields);
  Status CheckDuplicatePeriods(int line);
  Status ReadRow(int line, std::span<const std::string_view> fields);
  Status HeaderError(std::string_view code, int line, int column, std::string message);

  LongFormatMapper* mapper_;
  const std::string file_name_;
  Diagnostics* diagnostics_;
  const bool spreadsheet_;
  bool have_header_ = false;
  bool wide_ = false;
  std::size_t header_size_ = 0;
  int header_line_ = 0;
  std::vector<PeriodCell> periods_;
  std::vector<int> id_columns_;           // 0-based: the cells copied to every long row
  std::vector<bool> two_digit_;           // parallel to periods_: written Mon-YY
  std::vector<std::string_view> long_;    // the long row being fed: ids, period, value
  std::vector<int> source_;               // parallel to long_: the file's 1-based column
  std::vector<std::string> header_copy_;  // the header's ids and names, alive for long_
};

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_WIDE_FORMAT_H_
