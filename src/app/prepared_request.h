// A SeriesRequest made ready to read: its catalogue (read from its path when the caller gave
// only that) and the reader's options. Internal to src/app/.
#ifndef KAIZEN_APP_PREPARED_REQUEST_H_
#define KAIZEN_APP_PREPARED_REQUEST_H_

#include <optional>

#include "kaizen/app.h"

namespace kaizen::app {

class PreparedRequest {
 public:
  PreparedRequest() = default;
  // `request` points at `owned_` when the catalogue was read here: neither copied nor moved.
  PreparedRequest(const PreparedRequest&) = delete;
  PreparedRequest& operator=(const PreparedRequest&) = delete;

  // Reads the catalogue if needed (into diagnostics->catalogue) and checks the overrides.
  Status Prepare(const SeriesRequest& request, JobDiagnostics* diagnostics);

  // The request with its catalogue in place.
  const SeriesRequest& request() const { return request_; }
  const Catalogue* catalogue() const { return request_.catalogue; }
  const ReadOptions& read() const { return read_; }
  ReadOptions& read() { return read_; }

 private:
  std::optional<Catalogue> owned_;
  SeriesRequest request_;
  ReadOptions read_;
};

// The read's failure as the job returns it: "NAME: reason", marked as already described when
// the reader raised any diagnostic.
Status ReadFailure(const DataSource& source, const Status& read, JobDiagnostics* diagnostics);

// Warns (into diagnostics->decisions) about catalogue decisions that name an organisation the
// data holds no series of; `keys` are every series read, before the selection.
void WarnAboutDecisionOrganisations(const PreparedRequest& prepared, const SeriesKeys& keys,
                                    JobDiagnostics* diagnostics);

// Reads every selected series of a prepared request (LoadSeries without the preparation).
Result<LoadedSeries> LoadPrepared(const DataSource& source, const PreparedRequest& prepared,
                                  JobDiagnostics* diagnostics);

}  // namespace kaizen::app

#endif  // KAIZEN_APP_PREPARED_REQUEST_H_
