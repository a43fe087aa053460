// ReadDataFile and ReadAllSeries (include/kaizen/ingest.h), and ReadDataBytes
// (ingest/read_data_file.h): choose the reader by the input's kind and map its rows with
// LongFormatMapper.
#include "ingest/read_data_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <utility>

#include "ingest/csv/csv_reader.h"
#include "ingest/long_format.h"
#include "ingest/wide_format.h"
#include "ingest/xlsx/xlsx_reader.h"
#include "kaizen/ingest.h"

namespace kaizen {
namespace {

bool HasXlsxExtension(const std::string& path) {
  constexpr std::string_view kExtension = ".xlsx";
  if (path.size() < kExtension.size()) return false;
  std::string tail = path.substr(path.size() - kExtension.size());
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == kExtension;
}

// A workbook saved under another name is still a zip archive: "PK\3\4" (APPNOTE.TXT 4.3.7).
// Only a regular file is looked at: reading a pipe's first bytes would take them from the CSV
// reader (and libzip cannot read a pipe anyway).
// (stat, not open: opening and closing a named FIFO would end its writer.)
bool StartsLikeZip(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char magic[4] = {};
  const ssize_t n = ::read(fd, magic, sizeof magic);
  ::close(fd);
  return n == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
}

bool ZipMagic(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\3\4", 4);
}

// The workbook reader (a file when `bytes` is null): the mapper's diagnostics name the sheet and
// so the cell (Sheet1!A2), as the reader's do. A workbook whose sheet cannot be chosen is
// reported by the row reader.
Result<ImportSummary> ReadXlsx(const std::string& name, const std::string_view* bytes,
                               const Catalogue* catalogue, const ReadOptions& options,
                               Diagnostics* diagnostics, const SeriesCallback& on_series) {
  Diagnostics scratch;
  Result<std::string> sheet = bytes ? ingest::XlsxSheetName(*bytes, name, options.sheet, &scratch)
                                    : ingest::XlsxSheetName(name, options.sheet, &scratch);
  const std::string label = sheet.ok() ? ingest::XlsxSheetLabel(name, *sheet) : name;
  ingest::LongFormatMapper mapper(label, catalogue, options, diagnostics, on_series);
  mapper.SetSpreadsheetRows();
  ingest::WideFormatAdapter rows(&mapper, label, diagnostics, /*spreadsheet=*/true);
  const Status read = bytes ? ingest::ReadXlsxRows(*bytes, name, options.sheet, diagnostics, rows)
                            : ingest::ReadXlsxRows(name, options.sheet, diagnostics, rows);
  return mapper.Finish(read);
}

// Silently ignoring --sheet would analyse whatever the text holds as if it were the sheet.
Status RefuseSheetForCsv(const std::string& name, const ReadOptions& options,
                         Diagnostics* diagnostics) {
  if (options.sheet.empty()) return Status::Ok();
  diagnostics->Error(diag::kBadOption, name, 0, 0,
                     "--sheet is for .xlsx workbooks; this file is CSV text (leave --sheet "
                     "out, or give the workbook)");
  return Status::InvalidArgument(name + ": --sheet given for a CSV file");
}

}  // namespace

Result<ImportSummary> ReadDataFile(const std::string& path, const Catalogue* catalogue,
                                   const ReadOptions& options, Diagnostics* diagnostics,
                                   const SeriesCallback& on_series) {
  if (HasXlsxExtension(path) || StartsLikeZip(path))
    return ReadXlsx(path, nullptr, catalogue, options, diagnostics, on_series);
  if (Status st = RefuseSheetForCsv(path, options, diagnostics); !st.ok()) return st;
  return ingest::ReadCsvFile(path, catalogue, options, diagnostics, on_series);
}

namespace ingest {

Result<ImportSummary> ReadDataBytes(std::string_view bytes, const std::string& name,
                                    DataFormat format, const Catalogue* catalogue,
                                    const ReadOptions& options, Diagnostics* diagnostics,
                                    const SeriesCallback& on_series) {
  const bool xlsx = format == DataFormat::kXlsx ||
                    (format == DataFormat::kSniff && (HasXlsxExtension(name) || ZipMagic(bytes)));
  if (xlsx) return ReadXlsx(name, &bytes, catalogue, options, diagnostics, on_series);
  if (Status st = RefuseSheetForCsv(name, options, diagnostics); !st.ok()) return st;
  return ReadCsvText(bytes, name, catalogue, options, diagnostics, on_series);
}

}  // namespace ingest

Result<std::vector<Series>> ReadAllSeries(const std::string& path, const Catalogue* catalogue,
                                          const ReadOptions& options, Diagnostics* diagnostics,
                                          ImportSummary* summary) {
  std::vector<Series> all;
  Result<ImportSummary> read =
      ReadDataFile(path, catalogue, options, diagnostics, [&](Series&& series) {
        all.push_back(std::move(series));
        return Status::Ok();
      });
  if (!read.ok()) return read.status();
  if (summary != nullptr) *summary = std::move(read).value();
  return all;
}

}  // namespace kaizen
