// What the analysis subcommands (describe, histogram, pareto, scatter, regress, capability,
// compare, funnel, aggregate, analyse) share on the command line: reading a records table and
// one series for the application layer's jobs (kaizen/app_analysis.h), reporting a job's
// failure, the --format option, chart labels and writing a chart by its extension. Every
// function that can fail prints its message to stderr and returns an exit code from common.h.
#ifndef KAIZEN_CLI_ANALYSIS_COMMON_H_
#define KAIZEN_CLI_ANALYSIS_COMMON_H_

#include <optional>
#include <string>
#include <vector>

#include "cli/common.h"
#include "kaizen/app_analysis.h"
#include "kaizen/app_types.h"
#include "kaizen/records.h"

namespace CLI {
class App;
}

namespace kaizen {
struct PlotOptions;
}

namespace kaizen::cli {

// Prints every diagnostic, then `prefix` and the status' message when no diagnostic says it
// already (a located diagnostic's text is the message). Returns kExitBadInput.
int ReportFailure(const Status& status, const Diagnostics& diagnostics,
                  const std::string& prefix = "");

// Reads the records CSV `path` (delimiter ',', ';', tab or "" to sniff; --delimiter's text).
// Exit 2 with the reader's message when the file is not CSV text or has no header.
int ReadRecords(const std::string& path, const std::string& delimiter, RecordTable* table);

// Where a Pareto analysis reads its records (kaizen pareto, kaizen analyse --causes): the
// category column(s) ("COL1,COL2"), and optionally a weight or a count column.
struct ParetoSource {
  std::string file, delimiter, category, weight, count;
};
// Exit 2 when both a weight and a count are given, or with the reader's or the job's message.
int ParetoFromFile(const ParetoSource& source, const ParetoOptions& options,
                   ParetoOfRecordsResult* out);

// Adds --format table|json|csv to a subcommand.
void AddFormatOption(CLI::App* cmd, std::string* format);

// One series (DATA filtered by --indicator and --org; exit 2 when that leaves several
// organisations or none), its indicator and its SPC result. Until the application layer's
// LoadOneSeries (kaizen/app.h) is wired in, the command line loads it with common.h.
using OneSeries = AnalysedSeries;
int LoadOneSeries(const DataOptions& options, OneSeries* out);

// Adds DATA and the series options (AddDataOptions "ifc") and --column NAME, which excludes
// --indicator: describe, histogram and capability read one series' plotted values or a numeric
// column of a records CSV (issue 8).
void AddValueSourceOptions(CLI::App* cmd, DataOptions* data, std::string* column);
// Exit 2 when neither --indicator nor --column is given, or with the reader's message.
int LoadAnalysedValues(const DataOptions& data, const std::string& column, AnalysedValues* out);

// --title, --x-label and --y-label of every analysis chart (issue 8 item 17); an empty field
// keeps the command's default.
struct ChartLabels {
  std::string title, x_label, y_label;
};
void AddChartLabelOptions(CLI::App* cmd, ChartLabels* labels);
void ApplyChartLabels(const ChartLabels& labels, PlotOptions* plot);

// Exit 2 unless at least one specification limit is given and LSL < USL.
int CheckSpecLimits(const std::optional<double>& lsl, const std::optional<double>& usl);

// A statistic for the table format, by its name: counts ("n", "missing") as whole numbers,
// p-values (names ending in "_p" or "p_value") as "< 0.0001" or four decimals, others as
// FormatForTable. JSON and CSV keep every digit (kaizen/analysis_export.h).
std::string FormatStatistic(const std::string& name, double v);

// Parses --quantile-type 1..9.
QuantileMethod QuantileFromInt(int type);

}  // namespace kaizen::cli

#endif  // KAIZEN_CLI_ANALYSIS_COMMON_H_
