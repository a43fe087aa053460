// kaizen freeze, kaizen packs list | open: board packs stored exactly as rendered and never
// altered (docs/workspace.md, "Frozen packs").
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "cli/workspace_options.h"
#include "kaizen/app_workspace.h"
#include "kaizen/audit_export.h"

namespace kaizen::cli {
namespace {

struct FreezeOptions {
  WorkspaceCliOptions workspace;
  std::string title;
  std::string as_of;
  bool pdf = false;
};

int Freeze(const FreezeOptions& o) {
  DataOptions dates;
  dates.as_of = o.as_of;
  Result<Date> as_of = AsOf(dates);
  if (!as_of.ok()) {
    std::cerr << as_of.status().message() << "\n";
    return kExitBadInput;
  }
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(o.workspace, WorkspaceAccess::kChange, &exit_code);
  if (!workspace) return exit_code;
  const app::FreezeRequest request{
      .title = o.title, .as_of = *as_of, .with_pdf = o.pdf, .change = ChangeFor(o.workspace)};
  app::JobDiagnostics d;
  Result<FrozenPack> pack = app::FreezeReport(workspace.get(), request, &d);
  PrintJobDiagnostics(d);
  if (!pack.ok()) return ReportWorkspaceFailure(pack.status());
  return WriteOutput("-", "frozen pack " + std::to_string(pack->id) + ": " + pack->title +
                              " (sha256 " + pack->sha256 + ")\n");
}

struct PacksListOptions {
  WorkspaceCliOptions workspace;
  std::string format = "table";
};

int ListPacks(const PacksListOptions& o) {
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(o.workspace, WorkspaceAccess::kRead, &exit_code);
  if (!workspace) return exit_code;
  auto packs = workspace->Packs();
  if (!packs.ok()) return ReportWorkspaceFailure(packs.status());
  if (o.format == "json") return WriteOutput("-", PacksToJson(*packs));
  Table table({"id", "title", "frozen_by", "frozen_at", "last_import", "last_audit", "sha256"});
  for (const FrozenPack& p : *packs) {
    table.AddRow({std::to_string(p.id), p.title, p.frozen_by, p.frozen_at,
                  std::to_string(p.last_import_id), std::to_string(p.last_audit_seq), p.sha256});
  }
  return WriteOutput("-", table.Render());
}

struct PacksOpenOptions {
  WorkspaceCliOptions workspace;
  std::int64_t id = 0;
  std::string output;
};

// Writes the pack's HTML or PDF (by -o's extension) exactly as stored, after checking the bytes
// still match the sha256 recorded when it was frozen.
int OpenPack(const PacksOpenOptions& o) {
  const bool pdf = EndsWith(o.output, ".pdf");
  if (!pdf && !EndsWith(o.output, ".html") && !EndsWith(o.output, ".htm") && o.output != "-") {
    std::cerr << "-o: '" << o.output << "' must end in .html or .pdf (or be - for the HTML)\n";
    return kExitBadInput;
  }
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(o.workspace, WorkspaceAccess::kRead, &exit_code);
  if (!workspace) return exit_code;
  auto pack = workspace->Pack(o.id);
  if (!pack.ok()) return ReportWorkspaceFailure(pack.status());
  if (Sha256Hex(pack->html + pack->pdf) != pack->sha256) {
    std::cerr << "kaizen: " << o.workspace.db_path << ": pack " << o.id
              << "'s content no longer matches the sha256 recorded when it was frozen\n";
    return kExitBadInput;
  }
  if (pdf && pack->pdf.empty()) {
    std::cerr << "kaizen: pack " << o.id << " was frozen without a PDF (kaizen freeze --pdf)\n";
    return kExitBadInput;
  }
  if ((exit_code = WriteOutput(o.output, pdf ? pack->pdf : pack->html)) != kExitOk) {
    return exit_code;
  }
  std::cerr << "kaizen: wrote " << o.output << " (pack " << o.id << ", " << pack->title << ")\n";
  return kExitOk;
}

}  // namespace

void AddFreezeCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "freeze", "store the board report from the workspace as a pack that never changes");
  auto o = std::make_shared<FreezeOptions>();
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kChange);
  cmd->add_option("--title", o->title, "the pack's title, e.g. \"Board, May 2024\"")->required();
  cmd->add_option("--as-of", o->as_of, "the report's date for the stale flag (YYYY-MM-DD)");
  cmd->add_flag("--pdf", o->pdf, "store the PDF as well as the HTML");
  cmd->callback([o, exit_code] { *exit_code = Freeze(*o); });
}

void AddPacksCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("packs", "the frozen board packs: list them, open one");
  cmd->require_subcommand(1);

  auto* list = cmd->add_subcommand("list", "every frozen pack, oldest first");
  auto lo = std::make_shared<PacksListOptions>();
  AddWorkspaceOptions(list, &lo->workspace, WorkspaceAccess::kRead);
  list->add_option("--format", lo->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  list->callback([lo, exit_code] { *exit_code = ListPacks(*lo); });

  auto* open = cmd->add_subcommand("open", "write a pack's HTML or PDF exactly as frozen");
  auto oo = std::make_shared<PacksOpenOptions>();
  open->add_option("id", oo->id, "the pack's id (kaizen packs list)")->required();
  AddWorkspaceOptions(open, &oo->workspace, WorkspaceAccess::kRead);
  open->add_option("-o,--output", oo->output, "FILE.html or FILE.pdf")->required();
  open->callback([oo, exit_code] { *exit_code = OpenPack(*oo); });
}

}  // namespace kaizen::cli
