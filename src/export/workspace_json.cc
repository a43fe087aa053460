// JSON of the workspace's proposals (kaizen/workspace_export.h).
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kaizen/json.h"
#include "kaizen/workspace_export.h"

namespace kaizen {
namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json DayOrNull(const std::optional<Date>& day) {
  return day ? ordered_json(day->ToIso()) : ordered_json(nullptr);
}

ordered_json ProposalJson(const Proposal& p) {
  ordered_json j;
  j["id"] = p.id;
  j["kind"] = ProposalKindName(p.kind);
  j["indicator_id"] = p.indicator_id;
  j["organisation"] = p.organisation;
  j["date"] = p.date.ToIso();
  j["target"] = p.kind == ProposalKind::kTarget && !std::isnan(p.target) ? ordered_json(p.target)
                                                                         : ordered_json(nullptr);
  if (p.kind == ProposalKind::kBaseline) {
    j["baseline"] = {{"first_n", p.baseline.first_n},
                     {"from", DayOrNull(p.baseline.from)},
                     {"to", DayOrNull(p.baseline.to)}};
  } else {
    j["baseline"] = nullptr;
  }
  j["reason"] = p.reason;
  j["proposed_by"] = p.proposed_by;
  j["proposed_at"] = p.proposed_at;
  j["state"] = ProposalStateName(p.state);
  j["decided_by"] = p.decided_by;
  j["decided_at"] = p.decided_at;
  j["decision_comment"] = p.decision_comment;
  return j;
}

}  // namespace

std::string ProposalsToJson(const std::vector<Proposal>& proposals) {
  ordered_json document;
  document["schema_version"] = kSchemaVersion;
  document["proposals"] = ordered_json::array();
  for (const Proposal& p : proposals) document["proposals"].push_back(ProposalJson(p));
  return document.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace kaizen
