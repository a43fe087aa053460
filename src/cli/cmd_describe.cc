// kaizen describe: descriptive statistics of one series' plotted values (for ratio charts the
// plotted ratio), with the Anderson–Darling and Shapiro–Wilk normality tests and plain readings.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/stats.h"

namespace kaizen::cli {
namespace {

struct DescribeCommandOptions {
  DataOptions data;
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
      "describe", "descriptive statistics and normality tests of one series' values");
  auto o = std::make_shared<DescribeCommandOptions>();
  AddDataOptions(cmd, &o->data, "ifc");
  cmd->get_option("--indicator")->required();
  cmd->add_option("--quantile-type", o->quantile_type,
                  "Hyndman & Fan quantile definition 1..9 (7: R and Excel; 6: Minitab)")
      ->check(CLI::Range(1, 9));
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    OneSeries s;
    if ((*exit_code = LoadOneSeries(o->data, &s)) != kExitOk) return;
    const std::vector<double> values = PlottedValues(s.result);
    DescribeOptions options;
    options.quantile_method = QuantileFromInt(o->quantile_type);
    Result<Descriptive> d = Describe(values, options);
    if (!d.ok()) {
      std::cerr << o->data.data_path << ": " << d.status().message() << "\n";
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
        {"median", d->median},
        {"sd", d->sd},
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
      nlohmann::json j = {{"indicator", s.series.indicator_id},
                          {"organisation", s.series.organisation},
                          {"chart", std::string(ChartTypeName(s.indicator.chart))},
                          {"quantile_method", d->quantile_method_name}};
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
      out = s.indicator.name + " — " + s.series.organisation + " (" +
            std::string(ChartTypeName(s.indicator.chart)) + " chart values)\n" + t.Render();
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
