// CsvTokenizer: splits RFC 4180 text into rows of fields, in place and without allocating per
// field.
//
// Quoted fields may hold delimiters, doubled quotes ("") and line breaks; rows end at LF, CRLF
// or a lone CR. A quote inside an unquoted field is kept as text, as spreadsheets write it. The
// tokenizer works on a caller-owned mutable buffer: a row's fields are views into it, and
// doubled quotes are collapsed in place, so the views stay valid until the caller reuses the
// buffer. Rows are capped at max_row_bytes so that a file with no line breaks (or an unclosed
// quote) is reported instead of read whole into memory. One tokenizer per thread.
#ifndef KAIZEN_INGEST_CSV_TOKENIZER_H_
#define KAIZEN_INGEST_CSV_TOKENIZER_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kaizen::ingest {

inline constexpr std::size_t kDefaultMaxRowBytes = std::size_t{1} << 20;  // 1 MiB

class CsvTokenizer {
 public:
  enum class Outcome {
    kRow,       // fields() holds the row that started on row_line()
    kBadRow,    // the row was consumed but is malformed: error_column(), error_message()
    kNeedMore,  // the row does not end within the data given; nothing was consumed or changed
    kEnd,       // no data left
    kFatal,     // the rest cannot be read (unclosed quote at the end, row over the cap)
  };

  explicit CsvTokenizer(char delimiter, std::size_t max_row_bytes = kDefaultMaxRowBytes);

  // Reads the row at data[*pos]. `at_end`: no data will follow `size`, so a last row without a
  // line break is complete. On kRow and kBadRow, *pos moves past the row's line break.
  Outcome Next(char* data, std::size_t size, std::size_t* pos, bool at_end);

  std::span<const std::string_view> fields() const { return fields_; }
  // The 1-based line on which the last row started, and the line the next row starts on.
  int row_line() const { return row_line_; }
  int line() const { return line_; }
  // The 1-based field at fault, the kind of fault (a diag:: code) and what was wrong (kBadRow,
  // kFatal).
  int error_column() const { return error_column_; }
  std::string_view error_code() const { return error_code_; }
  const std::string& error_message() const { return error_message_; }

  // Starts again at line 1 (for a second pass over the same text).
  void Reset() { line_ = 1; }

 private:
  Outcome Fail(Outcome outcome, std::string_view code, int column, std::string message);

  char delimiter_;
  std::size_t max_row_bytes_;
  std::vector<std::string_view> fields_;
  std::vector<std::size_t> doubled_;  // indices of fields whose "" must be collapsed
  int line_ = 1;
  int row_line_ = 1;
  int error_column_ = 0;
  std::string_view error_code_;
  std::string error_message_;
};

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_CSV_TOKENIZER_H_
