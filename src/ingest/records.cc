// The records reader (kaizen/records.h): the CSV tokenizer into a table of text cells, and the
// long format's number and period parsers applied to one column at a time.
#include "kaizen/records.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <utility>

#include "core/read_limited.h"
#include "ingest/csv/csv_reader.h"
#include "ingest/dates.h"
#include "ingest/numbers.h"
#include "kaizen/model.h"

namespace kaizen {
namespace {

class TableSink final : public ingest::RowSink {
 public:
  explicit TableSink(RecordTable* table) : table_(table) {}
  Status OnRow(int line, std::span<const std::string_view> fields) override {
    std::vector<std::string> row(fields.begin(), fields.end());
    if (!have_header_) {
      table_->header = std::move(row);
      have_header_ = true;
      return Status::Ok();
    }
    // A blank line is not a record.
    if (row.size() == 1 && row[0].empty()) return Status::Ok();
    table_->rows.push_back(std::move(row));
    table_->lines.push_back(line);
    return Status::Ok();
  }
  // A records table has no diagnostics of its own for a row the reader cannot split: the
  // failure carries the place and the reader's message (the code is the reader's kind).
  Status OnBadRow(std::string_view /*code*/, int line, int column, std::string message) override {
    return Status::InvalidArgument(table_->path + ":" + std::to_string(line) + ":" +
                                   std::to_string(column) + ": " + message);
  }

 private:
  RecordTable* table_;
  bool have_header_ = false;
};

// Adds the cell's diagnostic and returns it as the failure.
Status CellFailure(const RecordTable& t, std::size_t row, int column, std::string_view code,
                   std::string message, Diagnostics* diagnostics) {
  Diagnostic d = RecordCellError(t, row, column, code, std::move(message));
  Status failure = Status::InvalidArgument(d.ToString());
  diagnostics->Add(std::move(d));
  return failure;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// The column's cells parsed, slash dates still raw and noted in *order; fails at the first cell
// that is no period. *mixed_row is the row whose date made the column mixed (-1: none).
Status ParseDateCells(const RecordTable& t, int column, DateFormat format,
                      std::vector<ingest::RawPeriod>* raw, ingest::SlashDateOrder* order,
                      std::ptrdiff_t* mixed_row, Diagnostics* diagnostics) {
  raw->assign(t.rows.size(), {});
  *mixed_row = -1;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string_view text = t.Cell(r, column);
    if (const ingest::PeriodParse p = ingest::ParsePeriod(text, format, false, &(*raw)[r]);
        p != ingest::PeriodParse::kOk) {
      ingest::PeriodError e = ingest::DescribeBadPeriod(p, text, format);
      return CellFailure(t, r, column, e.code, std::move(e.message), diagnostics);
    }
    if ((*raw)[r].slash &&
        order->Note((*raw)[r], t.lines[r], text) == ingest::SlashDateOrder::News::kMixes) {
      *mixed_row = static_cast<std::ptrdiff_t>(r);
    }
  }
  return Status::Ok();
}

}  // namespace

std::string_view RecordTable::Cell(std::size_t row, int column) const {
  const std::vector<std::string>& cells = rows[row];
  return static_cast<std::size_t>(column) < cells.size() ? std::string_view(cells[column])
                                                         : std::string_view();
}

Result<RecordTable> ParseRecordTable(std::string text, const std::string& name, char delimiter,
                                     Diagnostics* diagnostics) {
  RecordTable table;
  table.path = name;
  // The records file is read whole: record extracts for analysis are small (thousands of rows),
  // and the tokenizer reads it twice (encoding check, then rows).
  ingest::TextSource source(text);
  TableSink sink(&table);
  if (Status st = ingest::ReadCsvRows(source, name, delimiter, diagnostics, sink); !st.ok())
    return st;
  if (table.header.empty()) {
    return Status::InvalidArgument(name +
                                   ": the file is empty (expected a header row of column names)");
  }
  return table;
}

Result<std::string> ReadRecordFile(const std::string& path, Env* env) {
  std::string text;
  if (Status s = ReadFileLimited(path, kMaxRecordTableBytes, "the table", &text, env); !s.ok())
    return Status(s.code(), path + ": " + s.message());
  return text;
}

Result<RecordTable> ReadRecordTable(const std::string& path, char delimiter,
                                    Diagnostics* diagnostics, Env* env) {
  Result<std::string> text = ReadRecordFile(path, env);
  if (!text.ok()) return text.status();
  return ParseRecordTable(std::move(text).value(), path, delimiter, diagnostics);
}

Result<int> FindRecordColumn(const RecordTable& table, std::string_view name,
                             std::string_view role) {
  const auto it = std::find(table.header.begin(), table.header.end(), name);
  if (it != table.header.end()) return static_cast<int>(it - table.header.begin());
  std::string names;
  for (const std::string& h : table.header) names += (names.empty() ? "" : ", ") + h;
  return Status::NotFound(std::string(role) + ": " + table.path + " has no column '" +
                          std::string(name) + "'; its columns are: " + names);
}

Result<std::vector<double>> RecordNumbers(const RecordTable& table, int column,
                                          Diagnostics* diagnostics) {
  std::vector<double> out(table.rows.size(), kMissing);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::string text(ingest::TrimSpaces(table.Cell(r, column)));
    // Yes/no columns are counted as 1/0, as spreadsheets sum TRUE and FALSE.
    if (EqualsIgnoringCase(text, "true") || EqualsIgnoringCase(text, "false")) {
      out[r] = EqualsIgnoringCase(text, "true") ? 1 : 0;
      continue;
    }
    double v = 0;
    switch (ingest::ParseNumber(text, &v)) {
      case ingest::NumberParse::kOk:
        out[r] = v;
        break;
      case ingest::NumberParse::kMissing:
        break;
      case ingest::NumberParse::kTooLarge:
        return CellFailure(table, r, column, diag::kValueOverflow,
                           "'" + text +
                               "' is beyond the largest number kaizen can hold (expected a "
                               "number of magnitude below 1.8e308)",
                           diagnostics);
      case ingest::NumberParse::kBad:
        return CellFailure(table, r, column, diag::kBadNumber,
                           "'" + text +
                               "' is not a number (expected a plain decimal, TRUE/FALSE, or "
                               "empty/NA for missing)",
                           diagnostics);
    }
  }
  return out;
}

Result<std::vector<Date>> RecordDates(const RecordTable& table, int column, DateFormat format,
                                      Diagnostics* diagnostics) {
  std::vector<ingest::RawPeriod> raw;
  ingest::SlashDateOrder order(format);
  std::ptrdiff_t mixed_row = -1;
  if (Status s = ParseDateCells(table, column, format, &raw, &order, &mixed_row, diagnostics);
      !s.ok())
    return s;
  if (mixed_row >= 0) {
    return CellFailure(table, static_cast<std::size_t>(mixed_row), column, diag::kAmbiguousDates,
                       order.MixedMessage(), diagnostics);
  }
  if (order.ambiguous()) {
    diagnostics->Warning(
        diag::kGuessedDateOrder, table.path, order.first().line, column + 1,
        "column '" + table.header[static_cast<std::size_t>(column)] + "': " + order.GuessMessage());
  }
  std::vector<Date> out(table.rows.size());
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (!ingest::ResolvePeriod(raw[r], order.order(), &out[r])) {
      return CellFailure(table, r, column, diag::kBadDate,
                         "'" + std::string(table.Cell(r, column)) + "' is not a calendar day",
                         diagnostics);
    }
  }
  return out;
}

Diagnostic RecordCellError(const RecordTable& table, std::size_t row, int column,
                           std::string_view code, std::string message) {
  return Diagnostic{.severity = Severity::kError,
                    .file = table.path,
                    .line = table.lines[row],
                    .column = column + 1,
                    .message = "column '" + table.header[static_cast<std::size_t>(column)] +
                               "': " + std::move(message),
                    .code = code};
}

std::vector<std::string> SplitColumnList(std::string_view list) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t comma; (comma = list.find(',', start)) != std::string_view::npos;
       start = comma + 1)
    parts.emplace_back(list.substr(start, comma - start));
  parts.emplace_back(list.substr(start));
  return parts;
}

}  // namespace kaizen
