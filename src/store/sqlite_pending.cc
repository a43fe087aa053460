// TEMPORARY (issue 10, in progress): the workspace methods whose implementation is being
// written in its own file (sqlite_decisions.cc, sqlite_people.cc, sqlite_packs.cc). Each
// returns Unimplemented until that file lands and this one is deleted. Nothing here is done.
#include "store/sqlite_workspace.h"

namespace kaizen::store {
namespace {
Status NotBuilt(const char* what) {
  return Status::Internal(std::string(what) + " is not built yet (issue 10, in progress)");
}
}  // namespace

Result<std::int64_t> SqliteWorkspace::Freeze(const Change&, const FrozenPack&) {
  return NotBuilt("frozen packs");
}
Result<std::vector<FrozenPack>> SqliteWorkspace::Packs() { return NotBuilt("frozen packs"); }
Result<FrozenPack> SqliteWorkspace::Pack(std::int64_t) { return NotBuilt("frozen packs"); }

}  // namespace kaizen::store
