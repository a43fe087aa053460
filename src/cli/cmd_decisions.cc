// kaizen propose / approve / reject / pending: governed decisions in a workspace. A rebase,
// ghost, target or baseline is proposed with a reason and changes no result until approved;
// a rejected one stays on record (docs/workspace.md, "Decisions, annotations and commentary").
#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "cli/workspace_options.h"
#include "kaizen/workspace.h"
#include "kaizen/workspace_export.h"

namespace kaizen::cli {
namespace {

struct ProposeOptions {
  WorkspaceCliOptions workspace;
  std::string kind, indicator, organisation, date, value, from, to;
  int first_n = 0;
};

// Prints "kaizen: <option>: <problem>" and returns the bad-option exit code.
int BadOption(const std::string& message) {
  std::cerr << "kaizen: " << message << "\n";
  return kExitBadInput;
}

// Parses an optional date option: nullopt when not given; false when it does not parse.
bool ParseDateOption(const std::string& option, const std::string& text, std::optional<Date>* out) {
  if (text.empty()) return true;
  auto date = Date::ParseIso(text);
  if (!date.ok()) {
    BadOption(option + ": " + date.status().message());
    return false;
  }
  *out = date.value();
  return true;
}

// The target value: a number, or "none" for a step that ends the target.
bool ParseTargetValue(const std::string& text, double* value) {
  if (text == "none") {
    *value = kMissing;
    return true;
  }
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  if (!text.empty() && end == text.c_str() + text.size() && std::isfinite(*value)) return true;
  BadOption("--value: '" + text + "' is not a number (or none, to end the target)");
  return false;
}

// Builds the proposal from the options, or returns the exit code of the first bad one.
int ProposalFrom(const ProposeOptions& o, Proposal* p) {
  auto kind = ParseProposalKind(o.kind);
  if (!kind.ok()) return BadOption(kind.status().message());
  p->kind = kind.value();
  p->indicator_id = o.indicator;
  p->organisation = o.organisation;
  p->reason = o.workspace.reason;
  std::optional<Date> date, from, to;
  if (!ParseDateOption("--date", o.date, &date) || !ParseDateOption("--from", o.from, &from) ||
      !ParseDateOption("--to", o.to, &to)) {
    return kExitBadInput;
  }
  const bool baseline = p->kind == ProposalKind::kBaseline;
  const bool target = p->kind == ProposalKind::kTarget;
  if (!baseline && !date) return BadOption("--date is required for a " + o.kind);
  if (!target && !o.value.empty()) return BadOption("--value is only for a target");
  if (target && o.value.empty()) return BadOption("--value is required for a target");
  if (target && !ParseTargetValue(o.value, &p->target)) return kExitBadInput;
  if (!baseline && (o.first_n != 0 || from || to)) {
    return BadOption("--first-n, --from and --to are only for a baseline");
  }
  if (baseline) {
    if (o.first_n < 0) return BadOption("--first-n must be a positive number of points");
    if (o.first_n == 0 && !from && !to) {
      return BadOption("a baseline needs --first-n N or --from D --to D");
    }
    if (o.first_n > 0 && (from || to)) {
      return BadOption("a baseline is either --first-n or --from/--to, not both");
    }
    p->baseline = {.first_n = o.first_n, .from = from, .to = to};
  }
  p->date = date ? *date : from.value_or(Date());
  return kExitOk;
}

void AddDecideCommand(CLI::App* app, int* exit_code, bool approve) {
  const std::string name = approve ? "approve" : "reject";
  auto* cmd = app->add_subcommand(name, approve ? "approve a pending proposal: it changes results"
                                                : "reject a pending proposal: it stays on record");
  struct Options {
    WorkspaceCliOptions workspace;
    std::int64_t id = 0;
  };
  auto options = std::make_shared<Options>();
  cmd->add_option("ID", options->id, "the proposal's number (kaizen pending)")->required();
  AddWorkspaceOptions(cmd, &options->workspace, WorkspaceAccess::kChange,
                      /*reason_required=*/true);
  cmd->callback([options, exit_code, approve] {
    auto workspace = OpenForCommand(options->workspace, WorkspaceAccess::kChange, exit_code);
    if (workspace == nullptr) return;
    const Change change = ChangeFor(options->workspace);
    Status decided = workspace->Decide(change, options->id, approve);
    if (!decided.ok()) {
      *exit_code = ReportWorkspaceFailure(decided);
      return;
    }
    std::cout << "proposal " << options->id << (approve ? " approved" : " rejected") << " by "
              << change.user << "\n";
    *exit_code = kExitOk;
  });
}

std::string PendingTable(const std::vector<Proposal>& proposals) {
  if (proposals.empty()) return "no pending proposals\n";
  Table table({"id", "proposal", "proposed by", "proposed at", "reason"});
  for (const Proposal& p : proposals) {
    table.AddRow(
        {std::to_string(p.id), DescribeProposal(p), p.proposed_by, p.proposed_at, p.reason});
  }
  return table.Render();
}

}  // namespace

void AddProposeCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "propose", "propose a rebase, ghost, target or baseline: pending until approved");
  auto options = std::make_shared<ProposeOptions>();
  cmd->add_option("KIND", options->kind, "rebase, ghost, target or baseline")
      ->required()
      ->check(CLI::IsMember({"rebase", "ghost", "target", "baseline"}));
  cmd->add_option("--indicator", options->indicator, "the indicator's id")->required();
  cmd->add_option("--org", options->organisation,
                  "the organisation it is for (default: every organisation)");
  cmd->add_option("--date", options->date,
                  "YYYY-MM-DD: the rebase or ghost's period, the target's first period");
  cmd->add_option("--value", options->value, "the target (target only; none ends the target)");
  cmd->add_option("--first-n", options->first_n, "baseline: the first N points of each segment");
  cmd->add_option("--from", options->from, "baseline: the first period of the range");
  cmd->add_option("--to", options->to, "baseline: the last period of the range");
  AddWorkspaceOptions(cmd, &options->workspace, WorkspaceAccess::kChange,
                      /*reason_required=*/true);
  cmd->callback([options, exit_code] {
    Proposal proposal;
    if ((*exit_code = ProposalFrom(*options, &proposal)) != kExitOk) return;
    auto workspace = OpenForCommand(options->workspace, WorkspaceAccess::kChange, exit_code);
    if (workspace == nullptr) return;
    auto id = workspace->Propose(ChangeFor(options->workspace), proposal);
    if (!id.ok()) {
      *exit_code = ReportWorkspaceFailure(id.status());
      return;
    }
    std::cout << "proposal " << id.value() << ": " << DescribeProposal(proposal) << " (pending)\n";
    *exit_code = kExitOk;
  });
}

void AddApproveCommand(CLI::App* app, int* exit_code) { AddDecideCommand(app, exit_code, true); }

void AddRejectCommand(CLI::App* app, int* exit_code) { AddDecideCommand(app, exit_code, false); }

void AddPendingCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("pending", "list the proposals waiting for a decision");
  struct Options {
    WorkspaceCliOptions workspace;
    std::string format = "table";
  };
  auto options = std::make_shared<Options>();
  AddWorkspaceOptions(cmd, &options->workspace, WorkspaceAccess::kRead);
  cmd->add_option("--format", options->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([options, exit_code] {
    auto workspace = OpenForCommand(options->workspace, WorkspaceAccess::kRead, exit_code);
    if (workspace == nullptr) return;
    auto pending = workspace->Proposals(ProposalState::kPending);
    if (!pending.ok()) {
      *exit_code = ReportWorkspaceFailure(pending.status());
      return;
    }
    *exit_code = WriteOutput("-", options->format == "json" ? ProposalsToJson(pending.value())
                                                            : PendingTable(pending.value()));
  });
}

}  // namespace kaizen::cli
