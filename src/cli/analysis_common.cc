#include "cli/analysis_common.h"

#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <utility>

#include "kaizen/analysis_render.h"
#include "kaizen/app.h"
#include "kaizen/data_source.h"
#include "kaizen/render.h"

namespace kaizen::cli {

int ReportFailure(const Status& status, const Diagnostics& diagnostics, const std::string& prefix) {
  PrintDiagnostics(diagnostics);
  if (diagnostics.all().empty()) std::cerr << prefix << status.message() << "\n";
  return kExitBadInput;
}

int ReadRecords(const std::string& path, const std::string& delimiter, RecordTable* table) {
  Result<std::string> text = ReadRecordFile(path);
  if (!text.ok()) {
    std::cerr << text.status().message() << "\n";
    return kExitBadInput;
  }
  char d = '\0';
  if (!ParseDelimiter(delimiter, &d)) return kExitBadInput;
  Diagnostics diagnostics;
  Result<RecordTable> read = ParseRecordTable(std::move(text).value(), path, d, &diagnostics);
  if (!read.ok()) return ReportFailure(read.status(), diagnostics);
  PrintDiagnostics(diagnostics);  // the tokenizer's warnings (an encoding guessed, say)
  *table = std::move(read).value();
  return kExitOk;
}

int ParetoFromFile(const ParetoSource& source, const ParetoOptions& options,
                   ParetoOfRecordsResult* out) {
  if (!source.weight.empty() && !source.count.empty()) {
    std::cerr << "--weight and --count cannot be used together\n";
    return kExitBadInput;
  }
  RecordTable table;
  if (int code = ReadRecords(source.file, source.delimiter, &table); code != kExitOk) return code;
  ParetoRequest request;
  request.category_columns = SplitColumnList(source.category);
  request.weights_are_counts = !source.count.empty();
  request.weight_column = request.weights_are_counts ? source.count : source.weight;
  request.weight_role = request.weights_are_counts ? "--count" : "--weight";
  request.options = options;
  Diagnostics diagnostics;
  Result<ParetoOfRecordsResult> p = ParetoOfRecords(table, request, &diagnostics);
  if (!p.ok()) return ReportFailure(p.status(), diagnostics);
  *out = std::move(p).value();
  return kExitOk;
}

void AddFormatOption(CLI::App* cmd, std::string* format) {
  cmd->add_option("--format", *format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
}

int LoadOneSeries(const DataOptions& options, OneSeries* out) {
  Inputs inputs;
  if (int code = PrepareInputs(options, &inputs); code != kExitOk) return code;
  app::JobDiagnostics d;
  Result<AnalysedSeries> one = app::LoadOneSeries(inputs.Source(), RequestFor(options, inputs), &d);
  PrintJobDiagnostics(d);
  if (!one.ok()) return ReportJobFailure(one.status(), d);
  *out = std::move(one).value();
  PrintSeriesWarnings(out->series.indicator_id, out->series.organisation, out->result.warnings);
  return kExitOk;
}

void AddValueSourceOptions(CLI::App* cmd, DataOptions* data, std::string* column) {
  AddDataOptions(cmd, data, "ifcd");
  CLI::Option* by_column =
      cmd->add_option("--column", *column,
                      "a numeric column of a records CSV (DATA), instead of --indicator's series");
  cmd->get_option("--indicator")->excludes(by_column);
}

int LoadAnalysedValues(const DataOptions& data, const std::string& column, AnalysedValues* out) {
  if (!column.empty()) {
    if (data.data_path.empty()) {
      std::cerr << "--column reads a column of the records file DATA; a workspace (--db) holds "
                   "series: give --indicator ID\n";
      return kExitBadInput;
    }
    RecordTable table;
    if (int code = ReadRecords(data.data_path, data.delimiter, &table); code != kExitOk)
      return code;
    Diagnostics diagnostics;
    Result<AnalysedValues> values = ValuesOfColumn(table, column, &diagnostics);
    if (!values.ok()) return ReportFailure(values.status(), diagnostics);
    *out = std::move(values).value();
    return kExitOk;
  }
  if (data.indicator.empty()) {
    std::cerr << "give --indicator ID (one series of the long-format DATA) or --column NAME (a "
                 "numeric column of the records file DATA)\n";
    return kExitBadInput;
  }
  OneSeries s;
  if (int code = LoadOneSeries(data, &s); code != kExitOk) return code;
  *out = ValuesOfSeries(std::move(s));
  return kExitOk;
}

void AddChartLabelOptions(CLI::App* cmd, ChartLabels* labels) {
  cmd->add_option("--title", labels->title, "the chart's title");
  cmd->add_option("--x-label", labels->x_label, "the chart's horizontal axis label");
  cmd->add_option("--y-label", labels->y_label, "the chart's vertical axis label");
}

void ApplyChartLabels(const ChartLabels& labels, PlotOptions* plot) {
  if (!labels.title.empty()) plot->title = labels.title;
  if (!labels.x_label.empty()) plot->x_label = labels.x_label;
  if (!labels.y_label.empty()) plot->y_label = labels.y_label;
}

int CheckSpecLimits(const std::optional<double>& lsl, const std::optional<double>& usl) {
  if (!lsl && !usl) {
    std::cerr << "capability needs a specification limit: give --lsl, --usl or both\n";
    return kExitBadInput;
  }
  // A NaN would print as nothing in the message below ("--lsl  must be below").
  for (const auto& [name, limit] : {std::pair{"--lsl", lsl}, std::pair{"--usl", usl}}) {
    if (limit && !std::isfinite(*limit)) {
      std::cerr << name << ": " << *limit << " is not a finite number\n";
      return kExitBadInput;
    }
  }
  if (lsl && usl && !(*lsl < *usl)) {
    std::cerr << "--lsl " << FormatNumber(*lsl) << " must be below --usl " << FormatNumber(*usl)
              << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

std::string FormatStatistic(const std::string& name, double v) {
  auto ends = [&](const std::string& suffix) { return EndsWith(name, suffix); };
  if (name == "n" || name == "missing") return FormatNumber(v);
  if (ends("_p") || ends("p_value") || name == "p") {
    if (std::isfinite(v) && v < 0.0001) return "< 0.0001";
    return FormatForTable(v);
  }
  return FormatForTable(v);
}

QuantileMethod QuantileFromInt(int type) { return static_cast<QuantileMethod>(type); }

}  // namespace kaizen::cli
