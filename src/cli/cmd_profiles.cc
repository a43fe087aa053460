// kaizen profiles: the named rule profiles and every parameter's value in each.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "kaizen/json.h"
#include "kaizen/profile.h"

namespace kaizen::cli {
namespace {

std::string AsJson(const std::vector<Profile>& profiles) {
  JsonListDocument json_document("profiles");
  std::string out = json_document.Head();
  for (std::size_t i = 0; i < profiles.size(); ++i)
    json_document.Append(ProfileToJson(profiles[i]), &out);
  return out + JsonListDocument::Tail();
}

std::string AsText(const std::vector<Profile>& profiles) {
  std::string out;
  for (const Profile& p : profiles) {
    out += p.name + (p.name == "mdc" ? " (default)" : "") + "\n  " + p.description +
           "\n  source: " + p.source + "\n";
    for (const ParameterInfo& info : ProfileParameters())
      out += "    " + info.name + " = " + *GetParameter(p, info.name) + "\n";
    out += "\n";
  }
  return out;
}

}  // namespace

void AddProfilesCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("profiles", "list the rule profiles and their parameters");
  struct Options {
    std::string format = "table";
    std::string name;
  };
  auto options = std::make_shared<Options>();
  auto* format = &options->format;
  auto* name = &options->name;
  cmd->add_option("--format", *format, "table or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--profile", *name, "show one profile only");
  cmd->callback([options, format, name, exit_code] {
    Result<std::vector<Profile>> profiles = app::ListProfiles(*name);
    if (!profiles.ok()) {
      std::cerr << profiles.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    *exit_code = WriteOutput("-", *format == "json" ? AsJson(*profiles) : AsText(*profiles));
  });
}

}  // namespace kaizen::cli
