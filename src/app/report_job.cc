// AssembleReport (include/kaizen/app.h): the board report's model and its HTML or PDF pages,
// in memory.
#include <algorithm>
#include <map>

#include "app/prepared_request.h"
#include "kaizen/render.h"
#include "kaizen/spc.h"
#include "kaizen/summary.h"

namespace kaizen::app {
namespace {

// One precision per indicator across its organisations, so a board's column never mixes 12.00
// and 12.0 (issue 8, item 12): each series took its own from its values; an indicator whose
// series disagree, and whose catalogue sets no `decimals`, is analysed again at the finest of
// them, so that its sentences, chart and table agree too.
Status SharePrecisionPerIndicator(const std::vector<const Series*>& sources,
                                  std::deque<Indicator>* indicators, ReportInput* report,
                                  Date as_of) {
  std::map<std::string, int> finest;
  for (const ReportSeries& r : report->series)
    if (!r.indicator->decimals)
      finest[r.indicator->id] = std::max(finest[r.indicator->id], r.result.decimals);
  for (std::size_t i = 0; i < report->series.size(); ++i) {
    ReportSeries& r = report->series[i];
    const auto it = finest.find(r.indicator->id);
    if (it == finest.end() || it->second == r.result.decimals) continue;
    Indicator& ind = (*indicators)[i];  // one indicator per series, in the same order
    ind.decimals = it->second;
    Result<SeriesResult> again = AnalyseSeries(ind, *sources[i]);
    if (!again.ok()) return again.status();
    r.result = std::move(again).value();
    r.row = MakeSummaryRow(ind, r.result, as_of);
  }
  return Status::Ok();
}

std::string ReportTitle(const ReportRequest& request, const Catalogue* catalogue) {
  if (!request.title.empty()) return request.title;
  if (catalogue && !catalogue->title.empty()) return catalogue->title;
  return "Integrated performance report";
}

// The data's comment column for one series, by period.
std::vector<Annotation> CommentsOf(const Series& s, const ImportSummary& summary) {
  std::vector<Annotation> comments;
  for (const RowComment& c : summary.comments)
    if (c.indicator == s.indicator_id && c.organisation == s.organisation)
      comments.push_back({c.period, c.text});
  return comments;
}

// Analyses each series into the report (those a catalogue lacks are left out with a warning);
// `sources` gets the series behind each report entry.
Status AddSeries(const DataSource& source, const PreparedRequest& prepared,
                 const LoadedSeries& loaded, Date as_of, BoardReport* out,
                 std::vector<const Series*>* sources, JobDiagnostics* diagnostics) {
  const Catalogue* catalogue = prepared.catalogue();
  for (const Series& s : loaded.series) {
    if (catalogue && !catalogue->Find(s.indicator_id)) {
      diagnostics->job.Warning(diag::kNotInCatalogue, source.name(), 0, 0,
                               "indicator " + s.indicator_id + " is not in " +
                                   prepared.request().catalogue_path + "; left out of the report");
      continue;
    }
    Result<Indicator> chosen = IndicatorFor(s, prepared.request());
    if (!chosen.ok()) return chosen.status();
    const Indicator* ind = &out->indicators.emplace_back(std::move(chosen).value());
    Result<SeriesResult> result = AnalyseSeries(*ind, s);
    if (!result.ok())
      return Status(result.status().code(), source.name() + ": " + result.status().message());
    SummaryRow row = MakeSummaryRow(*ind, *result, as_of);
    out->model.series.push_back(
        {ind, std::move(result).value(), std::move(row), CommentsOf(s, loaded.summary)});
    sources->push_back(&s);
  }
  return Status::Ok();
}

}  // namespace

Result<BoardReport> AssembleReport(const DataSource& source, const ReportRequest& request,
                                   JobDiagnostics* diagnostics) {
  PreparedRequest prepared;
  if (Status st = prepared.Prepare(request.series, diagnostics); !st.ok()) return st;
  Result<LoadedSeries> loaded = LoadPrepared(source, prepared, diagnostics);
  if (!loaded.ok()) return loaded.status();
  BoardReport out;
  out.model.title = ReportTitle(request, prepared.catalogue());
  out.model.organisation_filter = request.series.selection.organisation;
  out.model.generated_on = request.as_of;
  out.model.palette = request.palette;
  out.model.notices = request.notices;
  std::vector<const Series*> sources;
  if (Status st = AddSeries(source, prepared, *loaded, request.as_of, &out, &sources, diagnostics);
      !st.ok())
    return st;
  if (Status st = SharePrecisionPerIndicator(sources, &out.indicators, &out.model, request.as_of);
      !st.ok())
    return Status(st.code(), source.name() + ": " + st.message());
  if (request.format == ReportFormat::kPdf)
    out.pdf_pages = RenderReportPagesSvg(out.model);
  else
    out.html = RenderReportHtml(out.model);
  return out;
}

}  // namespace kaizen::app
