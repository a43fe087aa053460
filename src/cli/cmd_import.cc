// kaizen init and kaizen import: making a workspace, and bringing a data file (and its
// catalogue) into it as one import (docs/workspace.md, "Import").
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "cli/workspace_options.h"
#include "kaizen/app_workspace.h"

namespace kaizen::cli {
namespace {

// An existing workspace of an older schema is upgraded (opening it for writing migrates it);
// a current one is left alone with AlreadyExists.
int InitialiseOrUpgrade(const std::string& path) {
  auto created = OpenWorkspace(path, WorkspaceMode::kCreate);
  if (created.ok()) {
    std::cout << path << ": new workspace (schema version " << created.value()->SchemaVersion()
              << ")\n";
    return kExitOk;
  }
  if (created.status().code() != StatusCode::kAlreadyExists) {
    return ReportWorkspaceFailure(created.status());
  }
  auto before = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  if (before.ok()) {
    std::cerr << "kaizen: " << path << ": already a kaizen workspace (schema version "
              << before.value()->SchemaVersion() << "); nothing to do\n";
    return kExitBadInput;
  }
  if (before.status().code() != StatusCode::kFailedPrecondition ||
      before.status().message().find("older") == std::string::npos) {
    return ReportWorkspaceFailure(before.status());
  }
  auto upgraded = OpenWorkspace(path, WorkspaceMode::kOpen);
  if (!upgraded.ok()) return ReportWorkspaceFailure(upgraded.status());
  std::cout << path << ": upgraded to schema version " << upgraded.value()->SchemaVersion() << "\n";
  return kExitOk;
}

std::string ShortHash(const std::string& sha256) { return sha256.substr(0, 12); }

// What the import did, per indicator, or why nothing changed.
std::string DescribeImport(const std::string& db, const std::string& file,
                           const app::ImportResult& result) {
  const ImportOutcome& outcome = result.outcome;
  if (outcome.changed_nothing()) {
    std::string out = file + ": nothing changed in " + db;
    if (outcome.same_as_import != 0) {
      out += ": already imported (import " + std::to_string(outcome.same_as_import) +
             ", the same sha256 " + ShortHash(result.sha256) + ")";
    } else {
      out += ": every value equals the workspace's";
    }
    return out + "\n";
  }
  std::string out = file + ": imported into " + db;
  out += outcome.import_id != 0 ? " as import " + std::to_string(outcome.import_id) : "";
  out += " (sha256 " + ShortHash(result.sha256) + ", " + std::to_string(result.summary.rows_read) +
         " rows";
  if (result.summary.rows_skipped)
    out += ", " + std::to_string(result.summary.rows_skipped) + " skipped";
  out += ")\n";
  if (outcome.indicators_defined || outcome.decisions_recorded) {
    out += std::to_string(outcome.indicators_defined) +
           " indicator definition(s) new or changed, " +
           std::to_string(outcome.decisions_recorded) + " catalogue decision(s) recorded\n";
  }
  if (outcome.comments_recorded) {
    out += std::to_string(outcome.comments_recorded) + " comment(s) of the data kept as facts\n";
  }
  Table table({"indicator", "added", "corrected", "unchanged"});
  for (const ImportedIndicator& i : outcome.indicators) {
    table.AddRow({i.indicator_id, std::to_string(i.added), std::to_string(i.corrected),
                  std::to_string(i.unchanged)});
  }
  return out + "\n" + table.Render();
}

struct ImportOptions {
  DataOptions data;
  WorkspaceCliOptions workspace;
};

int RunImport(const ImportOptions& o) {
  if (o.data.data_path.empty()) {
    std::cerr << "DATA: give the data file to import\n";
    return kExitBadInput;
  }
  Inputs inputs;
  if (int code = PrepareReading(o.data, &inputs); code != kExitOk) return code;
  int exit_code = kExitOk;
  std::unique_ptr<Workspace> workspace =
      OpenForCommand(o.workspace, WorkspaceAccess::kChange, &exit_code);
  if (!workspace) return exit_code;
  app::ImportRequest request{.series = RequestFor(o.data, inputs),
                             .change = ChangeFor(o.workspace)};
  if (request.change.reason.empty()) request.change.reason = "import of " + o.data.data_path;
  app::JobDiagnostics d;
  auto imported = app::ImportFile(o.data.data_path, request, workspace.get(), &d);
  PrintJobDiagnostics(d);
  if (!imported.ok()) {
    if (d.failure_in_diagnostics) return ReportJobFailure(imported.status(), d);
    const Status& failure = imported.status();
    return ReportWorkspaceFailure(
        Status(failure.code(), failure.message() + "; nothing was imported"));
  }
  return WriteOutput("-", DescribeImport(o.workspace.db_path, o.data.data_path, *imported));
}

}  // namespace

void AddInitCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "init", "make a new workspace file (or upgrade an older workspace to this kaizen)");
  auto path = std::make_shared<std::string>();
  cmd->add_option("--db", *path, "the workspace file to make")->required();
  cmd->callback([path, exit_code] { *exit_code = InitialiseOrUpgrade(*path); });
}

void AddImportCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "import", "bring a data file (and its catalogue) into a workspace, as one transaction");
  auto o = std::make_shared<ImportOptions>();
  AddDataOptions(cmd, &o->data, "i");
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kChange);
  cmd->callback([o, exit_code] { *exit_code = RunImport(*o); });
}

}  // namespace kaizen::cli
