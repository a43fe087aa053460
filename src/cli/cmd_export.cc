// kaizen export --db W: the workspace's observations, their history, the decisions, the
// commentary and the audit log as CSV, JSON or an .xlsx workbook, for people and programs that
// do not read the workspace file (docs/workspace.md, "Export"; the JSON schema in docs/api.md).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/workspace_options.h"
#include "kaizen/workspace.h"
#include "kaizen/workspace_tables.h"

namespace kaizen::cli {
namespace {

struct ExportOptions {
  WorkspaceCliOptions workspace;
  std::string what = "observations";
  std::string format;  // "" : by the extension of -o, else csv
  std::string output = "-";
};

// --format, else the extension of -o, else csv.
std::string FormatFor(const ExportOptions& o) {
  if (!o.format.empty()) return o.format;
  if (EndsWith(o.output, ".json")) return "json";
  if (EndsWith(o.output, ".xlsx")) return "xlsx";
  return "csv";
}

// The tables --what names, checked against the format before the workspace is opened. Returns
// kExitOk or the bad-option exit code with its message printed.
int TablesFor(const ExportOptions& o, const std::string& format,
              std::vector<WorkspaceTableKind>* kinds) {
  if (o.what == "all") {
    if (format == "csv") {
      std::cerr << "kaizen: --what all: a CSV file holds one table; export one table at a time "
                   "(--what observations|history|decisions|commentary|audit) or use "
                   "--format json or xlsx\n";
      return kExitBadInput;
    }
    *kinds = AllWorkspaceTableKinds();
    return kExitOk;
  }
  auto kind = ParseWorkspaceTableKind(o.what);
  if (!kind.ok()) {
    std::cerr << "kaizen: --what: " << kind.status().message() << "\n";
    return kExitBadInput;
  }
  *kinds = {kind.value()};
  return kExitOk;
}

// The bytes of the export in `format`, or the exit code of the failure (printed).
int Render(const std::vector<WorkspaceTable>& tables, const std::string& format,
           std::string* bytes) {
  if (format == "json") {
    *bytes = WorkspaceTablesToJson(tables);
  } else if (format == "xlsx") {
    auto workbook = WorkspaceTablesToXlsx(tables);
    if (!workbook.ok()) {
      std::cerr << "kaizen: " << workbook.status().message() << "\n";
      return ExitCodeFor(workbook.status(), FailedWhile::kWritingOutput);
    }
    *bytes = std::move(workbook).value();
  } else {
    *bytes = WorkspaceTableToCsv(tables.front());
  }
  return kExitOk;
}

int RunExport(const ExportOptions& o) {
  const std::string format = FormatFor(o);
  std::vector<WorkspaceTableKind> kinds;
  if (int code = TablesFor(o, format, &kinds); code != kExitOk) return code;
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(o.workspace, WorkspaceAccess::kRead, &exit_code);
  if (!workspace) return exit_code;
  std::vector<WorkspaceTable> tables;
  for (WorkspaceTableKind kind : kinds) {
    auto table = ReadWorkspaceTable(workspace.get(), kind);
    if (!table.ok()) return ReportWorkspaceFailure(table.status());
    tables.push_back(std::move(table).value());
  }
  std::string bytes;
  if (int code = Render(tables, format, &bytes); code != kExitOk) return code;
  if (int code = WriteOutput(o.output, bytes); code != kExitOk) return code;
  // What went where, when it did not go to standard output (which holds the export itself).
  if (o.output != "-") {
    for (const WorkspaceTable& t : tables) {
      std::cerr << o.output << ": " << t.name << ": " << t.rows.size() << " rows\n";
    }
  }
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "export", "write the workspace's observations, history, decisions, commentary or audit log");
  auto o = std::make_shared<ExportOptions>();
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kRead);
  cmd->add_option("--what", o->what,
                  "observations (default), history, decisions, commentary, audit or all")
      ->check(
          CLI::IsMember({"observations", "history", "decisions", "commentary", "audit", "all"}));
  cmd->add_option("--format", o->format, "csv, json or xlsx (default: by the extension of -o)")
      ->check(CLI::IsMember({"csv", "json", "xlsx"}));
  cmd->add_option("-o,--output", o->output, "the file to write ('-' or none: standard output)");
  cmd->callback([o, exit_code] { *exit_code = RunExport(*o); });
}

}  // namespace kaizen::cli
