// Where a job's data comes from (issue 9, item 2): a file, bytes in memory (an upload), and
// later the workspace, all read through the same readers (CSV or .xlsx, long or wide), so they
// give the same series and the same diagnostics.
//
// A source is immutable once made and may be read any number of times, from one thread at a
// time per read (each read has its own state).
#ifndef KAIZEN_DATA_SOURCE_H_
#define KAIZEN_DATA_SOURCE_H_

#include <cstdint>
#include <string>
#include <utility>

#include "kaizen/catalogue.h"
#include "kaizen/diagnostics.h"
#include "kaizen/ingest.h"
#include "kaizen/status.h"

namespace kaizen {

// What the bytes of a source hold. kSniff decides as ReadDataFile does for a file: a name
// ending in .xlsx, or bytes starting as a zip archive, are a workbook; anything else CSV text.
enum class DataFormat { kSniff, kCsv, kXlsx };

class DataSource {
 public:
  virtual ~DataSource() = default;
  // What diagnostics and messages call the data: a file's path, an upload's display name.
  virtual const std::string& name() const = 0;
  // The size in bytes, 0 when unknown (a pipe): a large input is streamed series by series.
  virtual std::uint64_t size_bytes() const = 0;
  // Reads every series, as ReadDataFile (include/kaizen/ingest.h) does and with its errors.
  virtual Result<ImportSummary> Read(const Catalogue* catalogue, const ReadOptions& options,
                                     Diagnostics* diagnostics,
                                     const SeriesCallback& on_series) const = 0;
};

// A file on disk (what `kaizen` reads from DATA). Its size is looked up when it is made.
class FileSource final : public DataSource {
 public:
  explicit FileSource(std::string path);
  const std::string& name() const override { return path_; }
  std::uint64_t size_bytes() const override { return size_; }
  Result<ImportSummary> Read(const Catalogue* catalogue, const ReadOptions& options,
                             Diagnostics* diagnostics,
                             const SeriesCallback& on_series) const override;

 private:
  std::string path_;
  std::uint64_t size_ = 0;
};

// Bytes in memory named `name` (an upload's file name): read by the same readers as a file.
class MemorySource final : public DataSource {
 public:
  MemorySource(std::string bytes, std::string name, DataFormat format = DataFormat::kSniff)
      : bytes_(std::move(bytes)), name_(std::move(name)), format_(format) {}
  const std::string& name() const override { return name_; }
  std::uint64_t size_bytes() const override { return bytes_.size(); }
  Result<ImportSummary> Read(const Catalogue* catalogue, const ReadOptions& options,
                             Diagnostics* diagnostics,
                             const SeriesCallback& on_series) const override;

 private:
  std::string bytes_;
  std::string name_;
  DataFormat format_;
};

}  // namespace kaizen

#endif  // KAIZEN_DATA_SOURCE_H_
