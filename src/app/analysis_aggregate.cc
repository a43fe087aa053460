// The aggregate job (kaizen/app_analysis.h): records to one series per period, or the days or
// cases between rare events, with a condition in the shared expression language.
#include <algorithm>
#include <numeric>
#include <utility>

#include "ingest/expression.h"
#include "kaizen/app_analysis.h"

namespace kaizen {
namespace {

// A row's verdict meets the condition (a missing verdict never does).
constexpr Condition kMeets{Comparison::kEqual, 1.0};

Status WithPath(const RecordTable& table, const Status& s) {
  return Status(s.code(), table.path + ": " + s.message());
}

Result<ingest::Expression> ParseCondition(const RecordTable& table, const std::string& text) {
  ingest::ExpressionError parse_error;
  std::optional<ingest::Expression> condition =
      ingest::Expression::Parse(text, ingest::ExpressionKind::kCondition, &parse_error);
  if (!condition) {
    return Status::InvalidArgument("--condition:" + std::to_string(parse_error.offset + 1) +
                                   ": error [" + std::string(diag::kBadExpression) +
                                   "]: " + parse_error.message + " (in '" + text +
                                   "'; e.g. \"los <= 7\", \"type == '1'\")");
  }
  for (const std::string& name : condition->columns())
    if (Result<int> i = FindRecordColumn(table, name, "--condition"); !i.ok()) return i.status();
  std::string unused;
  (void)condition->Bind(
      [&](std::string_view name) {
        const auto it = std::find(table.header.begin(), table.header.end(), name);
        return static_cast<int>(it - table.header.begin());
      },
      &unused);
  return std::move(condition).value();
}

// --condition's verdict on each row: 1 (meets it), 0 (does not) or missing (an operand is
// empty: the row has no value to judge). Fails at a row the expression cannot evaluate.
Result<std::vector<double>> ConditionColumn(const RecordTable& table, const std::string& text,
                                            Diagnostics* diagnostics) {
  Result<ingest::Expression> condition = ParseCondition(table, text);
  if (!condition.ok()) return condition.status();
  std::vector<double> out(table.rows.size(), kMissing);
  std::vector<std::string_view> fields;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    fields.assign(table.rows[r].begin(), table.rows[r].end());
    bool holds = false;
    ingest::EvalError error;
    if (condition->Test(fields, &holds, &error)) {
      out[r] = holds ? 1.0 : 0.0;
      continue;
    }
    if (error.code == diag::kMissingOperand) continue;
    const std::string message = "--condition " + text + ": " + error.message;
    // A fault of no one cell keeps its column 0 in the message ("FILE:LINE:0:"), as before.
    if (error.column >= 0)
      diagnostics->Error(error.code, table.path, table.lines[r], error.column + 1, message);
    return Status::InvalidArgument(table.path + ":" + std::to_string(table.lines[r]) + ":" +
                                   std::to_string(error.column + 1) + ": error [" +
                                   std::string(error.code) + "]: " + message);
  }
  return out;
}

// The columns the request reads, each as numbers (empty when not asked for).
struct AggregateColumns {
  std::vector<Date> dates;
  std::vector<double> condition, values, denominators;
};

Result<std::vector<double>> OptionalNumbers(const RecordTable& table, const std::string& name,
                                            std::string_view role, Diagnostics* diagnostics) {
  if (name.empty()) return std::vector<double>();
  Result<int> index = FindRecordColumn(table, name, role);
  if (!index.ok()) return index.status();
  return RecordNumbers(table, *index, diagnostics);
}

bool NeedsValue(PeriodMeasure m) {
  return m == PeriodMeasure::kSum || m == PeriodMeasure::kMean || m == PeriodMeasure::kMedian ||
         m == PeriodMeasure::kRatio;
}

// Reads the columns in the order their problems are reported: date, condition, value, then
// what the measure needs.
Status ReadAggregateColumns(const RecordTable& table, const AggregateRequest& r,
                            AggregateColumns* c, Diagnostics* diagnostics) {
  Result<int> date_index = FindRecordColumn(table, r.date_column, "--date");
  if (!date_index.ok()) return date_index.status();
  Result<std::vector<Date>> dates = RecordDates(table, *date_index, r.date_format, diagnostics);
  if (!dates.ok()) return dates.status();
  c->dates = std::move(dates).value();
  if (!r.condition.empty()) {
    Result<std::vector<double>> v = ConditionColumn(table, r.condition, diagnostics);
    if (!v.ok()) return v.status();
    c->condition = std::move(v).value();
  }
  Result<std::vector<double>> values =
      OptionalNumbers(table, r.value_column, "--value", diagnostics);
  if (!values.ok()) return values.status();
  c->values = std::move(values).value();
  if (NeedsValue(r.measure) && c->values.empty() && !r.between_events)
    return Status::InvalidArgument("--measure " + r.measure_name + " needs --value COL");
  if (r.measure == PeriodMeasure::kProportion && r.condition.empty() && !r.between_events)
    return Status::InvalidArgument("--measure proportion needs --condition, e.g. \"los<=7\"");
  if (r.measure != PeriodMeasure::kRatio) return Status::Ok();
  if (r.denominator_column.empty())
    return Status::InvalidArgument("--measure ratio needs --denominator COL");
  Result<std::vector<double>> d =
      OptionalNumbers(table, r.denominator_column, "--denominator", diagnostics);
  if (!d.ok()) return d.status();
  c->denominators = std::move(d).value();
  return Status::Ok();
}

// Rare events: rows in date order (stable, so same-day rows keep the file's order), then the
// days between them (t chart) or, with a condition, the cases between those meeting it (g).
Result<AggregateResult> BetweenEvents(const RecordTable& table, const AggregateRequest& r,
                                      const AggregateColumns& c) {
  const bool condition = !r.condition.empty();
  std::vector<std::size_t> order(c.dates.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return c.dates[a] < c.dates[b]; });
  std::vector<Date> sorted;
  std::vector<bool> is_event;
  for (std::size_t row : order) {
    sorted.push_back(c.dates[row]);
    if (condition) is_event.push_back(kMeets.Holds(c.condition[row]));
  }
  Result<Series> s = condition ? CasesBetweenEvents(sorted, is_event) : DaysBetweenEvents(sorted);
  if (!s.ok()) return WithPath(table, s.status());
  AggregateResult out;
  out.series = std::move(s).value();
  out.note = condition ? "cases between events: chart it with --chart g"
                       : "days between events: chart it with --chart t";
  return out;
}

std::string ChartNote(PeriodMeasure m) {
  switch (m) {
    case PeriodMeasure::kProportion:
      return "proportions: chart them with --chart p";
    case PeriodMeasure::kRatio:
      return "rates: chart them with --chart u; the catalogue's multiplier scales them";
    case PeriodMeasure::kCount:
      return "counts: chart them with --chart c or xmr";
    default:
      return "chart them with --chart xmr";
  }
}

// One value per period. Outside proportion, a condition selects the rows to use.
Result<AggregateResult> PerPeriod(const RecordTable& table, const AggregateRequest& r,
                                  const AggregateColumns& c) {
  const bool condition = !r.condition.empty();
  const bool proportion = r.measure == PeriodMeasure::kProportion;
  std::vector<Date> dates;
  std::vector<double> values, denominators;
  for (std::size_t i = 0; i < c.dates.size(); ++i) {
    if (condition && !proportion && !kMeets.Holds(c.condition[i])) continue;
    dates.push_back(c.dates[i]);
    if (proportion) {
      values.push_back(c.condition[i]);
    } else if (!c.values.empty()) {
      values.push_back(c.values[i]);
    }
    if (!c.denominators.empty()) denominators.push_back(c.denominators[i]);
  }
  AggregateOptions options;
  options.unit = r.period;
  options.measure = r.measure;
  if (condition) options.condition = kMeets;
  if (r.measure == PeriodMeasure::kCount) values.clear();
  Result<Aggregated> a = AggregateByPeriod(dates, values, denominators, options);
  if (!a.ok()) return WithPath(table, a.status());
  AggregateResult out;
  out.series = std::move(a->series);
  out.rows_missing = a->rows_missing;
  out.note = ChartNote(r.measure);
  // Numerator and denominator only for the ratio measures: `kaizen spc` reads a series with
  // denominators as a p chart by default, which a mean or a count is not.
  out.ratio = proportion || r.measure == PeriodMeasure::kRatio;
  return out;
}

}  // namespace

Result<AggregateResult> AggregateRecords(const RecordTable& table, const AggregateRequest& request,
                                         Diagnostics* diagnostics) {
  AggregateColumns columns;
  if (Status s = ReadAggregateColumns(table, request, &columns, diagnostics); !s.ok()) return s;
  Result<AggregateResult> out = request.between_events ? BetweenEvents(table, request, columns)
                                                       : PerPeriod(table, request, columns);
  if (out.ok()) out->records = static_cast<int64_t>(table.rows.size());
  return out;
}

}  // namespace kaizen
