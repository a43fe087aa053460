// FileSource and MemorySource (include/kaizen/data_source.h): both end in the same readers.
#include "kaizen/data_source.h"

#include <sys/stat.h>

#include "ingest/read_data_file.h"

namespace kaizen {

FileSource::FileSource(std::string path) : path_(std::move(path)) {
  // A pipe or a missing file has no size: it is read whole (and a missing file is reported by
  // the reader, with the reason).
  struct stat info {};
  if (::stat(path_.c_str(), &info) == 0 && S_ISREG(info.st_mode))
    size_ = static_cast<std::uint64_t>(info.st_size);
}

Result<ImportSummary> FileSource::Read(const Catalogue* catalogue, const ReadOptions& options,
                                       Diagnostics* diagnostics,
                                       const SeriesCallback& on_series) const {
  return ReadDataFile(path_, catalogue, options, diagnostics, on_series);
}

Result<ImportSummary> MemorySource::Read(const Catalogue* catalogue, const ReadOptions& options,
                                         Diagnostics* diagnostics,
                                         const SeriesCallback& on_series) const {
  return ingest::ReadDataBytes(bytes_, name_, format_, catalogue, options, diagnostics, on_series);
}

}  // namespace kaizen
