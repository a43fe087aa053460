// The SQLite workspace: opening the file in the mode asked for, with a busy timeout.
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

#include "kaizen/workspace.h"
#include "store/sqlite_schema.h"

namespace kaizen {
namespace {

// Closes the connection when the workspace goes away.
struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

class SqliteWorkspace final : public Workspace {
 public:
  SqliteWorkspace(std::string path, Connection db, bool read_only)
      : path_(std::move(path)), db_(std::move(db)), read_only_(read_only) {}

  const std::string& Location() const override { return path_; }
  bool ReadOnly() const override { return read_only_; }
  Status CheckIntegrity() override;

 private:
  std::string path_;
  Connection db_;
  bool read_only_;
};

// PRAGMA integrity_check returns one row "ok", or one row per problem found.
Status SqliteWorkspace::CheckIntegrity() {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_.get(), "PRAGMA integrity_check", -1, &raw, nullptr) != SQLITE_OK) {
    return Status::Corruption(path_ + ": " + sqlite3_errmsg(db_.get()));
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, sqlite3_finalize);
  const int step = sqlite3_step(statement.get());
  if (step != SQLITE_ROW) return Status::Corruption(path_ + ": " + sqlite3_errmsg(db_.get()));
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), 0));
  const std::string first = text ? text : "";
  if (first == "ok") return Status::Ok();
  return Status::Corruption(path_ + ": damaged workspace: " + first);
}

// Checks the file's existence against the mode before SQLite would silently create it.
Status CheckExistence(const std::string& path, WorkspaceMode mode) {
  std::error_code error;
  const bool exists = std::filesystem::exists(path, error);
  if (error) return Status::IOError(path + ": " + error.message());
  if (mode == WorkspaceMode::kCreate && exists) {
    return Status::AlreadyExists(path + ": a file exists already; not creating a workspace");
  }
  if (mode != WorkspaceMode::kCreate && !exists) {
    return Status::NotFound(path + ": no such workspace file");
  }
  return Status::Ok();
}

int OpenFlags(WorkspaceMode mode) {
  switch (mode) {
    case WorkspaceMode::kCreate: return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    case WorkspaceMode::kOpen: return SQLITE_OPEN_READWRITE;
    case WorkspaceMode::kReadOnly: return SQLITE_OPEN_READONLY;
  }
  return SQLITE_OPEN_READONLY;
}

}  // namespace

Result<std::unique_ptr<Workspace>> OpenWorkspace(const std::string& path, WorkspaceMode mode,
                                                 const WorkspaceOptions& options) {
  if (Status status = CheckExistence(path, mode); !status.ok()) return status;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, OpenFlags(mode) | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  Connection db(raw);  // sqlite3_open_v2 hands back a handle even on failure
  if (rc != SQLITE_OK) {
    return Status::IOError(path + ": cannot open workspace: " +
                           (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  // SQLite opens a file it may not write read-only without saying so: refuse instead.
  if (mode != WorkspaceMode::kReadOnly && sqlite3_db_readonly(db.get(), "main") == 1) {
    return Status::PermissionDenied(path + ": the workspace file is read-only; open it "
                                    "read-only or ask for write permission");
  }
  sqlite3_busy_timeout(db.get(), static_cast<int>(options.busy_timeout.count()));
  const bool read_only = mode == WorkspaceMode::kReadOnly;
  Status ready = mode == WorkspaceMode::kCreate ? store::InitialiseNew(db.get(), path)
                                                : store::PrepareExisting(db.get(), path, read_only);
  if (!ready.ok()) return ready;
  return std::unique_ptr<Workspace>(
      std::make_unique<SqliteWorkspace>(path, std::move(db), read_only));
}

}  // namespace kaizen
