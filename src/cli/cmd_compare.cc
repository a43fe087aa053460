// kaizen compare: before and after a change date. The classical tests (Welch's t and
// Mann–Whitney on the values; chi-square and Fisher on numerators and denominators) each with
// its sentence, beside the SPC reading: does the chart show a sustained shift after the change?
#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <memory>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/analysis_export.h"
#include "kaizen/app_analysis.h"

namespace kaizen::cli {
namespace {

struct CompareCommandOptions {
  DataOptions data;
  std::string change_date;
  std::string format = "table";
};

// The table format: the counts and means, the limits the verdict used, the rounded tests and
// their sentences (--format csv or json keeps every digit).
std::string CompareTable(const OneSeries& s, const BeforeAfter& ba) {
  const std::string change = ba.change_date.ToIso();
  std::string out = s.indicator.name + " — " + s.series.organisation + ": " +
                    std::to_string(ba.n_before) + " points before " + change + ", " +
                    std::to_string(ba.n_after) + " from it\n";
  if (ba.welch)
    out += "means: before " + FormatForTable(ba.welch->mean1) + ", after " +
           FormatForTable(ba.welch->mean2) + "\n";
  out += "SPC limits: " + ba.limits_sentence + "\n";
  if (!std::isnan(ba.centre_before))
    out += "rebased centre lines: before " + FormatForTable(ba.centre_before) + ", after " +
           FormatForTable(ba.centre_after) + "\n";
  out += "\n";
  const std::vector<BeforeAfterRow> rows = BeforeAfterRows(ba);
  Table t({"test", "statistic", "p"});
  for (const BeforeAfterRow& r : rows) {
    if (r.yes_no) continue;  // the SPC reading is the verdict sentence below
    t.AddRow({r.test, std::isnan(r.statistic) ? "" : FormatStatistic(r.test, r.statistic),
              std::isnan(r.p_value) ? "" : FormatStatistic("p", r.p_value)});
  }
  out += t.Render();
  for (const BeforeAfterRow& r : rows)
    if (!r.sentence.empty()) out += "- " + r.sentence + "\n";
  for (const std::string& n : ba.notes) out += "note: " + n + "\n";
  return out;
}

}  // namespace

void AddCompareCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "compare", "before/after a change date: hypothesis tests beside the SPC verdict");
  auto o = std::make_shared<CompareCommandOptions>();
  AddDataOptions(cmd, &o->data, "ifcd");
  cmd->get_option("--indicator")->required();
  cmd->add_option("--change-date", o->change_date, "first day after the change (YYYY-MM-DD)")
      ->required();
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    Result<Date> change = Date::ParseIso(o->change_date);
    if (!change.ok()) {
      std::cerr << "--change-date: " << change.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    OneSeries s;
    if ((*exit_code = LoadOneSeries(o->data, &s)) != kExitOk) return;
    Result<BeforeAfter> ba = CompareAroundChange(s, {.change = *change});
    if (!ba.ok()) {
      *exit_code = ReportFailure(ba.status(), Diagnostics(), "--change-date: ");
      return;
    }
    const std::string out = o->format == "json"  ? BeforeAfterJson(*ba, s)
                            : o->format == "csv" ? BeforeAfterCsv(*ba)
                                                 : CompareTable(s, *ba);
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
