// kaizen audit list | verify: the workspace's append-only audit log, and the check of its hash
// chain (docs/workspace.md, "The audit log").
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "cli/workspace_options.h"
#include "kaizen/audit_export.h"

namespace kaizen::cli {
namespace {

struct AuditListOptions {
  WorkspaceCliOptions workspace;
  std::string format = "table";
  std::int64_t limit = 0;  // 0: every entry
};

int ListAudit(const AuditListOptions& o) {
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(o.workspace, WorkspaceAccess::kRead, &exit_code);
  if (!workspace) return exit_code;
  auto log = workspace->AuditLog();
  if (!log.ok()) return ReportWorkspaceFailure(log.status());
  std::vector<AuditEntry>& entries = log.value();
  // The most recent `limit` entries, still oldest first, as a log is read.
  if (o.limit > 0 && entries.size() > static_cast<std::size_t>(o.limit)) {
    entries.erase(entries.begin(), entries.end() - o.limit);
  }
  if (o.format == "json") return WriteOutput("-", AuditLogToJson(entries));
  Table table({"seq", "at", "user", "action", "subject"});
  for (const AuditEntry& e : entries) {
    table.AddRow({std::to_string(e.seq), e.at, e.user, e.action, e.subject});
  }
  return WriteOutput("-", table.Render());
}

// Exit 0 with the count and the last hash (worth noting outside the workspace: a log rewritten
// from some entry on, hashes and all, is only caught against a hash kept elsewhere); exit 2
// naming the first bad entry.
int VerifyAudit(const WorkspaceCliOptions& options) {
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(options, WorkspaceAccess::kRead, &exit_code);
  if (!workspace) return exit_code;
  auto verdict = workspace->VerifyAudit();
  if (!verdict.ok()) return ReportWorkspaceFailure(verdict.status());
  if (!verdict->ok()) {
    std::cerr << "kaizen: " << options.db_path << ": audit log tampered with: entry "
              << verdict->first_bad << " fails: " << verdict->problem << "\n";
    return kExitBadInput;
  }
  std::string text = "audit log: " + std::to_string(verdict->entries) + " entries, chain intact\n";
  auto log = workspace->AuditLog();
  if (!log.ok()) return ReportWorkspaceFailure(log.status());
  if (!log->empty()) {
    text += "last entry " + std::to_string(log->back().seq) + ": " + log->back().hash + "\n";
  }
  return WriteOutput("-", text);
}

}  // namespace

void AddAuditCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("audit", "the workspace's audit log: list it, verify its chain");
  cmd->require_subcommand(1);

  auto* list = cmd->add_subcommand("list", "every change: who, when, what (oldest first)");
  auto lo = std::make_shared<AuditListOptions>();
  AddWorkspaceOptions(list, &lo->workspace, WorkspaceAccess::kRead);
  list->add_option("--format", lo->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  list->add_option("--limit", lo->limit, "only the most recent N entries")
      ->check(CLI::NonNegativeNumber);
  list->callback([lo, exit_code] { *exit_code = ListAudit(*lo); });

  auto* verify = cmd->add_subcommand(
      "verify", "recompute the hash chain: exit 0 when intact, 2 naming the first bad entry");
  auto vo = std::make_shared<WorkspaceCliOptions>();
  AddWorkspaceOptions(verify, vo.get(), WorkspaceAccess::kRead);
  verify->callback([vo, exit_code] { *exit_code = VerifyAudit(*vo); });
}

}  // namespace kaizen::cli
