// The workspace: one file (SQLite today) holding a team's organisations, indicator definitions
// with their versions, imported observations with every correction, governed decisions,
// commentary, users and a hash-chained audit log (issue 10; docs/workspace.md documents the
// schema). Workspace is abstract so that a PostgreSQL backend can follow without changing its
// callers; OpenWorkspace opens the SQLite one.
//
// The store never reads the clock: every change carries a Change{user, at, reason} whose time
// the caller takes from its Env, so tests and replays are deterministic. Every change is one
// transaction that writes its audit entry with it: it happens completely, with its entry, or not
// at all.
//
// Threading: a Workspace is one connection; use it from one thread at a time. Several processes
// may open the same file: readers see the last committed state, one writer at a time waits up to
// WorkspaceOptions::busy_timeout for another's lock, then fails with Busy.
#ifndef KAIZEN_WORKSPACE_H_
#define KAIZEN_WORKSPACE_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kaizen/catalogue.h"
#include "kaizen/date.h"
#include "kaizen/model.h"
#include "kaizen/status.h"

namespace kaizen {

// How to open a workspace file.
enum class WorkspaceMode {
  kCreate,    // make a new workspace; AlreadyExists when the file exists
  kOpen,      // read and write an existing one (migrating an older schema); NotFound if missing
  kReadOnly,  // read an existing one, as it was when opened (one snapshot); every change is
              // refused (PermissionDenied)
};

// Who changes the workspace, when (from the caller's Env) and why: recorded with the change.
struct Change {
  std::string user;
  std::chrono::system_clock::time_point at;
  std::string reason;
};

struct WorkspaceOptions {
  // How long to wait for another writer's lock before giving up with Busy.
  std::chrono::milliseconds busy_timeout{5000};
  // The largest the file may grow, in bytes (0: as large as the disk allows). A change that
  // would pass it fails with ResourceExhausted and is rolled back, as on a full disk; tests use
  // it to show that a full disk in the middle of an import loses nothing.
  std::uint64_t max_size_bytes = 0;
};

// ---- what the workspace holds ---------------------------------------------------------------

struct Organisation {
  std::string code;
  std::string name;
  std::string kind;    // trust, provider, council, partnership or service
  std::string parent;  // another organisation's code, "" for none
};

// One version of an indicator's definition: the catalogue's fields that say what the indicator
// is and how it is judged (name, unit, direction, chart, profile and overrides, multiplier,
// measure type, owner, data source, data quality, refresh, ...). Targets, rebases, ghosts,
// annotations and narratives are decisions and commentary, kept apart (their vectors are empty
// here).
struct IndicatorVersion {
  Indicator definition;
  int version = 0;  // 1, 2, ... per indicator
  std::string changed_by;
  std::string changed_at;  // ISO 8601 UTC, "2024-06-03T09:12:00Z"
  std::string reason;
};

// What one import did to one indicator: points new to the workspace, points whose value it
// corrected (the old value is kept as an earlier revision) and points it left as they were.
struct ImportedIndicator {
  std::string indicator_id;
  std::int64_t added = 0;
  std::int64_t corrected = 0;
  std::int64_t unchanged = 0;
};

// A comment the data itself carries for one point (a file's comment column): kept as a fact
// whose source is the file, so comments no longer live apart from the numbers.
struct DataComment {
  std::string indicator_id;
  std::string organisation;
  Date period;
  std::string text;
};

// The file an import came from, as the caller read it.
struct ImportFile {
  std::string name;                   // the path or upload name the user gave
  std::string sha256;                 // of the file's bytes, lowercase hex
  std::vector<DataComment> comments;  // the data's comment column
};

struct ImportOutcome {
  std::int64_t import_id = 0;  // 0 when nothing changed (no import is recorded)
  // When nothing changed and an earlier import had the same sha256: that import's id.
  std::int64_t same_as_import = 0;
  std::vector<ImportedIndicator> indicators;  // sorted by id
  std::int64_t indicators_defined = 0;        // new indicator versions written (catalogue)
  std::int64_t decisions_recorded = 0;        // catalogue decisions new to the workspace
  std::int64_t comments_recorded = 0;         // data comments new to the workspace (as facts)
  bool title_changed = false;                 // the catalogue's title, kept for reports

  bool changed_nothing() const { return import_id == 0 && indicators_defined == 0; }
};

// One import as recorded.
struct ImportRecord {
  std::int64_t id = 0;
  std::string file_name;
  std::string sha256;
  std::string imported_by;
  std::string imported_at;
  std::string reason;
};

// A point's value as its history reads: "12.3", "4/120" for a numerator over a denominator,
// "missing"; each number the shortest text that reads back as the same double.
std::string DescribePointValue(const Observation& observation);

// One revision of one point: what an import said it was.
struct PointRevision {
  int revision = 0;  // 1 for the first import of the point, then 2, 3, ...
  Observation observation;
  ImportRecord import;
  int line = 0;  // the line (a sheet's row) of the file it came from, 0 when not known
};

enum class ProposalKind { kRebase, kGhost, kTarget, kBaseline };
enum class ProposalState { kPending, kApproved, kRejected };
std::string_view ProposalKindName(ProposalKind kind);     // "rebase", "ghost", "target", "baseline"
std::string_view ProposalStateName(ProposalState state);  // "pending", "approved", "rejected"
Result<ProposalKind> ParseProposalKind(std::string_view name);
Result<ProposalState> ParseProposalState(std::string_view name);

// A decision that changes results: a rebase, a ghost, a changed target or baseline. Only an
// approved one changes any result; a rejected one stays on record.
struct Proposal {
  std::int64_t id = 0;
  ProposalKind kind = ProposalKind::kRebase;
  std::string indicator_id;
  std::string organisation;  // "" : every organisation
  Date date;                 // the rebase or ghost's period; the target's first period
  double target = kMissing;  // kTarget: the value; NaN removes the target from `date`
  std::string set_by;        // kTarget: "national", "regional", "local" or a name
  Baseline baseline;         // kBaseline: the points that give each segment's estimates
  std::string reason;
  std::string proposed_by, proposed_at;
  ProposalState state = ProposalState::kPending;
  std::string decided_by, decided_at, decision_comment;
};

// What a proposal would do, for people: "rebase of ae-4h for RXX from 2024-03-01", "target of
// falls from 2024-04-01: 12", "baseline of falls: first 12 points", "ghost of falls at ...".
// The one wording of the CLI, the history and the report's pending decisions.
std::string DescribeProposal(const Proposal& proposal);

// Adds the proposal's decision to `indicator` as an approved one would be (a rebase, ghost or
// target step for its organisation, or the baseline): what CurrentCatalogue does with every
// approved proposal, and what a report uses to show a pending one's limits beside the current.
void ApplyProposal(const Proposal& proposal, Indicator* indicator);

struct WorkspaceAnnotation {
  std::int64_t id = 0;
  std::string indicator_id;
  std::string organisation;  // "" : every organisation
  Date date;
  std::string text;
  std::string created_by, created_at;
};

// Commentary keeps its kind explicit, so a report can keep facts, opinions, assumptions and
// decisions visibly apart.
enum class CommentKind { kFact, kOpinion, kAssumption, kDecision };
std::string_view CommentKindName(CommentKind kind);  // "fact", "opinion", "assumption", "decision"
Result<CommentKind> ParseCommentKind(std::string_view name);

struct Comment {
  std::int64_t id = 0;
  std::string indicator_id;
  std::string organisation;  // "" : every organisation
  Date period;
  CommentKind kind = CommentKind::kOpinion;
  std::string text;
  std::string source;  // kFact: where the fact comes from (required)
  std::string author;  // whose view or decision it is (kOpinion requires a named person)
  std::string created_by, created_at;
};

struct User {
  std::string name;  // the login name
  std::string display_name;
  std::string role;                        // viewer, editor, approver or admin
  std::vector<std::string> organisations;  // the organisations they may see; empty: all
};

// One entry of the append-only audit log.
struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, 3, ... with no gap
  std::string at;
  std::string user;
  std::string action;   // "import", "define_indicator", "propose", "approve", ...
  std::string subject;  // what was changed: "indicator ae-4h", "proposal 3", "import 2"
  std::string before;   // the state before, as text ("" when new)
  std::string after;    // the state after
  std::string hash;     // hex SHA-256 of the previous entry's hash and this entry's fields
};

// The result of checking the audit log's hash chain.
struct AuditVerdict {
  std::int64_t entries = 0;
  std::int64_t first_bad = 0;  // the seq of the first entry that fails, 0 when all hold
  std::string problem;         // why it fails: "edited", "missing entry 4", "out of order"
  bool ok() const { return first_bad == 0; }
};

// A board pack as it was rendered, with what it was computed from: never altered once frozen.
struct FrozenPack {
  std::int64_t id = 0;
  std::string title;
  std::string frozen_by, frozen_at;
  std::string html;    // the report exactly as rendered
  std::string pdf;     // "" when no PDF was made
  std::string sha256;  // of html followed by pdf, lowercase hex
  // The high-water marks: the last import and the last audit entry the pack saw.
  std::int64_t last_import_id = 0;
  std::int64_t last_audit_seq = 0;
};

// ---- the workspace ---------------------------------------------------------------------------

class Workspace {
 public:
  virtual ~Workspace() = default;

  // The path (or connection string) the workspace was opened from, for messages.
  virtual const std::string& Location() const = 0;
  virtual bool ReadOnly() const = 0;
  // Checks the stored pages (PRAGMA integrity_check for SQLite): Corruption naming the first
  // problem found, or Ok.
  virtual Status CheckIntegrity() = 0;
  // The schema version of the file (after any migration on open).
  virtual int SchemaVersion() = 0;

  // -- organisations and users -----------------------------------------------------------------
  // Adds or updates an organisation. InvalidArgument for an unknown kind or parent.
  virtual Status PutOrganisation(const Change& change, const Organisation& organisation) = 0;
  virtual Result<std::vector<Organisation>> Organisations() = 0;
  // Adds or updates a user. InvalidArgument for an unknown role.
  virtual Status PutUser(const Change& change, const User& user) = 0;
  // Changes only the role of the user `name`, reading and writing in one transaction.
  // NotFound when there is no such user, InvalidArgument for an unknown role.
  virtual Status SetUserRole(const Change& change, const std::string& name,
                             const std::string& role) = 0;
  // NotFound when there is no such user.
  virtual Status RemoveUser(const Change& change, const std::string& name) = 0;
  virtual Result<std::vector<User>> Users() = 0;

  // -- indicators and data -------------------------------------------------------------------
  // Records the catalogue's indicator definitions (a new version for each one new or changed in
  // any field, with `change`), then the series as observations of one import: a point new to
  // the workspace is added, a point whose value differs gets a new revision (the old one
  // stays), an equal one is left. The catalogue's decisions (targets, rebases, ghosts,
  // baseline) are recorded as approved proposals and its annotations and narratives as
  // annotations and opinions, each once however often the catalogue is imported; the file's
  // comments likewise, as facts whose source is the file. A series whose indicator neither
  // the catalogue nor the workspace defines is refused (InvalidArgument), and the import.
  // All in one transaction. Busy when another writer holds the file past the timeout; IOError
  // (a full disk) leaves the workspace as it was.
  virtual Result<ImportOutcome> Import(const Change& change, const ImportFile& file,
                                       const Catalogue* catalogue,
                                       const std::vector<Series>& series) = 0;
  virtual Result<std::vector<ImportRecord>> Imports() = 0;

  // The definitions in force, one per indicator, sorted by id.
  virtual Result<std::vector<IndicatorVersion>> Indicators() = 0;
  // Every version of one indicator, oldest first. NotFound when the workspace has no such id.
  virtual Result<std::vector<IndicatorVersion>> IndicatorHistory(const std::string& id) = 0;
  // Records a new version of one definition (as Import does for a catalogue's). Returns the
  // version in force afterwards (unchanged when the definition equals the current one).
  virtual Result<int> DefineIndicator(const Change& change, const Indicator& definition) = 0;

  // What the engine reads: the definitions in force with every approved decision, annotation
  // and opinion attached as a catalogue's would be (so Indicator::ForOrganisation narrows them).
  virtual Result<Catalogue> CurrentCatalogue() = 0;
  // Calls `on_series` with every series (the latest revision of each point), ordered by
  // indicator id then organisation, periods ascending. Stops at the callback's first error.
  virtual Status ForEachSeries(const std::function<Status(Series&&)>& on_series) = 0;
  // Every revision of one point, oldest first; empty when the point was never imported.
  virtual Result<std::vector<PointRevision>> PointHistory(const std::string& indicator_id,
                                                          const std::string& organisation,
                                                          Date period) = 0;

  // -- decisions, annotations and commentary ---------------------------------------------------
  // Records a pending proposal (proposed_by/at come from `change`); returns its id.
  // InvalidArgument for an unknown indicator or a target proposal without a date.
  virtual Result<std::int64_t> Propose(const Change& change, const Proposal& proposal) = 0;
  // Approves or rejects a pending proposal, with `change.reason` as the decision's comment.
  // NotFound for no such id; FailedPrecondition when it was decided already.
  virtual Status Decide(const Change& change, std::int64_t proposal_id, bool approve) = 0;
  // Every proposal, oldest first; only those in `state` when given.
  virtual Result<std::vector<Proposal>> Proposals(std::optional<ProposalState> state) = 0;
  virtual Result<std::int64_t> Annotate(const Change& change,
                                        const WorkspaceAnnotation& annotation) = 0;
  // The annotations (comments, below) of `indicator_id`, or of every indicator for "", by id.
  virtual Result<std::vector<WorkspaceAnnotation>> Annotations(const std::string& indicator_id) = 0;
  // InvalidArgument for a fact without a source or an opinion without an author.
  virtual Result<std::int64_t> AddComment(const Change& change, const Comment& comment) = 0;
  virtual Result<std::vector<Comment>> Comments(const std::string& indicator_id) = 0;

  // -- the audit log ---------------------------------------------------------------------------
  // Every entry, oldest first.
  virtual Result<std::vector<AuditEntry>> AuditLog() = 0;
  // Recomputes the hash chain from the first entry: the first entry edited, missing or out of
  // order, or ok.
  virtual Result<AuditVerdict> VerifyAudit() = 0;

  // -- frozen board packs -----------------------------------------------------------------------
  // Stores a pack (title, html, pdf from `pack`; the rest from `change` and the workspace);
  // returns its id. The database refuses any later update or delete of it.
  virtual Result<std::int64_t> Freeze(const Change& change, const FrozenPack& pack) = 0;
  // Every pack without its html and pdf, oldest first.
  virtual Result<std::vector<FrozenPack>> Packs() = 0;
  // One pack with its content. NotFound for no such id.
  virtual Result<FrozenPack> Pack(std::int64_t id) = 0;

  // -- copies ----------------------------------------------------------------------------------
  // Writes a consistent copy of the whole workspace to `path` (SQLite's online backup: other
  // processes may keep reading and writing). AlreadyExists when `path` exists.
  virtual Status Backup(const std::string& path) = 0;
  // Records in this workspace's audit log (a fresh copy of the backup at `backup_path`, about to
  // replace a workspace) that it is a restore: the backup's path and sha256, the entry its own
  // log ended at, and `replaced`, what the file it replaces was ("" when there was none).
  virtual Status RecordRestore(const Change& change, const std::string& backup_path,
                               const std::string& replaced) = 0;

  // -- export ----------------------------------------------------------------------------------
  // Calls `on_revision` with every revision of every point (what `kaizen export --what history`
  // writes), ordered by indicator id, organisation, period, then revision, with the series'
  // indicator, organisation and period kind. One query, so a large workspace streams without a
  // PointHistory call per point. Stops at the callback's first error and returns it.
  virtual Status ForEachRevision(
      const std::function<Status(const std::string& indicator_id, const std::string& organisation,
                                 PeriodKind period_kind, const PointRevision& revision)>&
          on_revision) = 0;
};

// Opens or creates the SQLite workspace at `path`. Refusals: NotFound (kOpen/kReadOnly on a
// missing file), AlreadyExists (kCreate on an existing one), Corruption (not a kaizen
// workspace), FailedPrecondition (a newer schema; an older one opened read-only),
// PermissionDenied (kOpen on a file the user may not write), IOError (cannot open it).
Result<std::unique_ptr<Workspace>> OpenWorkspace(const std::string& path, WorkspaceMode mode,
                                                 const WorkspaceOptions& options = {});

// Lowercase hex SHA-256 of `bytes`, and of a file's bytes read in blocks (IOError naming the
// path when it cannot be read): how an import names its file's content.
std::string Sha256Hex(std::string_view bytes);
Result<std::string> Sha256OfFile(const std::string& path);

// The fields of an indicator's definition (IndicatorVersion) as (name, value) text pairs, in a
// fixed order: what a version records, how two versions are compared, and what `kaizen
// indicators show` and `history` print. Profile overrides are "override.NAME".
std::vector<std::pair<std::string, std::string>> DefinitionFields(const Indicator& definition);

// "2024-06-03T09:12:00Z": how the workspace writes a Change's time.
std::string FormatChangeTime(std::chrono::system_clock::time_point at);

}  // namespace kaizen

#endif  // KAIZEN_WORKSPACE_H_
