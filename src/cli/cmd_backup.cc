// kaizen backup, kaizen restore: a consistent copy of a workspace (SQLite's online backup, so
// others may keep working), and putting such a copy back (docs/workspace.md, "Backup and
// restore").
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/workspace_options.h"

namespace kaizen::cli {
namespace {

struct BackupOptions {
  WorkspaceCliOptions workspace;
  std::string output;
};

int Backup(const BackupOptions& o) {
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(o.workspace, WorkspaceAccess::kRead, &exit_code);
  if (!workspace) return exit_code;
  if ((exit_code = ExitAfterWriting(workspace->Backup(o.output))) != kExitOk) return exit_code;
  std::cerr << "kaizen: backed up " << o.workspace.db_path << " to " << o.output << "\n";
  return kExitOk;
}

struct RestoreOptions {
  std::string copy;
  WorkspaceCliOptions workspace;
  bool force = false;
};

// The copy must be a kaizen workspace this kaizen can read, with sound pages. Returns it open
// (read-only), or null with *exit_code set after printing why.
std::unique_ptr<Workspace> OpenCopy(const std::string& path, int* exit_code) {
  auto copy = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  if (!copy.ok()) {
    *exit_code = ReportWorkspaceFailure(copy.status());
    return nullptr;
  }
  if (Status sound = copy.value()->CheckIntegrity(); !sound.ok()) {
    *exit_code = ReportWorkspaceFailure(sound);
    return nullptr;
  }
  return std::move(copy).value();
}

// A WAL file left beside the workspace belongs to the old database: SQLite would replay it into
// the restored one. Opening and closing the old workspace checkpoints it and, as the last
// connection, removes the WAL; a WAL still there then means another process has the workspace
// open (Busy: replacing the file under it would lose its changes). A file that does not open as
// a workspace (damaged: why it is being restored) has its leftovers removed.
Status RetireOldWorkspace(const std::string& path) {
  std::error_code ignored;
  bool opened = false;
  {
    auto old = OpenWorkspace(path, WorkspaceMode::kOpen);
    opened = old.ok();
  }
  if (opened && std::filesystem::exists(path + "-wal", ignored)) {
    return Status::Busy(path +
                        ": another process has the workspace open; stop it before restoring "
                        "over it");
  }
  std::filesystem::remove(path + "-wal", ignored);
  std::filesystem::remove(path + "-shm", ignored);
  return Status::Ok();
}

// What the restore replaces, for its audit entry: the workspace's last audit entry, or why the
// file is not a workspace that opens (a damaged file is often why it is being restored).
std::string DescribeReplaced(const std::string& path, bool exists) {
  if (!exists) return "";
  auto old = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  if (!old.ok()) return "a file that did not open as a workspace: " + old.status().message();
  auto log = old.value()->AuditLog();
  if (!log.ok()) return "a workspace whose audit log did not read: " + log.status().message();
  if (log->empty()) return "a workspace with an empty audit log";
  return "a workspace whose audit log ended at entry " + std::to_string(log->back().seq) +
         " (hash " + log->back().hash + ")";
}

// Records the restore in the copy's own audit log before it replaces anything, so a failure
// leaves the old workspace as it was.
Status RecordRestoreIn(const std::string& temporary, const RestoreOptions& o,
                       const std::string& replaced) {
  auto restored = OpenWorkspace(temporary, WorkspaceMode::kOpen);
  if (!restored.ok()) return restored.status();
  return restored.value()->RecordRestore(ChangeFor(o.workspace), o.copy, replaced);
}

// Copies into a temporary beside the workspace (the same file system, so the rename is atomic)
// and renames it over: the workspace is the old one or the copy, never half of one.
int Restore(const RestoreOptions& o) {
  const std::string& target = o.workspace.db_path;
  std::error_code error;
  const bool exists = std::filesystem::exists(target, error);
  if (exists && !o.force) {
    std::cerr << "kaizen: " << target
              << ": a workspace exists there; restore replaces it only with --force\n";
    return kExitBadInput;
  }
  int exit_code = kExitOk;
  auto copy = OpenCopy(o.copy, &exit_code);
  if (!copy) return exit_code;
  const std::string temporary = target + ".restore-" + std::to_string(::getpid());
  std::filesystem::remove(temporary, error);
  if ((exit_code = ExitAfterWriting(copy->Backup(temporary))) != kExitOk) return exit_code;
  copy.reset();
  if (Status recorded = RecordRestoreIn(temporary, o, DescribeReplaced(target, exists));
      !recorded.ok()) {
    std::filesystem::remove(temporary, error);
    return ReportWorkspaceFailure(recorded);
  }
  if (Status retired = exists ? RetireOldWorkspace(target) : Status::Ok(); !retired.ok()) {
    std::filesystem::remove(temporary, error);
    return ReportWorkspaceFailure(retired);
  }
  std::filesystem::rename(temporary, target, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    std::cerr << "kaizen: " << target << ": cannot replace the file (" << error.message() << ")\n";
    return kExitCannotWrite;
  }
  std::cerr << "kaizen: restored " << target << " from " << o.copy << "\n";
  return kExitOk;
}

}  // namespace

void AddBackupCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "backup", "a consistent copy of the workspace, taken while others may keep working");
  auto o = std::make_shared<BackupOptions>();
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kRead);
  cmd->add_option("-o,--output", o->output, "the copy's path (must not exist)")->required();
  cmd->callback([o, exit_code] { *exit_code = Backup(*o); });
}

void AddRestoreCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "restore", "put a backup back as the workspace (checked first; replaced atomically)");
  auto o = std::make_shared<RestoreOptions>();
  cmd->add_option("copy", o->copy, "the backup (made by kaizen backup)")->required();
  // kChange: the restore is recorded in the restored workspace's audit log, with --user and
  // --reason.
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kChange);
  cmd->add_flag("--force", o->force, "replace an existing workspace");
  cmd->callback([o, exit_code] { *exit_code = Restore(*o); });
}

}  // namespace kaizen::cli
