// kaizen capability: can this process meet its specification? Cp, Cpk, Pp, Ppk, the expected
// fraction outside, and the warnings that say when the numbers mean little.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/capability.h"

namespace kaizen::cli {
namespace {

struct CapabilityCommandOptions {
  DataOptions data;
  std::optional<double> lsl, usl;
  std::string format = "table";
};

}  // namespace

void AddCapabilityCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("capability",
                                  "process capability of one series against specification limits");
  auto o = std::make_shared<CapabilityCommandOptions>();
  AddDataOptions(cmd, &o->data, "ifc");
  cmd->get_option("--indicator")->required();
  cmd->add_option("--lsl", o->lsl, "lower specification limit");
  cmd->add_option("--usl", o->usl, "upper specification limit");
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    if ((*exit_code = CheckSpecLimits(o->lsl, o->usl)) != kExitOk) return;
    OneSeries s;
    if ((*exit_code = LoadOneSeries(o->data, &s)) != kExitOk) return;
    const std::vector<double> values = PlottedValues(s.result);
    // Stability is judged on the indicator's own chart (a u chart as a u chart), not on an XmR
    // chart of the plotted values.
    CapabilityOptions options;
    options.stability_chart = &s.result;
    Result<CapabilityResult> c = AnalyseCapability(values, SpecLimits{o->lsl, o->usl}, options);
    if (!c.ok()) {
      std::cerr << o->data.data_path << ": " << c.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    const std::vector<std::pair<std::string, double>> rows = {
        {"n", static_cast<double>(c->n)},
        {"mean", c->mean},
        {"sigma_within", c->sigma_within},
        {"sigma_overall", c->sigma_overall},
        {"cp", c->cp},
        {"cpl", c->cpl},
        {"cpu", c->cpu},
        {"cpk", c->cpk},
        {"cpk_lower", c->cpk_lower},
        {"cpk_upper", c->cpk_upper},
        {"pp", c->pp},
        {"ppl", c->ppl},
        {"ppu", c->ppu},
        {"ppk", c->ppk},
        {"ppm_within", c->ppm_within},
        {"ppm", c->ppm},
        {"percent_outside", c->percent_outside},
        {"z_bench", c->z_bench}};
    std::string out;
    if (o->format == "json") {
      nlohmann::json j = {{"indicator", s.series.indicator_id},
                          {"organisation", s.series.organisation},
                          {"lsl", o->lsl ? nlohmann::json(*o->lsl) : nlohmann::json()},
                          {"usl", o->usl ? nlohmann::json(*o->usl) : nlohmann::json()},
                          {"within_method", c->within_method},
                          {"sentence", c->sentence}};
      for (const auto& [k, v] : rows) j[k] = v;
      j["warnings"] = nlohmann::json::array();
      for (const CapabilityWarning& w : c->warnings) j["warnings"].push_back(w.message);
      out = j.dump(2) + "\n";
    } else if (o->format == "csv") {
      out = "statistic,value\n";
      for (const auto& [k, v] : rows) out += k + "," + FormatNumber(v) + "\n";
    } else {
      Table t({"statistic", "value"});
      for (const auto& [k, v] : rows) t.AddRow({k, FormatStatistic(k, v)});
      out = s.indicator.name + " — " + s.series.organisation + "\n" + t.Render() +
            "within sigma: " + c->within_method + "\n" + c->sentence + "\n";
      for (const CapabilityWarning& w : c->warnings) out += "warning: " + w.message + "\n";
    }
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
