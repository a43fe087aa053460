// What every kaizen subcommand shares: the data and catalogue options, the application
// layer's request built from them (include/kaizen/app.h), its diagnostics printed to stderr,
// output helpers and exit codes. CLI11 stays in the .cc files (it is a heavy header).
#ifndef KAIZEN_CLI_COMMON_H_
#define KAIZEN_CLI_COMMON_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kaizen/app.h"
#include "kaizen/catalogue.h"
#include "kaizen/data_source.h"
#include "kaizen/diagnostics.h"
#include "kaizen/env.h"
#include "kaizen/ingest.h"
#include "kaizen/model.h"
#include "kaizen/profile.h"
#include "kaizen/status.h"
#include "kaizen/workspace.h"

namespace CLI {
class App;
}

namespace kaizen {
struct Warning;  // kaizen/spc.h
}  // namespace kaizen

namespace kaizen::cli {

// Documented in docs/cli.md.
enum ExitCode {
  kExitOk = 0,
  kExitInternal = 1,     // a bug in kaizen
  kExitBadInput = 2,     // bad data, catalogue or options: the message says where and why
  kExitCannotWrite = 3,  // an output could not be written (an output file is left as it was)
  kExitBusy = 4,         // another process holds the workspace past the wait: try again
};

// Where a run failed, which decides its exit code with the Status's class.
enum class FailedWhile { kReadingOrAnalysing, kWritingOutput };
// The one mapping from a Status to an exit code (docs/cli.md, "Exit codes"): kExitOk for OK;
// any failure while writing an output kExitCannotWrite; else kInternal kExitInternal and
// every other class (an input that cannot be read included) kExitBadInput, but Busy
// kExitBusy (a workspace locked by another writer: the same command may succeed later).
int ExitCodeFor(const Status& status, FailedWhile stage);

struct DataOptions {
  std::string data_path;        // DATA, or "" with --db
  std::string db_path;          // --db: read the series and catalogue from this workspace
  std::string indicators_path;  // the catalogue; may be empty for spc, check, chart
  std::string date_format = "auto";
  std::string delimiter;  // "," ";" "tab" or "" (sniff)
  std::string sheet;
  bool lenient = false;
  // Column names, overriding the catalogue's [columns].
  std::string col_indicator, col_organisation, col_period, col_value, col_numerator,
      col_denominator, col_comment;
  std::string indicator;     // --indicator: one indicator only (and the id when no column)
  std::string organisation;  // --org: these organisations only (a comma list; one: the name
                             // when the file has no organisation column)
  std::string chart;         // --chart: overrides the chart type
  std::string profile;       // --profile: overrides the rule profile
  // Without a catalogue (or over it): --direction, --target (in force from the first period)
  // and --rebase DATE (repeatable).
  std::string direction;
  std::string target;
  std::vector<std::string> rebases;
  std::string as_of;  // --as-of: "today" for staleness, for reproducible reports
};

// Adds DATA and the options above (those named in `which`, a string of flags: 'i' indicators,
// 'f' filters --indicator/--org, 'c' --chart/--profile/--direction/--target/--rebase, 'd' --db
// as the source in place of DATA) to a subcommand.
void AddDataOptions(CLI::App* app, DataOptions* options, const std::string& which);

// What PrepareInputs made ready: the catalogue, the reader's options and the data source
// (DATA's file, or the --db workspace opened read-only).
struct Inputs {
  std::optional<Catalogue> catalogue;
  ReadOptions read;
  std::shared_ptr<Workspace> workspace;  // --db only
  std::shared_ptr<DataSource> source;

  const DataSource& Source() const { return *source; }
};

// What messages call the data: DATA's path or the --db workspace's.
const std::string& DataName(const DataOptions& options);

// Adds --palette (mdc, mdc-alt or colour-blind), checked when the command line is parsed, so
// ParsePalette on the stored name cannot fail in the action.
void AddPaletteOption(CLI::App* app, std::string* palette);

// --delimiter's help, the same for every command that reads CSV (docs/cli.md).
inline constexpr const char* kDelimiterHelp =
    "CSV delimiter: ',', ';', '|', tab, or any single character (sniffed by default)";

// --delimiter's value: "" (sniff) is '\0', "tab" or "\t" a tab, else any one character but a
// double quote or a line break (they would make every row ambiguous). Returns false, after
// printing why to stderr, otherwise.
bool ParseDelimiter(const std::string& text, char* delimiter);

// Opens the data source (DATA or --db: exactly one; with --db the catalogue is the
// workspace's and --indicators is refused), reads the catalogue (if any), parses --delimiter and
// --date-format and checks the overrides (app::CheckRequest); diagnostics and messages go to
// stderr. Returns kExitOk or the exit code to stop with.
int PrepareInputs(const DataOptions& options, Inputs* inputs);
// PrepareInputs without opening the source: the catalogue, --delimiter, --date-format and the
// overrides (for kaizen import, whose --db is where the data goes, not where it comes from).
int PrepareReading(const DataOptions& options, Inputs* inputs);

// The application layer's request for the options and prepared inputs (which must outlive it:
// it points at their catalogue).
app::SeriesRequest RequestFor(const DataOptions& options, const Inputs& inputs);

// The job's diagnostics to stderr, group by group as they were raised.
void PrintJobDiagnostics(const app::JobDiagnostics& diagnostics);

// A failed job's message to stderr unless its diagnostics already said why. Returns
// kExitBadInput.
int ReportJobFailure(const Status& failure, const app::JobDiagnostics& diagnostics);

// Thin wrappers over the application layer (app::MatchesSelection, app::LoadSeries,
// app::IndicatorFor) for the analysis commands.
// Whether a series passes --indicator and --org (any organisation of its comma list).
bool MatchesFilters(const DataOptions& options, const Series& series);

// Prints the catalogue's warnings about decisions naming an organisation the data holds no
// series of (`keys`: every series read, before --org filters them).
void WarnAboutDecisionOrganisations(const DataOptions& options, const Inputs& inputs,
                                    const SeriesKeys& keys);

// Reads every series (filtered by --indicator/--org); prints diagnostics to stderr, and the
// warnings of WarnAboutDecisionOrganisations.
int LoadSeries(const DataOptions& options, const Inputs& inputs, std::vector<Series>* series,
               ImportSummary* summary);

// Prints diagnostics to stderr (errors and warnings; at most `limit`, then a count).
void PrintDiagnostics(const Diagnostics& diagnostics, std::size_t limit = 50);

// Prints one warning to stderr as a diagnostic is printed, with its code (diag::k*, or an
// engine WarningCodeName): "WHERE: warning [CODE]: MESSAGE".
void PrintWarning(std::string_view code, std::string where, std::string message);

// Prints the engine's warnings for one series, each as "INDICATOR/ORGANISATION: warning [CODE]:".
void PrintSeriesWarnings(const std::string& indicator, const std::string& organisation,
                         const std::vector<Warning>& warnings);

// The indicator for a series (app::IndicatorFor): --chart, --profile, --direction, --target
// and --rebase are checked by PrepareInputs, so this cannot fail on them.
Result<Indicator> IndicatorFor(const Series& series, const Inputs& inputs,
                               const DataOptions& options);

// "Today" for staleness: --as-of, else the system date (the CLI may read the clock; the
// engine never does).
Result<Date> AsOf(const DataOptions& options, Env* env = Env::Default());

// Writes text to `path` atomically, or to stdout when path is "-". Returns an exit code.
int WriteOutput(const std::string& path, const std::string& text);

// After writing an output: prints the failure's message, if any, and returns its exit code
// (ExitCodeFor, FailedWhile::kWritingOutput).
int ExitAfterWriting(const Status& written);

// Exit 2 unless `path` is empty or ends in .svg, .png or .pdf.
int CheckChartPath(const std::string& path);
// Writes the SVG as .svg, .png or .pdf by the extension, atomically. Exit 3 on failure.
int WriteChart(const std::string& path, const std::string& svg);

// True when `s` ends with `suffix` (output file extensions).
bool EndsWith(const std::string& s, const std::string& suffix);

// Formats a number for tables and CSV: shortest round-trip form; "" for NaN.
std::string FormatNumber(double v);
// Formats a lone number for people (kaizen::FormatAuto): "27,950", "490.4", "0.00420", "–".
// Series values use the series' precision instead (kaizen::FormatDecimals with its decimals).
std::string FormatForTable(double v);

// A progress bar on stderr when it is a terminal and the run is long; silent otherwise. The
// reading thread reports bytes (Bytes), the analysing thread counts items (Tick); only the
// reading thread draws, at most four times a second.
class Progress {
 public:
  explicit Progress(std::string what);
  void Tick(std::size_t done) { done_.store(done, std::memory_order_relaxed); }
  void Bytes(std::uint64_t read, std::uint64_t total);
  void Finish();

 private:
  std::string what_;
  bool enabled_;
  double started_ = 0, last_ = 0;
  bool drawn_ = false;
  std::atomic<std::size_t> done_{0};
};

}  // namespace kaizen::cli

#endif  // KAIZEN_CLI_COMMON_H_
