// kaizen compare: before and after a change date. The classical tests (Welch's t and
// Mann–Whitney on the values; chi-square and Fisher on numerators and denominators) each with
// its sentence, beside the SPC reading: does the chart show a sustained shift after the change?
#include <CLI/CLI.hpp>
#include <array>
#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/hypothesis.h"

namespace kaizen::cli {
namespace {

// NaN as JSON null (nlohmann would write it as null too, but says so only by accident).
nlohmann::json JsonNumber(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

struct CompareCommandOptions {
  DataOptions data;
  std::string change_date;
  std::string format = "table";
};

}  // namespace

void AddCompareCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "compare", "before/after a change date: hypothesis tests beside the SPC verdict");
  auto o = std::make_shared<CompareCommandOptions>();
  AddDataOptions(cmd, &o->data, "ifc");
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
    BeforeAfter ba;
    if ((*exit_code = CompareAroundChange(s, *change, &ba)) != kExitOk) return;
    std::string out;
    if (o->format == "json") {
      nlohmann::json j = {{"indicator", s.series.indicator_id},
                          {"organisation", s.series.organisation},
                          {"change_date", change->ToIso()},
                          {"n_before", ba.n_before},
                          {"n_after", ba.n_after}};
      if (ba.welch)
        j["welch"] = {{"mean_before", ba.welch->mean1},
                      {"mean_after", ba.welch->mean2},
                      {"t", ba.welch->t},
                      {"df", ba.welch->df},
                      {"p_value", ba.welch->p_value},
                      {"ci_lower", ba.welch->ci_lower},
                      {"ci_upper", ba.welch->ci_upper},
                      {"sentence", ba.welch->sentence}};
      if (ba.mann_whitney)
        j["mann_whitney"] = {{"w", ba.mann_whitney->w},
                             {"z", ba.mann_whitney->z},
                             {"p_value", ba.mann_whitney->p_value},
                             {"hl_shift", ba.mann_whitney->hl_shift},
                             {"sentence", ba.mann_whitney->sentence}};
      if (ba.proportions) {
        const ProportionComparison& p = *ba.proportions;
        j["proportions"] = {{"x_before", p.x1},
                            {"n_before", p.n1},
                            {"x_after", p.x2},
                            {"n_after", p.n2},
                            {"p_before", p.p1},
                            {"p_after", p.p2},
                            {"chi_square", p.chi_square},
                            {"chi_square_p", p.chi_square_p},
                            {"fisher_p", p.fisher_p},
                            {"sentence", p.sentence}};
      }
      j["spc"] = {{"shift_after", ba.shift_after},
                  {"shift_side", ba.shift_side == Side::kHigh  ? "high"
                                 : ba.shift_side == Side::kLow ? "low"
                                                               : "none"},
                  {"centre_before", ba.centre_before},
                  {"centre_after", ba.centre_after},
                  {"verdict", ba.spc_verdict}};
      // Which limits the verdict used: those of the points before the change (docs/cli.md).
      nlohmann::json ignored = nlohmann::json::array();
      for (const Date& d : ba.ignored_rebases) ignored.push_back(d.ToIso());
      j["spc"]["judged_against"] = {{"limits", "before_change"},
                                    {"segment_from", ba.limits_from.ToIso()},
                                    {"n_points", ba.limits_points},
                                    {"centre", JsonNumber(ba.limits_centre)},
                                    {"lower3", JsonNumber(ba.limits_lower)},
                                    {"upper3", JsonNumber(ba.limits_upper)},
                                    {"ignored_rebases", std::move(ignored)},
                                    {"sentence", ba.limits_sentence}};
      j["notes"] = ba.notes;
      out = j.dump(2) + "\n";
    } else {
      std::vector<std::array<std::string, 4>> rows;  // test, statistic, p, sentence
      if (ba.welch)
        rows.push_back({"welch_t", FormatNumber(ba.welch->t), FormatNumber(ba.welch->p_value),
                        ba.welch->sentence});
      if (ba.mann_whitney)
        rows.push_back({"mann_whitney_w", FormatNumber(ba.mann_whitney->w),
                        FormatNumber(ba.mann_whitney->p_value), ba.mann_whitney->sentence});
      if (ba.proportions) {
        rows.push_back({"chi_square", FormatNumber(ba.proportions->chi_square),
                        FormatNumber(ba.proportions->chi_square_p), ba.proportions->sentence});
        rows.push_back({"fisher", "", FormatNumber(ba.proportions->fisher_p), ""});
      }
      rows.push_back({"spc_shift_after", ba.shift_after ? "yes" : "no", "", ba.spc_verdict});
      if (o->format == "csv") {
        out = "test,statistic,p_value,sentence\n";
        for (const auto& r : rows) {
          std::string q = "\"";
          for (char ch : r[3]) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
          out += r[0] + "," + r[1] + "," + r[2] + "," + q + "\"\n";
        }
      } else {
        out = s.indicator.name + " — " + s.series.organisation + ": " +
              std::to_string(ba.n_before) + " points before " + change->ToIso() + ", " +
              std::to_string(ba.n_after) + " from it\n";
        if (ba.welch)
          out += "means: before " + FormatForTable(ba.welch->mean1) + ", after " +
                 FormatForTable(ba.welch->mean2) + "\n";
        out += "SPC limits: " + ba.limits_sentence + "\n";
        if (!std::isnan(ba.centre_before))
          out += "rebased centre lines: before " + FormatForTable(ba.centre_before) + ", after " +
                 FormatForTable(ba.centre_after) + "\n";
        out += "\n";
        Table t({"test", "statistic", "p"});
        // The table shows rounded figures; --format csv or json keeps every digit.
        for (const auto& r : rows) {
          if (r[0] == "spc_shift_after") continue;
          t.AddRow({r[0], r[1].empty() ? "" : FormatStatistic(r[0], std::stod(r[1])),
                    r[2].empty() ? "" : FormatStatistic("p", std::stod(r[2]))});
        }
        out += t.Render();
        for (const auto& r : rows)
          if (!r[3].empty()) out += "- " + r[3] + "\n";
        for (const std::string& n : ba.notes) out += "note: " + n + "\n";
      }
    }
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
