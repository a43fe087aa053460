// kaizen explain: where two profiles disagree on a series, and which parameter causes it.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "cli/common.h"
#include "kaizen/explain.h"
#include "kaizen/json.h"

namespace kaizen::cli {
namespace {

struct ExplainOptions {
  DataOptions data;
  std::string profiles = "mdc,nhsr";
  std::string format = "text";
};

}  // namespace

void AddExplainCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "explain", "where two rule profiles disagree on a series, and which parameter causes it");
  auto o = std::make_shared<ExplainOptions>();
  AddDataOptions(cmd, &o->data, "if");
  cmd->add_option("--profiles", o->profiles, "two profiles, comma-separated (default mdc,nhsr)");
  cmd->add_option("--format", o->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([o, exit_code] {
    // Exactly two: explain compares a pair, parameter by parameter.
    const auto comma = o->profiles.find(',');
    const std::string a = o->profiles.substr(0, comma),
                      b = comma == std::string::npos ? "" : o->profiles.substr(comma + 1);
    if (a.empty() || b.empty() || b.find(',') != std::string::npos) {
      std::cerr << "--profiles: expected exactly two profile names separated by a comma, e.g. "
                   "mdc,nhsr (got '"
                << o->profiles << "')\n";
      *exit_code = kExitBadInput;
      return;
    }
    Inputs inputs;
    if ((*exit_code = PrepareInputs(o->data, &inputs)) != kExitOk) return;
    std::vector<Series> series;
    ImportSummary summary;
    if ((*exit_code = LoadSeries(o->data, inputs, &series, &summary)) != kExitOk) return;
    std::string out = o->format == "json" ? "[" : "";
    for (std::size_t i = 0; i < series.size(); ++i) {
      Result<Indicator> ind = IndicatorFor(series[i], inputs, o->data);
      Result<ProfileComparison> c = CompareProfiles(*ind, series[i], a, b);
      if (!c.ok()) {
        std::cerr << "--profiles: " << c.status().message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      if (o->format == "json") {
        out += (i ? "," : "") + ProfileComparisonToJson(*c);
      } else {
        out += ind->name + " — " + series[i].organisation + "\n" + c->summary + "\n";
        for (const ParameterCause& cause : c->causes) out += "  - " + cause.sentence + "\n";
        out += "\n";
      }
    }
    if (o->format == "json") out += "]\n";
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
