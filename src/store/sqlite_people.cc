// Organisations and users: who the workspace's data is about and who may read or change it.
// Each change is one transaction with its audit entry; an organisation or user is replaced
// whole (an upsert), its earlier state kept in the audit entry's `before`.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite_workspace.h"

namespace kaizen::store {
namespace {

constexpr std::array<std::string_view, 5> kOrganisationKinds = {"trust", "provider", "council",
                                                                "partnership", "service"};
constexpr std::array<std::string_view, 4> kRoles = {"viewer", "editor", "approver", "admin"};

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

template <std::size_t N>
std::string Expected(const std::array<std::string_view, N>& names) {
  std::string text;
  for (std::size_t i = 0; i < N; ++i) {
    text += (i ? (i + 1 == N ? " or " : ", ") : "") + std::string(names[i]);
  }
  return text;
}

std::string DescribeOrganisation(const Organisation& o) {
  return "code=" + o.code + "\nname=" + o.name + "\nkind=" + o.kind + "\nparent=" + o.parent + "\n";
}

std::string DescribeUser(const User& u) {
  std::string organisations;
  for (const std::string& org : u.organisations) {
    organisations += (organisations.empty() ? "" : ",") + org;
  }
  return "name=" + u.name + "\ndisplay_name=" + u.display_name + "\nrole=" + u.role +
         "\norganisations=" + organisations + "\n";
}

Result<std::vector<Organisation>> ReadOrganisations(const Db& db, const std::string& code) {
  auto select =
      Statement::Prepare(db, std::string("SELECT code, name, kind, parent FROM organisations ") +
                                 (code.empty() ? "ORDER BY code" : "WHERE code = ?"));
  if (!select.ok()) return select.status();
  if (!code.empty()) select->Bind(1, code);
  std::vector<Organisation> organisations;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    organisations.push_back({select->Text(0), select->Text(1), select->Text(2), select->Text(3)});
  }
  return organisations;
}

Status CheckOrganisation(const Db& db, const Organisation& o) {
  if (o.code.empty()) return Status::InvalidArgument("an organisation needs a code");
  if (!OneOf(kOrganisationKinds, o.kind)) {
    return Status::InvalidArgument("organisation " + o.code + ": unknown kind '" + o.kind +
                                   "' (expected " + Expected(kOrganisationKinds) + ")");
  }
  if (o.parent.empty()) return Status::Ok();
  if (o.parent == o.code) {
    return Status::InvalidArgument("organisation " + o.code + " cannot be its own parent");
  }
  auto parent = ReadOrganisations(db, o.parent);
  if (!parent.ok()) return parent.status();
  if (parent->empty()) {
    return Status::InvalidArgument("organisation " + o.code + ": parent '" + o.parent +
                                   "' is not in the workspace (add it first)");
  }
  return Status::Ok();
}

// The user `name` with their organisations, or an empty name when there is none.
Result<User> ReadUser(const Db& db, const std::string& name) {
  auto select = Statement::Prepare(db, "SELECT name, display_name, role FROM users WHERE name = ?");
  if (!select.ok()) return select.status();
  select->Bind(1, name);
  auto row = select->Step();
  if (!row.ok()) return row.status();
  User user;
  if (!row.value()) return user;
  user = {select->Text(0), select->Text(1), select->Text(2), {}};
  auto orgs = Statement::Prepare(
      db, "SELECT organisation FROM user_organisations WHERE user_name = ? ORDER BY organisation");
  if (!orgs.ok()) return orgs.status();
  orgs->Bind(1, name);
  for (;;) {
    auto org = orgs->Step();
    if (!org.ok()) return org.status();
    if (!org.value()) break;
    user.organisations.push_back(orgs->Text(0));
  }
  return user;
}

Status WriteUserOrganisations(const Db& db, const User& user) {
  auto clear = Statement::Prepare(db, "DELETE FROM user_organisations WHERE user_name = ?");
  if (!clear.ok()) return clear.status();
  clear->Bind(1, user.name);
  if (Status status = clear->Run(); !status.ok()) return status;
  auto insert = Statement::Prepare(
      db, "INSERT OR IGNORE INTO user_organisations (user_name, organisation) VALUES (?, ?)");
  if (!insert.ok()) return insert.status();
  for (const std::string& org : user.organisations) {
    insert->Bind(1, user.name).Bind(2, org);
    if (Status status = insert->Run(); !status.ok()) return status;
    insert->Reset();
  }
  return Status::Ok();
}

}  // namespace

Status SqliteWorkspace::PutOrganisation(const Change& change, const Organisation& organisation) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  if (Status status = CheckOrganisation(db_, organisation); !status.ok()) return status;
  auto existing = ReadOrganisations(db_, organisation.code);
  if (!existing.ok()) return existing.status();
  const std::string before = existing->empty() ? "" : DescribeOrganisation(existing->front());
  const std::string after = DescribeOrganisation(organisation);
  if (before == after) return Status::Ok();  // nothing changes: nothing to record
  auto upsert = Statement::Prepare(
      db_,
      "INSERT INTO organisations (code, name, kind, parent) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
      "parent = excluded.parent");
  if (!upsert.ok()) return upsert.status();
  upsert->Bind(1, organisation.code).Bind(2, organisation.name).Bind(3, organisation.kind);
  upsert->BindTextOrNull(4, organisation.parent);
  if (Status status = upsert->Run(); !status.ok()) return status;
  Status audited = AppendAudit(db_, change,
                               {.action = "put_organisation",
                                .subject = "organisation " + organisation.code,
                                .before = before,
                                .after = after});
  if (!audited.ok()) return audited;
  return transaction.Commit();
}

Result<std::vector<Organisation>> SqliteWorkspace::Organisations() {
  return ReadOrganisations(db_, "");
}

namespace {

// Writes `wanted` over `existing` (an empty name: none) with its audit entry, inside the
// caller's transaction, so that reading the user and changing them is one step.
Status WriteUser(const Db& db, const Change& change, const User& existing, User wanted) {
  std::sort(wanted.organisations.begin(), wanted.organisations.end());
  wanted.organisations.erase(std::unique(wanted.organisations.begin(), wanted.organisations.end()),
                             wanted.organisations.end());
  const std::string before = existing.name.empty() ? "" : DescribeUser(existing);
  const std::string after = DescribeUser(wanted);
  if (before == after) return Status::Ok();  // nothing changes: nothing to record
  auto upsert =
      Statement::Prepare(db,
                         "INSERT INTO users (name, display_name, role) VALUES (?, ?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET display_name = excluded.display_name, "
                         "role = excluded.role");
  if (!upsert.ok()) return upsert.status();
  upsert->Bind(1, wanted.name).Bind(2, wanted.display_name).Bind(3, wanted.role);
  if (Status status = upsert->Run(); !status.ok()) return status;
  if (Status status = WriteUserOrganisations(db, wanted); !status.ok()) return status;
  return AppendAudit(
      db, change,
      {.action = "put_user", .subject = "user " + wanted.name, .before = before, .after = after});
}

Status CheckRole(const std::string& name, const std::string& role) {
  if (OneOf(kRoles, role)) return Status::Ok();
  return Status::InvalidArgument("user " + name + ": unknown role '" + role + "' (expected " +
                                 Expected(kRoles) + ")");
}

}  // namespace

Status SqliteWorkspace::PutUser(const Change& change, const User& user) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  if (user.name.empty()) return Status::InvalidArgument("a user needs a name");
  if (Status status = CheckRole(user.name, user.role); !status.ok()) return status;
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  auto existing = ReadUser(db_, user.name);
  if (!existing.ok()) return existing.status();
  if (Status status = WriteUser(db_, change, existing.value(), user); !status.ok()) return status;
  return transaction.Commit();
}

Status SqliteWorkspace::SetUserRole(const Change& change, const std::string& name,
                                    const std::string& role) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  if (Status status = CheckRole(name, role); !status.ok()) return status;
  // The read and the write are one transaction: a concurrent change to the user's name or
  // organisations cannot be overwritten by the copy read here.
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  auto existing = ReadUser(db_, name);
  if (!existing.ok()) return existing.status();
  if (existing->name.empty()) return Status::NotFound(db_.path + ": no user '" + name + "'");
  User wanted = existing.value();
  wanted.role = role;
  if (Status status = WriteUser(db_, change, existing.value(), wanted); !status.ok()) {
    return status;
  }
  return transaction.Commit();
}

Status SqliteWorkspace::RemoveUser(const Change& change, const std::string& name) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  auto existing = ReadUser(db_, name);
  if (!existing.ok()) return existing.status();
  if (existing->name.empty()) return Status::NotFound(db_.path + ": no user '" + name + "'");
  // user_organisations rows go with the user (ON DELETE CASCADE).
  auto remove = Statement::Prepare(db_, "DELETE FROM users WHERE name = ?");
  if (!remove.ok()) return remove.status();
  remove->Bind(1, name);
  if (Status status = remove->Run(); !status.ok()) return status;
  Status audited = AppendAudit(db_, change,
                               {.action = "remove_user",
                                .subject = "user " + name,
                                .before = DescribeUser(existing.value()),
                                .after = ""});
  if (!audited.ok()) return audited;
  return transaction.Commit();
}

Result<std::vector<User>> SqliteWorkspace::Users() {
  auto names = Statement::Prepare(db_, "SELECT name FROM users ORDER BY name");
  if (!names.ok()) return names.status();
  std::vector<User> users;
  for (;;) {
    auto row = names->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    auto user = ReadUser(db_, names->Text(0));
    if (!user.ok()) return user.status();
    users.push_back(std::move(user).value());
  }
  return users;
}

}  // namespace kaizen::store
