#include "cli/analysis_common.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/read_limited.h"
#include "ingest/csv/csv_reader.h"
#include "ingest/dates.h"
#include "ingest/numbers.h"
#include "kaizen/analysis_render.h"
#include "kaizen/hypothesis.h"
#include "kaizen/render.h"

namespace kaizen::cli {
namespace {

// The records file is read whole: record extracts for analysis are small (thousands of rows),
// and the tokenizer reads it twice (encoding check, then rows).
class StringSource final : public ingest::ByteSource {
 public:
  explicit StringSource(std::string text) : text_(std::move(text)) {}
  Result<std::size_t> Read(char* buffer, std::size_t size) override {
    const std::size_t n = std::min(size, text_.size() - pos_);
    if (n > 0) std::memcpy(buffer, text_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  Status Rewind() override {
    pos_ = 0;
    return Status::Ok();
  }

 private:
  std::string text_;
  std::size_t pos_ = 0;
};

class TableSink final : public ingest::RowSink {
 public:
  explicit TableSink(RecordTable* table) : table_(table) {}
  Status OnRow(int line, std::span<const std::string_view> fields) override {
    std::vector<std::string> row(fields.begin(), fields.end());
    if (!have_header_) {
      table_->header = std::move(row);
      have_header_ = true;
      return Status::Ok();
    }
    // A blank line is not a record.
    if (row.size() == 1 && row[0].empty()) return Status::Ok();
    table_->rows.push_back(std::move(row));
    table_->lines.push_back(line);
    return Status::Ok();
  }
  using RowSink::OnBadRow;
  Status OnBadRow(int line, int column, std::string message) override {
    return Status::InvalidArgument(table_->path + ":" + std::to_string(line) + ":" +
                                   std::to_string(column) + ": " + message);
  }

 private:
  RecordTable* table_;
  bool have_header_ = false;
};

std::string Cell(const RecordTable& t, std::size_t row, int index) {
  return static_cast<std::size_t>(index) < t.rows[row].size() ? t.rows[row][index] : std::string();
}

// A bad cell, printed as the importer prints its diagnostics (file:line:column, code).
void ReportCell(const RecordTable& t, std::size_t row, int index, std::string_view code,
                const std::string& message) {
  const Diagnostic d{
      .severity = Severity::kError,
      .file = t.path,
      .line = t.lines[row],
      .column = index + 1,
      .message = "column '" + t.header[static_cast<std::size_t>(index)] + "': " + message,
      .code = code};
  std::cerr << d.ToString() << "\n";
}

}  // namespace

int ReadRecords(const std::string& path, const std::string& delimiter, RecordTable* table) {
  table->path = path;
  std::string text;
  if (Status s = ReadFileLimited(path, kMaxRecordTableBytes, "the table", &text); !s.ok()) {
    std::cerr << path << ": " << s.message() << "\n";
    return kExitBadInput;
  }
  char d = '\0';
  if (!ParseDelimiter(delimiter, &d)) return kExitBadInput;
  StringSource source(std::move(text));
  TableSink sink(table);
  Diagnostics diagnostics;
  Status st = ingest::ReadCsvRows(source, path, d, &diagnostics, sink);
  PrintDiagnostics(diagnostics);
  if (!st.ok()) {
    if (diagnostics.all().empty()) std::cerr << st.message() << "\n";
    return kExitBadInput;
  }
  if (table->header.empty()) {
    std::cerr << path << ": the file is empty (expected a header row of column names)\n";
    return kExitBadInput;
  }
  return kExitOk;
}

int FindColumn(const RecordTable& table, const std::string& name, const std::string& option,
               int* index) {
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i] == name) {
      *index = static_cast<int>(i);
      return kExitOk;
    }
  }
  std::string names;
  for (const std::string& h : table.header) names += (names.empty() ? "" : ", ") + h;
  std::cerr << option << ": " << table.path << " has no column '" << name
            << "'; its columns are: " << names << "\n";
  return kExitBadInput;
}

int NumericColumn(const RecordTable& table, int index, std::vector<double>* out) {
  out->assign(table.rows.size(), kMissing);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    std::string text(ingest::TrimSpaces(Cell(table, r, index)));
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "true") {
      (*out)[r] = 1;
      continue;
    }
    if (lower == "false") {
      (*out)[r] = 0;
      continue;
    }
    double v = 0;
    switch (ingest::ParseNumber(text, &v)) {
      case ingest::NumberParse::kOk:
        (*out)[r] = v;
        break;
      case ingest::NumberParse::kMissing:
        break;
      case ingest::NumberParse::kTooLarge:
        ReportCell(table, r, index, diag::kValueOverflow,
                   "'" + text +
                       "' is beyond the largest number kaizen can hold (expected a "
                       "number of magnitude below 1.8e308)");
        return kExitBadInput;
      case ingest::NumberParse::kBad:
        ReportCell(table, r, index, diag::kBadNumber,
                   "'" + text +
                       "' is not a number (expected a plain decimal, TRUE/FALSE, or empty/NA for "
                       "missing)");
        return kExitBadInput;
    }
  }
  return kExitOk;
}

int DateColumn(const RecordTable& table, int index, const std::string& date_format,
               std::vector<Date>* out) {
  const DateFormat format = date_format == "iso"   ? DateFormat::kIso
                            : date_format == "dmy" ? DateFormat::kDayMonthYear
                            : date_format == "mdy" ? DateFormat::kMonthDayYear
                                                   : DateFormat::kAuto;
  std::vector<ingest::RawPeriod> raw(table.rows.size());
  bool only_day_month = false, only_month_day = false;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const std::string text = Cell(table, r, index);
    if (const ingest::PeriodParse p = ingest::ParsePeriod(text, format, false, &raw[r]);
        p != ingest::PeriodParse::kOk) {
      const ingest::PeriodError e = ingest::DescribeBadPeriod(p, text, format);
      ReportCell(table, r, index, e.code, e.message);
      return kExitBadInput;
    }
    if (raw[r].slash) {
      const ingest::SlashFit fit = ingest::FitsOf(raw[r]);
      only_day_month |= fit.day_month && !fit.month_day;
      only_month_day |= fit.month_day && !fit.day_month;
    }
  }
  if (only_day_month && only_month_day) {
    std::cerr << table.path << ": column '" << table.header[index]
              << "' mixes day-first and month-first dates; say which with --date-format\n";
    return kExitBadInput;
  }
  // UK data are day first (domain.md): that is the reading when nothing decides it.
  const ingest::DateOrder order =
      only_month_day ? ingest::DateOrder::kMonthDay : ingest::DateOrder::kDayMonth;
  out->resize(table.rows.size());
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (!ingest::ResolvePeriod(raw[r], order, &(*out)[r])) {
      ReportCell(table, r, index, diag::kBadDate,
                 "'" + Cell(table, r, index) + "' is not a calendar day");
      return kExitBadInput;
    }
  }
  return kExitOk;
}

void AddFormatOption(CLI::App* cmd, std::string* format) {
  cmd->add_option("--format", *format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
}

int CheckChartPath(const std::string& path) {
  if (path.empty() || EndsWith(path, ".svg") || EndsWith(path, ".png") || EndsWith(path, ".pdf"))
    return kExitOk;
  std::cerr << "-o: '" << path << "' must end in .svg, .png or .pdf\n";
  return kExitBadInput;
}

int WriteChart(const std::string& path, const std::string& svg) {
  if (EndsWith(path, ".svg")) return WriteOutput(path, svg);
  Status st = EndsWith(path, ".png") ? WriteSvgAsPng(svg, path) : WriteSvgAsPdf(svg, path);
  if (!st.ok()) {
    std::cerr << st.message() << "\n";
    return kExitCannotWrite;
  }
  return kExitOk;
}

int LoadOneSeries(const DataOptions& options, OneSeries* out) {
  if (int code = PrepareInputs(options, &out->inputs); code != kExitOk) return code;
  std::vector<Series> series;
  ImportSummary summary;
  if (int code = LoadSeries(options, out->inputs, &series, &summary); code != kExitOk) return code;
  if (series.size() != 1) {
    std::cerr << options.data_path << ": --indicator " << options.indicator << " has "
              << series.size() << " series; choose one organisation with --org\n";
    return kExitBadInput;
  }
  out->series = std::move(series[0]);
  Result<Indicator> ind = IndicatorFor(out->series, out->inputs, options);
  if (!ind.ok()) {
    std::cerr << options.data_path << ": " << ind.status().message() << "\n";
    return kExitBadInput;
  }
  out->indicator = std::move(ind).value();
  Result<SeriesResult> result = AnalyseSeries(out->indicator, out->series);
  if (!result.ok()) {
    std::cerr << options.data_path << ": " << result.status().message() << "\n";
    return kExitBadInput;
  }
  out->result = std::move(result).value();
  PrintSeriesWarnings(out->series.indicator_id, out->series.organisation, out->result.warnings);
  return kExitOk;
}

void AddValueSourceOptions(CLI::App* cmd, DataOptions* data, std::string* column) {
  AddDataOptions(cmd, data, "ifc");
  CLI::Option* by_column =
      cmd->add_option("--column", *column,
                      "a numeric column of a records CSV (DATA), instead of --indicator's series");
  cmd->get_option("--indicator")->excludes(by_column);
}

int LoadAnalysedValues(const DataOptions& data, const std::string& column, AnalysedValues* out) {
  if (!column.empty()) {
    RecordTable table;
    int index = 0;
    if (int code = ReadRecords(data.data_path, data.delimiter, &table); code != kExitOk)
      return code;
    if (int code = FindColumn(table, column, "--column", &index); code != kExitOk) return code;
    if (int code = NumericColumn(table, index, &out->values); code != kExitOk) return code;
    out->title = column + " (" + std::filesystem::path(data.data_path).filename().string() + ")";
    out->unit = column;
    return kExitOk;
  }
  if (data.indicator.empty()) {
    std::cerr << "give --indicator ID (one series of the long-format DATA) or --column NAME (a "
                 "numeric column of the records file DATA)\n";
    return kExitBadInput;
  }
  OneSeries s;
  if (int code = LoadOneSeries(data, &s); code != kExitOk) return code;
  out->values = PlottedValues(s.result);
  out->title = s.indicator.name + " — " + s.series.organisation;
  out->unit = s.indicator.unit;
  out->series = std::move(s);
  return kExitOk;
}

void AddChartLabelOptions(CLI::App* cmd, ChartLabels* labels) {
  cmd->add_option("--title", labels->title, "the chart's title");
  cmd->add_option("--x-label", labels->x_label, "the chart's horizontal axis label");
  cmd->add_option("--y-label", labels->y_label, "the chart's vertical axis label");
}

void ApplyChartLabels(const ChartLabels& labels, PlotOptions* plot) {
  if (!labels.title.empty()) plot->title = labels.title;
  if (!labels.x_label.empty()) plot->x_label = labels.x_label;
  if (!labels.y_label.empty()) plot->y_label = labels.y_label;
}

std::vector<double> PlottedValues(const SeriesResult& result, std::vector<Date>* periods) {
  std::vector<double> values;
  for (const PointResult& pt : result.points) {
    if (pt.missing || pt.ghosted || std::isnan(pt.value)) continue;
    values.push_back(pt.value);
    if (periods) periods->push_back(pt.period);
  }
  return values;
}

namespace {

// The before-period reading of CompareAroundChange: the series analysed with every catalogue
// rebase that would start a segment at or after the change dropped and the baseline ended the
// day before it, so the points from the change are judged against limits estimated from the
// points before it only. A run on one side of the centre (shift, longest run) that reaches into
// them is the chart's evidence of a sustained change. Exit 2 when the engine refuses the series.
int JudgeAgainstLimitsBefore(const OneSeries& s, Date change, int first_after, BeforeAfter* out) {
  const auto& points = s.result.points;
  const Date last_before = points[static_cast<std::size_t>(first_after) - 1].period;
  Indicator judged = s.indicator;
  std::erase_if(judged.rebases, [&](const Rebase& r) {
    // A rebase after the last period before the change would start its segment at the change
    // or later: the before-period's limits would not reach the points after it.
    if (!(r.date > last_before)) return false;
    out->ignored_rebases.push_back(r.date);
    return true;
  });
  const Date day_before(change.days_since_epoch() - 1);
  judged.baseline.to =
      judged.baseline.to && *judged.baseline.to < day_before ? *judged.baseline.to : day_before;
  Result<SeriesResult> r = AnalyseSeries(judged, s.series);
  if (!r.ok()) {
    std::cerr << "--change-date: " << r.status().message() << "\n";
    return kExitBadInput;
  }
  out->judged = std::move(r).value();
  const SeriesResult& j = out->judged;
  const SegmentResult& seg = j.segments[static_cast<std::size_t>(j.points[first_after].segment)];
  out->limits_from = j.points[seg.first].period;
  out->limits_points = seg.n_baseline;
  out->limits_centre = seg.centre;
  if (seg.has_limits) {
    out->limits_lower = j.points[first_after].lower3;
    out->limits_upper = j.points[first_after].upper3;
  }
  for (const Signal& sig : j.signals) {
    if ((sig.rule == RuleId::kShift || sig.rule == RuleId::kLongestRun) &&
        sig.last >= first_after && sig.side != Side::kNone) {
      out->shift_after = true;
      out->shift_side = sig.side;
      out->shift_class = sig.point_class;
      break;
    }
  }
  std::string& t = out->limits_sentence;
  t = "the points from " + change.ToIso() + " are judged against the limits of the " +
      std::to_string(seg.n_baseline) + " point(s) from " +
      FormatPeriod(out->limits_from, j.period_kind) + " to " +
      FormatPeriod(last_before, j.period_kind) + ": centre " + FormatForTable(seg.centre);
  t += seg.has_limits ? ", limits " + FormatForTable(out->limits_lower) + " to " +
                            FormatForTable(out->limits_upper) + " at " + change.ToIso()
                      : ", no limits (too few points for the profile), the runs rules only";
  if (!out->ignored_rebases.empty()) {
    t += "; the catalogue's rebase at";
    for (const Date& d : out->ignored_rebases) t += " " + d.ToIso();
    t += " is not used for this reading";
  }
  t += ".";
  return kExitOk;
}

}  // namespace

int CompareAroundChange(const OneSeries& s, Date change, BeforeAfter* out) {
  out->change_date = change;
  std::vector<double> before, after;
  double x1 = 0, n1 = 0, x2 = 0, n2 = 0;
  int first_after = -1;
  const auto& points = s.result.points;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const PointResult& pt = points[i];
    const bool is_after = pt.period >= change;
    if (is_after && first_after < 0) first_after = static_cast<int>(i);
    if (pt.missing || pt.ghosted || std::isnan(pt.value)) continue;
    (is_after ? after : before).push_back(pt.value);
    (is_after ? x2 : x1) += pt.numerator;
    (is_after ? n2 : n1) += pt.denominator;
  }
  if (before.empty() || after.empty()) {
    Date first = points.empty() ? change : points.front().period;
    Date last = points.empty() ? change : points.back().period;
    std::cerr << "--change-date: " << change.ToIso() << " leaves no point "
              << (before.empty() ? "before" : "after") << " it; the data run from " << first.ToIso()
              << " to " << last.ToIso() << "\n";
    return kExitBadInput;
  }
  out->n_before = static_cast<int64_t>(before.size());
  out->n_after = static_cast<int64_t>(after.size());
  if (Result<WelchTest> w = WelchTTest(before, after); w.ok()) {
    out->welch = std::move(w).value();
  } else {
    out->notes.push_back("Welch's t-test not run: " + w.status().message());
  }
  if (Result<MannWhitneyTest> m = MannWhitney(before, after); m.ok()) {
    out->mann_whitney = std::move(m).value();
  } else {
    out->notes.push_back("Mann-Whitney test not run: " + m.status().message());
  }
  const ChartType chart = s.indicator.chart;
  const bool proportions =
      chart == ChartType::kP || chart == ChartType::kNp || chart == ChartType::kPPrime;
  if (proportions) {
    if (Result<ProportionComparison> p = CompareProportions(x1, n1, x2, n2); p.ok()) {
      out->proportions = std::move(p).value();
    } else {
      out->notes.push_back("chi-square and Fisher tests not run: " + p.status().message());
    }
  } else if (ChartUsesDenominator(chart)) {
    out->notes.push_back(
        "chi-square and Fisher tests compare proportions; this indicator is a rate, so only the "
        "tests of the plotted values apply");
  }

  if (int code = JudgeAgainstLimitsBefore(s, change, first_after, out); code != kExitOk)
    return code;
  Indicator rebased = s.indicator;
  rebased.rebases.push_back({change, {"the change date of this comparison", "", std::nullopt}});
  std::sort(rebased.rebases.begin(), rebased.rebases.end(),
            [](const Rebase& a, const Rebase& b) { return a.date < b.date; });
  Result<SeriesResult> r = AnalyseSeries(rebased, s.series);
  if (!r.ok()) {
    std::cerr << "--change-date: " << r.status().message() << "\n";
    return kExitBadInput;
  }
  out->rebased = std::move(r).value();
  for (const SegmentResult& seg : out->rebased.segments) {
    const Date seg_first = out->rebased.points[seg.first].period;
    if (seg_first < change) out->centre_before = seg.centre;
    if (seg_first == change || (seg_first > change && std::isnan(out->centre_after)))
      out->centre_after = seg.centre;
  }
  const std::string side = out->shift_side == Side::kHigh ? "upward" : "downward";
  const std::string kind = out->shift_class == PointClass::kImprovement ? " (an improvement)"
                           : out->shift_class == PointClass::kConcern   ? " (a concern)"
                                                                        : "";
  if (out->shift_after) {
    out->spc_verdict = "Judged against the limits of the points before " + change.ToIso() +
                       ", the control chart shows a sustained " + side + " shift" + kind +
                       " in the points from it: the change is visible in SPC terms, and limits "
                       "rebased at the change date describe the new process.";
  } else {
    out->spc_verdict = "Judged against the limits of the points before " + change.ToIso() +
                       ", the control chart shows no sustained shift in the points from it: in "
                       "SPC terms the process has not (yet) changed, so keep the limits and "
                       "collect more points before rebasing.";
  }
  return kExitOk;
}

int CheckSpecLimits(const std::optional<double>& lsl, const std::optional<double>& usl) {
  if (!lsl && !usl) {
    std::cerr << "capability needs a specification limit: give --lsl, --usl or both\n";
    return kExitBadInput;
  }
  // A NaN would print as nothing in the message below ("--lsl  must be below").
  for (const auto& [name, limit] : {std::pair{"--lsl", lsl}, std::pair{"--usl", usl}}) {
    if (limit && !std::isfinite(*limit)) {
      std::cerr << name << ": " << *limit << " is not a finite number\n";
      return kExitBadInput;
    }
  }
  if (lsl && usl && !(*lsl < *usl)) {
    std::cerr << "--lsl " << FormatNumber(*lsl) << " must be below --usl " << FormatNumber(*usl)
              << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

std::string FormatStatistic(const std::string& name, double v) {
  auto ends = [&](const std::string& suffix) { return EndsWith(name, suffix); };
  if (name == "n" || name == "missing") return FormatNumber(v);
  if (ends("_p") || ends("p_value") || name == "p") {
    if (std::isfinite(v) && v < 0.0001) return "< 0.0001";
    return FormatForTable(v);
  }
  return FormatForTable(v);
}

QuantileMethod QuantileFromInt(int type) { return static_cast<QuantileMethod>(type); }

std::vector<std::string> SplitCommas(const std::string& s) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t comma; (comma = s.find(',', start)) != std::string::npos; start = comma + 1)
    parts.push_back(s.substr(start, comma - start));
  parts.push_back(s.substr(start));
  return parts;
}

namespace {

// "NA" and friends mean "no category here", as in the number columns.
bool MissingCategory(const std::string& c) {
  return c.empty() || c == "NA" || c == "N/A" || c == "NULL" || c == "null";
}

}  // namespace

namespace {

// Every Pareto share divides by the total: one beyond a double is refused at the row that
// takes it there (ParetoFrom* refuse it too, without the line).
int CheckTotalIsFinite(const RecordTable& table, int index, const std::vector<double>& values) {
  double total = 0;
  for (std::size_t r = 0; r < values.size(); ++r) {
    if (std::isnan(values[r])) continue;
    total += values[r];
    if (std::isinf(total)) {
      ReportCell(table, r, index, diag::kValueOverflow,
                 "this value brings the total past the largest number a double holds (1.8e308), "
                 "so no share of it can be computed (expected values whose sum is below that: "
                 "rescale them, e.g. to thousands)");
      return kExitBadInput;
    }
  }
  return kExitOk;
}

}  // namespace

int ParetoFromFile(const ParetoSource& source, const ParetoOptions& options,
                   Result<ParetoResult>* out, int64_t* rows_without_category) {
  if (!source.weight.empty() && !source.count.empty()) {
    std::cerr << "--weight and --count cannot be used together\n";
    return kExitBadInput;
  }
  RecordTable table;
  if (int code = ReadRecords(source.file, source.delimiter, &table); code != kExitOk) return code;
  std::vector<int> category_columns;
  for (const std::string& name : SplitCommas(source.category)) {
    int index = 0;
    if (int code = FindColumn(table, name, "--category", &index); code != kExitOk) return code;
    category_columns.push_back(index);
  }
  std::vector<double> row_weights;
  const std::string& weight_column = source.count.empty() ? source.weight : source.count;
  if (!weight_column.empty()) {
    int index = 0;
    if (int code =
            FindColumn(table, weight_column, source.count.empty() ? "--weight" : "--count", &index);
        code != kExitOk)
      return code;
    if (int code = NumericColumn(table, index, &row_weights); code != kExitOk) return code;
    if (int code = CheckTotalIsFinite(table, index, row_weights); code != kExitOk) return code;
  }
  std::vector<std::string> categories;
  std::vector<double> weights;
  *rows_without_category = 0;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    bool any = false;
    for (int c : category_columns) {
      const std::string cell =
          static_cast<std::size_t>(c) < table.rows[r].size() ? table.rows[r][c] : "";
      if (MissingCategory(cell)) continue;
      any = true;
      categories.push_back(cell);
      if (!row_weights.empty()) weights.push_back(row_weights[r]);
    }
    *rows_without_category += !any;
  }
  *out = source.count.empty() ? ParetoFromRecords(categories, weights, options)
                              : ParetoFromCounts(categories, weights, options);
  if (!out->ok()) {
    std::cerr << source.file << ": " << out->status().message() << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace kaizen::cli
