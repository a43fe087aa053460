// LongFormatMapper: turns the rows of a long-format table (header row first) into Series, one
// per indicator × organisation, for any row reader (CSV, .xlsx) through RowSink.
//
// Columns are found by name (ColumnMapping; case-insensitive). Each indicator's chart type
// (from the catalogue; without one, numerator and denominator columns mean ratios) decides
// whether a row carries a value, a numerator and a denominator, or one subgroup observation
// (x̄ and s charts). Rows sharing a period are an error unless the indicator's aggregation
// combines them. Slash dates are read d/m or m/d as the whole column decides. Every problem is
// a diagnostic with the file, line and column; with ReadOptions::lenient a bad row is a warning
// and is skipped.
//
// Series are delivered through the SeriesCallback: at Finish(), sorted by indicator and
// organisation, and only when no error was raised; or, with ReadOptions::streaming, each as
// soon as the next one starts, which needs the rows grouped by series. A mapper reads one
// table once, on one thread; the catalogue, options and callback must outlive it.
#ifndef KAIZEN_INGEST_LONG_FORMAT_H_
#define KAIZEN_INGEST_LONG_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "ingest/dates.h"
#include "ingest/expression.h"
#include "ingest/numbers.h"
#include "ingest/row_source.h"
#include "ingest/row_store.h"
#include "kaizen/catalogue.h"
#include "kaizen/diagnostics.h"
#include "kaizen/ingest.h"
#include "kaizen/model.h"

namespace kaizen::ingest {

class LongFormatMapper final : public RowSink {
 public:
  LongFormatMapper(std::string file_name, const Catalogue* catalogue, const ReadOptions& options,
                   Diagnostics* diagnostics, const SeriesCallback& on_series);

  // For .xlsx: a whole number in the period column is an Excel date serial, and a row may stop
  // before its last empty cells.
  void SetSpreadsheetRows() { spreadsheet_ = true; }

  Status OnRow(int line, std::span<const std::string_view> fields) override;
  // A row the reader could not split (a stray quote): counted and handled like any bad row.
  Status OnBadRow(std::string_view code, int line, int column, std::string message) override;
  int PeriodColumn() const override { return col_period_ + 1; }

  // What the caller's options and the catalogue say of the file (options first): its layout,
  // whether its numbers have a decimal comma, and the names of its period and value columns.
  TableLayout Layout() const;
  bool DecimalComma() const;
  std::string PeriodColumnName() const { return ColumnName(&ColumnMapping::period); }
  std::string ValueColumnName() const { return ColumnName(&ColumnMapping::value); }

  // The 0-based column of `header` that holds periods, found as ReadHeader finds it; -1 when
  // there is none.
  int FindPeriodColumn(std::span<const std::string_view> header) const;

  // For an adapter that reshapes rows before they reach the mapper (wide_format.h): column i + 1
  // of the rows it feeds is column source[i] (1-based) of the file, for diagnostics; an empty
  // span turns this off. The adapter keeps `source` alive and may change it between rows.
  void SetSourceColumns(std::span<const int> source) { source_columns_ = source; }

  // Ends the table: resolves dates, delivers the remaining series and returns what was read.
  // `read_status` is what the row reader returned. Returns InvalidArgument when any error was
  // raised during the read, or the callback's status when it stopped the read.
  Result<ImportSummary> Finish(const Status& read_status);

 private:
  enum class Shape : uint8_t { kValue, kRatio, kSubgroup };

  // An indicator's own measures and filter (docs/catalogue.md, "Expressions"), bound to this
  // file's header; an absent one reads the file's column (or every row).
  struct Plan {
    std::optional<Expression> value, numerator, denominator, where;
  };

  struct Key {
    std::string indicator;
    std::string organisation;
    const Indicator* definition = nullptr;
    const Plan* plan = nullptr;
    Shape shape = Shape::kValue;
    bool usable = true;  // false: unknown indicator, or its columns are missing
    int32_t last_line = 0;
    // No catalogue chart and both value and numerator/denominator columns: the rows decide the
    // shape (a value beside empty numerator and denominator is a value row), at FinishSeries.
    bool shape_from_rows = false;
    int32_t value_rows = 0, ratio_rows = 0;
    int32_t first_value_line = 0, first_ratio_line = 0;
    // How the series' first period was written; every other must be written the same way.
    PeriodKind period_kind = PeriodKind::kDate;
    int32_t first_period_line = 0;
  };

  using Row = StoredRow;

  // A row of one series with its period resolved, while the series is finalised: 8 bytes, so
  // sorting a long series by period moves little.
  struct Slot {
    Date period;
    uint32_t row;  // index into store_
  };

  struct CellError {
    int column = 0;  // 0-based
    std::string_view code;
    std::string message;
  };

  // A column that looks like the indicator (organisation) column while --indicator (--org)
  // stands in for one: the first value it holds, to see whether the file holds several.
  struct Lookalike {
    int column = -1;
    int first_line = 0;
    std::string first_text;
  };

  Status ReadHeader(int line, std::span<const std::string_view> fields);
  // Binds the catalogue's expressions to the header: an error for each column they name that
  // the file lacks. Returns false when any is missing.
  bool BindPlans(int line, std::span<const std::string_view> fields);
  bool BindExpression(int line, std::span<const std::string_view> fields, std::string_view owner,
                      std::string_view key, const std::string& text, ExpressionKind kind,
                      std::optional<Expression>* out);
  // The row's numbers for one indicator (the "one measure per column" layout feeds each row to
  // several): filters, reads and queues it.
  Status AddRow(int line, std::span<const std::string_view> fields, std::string_view indicator,
                std::string_view organisation);
  // One of the row's numbers, from the indicator's expression when it has one, else from
  // `column`. Returns false with last_number_error_ set when it cannot be read.
  bool ReadMeasure(std::span<const std::string_view> fields, const std::optional<Expression>& expr,
                   int column, std::string_view what, double* out);
  bool ParseCell(std::span<const std::string_view> fields, int column, const std::string& name,
                 double* out);
  // How the numbers of `key`'s rows are written: the file's decimal mark, and whether a percent
  // sign may be read (the indicator's unit is "%" and its multiplier 1).
  NumberStyle StyleFor(const Key& key) const;
  // Why a percentage cannot be read for `key` (CellNumber::kPercent).
  std::string PercentRefusal(const Key& key, std::string_view text, const std::string& name) const;
  // The file's column of 1-based `column` (MapReshapedColumns).
  int SourceColumn(int column) const;
  // Whether `where` (the indicator `key`'s, or with null the catalogue's) keeps the row; an
  // undecidable filter is a bad row (*status says whether to stop).
  bool Keeps(int line, std::span<const std::string_view> fields, const Expression& where,
             const Key* key, Status* status);
  // An error for each mapped column whose name occurs again in the header.
  Status CheckDuplicateColumns(int line, std::span<const std::string_view> header);
  // The first column not mapped whose name contains one of `words` (lower case), or -1.
  int FindLookalike(std::span<const std::string_view> header,
                    std::initializer_list<std::string_view> words) const;
  // An error when `lookalike` holds a second distinct value on this row.
  Status CheckLookalike(int line, std::span<const std::string_view> fields, Lookalike* lookalike,
                        std::string_view what, std::string_view option,
                        std::string_view column_option);
  // -1 when the mapping's column is absent (or named "").
  int FindColumn(std::span<const std::string_view> header, const std::string& name,
                 std::initializer_list<std::string_view> aliases) const;
  std::string ColumnName(std::string ColumnMapping::*field) const;
  Status LookUpKey(int line, std::string_view indicator, std::string_view organisation,
                   int32_t* key);
  Shape ShapeOf(const Indicator* definition) const;
  std::string_view Cell(std::span<const std::string_view> fields, int column) const;

  // A bad row: an error, or under --lenient a warning and the row is skipped. Returns a non-OK
  // status when the read must stop (too many errors).
  // `code` is one of diag::k*.
  Status BadRow(std::string_view code, int line, int column, std::string message);
  Status BadCell(int line, CellError error);
  Status Error(std::string_view code, int line, int column, std::string message);
  void Warn(std::string_view code, int line, int column, std::string message);
  void NoteSlashDate(int line, const RawPeriod& raw, std::string_view text);
  // A bad row when `raw` is written as another kind of period than the series' first.
  Status CheckPeriodKind(int line, const RawPeriod& raw, std::string_view text, Key* key);

  // Resolves, sorts, combines and delivers (or keeps, when not streaming) one series.
  Status FinishSeries(int32_t key, RowSelection rows);
  // Resolves the periods of `rows` and returns them sorted by period (stable: file order
  // within a period). A row whose period cannot be resolved is a bad row and left out.
  Status ResolvedSlots(RowSelection rows, std::vector<Slot>* slots);
  // The series' columns, taken from store_ without a copy when it holds just this series, in
  // period order, one row per period.
  bool TakeColumnsWhole(const Key& key, RowSelection rows, const std::vector<Slot>& slots,
                        Series* series);
  // Groups the stored rows by series (file order within each) and finishes each series in
  // indicator, organisation order.
  void FinishAllSeries();
  // Settles the shape of a key whose rows decide it; an error when they mix the two kinds.
  Status SettleShape(Key* key);
  // Notes which kind of row `row` is for a key whose rows decide its shape.
  static void NoteRowKind(const Row& row, Key* key);
  // A located diagnostic when the row's counts or ratio cannot be a point of its chart
  // (CheckPoint), or its value times the multiplier is beyond a double.
  std::optional<CellError> RowNumberProblem(const Key& key, const Row& row) const;
  Status CombineDuplicates(const Key& key, std::span<const Slot> group, Observation* out);
  void CheckMissingPeriods(const Key& key, const std::vector<Date>& periods);
  // The same for sequence numbers: "2 periods missing between 4 and 7 (the first is 5)".
  void CheckMissingNumbers(const std::string& series, const std::vector<Date>& periods);
  Status Deliver(Series&& series);

  const std::string file_name_;
  const Catalogue* catalogue_;
  const ReadOptions& options_;
  Diagnostics* diagnostics_;
  const SeriesCallback& on_series_;
  const std::size_t errors_at_start_;
  bool spreadsheet_ = false;

  bool have_header_ = false;
  int header_line_ = 0;
  std::string found_columns_;  // the header's names, for "found: ..." in diagnostics
  std::size_t header_size_ = 0;
  std::vector<std::string> header_names_;
  Lookalike unread_indicator_, unread_organisation_;
  int col_indicator_ = -1, col_organisation_ = -1, col_period_ = -1, col_value_ = -1;
  int col_numerator_ = -1, col_denominator_ = -1, col_comment_ = -1;
  std::unordered_map<std::string_view, const Indicator*> indicators_;
  std::vector<Plan> plans_;  // parallel to catalogue_->indicators
  std::optional<Expression> file_where_;
  // No indicator column and indicators that name their own measures: every row feeds each of
  // them (the sitrep layout, one measure per column).
  bool wide_ = false;
  bool streaming_ = false;  // options_.streaming, except for the wide layout (rows interleave)
  std::unordered_set<std::string> reported_;  // unknown ids and charts lacking columns, once each

  std::vector<Key> keys_;
  std::unordered_map<std::string, int32_t> key_index_;
  std::string key_scratch_;
  int32_t last_key_ = -1;
  RowStore store_;           // all rows, or the current series' rows when streaming
  std::vector<Slot> slots_;  // the series being finished, in period order
  std::vector<std::string> comments_;
  std::vector<Series> finished_;  // not streaming: delivered at Finish when no error was raised

  SlashDateOrder slash_order_;       // the order of the period column's slash dates
  bool guessed_order_used_ = false;  // a series was resolved before any evidence (streaming)
  bool fatal_ = false;

  std::size_t warnings_ = 0;
  std::size_t warnings_not_shown_ = 0;
  Status stop_;                  // the callback's failure, returned from Finish
  CellError last_number_error_;  // the bad number of the row being read
  int reading_line_ = 0;         // the line of the row being read, for a cell's warning
  const Key* reading_key_ = nullptr;
  std::span<const int> source_columns_;  // SetSourceColumns
  ImportSummary summary_;
};

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_LONG_FORMAT_H_
