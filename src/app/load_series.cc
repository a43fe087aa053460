// Reading the selected series of a request: LoadSeries and LoadOneSeries (include/kaizen/app.h).
#include "app/prepared_request.h"
#include "kaizen/spc.h"

namespace kaizen::app {

Status PreparedRequest::Prepare(const SeriesRequest& request, JobDiagnostics* diagnostics) {
  request_ = request;
  if (!request_.catalogue && !request_.catalogue_path.empty()) {
    Result<Catalogue> c =
        LoadCatalogue(request_.catalogue_path, &diagnostics->catalogue, request_.catalogue_env);
    if (!c.ok()) {
      diagnostics->failure_in_diagnostics = !diagnostics->catalogue.all().empty();
      return c.status();
    }
    owned_ = std::move(c).value();
    request_.catalogue = &*owned_;
  }
  Result<ReadOptions> read = ReadOptionsFor(request_);
  if (!read.ok()) return read.status();
  read_ = std::move(read).value();
  return Status::Ok();
}

Status ReadFailure(const DataSource& source, const Status& read, JobDiagnostics* diagnostics) {
  diagnostics->failure_in_diagnostics = !diagnostics->read.all().empty();
  return Status(read.code(), source.name() + ": " + read.message());
}

void WarnAboutDecisionOrganisations(const PreparedRequest& prepared, const SeriesKeys& keys,
                                    JobDiagnostics* diagnostics) {
  if (!prepared.catalogue()) return;
  WarnOrganisationsNotInData(*prepared.catalogue(), prepared.request().catalogue_path, keys,
                             &diagnostics->decisions);
}

Result<LoadedSeries> LoadPrepared(const DataSource& source, const PreparedRequest& prepared,
                                  JobDiagnostics* diagnostics) {
  LoadedSeries loaded;
  SeriesKeys keys;  // every series read, for the warning about decisions' organisations
  const SeriesSelection& selection = prepared.request().selection;
  Result<ImportSummary> read =
      source.Read(prepared.catalogue(), prepared.read(), &diagnostics->read, [&](Series&& s) {
        keys.emplace(s.indicator_id, s.organisation);
        if (MatchesSelection(selection, s)) loaded.series.push_back(std::move(s));
        return Status::Ok();
      });
  if (!read.ok()) return ReadFailure(source, read.status(), diagnostics);
  loaded.summary = std::move(read).value();
  WarnAboutDecisionOrganisations(prepared, keys, diagnostics);
  if (loaded.series.empty() && (!selection.indicator.empty() || !selection.organisation.empty()))
    return Status::InvalidArgument(
        source.name() + ": no series matches" +
        (selection.indicator.empty() ? "" : " --indicator " + selection.indicator) +
        (selection.organisation.empty() ? "" : " --org " + selection.organisation));
  return loaded;
}

Result<LoadedSeries> LoadSeries(const DataSource& source, const SeriesRequest& request,
                                JobDiagnostics* diagnostics) {
  PreparedRequest prepared;
  if (Status st = prepared.Prepare(request, diagnostics); !st.ok()) return st;
  return LoadPrepared(source, prepared, diagnostics);
}

Result<AnalysedSeries> LoadOneSeries(const DataSource& source, const SeriesRequest& request,
                                     JobDiagnostics* diagnostics) {
  PreparedRequest prepared;
  if (Status st = prepared.Prepare(request, diagnostics); !st.ok()) return st;
  Result<LoadedSeries> loaded = LoadPrepared(source, prepared, diagnostics);
  if (!loaded.ok()) return loaded.status();
  std::vector<Series>& series = loaded->series;
  if (series.size() != 1)
    return Status::InvalidArgument(source.name() + ": --indicator " + request.selection.indicator +
                                   " has " + std::to_string(series.size()) +
                                   " series; choose one organisation with --org");
  AnalysedSeries out;
  out.series = std::move(series[0]);
  Result<Indicator> ind = IndicatorFor(out.series, prepared.request());
  if (!ind.ok()) return Status(ind.status().code(), source.name() + ": " + ind.status().message());
  out.indicator = std::move(ind).value();
  Result<SeriesResult> result = AnalyseSeries(out.indicator, out.series);
  if (!result.ok())
    return Status(result.status().code(), source.name() + ": " + result.status().message());
  out.result = std::move(result).value();
  return out;
}

}  // namespace kaizen::app
