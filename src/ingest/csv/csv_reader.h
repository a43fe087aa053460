// Reading CSV files (or CSV text in memory) into Series: encoding check, dialect sniffing,
// tokenizing in large blocks, and the long-format mapping.
//
// A file is read twice: a fast pass checks that it is text and whether it is valid UTF-8 (else
// the whole file is read as Windows-1252, with a warning), then the rows are tokenized from a
// buffer of a few MiB, so memory stays flat however large the file. An input that cannot be
// read twice (a pipe, /dev/stdin) is read into memory first, up to 1 GiB. Functions are reentrant;
// each call uses its own state.
#ifndef KAIZEN_INGEST_CSV_CSV_READER_H_
#define KAIZEN_INGEST_CSV_CSV_READER_H_

#include <string>
#include <string_view>

#include "ingest/row_source.h"
#include "kaizen/catalogue.h"
#include "kaizen/diagnostics.h"
#include "kaizen/ingest.h"

namespace kaizen::ingest {

// Where the bytes come from: a file, or text in memory. Read() returns 0 at the end.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual Result<std::size_t> Read(char* buffer, std::size_t size) = 0;
  virtual Status Rewind() = 0;
};

// CSV text in memory, which the caller keeps alive while it is read.
class TextSource final : public ByteSource {
 public:
  explicit TextSource(std::string_view text) : text_(text) {}
  Result<std::size_t> Read(char* buffer, std::size_t size) override;
  Status Rewind() override {
    pos_ = 0;
    return Status::Ok();
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// Hands every row of CSV bytes to `sink` (the header row first). `delimiter` '\0' sniffs it.
// Reports to *diagnostics and returns InvalidArgument for input that is not CSV text (NUL bytes,
// UTF-16), a quoted field never closed, or a row over `max_row_bytes`; returns the sink's status
// when it stops the read.
// `decimal_comma`: the numbers have a decimal comma, so a sniffed delimiter is never ','.
inline constexpr std::size_t kMaxRowBytes = std::size_t{1} << 20;
Status ReadCsvRows(ByteSource& source, const std::string& file_name, char delimiter,
                   Diagnostics* diagnostics, RowSink& sink,
                   std::size_t max_row_bytes = kMaxRowBytes, bool decimal_comma = false);

// ReadDataFile for CSV. NotFound (and an error diagnostic) when the file cannot be opened.
Result<ImportSummary> ReadCsvFile(const std::string& path, const Catalogue* catalogue,
                                  const ReadOptions& options, Diagnostics* diagnostics,
                                  const SeriesCallback& on_series);

// The same for CSV text in memory; `file_name` names it in diagnostics. Used by tests and the
// fuzzer.
Result<ImportSummary> ReadCsvText(std::string_view text, const std::string& file_name,
                                  const Catalogue* catalogue, const ReadOptions& options,
                                  Diagnostics* diagnostics, const SeriesCallback& on_series);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_CSV_CSV_READER_H_
