// kaizen indicators (list, show, history) and kaizen history (of a point or an indicator): what
// the workspace holds and how it came to hold it.
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "cli/workspace_options.h"

namespace kaizen::cli {
namespace {

std::string ListIndicators(const std::vector<IndicatorVersion>& versions) {
  Table table({"indicator", "name", "chart", "direction", "version", "changed by", "changed at"});
  for (const IndicatorVersion& v : versions) {
    table.AddRow({v.definition.id, v.definition.name,
                  std::string(ChartTypeName(v.definition.chart)),
                  std::string(DirectionName(v.definition.direction)), std::to_string(v.version),
                  v.changed_by, v.changed_at});
  }
  return table.Render();
}

std::string ShowDefinition(const IndicatorVersion& v) {
  std::string out = v.definition.id + " version " + std::to_string(v.version) + " (by " +
                    v.changed_by + ", " + v.changed_at + ": " + v.reason + ")\n";
  for (const auto& [name, value] : DefinitionFields(v.definition)) {
    if (!value.empty()) out += "  " + name + ": " + value + "\n";
  }
  return out;
}

// Each version with who, when and why, and the fields it changed from the one before.
std::string DescribeVersions(const std::vector<IndicatorVersion>& versions) {
  std::string out;
  std::map<std::string, std::string> previous;
  for (const IndicatorVersion& v : versions) {
    out += "version " + std::to_string(v.version) + ", " + v.changed_at + ", by " + v.changed_by +
           ": " + v.reason + "\n";
    std::map<std::string, std::string> fields;
    for (const auto& [name, value] : DefinitionFields(v.definition)) fields[name] = value;
    for (const auto& [name, value] : fields) {
      auto before = previous.find(name);
      const std::string old = before == previous.end() ? "" : before->second;
      if (v.version == 1 && !value.empty()) {
        out += "  " + name + ": " + value + "\n";
      } else if (v.version > 1 && old != value) {
        out += "  " + name + ": " + (old.empty() ? "(none)" : old) + " -> " +
               (value.empty() ? "(none)" : value) + "\n";
      }
    }
    for (const auto& [name, value] : previous) {
      if (!fields.count(name)) out += "  " + name + ": " + value + " -> (none)\n";
    }
    previous = std::move(fields);
  }
  return out;
}

// "12.3 from import 1 (may.csv line 14, 2024-06-03T09:12:00Z, by jsmith), corrected to 12.9 in
// import 2 (june.csv line 15, ..., by J. Smith)": the point's story in one sentence. The line is
// left out when the reader did not know it.
std::string DescribePoint(const std::string& where, const std::vector<PointRevision>& revisions) {
  auto import_of = [](const PointRevision& r) {
    const std::string line = r.line > 0 ? " line " + std::to_string(r.line) : "";
    return "import " + std::to_string(r.import.id) + " (" + r.import.file_name + line + ", " +
           r.import.imported_at + ", by " + r.import.imported_by + ")";
  };
  std::string story =
      DescribePointValue(revisions.front().observation) + " from " + import_of(revisions.front());
  for (std::size_t i = 1; i < revisions.size(); ++i) {
    story += ", corrected to " + DescribePointValue(revisions[i].observation) + " in " +
             import_of(revisions[i]);
  }
  return where + ": " + story + "\n";
}

struct HistoryOptions {
  WorkspaceCliOptions workspace;
  std::string indicator, organisation, period;
  std::int64_t proposal = 0;
};

// A decision's story: what was proposed, by whom and why, and how it was decided.
std::string DescribeDecision(const Proposal& p) {
  std::string out = "proposal " + std::to_string(p.id) + ": " + DescribeProposal(p) +
                    "\n  proposed " + p.proposed_at + " by " + p.proposed_by + ": " + p.reason +
                    "\n";
  if (p.state == ProposalState::kPending) return out + "  pending\n";
  out += "  " + std::string(ProposalStateName(p.state)) +
         (p.decided_at.empty() ? "" : " " + p.decided_at) +
         (p.decided_by.empty() ? "" : " by " + p.decided_by) +
         (p.decision_comment.empty() ? "" : ": " + p.decision_comment) + "\n";
  return out;
}

int RunProposalHistory(Workspace* workspace, std::int64_t id) {
  auto proposals = workspace->Proposals(std::nullopt);
  if (!proposals.ok()) return ReportWorkspaceFailure(proposals.status());
  for (const Proposal& p : proposals.value()) {
    if (p.id == id) return WriteOutput("-", DescribeDecision(p));
  }
  std::cerr << "kaizen: " << workspace->Location() << ": no proposal " << id << "\n";
  return kExitBadInput;
}

int RunPointHistory(Workspace* workspace, const HistoryOptions& o) {
  auto period = Date::ParseIso(o.period);
  if (!period.ok()) {
    std::cerr << "--period: " << period.status().message() << "\n";
    return kExitBadInput;
  }
  auto revisions = workspace->PointHistory(o.indicator, o.organisation, period.value());
  if (!revisions.ok()) return ReportWorkspaceFailure(revisions.status());
  const std::string where =
      o.indicator + (o.organisation.empty() ? "" : " " + o.organisation) + " " + o.period;
  if (revisions->empty()) {
    std::cerr << "kaizen: " << where << ": no such point in " << o.workspace.db_path
              << " (check --indicator, --org and --period)\n";
    return kExitBadInput;
  }
  return WriteOutput("-", DescribePoint(where, revisions.value()));
}

int RunHistory(const HistoryOptions& o) {
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(o.workspace, WorkspaceAccess::kRead, &exit_code);
  if (!workspace) return exit_code;
  if (o.proposal != 0) return RunProposalHistory(workspace.get(), o.proposal);
  if (o.indicator.empty()) {
    std::cerr << "give --indicator ID (with --period for a point) or --proposal N\n";
    return kExitBadInput;
  }
  if (!o.period.empty()) return RunPointHistory(workspace.get(), o);
  auto versions = workspace->IndicatorHistory(o.indicator);
  if (!versions.ok()) return ReportWorkspaceFailure(versions.status());
  return WriteOutput("-", DescribeVersions(versions.value()));
}

// Adds `name ID --db W`, reading the indicator's versions and printing `describe`'s text.
void AddIndicatorSubcommand(CLI::App* parent, const char* name, const char* help, int* exit_code,
                            std::string (*describe)(const std::vector<IndicatorVersion>&)) {
  auto* cmd = parent->add_subcommand(name, help);
  auto o = std::make_shared<HistoryOptions>();
  cmd->add_option("ID", o->indicator, "the indicator id")->required();
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kRead);
  cmd->callback([o, exit_code, describe] {
    auto workspace = OpenForCommand(o->workspace, WorkspaceAccess::kRead, exit_code);
    if (!workspace) return;
    auto versions = workspace->IndicatorHistory(o->indicator);
    *exit_code = versions.ok() ? WriteOutput("-", describe(versions.value()))
                               : ReportWorkspaceFailure(versions.status());
  });
}

std::string ShowLatest(const std::vector<IndicatorVersion>& versions) {
  return ShowDefinition(versions.back());
}

}  // namespace

void AddIndicatorsCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("indicators", "the workspace's indicators and their versions");
  cmd->require_subcommand(1);
  auto* list = cmd->add_subcommand("list", "every indicator with the version in force");
  auto o = std::make_shared<WorkspaceCliOptions>();
  AddWorkspaceOptions(list, o.get(), WorkspaceAccess::kRead);
  list->callback([o, exit_code] {
    auto workspace = OpenForCommand(*o, WorkspaceAccess::kRead, exit_code);
    if (!workspace) return;
    auto versions = workspace->Indicators();
    *exit_code = versions.ok() ? WriteOutput("-", ListIndicators(versions.value()))
                               : ReportWorkspaceFailure(versions.status());
  });
  AddIndicatorSubcommand(cmd, "show", "the definition in force", exit_code, ShowLatest);
  AddIndicatorSubcommand(cmd, "history", "every version: who, when, why and what changed",
                         exit_code, DescribeVersions);
}

void AddHistoryCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "history",
      "how a point (--period), an indicator's definition or a decision came to be what it is");
  auto o = std::make_shared<HistoryOptions>();
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kRead);
  cmd->add_option("--indicator", o->indicator, "the indicator id");
  cmd->add_option("--proposal", o->proposal, "a proposal's id: how it was proposed and decided");
  cmd->add_option("--org", o->organisation, "the organisation (of a point)");
  cmd->add_option("--period", o->period, "the point's period (YYYY-MM-DD): its revisions");
  cmd->callback([o, exit_code] { *exit_code = RunHistory(*o); });
}

}  // namespace kaizen::cli
