// The audit log: appending an entry with its hash, listing, and checking the hash chain
// (docs/workspace.md, "The audit log").
#ifndef KAIZEN_STORE_SQLITE_AUDIT_H_
#define KAIZEN_STORE_SQLITE_AUDIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "kaizen/status.h"
#include "kaizen/workspace.h"
#include "store/sqlite_db.h"

namespace kaizen::store {

// What one change did, for its audit entry.
struct AuditRecord {
  std::string action;   // "import", "approve", ...
  std::string subject;  // "proposal 3"
  std::string before;   // "" when the thing is new
  std::string after;
};

// Appends one entry for `change` inside the caller's transaction: the hash chains to the last
// entry's, so entries are appended under the write lock only.
Status AppendAudit(const Db& db, const Change& change, const AuditRecord& record);

Result<std::vector<AuditEntry>> ReadAuditLog(const Db& db);

// Walks the log in seq order recomputing each hash: the first entry edited (its hash no longer
// matches its fields), missing (a gap in seq, or a hash chained to something else) or moved;
// and a log that ends before the highest frozen pack's last_audit_seq (entries cut from the end).
Result<AuditVerdict> VerifyAuditChain(const Db& db);

// Lowercase hex of `size` bytes.
std::string Hex(const unsigned char* bytes, std::size_t size);

// The hex SHA-256 of `previous_hash` and the entry's fields, each length-prefixed so that no two
// different entries hash the same bytes.
std::string AuditHash(std::string_view previous_hash, const AuditEntry& entry);

}  // namespace kaizen::store

#endif  // KAIZEN_STORE_SQLITE_AUDIT_H_
