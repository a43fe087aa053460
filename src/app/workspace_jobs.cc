// The workspace as a data source, and importing a file into it (include/kaizen/app_workspace.h).
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

Result<ImportResult> ImportSource(const DataSource& source, const std::string& sha256,
                                  const ImportRequest& request, Workspace* workspace,
                                  JobDiagnostics* diagnostics) {
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
  ImportResult result;
  result.sha256 = sha256;
  result.summary = std::move(loaded->summary);
  kaizen::ImportFile file{.name = source.name(), .sha256 = sha256};
  for (const RowComment& c : result.summary.comments) {
    file.comments.push_back({c.indicator, c.organisation, c.period, c.text});
  }
  auto outcome = workspace->Import(request.change, file, &definitions.value(), loaded->series);
  if (!outcome.ok()) return outcome.status();
  result.outcome = std::move(outcome).value();
  return result;
}

Result<ImportResult> ImportFile(const std::string& path, const ImportRequest& request,
                                Workspace* workspace, JobDiagnostics* diagnostics) {
  auto sha256 = Sha256OfFile(path);
  if (!sha256.ok()) return sha256.status();
  return ImportSource(FileSource(path), sha256.value(), request, workspace, diagnostics);
}

}  // namespace kaizen::app
