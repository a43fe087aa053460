// The SQLite workspace (include/kaizen/workspace.h): one connection to one file. Its methods
// are defined by topic, one file each: sqlite_workspace.cc (opening, integrity, backup),
// sqlite_indicators.cc (definitions and their versions), sqlite_import.cc (imports, series and
// point history), sqlite_decisions.cc (proposals, annotations, commentary and the catalogue's
// decisions and the data's comments), sqlite_people.cc (organisations and users),
// sqlite_packs.cc (frozen packs), sqlite_export.cc (every revision, for export).
#ifndef KAIZEN_STORE_SQLITE_WORKSPACE_H_
#define KAIZEN_STORE_SQLITE_WORKSPACE_H_

#include <sqlite3.h>

#include <memory>
#include <string>

#include "kaizen/workspace.h"
#include "store/sqlite_audit.h"
#include "store/sqlite_db.h"

namespace kaizen::store {

// "concern" or "improvement", as the catalogue spells ConflictPreference.
std::string_view ConflictPreferenceName(ConflictPreference preference);

class SqliteWorkspace final : public Workspace {
 public:
  // Takes ownership of `handle`, an open connection already prepared and migrated.
  SqliteWorkspace(std::string path, sqlite3* handle, bool read_only)
      : db_{handle, std::move(path)}, read_only_(read_only) {}
  ~SqliteWorkspace() override { sqlite3_close_v2(db_.handle); }
  SqliteWorkspace(const SqliteWorkspace&) = delete;
  SqliteWorkspace& operator=(const SqliteWorkspace&) = delete;

  const std::string& Location() const override { return db_.path; }
  bool ReadOnly() const override { return read_only_; }
  Status CheckIntegrity() override;
  int SchemaVersion() override;

  Status PutOrganisation(const Change& change, const Organisation& organisation) override;
  Result<std::vector<Organisation>> Organisations() override;
  Status PutUser(const Change& change, const User& user) override;
  Status SetUserRole(const Change& change, const std::string& name,
                     const std::string& role) override;
  Status RemoveUser(const Change& change, const std::string& name) override;
  Result<std::vector<User>> Users() override;

  Result<ImportOutcome> Import(const Change& change, const ImportFile& file,
                               const Catalogue* catalogue,
                               const std::vector<Series>& series) override;
  Result<std::vector<ImportRecord>> Imports() override;
  Result<std::vector<IndicatorVersion>> Indicators() override;
  Result<std::vector<IndicatorVersion>> IndicatorHistory(const std::string& id) override;
  Result<int> DefineIndicator(const Change& change, const Indicator& definition) override;
  Result<Catalogue> CurrentCatalogue() override;
  Status ForEachSeries(const std::function<Status(Series&&)>& on_series) override;
  Result<std::vector<PointRevision>> PointHistory(const std::string& indicator_id,
                                                  const std::string& organisation,
                                                  Date period) override;

  Result<std::int64_t> Propose(const Change& change, const Proposal& proposal) override;
  Status Decide(const Change& change, std::int64_t proposal_id, bool approve) override;
  Result<std::vector<Proposal>> Proposals(std::optional<ProposalState> state) override;
  Result<std::int64_t> Annotate(const Change& change,
                                const WorkspaceAnnotation& annotation) override;
  Result<std::vector<WorkspaceAnnotation>> Annotations(const std::string& indicator_id) override;
  Result<std::int64_t> AddComment(const Change& change, const Comment& comment) override;
  Result<std::vector<Comment>> Comments(const std::string& indicator_id) override;

  Result<std::vector<AuditEntry>> AuditLog() override { return ReadAuditLog(db_); }
  Result<AuditVerdict> VerifyAudit() override { return VerifyAuditChain(db_); }

  Result<std::int64_t> Freeze(const Change& change, const FrozenPack& pack) override;
  Result<std::vector<FrozenPack>> Packs() override;
  Result<FrozenPack> Pack(std::int64_t id) override;

  Status Backup(const std::string& path) override;
  Status RecordRestore(const Change& change, const std::string& backup_path,
                       const std::string& replaced) override;

  // sqlite_export.cc
  Status ForEachRevision(
      const std::function<Status(const std::string& indicator_id, const std::string& organisation,
                                 PeriodKind period_kind, const PointRevision& revision)>&
          on_revision) override;

 private:
  // PermissionDenied on a read-only workspace, so no change reaches SQLite's own refusal.
  Status CheckWritable() const;
  // Writes a new version of `definition` when it differs from the one in force (or there is
  // none), inside the caller's transaction, with its audit entry. Returns the version in
  // force and whether it wrote one.
  Result<std::pair<int, bool>> WriteDefinition(const Change& change, const Indicator& definition);
  // Keeps a catalogue's title for the workspace's reports (an empty one changes nothing), with
  // its audit entry, inside the caller's transaction. Returns whether it changed.
  Result<bool> WriteTitle(const Change& change, const std::string& title);
  Result<std::string> ReadTitle();
  // Records the catalogue's targets, rebases, ghosts and baselines as approved proposals and
  // its annotations and narratives, each once, inside the caller's transaction. Returns how
  // many were new. (sqlite_decisions.cc)
  Result<std::int64_t> RecordCatalogueDecisions(const Change& change, const Catalogue& catalogue);
  // Records the file's comments as facts (source: the file's name), each once however often
  // the file is imported, inside the caller's transaction. Returns how many were new.
  // (sqlite_decisions.cc)
  Result<std::int64_t> RecordDataComments(const Change& change, const ImportFile& file);
  // Adds every approved decision, annotation and opinion to the catalogue's indicators.
  // (sqlite_decisions.cc)
  Status AttachDecisions(Catalogue* catalogue);

  Db db_;
  bool read_only_;
};

}  // namespace kaizen::store

#endif  // KAIZEN_STORE_SQLITE_WORKSPACE_H_
