#include "ingest/csv/csv_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <vector>

#include "core/errno_status.h"
#include "ingest/csv/encoding.h"
#include "ingest/csv/sniffer.h"
#include "ingest/csv/tokenizer.h"
#include "ingest/long_format.h"
#include "ingest/wide_format.h"

namespace kaizen::ingest {
namespace {

// Large enough that read() calls and buffer moves are negligible, small enough to stay in cache.
constexpr std::size_t kBlockBytes = std::size_t{4} << 20;
constexpr std::size_t kSniffBytes = std::size_t{64} << 10;
// A pipe cannot be read twice (encoding check, then rows), so it is read into memory first, up
// to this much (docs/cli.md); a larger input must be saved to a file.
constexpr std::size_t kMaxStreamBytes = std::size_t{1} << 30;

// Reads a file descriptor; reports progress of the last pass (after a Rewind) when asked.
class FileSource final : public ByteSource {
 public:
  FileSource(int fd, const ReadOptions& options) : fd_(fd), on_progress_(options.on_progress) {
    struct stat info {};
    if (::fstat(fd_, &info) == 0) total_ = static_cast<std::uint64_t>(info.st_size);
  }
  ~FileSource() override { ::close(fd_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    for (;;) {
      const ssize_t n = ::read(fd_, buffer, size);
      if (n >= 0) {
        read_ += static_cast<std::uint64_t>(n);
        if (rewound_ && on_progress_) on_progress_(read_, total_);
        return static_cast<std::size_t>(n);
      }
      if (errno != EINTR) return Status::IOError(std::strerror(errno));
    }
  }
  Status Rewind() override {
    if (::lseek(fd_, 0, SEEK_SET) != 0) return Status::IOError(std::strerror(errno));
    read_ = 0;
    rewound_ = true;
    return Status::Ok();
  }

 private:
  int fd_;
  std::function<void(std::uint64_t, std::uint64_t)> on_progress_;
  std::uint64_t read_ = 0, total_ = 0;
  bool rewound_ = false;  // the encoding check has read the file once; this is the final pass
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The first pass: is this text, and is it UTF-8? Returns false (after reporting) when it is not
// text at all.
struct Encoding {
  bool utf8 = true;
  int invalid_line = 0;  // the line of the first byte that is not UTF-8
  std::size_t bytes = 0;
};

// Small inputs (most tests, every fuzz input) should not pay for a block meant for gigabytes.
constexpr std::size_t kFirstReadBytes = std::size_t{64} << 10;

Result<Encoding> CheckEncoding(ByteSource& source, const std::string& file_name,
                               Diagnostics* diagnostics) {
  std::vector<char> block(kFirstReadBytes);
  Utf8Validator validator;
  Encoding encoding;
  std::size_t offset = 0;
  int newlines = 0;
  for (;;) {
    Result<std::size_t> n = source.Read(block.data(), block.size());
    if (!n.ok()) {
      diagnostics->Error(diag::kCannotRead, file_name, 0, 0,
                         "cannot read the file: " + n.status().message());
      return n.status();
    }
    if (*n == 0) break;
    std::string_view bytes(block.data(), *n);
    encoding.bytes += *n;
    if (offset == 0) {
      if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
        diagnostics->Error(diag::kNotText, file_name, 0, 0,
                           "this file is UTF-16 text (expected UTF-8 or Windows-1252 CSV: in "
                           "Excel, save as 'CSV UTF-8')");
        return Status::InvalidArgument(file_name + ": not CSV text");
      }
      if (StartsWith(bytes, kUtf8Bom)) bytes.remove_prefix(kUtf8Bom.size());
    }
    if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
      const auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
      diagnostics->Error(diag::kNotText, file_name, 0, 0,
                         "this is not a text file (a NUL byte at byte " +
                             std::to_string(offset + at + 1) +
                             "; expected CSV text, or an .xlsx workbook named *.xlsx)");
      return Status::InvalidArgument(file_name + ": not a text file");
    }
    if (encoding.utf8) {
      const std::size_t before = offset;
      if (!validator.Feed(bytes)) {
        encoding.utf8 = false;
        const std::size_t at = validator.error_offset() - before;
        encoding.invalid_line =
            newlines + 1 + static_cast<int>(std::count(bytes.data(), bytes.data() + at, '\n'));
      } else {
        newlines += static_cast<int>(std::count(bytes.begin(), bytes.end(), '\n'));
      }
    }
    offset += bytes.size();
    // Grow only after `bytes` (a view into the block) is done with.
    if (*n == block.size() && block.size() < kBlockBytes) block.resize(block.size() * 2);
  }
  if (encoding.utf8 && !validator.Finish()) {
    encoding.utf8 = false;
    encoding.invalid_line = newlines + 1;
  }
  return encoding;
}

// The first pass (CheckEncoding), its warning when the text is not UTF-8, and the rewind for
// the second; a failure has been reported.
Result<Encoding> CheckEncodingAndRewind(ByteSource& source, const std::string& file_name,
                                        Diagnostics* diagnostics) {
  Result<Encoding> encoding = CheckEncoding(source, file_name, diagnostics);
  if (!encoding.ok()) return encoding.status();
  if (!encoding->utf8) {
    diagnostics->Warning(diag::kNotUtf8, file_name, encoding->invalid_line, 0,
                         "not UTF-8 text: the whole file is read as Windows-1252");
  }
  if (Status s = source.Rewind(); !s.ok()) {
    diagnostics->Error(diag::kCannotRead, file_name, 0, 0, "cannot read the file: " + s.message());
    return s;
  }
  return encoding;
}

// The text of the second pass as UTF-8: buffer[begin, end) holds text not yet tokenized. A row
// never spans more than max_row_bytes, so the buffer stays at a block plus one row; the
// buffers are reused for the whole read, never allocated per row.
struct RowBuffer {
  std::vector<char> buffer;
  std::vector<char> raw;  // a Windows-1252 block before it becomes UTF-8 in `buffer`
  std::size_t begin = 0, end = 0;
  bool at_end = false;
};

// Moves the untokenized text to the front and reads a whole block more (a slow source such as a
// pipe may need several reads), so a row cut by the end of the buffer always gets more text.
Status Refill(ByteSource& source, bool utf8, std::size_t block, RowBuffer& b,
              const std::string& file_name, Diagnostics* diagnostics) {
  if (b.end > b.begin) std::memmove(b.buffer.data(), b.buffer.data() + b.begin, b.end - b.begin);
  b.end -= b.begin;
  b.begin = 0;
  const std::size_t target = b.end + block;
  while (!b.at_end && b.end < target) {
    const std::size_t want = target - b.end;
    Result<std::size_t> n{std::size_t{0}};
    if (utf8) {
      b.buffer.resize(b.end + want);
      n = source.Read(b.buffer.data() + b.end, want);
      if (n.ok()) b.end += *n;
      b.buffer.resize(b.end);
    } else {
      n = source.Read(b.raw.data(), b.raw.size());
      if (n.ok()) {
        b.buffer.resize(b.end);
        AppendWindows1252AsUtf8(std::string_view(b.raw.data(), *n), &b.buffer);
        b.end = b.buffer.size();
      }
    }
    if (!n.ok()) {
      diagnostics->Error(diag::kCannotRead, file_name, 0, 0,
                         "cannot read the file: " + n.status().message());
      return n.status();
    }
    if (*n == 0) b.at_end = true;
  }
  return Status::Ok();
}

// Once the first block is in: skip a UTF-8 byte-order mark, and when no delimiter was given,
// sniff it from the first kSniffBytes (all of the text when that is the whole file).
void StartRows(bool utf8, char delimiter, std::size_t max_row_bytes, bool decimal_comma,
               RowBuffer& b, CsvTokenizer& tokenizer) {
  if (utf8 && StartsWith(std::string_view(b.buffer.data(), b.end), kUtf8Bom))
    b.begin = kUtf8Bom.size();
  if (delimiter != '\0') return;
  const std::size_t n = std::min(b.end - b.begin, kSniffBytes);
  tokenizer = CsvTokenizer(SniffDelimiter(std::string_view(b.buffer.data() + b.begin, n),
                                          b.at_end && n == b.end - b.begin, decimal_comma),
                           max_row_bytes);
}

// Hands every complete row in the buffer to the sink. Sets *finished at the end of the text;
// returns the sink's error, or InvalidArgument (reported) when the rest cannot be read.
Status DrainRows(CsvTokenizer& tokenizer, RowBuffer& b, RowSink& sink, const std::string& file_name,
                 Diagnostics* diagnostics, bool* finished) {
  for (;;) {
    const auto outcome = tokenizer.Next(b.buffer.data(), b.end, &b.begin, b.at_end);
    if (outcome == CsvTokenizer::Outcome::kRow) {
      if (Status s = sink.OnRow(tokenizer.row_line(), tokenizer.fields()); !s.ok()) return s;
    } else if (outcome == CsvTokenizer::Outcome::kBadRow) {
      Status s = sink.OnBadRow(tokenizer.error_code(), tokenizer.row_line(),
                               tokenizer.error_column(), tokenizer.error_message());
      if (!s.ok()) return s;
    } else if (outcome == CsvTokenizer::Outcome::kNeedMore) {
      return Status::Ok();
    } else if (outcome == CsvTokenizer::Outcome::kEnd) {
      *finished = true;
      return Status::Ok();
    } else {
      diagnostics->Error(tokenizer.error_code(), file_name, tokenizer.row_line(),
                         tokenizer.error_column(), tokenizer.error_message());
      return Status::InvalidArgument(file_name + ": " + tokenizer.error_message());
    }
  }
}

}  // namespace

Result<std::size_t> TextSource::Read(char* buffer, std::size_t size) {
  const std::size_t n = std::min(size, text_.size() - pos_);
  if (n > 0) std::memcpy(buffer, text_.data() + pos_, n);
  pos_ += n;
  return n;
}

Status ReadCsvRows(ByteSource& source, const std::string& file_name, char delimiter,
                   Diagnostics* diagnostics, RowSink& sink, std::size_t max_row_bytes,
                   bool decimal_comma) {
  const Result<Encoding> encoding = CheckEncodingAndRewind(source, file_name, diagnostics);
  if (!encoding.ok()) return encoding.status();
  const std::size_t block = std::clamp(encoding->bytes + 1, std::size_t{4096}, kBlockBytes);
  RowBuffer b;
  b.raw.resize(encoding->utf8 ? 0 : block);
  CsvTokenizer tokenizer(delimiter == '\0' ? ',' : delimiter, max_row_bytes);
  bool first_block = true, finished = false;
  for (;;) {
    if (!b.at_end) {
      if (Status s = Refill(source, encoding->utf8, block, b, file_name, diagnostics); !s.ok())
        return s;
      if (first_block) {
        first_block = false;
        StartRows(encoding->utf8, delimiter, max_row_bytes, decimal_comma, b, tokenizer);
      }
    }
    if (Status s = DrainRows(tokenizer, b, sink, file_name, diagnostics, &finished); !s.ok())
      return s;
    if (finished) return Status::Ok();
  }
}

namespace {

Result<ImportSummary> ReadCsv(ByteSource& source, const std::string& file_name,
                              const Catalogue* catalogue, const ReadOptions& options,
                              Diagnostics* diagnostics, const SeriesCallback& on_series) {
  LongFormatMapper mapper(file_name, catalogue, options, diagnostics, on_series);
  // A wide file (one column per period) reaches the mapper as long rows (wide_format.h).
  WideFormatAdapter rows(&mapper, file_name, diagnostics, /*spreadsheet=*/false);
  const Status read = ReadCsvRows(source, file_name, options.delimiter, diagnostics, rows,
                                  kMaxRowBytes, mapper.DecimalComma());
  return mapper.Finish(read);
}

// Reads all of a non-seekable input (a pipe, /dev/stdin) into *text. Returns IOError on a read
// error and ResourceExhausted past kMaxStreamBytes (and reports it).
Status ReadWholeStream(int fd, const std::string& path, std::string* text,
                       Diagnostics* diagnostics) {
  std::vector<char> block(kFirstReadBytes);
  for (;;) {
    const ssize_t n = ::read(fd, block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string reason = std::strerror(errno);
      diagnostics->Error(diag::kCannotRead, path, 0, 0, "cannot read the file: " + reason);
      return Status::IOError(path + ": " + reason);
    }
    if (n == 0) return Status::Ok();
    if (text->size() + static_cast<std::size_t>(n) > kMaxStreamBytes) {
      diagnostics->Error(diag::kCannotRead, path, 0, 0,
                         "a pipe or other unseekable input is read into memory, at most 1 GiB: "
                         "save the data to a file and read that");
      return Status::ResourceExhausted(path + ": input too large for a pipe");
    }
    text->append(block.data(), static_cast<std::size_t>(n));
  }
}

}  // namespace

Result<ImportSummary> ReadCsvFile(const std::string& path, const Catalogue* catalogue,
                                  const ReadOptions& options, Diagnostics* diagnostics,
                                  const SeriesCallback& on_series) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    const std::string reason = std::strerror(error);
    diagnostics->Error(diag::kCannotRead, path, 0, 0, "cannot open the file: " + reason);
    return StatusFromErrno(error, "cannot open '" + path + "': " + reason);
  }
  struct stat info {};
  if (::fstat(fd, &info) == 0 && !S_ISREG(info.st_mode)) {
    std::string text;
    const Status read = ReadWholeStream(fd, path, &text, diagnostics);
    ::close(fd);
    if (!read.ok()) return read;
    TextSource source(text);
    return ReadCsv(source, path, catalogue, options, diagnostics, on_series);
  }
  // The file is read front to back, twice: let the kernel read ahead.
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  FileSource source(fd, options);
  return ReadCsv(source, path, catalogue, options, diagnostics, on_series);
}

Result<ImportSummary> ReadCsvText(std::string_view text, const std::string& file_name,
                                  const Catalogue* catalogue, const ReadOptions& options,
                                  Diagnostics* diagnostics, const SeriesCallback& on_series) {
  TextSource source(text);
  return ReadCsv(source, file_name, catalogue, options, diagnostics, on_series);
}

}  // namespace kaizen::ingest
