// FreezeReport (include/kaizen/app_workspace.h): the board report of the workspace, rendered
// once and stored as a frozen pack.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "kaizen/app_workspace.h"
#include "kaizen/render.h"

namespace kaizen::app {
namespace {

// A private directory removed with what it holds when the object goes.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::error_code error;
    std::string pattern = (std::filesystem::temp_directory_path(error) / "kaizen-freeze-XXXXXX");
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::string& path() const { return path_; }  // "" when it could not be made

 private:
  std::string path_;
};

// The PDF's bytes. The raster layer streams a PDF only to a file (so a large report never sits
// whole in memory when written); a pack keeps its bytes, so they are read back from a scratch
// file.
Result<std::string> PdfBytes(const std::vector<std::string>& pages) {
  ScratchDirectory scratch;
  if (scratch.path().empty()) {
    return Status::IOError("cannot make a temporary directory for the pack's PDF");
  }
  const std::string path = scratch.path() + "/pack.pdf";
  if (Status written = WriteSvgPagesAsPdf(pages, path); !written.ok()) return written;
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad() || bytes.empty()) return Status::IOError(path + ": cannot read the PDF back");
  return bytes;
}

}  // namespace

Result<FrozenPack> FreezeReport(Workspace* workspace, const FreezeRequest& request,
                                JobDiagnostics* diagnostics) {
  if (request.title.empty()) return Status::InvalidArgument("a frozen pack needs a title");
  auto catalogue = workspace->CurrentCatalogue();
  if (!catalogue.ok()) return catalogue.status();
  ReportRequest report_request{.as_of = request.as_of, .title = request.title};
  report_request.series.catalogue = &catalogue.value();
  WorkspaceSource source(workspace);
  auto report = AssembleReport(source, report_request, diagnostics);
  if (!report.ok()) return report.status();
  if (report->model.series.empty()) {
    return Status::FailedPrecondition(workspace->Location() +
                                      ": the workspace holds no series to report; import data "
                                      "before freezing a pack");
  }
  FrozenPack pack{.title = request.title, .html = std::move(report->html)};
  if (request.with_pdf) {
    // The same model, paged for print: the HTML and the PDF show the same figures.
    auto pdf = PdfBytes(RenderReportPagesSvg(report->model));
    if (!pdf.ok()) return pdf.status();
    pack.pdf = std::move(pdf).value();
  }
  auto id = workspace->Freeze(request.change, pack);
  if (!id.ok()) return id.status();
  auto stored = workspace->Pack(id.value());
  if (!stored.ok()) return stored.status();
  stored->html.clear();  // as Packs lists it: the identity and marks, not the content
  stored->pdf.clear();
  return stored;
}

}  // namespace kaizen::app
