// JSON of what a workspace holds, for `kaizen pending --format json` and the HTTP API: the
// proposals waiting for a decision (and any other list of proposals). Field names are the
// C++ field names of kaizen::Proposal, enums by their names (kaizen/workspace.h), dates as ISO
// "2024-03-01", a missing target or baseline bound as null; "schema_version" (kaizen/json.h)
// heads the document.
//
// Pure and thread-safe; never throws (text that is not valid UTF-8 is written with U+FFFD).
#ifndef KAIZEN_WORKSPACE_EXPORT_H_
#define KAIZEN_WORKSPACE_EXPORT_H_

#include <string>
#include <vector>

#include "kaizen/workspace.h"

namespace kaizen {

// {"schema_version":1,"proposals":[{"id":3,"kind":"rebase",...},...]}, indented, with a final
// newline.
std::string ProposalsToJson(const std::vector<Proposal>& proposals);

}  // namespace kaizen

#endif  // KAIZEN_WORKSPACE_EXPORT_H_
