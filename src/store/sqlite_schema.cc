// Schema migrations of the SQLite workspace. Each migration is applied once, in order, and
// recorded both in PRAGMA user_version (cheap to read on open) and in schema_migrations (when,
// for people). A migration is never edited once merged: a change is a new migration.
#include "store/sqlite_schema.h"

#include <array>
#include <string>

namespace kaizen::store {
namespace {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

// Version 1 (first part): the migration ledger and the organisations. The rest of schema v1
// (issue 10) follows as its own statements here before the first release.
constexpr std::array kMigrations = {
    Migration{1, "migration ledger and organisations", R"sql(
CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL
) STRICT;
CREATE TABLE organisations (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('trust','provider','council','partnership','service')),
  parent TEXT REFERENCES organisations(code)
) STRICT;
)sql"},
};

Status Exec(sqlite3* db, const std::string& path, const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  const std::string message = path + ": " + (error ? error : sqlite3_errstr(rc));
  sqlite3_free(error);
  if (rc == SQLITE_NOTADB) return Status::Corruption(path + ": not a kaizen workspace");
  if ((rc & 0xff) == SQLITE_BUSY) return Status::Busy(message + " (another process holds it)");
  if ((rc & 0xff) == SQLITE_READONLY) return Status::PermissionDenied(message);
  return Status::IOError(message);
}

// The single integer a PRAGMA returns, or the Status of its failure.
Result<int> PragmaInt(sqlite3* db, const std::string& path, const char* pragma) {
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v2(db, pragma, -1, &statement, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(statement);
  const int value = rc == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
  sqlite3_finalize(statement);
  if (rc == SQLITE_ROW) return value;
  if (rc == SQLITE_NOTADB) return Status::Corruption(path + ": not a kaizen workspace");
  return Status::IOError(path + ": " + sqlite3_errstr(rc));
}

Status SetPragmas(sqlite3* db, const std::string& path, bool read_only) {
  const std::string common = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
  // Only a writer may switch the journal to WAL; a reader uses whatever the file has.
  return Exec(db, path, read_only ? common : common + " PRAGMA journal_mode=WAL;");
}

}  // namespace

Status PrepareExisting(sqlite3* db, const std::string& path, bool read_only) {
  auto id = PragmaInt(db, path, "PRAGMA application_id");
  if (!id.ok()) return id.status();
  if (id.value() != kApplicationId) {
    return Status::Corruption(path + ": not a kaizen workspace (an SQLite file of another "
                              "application)");
  }
  auto version = PragmaInt(db, path, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  const int newest = kMigrations.back().version;
  if (version.value() > newest) {
    return Status::FailedPrecondition(
        path + ": workspace schema version " + std::to_string(version.value()) +
        " is newer than this kaizen's (" + std::to_string(newest) + "): upgrade kaizen");
  }
  return SetPragmas(db, path, read_only);
}

Status InitialiseNew(sqlite3* db, const std::string& path) {
  std::string sql = "BEGIN IMMEDIATE; PRAGMA application_id=" + std::to_string(kApplicationId) +
                    ";";
  for (const Migration& migration : kMigrations) {
    sql += migration.sql;
    sql += "INSERT INTO schema_migrations VALUES (" + std::to_string(migration.version) +
           ", '" + migration.description + "');";
  }
  sql += "PRAGMA user_version=" + std::to_string(kMigrations.back().version) + "; COMMIT;";
  if (Status status = Exec(db, path, sql); !status.ok()) return status;
  return SetPragmas(db, path, false);
}

}  // namespace kaizen::store
