// kaizen profiles: the named rule profiles and every parameter's value in each.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "kaizen/json.h"
#include "kaizen/profile.h"

namespace kaizen::cli {

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
    std::vector<std::string> names = ProfileNames();
    if (!name->empty()) {
      if (auto p = FindProfile(*name); !p.ok()) {
        std::cerr << "--profile: " << p.status().message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      names = {*name};
    }
    std::string out;
    if (*format == "json") {
      out = "[";
      for (std::size_t i = 0; i < names.size(); ++i)
        out += (i ? "," : "") + ProfileToJson(*FindProfile(names[i]));
      out += "]\n";
    } else {
      for (const std::string& n : names) {
        const Profile p = *FindProfile(n);
        out += p.name + (p.name == "mdc" ? " (default)" : "") + "\n  " + p.description +
               "\n  source: " + p.source + "\n";
        for (const ParameterInfo& info : ProfileParameters())
          out += "    " + info.name + " = " + *GetParameter(p, info.name) + "\n";
        out += "\n";
      }
    }
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
