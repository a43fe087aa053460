// kaizen explain: where two profiles disagree on a series, and which parameter causes it.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

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

std::string Format(const std::vector<app::ExplainedSeries>& explained, const std::string& format) {
  JsonListDocument json_document("comparisons");
  std::string out = format == "json" ? json_document.Head() : "";
  for (std::size_t i = 0; i < explained.size(); ++i) {
    const app::ExplainedSeries& e = explained[i];
    if (format == "json") {
      json_document.Append(ProfileComparisonToJson(e.comparison), &out);
      continue;
    }
    out += e.indicator_name + " — " + e.organisation + "\n" + e.comparison.summary + "\n";
    for (const ParameterCause& cause : e.comparison.causes) out += "  - " + cause.sentence + "\n";
    out += "\n";
  }
  if (format == "json") out += JsonListDocument::Tail();
  return out;
}

}  // namespace

void AddExplainCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "explain", "where two rule profiles disagree on a series, and which parameter causes it");
  auto o = std::make_shared<ExplainOptions>();
  AddDataOptions(cmd, &o->data, "ifd");
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
    const app::ExplainRequest request{
        .series = RequestFor(o->data, inputs), .profile_a = a, .profile_b = b};
    app::JobDiagnostics d;
    Result<std::vector<app::ExplainedSeries>> explained =
        app::Explain(inputs.Source(), request, &d);
    PrintJobDiagnostics(d);
    if (!explained.ok()) {
      *exit_code = ReportJobFailure(explained.status(), d);
      return;
    }
    *exit_code = WriteOutput("-", Format(*explained, o->format));
  });
}

}  // namespace kaizen::cli
