// The workspace's use cases in the application layer (issue 10): the workspace as one more data
// source (WorkspaceSource, so every series job reads it as it reads a file), and importing a
// file into it with the same readers, diagnostics and --lenient as the files path.
//
// The simple changes (propose, approve, annotate, comment, users) are the Workspace's own
// methods (kaizen/workspace.h), called as they are by the command line and the server; what
// needs the readers or the engine lives here.
#ifndef KAIZEN_APP_WORKSPACE_H_
#define KAIZEN_APP_WORKSPACE_H_

#include <cstdint>
#include <string>

#include "kaizen/app.h"
#include "kaizen/data_source.h"
#include "kaizen/render.h"
#include "kaizen/workspace.h"

namespace kaizen::app {

// The series of a workspace, each point at its latest revision, in indicator then organisation
// order, through the DataSource interface. The catalogue and read options a job passes are not
// needed (the workspace's series were read and checked when imported): the job's catalogue
// should be the workspace's own (Workspace::CurrentCatalogue). The workspace is not owned and
// must outlive the source.
class WorkspaceSource final : public DataSource {
 public:
  explicit WorkspaceSource(Workspace* workspace) : workspace_(workspace) {}
  const std::string& name() const override { return workspace_->Location(); }
  // 0: the workspace delivers its series one by one, in order, whatever its size.
  std::uint64_t size_bytes() const override { return 0; }
  Result<ImportSummary> Read(const Catalogue* catalogue, const ReadOptions& options,
                             Diagnostics* diagnostics,
                             const SeriesCallback& on_series) const override;

 private:
  Workspace* workspace_;
};

// What to import: the file's read options and catalogue (as for any series job; the selection
// and overrides are not used), who imports and why.
struct ImportRequest {
  SeriesRequest series;
  Change change;
};

struct ImportResult {
  ImportOutcome outcome;
  ImportSummary summary;  // rows read and skipped (--lenient)
  std::string sha256;     // of the file's bytes
};

// Reads `path` (CSV or .xlsx, long or wide, with the request's catalogue) and imports its
// series in one transaction. A series whose indicator neither the catalogue nor the workspace
// defines gets the default definition (IndicatorFor). Fails with the reader's error (its
// diagnostics in *diagnostics, nothing imported) or the workspace's (Busy, IOError,
// PermissionDenied; nothing imported).
Result<ImportResult> ImportFile(const std::string& path, const ImportRequest& request,
                                Workspace* workspace, JobDiagnostics* diagnostics);

// The same for bytes already read (an upload), whose sha256 the caller gives.
Result<ImportResult> ImportSource(const DataSource& source, const std::string& sha256,
                                  const ImportRequest& request, Workspace* workspace,
                                  JobDiagnostics* diagnostics);

// What a board report from the workspace says above its summary (issue 10, item 5), each as a
// ReportNotice for ReportRequest::notices:
//   "As at": the import and audit entry the figures and decisions are as at;
//   "Since the last frozen pack": the decisions taken (approved, rejected, recorded from a
//     catalogue, definitions changed) and the values corrected since it was frozen, from the
//     audit log; or that none has been frozen;
//   "Pending decisions": each pending proposal with the latest limits now and if it were
//     approved, per series it applies to (`catalogue` is the workspace's CurrentCatalogue).
// Fails with the workspace's error.
Result<std::vector<ReportNotice>> WorkspaceReportNotices(Workspace* workspace,
                                                         const Catalogue& catalogue, Date as_of);

// ---- freeze: the board report stored as a pack that never changes (issue 10, item 5) ----------

struct FreezeRequest {
  std::string title;  // the pack's and the report's title; required
  Date as_of;         // the report's date and "today" for the stale flag
  bool with_pdf = false;
  Change change;  // who freezes, when and why
};

// Builds the board report from the workspace's series and its catalogue in force
// (WorkspaceSource, Workspace::CurrentCatalogue), as HTML and, with_pdf, as PDF, then stores
// both with Workspace::Freeze. Returns the stored pack without its content (id, sha256, marks).
// Fails with InvalidArgument for an empty title, FailedPrecondition when the workspace holds no
// series, the report's error, IOError when the PDF cannot be made, or the workspace's refusal
// (PermissionDenied read-only, Busy); nothing is stored then.
Result<FrozenPack> FreezeReport(Workspace* workspace, const FreezeRequest& request,
                                JobDiagnostics* diagnostics);

}  // namespace kaizen::app

#endif  // KAIZEN_APP_WORKSPACE_H_
