// The SQLite workspace: opening the file in the mode asked for, with a busy timeout, checking
// its pages, and copying it.
#include "store/sqlite_workspace.h"

#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

#include "store/sqlite_schema.h"

namespace kaizen {
namespace store {

// PRAGMA integrity_check returns one row "ok", or one row per problem found.
Status SqliteWorkspace::CheckIntegrity() {
  auto check = Statement::Prepare(db_, "PRAGMA integrity_check");
  if (!check.ok()) return Status::Corruption(check.status().message());
  auto row = check->Step();
  if (!row.ok()) return Status::Corruption(row.status().message());
  const std::string first = row.value() ? check->Text(0) : "";
  if (first != "ok") return Status::Corruption(db_.path + ": damaged workspace: " + first);
  // Every reference too: an import writes its observations with the foreign keys off
  // (sqlite_import.cc, ImportSettings), so this is where a dangling one would be found.
  auto references = Statement::Prepare(db_, "PRAGMA foreign_key_check");
  if (!references.ok()) return Status::Corruption(references.status().message());
  auto dangling = references->Step();
  if (!dangling.ok()) return Status::Corruption(dangling.status().message());
  if (!dangling.value()) return Status::Ok();
  return Status::Corruption(db_.path + ": damaged workspace: a row of " + references->Text(0) +
                            " refers to a missing row of " + references->Text(2));
}

int SqliteWorkspace::SchemaVersion() {
  auto version = Statement::Prepare(db_, "PRAGMA user_version");
  if (!version.ok()) return 0;
  auto row = version->Step();
  return row.ok() && row.value() ? static_cast<int>(version->Int(0)) : 0;
}

Status SqliteWorkspace::CheckWritable() const {
  if (!read_only_) return Status::Ok();
  return Status::PermissionDenied(db_.path + ": the workspace was opened read-only");
}

// sqlite3_backup copies page by page; other connections may keep writing (the copy restarts
// over the pages they change), so the result is one consistent state.
Status SqliteWorkspace::Backup(const std::string& path) {
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    return Status::AlreadyExists(path + ": a file exists already; not overwriting it");
  }
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> target(raw, sqlite3_close_v2);
  const Db target_db{raw, path};
  if (rc != SQLITE_OK) return SqliteStatus(target_db, rc);
  sqlite3_backup* backup = sqlite3_backup_init(raw, "main", db_.handle, "main");
  if (backup == nullptr) return SqliteStatus(target_db, sqlite3_errcode(raw));
  rc = sqlite3_backup_step(backup, -1);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    Status status = SqliteStatus(target_db, rc);
    target.reset();
    std::filesystem::remove(path, error);  // a half copy is worse than none
    return status;
  }
  return Status::Ok();
}

// The restore's entry continues the backup's own chain, so `kaizen audit verify` holds across it
// and the log says where the history jumped back to.
Status SqliteWorkspace::RecordRestore(const Change& change, const std::string& backup_path,
                                      const std::string& replaced) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  auto sha256 = Sha256OfFile(backup_path);
  if (!sha256.ok()) return sha256.status();
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  auto log = ReadAuditLog(db_);
  if (!log.ok()) return log.status();
  const std::string ended =
      log->empty() ? "an empty audit log" : "audit entry " + std::to_string(log->back().seq);
  Status audited = AppendAudit(
      db_, change,
      {.action = "restore",
       .subject = "workspace",
       .before = replaced,
       .after = "restored from " + backup_path + " (sha256 " + sha256.value() + "), at " + ended});
  if (!audited.ok()) return audited;
  return transaction.Commit();
}

namespace {

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
    case WorkspaceMode::kCreate:
      return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    case WorkspaceMode::kOpen:
      return SQLITE_OPEN_READWRITE;
    case WorkspaceMode::kReadOnly:
      return SQLITE_OPEN_READONLY;
  }
  return SQLITE_OPEN_READONLY;
}

// Removes what a failed kCreate left (an empty or half-initialised file and its WAL files), so
// a failed `kaizen init` leaves nothing behind.
void RemoveFailedCreation(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix, ignored);
  }
}

}  // namespace
}  // namespace store

Result<std::unique_ptr<Workspace>> OpenWorkspace(const std::string& path, WorkspaceMode mode,
                                                 const WorkspaceOptions& options) {
  if (Status status = store::CheckExistence(path, mode); !status.ok()) return status;
  if (sodium_init() < 0) return Status::Internal("libsodium could not be initialised");
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, store::OpenFlags(mode) | SQLITE_OPEN_NOMUTEX, nullptr);
  // sqlite3_open_v2 hands back a handle even on failure; the workspace owns it from here.
  auto workspace =
      std::make_unique<store::SqliteWorkspace>(path, raw, mode == WorkspaceMode::kReadOnly);
  const store::Db db{raw, path};
  if (rc != SQLITE_OK) return store::SqliteStatus(db, rc);
  // SQLite opens a file it may not write read-only without saying so: refuse instead.
  if (mode != WorkspaceMode::kReadOnly && sqlite3_db_readonly(raw, "main") == 1) {
    return Status::PermissionDenied(path +
                                    ": the workspace file is read-only; open it "
                                    "read-only or ask for write permission");
  }
  sqlite3_busy_timeout(raw, static_cast<int>(options.busy_timeout.count()));
  if (options.max_size_bytes != 0) {
    // max_page_count is counted in pages of the file's page size (4096 by default).
    const std::uint64_t pages = std::max<std::uint64_t>(1, options.max_size_bytes / 4096);
    Status limited = store::Exec(db, "PRAGMA max_page_count=" + std::to_string(pages));
    if (!limited.ok()) return limited;
  }
  if (mode == WorkspaceMode::kCreate) {
    if (Status status = store::InitialiseNew(db); !status.ok()) {
      workspace.reset();
      store::RemoveFailedCreation(path);
      return status;
    }
  } else if (Status status = store::PrepareExisting(db, mode == WorkspaceMode::kReadOnly);
             !status.ok()) {
    return status;
  }
  if (mode == WorkspaceMode::kReadOnly) {
    // One read transaction for the workspace's life: every read of it (the catalogue, then the
    // series, then the decisions) sees the file as one import or decision left it, never half
    // of one that commits meanwhile (WAL: the snapshot is taken at the first read, and writers
    // go on). Closing the connection ends it.
    Status pinned = store::Exec(db, "BEGIN; SELECT 1 FROM sqlite_master LIMIT 1;");
    if (!pinned.ok()) return pinned;
  }
  return std::unique_ptr<Workspace>(std::move(workspace));
}

std::string FormatChangeTime(std::chrono::system_clock::time_point at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace kaizen
