// The workspace's schema: the kaizen mark on the file and the numbered migrations.
#ifndef KAIZEN_STORE_SQLITE_SCHEMA_H_
#define KAIZEN_STORE_SQLITE_SCHEMA_H_

#include "kaizen/status.h"
#include "store/sqlite_db.h"

namespace kaizen::store {

// PRAGMA application_id of every kaizen workspace: "KZN1" read as a big-endian 32-bit integer
// (0x4B5A4E31), so `file` and sqlite3 can tell a workspace from another SQLite file.
inline constexpr int kApplicationId = 0x4B5A4E31;

// Sets the connection's pragmas (WAL, foreign_keys=ON, synchronous=NORMAL), then checks the
// file is a kaizen workspace this build can read: Corruption "not a kaizen workspace" for a
// text file or a foreign SQLite file, FailedPrecondition for a newer schema. Then applies the
// migrations an older file lacks, in one transaction (FailedPrecondition when it is opened
// read-only).
Status PrepareExisting(const Db& db, bool read_only);

// Marks a new file as a workspace and applies every migration, in one transaction.
Status InitialiseNew(const Db& db);

// The version the last migration brings a file to.
int NewestSchemaVersion();

}  // namespace kaizen::store

#endif  // KAIZEN_STORE_SQLITE_SCHEMA_H_
