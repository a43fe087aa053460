// The workspace as a data source, and importing a file into it (include/kaizen/app_workspace.h).
#include <future>
#include <optional>
#include <set>
#include <utility>

#include "kaizen/app_workspace.h"

namespace kaizen::app {

Result<ImportSummary> WorkspaceSource::Read(const Catalogue* /*catalogue*/,
                                            const ReadOptions& /*options*/,
                                            Diagnostics* /*diagnostics*/,
                                            const SeriesCallback& on_series) const {
  ImportSummary summary;
  // The data's comments come back as the facts they were kept as, with every other fact.
  auto comments = workspace_->Comments("");
  if (!comments.ok()) return comments.status();
  for (const Comment& c : comments.value()) {
    if (c.kind == CommentKind::kFact) {
      summary.comments.push_back({c.indicator_id, c.organisation, c.period, c.text});
    }
  }
  Status status = workspace_->ForEachSeries([&](Series&& series) {
    summary.rows_read += series.size();
    ++summary.series;
    return on_series(std::move(series));
  });
  if (!status.ok()) return status;
  return summary;
}

namespace {

// The catalogue an import records: the request's indicators, then a default definition for
// each series whose indicator neither they nor the workspace define (as a series job would judge
// it without a catalogue).
Result<Catalogue> DefinitionsFor(const std::vector<Series>& series, const SeriesRequest& request,
                                 Workspace* workspace) {
  Catalogue catalogue = request.catalogue ? *request.catalogue : Catalogue{};
  auto stored = workspace->Indicators();
  if (!stored.ok()) return stored.status();
  std::set<std::string> defined;
  for (const Indicator& indicator : catalogue.indicators) defined.insert(indicator.id);
  for (const IndicatorVersion& version : stored.value()) defined.insert(version.definition.id);
  SeriesRequest without_catalogue = request;
  without_catalogue.catalogue = nullptr;
  without_catalogue.catalogue_path.clear();
  for (const Series& s : series) {
    if (defined.count(s.indicator_id)) continue;
    auto indicator = IndicatorFor(s, without_catalogue);
    if (!indicator.ok()) return indicator.status();
    defined.insert(s.indicator_id);
    catalogue.indicators.push_back(std::move(indicator).value());
  }
  return catalogue;
}

}  // namespace

namespace {

// What an import has read before it writes: the series and what the file said, with the
// definitions to record.
struct ReadImport {
  LoadedSeries loaded;
  Catalogue definitions;
};

Result<ReadImport> ReadForImport(const DataSource& source, const ImportRequest& request,
                                 Workspace* workspace, JobDiagnostics* diagnostics) {
  SeriesRequest series_request = request.series;
  series_request.selection = {};
  series_request.overrides = {};
  // Read the catalogue once here: the reader and the definitions recorded must be the same.
  std::optional<Catalogue> owned;
  if (!series_request.catalogue && !series_request.catalogue_path.empty()) {
    auto catalogue = LoadCatalogue(series_request.catalogue_path, &diagnostics->catalogue,
                                   series_request.catalogue_env);
    if (!catalogue.ok()) {
      diagnostics->failure_in_diagnostics = !diagnostics->catalogue.all().empty();
      return catalogue.status();
    }
    owned = std::move(catalogue).value();
    series_request.catalogue = &*owned;
  }
  auto loaded = LoadSeries(source, series_request, diagnostics);
  if (!loaded.ok()) return loaded.status();
  auto definitions = DefinitionsFor(loaded->series, series_request, workspace);
  if (!definitions.ok()) return definitions.status();
  return ReadImport{std::move(loaded).value(), std::move(definitions).value()};
}

Result<ImportResult> WriteImport(const std::string& name, const std::string& sha256,
                                 const ImportRequest& request, ReadImport& read,
                                 Workspace* workspace) {
  ImportResult result;
  result.sha256 = sha256;
  result.summary = std::move(read.loaded.summary);
  kaizen::ImportFile file{.name = name, .sha256 = sha256};
  for (const RowComment& c : result.summary.comments) {
    file.comments.push_back({c.indicator, c.organisation, c.period, c.text});
  }
  auto outcome = workspace->Import(request.change, file, &read.definitions, read.loaded.series);
  if (!outcome.ok()) return outcome.status();
  result.outcome = std::move(outcome).value();
  return result;
}

}  // namespace

Result<ImportResult> ImportSource(const DataSource& source, const std::string& sha256,
                                  const ImportRequest& request, Workspace* workspace,
                                  JobDiagnostics* diagnostics) {
  auto read = ReadForImport(source, request, workspace, diagnostics);
  if (!read.ok()) return read.status();
  return WriteImport(source.name(), sha256, request, read.value(), workspace);
}

// The file's SHA-256 is taken on a second thread while this one parses the file: the two passes
// over the same bytes then cost one's time on a machine with two cores (docs/performance.md).
Result<ImportResult> ImportFile(const std::string& path, const ImportRequest& request,
                                Workspace* workspace, JobDiagnostics* diagnostics) {
  auto hashing = std::async(std::launch::async, [path] { return Sha256OfFile(path); });
  const FileSource source(path);
  auto read = ReadForImport(source, request, workspace, diagnostics);
  auto sha256 = hashing.get();
  // A file that cannot be read fails the hash as it fails the read: the hash's message, as
  // before the two ran together.
  if (!sha256.ok()) return sha256.status();
  if (!read.ok()) return read.status();
  return WriteImport(source.name(), sha256.value(), request, read.value(), workspace);
}

}  // namespace kaizen::app
