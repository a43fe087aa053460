// WorkspaceReportNotices (include/kaizen/app_workspace.h): what a report from the workspace is
// as at, what changed since the last frozen pack, and what pending decisions would do.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "kaizen/app_workspace.h"
#include "kaizen/number_format.h"
#include "kaizen/spc.h"
#include "kaizen/summary.h"

namespace kaizen::app {
namespace {

// Actions of the audit log that are decisions a board should hear about.
bool IsDecision(const std::string& action) {
  return action == "approve" || action == "reject" || action == "catalogue_decisions" ||
         action == "define_indicator";
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

ReportNotice AsAt(const std::vector<ImportRecord>& imports, const std::vector<AuditEntry>& log) {
  ReportNotice notice{.heading = "As at"};
  if (imports.empty()) {
    notice.lines.push_back("The workspace holds no imported data yet.");
    return notice;
  }
  const ImportRecord& last = imports.back();
  notice.lines.push_back("Data as at import " + std::to_string(last.id) + " (" + last.file_name +
                         ", imported " + last.imported_at + " by " + last.imported_by +
                         "); limits and decisions as at audit entry " +
                         std::to_string(log.empty() ? 0 : log.back().seq) + ".");
  return notice;
}

// The corrections an import's audit entry lists, "ind org period: old" before and "...: new"
// after, as "ind org period: old corrected to new (import N, by U)".
void AddCorrections(const AuditEntry& entry, std::vector<std::string>* lines) {
  const std::vector<std::string> before = Lines(entry.before);
  std::vector<std::string> after;
  for (const std::string& line : Lines(entry.after))
    if (line.find(": ") != std::string::npos) after.push_back(line);  // not the key=value summary
  for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
    const std::size_t colon = before[i].rfind(": ");
    lines->push_back(before[i].substr(0, colon) + ": " + before[i].substr(colon + 2) +
                     " corrected to " + after[i].substr(after[i].rfind(": ") + 2) + " (" +
                     entry.subject + ", by " + entry.user + ", " + entry.at + ")");
  }
}

ReportNotice SinceLastPack(const std::vector<FrozenPack>& packs,
                           const std::vector<AuditEntry>& log) {
  if (packs.empty()) {
    return {.heading = "Since the last frozen pack",
            .lines = {"No board pack has been frozen yet (kaizen freeze)."}};
  }
  const FrozenPack& pack = packs.back();
  ReportNotice notice{.heading = "Since the last frozen pack, \u201C" + pack.title +
                                 "\u201D (frozen " + pack.frozen_at + " by " + pack.frozen_by +
                                 ")"};
  std::vector<std::string> decisions, corrections;
  for (const AuditEntry& entry : log) {
    if (entry.seq <= pack.last_audit_seq) continue;
    if (IsDecision(entry.action)) {
      decisions.push_back(entry.at + ", " + entry.user + ": " + entry.action + " " + entry.subject);
    } else if (entry.action == "import") {
      AddCorrections(entry, &corrections);
    }
  }
  notice.lines.push_back(decisions.empty()
                             ? "No decisions taken."
                             : std::to_string(decisions.size()) + " decision(s) taken:");
  notice.lines.insert(notice.lines.end(), decisions.begin(), decisions.end());
  notice.lines.push_back(corrections.empty()
                             ? "No data corrected."
                             : std::to_string(corrections.size()) + " value(s) corrected:");
  notice.lines.insert(notice.lines.end(), corrections.begin(), corrections.end());
  return notice;
}

std::string Limits(const SummaryRow& row, const std::string& unit) {
  auto value = [&](double v) { return WithUnit(FormatDecimals(v, row.decimals), unit); };
  return "mean " + value(row.mean) + ", limits " + value(row.lower_limit) + " to " +
         value(row.upper_limit);
}

std::string Describe(const Proposal& p) {
  return "Proposal " + std::to_string(p.id) + ": " + DescribeProposal(p) + ", proposed by " +
         p.proposed_by + " (" + p.reason + ")";
}

// "RXX now: mean 12.0, limits 8.0 to 16.0; if approved: mean ..." for one series.
Result<std::string> NowAndIfApproved(const Proposal& p, const Indicator& indicator,
                                     const Series& series, Date as_of) {
  const Indicator now = indicator.ForOrganisation(series.organisation);
  Indicator approved = indicator;
  ApplyProposal(p, &approved);
  approved = approved.ForOrganisation(series.organisation);
  auto current = AnalyseSeries(now, series);
  if (!current.ok()) return current.status();
  auto proposed = AnalyseSeries(approved, series);
  if (!proposed.ok()) return proposed.status();
  const SummaryRow before = MakeSummaryRow(now, *current, as_of);
  const SummaryRow after = MakeSummaryRow(approved, *proposed, as_of);
  return (series.organisation.empty() ? std::string("now") : series.organisation + " now") + ": " +
         Limits(before, indicator.unit) + "; if approved: " + Limits(after, indicator.unit);
}

Result<ReportNotice> Pending(Workspace* workspace, const Catalogue& catalogue, Date as_of) {
  auto pending = workspace->Proposals(ProposalState::kPending);
  if (!pending.ok()) return pending.status();
  ReportNotice notice{.heading = "Pending decisions"};
  if (pending->empty()) {
    notice.lines.push_back("None: every proposal has been approved or rejected.");
    return notice;
  }
  std::vector<Series> affected;
  Status read = workspace->ForEachSeries([&](Series&& s) {
    for (const Proposal& p : pending.value()) {
      if (p.indicator_id == s.indicator_id &&
          (p.organisation.empty() || p.organisation == s.organisation)) {
        affected.push_back(std::move(s));
        break;
      }
    }
    return Status::Ok();
  });
  if (!read.ok()) return read;
  for (const Proposal& p : pending.value()) {
    notice.lines.push_back(Describe(p));
    const Indicator* indicator = catalogue.Find(p.indicator_id);
    if (indicator == nullptr) continue;
    for (const Series& s : affected) {
      if (s.indicator_id != p.indicator_id ||
          (!p.organisation.empty() && p.organisation != s.organisation))
        continue;
      auto limits = NowAndIfApproved(p, *indicator, s, as_of);
      notice.lines.push_back(limits.ok() ? limits.value()
                                         : s.organisation + ": " + limits.status().message());
    }
  }
  return notice;
}

}  // namespace

Result<std::vector<ReportNotice>> WorkspaceReportNotices(Workspace* workspace,
                                                         const Catalogue& catalogue, Date as_of) {
  auto imports = workspace->Imports();
  if (!imports.ok()) return imports.status();
  auto log = workspace->AuditLog();
  if (!log.ok()) return log.status();
  auto packs = workspace->Packs();
  if (!packs.ok()) return packs.status();
  auto pending = Pending(workspace, catalogue, as_of);
  if (!pending.ok()) return pending.status();
  return std::vector<ReportNotice>{AsAt(*imports, *log), SinceLastPack(*packs, *log),
                                   std::move(pending).value()};
}

}  // namespace kaizen::app
