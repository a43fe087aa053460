#include "cli/common.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "kaizen/app_workspace.h"
#include "kaizen/file_util.h"
#include "kaizen/number_format.h"
#include "kaizen/render.h"
#include "kaizen/spc.h"

namespace kaizen::cli {

void AddDataOptions(CLI::App* app, DataOptions* o, const std::string& which) {
  app->add_option("DATA", o->data_path,
                  "data file (.csv, .tsv or .xlsx, long or wide); or --db W instead")
      ->check(CLI::ExistingFile);
  if (which.find('d') != std::string::npos)
    app->add_option("--db", o->db_path,
                    "read the series and indicators from this workspace instead of DATA");
  if (which.find('i') != std::string::npos)
    app->add_option("--indicators", o->indicators_path, "indicator catalogue (indicators.toml)")
        ->check(CLI::ExistingFile);
  if (which.find('f') != std::string::npos) {
    app->add_option("--indicator", o->indicator, "only this indicator id");
    app->add_option("--org", o->organisation, "only these organisations (ORG or ORG1,ORG2)");
  }
  if (which.find('c') != std::string::npos) {
    app->add_option("--chart", o->chart,
                    "chart type: run, xmr, mr, xbar, s, p, np, c, u, pp, up, g, t");
    app->add_option("--profile", o->profile, "rule profile (see `kaizen profiles`)");
    app->add_option("--direction", o->direction, "higher, lower or neither is better");
    app->add_option("--target", o->target, "a target in force over the whole series");
    app->add_option("--rebase", o->rebases,
                    "recalculate the limits from this period (YYYY-MM-DD; repeatable)");
  }
  app->add_option("--date-format", o->date_format, "auto, iso, dmy (dd/mm/yyyy) or mdy")
      ->check(CLI::IsMember({"auto", "iso", "dmy", "mdy"}));
  app->add_option("--delimiter", o->delimiter, kDelimiterHelp);
  app->add_option("--sheet", o->sheet, ".xlsx sheet name or 1-based index");
  app->add_flag("--lenient", o->lenient, "skip bad rows (reported with a count)");
  app->add_option("--col-indicator", o->col_indicator, "name of the indicator column");
  app->add_option("--col-org", o->col_organisation, "name of the organisation column");
  app->add_option("--col-period", o->col_period, "name of the period column");
  app->add_option("--col-value", o->col_value, "name of the value column");
  app->add_option("--col-numerator", o->col_numerator, "name of the numerator column");
  app->add_option("--col-denominator", o->col_denominator, "name of the denominator column");
  app->add_option("--col-comment", o->col_comment, "name of the comment column");
}

void AddPaletteOption(CLI::App* app, std::string* palette) {
  app->add_option("--palette", *palette, "mdc (default), mdc-alt or colour-blind")
      ->check(CLI::IsMember({"mdc", "mdc-alt", "colour-blind"}));
}

void PrintDiagnostics(const Diagnostics& diagnostics, std::size_t limit) {
  std::size_t shown = 0;
  for (const Diagnostic& d : diagnostics.all()) {
    if (shown++ == limit) {
      std::cerr << "... and " << diagnostics.all().size() - limit << " more\n";
      break;
    }
    std::cerr << d.ToString() << "\n";
  }
}

void PrintWarning(std::string_view code, std::string where, std::string message) {
  const Diagnostic d{.severity = Severity::kWarning,
                     .file = std::move(where),
                     .message = std::move(message),
                     .code = code};
  std::cerr << d.ToString() << "\n";
}

void PrintSeriesWarnings(const std::string& indicator, const std::string& organisation,
                         const std::vector<Warning>& warnings) {
  for (const Warning& w : warnings)
    PrintWarning(WarningCodeName(w.code), indicator + "/" + organisation, w.message);
}

bool ParseDelimiter(const std::string& text, char* delimiter) {
  if (text.empty()) {
    *delimiter = '\0';
  } else if (text == "tab" || text == "\\t") {
    *delimiter = '\t';
  } else if (text.size() == 1 && text != "\"" && text != "\n" && text != "\r") {
    *delimiter = text[0];
  } else {
    std::cerr << "--delimiter: '" << text
              << "' is not a single character (other than a double quote or a line break) or "
                 "'tab'\n";
    return false;
  }
  return true;
}

namespace {

DateFormat ParseDateFormat(const std::string& name) {
  return name == "iso"   ? DateFormat::kIso
         : name == "dmy" ? DateFormat::kDayMonthYear
         : name == "mdy" ? DateFormat::kMonthDayYear
                         : DateFormat::kAuto;
}

}  // namespace

bool MatchesFilters(const DataOptions& o, const Series& s) {
  return app::MatchesSelection({o.indicator, o.organisation}, s);
}

app::SeriesRequest RequestFor(const DataOptions& o, const Inputs& inputs) {
  app::SeriesRequest r;
  r.catalogue = inputs.catalogue ? &*inputs.catalogue : nullptr;
  r.catalogue_path = o.indicators_path;
  r.read.columns = {o.col_indicator, o.col_organisation, o.col_period, o.col_value,
                    o.col_numerator, o.col_denominator,  o.col_comment};
  r.read.date_format = inputs.read.date_format;
  r.read.delimiter = inputs.read.delimiter;
  r.read.sheet = o.sheet;
  r.read.lenient = o.lenient;
  r.selection = {o.indicator, o.organisation};
  r.overrides = {o.chart, o.profile, o.direction, o.target, o.rebases};
  return r;
}

const std::string& DataName(const DataOptions& o) {
  return o.db_path.empty() ? o.data_path : o.db_path;
}

namespace {

// --db: the workspace, read-only, with its catalogue (the definitions in force and the
// approved decisions).
int OpenWorkspaceSource(const DataOptions& o, Inputs* inputs) {
  if (!o.indicators_path.empty()) {
    std::cerr << "--indicators: with --db the indicators are the workspace's; import a "
                 "changed catalogue with kaizen import --indicators\n";
    return kExitBadInput;
  }
  auto opened = OpenWorkspace(o.db_path, WorkspaceMode::kReadOnly);
  if (!opened.ok()) {
    std::cerr << "kaizen: " << opened.status().message() << "\n";
    return ExitCodeFor(opened.status(), FailedWhile::kReadingOrAnalysing);
  }
  inputs->workspace = std::move(opened).value();
  auto catalogue = inputs->workspace->CurrentCatalogue();
  if (!catalogue.ok()) {
    std::cerr << "kaizen: " << catalogue.status().message() << "\n";
    return ExitCodeFor(catalogue.status(), FailedWhile::kReadingOrAnalysing);
  }
  inputs->catalogue = std::move(catalogue).value();
  inputs->source = std::make_shared<app::WorkspaceSource>(inputs->workspace.get());
  return kExitOk;
}

// DATA or --db, exactly one.
int OpenSource(const DataOptions& o, Inputs* inputs) {
  if (o.data_path.empty() == o.db_path.empty()) {
    std::cerr << (o.data_path.empty() ? "give a DATA file or --db W (a workspace)\n"
                                      : "give a DATA file or --db W, not both\n");
    return kExitBadInput;
  }
  if (!o.db_path.empty()) return OpenWorkspaceSource(o, inputs);
  inputs->source = std::make_shared<FileSource>(o.data_path);
  return kExitOk;
}

}  // namespace

int PrepareInputs(const DataOptions& o, Inputs* inputs) {
  if (int code = OpenSource(o, inputs); code != kExitOk) return code;
  return PrepareReading(o, inputs);
}

int PrepareReading(const DataOptions& o, Inputs* inputs) {
  if (!o.indicators_path.empty()) {
    Diagnostics d;
    Result<Catalogue> c = app::LoadCatalogue(o.indicators_path, &d);
    PrintDiagnostics(d);
    if (!c.ok()) {
      if (d.all().empty()) std::cerr << c.status().message() << "\n";
      return kExitBadInput;
    }
    inputs->catalogue = std::move(c).value();
  }
  inputs->read.date_format = ParseDateFormat(o.date_format);
  if (!ParseDelimiter(o.delimiter, &inputs->read.delimiter)) return kExitBadInput;
  Result<ReadOptions> read = app::ReadOptionsFor(RequestFor(o, *inputs));
  if (!read.ok()) {
    std::cerr << read.status().message() << "\n";
    return kExitBadInput;
  }
  inputs->read = std::move(read).value();
  return kExitOk;
}

void PrintJobDiagnostics(const app::JobDiagnostics& d) {
  PrintDiagnostics(d.catalogue);
  PrintDiagnostics(d.read);
  PrintDiagnostics(d.decisions);
  // The job's own warnings were printed one by one, never cut.
  PrintDiagnostics(d.job, d.job.all().size());
}

int ReportJobFailure(const Status& failure, const app::JobDiagnostics& d) {
  if (!d.failure_in_diagnostics) std::cerr << failure.message() << "\n";
  return kExitBadInput;
}

void WarnAboutDecisionOrganisations(const DataOptions& o, const Inputs& inputs,
                                    const SeriesKeys& keys) {
  if (!inputs.catalogue) return;
  Diagnostics d;
  WarnOrganisationsNotInData(*inputs.catalogue, o.indicators_path, keys, &d);
  PrintDiagnostics(d);
}

int LoadSeries(const DataOptions& o, const Inputs& inputs, std::vector<Series>* series,
               ImportSummary* summary) {
  app::JobDiagnostics d;
  Result<app::LoadedSeries> loaded = app::LoadSeries(inputs.Source(), RequestFor(o, inputs), &d);
  PrintJobDiagnostics(d);
  if (!loaded.ok()) return ReportJobFailure(loaded.status(), d);
  for (Series& s : loaded->series) series->push_back(std::move(s));
  *summary = std::move(loaded->summary);
  return kExitOk;
}

Result<Indicator> IndicatorFor(const Series& series, const Inputs& inputs, const DataOptions& o) {
  return app::IndicatorFor(series, RequestFor(o, inputs));
}

Result<Date> AsOf(const DataOptions& o, Env* env) {
  if (!o.as_of.empty()) {
    Result<Date> d = Date::ParseIso(o.as_of);
    if (!d.ok()) return Status::InvalidArgument("--as-of: " + d.status().message());
    return d;
  }
  return env->Today();
}

int ExitCodeFor(const Status& status, FailedWhile stage) {
  if (status.ok()) return kExitOk;
  if (stage == FailedWhile::kWritingOutput) return kExitCannotWrite;
  if (status.code() == StatusCode::kBusy) return kExitBusy;
  return status.code() == StatusCode::kInternal ? kExitInternal : kExitBadInput;
}

int WriteOutput(const std::string& path, const std::string& text) {
  const bool to_stdout = path.empty() || path == "-";
  Status st = to_stdout ? WriteToStandardOutput(text) : WriteFileAtomically(path, text);
  return ExitAfterWriting(st);
}

int ExitAfterWriting(const Status& written) {
  if (!written.ok()) std::cerr << written.message() << "\n";
  return ExitCodeFor(written, FailedWhile::kWritingOutput);
}

int CheckChartPath(const std::string& path) {
  if (path.empty() || EndsWith(path, ".svg") || EndsWith(path, ".png") || EndsWith(path, ".pdf"))
    return kExitOk;
  std::cerr << "-o: '" << path << "' must end in .svg, .png or .pdf\n";
  return kExitBadInput;
}

int WriteChart(const std::string& path, const std::string& svg) {
  if (EndsWith(path, ".svg")) return WriteOutput(path, svg);
  Status st = EndsWith(path, ".png") ? WriteSvgAsPng(svg, path) : WriteSvgAsPdf(svg, path);
  return ExitAfterWriting(st);
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string FormatNumber(double v) { return std::isnan(v) ? "" : FormatShortest(v); }

std::string FormatForTable(double v) { return FormatAuto(v); }

namespace {
double Seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

Progress::Progress(std::string what) : what_(std::move(what)), enabled_(::isatty(2) != 0) {
  started_ = last_ = Seconds();
}

void Progress::Bytes(std::uint64_t read, std::uint64_t total) {
  if (!enabled_ || total == 0) return;
  const double now = Seconds();
  if (now - last_ < 0.25 || now - started_ < 1.0) return;  // short runs show nothing
  last_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  const double fraction = std::min(1.0, static_cast<double>(read) / static_cast<double>(total));
  const int filled = static_cast<int>(fraction * kWidth);
  const std::size_t done = done_.load(std::memory_order_relaxed);
  std::fprintf(stderr, "\r[%.*s%*s] %3.0f%%  %zu %s (%.0f/s)   ", filled,
               "##############################", kWidth - filled, "", 100 * fraction, done,
               what_.c_str(), done / (now - started_));
}

void Progress::Finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace kaizen::cli
