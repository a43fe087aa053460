// The analysis jobs of the application layer: describe, histogram, Pareto, scatter, regression,
// capability, before/after, funnel, aggregate and the analysis report. The command line, the
// HTTP server and the Python binding call these same functions.
//
// Each job takes a plain request and its input (an AnalysedSeries, values, or a RecordTable from
// kaizen/records.h) and returns a plain result: no printing, no exit codes, no I/O, no clock.
// A failure is a Status whose message says what was wrong; a job that reads cells of a record
// table also adds the located diagnostic of a bad cell (file, line, column, code) to
// *diagnostics, its text being the message. The JSON and CSV forms of the results are in
// kaizen/analysis_export.h. Functions are reentrant; inputs are read only.
#ifndef KAIZEN_APP_ANALYSIS_H_
#define KAIZEN_APP_ANALYSIS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kaizen/aggregate.h"
#include "kaizen/analysis_render.h"
#include "kaizen/analysis_report.h"
#include "kaizen/app_types.h"
#include "kaizen/capability.h"
#include "kaizen/diagnostics.h"
#include "kaizen/funnel.h"
#include "kaizen/hypothesis.h"
#include "kaizen/pareto.h"
#include "kaizen/records.h"
#include "kaizen/stats.h"

namespace kaizen {

// A statistic by its name ("mean", "ppm_within"), in the order a table lists them.
using NamedStatistic = std::pair<std::string, double>;

// ---- Where describe, histogram and capability read their values ----

// One series' plotted values, or a numeric column of a records table.
struct AnalysedValues {
  std::vector<double> values;
  std::string title;                     // "Indicator — Organisation", or "COLUMN (file name)"
  std::string unit;                      // the indicator's unit, or the column's name
  std::string column, file;              // set when the values are a column
  std::optional<AnalysedSeries> series;  // set when the values are a series' plotted values
};

// The plotted values of the kept points (not missing, not ghosted), in time order: the SPC
// engine's per-point value, so a ratio chart gives its ratio. `periods` (optional) gets theirs.
std::vector<double> PlottedValues(const SeriesResult& result, std::vector<Date>* periods = nullptr);
AnalysedValues ValuesOfSeries(AnalysedSeries series);
// Fails as FindRecordColumn ("--column") and RecordNumbers do.
Result<AnalysedValues> ValuesOfColumn(const RecordTable& table, const std::string& column,
                                      Diagnostics* diagnostics);

// ---- describe ----

struct DescribeRequest {
  QuantileMethod quantile_method = QuantileMethod::kType7;
};
struct DescribeResult {
  Descriptive description;
  SummaryIntervals intervals;
  std::vector<NormalityTest> normality;  // Anderson–Darling, Shapiro–Wilk: those that ran
  std::vector<std::string> notes;        // the description's, then why a test did not run
};
// The method of the median's interval, as the output names it.
inline constexpr const char* kMedianIntervalMethod =
    "order statistics, Hettmansperger-Sheather interpolation (Minitab)";
// Fails with Describe's or SummaryConfidenceIntervals' status (too few values).
Result<DescribeResult> DescribeValues(const std::vector<double>& values,
                                      const DescribeRequest& request);
// n, missing, mean, se_mean, the intervals, median, sd, variance, quartiles, ... in table order.
std::vector<NamedStatistic> DescribeStatistics(const DescribeResult& result);

// ---- histogram ----

struct HistogramRequest {
  std::string rule = "fd";  // fd, sturges or width (ParseBinRule)
  double width = 0;         // the bin width for "width"
};
struct HistogramResult {
  std::string rule;
  HistogramBins bins;
  Descriptive description;  // what the chart's summary shows
};
Result<HistogramResult> HistogramOfValues(const std::vector<double>& values,
                                          const HistogramRequest& request);

// ---- Pareto ----

// Where a Pareto analysis reads its records: one or more category columns (each filled cell
// counts once), and optionally a weight column (added per record) or, with weights_are_counts,
// a count column (the table holds counts per category). `*_role` names each in messages.
struct ParetoRequest {
  std::vector<std::string> category_columns;
  std::string weight_column;
  bool weights_are_counts = false;
  ParetoOptions options;
  std::string category_role = "--category", weight_role = "--weight";
};
struct ParetoOfRecordsResult {
  ParetoResult pareto;
  int64_t rows_without_category = 0;  // rows whose category cells are all empty or NA
};
// Fails at a missing column, a bad weight cell, a weight that takes the total past a double
// (value_overflow, at that row), or with ParetoFrom*'s status prefixed by the table's path.
Result<ParetoOfRecordsResult> ParetoOfRecords(const RecordTable& table,
                                              const ParetoRequest& request,
                                              Diagnostics* diagnostics);
// The categories of the vital-few bars, in bar order.
std::vector<std::string> VitalFew(const ParetoResult& pareto);

// ---- scatter ----

struct ScatterRequest {
  std::string x, y;  // column names
};
struct ScatterResult {
  std::string x_name, y_name;
  std::vector<double> x, y;  // the columns, missing as NaN
  Correlation pearson, spearman;
  SimpleRegression line;  // with its 95 % band over kScatterBandPoints points
};
inline constexpr int kScatterBandPoints = 60;
// Fails at a missing column ("--x", "--y") or cell, or with the statistics' status prefixed by
// the table's path.
Result<ScatterResult> ScatterOfColumns(const RecordTable& table, const ScatterRequest& request,
                                       Diagnostics* diagnostics);
std::vector<NamedStatistic> ScatterStatistics(const ScatterResult& result);

// ---- regression ----

struct RegressionRequest {
  std::string y;
  std::vector<std::string> x;
};
struct RegressionResult {
  std::string y_name;
  LinearModel model;
  std::vector<int> lines;  // the table's line of each row, for the unusual observations
};
// Fails at a missing column ("--y", "--x") or cell, or with FitLinearModel's status prefixed by
// the table's path.
Result<RegressionResult> RegressionOfColumns(const RecordTable& table,
                                             const RegressionRequest& request,
                                             Diagnostics* diagnostics);

// ---- capability ----

struct CapabilityRequest {
  SpecLimits spec;
};
// Judges stability on the series' own chart when the values are a series'. Fails with
// AnalyseCapability's status (no limit, LSL >= USL, too few values).
Result<CapabilityResult> CapabilityOfValues(const AnalysedValues& values,
                                            const CapabilityRequest& request);
std::vector<NamedStatistic> CapabilityStatistics(const CapabilityResult& result);

// ---- before/after ----

// Before and after the request's change date: Welch and Mann–Whitney on the plotted
// values, chi-square and Fisher on summed numerators and denominators (p-type charts), and the
// SPC reading: the points from the change judged against the limits of the points before it
// (JudgeAgainstLimitsBefore), and the series rebased at the change. Fails when the change leaves
// no point on one side, or when the engine refuses a re-analysis.
struct BeforeAfterRequest {
  Date change;  // the first day of "after"
};
Result<BeforeAfter> CompareAroundChange(const AnalysedSeries& series,
                                        const BeforeAfterRequest& request);

// One row of the before/after tests, as the CSV and the table list them: the statistic and the
// p-value are NaN where the test has none; `yes_no` is set for the SPC row, whose statistic is
// a yes or no.
struct BeforeAfterRow {
  std::string test;
  double statistic = kMissing;
  double p_value = kMissing;
  std::string sentence;
  std::optional<bool> yes_no;
};
std::vector<BeforeAfterRow> BeforeAfterRows(const BeforeAfter& result);

// ---- funnel ----

struct FunnelRequest {
  std::string indicator;  // its id, for messages
  Date period;
  std::optional<FunnelType> type;  // default from the chart type
  bool overdispersion = false;
  std::optional<double> target;  // on the indicator's display scale (95 for 95 %)
  std::string source;            // names the data in messages (the file's path)
};
struct FunnelJobResult {
  FunnelResult funnel;
  FunnelType type = FunnelType::kProportion;
  double multiplier = 1;  // the indicator's display multiplier (1 when unset)
  PeriodKind period_kind = PeriodKind::kDate;
  // "better" or "worse" by the indicator's direction, "outside" for neither, "within": per point.
  std::vector<std::string> assessments;
};
// Every organisation's point of `request.period` in `series`, under `indicator`. Fails when no
// type fits the chart, no series has the period, or AnalyseFunnel refuses the data.
Result<FunnelJobResult> FunnelOfPeriod(const std::vector<Series>& series,
                                       const Indicator& indicator, const FunnelRequest& request);

// ---- aggregate ----

struct AggregateRequest {
  std::string date_column, value_column, denominator_column;
  PeriodMeasure measure = PeriodMeasure::kCount;
  std::string measure_name = "count";  // as the user wrote it, for messages
  std::string condition;               // an expression (docs/catalogue.md, "Expressions")
  PeriodUnit period = PeriodUnit::kMonth;
  bool between_events = false;
  DateFormat date_format = DateFormat::kAuto;
};
struct AggregateResult {
  Series series;
  bool ratio = false;        // numerators and denominators, not values, are the output
  int64_t rows_missing = 0;  // rows skipped for a missing value
  int64_t records = 0;       // rows of the table
  std::string note;          // which chart the series suits
};
// Fails at a missing column or a bad cell, a bad condition (bad_expression, as
// "--condition:OFFSET: ..."), a measure without the column it needs, or with the aggregation's
// status prefixed by the table's path.
Result<AggregateResult> AggregateRecords(const RecordTable& table, const AggregateRequest& request,
                                         Diagnostics* diagnostics);

// ---- analysis report ----

struct AnalysisReportRequest {
  std::string title;
  Date generated_on;
  Palette palette = Palette::kMdc;
  std::optional<Date> change;      // adds a before/after comparison
  std::optional<SpecLimits> spec;  // adds capability
};
// The report of `series` (which must outlive the result: the report points at its indicator)
// without its Pareto of causes, which the caller adds from ParetoOfRecords. Fails when the run
// chart, the description, the comparison ("--change-date: ..." is the caller's) or the
// capability cannot be computed; `*failed_step` then names it ("change" for the comparison).
Result<AnalysisReportInput> BuildAnalysisReport(const AnalysedSeries& series,
                                                const AnalysisReportRequest& request,
                                                std::string* failed_step);

}  // namespace kaizen

#endif  // KAIZEN_APP_ANALYSIS_H_
