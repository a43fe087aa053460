// For the ingest tests: reads CSV text as `kaizen` would and keeps what came out.
#ifndef KAIZEN_INGEST_CSV_TEXT_TEST_UTIL_H_
#define KAIZEN_INGEST_CSV_TEXT_TEST_UTIL_H_

#include <string>
#include <utility>
#include <vector>

#include "ingest/csv/csv_reader.h"

namespace kaizen::ingest::testing {

struct Outcome {
  Status status;
  ImportSummary summary;
  std::vector<Series> series;
  std::vector<std::string> messages;  // every diagnostic, as Diagnostic::ToString()
};

// Reads `text` as the file "data.csv".
inline Outcome Read(const std::string& text, const ReadOptions& options = {},
                    const Catalogue* catalogue = nullptr) {
  Outcome out;
  Diagnostics diagnostics;
  Result<ImportSummary> r =
      ReadCsvText(text, "data.csv", catalogue, options, &diagnostics, [&](Series&& s) {
        out.series.push_back(std::move(s));
        return Status::Ok();
      });
  out.status = r.status();
  if (r.ok()) out.summary = r.value();
  for (const Diagnostic& d : diagnostics.all()) out.messages.push_back(d.ToString());
  return out;
}

}  // namespace kaizen::ingest::testing

#endif  // KAIZEN_INGEST_CSV_TEXT_TEST_UTIL_H_
