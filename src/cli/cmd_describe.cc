// kaizen describe: descriptive statistics of one series' plotted values (for ratio charts the
// plotted ratio) or of a plain column of a records file, with the SE of the mean, 95 % intervals
// for the mean, median and sd (as Minitab's Graphical Summary), the Anderson–Darling and
// Shapiro–Wilk normality tests and plain readings.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/number_format.h"
#include "kaizen/stats.h"

namespace kaizen::cli {
namespace {

constexpr const char* kMedianIntervalMethod =
    "order statistics, Hettmansperger-Sheather interpolation (Minitab)";

struct DescribeCommandOptions {
  DataOptions data;
  std::string column;
  int quantile_type = 7;
  std::string format = "table";
};

nlohmann::json TestJson(const NormalityTest& t) {
  return {{"method", t.method},       {"n", t.n},
          {"statistic", t.statistic}, {"adjusted", t.adjusted},
          {"p_value", t.p_value},     {"reading", t.reading}};
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
    const std::vector<double>& values = source.values;
    DescribeOptions options;
    options.quantile_method = QuantileFromInt(o->quantile_type);
    Result<Descriptive> d = Describe(values, options);
    Result<SummaryIntervals> ci = SummaryConfidenceIntervals(values);
    if (!d.ok() || !ci.ok()) {
      std::cerr << o->data.data_path << ": " << (d.ok() ? ci.status() : d.status()).message()
                << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    std::vector<NormalityTest> tests;
    std::vector<std::string> notes = d->notes;
    for (auto* test : {&AndersonDarling, &ShapiroWilk}) {
      Result<NormalityTest> t = (*test)(values);
      if (t.ok()) {
        tests.push_back(std::move(t).value());
      } else {
        notes.push_back((test == &AndersonDarling ? "Anderson-Darling" : "Shapiro-Wilk") +
                        std::string(" test not run: ") + t.status().message());
      }
    }
    const std::vector<std::pair<std::string, double>> stats = {
        {"n", static_cast<double>(d->n)},
        {"missing", static_cast<double>(d->missing)},
        {"mean", d->mean},
        {"se_mean", ci->se_mean},
        {"mean_ci_lower", ci->mean.lower},
        {"mean_ci_upper", ci->mean.upper},
        {"median", d->median},
        {"median_ci_lower", ci->median.lower},
        {"median_ci_upper", ci->median.upper},
        {"sd", d->sd},
        {"sd_ci_lower", ci->sd.lower},
        {"sd_ci_upper", ci->sd.upper},
        {"variance", d->variance},
        {"min", d->min},
        {"q1", d->q1},
        {"q3", d->q3},
        {"max", d->max},
        {"range", d->range},
        {"iqr", d->iqr},
        {"cv", d->cv},
        {"skewness", d->skewness},
        {"excess_kurtosis", d->excess_kurtosis}};
    std::string out;
    if (o->format == "json") {
      nlohmann::json j = {{"quantile_method", d->quantile_method_name},
                          {"confidence", ci->confidence},
                          {"median_ci_achieved", ci->median_achieved},
                          {"median_ci_method", kMedianIntervalMethod}};
      if (source.series) {
        j["indicator"] = source.series->series.indicator_id;
        j["organisation"] = source.series->series.organisation;
        j["chart"] = std::string(ChartTypeName(source.series->indicator.chart));
      } else {
        j["column"] = o->column;
        j["file"] = o->data.data_path;
      }
      for (const auto& [name, v] : stats) j[name] = v;
      j["n"] = d->n;
      j["missing"] = d->missing;
      j["modes"] = d->modes;
      j["mode_count"] = d->mode_count;
      j["mode_reading"] = d->mode_reading;
      j["skewness_reading"] = d->skewness_reading;
      j["kurtosis_reading"] = d->kurtosis_reading;
      j["normality"] = nlohmann::json::array();
      for (const NormalityTest& t : tests) j["normality"].push_back(TestJson(t));
      j["notes"] = notes;
      out = j.dump(2) + "\n";
    } else if (o->format == "csv") {
      out = "statistic,value\n";
      for (const auto& [name, v] : stats) out += name + "," + FormatNumber(v) + "\n";
      for (const NormalityTest& t : tests) {
        const std::string key = t.method == "Shapiro-Wilk" ? "shapiro_wilk" : "anderson_darling";
        out += key + "_statistic," + FormatNumber(t.statistic) + "\n";
        out += key + "_p," + FormatNumber(t.p_value) + "\n";
      }
    } else {
      Table t({"statistic", "value"});
      for (const auto& [name, v] : stats) t.AddRow({name, FormatStatistic(name, v)});
      out = source.title +
            (source.series ? " (" + std::string(ChartTypeName(source.series->indicator.chart)) +
                                 " chart values)"
                           : std::string()) +
            "\n" + t.Render();
      out += "intervals: 95% (mean: t; median: " + std::string(kMedianIntervalMethod) +
             "; sd: chi-square, assumes normal data)\n";
      if (ci->median_achieved < ci->confidence)
        out += "note: with " + std::to_string(ci->n) +
               " values the median interval (minimum to maximum) covers only " +
               FormatDecimals(100 * ci->median_achieved, 2) + "%\n";
      out += "quartiles: " + d->quantile_method_name + "\n";
      out += "mode: " + d->mode_reading + "\n";
      out += "skewness: " + d->skewness_reading + "\n";
      out += "kurtosis: " + d->kurtosis_reading + "\n";
      for (const NormalityTest& nt : tests)
        out += nt.method + ": statistic " + FormatForTable(nt.statistic) + ", p " +
               FormatForTable(nt.p_value) + ": " + nt.reading + "\n";
      for (const std::string& n : notes) out += "note: " + n + "\n";
    }
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
