// The application layer for the series jobs (issue 9, items 1 and 2): what `kaizen check`,
// `spc`, `summary`, `report`, `chart`, `explain` and `profiles` do, as functions the command
// line, the HTTP server and a Python binding all call.
//
// Each job takes a plain request (what the user asked: which series, which overrides, today's
// date) and a DataSource (include/kaizen/data_source.h), and returns Result<...> of plain result
// structs. Nothing here prints, exits or reads the clock; the caller shows the JobDiagnostics
// and decides what a failure means to its user (an exit code, an HTTP status).
//
// Threading: a job uses only its arguments and its own state, so different jobs may run at
// once. Summary runs a second thread of its own and calls its row callback on that thread.
#ifndef KAIZEN_APP_H_
#define KAIZEN_APP_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "kaizen/app_types.h"
#include "kaizen/catalogue.h"
#include "kaizen/data_source.h"
#include "kaizen/diagnostics.h"
#include "kaizen/env.h"
#include "kaizen/explain.h"
#include "kaizen/ingest.h"
#include "kaizen/model.h"
#include "kaizen/profile.h"
#include "kaizen/render.h"
#include "kaizen/status.h"
#include "kaizen/summary.h"

namespace kaizen::app {

// Column names that override the catalogue's [columns]; "" keeps the catalogue's (or the
// default) name.
struct ColumnOverrides {
  std::string indicator, organisation, period, value, numerator, denominator, comment;
};

// How to read the data, as the user gave it.
struct ReadRequest {
  ColumnOverrides columns;
  DateFormat date_format = DateFormat::kAuto;
  char delimiter = '\0';  // '\0': sniffed
  std::string sheet;      // .xlsx: a sheet name or 1-based index; "" the first
  bool lenient = false;   // skip bad rows (each a warning) instead of failing
};

// Which series: "" means all. `organisation` is one name or a comma list; one name is also the
// organisation of a file without an organisation column, as `indicator` is its indicator.
struct SeriesSelection {
  std::string indicator;
  std::string organisation;
};

// Overrides of every selected series' indicator, as text the way a user types them (checked by
// CheckRequest; an error names the option as the CLI spells it, e.g. "--direction: ...").
struct IndicatorOverrides {
  std::string chart;                 // a chart type name (ChartTypeName)
  std::string profile;               // a rule profile name
  std::string direction;             // higher, lower or neither
  std::string target;                // a number, in force from the first period
  std::vector<std::string> rebases;  // YYYY-MM-DD dates to recalculate the limits from
};

// What every series job starts from.
struct SeriesRequest {
  // The indicator catalogue, already read (LoadCatalogue), or null with `catalogue_path` set
  // to have the job read it, or null with no path for none. Not owned; outlives the call.
  const Catalogue* catalogue = nullptr;
  std::string catalogue_path;           // also names the catalogue in warnings
  Env* catalogue_env = Env::Default();  // reads catalogue_path (a test gives a MemoryEnv)
  ReadRequest read;
  SeriesSelection selection;
  IndicatorOverrides overrides;
};

// The diagnostics a job raised, in the groups the CLI shows one after another (each group cut
// at its own limit there, as before this layer existed).
struct JobDiagnostics {
  Diagnostics catalogue;  // reading the catalogue (only when the job read it from its path)
  Diagnostics read;       // the data reader's, with file, line and column
  Diagnostics decisions;  // catalogue decisions naming an organisation the data holds no series of
  Diagnostics job;        // the job's own warnings (e.g. an indicator left out of a report)
  // True when the job failed on an error the diagnostics above already describe (the reader's
  // errors name file, line and column), so the failed Status only sums them up and the caller
  // need not show it; false when the Status's message is the only explanation.
  bool failure_in_diagnostics = false;
};

// Reads an indicator catalogue (TOML) through `env`. Returns its error (diagnostics say where)
// on failure; a failure with no diagnostic has a message naming the path.
Result<Catalogue> LoadCatalogue(const std::string& path, Diagnostics* diagnostics,
                                Env* env = Env::Default());

// Checks the overrides (direction, target, rebases, profile, chart, in that order). Returns
// InvalidArgument naming the option ("--direction: ...") on the first bad one.
Status CheckRequest(const SeriesRequest& request);

// The options the reader is given for this request: the catalogue's columns under the
// request's, the selection's indicator and single organisation, the chart override. Returns
// CheckRequest's error.
Result<ReadOptions> ReadOptionsFor(const SeriesRequest& request);

// Whether a series passes the selection (any organisation of its comma list).
bool MatchesSelection(const SeriesSelection& selection, const Series& series);

// The indicator a series is judged under: the catalogue's narrowed to the series'
// organisation (Indicator::ForOrganisation), else a default one named after the series (XmR,
// or p when the series has numerators and denominators); then every override. Returns
// CheckRequest's error when an override is bad.
Result<Indicator> IndicatorFor(const Series& series, const SeriesRequest& request);

// Every series the request selects, in the reader's order, with the reader's summary (rows,
// comments).
struct LoadedSeries {
  std::vector<Series> series;
  ImportSummary summary;
};
// Fails with "NAME: no series matches --indicator X --org Y" when a selection matches none.
Result<LoadedSeries> LoadSeries(const DataSource& source, const SeriesRequest& request,
                                JobDiagnostics* diagnostics);

// The one series a request selects, analysed (its engine warnings in result.warnings). Fails
// with "NAME: --indicator X has N series; choose one organisation with --org" when the
// selection holds more or fewer than one.
Result<AnalysedSeries> LoadOneSeries(const DataSource& source, const SeriesRequest& request,
                                     JobDiagnostics* diagnostics);

// ---- check: what the data holds -----------------------------------------------------------

struct SeriesOverview {
  std::string indicator_id, organisation;
  std::size_t points = 0;
  std::optional<Date> first, last;  // absent for a series of no points
  PeriodKind period_kind = PeriodKind::kDate;
  std::size_t missing_values = 0;  // points with neither a value nor a numerator
};

struct CheckResult {
  ImportSummary summary;                // rows read and skipped (the file's, not the slice's)
  std::vector<SeriesOverview> series;   // the selected series, in the reader's order
  std::vector<std::string> indicators;  // distinct indicator ids, sorted
  std::size_t organisation_count = 0;   // distinct organisations
  std::optional<Date> first, last;      // the earliest and latest period of any series
  PeriodKind first_kind = PeriodKind::kDate, last_kind = PeriodKind::kDate;
  std::vector<std::string> not_in_catalogue;        // indicator ids of the data it lacks
  std::vector<std::string> catalogue_without_data;  // catalogue ids the (selected) data lacks
};
Result<CheckResult> Check(const DataSource& source, const SeriesRequest& request,
                          JobDiagnostics* diagnostics);

// ---- spc: per-point results of every selected series -----------------------------------

// One analysed series, valid only during the callback (the engine reuses its storage).
struct SpcSeriesView {
  const Series& series;
  const Indicator& indicator;
  const Profile& profile;
  const SeriesResult& result;
};
// Calls `on_series` once per selected series in order; stops at the first error: a profile
// that cannot be resolved ("ID: ...") or a series the engine refuses ("NAME: ...").
Status AnalyseSeriesJob(const DataSource& source, const SeriesRequest& request,
                        JobDiagnostics* diagnostics,
                        const std::function<void(const SpcSeriesView&)>& on_series);

// ---- summary: one board row per selected series, streamed ---------------------------------

struct SummaryRequest {
  SeriesRequest series;
  Date as_of;  // "today", for the stale flag
  // Optional: bytes read so far and in all, called on the reading thread.
  std::function<void(std::uint64_t read, std::uint64_t total)> on_progress;
};
// Reads and analyses on two threads (so a large file keeps two cores busy) and hands each row
// to `on_row` on the analysing thread as soon as it is ready, in the reader's order, so memory
// stays flat. Inputs over kStreamAbove bytes are streamed (their rows must be grouped by
// indicator and organisation); smaller ones are read whole and sorted. A non-OK status from
// `on_row` stops the job and is returned as it is. Otherwise fails with "NAME: ..." when a
// series cannot be analysed, or the reader's error.
inline constexpr std::uint64_t kStreamAbove = 64ULL << 20;
Status Summary(const DataSource& source, const SummaryRequest& request, JobDiagnostics* diagnostics,
               const std::function<Status(const SummaryRow&)>& on_row);

// ---- report: the board report ---------------------------------------------------------------

enum class ReportFormat { kHtml, kPdf };
struct ReportRequest {
  SeriesRequest series;
  Date as_of;         // the report's date and "today" for the stale flag
  std::string title;  // "" : the catalogue's title, else "Integrated performance report"
  Palette palette = Palette::kMdc;
  ReportFormat format = ReportFormat::kHtml;
  std::vector<ReportNotice> notices;  // shown above the summary (WorkspaceReportNotices)
};
struct BoardReport {
  BoardReport() = default;
  BoardReport(BoardReport&&) = default;
  BoardReport& operator=(BoardReport&&) = default;
  // A copy's model would point into the original's indicators: move a report instead.
  BoardReport(const BoardReport&) = delete;
  BoardReport& operator=(const BoardReport&) = delete;

  // The report model handed to render/; its series point into `indicators` (a deque, so the
  // pointers stay valid when the report is moved).
  std::deque<Indicator> indicators;
  ReportInput model;
  std::string html;                    // kHtml: the whole document
  std::vector<std::string> pdf_pages;  // kPdf: one SVG per A4 page, for WriteSvgPagesAsPdf
};
// Assembles the report in memory: writes nothing. Series whose indicator a catalogue lacks are
// left out with a warning in diagnostics->job.
Result<BoardReport> AssembleReport(const DataSource& source, const ReportRequest& request,
                                   JobDiagnostics* diagnostics);

// ---- chart: one series drawn -------------------------------------------------------------

struct ChartRequest {
  SeriesRequest series;
  Palette palette = Palette::kMdc;
  std::string title;  // "" : indicator and organisation
};
struct ChartResult {
  AnalysedSeries analysed;
  std::string svg;
};
// Fails with "NAME: --indicator X has N organisations; choose one with --org" unless exactly
// one series is selected.
Result<ChartResult> Chart(const DataSource& source, const ChartRequest& request,
                          JobDiagnostics* diagnostics);

// ---- explain: where two profiles disagree -------------------------------------------------

struct ExplainRequest {
  SeriesRequest series;
  std::string profile_a, profile_b;
};
struct ExplainedSeries {
  std::string indicator_name, organisation;
  ProfileComparison comparison;
};
// Fails with "--profiles: ..." when a profile is unknown.
Result<std::vector<ExplainedSeries>> Explain(const DataSource& source,
                                             const ExplainRequest& request,
                                             JobDiagnostics* diagnostics);

// ---- profiles: the named rule profiles -------------------------------------------------------

// Every profile (name ""), or the one named. Fails with "--profile: ..." for an unknown name.
Result<std::vector<Profile>> ListProfiles(const std::string& name);

}  // namespace kaizen::app

#endif  // KAIZEN_APP_H_
