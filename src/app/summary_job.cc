// Summary (include/kaizen/app.h): one board row per series. Large inputs are streamed series by
// series and reading and analysing run on two threads (SeriesPipeline), so a large file keeps
// both cores busy and memory does not grow with the number of series.
#include <optional>
#include <thread>
#include <unordered_map>

#include "app/prepared_request.h"
#include "app/series_pipeline.h"
#include "kaizen/spc.h"
#include "kaizen/summary.h"

namespace kaizen::app {
namespace {

// Each indicator's definition and resolved profile, looked up once rather than per series (per
// organisation too for an indicator whose decisions name organisations).
class IndicatorCache {
 public:
  struct Resolved {
    Indicator indicator;
    Profile profile;
  };
  explicit IndicatorCache(const SeriesRequest& request) : request_(request) {}

  Result<const Resolved*> For(const Series& s) {
    const Indicator* known =
        request_.catalogue ? request_.catalogue->Find(s.indicator_id) : nullptr;
    const std::string key = known && known->HasOrganisationDecisions()
                                ? s.indicator_id + '\n' + s.organisation
                                : s.indicator_id;
    auto it = resolved_.find(key);
    if (it != resolved_.end()) return &it->second;
    Result<Indicator> ind = IndicatorFor(s, request_);
    if (!ind.ok()) return ind.status();
    Result<Profile> profile = ResolveProfile(ind->profile, ind->overrides);
    if (!profile.ok())
      return Status::InvalidArgument(s.indicator_id + ": " + profile.status().message());
    return &resolved_.emplace(key, Resolved{*ind, *profile}).first->second;
  }

 private:
  const SeriesRequest& request_;
  std::unordered_map<std::string, Resolved> resolved_;
};

// The analysing thread: takes series in the reader's order and hands each row on. Returns the
// first failure (an analysis's or the row callback's, told apart by *row_failed), after which
// the reader's next Push fails.
Status AnalyseRows(SeriesPipeline& pipeline, const SeriesRequest& request, Date as_of,
                   const std::function<Status(const SummaryRow&)>& on_row, bool* row_failed) {
  IndicatorCache cache(request);
  SpcEngine engine;
  engine.set_signal_sentences(false);  // the summary shows only the latest point's sentence
  SeriesResult result;
  while (std::optional<Series> s = pipeline.Pop()) {
    Result<const IndicatorCache::Resolved*> r = cache.For(*s);
    Status st = r.ok() ? engine.Analyse((*r)->indicator, (*r)->profile, *s, &result) : r.status();
    if (st.ok()) {
      st = on_row(MakeSummaryRow((*r)->indicator, result, as_of));
      *row_failed = !st.ok();
    }
    if (!st.ok()) {
      pipeline.Stop();
      return st;
    }
  }
  return Status::Ok();
}

}  // namespace

Status Summary(const DataSource& source, const SummaryRequest& request, JobDiagnostics* diagnostics,
               const std::function<Status(const SummaryRow&)>& on_row) {
  PreparedRequest prepared;
  if (Status st = prepared.Prepare(request.series, diagnostics); !st.ok()) return st;
  prepared.read().streaming = source.size_bytes() > kStreamAbove;
  prepared.read().on_progress = request.on_progress;

  SeriesPipeline pipeline(256);
  Status analysis;
  bool row_failed = false;
  std::thread analyser([&] {
    analysis = AnalyseRows(pipeline, prepared.request(), request.as_of, on_row, &row_failed);
  });
  SeriesKeys keys;  // every series read, for the warning about decisions' organisations
  const SeriesSelection& selection = prepared.request().selection;
  Result<ImportSummary> read = source.Read(
      prepared.catalogue(), prepared.read(), &diagnostics->read, [&](Series&& s) -> Status {
        keys.emplace(s.indicator_id, s.organisation);
        if (!MatchesSelection(selection, s)) return Status::Ok();
        if (!pipeline.Push(std::move(s)))
          return Status::FailedPrecondition("analysis stopped");  // `analysis` says why
        return Status::Ok();
      });
  pipeline.Close();
  analyser.join();
  if (read.ok()) WarnAboutDecisionOrganisations(prepared, keys, diagnostics);
  if (row_failed) return analysis;
  if (!analysis.ok()) return Status(analysis.code(), source.name() + ": " + analysis.message());
  if (!read.ok()) return ReadFailure(source, read.status(), diagnostics);
  return Status::Ok();
}

}  // namespace kaizen::app
