// kaizen organisations list|add and kaizen user add|list|remove|role: who the workspace's data
// is about and who may read or change it (docs/workspace.md). Passwords come with the server
// (issue 11); here a user is a name, a display name, a role and the organisations they may see.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "cli/workspace_options.h"
#include "kaizen/workspace.h"

namespace kaizen::cli {
namespace {

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

std::string OrganisationsTable(const std::vector<Organisation>& organisations) {
  if (organisations.empty()) return "no organisations\n";
  Table table({"code", "name", "kind", "parent"});
  for (const Organisation& o : organisations) table.AddRow({o.code, o.name, o.kind, o.parent});
  return table.Render();
}

std::string UsersTable(const std::vector<User>& users) {
  if (users.empty()) return "no users\n";
  Table table({"name", "display name", "role", "organisations"});
  for (const User& u : users) {
    table.AddRow({u.name, u.display_name, u.role,
                  u.organisations.empty() ? "(all)" : Joined(u.organisations)});
  }
  return table.Render();
}

// Adds `name --db W` that prints `render` of what `read` returns.
template <typename Read, typename Render>
void AddListCommand(CLI::App* parent, const char* help, int* exit_code, Read read, Render render) {
  auto* cmd = parent->add_subcommand("list", help);
  auto o = std::make_shared<WorkspaceCliOptions>();
  AddWorkspaceOptions(cmd, o.get(), WorkspaceAccess::kRead);
  cmd->callback([o, exit_code, read, render] {
    auto workspace = OpenForCommand(*o, WorkspaceAccess::kRead, exit_code);
    if (!workspace) return;
    auto items = read(workspace.get());
    *exit_code = items.ok() ? WriteOutput("-", render(items.value()))
                            : ReportWorkspaceFailure(items.status());
  });
}

// Opens the workspace for a change, runs `write` with the change and prints `done` when it
// succeeds.
template <typename Write>
int RunChange(const WorkspaceCliOptions& options, const std::string& done, Write write) {
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(options, WorkspaceAccess::kChange, &exit_code);
  if (!workspace) return exit_code;
  Status status = write(workspace.get(), ChangeFor(options));
  if (!status.ok()) return ReportWorkspaceFailure(status);
  std::cout << done << "\n";
  return kExitOk;
}

void AddOrganisationAdd(CLI::App* parent, int* exit_code) {
  auto* cmd =
      parent->add_subcommand("add", "add an organisation (or replace the one of that code)");
  struct Options {
    WorkspaceCliOptions workspace;
    Organisation organisation;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("CODE", o->organisation.code, "the organisation's code (RXX, E54000008)")
      ->required();
  cmd->add_option("--name", o->organisation.name, "its name")->required();
  cmd->add_option("--kind", o->organisation.kind,
                  "trust, provider, council, partnership or service")
      ->required()
      ->check(CLI::IsMember({"trust", "provider", "council", "partnership", "service"}));
  cmd->add_option("--parent", o->organisation.parent, "the code of the organisation it is part of");
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kChange);
  cmd->callback([o, exit_code] {
    *exit_code = RunChange(o->workspace, "organisation " + o->organisation.code + " recorded",
                           [&](Workspace* w, const Change& change) {
                             return w->PutOrganisation(change, o->organisation);
                           });
  });
}

// The roles a user may have, as the store checks them (sqlite_people.cc).
std::vector<std::string> Roles() { return {"viewer", "editor", "approver", "admin"}; }

void AddUserAdd(CLI::App* parent, int* exit_code) {
  auto* cmd = parent->add_subcommand("add", "add a user (or replace the one of that name)");
  struct Options {
    WorkspaceCliOptions workspace;
    User user;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("NAME", o->user.name, "the login name")->required();
  cmd->add_option("--display-name", o->user.display_name, "the name shown (default: NAME)");
  cmd->add_option("--role", o->user.role, "viewer, editor, approver or admin")
      ->required()
      ->check(CLI::IsMember(Roles()));
  cmd->add_option("--orgs", o->user.organisations,
                  "the organisations they may see, comma-separated (default: all)")
      ->delimiter(',');
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kChange);
  cmd->callback([o, exit_code] {
    if (o->user.display_name.empty()) o->user.display_name = o->user.name;
    *exit_code =
        RunChange(o->workspace, "user " + o->user.name + " recorded (" + o->user.role + ")",
                  [&](Workspace* w, const Change& change) { return w->PutUser(change, o->user); });
  });
}

void AddUserRemove(CLI::App* parent, int* exit_code) {
  auto* cmd = parent->add_subcommand("remove", "remove a user");
  struct Options {
    WorkspaceCliOptions workspace;
    std::string name;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("NAME", o->name, "the login name")->required();
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kChange);
  cmd->callback([o, exit_code] {
    *exit_code = RunChange(
        o->workspace, "user " + o->name + " removed",
        [&](Workspace* w, const Change& change) { return w->RemoveUser(change, o->name); });
  });
}

void AddUserRole(CLI::App* parent, int* exit_code) {
  auto* cmd = parent->add_subcommand("role", "change a user's role");
  struct Options {
    WorkspaceCliOptions workspace;
    std::string name, role;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("NAME", o->name, "the login name")->required();
  cmd->add_option("ROLE", o->role, "viewer, editor, approver or admin")
      ->required()
      ->check(CLI::IsMember(Roles()));
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kChange);
  cmd->callback([o, exit_code] {
    *exit_code = RunChange(o->workspace, "user " + o->name + " is now " + o->role,
                           [&](Workspace* w, const Change& change) {
                             return w->SetUserRole(change, o->name, o->role);
                           });
  });
}

}  // namespace

void AddOrganisationsCommand(CLI::App* app, int* exit_code) {
  auto* cmd =
      app->add_subcommand("organisations", "the organisations the workspace's data is about");
  cmd->require_subcommand(1);
  AddListCommand(
      cmd, "every organisation: code, name, kind and parent", exit_code,
      [](Workspace* w) { return w->Organisations(); }, OrganisationsTable);
  AddOrganisationAdd(cmd, exit_code);
}

void AddUserCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("user", "the workspace's users and their roles");
  cmd->require_subcommand(1);
  AddUserAdd(cmd, exit_code);
  AddListCommand(
      cmd, "every user: name, display name, role and organisations", exit_code,
      [](Workspace* w) { return w->Users(); }, UsersTable);
  AddUserRemove(cmd, exit_code);
  AddUserRole(cmd, exit_code);
}

}  // namespace kaizen::cli
