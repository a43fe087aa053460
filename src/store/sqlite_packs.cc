// Frozen board packs: a report stored exactly as rendered, with its sha256 and the high-water
// marks of what it saw (docs/workspace.md, "Frozen packs"). The schema's triggers refuse any
// UPDATE or DELETE of a pack, so once Freeze commits the pack is as the board saw it.
#include <string>
#include <vector>

#include "store/sqlite_workspace.h"

namespace kaizen::store {
namespace {

// The largest value of `sql`'s single column, 0 for an empty table.
Result<std::int64_t> MaxOrZero(const Db& db, const char* sql) {
  auto select = Statement::Prepare(db, sql);
  if (!select.ok()) return select.status();
  auto row = select->Step();
  if (!row.ok()) return row.status();
  return row.value() ? select->Int(0) : std::int64_t{0};
}

// The audit entry of a freeze: what identifies the pack, not its (large) content.
std::string DescribePack(const FrozenPack& pack) {
  return "title=" + pack.title + "\nsha256=" + pack.sha256 +
         "\nhtml_bytes=" + std::to_string(pack.html.size()) +
         "\npdf_bytes=" + std::to_string(pack.pdf.size()) +
         "\nlast_import_id=" + std::to_string(pack.last_import_id) +
         "\nlast_audit_seq=" + std::to_string(pack.last_audit_seq) + "\n";
}

// A BLOB column is NOT NULL and sqlite3_bind_blob binds NULL for a null pointer, which an empty
// std::string_view may carry: bind empty content from a literal instead.
std::string_view NonNullBytes(const std::string& bytes) {
  return bytes.empty() ? std::string_view("", 0) : std::string_view(bytes);
}

Result<std::int64_t> InsertPack(const Db& db, const FrozenPack& pack) {
  auto insert = Statement::Prepare(
      db,
      "INSERT INTO packs (title, frozen_by, frozen_at, html, pdf, sha256, last_import_id, "
      "last_audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, pack.title).Bind(2, pack.frozen_by).Bind(3, pack.frozen_at);
  insert->BindBlob(4, NonNullBytes(pack.html)).BindBlob(5, NonNullBytes(pack.pdf));
  insert->Bind(6, pack.sha256).Bind(7, pack.last_import_id).Bind(8, pack.last_audit_seq);
  auto row = insert->Step();
  if (!row.ok()) return row.status();
  const std::int64_t id = insert->Int(0);
  insert->Reset();
  return id;
}

constexpr const char* kPackColumns =
    "id, title, frozen_by, frozen_at, sha256, last_import_id, last_audit_seq";

// Reads kPackColumns from `row`, without the content.
FrozenPack ReadPackHeader(const Statement& row) {
  FrozenPack pack;
  pack.id = row.Int(0);
  pack.title = row.Text(1);
  pack.frozen_by = row.Text(2);
  pack.frozen_at = row.Text(3);
  pack.sha256 = row.Text(4);
  pack.last_import_id = row.Int(5);
  pack.last_audit_seq = row.Int(6);
  return pack;
}

}  // namespace

// last_audit_seq is the seq of the pack's own "freeze" entry, written in the same transaction:
// the pack's mark then covers its own record, so a log cut back to before the freeze is caught
// by VerifyAudit (the log is shorter than a pack's mark).
Result<std::int64_t> SqliteWorkspace::Freeze(const Change& change, const FrozenPack& pack) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  if (pack.title.empty()) return Status::InvalidArgument("a frozen pack needs a title");
  if (pack.html.empty()) return Status::InvalidArgument("a frozen pack needs its HTML report");
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  FrozenPack stored{.title = pack.title,
                    .frozen_by = change.user,
                    .frozen_at = FormatChangeTime(change.at),
                    .html = pack.html,
                    .pdf = pack.pdf,
                    .sha256 = Sha256Hex(pack.html + pack.pdf)};
  auto last_import = MaxOrZero(db_, "SELECT coalesce(max(id), 0) FROM imports");
  if (!last_import.ok()) return last_import.status();
  auto last_seq = MaxOrZero(db_, "SELECT coalesce(max(seq), 0) FROM audit_log");
  if (!last_seq.ok()) return last_seq.status();
  stored.last_import_id = last_import.value();
  // Under the write lock nobody else appends, so AppendAudit below writes exactly this seq.
  stored.last_audit_seq = last_seq.value() + 1;
  auto id = InsertPack(db_, stored);
  if (!id.ok()) return id.status();
  Status audited = AppendAudit(db_, change,
                               {.action = "freeze",
                                .subject = "pack " + std::to_string(id.value()),
                                .before = "",
                                .after = DescribePack(stored)});
  if (!audited.ok()) return audited;
  if (Status status = transaction.Commit(); !status.ok()) return status;
  return id.value();
}

Result<std::vector<FrozenPack>> SqliteWorkspace::Packs() {
  auto select =
      Statement::Prepare(db_, "SELECT " + std::string(kPackColumns) + " FROM packs ORDER BY id");
  if (!select.ok()) return select.status();
  std::vector<FrozenPack> packs;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    packs.push_back(ReadPackHeader(select.value()));
  }
  return packs;
}

Result<FrozenPack> SqliteWorkspace::Pack(std::int64_t id) {
  auto select = Statement::Prepare(
      db_, "SELECT " + std::string(kPackColumns) + ", html, pdf FROM packs WHERE id = ?");
  if (!select.ok()) return select.status();
  select->Bind(1, id);
  auto row = select->Step();
  if (!row.ok()) return row.status();
  if (!row.value()) {
    return Status::NotFound(db_.path + ": no frozen pack " + std::to_string(id));
  }
  FrozenPack pack = ReadPackHeader(select.value());
  pack.html = select->Text(7);
  pack.pdf = select->Text(8);
  return pack;
}

}  // namespace kaizen::store
