// The workspace: one file (SQLite today) holding a team's observations, decisions and audit
// log (issue 10). Workspace is abstract so that a PostgreSQL backend can follow without
// changing its callers; OpenWorkspace opens the SQLite one.
//
// The store never reads the clock: every change carries a Change{user, at, reason} whose time
// the caller takes from its Env, so tests and replays are deterministic.
#ifndef KAIZEN_WORKSPACE_H_
#define KAIZEN_WORKSPACE_H_

#include <chrono>
#include <memory>
#include <string>

#include "kaizen/status.h"

namespace kaizen {

// How to open a workspace file.
enum class WorkspaceMode {
  kCreate,    // make a new workspace; AlreadyExists when the file exists
  kOpen,      // read and write an existing one; NotFound when it is missing
  kReadOnly,  // read an existing one; every change is refused (PermissionDenied)
};

// Who changes the workspace, when (from the caller's Env) and why: recorded with the change.
struct Change {
  std::string user;
  std::chrono::system_clock::time_point at;
  std::string reason;
};

struct WorkspaceOptions {
  // How long to wait for another writer's lock before giving up with Busy.
  std::chrono::milliseconds busy_timeout{5000};
};

class Workspace {
 public:
  virtual ~Workspace() = default;

  // The path (or connection string) the workspace was opened from, for messages.
  virtual const std::string& Location() const = 0;
  virtual bool ReadOnly() const = 0;
  // Checks the stored pages (PRAGMA integrity_check for SQLite): Corruption naming the first
  // problem found, or Ok.
  virtual Status CheckIntegrity() = 0;
};

// Opens or creates the SQLite workspace at `path`. Refusals: NotFound (kOpen/kReadOnly on a
// missing file), AlreadyExists (kCreate on an existing one), IOError (cannot open it).
Result<std::unique_ptr<Workspace>> OpenWorkspace(const std::string& path, WorkspaceMode mode,
                                                 const WorkspaceOptions& options = {});

}  // namespace kaizen

#endif  // KAIZEN_WORKSPACE_H_
