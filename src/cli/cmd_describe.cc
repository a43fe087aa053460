// kaizen describe: descriptive statistics of one series' plotted values (for ratio charts the
// plotted ratio) or of a plain column of a records file, with the SE of the mean, 95 % intervals
// for the mean, median and sd (as Minitab's Graphical Summary), the Anderson–Darling and
// Shapiro–Wilk normality tests and plain readings.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/analysis_export.h"
#include "kaizen/app_analysis.h"
#include "kaizen/number_format.h"

namespace kaizen::cli {
namespace {

struct DescribeCommandOptions {
  DataOptions data;
  std::string column;
  int quantile_type = 7;
  std::string format = "table";
};

// The table format: the statistics rounded, then the intervals, readings and tests in words.
std::string DescribeTable(const DescribeResult& r, const AnalysedValues& source) {
  const Descriptive& d = r.description;
  const SummaryIntervals& ci = r.intervals;
  Table t({"statistic", "value"});
  for (const auto& [name, v] : DescribeStatistics(r)) t.AddRow({name, FormatStatistic(name, v)});
  std::string out =
      source.title +
      (source.series
           ? " (" + std::string(ChartTypeName(source.series->indicator.chart)) + " chart values)"
           : std::string()) +
      "\n" + t.Render();
  out += "intervals: 95% (mean: t; median: " + std::string(kMedianIntervalMethod) +
         "; sd: chi-square, assumes normal data)\n";
  if (ci.median_achieved < ci.confidence)
    out += "note: with " + std::to_string(ci.n) +
           " values the median interval (minimum to maximum) covers only " +
           FormatDecimals(100 * ci.median_achieved, 2) + "%\n";
  out += "quartiles: " + d.quantile_method_name + "\n";
  out += "mode: " + d.mode_reading + "\n";
  out += "skewness: " + d.skewness_reading + "\n";
  out += "kurtosis: " + d.kurtosis_reading + "\n";
  for (const NormalityTest& nt : r.normality)
    out += nt.method + ": statistic " + FormatForTable(nt.statistic) + ", p " +
           FormatForTable(nt.p_value) + ": " + nt.reading + "\n";
  for (const std::string& n : r.notes) out += "note: " + n + "\n";
  return out;
}

}  // namespace

void AddDescribeCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "describe",
      "descriptive statistics, confidence intervals and normality tests of one series' values "
      "or one column");
  auto o = std::make_shared<DescribeCommandOptions>();
  AddValueSourceOptions(cmd, &o->data, &o->column);
  cmd->add_option("--quantile-type", o->quantile_type,
                  "Hyndman & Fan quantile definition 1..9 (7: R and Excel; 6: Minitab)")
      ->check(CLI::Range(1, 9));
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    AnalysedValues source;
    if ((*exit_code = LoadAnalysedValues(o->data, o->column, &source)) != kExitOk) return;
    Result<DescribeResult> d =
        DescribeValues(source.values, {.quantile_method = QuantileFromInt(o->quantile_type)});
    if (!d.ok()) {
      *exit_code = ReportFailure(d.status(), Diagnostics(), DataName(o->data) + ": ");
      return;
    }
    const std::string out = o->format == "json"  ? DescribeJson(*d, source)
                            : o->format == "csv" ? DescribeCsv(*d)
                                                 : DescribeTable(*d, source);
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
