// kaizen aggregate: from records (one row per admission, operation, incident) to a long-format
// series that `kaizen spc` reads: a count, sum, mean, median, proportion or ratio per period, or
// the days or cases between rare events.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <iostream>
#include <memory>
#include <numeric>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "ingest/expression.h"
#include "ingest/numbers.h"
#include "kaizen/aggregate.h"

namespace kaizen::cli {
namespace {

struct AggregateCommandOptions {
  std::string file, date, value, denominator, measure = "count", condition, period = "month";
  bool between_events = false;
  std::string indicator, organisation, output = "-", date_format = "auto", delimiter;
};

// --condition in the shared expression language (docs/catalogue.md, "Expressions"): each
// row's verdict, 1 (meets it), 0 (does not) or missing (an operand is empty: the row has no
// value to judge, as an empty cell had before). Returns an exit code; problems go to stderr.
int ConditionColumn(const RecordTable& table, const std::string& text, std::vector<double>* out) {
  ingest::ExpressionError parse_error;
  std::optional<ingest::Expression> condition =
      ingest::Expression::Parse(text, ingest::ExpressionKind::kCondition, &parse_error);
  if (!condition) {
    std::cerr << "--condition:" << parse_error.offset + 1
              << ": error [bad_expression]: " << parse_error.message << " (in '" << text
              << "'; e.g. \"los <= 7\", \"type == '1'\")\n";
    return kExitBadInput;
  }
  for (const std::string& name : condition->columns()) {
    int index = 0;
    if (int code = FindColumn(table, name, "--condition", &index); code != kExitOk) return code;
  }
  std::string unused;
  (void)condition->Bind(
      [&](std::string_view name) {
        const auto it = std::find(table.header.begin(), table.header.end(), name);
        return static_cast<int>(it - table.header.begin());
      },
      &unused);
  out->assign(table.rows.size(), kMissing);
  std::vector<std::string_view> fields;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    fields.assign(table.rows[r].begin(), table.rows[r].end());
    bool holds = false;
    ingest::EvalError error;
    if (condition->Test(fields, &holds, &error)) {
      (*out)[r] = holds ? 1.0 : 0.0;
    } else if (error.code != diag::kMissingOperand) {
      std::cerr << table.path << ":" << table.lines[r] << ":" << error.column + 1 << ": error ["
                << error.code << "]: --condition " << text << ": " << error.message << "\n";
      return kExitBadInput;
    }
  }
  return kExitOk;
}

// A row's verdict meets the condition (a missing verdict never does).
constexpr Condition kMeets{Comparison::kEqual, 1.0};

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
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
  cmd->callback([o, exit_code] {
    RecordTable table;
    int date_index = 0;
    std::vector<Date> dates;
    if ((*exit_code = ReadRecords(o->file, o->delimiter, &table)) != kExitOk ||
        (*exit_code = FindColumn(table, o->date, "--date", &date_index)) != kExitOk ||
        (*exit_code = DateColumn(table, date_index, o->date_format, &dates)) != kExitOk)
      return;
    const bool condition = !o->condition.empty();
    std::vector<double> condition_values;
    if (condition &&
        (*exit_code = ConditionColumn(table, o->condition, &condition_values)) != kExitOk)
      return;
    std::vector<double> values, denominators;
    if (!o->value.empty()) {
      int index = 0;
      if ((*exit_code = FindColumn(table, o->value, "--value", &index)) != kExitOk ||
          (*exit_code = NumericColumn(table, index, &values)) != kExitOk)
        return;
    }
    const bool needs_value = o->measure == "sum" || o->measure == "mean" ||
                             o->measure == "median" || o->measure == "ratio";
    if (needs_value && values.empty() && !o->between_events) {
      std::cerr << "--measure " << o->measure << " needs --value COL\n";
      *exit_code = kExitBadInput;
      return;
    }
    if (o->measure == "proportion" && !condition && !o->between_events) {
      std::cerr << "--measure proportion needs --condition, e.g. \"los<=7\"\n";
      *exit_code = kExitBadInput;
      return;
    }
    if (o->measure == "ratio") {
      int index = 0;
      if (o->denominator.empty()) {
        std::cerr << "--measure ratio needs --denominator COL\n";
        *exit_code = kExitBadInput;
        return;
      }
      if ((*exit_code = FindColumn(table, o->denominator, "--denominator", &index)) != kExitOk ||
          (*exit_code = NumericColumn(table, index, &denominators)) != kExitOk)
        return;
    }

    Series series;
    std::string note;
    if (o->between_events) {
      // Rows in date order (stable, so same-day rows keep the file's order).
      std::vector<std::size_t> order(dates.size());
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return dates[a] < dates[b]; });
      std::vector<Date> sorted;
      std::vector<bool> is_event;
      for (std::size_t r : order) {
        sorted.push_back(dates[r]);
        if (condition) is_event.push_back(kMeets.Holds(condition_values[r]));
      }
      Result<Series> s =
          condition ? CasesBetweenEvents(sorted, is_event) : DaysBetweenEvents(sorted);
      if (!s.ok()) {
        std::cerr << o->file << ": " << s.status().message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      series = std::move(s).value();
      note = condition ? "cases between events: chart it with --chart g"
                       : "days between events: chart it with --chart t";
    } else {
      // Outside proportion, a condition selects the rows to use.
      std::vector<Date> used_dates;
      std::vector<double> used_values, used_denominators;
      const bool filter = condition && o->measure != "proportion";
      for (std::size_t r = 0; r < dates.size(); ++r) {
        if (filter && !kMeets.Holds(condition_values[r])) continue;
        used_dates.push_back(dates[r]);
        if (o->measure == "proportion") {
          used_values.push_back(condition_values[r]);
        } else if (!values.empty()) {
          used_values.push_back(values[r]);
        }
        if (!denominators.empty()) used_denominators.push_back(denominators[r]);
      }
      AggregateOptions options;
      options.unit = o->period == "day"       ? PeriodUnit::kDay
                     : o->period == "week"    ? PeriodUnit::kWeek
                     : o->period == "quarter" ? PeriodUnit::kQuarter
                     : o->period == "year"    ? PeriodUnit::kYear
                                              : PeriodUnit::kMonth;
      options.measure = o->measure == "sum"          ? PeriodMeasure::kSum
                        : o->measure == "mean"       ? PeriodMeasure::kMean
                        : o->measure == "median"     ? PeriodMeasure::kMedian
                        : o->measure == "proportion" ? PeriodMeasure::kProportion
                        : o->measure == "ratio"      ? PeriodMeasure::kRatio
                                                     : PeriodMeasure::kCount;
      if (condition) options.condition = kMeets;
      if (o->measure == "count") used_values.clear();
      Result<Aggregated> a = AggregateByPeriod(used_dates, used_values, used_denominators, options);
      if (!a.ok()) {
        std::cerr << o->file << ": " << a.status().message() << "\n";
        *exit_code = kExitBadInput;
        return;
      }
      series = std::move(a->series);
      if (a->rows_missing > 0) {
        PrintWarning(diag::kRowsSkipped, o->file,
                     std::to_string(a->rows_missing) + " row(s) with a missing value were skipped");
      }
      note = o->measure == "proportion" ? "proportions: chart them with --chart p"
             : o->measure == "ratio"
                 ? "rates: chart them with --chart u; the catalogue's multiplier scales them"
             : o->measure == "count" ? "counts: chart them with --chart c or xmr"
                                     : "chart them with --chart xmr";
    }
    // Numerator and denominator only for the ratio measures: `kaizen spc` reads a series with
    // denominators as a p chart by default, which a mean or a count is not.
    const bool ratio = !o->between_events && (o->measure == "proportion" || o->measure == "ratio");
    std::string out = "indicator,organisation,period,value,numerator,denominator\n";
    const std::string prefix = CsvField(o->indicator) + "," + CsvField(o->organisation) + ",";
    for (std::size_t i = 0; i < series.size(); ++i) {
      out += prefix + series.periods[i].ToIso() + ",";
      if (ratio) {
        out += "," + FormatNumber(series.numerators[i]) + "," +
               FormatNumber(series.denominators[i]) + "\n";
      } else {
        out += FormatNumber(series.values[i]) + ",,\n";
      }
    }
    if ((*exit_code = WriteOutput(o->output, out)) != kExitOk) return;
    std::cerr << "kaizen: " << series.size() << " points from " << table.rows.size() << " records ("
              << note << ")\n";
  });
}

}  // namespace kaizen::cli
