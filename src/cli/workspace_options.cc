#include "cli/workspace_options.h"

#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

#include "cli/common.h"

namespace kaizen::cli {

void AddWorkspaceOptions(CLI::App* app, WorkspaceCliOptions* options, WorkspaceAccess access,
                         bool reason_required) {
  app->add_option("--db", options->db_path, "the workspace file (made by kaizen init)")->required();
  if (access == WorkspaceAccess::kRead) return;
  app->add_option("--user", options->user,
                  "who makes the change, as recorded in the audit log (default: the login name)");
  auto* reason = app->add_option("--reason", options->reason, "why: recorded with the change");
  if (reason_required) reason->required();
}

std::unique_ptr<Workspace> OpenForCommand(const WorkspaceCliOptions& options,
                                          WorkspaceAccess access, int* exit_code) {
  auto opened =
      OpenWorkspace(options.db_path, access == WorkspaceAccess::kRead ? WorkspaceMode::kReadOnly
                                                                      : WorkspaceMode::kOpen);
  if (!opened.ok()) {
    *exit_code = ReportWorkspaceFailure(opened.status());
    return nullptr;
  }
  return std::move(opened).value();
}

std::string ActingUser(const WorkspaceCliOptions& options) {
  if (!options.user.empty()) return options.user;
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  return "unknown";
}

Change ChangeFor(const WorkspaceCliOptions& options) {
  return {.user = ActingUser(options),
          .at = std::chrono::system_clock::now(),
          .reason = options.reason};
}

int ReportWorkspaceFailure(const Status& failure) {
  std::cerr << "kaizen: " << failure.message() << "\n";
  return ExitCodeFor(failure, FailedWhile::kReadingOrAnalysing);
}

}  // namespace kaizen::cli
