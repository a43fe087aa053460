// JSON documents of the workspace's audit log and frozen packs (`kaizen audit list --format
// json`, `kaizen packs list --format json`; docs/workspace.md). Each is one object with
// "schema_version" (kaizen/json.h) first, then its list in the workspace's order.
//
// Pure and thread-safe; never throws: text that is not valid UTF-8 is written with U+FFFD.
#ifndef KAIZEN_AUDIT_EXPORT_H_
#define KAIZEN_AUDIT_EXPORT_H_

#include <string>
#include <vector>

#include "kaizen/workspace.h"

namespace kaizen {

// {"schema_version": 1, "entries": [{"seq", "at", "user", "action", "subject", "before",
// "after", "hash"}, ...]}, indented, with a final newline.
std::string AuditLogToJson(const std::vector<AuditEntry>& entries);

// {"schema_version": 1, "packs": [{"id", "title", "frozen_by", "frozen_at", "sha256",
// "last_import_id", "last_audit_seq"}, ...]}: the packs as Workspace::Packs lists them, without
// their content.
std::string PacksToJson(const std::vector<FrozenPack>& packs);

}  // namespace kaizen

#endif  // KAIZEN_AUDIT_EXPORT_H_
