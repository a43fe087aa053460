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

Status SqliteWorkspace::PutOrganisation(const Change&, const Organisation&) {
  return NotBuilt("organisations");
}
Result<std::vector<Organisation>> SqliteWorkspace::Organisations() {
  return NotBuilt("organisations");
}
Status SqliteWorkspace::PutUser(const Change&, const User&) { return NotBuilt("users"); }
Status SqliteWorkspace::RemoveUser(const Change&, const std::string&) { return NotBuilt("users"); }
Result<std::vector<User>> SqliteWorkspace::Users() { return NotBuilt("users"); }
Result<std::int64_t> SqliteWorkspace::Propose(const Change&, const Proposal&) {
  return NotBuilt("proposals");
}
Status SqliteWorkspace::Decide(const Change&, std::int64_t, bool) { return NotBuilt("proposals"); }
Result<std::vector<Proposal>> SqliteWorkspace::Proposals(std::optional<ProposalState>) {
  return NotBuilt("proposals");
}
Result<std::int64_t> SqliteWorkspace::Annotate(const Change&, const WorkspaceAnnotation&) {
  return NotBuilt("annotations");
}
Result<std::vector<WorkspaceAnnotation>> SqliteWorkspace::Annotations(const std::string&) {
  return NotBuilt("annotations");
}
Result<std::int64_t> SqliteWorkspace::AddComment(const Change&, const Comment&) {
  return NotBuilt("commentary");
}
Result<std::vector<Comment>> SqliteWorkspace::Comments(const std::string&) {
  return NotBuilt("commentary");
}
// Until sqlite_decisions.cc lands, a catalogue's decisions are not recorded and none attached.
Result<std::int64_t> SqliteWorkspace::RecordCatalogueDecisions(const Change&, const Catalogue&) {
  return std::int64_t{0};
}
Status SqliteWorkspace::AttachDecisions(Catalogue*) { return Status::Ok(); }

}  // namespace kaizen::store
