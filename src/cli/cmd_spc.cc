// kaizen spc: per-point SPC results for every series (or one indicator / organisation).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/export.h"
#include "kaizen/json.h"
#include "kaizen/number_format.h"
#include "kaizen/render.h"
#include "kaizen/spc.h"

namespace kaizen::cli {
namespace {

struct SpcOptions {
  DataOptions data;
  std::string format = "table";
};

std::string Flags(const PointResult& pt) {
  std::string flags;
  for (int r = 0; r < kRuleCount; ++r)
    if (pt.rules[r] != 0)
      flags += (flags.empty() ? "" : " ") + std::string(RuleName(static_cast<RuleId>(r)));
  return flags;
}

// One series as a table of its points, its summary sentence and its signals' sentences.
std::string SeriesTable(const app::SpcSeriesView& v) {
  const SeriesResult& result = v.result;
  Table t({"period", "value", "centre", "lower", "upper", "class", "flags"});
  // Every value of the series at its one precision, so the column never mixes 12.0 and 12.00.
  auto value = [&result](double x) { return FormatDecimals(x, ValueDecimals(result)); };
  for (const PointResult& pt : result.points)
    t.AddRow({FormatPeriod(pt.period, result.period_kind), value(pt.value), value(pt.centre),
              value(pt.lower3), value(pt.upper3),
              pt.ghosted ? "ghosted" : PointClassWords(pt.point_class), Flags(pt)});
  std::string out = v.indicator.name + " — " + v.series.organisation + " (" +
                    std::string(ChartTypeName(v.indicator.chart)) + " chart, " + v.profile.name +
                    " profile)\n" + t.Render() + result.summary + "\n";
  for (const Signal& sig : result.signals) out += "  " + sig.sentence + "\n";
  return out + "\n";
}

}  // namespace

void AddSpcCommand(CLI::App* app, int* exit_code) {
  auto* cmd =
      app->add_subcommand("spc", "per-point SPC results: centre, limits, rule flags, class");
  auto o = std::make_shared<SpcOptions>();
  AddDataOptions(cmd, &o->data, "ifcd");
  cmd->add_option("--format", o->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->callback([o, exit_code] {
    Inputs inputs;
    if ((*exit_code = PrepareInputs(o->data, &inputs)) != kExitOk) return;
    JsonListDocument json_document("series");
    std::string out = o->format == "csv"    ? PointsCsvHeader()
                      : o->format == "json" ? json_document.Head()
                                            : "";
    app::JobDiagnostics d;
    bool loaded = false;  // the job's diagnostics come first, as soon as the read is over
    auto on_series = [&](const app::SpcSeriesView& v) {
      if (!loaded) PrintJobDiagnostics(d), loaded = true;
      PrintSeriesWarnings(v.series.indicator_id, v.series.organisation, v.result.warnings);
      if (o->format == "csv") {
        AppendPointsCsv(v.result, &out);
      } else if (o->format == "json") {
        json_document.Append(SeriesResultToJson(v.result), &out);
      } else {
        out += SeriesTable(v);
      }
    };
    Status st = app::AnalyseSeriesJob(inputs.Source(), RequestFor(o->data, inputs), &d, on_series);
    if (!loaded) PrintJobDiagnostics(d);
    if (!st.ok()) {
      *exit_code = ReportJobFailure(st, d);
      return;
    }
    if (o->format == "json") out += JsonListDocument::Tail();
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
