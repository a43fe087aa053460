// kaizen check: validates the data (and catalogue) and describes what is in it; changes
// nothing.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "cli/workspace_options.h"

namespace kaizen::cli {
namespace {

std::string PeriodOrDash(const std::optional<Date>& d, PeriodKind kind) {
  return d ? FormatPeriod(*d, kind) : "-";
}

// The heading line: the row count is the file's (the filter picks series, not rows); the rest
// is the slice's.
std::string Heading(const DataOptions& o, const app::CheckResult& c) {
  std::string out =
      DataName(o) + (o.organisation.empty() ? "" : " (--org " + o.organisation + ")") +
      (o.indicator.empty() ? "" : " (--indicator " + o.indicator + ")") + ": " +
      std::to_string(c.summary.rows_read) + " rows, " + std::to_string(c.indicators.size()) +
      " indicator(s), " + std::to_string(c.organisation_count) + " organisation(s), " +
      std::to_string(c.series.size()) + " series";
  if (c.first)
    out +=
        ", " + FormatPeriod(*c.first, c.first_kind) + " to " + FormatPeriod(*c.last, c.last_kind);
  if (c.summary.rows_skipped)
    out += ", " + std::to_string(c.summary.rows_skipped) + " rows skipped";
  if (!c.summary.comments.empty())
    out += ", " + std::to_string(c.summary.comments.size()) + " comment(s)";
  return out;
}

std::string Describe(const DataOptions& o, const app::CheckResult& c) {
  Table table({"indicator", "organisation", "points", "first", "last", "missing values"});
  for (const app::SeriesOverview& s : c.series)
    table.AddRow({s.indicator_id, s.organisation, std::to_string(s.points),
                  PeriodOrDash(s.first, s.period_kind), PeriodOrDash(s.last, s.period_kind),
                  std::to_string(s.missing_values)});
  std::string out = Heading(o, c) + "\n\n" + table.Render();
  for (const std::string& id : c.not_in_catalogue)
    out += "note: " + id + " is not in the catalogue\n";
  for (const std::string& id : c.catalogue_without_data)
    out += "note: catalogue indicator " + id + " has no data" +
           (o.organisation.empty() ? "" : " for " + o.organisation) + "\n";
  return out;
}

// --db: the file's pages (PRAGMA integrity_check) and the audit log's hash chain, before the
// data are described. Returns kExitOk with a line saying so, or the failure's exit code.
int CheckWorkspace(Workspace* workspace, std::string* out) {
  if (Status pages = workspace->CheckIntegrity(); !pages.ok()) {
    return ReportWorkspaceFailure(pages);
  }
  auto audit = workspace->VerifyAudit();
  if (!audit.ok()) return ReportWorkspaceFailure(audit.status());
  if (!audit->ok()) {
    std::cerr << "kaizen: " << workspace->Location() << ": the audit log was tampered with at "
              << "entry " << audit->first_bad << ": " << audit->problem << "\n";
    return kExitBadInput;
  }
  *out = workspace->Location() + ": pages intact (integrity_check ok), audit log of " +
         std::to_string(audit->entries) + " entries intact\n";
  return kExitOk;
}

}  // namespace

void AddCheckCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "check", "validate and describe the data: indicators, organisations, periods, gaps");
  auto options = std::make_shared<DataOptions>();
  AddDataOptions(cmd, options.get(), "ifd");
  cmd->callback([options, exit_code] {
    Inputs inputs;
    if ((*exit_code = PrepareInputs(*options, &inputs)) != kExitOk) return;
    std::string workspace_state;
    if (inputs.workspace &&
        (*exit_code = CheckWorkspace(inputs.workspace.get(), &workspace_state)) != kExitOk) {
      return;
    }
    app::JobDiagnostics d;
    Result<app::CheckResult> c = app::Check(inputs.Source(), RequestFor(*options, inputs), &d);
    PrintJobDiagnostics(d);
    if (!c.ok()) {
      *exit_code = ReportJobFailure(c.status(), d);
      return;
    }
    *exit_code = WriteOutput("-", workspace_state + Describe(*options, *c));
  });
}

}  // namespace kaizen::cli
