// kaizen summary: one row per indicator × organisation (the board table) as table, CSV or
// JSON. Large files are streamed series by series: each row is written as soon as its series
// is analysed, so memory does not grow with the number of series. Reading and analysing run
// on two threads (SeriesPipeline), so a large file keeps both cores busy.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/series_pipeline.h"
#include "cli/table.h"
#include "kaizen/export.h"
#include "kaizen/file_util.h"
#include "kaizen/number_format.h"
#include "kaizen/render.h"
#include "kaizen/spc.h"
#include "kaizen/summary.h"

namespace kaizen::cli {
namespace {

struct SummaryOptions {
  DataOptions data;
  std::string format = "table";
};

// Files above this size are streamed (their rows must be grouped by indicator and
// organisation, as exports from data warehouses are); smaller ones are read whole and sorted.
constexpr long long kStreamAbove = 64LL << 20;

// A terminal of this width shows the table without wrapping (the sentence column wraps).
constexpr int kTerminalWidth = 120;

std::string_view DirectionArrow(Direction d) {
  return d == Direction::kHigherIsBetter ? "↑" : d == Direction::kLowerIsBetter ? "↓" : "–";
}

// A table row in a board's words, every value at the series' one precision.
std::vector<std::string> TableRow(const SummaryRow& row) {
  auto value = [&](double v) { return FormatDecimals(v, row.decimals); };
  const std::string none = FormatDecimals(kMissing, 0);  // the dash of every absent value
  return {row.indicator_id,
          row.organisation,
          std::string(DirectionArrow(row.direction)),
          row.updated_to
              ? FormatPeriod(*row.updated_to, row.period_kind) + (row.stale ? " (stale)" : "")
              : none,
          row.target ? value(*row.target) : none,
          value(row.latest_value),
          value(row.mean),
          value(row.lower_limit),
          value(row.upper_limit),
          std::string(VariationIconWords(row.variation)),
          std::string(AssuranceIconWords(row.assurance)),
          row.sentence};
}

}  // namespace

void AddSummaryCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "summary", "one row per indicator and organisation: latest value, limits, icons, sentence");
  auto o = std::make_shared<SummaryOptions>();
  AddDataOptions(cmd, &o->data, "ifc");
  cmd->add_option("--format", o->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--as-of", o->data.as_of, "today's date for the stale flag (YYYY-MM-DD)");
  cmd->callback([o, exit_code] {
    Inputs inputs;
    if ((*exit_code = PrepareInputs(o->data, &inputs)) != kExitOk) return;
    Result<Date> as_of = AsOf(o->data);
    if (!as_of.ok()) {
      std::cerr << as_of.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    struct stat file_info {};
    inputs.read.streaming =
        ::stat(o->data.data_path.c_str(), &file_info) == 0 && file_info.st_size > kStreamAbove;

    // Each indicator's definition and resolved profile, looked up once rather than per series
    // (per organisation too for an indicator whose decisions name organisations).
    struct Resolved {
      Indicator indicator;
      Profile profile;
    };
    std::unordered_map<std::string, Resolved> resolved;
    auto resolve = [&](const Series& s) -> Result<const Resolved*> {
      const Indicator* known = inputs.catalogue ? inputs.catalogue->Find(s.indicator_id) : nullptr;
      const std::string key = known && known->HasOrganisationDecisions()
                                  ? s.indicator_id + '\n' + s.organisation
                                  : s.indicator_id;
      auto it = resolved.find(key);
      if (it != resolved.end()) return &it->second;
      Result<Indicator> ind = IndicatorFor(s, inputs, o->data);
      if (!ind.ok()) return ind.status();
      Result<Profile> profile = ResolveProfile(ind->profile, ind->overrides);
      if (!profile.ok())
        return Status::InvalidArgument(s.indicator_id + ": " + profile.status().message());
      return &resolved.emplace(key, Resolved{*ind, *profile}).first->second;
    };

    Table table({"indicator", "org", "dir", "updated to", "target", "latest", "mean", "lower",
                 "upper", "variation", "assurance", "summary"});
    std::string out = o->format == "csv" ? SummaryCsvHeader() : o->format == "json" ? "[" : "";
    std::size_t done = 0;
    Progress progress("series");

    // The analysing thread: takes series in file order, writes rows as they are ready.
    SeriesPipeline pipeline(256);
    Status analysis_failure;
    Status write_failure;
    std::thread analyser([&] {
      SpcEngine engine;
      engine.set_signal_sentences(false);  // the summary shows only the latest point's sentence
      SeriesResult result;
      while (std::optional<Series> s = pipeline.Pop()) {
        Result<const Resolved*> r = resolve(*s);
        Status st =
            r.ok() ? engine.Analyse((*r)->indicator, (*r)->profile, *s, &result) : r.status();
        if (!st.ok()) {
          analysis_failure = st;
          pipeline.Stop();
          return;
        }
        const SummaryRow row = MakeSummaryRow((*r)->indicator, result, *as_of);
        if (o->format == "csv") {
          AppendSummaryCsv(row, &out);
        } else if (o->format == "json") {
          out += (done ? "," : "") + SummaryRowToJson(row);
        } else {
          table.AddRow(TableRow(row));
        }
        // Stream: hand large chunks to stdout as they fill.
        if (out.size() > (1 << 20)) {
          write_failure = WriteToStandardOutput(out);
          out.clear();
          if (!write_failure.ok()) {
            pipeline.Stop();  // no point analysing what cannot be written
            return;
          }
        }
        progress.Tick(++done);
      }
    });

    SeriesKeys keys;  // every series read, for the warning about decisions' organisations
    auto on_series = [&](Series&& s) -> Status {
      keys.emplace(s.indicator_id, s.organisation);
      if (!MatchesFilters(o->data, s)) return Status::Ok();
      if (!pipeline.Push(std::move(s)))
        return Status::FailedPrecondition("analysis stopped");  // analysis_failure says why
      return Status::Ok();
    };
    inputs.read.on_progress = [&progress](std::uint64_t read_bytes, std::uint64_t total) {
      progress.Bytes(read_bytes, total);
    };
    Diagnostics d;
    Result<ImportSummary> read =
        ReadDataFile(o->data.data_path, inputs.catalogue ? &*inputs.catalogue : nullptr,
                     inputs.read, &d, on_series);
    pipeline.Close();
    analyser.join();
    progress.Finish();
    PrintDiagnostics(d);
    if (read.ok()) WarnAboutDecisionOrganisations(o->data, inputs, keys);
    if (!write_failure.ok()) {
      std::cerr << write_failure.message() << "\n";
      *exit_code = kExitCannotWrite;
      return;
    }
    if (!analysis_failure.ok()) {
      std::cerr << o->data.data_path << ": " << analysis_failure.message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    if (!read.ok()) {
      if (d.all().empty())
        std::cerr << o->data.data_path << ": " << read.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    if (o->format == "json") out += "]\n";
    if (o->format == "table") out = table.Render(kTerminalWidth);
    *exit_code = WriteOutput("-", out);
  });
}

}  // namespace kaizen::cli
