// What the analysis subcommands (describe, histogram, pareto, scatter, regress, capability,
// compare, funnel, aggregate, analyse) share: reading a plain CSV of records (one row per
// admission, incident...) with the ingest tokenizer, picking columns by name, one series and
// its plotted values, the before/after comparison, and writing a chart by its extension.
// Every function prints its own message to stderr and returns an exit code from common.h.
#ifndef KAIZEN_CLI_ANALYSIS_COMMON_H_
#define KAIZEN_CLI_ANALYSIS_COMMON_H_

#include <optional>
#include <string>
#include <vector>

#include "cli/common.h"
#include "kaizen/analysis_report.h"
#include "kaizen/date.h"
#include "kaizen/model.h"
#include "kaizen/pareto.h"
#include "kaizen/spc.h"

namespace CLI {
class App;
}

namespace kaizen {
struct PlotOptions;
}

namespace kaizen::cli {

// A CSV file of records held as text: the header and every row (fields trimmed of nothing;
// quotes already removed by the tokenizer), with each row's 1-based line for messages.
struct RecordTable {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
};

// Reads `path` (delimiter ',', ';', tab or "" to sniff). Exit 2 with the reader's message when
// the file is not CSV text or has no header.
// Where a Pareto analysis reads its records: a CSV with one or more category columns
// ("COL1,COL2": each filled cell counts once), and optionally a weight column (added per
// record) or a count column (the file holds counts per category).
struct ParetoSource {
  std::string file, delimiter, category, weight, count;
};
// Builds the Pareto of `source` into *out; rows with no category are counted in
// *rows_without_category. Returns an exit code (messages on stderr).
int ParetoFromFile(const ParetoSource& source, const ParetoOptions& options,
                   Result<ParetoResult>* out, int64_t* rows_without_category);
// "a,b,c" → {"a", "b", "c"}.
std::vector<std::string> SplitCommas(const std::string& s);

int ReadRecords(const std::string& path, const std::string& delimiter, RecordTable* table);

// The 0-based index of the column `name`; exit 2 naming the option and the columns there are.
int FindColumn(const RecordTable& table, const std::string& name, const std::string& option,
               int* index);

// The column as numbers: empty, NA, NULL, * are missing (NaN); TRUE/FALSE (any case) are 1/0 so
// that yes/no columns can be counted. Exit 2 naming file, line and column for anything else.
int NumericColumn(const RecordTable& table, int index, std::vector<double>* out);

// The column as dates (ISO, dd/mm/yyyy or mm/dd/yyyy by `date_format`: auto, iso, dmy, mdy;
// auto reads slash dates day first unless only month first fits). Exit 2 for an empty or bad
// cell, naming its line.
int DateColumn(const RecordTable& table, int index, const std::string& date_format,
               std::vector<Date>* out);

// Adds --format table|json|csv to a subcommand.
void AddFormatOption(CLI::App* cmd, std::string* format);

// Exit 2 unless `path` is empty or ends in .svg, .png or .pdf.
int CheckChartPath(const std::string& path);
// Writes the SVG as .svg, .png or .pdf by the extension, atomically. Exit 3 on failure.
int WriteChart(const std::string& path, const std::string& svg);

// One series (DATA filtered by --indicator and --org; exit 2 when that leaves several
// organisations or none), its indicator and its SPC result.
struct OneSeries {
  Inputs inputs;
  Series series;
  Indicator indicator;
  SeriesResult result;
};
int LoadOneSeries(const DataOptions& options, OneSeries* out);

// The plotted values of the kept points (not missing, not ghosted), in time order: the SPC
// engine's per-point value, so a ratio chart gives its ratio. `periods` (optional) gets theirs.
std::vector<double> PlottedValues(const SeriesResult& result, std::vector<Date>* periods = nullptr);

// Where describe, histogram and capability read their values (issue 8): one series' plotted
// values (DATA in long format with --indicator, and --org when it has several organisations) or
// a plain numeric column of a records CSV (DATA with --column NAME), as a six-sigma practitioner
// reads a measurement column.
struct AnalysedValues {
  std::vector<double> values;
  std::string title;                // "Indicator — Organisation", or "COLUMN (file name)"
  std::string unit;                 // the indicator's unit, or the column's name
  std::optional<OneSeries> series;  // set when the values are a series' plotted values
};
// Adds DATA and the series options (AddDataOptions "ifc") and --column NAME, which excludes
// --indicator.
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

// Before and after `change`: Welch and Mann–Whitney on the plotted values, chi-square and Fisher
// on summed numerators and denominators (p-type charts), and the SPC reading with and without a
// rebase at the change date. Exit 2 when the change date leaves no point on one side.
int CompareAroundChange(const OneSeries& s, Date change, BeforeAfter* out);

// Exit 2 unless at least one specification limit is given and LSL < USL.
int CheckSpecLimits(const std::optional<double>& lsl, const std::optional<double>& usl);

// A statistic for the table format, by its name: counts ("n", "missing") as whole numbers,
// p-values (names ending in "_p" or "p_value") as "< 0.0001" or four decimals, others as
// FormatForTable. JSON and CSV keep every digit (FormatNumber).
std::string FormatStatistic(const std::string& name, double v);

// Parses --quantile-type 1..9.
QuantileMethod QuantileFromInt(int type);

}  // namespace kaizen::cli

#endif  // KAIZEN_CLI_ANALYSIS_COMMON_H_
