// kaizen aggregate: from records (one row per admission, operation, incident) to a long-format
// series that `kaizen spc` reads: a count, sum, mean, median, proportion or ratio per period, or
// the days or cases between rare events.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "kaizen/analysis_export.h"
#include "kaizen/app_analysis.h"

namespace kaizen::cli {
namespace {

struct AggregateCommandOptions {
  std::string file, date, value, denominator, measure = "count", condition, period = "month";
  bool between_events = false;
  std::string indicator, organisation, output = "-", date_format = "auto", delimiter;
  std::string format = "csv";
};

PeriodUnit PeriodOption(const std::string& p) {
  return p == "day"       ? PeriodUnit::kDay
         : p == "week"    ? PeriodUnit::kWeek
         : p == "quarter" ? PeriodUnit::kQuarter
         : p == "year"    ? PeriodUnit::kYear
                          : PeriodUnit::kMonth;
}

PeriodMeasure MeasureOption(const std::string& m) {
  return m == "sum"          ? PeriodMeasure::kSum
         : m == "mean"       ? PeriodMeasure::kMean
         : m == "median"     ? PeriodMeasure::kMedian
         : m == "proportion" ? PeriodMeasure::kProportion
         : m == "ratio"      ? PeriodMeasure::kRatio
                             : PeriodMeasure::kCount;
}

DateFormat DateFormatOption(const std::string& f) {
  return f == "iso"   ? DateFormat::kIso
         : f == "dmy" ? DateFormat::kDayMonthYear
         : f == "mdy" ? DateFormat::kMonthDayYear
                      : DateFormat::kAuto;
}

AggregateRequest RequestOf(const AggregateCommandOptions& o) {
  return {.date_column = o.date,
          .value_column = o.value,
          .denominator_column = o.denominator,
          .measure = MeasureOption(o.measure),
          .measure_name = o.measure,
          .condition = o.condition,
          .period = PeriodOption(o.period),
          .between_events = o.between_events,
          .date_format = DateFormatOption(o.date_format)};
}

}  // namespace

void AddAggregateCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "aggregate", "records to a series per period (long-format CSV that `kaizen spc` reads)");
  auto o = std::make_shared<AggregateCommandOptions>();
  cmd->add_option("FILE", o->file, "CSV of records, one row each")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--date", o->date, "the column with each record's date")->required();
  cmd->add_option("--value", o->value, "the column to sum, average or compare");
  cmd->add_option("--measure", o->measure,
                  "count (default), sum, mean, median, proportion (rows meeting --condition) or "
                  "ratio (sum of --value / sum of --denominator)")
      ->check(CLI::IsMember({"count", "sum", "mean", "median", "proportion", "ratio"}));
  cmd->add_option("--condition", o->condition,
                  "a condition such as \"los <= 7\" or \"ward in ('A', 'B') and age > 80\" "
                  "(docs/catalogue.md, Expressions): the success for proportion; otherwise only "
                  "rows meeting it are used (with --between-events: the events)");
  cmd->add_option("--denominator", o->denominator, "ratio: the exposure column (bed days)");
  cmd->add_option("--period", o->period, "day, week (ISO, from Monday), month, quarter, year")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}));
  cmd->add_flag("--between-events", o->between_events,
                "rare events: days between rows (t chart), or with --condition the cases "
                "between rows meeting it (g chart)");
  cmd->add_option("--indicator", o->indicator, "the indicator id written on every row")->required();
  cmd->add_option("--org", o->organisation, "the organisation written on every row")->required();
  cmd->add_option("-o,--output", o->output, "series.csv (default: standard output)");
  cmd->add_option("--date-format", o->date_format, "auto, iso, dmy (dd/mm/yyyy) or mdy")
      ->check(CLI::IsMember({"auto", "iso", "dmy", "mdy"}));
  cmd->add_option("--delimiter", o->delimiter, kDelimiterHelp);
  cmd->add_option("--format", o->format,
                  "csv (default: the long format `kaizen spc` reads) or json (docs/api.md)")
      ->check(CLI::IsMember({"csv", "json"}));
  cmd->callback([o, exit_code] {
    RecordTable table;
    if ((*exit_code = ReadRecords(o->file, o->delimiter, &table)) != kExitOk) return;
    Diagnostics diagnostics;
    Result<AggregateResult> a = AggregateRecords(table, RequestOf(*o), &diagnostics);
    // The reader's diagnostics: a located error, or a warning (guessed_date_order) that must
    // not hide a failure of another kind, nor be lost when the aggregate succeeds.
    PrintDiagnostics(diagnostics);
    if (!a.ok()) {
      if (diagnostics.error_count() == 0) std::cerr << a.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    if (a->rows_missing > 0) {
      PrintWarning(diag::kRowsSkipped, o->file,
                   std::to_string(a->rows_missing) + " row(s) with a missing value were skipped");
    }
    const std::string out = o->format == "json" ? AggregateJson(*a, o->indicator, o->organisation)
                                                : AggregateCsv(*a, o->indicator, o->organisation);
    if ((*exit_code = WriteOutput(o->output, out)) != kExitOk) return;
    std::cerr << "kaizen: " << a->series.size() << " points from " << a->records << " records ("
              << a->note << ")\n";
  });
}

}  // namespace kaizen::cli
