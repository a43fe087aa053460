// Schema migrations of the SQLite workspace. Each migration is applied once, in order, and
// recorded both in PRAGMA user_version (cheap to read on open) and in schema_migrations (when,
// for people). A migration is never edited once merged: a change is a new migration.
#include "store/sqlite_schema.h"

#include <array>
#include <cstdint>
#include <string>

#include "store/sqlite_db.h"

namespace kaizen::store {
namespace {

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

// Version 1: the migration ledger and the organisations (as first merged; kept as it was so a
// version-1 file migrates by the same steps as a new one).
// Version 2: everything else of issue 10. Dates are days since 1970-01-01 (INTEGER, as
// kaizen::Date counts them); times are ISO 8601 UTC text; hashes are lowercase hex text.
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
    Migration{2, "users, indicators, imports, observations, decisions, commentary, audit, packs",
              R"sql(
CREATE TABLE users (
  name TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('viewer','editor','approver','admin')),
  password_hash TEXT
) STRICT;
CREATE TABLE user_organisations (
  user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  organisation TEXT NOT NULL,
  PRIMARY KEY (user_name, organisation)
) STRICT, WITHOUT ROWID;

-- What the workspace says of itself: the catalogue's title ('title') for its reports.
CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE indicators (
  id TEXT PRIMARY KEY,
  current_version INTEGER NOT NULL
) STRICT;
CREATE TABLE indicator_versions (
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  version INTEGER NOT NULL,
  reference TEXT NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL, description TEXT NOT NULL,
  domain TEXT NOT NULL, direction TEXT NOT NULL, chart TEXT NOT NULL, profile TEXT NOT NULL,
  profile_overrides TEXT NOT NULL, conflict_preference TEXT NOT NULL, multiplier REAL NOT NULL,
  decimals INTEGER, aggregation TEXT NOT NULL, accountable_person TEXT NOT NULL,
  data_owner TEXT NOT NULL, data_source TEXT NOT NULL, data_quality TEXT NOT NULL,
  refresh TEXT NOT NULL, measure_type TEXT NOT NULL,
  value_expression TEXT NOT NULL, numerator_expression TEXT NOT NULL,
  denominator_expression TEXT NOT NULL, where_filter TEXT NOT NULL,
  changed_by TEXT NOT NULL, changed_at TEXT NOT NULL, reason TEXT NOT NULL,
  PRIMARY KEY (indicator_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX imports_by_sha256 ON imports(sha256);

CREATE TABLE series (
  id INTEGER PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  organisation TEXT NOT NULL,
  period_kind TEXT NOT NULL,
  UNIQUE (indicator_id, organisation)
) STRICT;
-- One row per revision of a point; the latest revision is the point's value. WITHOUT ROWID
-- and small integer keys keep an observation near 20 bytes on disk.
CREATE TABLE observations (
  series_id INTEGER NOT NULL REFERENCES series(id),
  period INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  value REAL, numerator REAL, denominator REAL, subgroup_sd REAL,
  import_id INTEGER NOT NULL REFERENCES imports(id),
  line INTEGER NOT NULL,
  PRIMARY KEY (series_id, period, revision)
) STRICT, WITHOUT ROWID;

CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('rebase','ghost','target','baseline')),
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  organisation TEXT NOT NULL,
  period INTEGER NOT NULL,
  target REAL,
  set_by TEXT NOT NULL DEFAULT '',
  baseline_first_n INTEGER, baseline_from INTEGER, baseline_to INTEGER,
  reason TEXT NOT NULL,
  proposed_by TEXT NOT NULL,
  proposed_at TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending','approved','rejected')),
  decided_by TEXT, decided_at TEXT, decision_comment TEXT
) STRICT;
CREATE TRIGGER proposals_decided_once BEFORE UPDATE ON proposals
  WHEN OLD.state <> 'pending'
  BEGIN SELECT RAISE(ABORT, 'a decided proposal cannot change'); END;
CREATE TRIGGER proposals_kept BEFORE DELETE ON proposals
  BEGIN SELECT RAISE(ABORT, 'proposals are kept on record'); END;

CREATE TABLE annotations (
  id INTEGER PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  organisation TEXT NOT NULL,
  period INTEGER NOT NULL,
  text TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE commentary (
  id INTEGER PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  organisation TEXT NOT NULL,
  period INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fact','opinion','assumption','decision')),
  text TEXT NOT NULL,
  source TEXT NOT NULL,
  author TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (kind <> 'fact' OR source <> ''),
  CHECK (kind <> 'opinion' OR author <> '')
) STRICT;

-- Append-only: each entry's hash covers the previous entry's hash and its own fields
-- (docs/workspace.md, "The audit log"), so an edit, a deletion or a reordering is detected.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE packs (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  frozen_by TEXT NOT NULL,
  frozen_at TEXT NOT NULL,
  html BLOB NOT NULL,
  pdf BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  last_import_id INTEGER NOT NULL,
  last_audit_seq INTEGER NOT NULL
) STRICT;
CREATE TRIGGER packs_no_update BEFORE UPDATE ON packs
  BEGIN SELECT RAISE(ABORT, 'a frozen pack cannot change'); END;
CREATE TRIGGER packs_no_delete BEFORE DELETE ON packs
  BEGIN SELECT RAISE(ABORT, 'a frozen pack cannot be deleted'); END;
)sql"},
};

// The single integer a PRAGMA returns, or the Status of its failure.
Result<int> PragmaInt(const Db& db, const char* pragma) {
  auto statement = Statement::Prepare(db, pragma);
  if (!statement.ok()) return statement.status();
  auto row = statement->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(row.value() ? statement->Int(0) : 0);
}

Status SetPragmas(const Db& db, bool read_only) {
  const std::string common = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
  // Only a writer may switch the journal to WAL; a reader uses whatever the file has.
  return Exec(db, read_only ? common : common + " PRAGMA journal_mode=WAL;");
}

// Applies the migrations after `from` in one transaction (all of them or none), recording each.
Status Migrate(const Db& db, int from) {
  Transaction transaction(db);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  // Checked again under the write lock: another process may have migrated the file meanwhile.
  auto version = PragmaInt(db, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (version.value() != from) return Status::Ok();
  if (from == 0) {
    if (Status s = Exec(db, "PRAGMA application_id=" + std::to_string(kApplicationId)); !s.ok()) {
      return s;
    }
  }
  for (const Migration& migration : kMigrations) {
    if (migration.version <= from) continue;
    if (Status status = Exec(db, migration.sql); !status.ok()) return status;
    auto record = Statement::Prepare(db, "INSERT INTO schema_migrations VALUES (?, ?)");
    if (!record.ok()) return record.status();
    record->Bind(1, std::int64_t{migration.version}).Bind(2, migration.description);
    if (Status status = record->Run(); !status.ok()) return status;
  }
  if (Status status = Exec(db, "PRAGMA user_version=" + std::to_string(NewestSchemaVersion()));
      !status.ok()) {
    return status;
  }
  return transaction.Commit();
}

}  // namespace

int NewestSchemaVersion() { return kMigrations.back().version; }

Status PrepareExisting(const Db& db, bool read_only) {
  auto id = PragmaInt(db, "PRAGMA application_id");
  if (!id.ok()) return id.status();
  if (id.value() != kApplicationId) {
    return Status::Corruption(db.path +
                              ": not a kaizen workspace (an SQLite file of another "
                              "application)");
  }
  auto version = PragmaInt(db, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  const int newest = NewestSchemaVersion();
  if (version.value() > newest) {
    return Status::FailedPrecondition(
        db.path + ": workspace schema version " + std::to_string(version.value()) +
        " is newer than this kaizen's (" + std::to_string(newest) + "): upgrade kaizen");
  }
  if (version.value() < newest && read_only) {
    return Status::FailedPrecondition(db.path + ": workspace schema version " +
                                      std::to_string(version.value()) +
                                      " is older than this kaizen's (" + std::to_string(newest) +
                                      "): upgrade it with kaizen init --db " + db.path);
  }
  if (Status status = SetPragmas(db, read_only); !status.ok()) return status;
  return version.value() < newest ? Migrate(db, version.value()) : Status::Ok();
}

Status InitialiseNew(const Db& db) {
  if (Status status = Migrate(db, 0); !status.ok()) return status;
  return SetPragmas(db, false);
}

}  // namespace kaizen::store
