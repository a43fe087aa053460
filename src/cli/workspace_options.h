// What the workspace commands share: --db, the acting user (--user or the login name), the
// reason for a change, opening the workspace with its refusals printed, and the exit code of a
// workspace failure (docs/cli.md, "Exit codes": 4 when another process holds the workspace).
#ifndef KAIZEN_CLI_WORKSPACE_OPTIONS_H_
#define KAIZEN_CLI_WORKSPACE_OPTIONS_H_

#include <memory>
#include <string>

#include "kaizen/status.h"
#include "kaizen/workspace.h"

namespace CLI {
class App;
}

namespace kaizen::cli {

struct WorkspaceCliOptions {
  std::string db_path;
  std::string user;    // --user; "" : the login name
  std::string reason;  // --reason (changes only)
};

// What a command does to the workspace: decides the options it takes.
enum class WorkspaceAccess { kRead, kChange };

// Adds --db W (required); for kChange also --user and --reason (`reason_required`: a decision
// must say why).
void AddWorkspaceOptions(CLI::App* app, WorkspaceCliOptions* options, WorkspaceAccess access,
                         bool reason_required = false);

// Opens the workspace (read-only for kRead). On failure prints the message and sets *exit_code;
// returns null.
std::unique_ptr<Workspace> OpenForCommand(const WorkspaceCliOptions& options,
                                          WorkspaceAccess access, int* exit_code);

// The acting user: --user, else the login name of the process, else "unknown".
std::string ActingUser(const WorkspaceCliOptions& options);

// Who (ActingUser), now (the system clock: the CLI may read it; the store never does) and why.
Change ChangeFor(const WorkspaceCliOptions& options);

// Prints a workspace failure's message ("kaizen: " + message) and returns its exit code.
int ReportWorkspaceFailure(const Status& failure);

}  // namespace kaizen::cli

#endif  // KAIZEN_CLI_WORKSPACE_OPTIONS_H_
