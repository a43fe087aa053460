// Reading data held in memory (an upload) through the same readers as ReadDataFile
// (include/kaizen/ingest.h), so that the bytes of a file and the file itself give the same
// series and the same diagnostics, each naming `name` as it would name the file's path.
#ifndef KAIZEN_INGEST_READ_DATA_FILE_H_
#define KAIZEN_INGEST_READ_DATA_FILE_H_

#include <string>
#include <string_view>

#include "kaizen/catalogue.h"
#include "kaizen/data_source.h"
#include "kaizen/diagnostics.h"
#include "kaizen/ingest.h"
#include "kaizen/status.h"

namespace kaizen::ingest {

// ReadDataFile for `bytes` named `name`. The bytes are read in place and must outlive the
// call. Returns InvalidArgument when any error diagnostic was raised (as ReadDataFile).
Result<ImportSummary> ReadDataBytes(std::string_view bytes, const std::string& name,
                                    DataFormat format, const Catalogue* catalogue,
                                    const ReadOptions& options, Diagnostics* diagnostics,
                                    const SeriesCallback& on_series);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_READ_DATA_FILE_H_
