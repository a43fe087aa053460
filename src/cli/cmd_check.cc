// kaizen check: validates the data (and catalogue) and describes what is in it; changes
// nothing.
#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <memory>
#include <set>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"

namespace kaizen::cli {

void AddCheckCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "check", "validate and describe the data: indicators, organisations, periods, gaps");
  auto options = std::make_shared<DataOptions>();
  AddDataOptions(cmd, options.get(), "if");
  cmd->callback([options, exit_code] {
    Inputs inputs;
    if ((*exit_code = PrepareInputs(*options, &inputs)) != kExitOk) return;
    std::vector<Series> series;
    ImportSummary summary;
    if ((*exit_code = LoadSeries(*options, inputs, &series, &summary)) != kExitOk) return;

    Table table({"indicator", "organisation", "points", "first", "last", "missing values"});
    std::set<std::string> indicators, organisations;
    std::optional<Date> first, last;
    PeriodKind first_kind = PeriodKind::kDate, last_kind = PeriodKind::kDate;
    for (const Series& s : series) {
      indicators.insert(s.indicator_id);
      organisations.insert(s.organisation);
      std::size_t missing = 0;
      for (std::size_t i = 0; i < s.size(); ++i) {
        const bool has_value = (!s.values.empty() && !std::isnan(s.values[i])) ||
                               (!s.numerators.empty() && !std::isnan(s.numerators[i]));
        missing += !has_value;
      }
      if (s.size() > 0) {
        if (!first || s.periods.front() < *first)
          first = s.periods.front(), first_kind = s.period_kind;
        if (!last || s.periods.back() > *last) last = s.periods.back(), last_kind = s.period_kind;
      }
      table.AddRow({s.indicator_id, s.organisation, std::to_string(s.size()),
                    s.size() ? FormatPeriod(s.periods.front(), s.period_kind) : "-",
                    s.size() ? FormatPeriod(s.periods.back(), s.period_kind) : "-",
                    std::to_string(missing)});
    }
    // The row count is the file's (the filter picks series, not rows); the rest is the slice.
    std::string out =
        options->data_path +
        (options->organisation.empty() ? "" : " (--org " + options->organisation + ")") +
        (options->indicator.empty() ? "" : " (--indicator " + options->indicator + ")") + ": " +
        std::to_string(summary.rows_read) + " rows, " + std::to_string(indicators.size()) +
        " indicator(s), " + std::to_string(organisations.size()) + " organisation(s), " +
        std::to_string(series.size()) + " series";
    if (first)
      out += ", " + FormatPeriod(*first, first_kind) + " to " + FormatPeriod(*last, last_kind);
    if (summary.rows_skipped) out += ", " + std::to_string(summary.rows_skipped) + " rows skipped";
    if (!summary.comments.empty())
      out += ", " + std::to_string(summary.comments.size()) + " comment(s)";
    out += "\n\n" + table.Render();
    if (inputs.catalogue) {
      for (const std::string& id : indicators)
        if (!inputs.catalogue->Find(id)) out += "note: " + id + " is not in the catalogue\n";
      // With --indicator or --org the report is about that slice only: an indicator left out
      // by the filter is not missing from the data.
      const std::string& org = options->organisation;
      for (const Indicator& ind : inputs.catalogue->indicators) {
        if (indicators.count(ind.id)) continue;
        if (!options->indicator.empty() && ind.id != options->indicator) continue;
        out += "note: catalogue indicator " + ind.id + " has no data" +
               (org.empty() ? "" : " for " + org) + "\n";
      }
    }
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
