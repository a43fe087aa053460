#include "store/sqlite_db.h"

#include <cmath>

namespace kaizen::store {

Status SqliteStatus(const Db& db, int rc) {
  const char* detail = db.handle ? sqlite3_errmsg(db.handle) : sqlite3_errstr(rc);
  const std::string message = db.path + ": " + detail;
  switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return Status::Ok();
    case SQLITE_NOTADB:
      return Status::Corruption(db.path + ": not a kaizen workspace");
    case SQLITE_CORRUPT:
      return Status::Corruption(message + " (run kaizen check --db)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy(message +
                          ": another process is writing the workspace; try again "
                          "when it has finished");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Status::PermissionDenied(message);
    case SQLITE_FULL:
      return Status::ResourceExhausted(message + " (the disk is full)");
    case SQLITE_CONSTRAINT:
      return Status::FailedPrecondition(message);
    case SQLITE_CANTOPEN:
      return Status::IOError(message + " (cannot open the file)");
    case SQLITE_IOERR:
      return Status::IOError(message +
                             " (reading or writing the file failed: is the disk full or failing?)");
    default:
      return Status::IOError(message);
  }
}

Status Exec(const Db& db, const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db.handle, sql.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);  // the same text as sqlite3_errmsg, which SqliteStatus reads
  return SqliteStatus(db, rc);
}

Result<Statement> Statement::Prepare(const Db& db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc =
      sqlite3_prepare_v2(db.handle, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return SqliteStatus(db, rc);
  }
  return Statement(&db, stmt);
}

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  if (std::isnan(value)) return BindNull(index);
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::BindTextOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteStatus(*db_, rc);
}

Status Statement::Run() {
  Result<bool> row = Step();
  Reset();
  return row.status();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

double Statement::Real(int column) const {
  if (IsNull(column)) return std::nan("");
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
              : std::string();
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::Begin() {
  Status status = Exec(db_, "BEGIN IMMEDIATE");
  open_ = status.ok();
  return status;
}

Status Transaction::Commit() {
  Status status = Exec(db_, "COMMIT");
  if (status.ok()) open_ = false;
  return status;
}

}  // namespace kaizen::store
