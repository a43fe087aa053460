// The store's thin layer over the sqlite3 C API: a connection with its path (for messages),
// prepared statements that finalise themselves, and transactions that roll back unless
// committed. Only src/store/ uses it; every SQLite error becomes a Status whose code names
// the failure class (Busy, PermissionDenied, Corruption, IOError, ResourceExhausted).
#ifndef KAIZEN_STORE_SQLITE_DB_H_
#define KAIZEN_STORE_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "kaizen/status.h"

namespace kaizen::store {

// A connection and the path it was opened from. Not owning: SqliteWorkspace owns the handle.
struct Db {
  sqlite3* handle = nullptr;
  std::string path;
};

// The Status for SQLite result code `rc` on `db`, its message prefixed with the path.
Status SqliteStatus(const Db& db, int rc);

// Runs one or more statements that return no rows.
Status Exec(const Db& db, const std::string& sql);

// A prepared statement. Bind indices start at 1, as in sqlite3_bind_*; a NaN double and an
// empty optional text bind as NULL.
class Statement {
 public:
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }

  static Result<Statement> Prepare(const Db& db, std::string_view sql);

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, double value);  // NaN binds NULL
  Statement& Bind(int index, std::string_view text);
  Statement& BindNull(int index);
  // Text that is NULL when empty (optional columns such as a parent or a decision comment).
  Statement& BindTextOrNull(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);

  // Steps once: true with a row to read, false when done, or the error.
  Result<bool> Step();
  // Steps a statement that returns no row.
  Status Run();
  // Rewinds for another set of bindings.
  void Reset();

  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  // NaN when NULL.
  double Real(int column) const;
  // "" when NULL.
  std::string Text(int column) const;
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  Statement(const Db* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  const Db* db_;
  sqlite3_stmt* stmt_;
};

// BEGIN IMMEDIATE (take the write lock now, so a busy file fails before any work is done);
// rolls back when destroyed uncommitted.
class Transaction {
 public:
  explicit Transaction(const Db& db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status Begin();
  Status Commit();

 private:
  const Db& db_;
  bool open_ = false;
};

}  // namespace kaizen::store

#endif  // KAIZEN_STORE_SQLITE_DB_H_
