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

}  // namespace

void AddSpcCommand(CLI::App* app, int* exit_code) {
  auto* cmd =
      app->add_subcommand("spc", "per-point SPC results: centre, limits, rule flags, class");
  auto o = std::make_shared<SpcOptions>();
  AddDataOptions(cmd, &o->data, "ifc");
  cmd->add_option("--format", o->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->callback([o, exit_code] {
    Inputs inputs;
    if ((*exit_code = PrepareInputs(o->data, &inputs)) != kExitOk) return;
    std::vector<Series> series;
    ImportSummary summary;
    if ((*exit_code = LoadSeries(o->data, inputs, &series, &summary)) != kExitOk) return;

    SpcEngine engine;
    SeriesResult result;
    std::string out = o->format == "csv" ? PointsCsvHeader() : o->format == "json" ? "[" : "";
    bool first = true;
    for (const Series& s : series) {
      Result<Indicator> ind = IndicatorFor(s, inputs, o->data);
      Result<Profile> profile =
          ind.ok() ? ResolveProfile(ind->profile, ind->overrides) : Result<Profile>(ind.status());
      if (!profile.ok()) {
        std::cerr << s.indicator_id << ": " << profile.status().message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      if (Status st = engine.Analyse(*ind, *profile, s, &result); !st.ok()) {
        std::cerr << o->data.data_path << ": " << st.message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      PrintSeriesWarnings(s.indicator_id, s.organisation, result.warnings);
      if (o->format == "csv") {
        AppendPointsCsv(result, &out);
      } else if (o->format == "json") {
        out += (first ? "" : ",") + SeriesResultToJson(result);
      } else {
        Table t({"period", "value", "centre", "lower", "upper", "class", "flags"});
        // Every value of the series at its one precision, so the column never mixes 12.0
        // and 12.00.
        auto value = [&result](double v) { return FormatDecimals(v, ValueDecimals(result)); };
        for (const PointResult& pt : result.points)
          t.AddRow({FormatPeriod(pt.period, result.period_kind), value(pt.value), value(pt.centre),
                    value(pt.lower3), value(pt.upper3),
                    pt.ghosted ? "ghosted" : PointClassWords(pt.point_class), Flags(pt)});
        out += ind->name + " — " + s.organisation + " (" + std::string(ChartTypeName(ind->chart)) +
               " chart, " + profile->name + " profile)\n" + t.Render() + result.summary + "\n";
        for (const Signal& sig : result.signals) out += "  " + sig.sentence + "\n";
        out += "\n";
      }
      first = false;
    }
    if (o->format == "json") out += "]\n";
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
