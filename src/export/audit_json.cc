// JSON of the audit log and the frozen packs (kaizen/audit_export.h). ordered_json keeps
// "schema_version" first and each entry's fields in the order of the log's columns.
#include <nlohmann/json.hpp>

#include "kaizen/audit_export.h"
#include "kaizen/json.h"

namespace kaizen {
namespace {

using json = nlohmann::ordered_json;

std::string Dumped(const json& document) {
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string AuditLogToJson(const std::vector<AuditEntry>& entries) {
  json list = json::array();
  for (const AuditEntry& e : entries) {
    list.push_back({{"seq", e.seq},
                    {"at", e.at},
                    {"user", e.user},
                    {"action", e.action},
                    {"subject", e.subject},
                    {"before", e.before},
                    {"after", e.after},
                    {"hash", e.hash}});
  }
  return Dumped({{"schema_version", kSchemaVersion}, {"entries", std::move(list)}});
}

std::string PacksToJson(const std::vector<FrozenPack>& packs) {
  json list = json::array();
  for (const FrozenPack& p : packs) {
    list.push_back({{"id", p.id},
                    {"title", p.title},
                    {"frozen_by", p.frozen_by},
                    {"frozen_at", p.frozen_at},
                    {"sha256", p.sha256},
                    {"last_import_id", p.last_import_id},
                    {"last_audit_seq", p.last_audit_seq}});
  }
  return Dumped({{"schema_version", kSchemaVersion}, {"packs", std::move(list)}});
}

}  // namespace kaizen
