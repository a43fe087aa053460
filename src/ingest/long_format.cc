#include "ingest/long_format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <tuple>
#include <utility>

#include "ingest/csv/sniffer.h"
#include "ingest/name_limits.h"
#include "ingest/numbers.h"
#include "kaizen/chart_traits.h"
#include "kaizen/number_format.h"

namespace kaizen::ingest {
namespace {

// A file with thousands of bad rows is one mistake repeated: stop listing after these.
constexpr std::size_t kMaxErrors = 100;
constexpr std::size_t kMaxWarnings = 1000;
constexpr std::size_t kKnownIdsShown = 5;
// The organisation of a file without an organisation column (and no --org): the whole file
// is one organisation's, as an analyst's own extract usually is.
constexpr std::string_view kOneOrganisation = "all";

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string Quoted(std::string_view text) {
  // Long cells (a pasted paragraph) would bury the message.
  constexpr std::size_t kShown = 60;
  if (text.size() > kShown) return "'" + std::string(text.substr(0, kShown)) + "...'";
  return "'" + std::string(text) + "'";
}

// Shortest round-trip decimal ("2.5", "1e+308").
std::string FormatNumber(double v) { return FormatShortest(v); }

std::string MonthText(Date d) { return d.ToIso().substr(0, 7); }

std::string_view PeriodKindWords(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kIsoWeek:
      return "an ISO week";
    case PeriodKind::kFinancialQuarter:
      return "a financial quarter";
    case PeriodKind::kFinancialYear:
      return "a financial year";
    case PeriodKind::kSequence:
      return "a sequence number";
    case PeriodKind::kDate:
      break;
  }
  return "a date";
}

double SumOrMissing(std::span<const double> xs, bool mean) {
  double sum = 0.0;
  int n = 0;
  for (double x : xs) {
    if (std::isnan(x)) continue;
    sum += x;
    ++n;
  }
  if (n == 0) return kMissing;
  return mean ? sum / n : sum;
}

bool IsMonthEnd(const CivilDay& c) {
  const Date next = Date(Date::FromCivil(c.year, c.month, c.day).value().days_since_epoch() + 1);
  return next.ToCivil().day == 1;
}

// The header's names, quoted and comma-separated, for "found: ..." in diagnostics.
std::string QuotedList(std::span<const std::string_view> fields) {
  std::string list;
  for (std::string_view f : fields) {
    if (!list.empty()) list += ", ";
    list += Quoted(TrimSpaces(f));
  }
  return list;
}

// Whether an indicator of the catalogue names its own measure columns: the file may then be
// wide (one column per indicator) and need no value column of its own.
bool AnyOwnMeasures(const Catalogue* catalogue) {
  return catalogue != nullptr &&
         std::any_of(catalogue->indicators.begin(), catalogue->indicators.end(),
                     [](const Indicator& i) { return i.HasOwnMeasures(); });
}

// The first kKnownIdsShown ids of the catalogue, for "unknown indicator" diagnostics.
std::string KnownIds(const Catalogue& catalogue) {
  std::string known;
  for (std::size_t i = 0; i < catalogue.indicators.size() && i < kKnownIdsShown; ++i)
    known += (i ? ", " : "") + catalogue.indicators[i].id;
  if (catalogue.indicators.size() > kKnownIdsShown) known += ", ...";
  if (known.empty()) known = "none: the catalogue defines no indicators";
  return known;
}

std::string RowsNotGroupedMessage(std::string_view indicator, std::string_view organisation,
                                  int series_last_line) {
  return "the rows of indicator " + Quoted(indicator) + ", organisation " + Quoted(organisation) +
         " are not together (the series ended on line " + std::to_string(series_last_line) +
         "); a file this large is streamed, which needs the rows grouped by indicator and "
         "organisation: sort it by those two columns (header row first), or split it into files "
         "under 64 MB";
}

// A CSV's plain whole numbers are sequence numbers (1, 2, 3...); a spreadsheet's are Excel
// date serials, read by ParsePeriod.
PeriodParse ParseRowPeriod(std::string_view text, bool spreadsheet, DateFormat format,
                           RawPeriod* out) {
  return !spreadsheet && ParseSequence(text, out) ? PeriodParse::kOk
                                                  : ParsePeriod(text, format, spreadsheet, out);
}

}  // namespace

LongFormatMapper::LongFormatMapper(std::string file_name, const Catalogue* catalogue,
                                   const ReadOptions& options, Diagnostics* diagnostics,
                                   const SeriesCallback& on_series)
    : file_name_(std::move(file_name)),
      catalogue_(catalogue),
      options_(options),
      diagnostics_(diagnostics),
      on_series_(on_series),
      errors_at_start_(diagnostics->error_count()),
      streaming_(options.streaming),
      slash_order_(options.date_format) {
  if (catalogue_ != nullptr) {
    for (const Indicator& indicator : catalogue_->indicators)
      indicators_.emplace(indicator.id, &indicator);
  }
}

TableLayout LongFormatMapper::Layout() const {
  if (options_.columns.layout != TableLayout::kAuto) return options_.columns.layout;
  return catalogue_ != nullptr ? catalogue_->columns.layout : TableLayout::kAuto;
}

bool LongFormatMapper::DecimalComma() const {
  if (options_.columns.decimal != '.') return options_.columns.decimal == ',';
  return catalogue_ != nullptr && catalogue_->columns.decimal == ',';
}

int LongFormatMapper::SourceColumn(int column) const {
  if (column < 1 || static_cast<std::size_t>(column) > source_columns_.size()) return column;
  return source_columns_[static_cast<std::size_t>(column) - 1];
}

int LongFormatMapper::FindPeriodColumn(std::span<const std::string_view> header) const {
  return FindColumn(header, ColumnName(&ColumnMapping::period), {"date", "month"});
}

std::string LongFormatMapper::ColumnName(std::string ColumnMapping::*field) const {
  static const ColumnMapping kDefaults;
  // The caller's mapping wins where it differs from the defaults; then the catalogue's.
  if (options_.columns.*field != kDefaults.*field) return options_.columns.*field;
  if (catalogue_ != nullptr) return catalogue_->columns.*field;
  return kDefaults.*field;
}

int LongFormatMapper::FindColumn(std::span<const std::string_view> header, const std::string& name,
                                 std::initializer_list<std::string_view> aliases) const {
  if (name.empty()) return -1;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (EqualsIgnoringCase(TrimSpaces(header[i]), name)) return static_cast<int>(i);
  }
  // Common spellings of the default names, tried only when the user named no column.
  static const ColumnMapping kDefaults;
  const bool is_default = name == kDefaults.indicator || name == kDefaults.organisation ||
                          name == kDefaults.period || name == kDefaults.value ||
                          name == kDefaults.numerator || name == kDefaults.denominator ||
                          name == kDefaults.comment;
  if (!is_default) return -1;
  for (std::string_view alias : aliases) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (EqualsIgnoringCase(TrimSpaces(header[i]), alias)) return static_cast<int>(i);
    }
  }
  return -1;
}

Status LongFormatMapper::ReadHeader(int line, std::span<const std::string_view> fields) {
  header_line_ = line;
  header_size_ = fields.size();
  header_names_.assign(fields.begin(), fields.end());
  found_columns_ = QuotedList(fields);  // ReadHeader runs once, on the first non-blank line
  const std::string period = ColumnName(&ColumnMapping::period);
  const std::string indicator = ColumnName(&ColumnMapping::indicator);
  const std::string organisation = ColumnName(&ColumnMapping::organisation);
  const std::string value = ColumnName(&ColumnMapping::value);
  const std::string numerator = ColumnName(&ColumnMapping::numerator);
  const std::string denominator = ColumnName(&ColumnMapping::denominator);
  col_period_ = FindPeriodColumn(fields);
  col_indicator_ = FindColumn(fields, indicator, {"indicator_id", "measure", "metric"});
  col_organisation_ =
      FindColumn(fields, organisation, {"organization", "org", "org_code", "provider", "trust"});
  col_value_ = FindColumn(fields, value, {});
  col_numerator_ = FindColumn(fields, numerator, {"num"});
  col_denominator_ = FindColumn(fields, denominator, {"den", "denom"});
  col_comment_ = FindColumn(fields, ColumnName(&ColumnMapping::comment), {"comments", "notes"});

  if (Status s = CheckDuplicateColumns(line, fields); !s.ok()) return s;
  const bool own_measures = AnyOwnMeasures(catalogue_);
  wide_ = own_measures && col_indicator_ < 0 && options_.indicator.empty();
  if (wide_) streaming_ = false;
  if (!BindPlans(line, fields)) {
    fatal_ = true;
    return Status::InvalidArgument(file_name_ + ": columns named by the catalogue are missing");
  }
  // In the wide layout the catalogue says where each indicator is: no column is unread.
  if (col_indicator_ < 0 && !wide_) {
    unread_indicator_.column = FindLookalike(fields, {"indicator", "measure", "metric"});
  }
  if (col_organisation_ < 0) {
    unread_organisation_.column = FindLookalike(fields, {"org", "provider", "trust", "site"});
  }

  if (col_period_ < 0 && !LooksLikeHeader(fields)) {
    fatal_ = true;
    return Error(diag::kNotAHeader, line, 0,
                 "this line holds data, not column names (expected a header line naming the "
                 "columns, such as '" +
                     indicator + "', '" + organisation + "', '" + period + "' and '" + value +
                     "'; found: " + found_columns_ + ")");
  }
  const std::string found = "; found: " + found_columns_ + ")";
  std::size_t missing = 0;
  const auto require = [&](int column, const std::string& name, std::string_view fallback) {
    if (column >= 0) return;
    ++missing;
    (void)Error(diag::kMissingColumn, line, 0,
                "no '" + name + "' column (expected a column named '" + name + "'" +
                    std::string(fallback) + found);
  };
  require(col_period_, period, "");
  if (options_.indicator.empty() && !wide_) {
    if (indicator.empty()) {
      ++missing;
      (void)Error(diag::kMissingColumn, line, 0,
                  "the catalogue says the file has no indicator column ([columns] indicator = "
                  "\"\"), so the rows need an indicator (expected --indicator ID, or indicators "
                  "that name their own value, or numerator and denominator, columns)");
    } else {
      require(col_indicator_, indicator, ", or the indicator named with --indicator");
    }
  }
  // A file without an organisation column is one organisation's (kOneOrganisation).
  if (!own_measures && col_value_ < 0 && (col_numerator_ < 0 || col_denominator_ < 0)) {
    ++missing;
    (void)Error(diag::kMissingColumn, line, 0,
                "no '" + value + "' column (expected a column named '" + value + "', or '" +
                    numerator + "' and '" + denominator + "' columns" + found);
  }
  if (missing > 0) {
    fatal_ = true;
    return Status::InvalidArgument(file_name_ + ": required columns are missing");
  }
  return Status::Ok();
}

bool LongFormatMapper::BindExpression(int line, std::span<const std::string_view> fields,
                                      std::string_view owner, std::string_view key,
                                      const std::string& text, ExpressionKind kind,
                                      std::optional<Expression>* out) {
  if (text.empty()) return true;
  ExpressionError parse_error;
  *out = Expression::Parse(text, kind, &parse_error);
  if (!*out) {  // the catalogue reader checked it; kept so a bad one can never pass silently
    (void)Error(
        diag::kBadExpression, line, 0,
        std::string(owner) + ": " + std::string(key) + " = '" + text + "': " + parse_error.message);
    return false;
  }
  std::string missing;
  const auto find = [&](std::string_view name) {
    return FindColumn(fields, std::string(name), {});
  };
  if ((*out)->Bind(find, &missing)) return true;
  (void)Error(diag::kMissingColumn, line, 0,
              "no " + Quoted(missing) + " column, which " + std::string(owner) + " reads (" +
                  std::string(key) + " = \"" + text + "\"; found: " + found_columns_ + ")");
  return false;
}

bool LongFormatMapper::BindPlans(int line, std::span<const std::string_view> fields) {
  if (catalogue_ == nullptr) return true;
  bool ok = BindExpression(line, fields, "the catalogue", "where", catalogue_->where,
                           ExpressionKind::kCondition, &file_where_);
  plans_.resize(catalogue_->indicators.size());
  for (std::size_t i = 0; i < plans_.size(); ++i) {
    const Indicator& ind = catalogue_->indicators[i];
    const std::string owner = "indicator " + Quoted(ind.id);
    Plan& plan = plans_[i];
    ok = BindExpression(line, fields, owner, "value", ind.value_expression,
                        ExpressionKind::kMeasure, &plan.value) &&
         ok;
    ok = BindExpression(line, fields, owner, "numerator", ind.numerator_expression,
                        ExpressionKind::kMeasure, &plan.numerator) &&
         ok;
    ok = BindExpression(line, fields, owner, "denominator", ind.denominator_expression,
                        ExpressionKind::kMeasure, &plan.denominator) &&
         ok;
    ok = BindExpression(line, fields, owner, "where", ind.where, ExpressionKind::kCondition,
                        &plan.where) &&
         ok;
  }
  return ok;
}

Status LongFormatMapper::CheckDuplicateColumns(int line, std::span<const std::string_view> header) {
  // The first of two same-named columns would be read and the second ignored without a word.
  bool any = false;
  for (int column : {col_indicator_, col_organisation_, col_period_, col_value_, col_numerator_,
                     col_denominator_, col_comment_}) {
    if (column < 0) continue;
    const std::string_view name = TrimSpaces(header[static_cast<std::size_t>(column)]);
    for (std::size_t j = static_cast<std::size_t>(column) + 1; j < header.size(); ++j) {
      if (!EqualsIgnoringCase(TrimSpaces(header[j]), name)) continue;
      any = true;
      (void)Error(diag::kDuplicateColumn, line, static_cast<int>(j) + 1,
                  "two columns are named " + Quoted(name) + ": column " +
                      std::to_string(column + 1) + " and column " + std::to_string(j + 1) +
                      " (expected each column name once: rename or remove one)");
    }
  }
  if (!any) return Status::Ok();
  fatal_ = true;
  return Status::InvalidArgument(file_name_ + ": duplicate column names");
}

int LongFormatMapper::FindLookalike(std::span<const std::string_view> header,
                                    std::initializer_list<std::string_view> words) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    const int column = static_cast<int>(i);
    if (column == col_period_ || column == col_value_ || column == col_numerator_ ||
        column == col_denominator_ || column == col_comment_ || column == col_indicator_ ||
        column == col_organisation_) {
      continue;
    }
    std::string lower(TrimSpaces(header[i]));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view w : words) {
      if (lower.find(w) != std::string::npos) return column;
    }
  }
  return -1;
}

Status LongFormatMapper::CheckLookalike(int line, std::span<const std::string_view> fields,
                                        Lookalike* lookalike, std::string_view what,
                                        std::string_view option, std::string_view column_option) {
  if (lookalike->column < 0) return Status::Ok();
  const std::string_view cell = TrimSpaces(Cell(fields, lookalike->column));
  if (cell.empty()) return Status::Ok();
  if (lookalike->first_line == 0) {
    lookalike->first_line = line;
    lookalike->first_text = std::string(cell);
    return Status::Ok();
  }
  if (cell == lookalike->first_text) return Status::Ok();
  // Two different values: the file holds several series that --indicator (--org) would merge.
  fatal_ = true;
  const std::string name(TrimSpaces(header_names_[static_cast<std::size_t>(lookalike->column)]));
  return Error(diag::kUnreadIndicatorColumn, line, lookalike->column + 1,
               "column " + Quoted(name) + " looks like the " + std::string(what) +
                   " column and holds " + Quoted(cell) + " here but " +
                   Quoted(lookalike->first_text) + " on line " +
                   std::to_string(lookalike->first_line) + "; with " + std::string(option) +
                   " and no " + std::string(what) +
                   " column every row would be merged into "
                   "one series (expected " +
                   std::string(column_option) + " " + Quoted(name) +
                   " to read it, or a file of one " + std::string(what) + ")");
}

std::string_view LongFormatMapper::Cell(std::span<const std::string_view> fields,
                                        int column) const {
  if (column < 0 || static_cast<std::size_t>(column) >= fields.size()) return {};
  return fields[static_cast<std::size_t>(column)];
}

LongFormatMapper::Shape LongFormatMapper::ShapeOf(const Indicator* definition) const {
  if (definition == nullptr) {
    return col_numerator_ >= 0 && col_denominator_ >= 0 ? Shape::kRatio : Shape::kValue;
  }
  const ChartTraits& t = TraitsOf(definition->chart);
  if (t.ReadsSubgroup()) return Shape::kSubgroup;
  return t.ReadsRatio() ? Shape::kRatio : Shape::kValue;
}

Status LongFormatMapper::Error(std::string_view code, int line, int column, std::string message) {
  const std::size_t errors = diagnostics_->error_count() - errors_at_start_;
  if (errors >= kMaxErrors) {
    fatal_ = true;
    return Status::InvalidArgument(file_name_ + ": too many errors");
  }
  diagnostics_->Error(code, file_name_, line, SourceColumn(column), std::move(message));
  if (errors + 1 == kMaxErrors) {
    diagnostics_->Error(diag::kTooManyErrors, file_name_, line, 0,
                        "too many errors (" + std::to_string(kMaxErrors) + "); stopping here");
    fatal_ = true;
    return Status::InvalidArgument(file_name_ + ": too many errors");
  }
  return Status::Ok();
}

void LongFormatMapper::Warn(std::string_view code, int line, int column, std::string message) {
  if (warnings_ >= kMaxWarnings) {
    ++warnings_not_shown_;
    return;
  }
  ++warnings_;
  diagnostics_->Warning(code, file_name_, line, SourceColumn(column), std::move(message));
}

Status LongFormatMapper::BadRow(std::string_view code, int line, int column, std::string message) {
  if (options_.lenient) {
    ++summary_.rows_skipped;
    Warn(code, line, column, std::move(message) + "; row skipped");
    return Status::Ok();
  }
  return Error(code, line, column, std::move(message));
}

Status LongFormatMapper::BadCell(int line, CellError error) {
  return BadRow(error.code, line, error.column + 1, std::move(error.message));
}

Status LongFormatMapper::OnBadRow(std::string_view code, int line, int column,
                                  std::string message) {
  if (fatal_) return Status::InvalidArgument(file_name_ + ": reading stopped");
  ++summary_.rows_read;
  return BadRow(code, line, column, std::move(message));
}

Status LongFormatMapper::LookUpKey(int line, std::string_view indicator,
                                   std::string_view organisation, int32_t* key) {
  key_scratch_.assign(indicator);
  key_scratch_ += '\x1f';  // a unit separator: never in an id or a name
  key_scratch_ += organisation;
  const auto it = key_index_.find(key_scratch_);
  if (it != key_index_.end()) {
    if (streaming_ && it->second != last_key_) {
      fatal_ = true;
      const Key& k = keys_[static_cast<std::size_t>(it->second)];
      return Error(diag::kRowsNotGrouped, line, col_indicator_ + 1,
                   RowsNotGroupedMessage(k.indicator, k.organisation, k.last_line));
    }
    *key = it->second;
    return Status::Ok();
  }
  Key k;
  k.indicator = std::string(indicator);
  k.organisation = std::string(organisation);
  // Absurdly long names would stall every chart's text layout (ingest/name_limits.h): the key's
  // rows are refused, reported on its first.
  for (auto [what, name, column] :
       {std::tuple{"the indicator id", indicator, col_indicator_},
        std::tuple{"the organisation name", organisation, col_organisation_}}) {
    if (std::string problem = CheckNameLength(what, name); !problem.empty() && k.usable) {
      k.usable = false;
      if (Status s = BadRow(diag::kNameTooLong, line, column + 1, std::move(problem)); !s.ok())
        return s;
    }
  }
  if (catalogue_ != nullptr && k.usable) {
    const auto found = indicators_.find(k.indicator);
    if (found == indicators_.end()) {
      k.usable = false;
      if (reported_.insert("id\x1f" + k.indicator).second) {
        Status s =
            BadRow(diag::kUnknownIndicator, line, col_indicator_ + 1,
                   "unknown indicator " + Quoted(indicator) +
                       " (expected an indicator of the catalogue: " + KnownIds(*catalogue_) + ")");
        if (!s.ok()) return s;
      }
    } else {
      k.definition = found->second;
      k.plan = &plans_[static_cast<std::size_t>(found->second - catalogue_->indicators.data())];
    }
  }
  k.shape = ShapeOf(k.definition);
  // Without a catalogue the header alone cannot say whether a series holds values or ratios
  // when it has both kinds of column (a file of several indicators, or what `kaizen aggregate`
  // writes): each series' rows decide.
  k.shape_from_rows =
      k.definition == nullptr && col_value_ >= 0 && col_numerator_ >= 0 && col_denominator_ >= 0;
  if (k.usable) {
    const auto has = [&](std::optional<Expression> Plan::*own, int column) {
      return column >= 0 || (k.plan != nullptr && (k.plan->*own).has_value());
    };
    const bool lacks = k.shape == Shape::kRatio ? !has(&Plan::numerator, col_numerator_) ||
                                                      !has(&Plan::denominator, col_denominator_)
                                                : !has(&Plan::value, col_value_);
    if (lacks) {
      k.usable = false;
      if (reported_.insert("columns\x1f" + k.indicator).second) {
        const std::string chart(ChartTypeName(k.definition->chart));
        const std::string needs = k.shape == Shape::kRatio
                                      ? "'" + ColumnName(&ColumnMapping::numerator) + "' and '" +
                                            ColumnName(&ColumnMapping::denominator) + "' columns"
                                      : "a '" + ColumnName(&ColumnMapping::value) + "' column";
        Status s = Error(diag::kChartNeedsColumns, header_line_, 0,
                         "indicator " + Quoted(k.indicator) + " is a " + chart +
                             " chart: it needs " + needs + " (found: " + found_columns_ + ")");
        if (!s.ok()) return s;
      }
    }
  }
  *key = static_cast<int32_t>(keys_.size());
  keys_.push_back(std::move(k));
  key_index_.emplace(key_scratch_, *key);
  return Status::Ok();
}

Status LongFormatMapper::CheckPeriodKind(int line, const RawPeriod& raw, std::string_view text,
                                         Key* key) {
  if (key->first_period_line == 0) {
    key->first_period_line = line;
    key->period_kind = raw.kind;
    return Status::Ok();
  }
  // A week beside a date would be plotted as if the two were the same kind of interval.
  return BadRow(diag::kMixedPeriodKinds, line, col_period_ + 1,
                Quoted(TrimSpaces(text)) + " is " + std::string(PeriodKindWords(raw.kind)) +
                    ", but line " + std::to_string(key->first_period_line) + " of indicator " +
                    Quoted(key->indicator) + ", organisation " + Quoted(key->organisation) +
                    " has " + std::string(PeriodKindWords(key->period_kind)) +
                    " (expected every period of a series written the same way: dates, ISO weeks "
                    "such as 2024-W05, financial quarters such as 2016/17 Q1, financial years "
                    "such as 2016/17 or sequence numbers 1, 2, 3)");
}

void LongFormatMapper::NoteSlashDate(int line, const RawPeriod& raw, std::string_view text) {
  const SlashDateOrder::News news = slash_order_.Note(raw, line, text);
  if (news == SlashDateOrder::News::kMixes) {
    fatal_ = true;
    (void)Error(diag::kAmbiguousDates, line, col_period_ + 1, slash_order_.MixedMessage());
  } else if (news == SlashDateOrder::News::kDecides && guessed_order_used_ &&
             slash_order_.order() == DateOrder::kMonthDay) {
    // Streaming: series already delivered were read day first, as nothing had decided.
    fatal_ = true;
    (void)Error(diag::kAmbiguousDates, line, col_period_ + 1,
                Quoted(slash_order_.month_day().text) +
                    " can only be a m/d/yyyy date, but the series before it were already "
                    "delivered reading dates as dd/mm/yyyy (no earlier date decided the "
                    "order); name the date format (--date-format)");
  }
}

Status LongFormatMapper::OnRow(int line, std::span<const std::string_view> fields) {
  if (fatal_) return Status::InvalidArgument(file_name_ + ": reading stopped");
  if (std::all_of(fields.begin(), fields.end(),
                  [](std::string_view f) { return TrimSpaces(f).empty(); })) {
    return Status::Ok();  // blank lines, and the empty rows spreadsheets leave behind
  }
  if (!have_header_) {
    have_header_ = true;
    return ReadHeader(line, fields);
  }
  ++summary_.rows_read;
  if (fields.size() < header_size_ && !spreadsheet_) {
    return BadRow(diag::kFieldCount, line, static_cast<int>(fields.size()),
                  "this row has " + std::to_string(fields.size()) + " fields, the header (line " +
                      std::to_string(header_line_) + ") has " + std::to_string(header_size_) +
                      " (expected one field per column)");
  }
  for (std::size_t i = header_size_; i < fields.size(); ++i) {
    if (!TrimSpaces(fields[i]).empty()) {
      return BadRow(diag::kFieldCount, line, static_cast<int>(i) + 1,
                    "this row has " + std::to_string(fields.size()) + " fields, the header (line " +
                        std::to_string(header_line_) + ") has " + std::to_string(header_size_) +
                        " (expected one field per column; a delimiter inside an unquoted "
                        "text?)");
    }
  }

  if (Status s = CheckLookalike(line, fields, &unread_indicator_, "indicator", "--indicator",
                                "--col-indicator");
      !s.ok()) {
    return s;
  }
  if (Status s =
          CheckLookalike(line, fields, &unread_organisation_, "organisation", "--org", "--col-org");
      !s.ok()) {
    return s;
  }
  if (file_where_) {
    Status status;
    if (!Keeps(line, fields, *file_where_, nullptr, &status)) return status;
  }
  const std::string_view organisation =
      col_organisation_ >= 0          ? TrimSpaces(Cell(fields, col_organisation_))
      : options_.organisation.empty() ? std::string_view(kOneOrganisation)
                                      : std::string_view(options_.organisation);
  if (organisation.empty()) {
    return BadRow(diag::kEmptyOrganisation, line, col_organisation_ + 1,
                  "empty organisation (expected an organisation code or name)");
  }
  if (wide_) {
    for (const Indicator& ind : catalogue_->indicators) {
      if (!ind.HasOwnMeasures()) continue;
      if (Status s = AddRow(line, fields, ind.id, organisation); !s.ok()) return s;
    }
    return Status::Ok();
  }
  const std::string_view indicator = col_indicator_ >= 0 ? TrimSpaces(Cell(fields, col_indicator_))
                                                         : std::string_view(options_.indicator);
  if (indicator.empty())
    return BadRow(diag::kEmptyIndicator, line, col_indicator_ + 1,
                  "empty indicator (expected an indicator id)");
  return AddRow(line, fields, indicator, organisation);
}

bool LongFormatMapper::Keeps(int line, std::span<const std::string_view> fields,
                             const Expression& where, const Key* key, Status* status) {
  bool keep = false;
  EvalError error;
  if (where.Test(fields, &keep, &error)) {
    *status = Status::Ok();
    return keep;
  }
  const std::string owner = key != nullptr ? "the where of indicator " + Quoted(key->indicator)
                                           : std::string("the catalogue's where");
  *status = BadRow(error.code, line, error.column + 1,
                   owner + " (" + where.text() + "): " + error.message);
  return false;
}

bool LongFormatMapper::ParseCell(std::span<const std::string_view> fields, int column,
                                 const std::string& name, double* out) {
  const std::string_view text = Cell(fields, column);
  const NumberStyle style =
      reading_key_ != nullptr ? StyleFor(*reading_key_) : NumberStyle{DecimalComma(), false};
  switch (ReadNumberCell(text, style, out)) {
    case CellNumber::kOk:
    case CellNumber::kMissing:
      return true;
    case CellNumber::kExcelError:
      // What the spreadsheet could not compute is no number: a gap in the chart, said per cell.
      *out = kMissing;
      Warn(diag::kExcelError, reading_line_, column + 1,
           Quoted(TrimSpaces(text)) + " in the '" + name +
               "' column is a spreadsheet error, read as a missing value");
      return true;
    case CellNumber::kPercent:
      last_number_error_ = {column, diag::kPercentValue,
                            reading_key_ != nullptr
                                ? PercentRefusal(*reading_key_, TrimSpaces(text), name)
                                : Quoted(TrimSpaces(text)) + " is a percentage"};
      return false;
    case CellNumber::kBadGrouping:
      last_number_error_ = {
          column, diag::kBadNumber,
          Quoted(TrimSpaces(text)) +
              (style.decimal_comma
                   ? " is not a number written with a decimal comma (expected a number in the '" +
                         name + "' column such as 1.234,5 or 12,5: [columns] decimal = \",\")"
                   : " is not a number: its comma does not group thousands (expected a number in "
                     "the '" +
                         name +
                         "' column such as 1,234,567.5 or 1234.5; for a decimal comma, "
                         "[columns] decimal = \",\" in the catalogue)")};
      return false;
    case CellNumber::kTooLarge:
      last_number_error_ = {column, diag::kValueOverflow,
                            Quoted(TrimSpaces(text)) +
                                " is beyond the largest number kaizen can hold (expected a "
                                "number in the '" +
                                name + "' column of magnitude below 1.8e308)"};
      return false;
    case CellNumber::kBad:
      break;
  }
  last_number_error_ = {column, diag::kBadNumber,
                        Quoted(TrimSpaces(text)) + " is not a number (expected a number in the '" +
                            name + "' column; empty or NA for a missing value)"};
  return false;
}

NumberStyle LongFormatMapper::StyleFor(const Key& key) const {
  // A percent sign is read as the number shown, never divided by 100 (docs/cli.md,
  // "Percentages"): only an indicator that counts in per cent, shown as stored, can take it.
  const bool percent_unit =
      key.definition != nullptr && key.definition->unit == "%" && key.definition->multiplier == 1.0;
  return NumberStyle{DecimalComma(), percent_unit};
}

std::string LongFormatMapper::PercentRefusal(const Key& key, std::string_view text,
                                             const std::string& name) const {
  const std::string shown = Quoted(text) + " in the '" + name + "' column is a percentage";
  const std::string rule =
      " (a percentage is read as the number shown, 78.3 for 78.3%, only for an indicator whose "
      "unit is \"%\" and multiplier 1; kaizen never divides by 100: ";
  if (key.definition == nullptr) {
    return shown + ", and no catalogue says indicator " + Quoted(key.indicator) +
           " counts in per cent" + rule + "give it unit = \"%\" in the catalogue)";
  }
  if (key.definition->unit == "%") {
    return shown + ", and indicator " + Quoted(key.indicator) + " has multiplier " +
           FormatNumber(key.definition->multiplier) + ", which would scale it again" + rule +
           "give the values as fractions, or remove the multiplier)";
  }
  return shown + ", and indicator " + Quoted(key.indicator) + " has unit " +
         Quoted(key.definition->unit) + rule +
         "give the number in the indicator's unit, or set unit = \"%\")";
}

bool LongFormatMapper::ReadMeasure(std::span<const std::string_view> fields,
                                   const std::optional<Expression>& expr, int column,
                                   std::string_view what, double* out) {
  static const ColumnMapping kDefaults;
  if (!expr) {
    std::string ColumnMapping::*field = what == "value"       ? &ColumnMapping::value
                                        : what == "numerator" ? &ColumnMapping::numerator
                                                              : &ColumnMapping::denominator;
    return ParseCell(fields, column, ColumnName(field), out);
  }
  // A bare column keeps a plain column's rules: an empty cell is a missing point.
  if (const int single = expr->SingleColumn(); single >= 0) {
    return ParseCell(fields, single, expr->columns().front(), out);
  }
  EvalError error;
  if (expr->Evaluate(fields, out, &error)) return true;
  last_number_error_ = {error.column, error.code,
                        std::string(what) + " = " + expr->text() + ": " + error.message};
  return false;
}

Status LongFormatMapper::AddRow(int line, std::span<const std::string_view> fields,
                                std::string_view indicator, std::string_view organisation) {
  int32_t key = last_key_;
  if (key < 0 || keys_[static_cast<std::size_t>(key)].indicator != indicator ||
      keys_[static_cast<std::size_t>(key)].organisation != organisation) {
    if (streaming_ && last_key_ >= 0) {
      Status s = FinishSeries(last_key_, RowSelection{0, store_.size()});
      store_.clear();
      comments_.clear();
      if (!s.ok()) return s;
    }
    Status s = LookUpKey(line, indicator, organisation, &key);
    if (!s.ok()) return s;
    last_key_ = key;
  }
  Key& k = keys_[static_cast<std::size_t>(key)];
  k.last_line = line;
  if (!k.usable) {
    // Reported once, on the key's first row.
    if (options_.lenient) ++summary_.rows_skipped;
    return Status::Ok();
  }
  if (k.plan != nullptr && k.plan->where) {
    Status status;
    if (!Keeps(line, fields, *k.plan->where, &k, &status)) return status;
  }

  Row row;
  row.key = key;
  row.line = line;
  reading_line_ = line;
  reading_key_ = &k;
  const std::string_view period_text = Cell(fields, col_period_);
  const PeriodParse parse =
      ParseRowPeriod(period_text, spreadsheet_, options_.date_format, &row.period);
  if (parse != PeriodParse::kOk) {
    PeriodError e = DescribeBadPeriod(parse, period_text, options_.date_format);
    return BadRow(e.code, line, col_period_ + 1, std::move(e.message));
  }
  if (k.first_period_line == 0 || row.period.kind != k.period_kind) {
    const bool first = k.first_period_line == 0;
    Status s = CheckPeriodKind(line, row.period, period_text, &k);
    if (!first) return s;  // the row is refused, or skipped under --lenient
  }
  if (row.period.slash) {
    NoteSlashDate(line, row.period, period_text);
    if (fatal_) return Status::InvalidArgument(file_name_ + ": ambiguous dates");
  }

  static const Plan kNoPlan;
  const Plan& plan = k.plan != nullptr ? *k.plan : kNoPlan;
  const auto ratio = [&] {
    return ReadMeasure(fields, plan.numerator, col_numerator_, "numerator", &row.numerator) &&
           ReadMeasure(fields, plan.denominator, col_denominator_, "denominator", &row.denominator);
  };
  const auto value = [&] {
    return ReadMeasure(fields, plan.value, col_value_, "value", &row.value);
  };
  if (k.shape_from_rows) {
    if (!value() || !ratio()) return BadCell(line, std::move(last_number_error_));
    NoteRowKind(row, &k);
  } else if (k.shape == Shape::kRatio) {
    if (!ratio()) return BadCell(line, std::move(last_number_error_));
  } else if (!value()) {
    return BadCell(line, std::move(last_number_error_));
  }
  reading_key_ = nullptr;  // keys_ may grow: the pointer is for this row only
  if (std::optional<CellError> e = RowNumberProblem(k, row)) return BadCell(line, std::move(*e));
  if (col_comment_ >= 0) {
    const std::string_view comment = TrimSpaces(Cell(fields, col_comment_));
    if (!comment.empty()) {
      row.comment = static_cast<int32_t>(comments_.size());
      comments_.emplace_back(comment);
    }
  }
  store_.Append(row);
  return Status::Ok();
}

std::optional<LongFormatMapper::CellError> LongFormatMapper::RowNumberProblem(
    const Key& key, const Row& row) const {
  if (key.shape == Shape::kSubgroup) return std::nullopt;
  const bool ratio_row = key.shape_from_rows
                             ? !std::isnan(row.numerator) || !std::isnan(row.denominator)
                             : key.shape == Shape::kRatio;
  const ChartType chart = options_.chart   ? *options_.chart
                          : key.definition ? key.definition->chart
                                           : DefaultChart(ratio_row);
  const std::string name(ChartTypeName(chart));
  const std::string numerator = "numerator " + FormatNumber(row.numerator);
  const int value_column = ratio_row ? col_numerator_ : col_value_;
  switch (CheckPoint(chart, ratio_row ? kMissing : row.value, row.numerator, row.denominator)) {
    case PointProblem::kNone:
      break;
    case PointProblem::kNegativeCount:
      return CellError{value_column, diag::kNegativeCount,
                       (ratio_row ? numerator : "count " + FormatNumber(row.value)) +
                           " is negative (expected a count of 0 or more on a " + name + " chart)"};
    case PointProblem::kNonIntegerCount:
      return CellError{value_column, diag::kNonIntegerCount,
                       (ratio_row ? numerator : "count " + FormatNumber(row.value)) +
                           " is not a whole number (expected a count of events on a " + name +
                           " chart)"};
    case PointProblem::kNotPositive:
      return CellError{value_column, diag::kNotPositive,
                       "time between events " + FormatNumber(row.value) +
                           " is not positive (expected a time greater than 0 on a t chart)"};
    case PointProblem::kZeroDenominator:
      return CellError{col_denominator_, diag::kZeroDenominator,
                       "denominator " + FormatNumber(row.denominator) +
                           " (expected a denominator greater than 0 on a " + name + " chart)"};
    case PointProblem::kNumeratorAboveDenominator:
      return CellError{col_numerator_, diag::kNumeratorAboveDenominator,
                       numerator + " is above denominator " + FormatNumber(row.denominator) +
                           " (expected at most as many events as opportunities on a " + name +
                           " chart)"};
  }
  // Charts show value × multiplier (ratios: numerator / denominator × multiplier); where that
  // is beyond a double no arithmetic can recover it.
  const double multiplier = key.definition ? key.definition->multiplier : 1.0;
  const double shown = (ratio_row ? row.numerator / row.denominator : row.value) * multiplier;
  if (std::isinf(shown)) {
    return CellError{value_column, diag::kValueOverflow,
                     (ratio_row ? "the ratio " + FormatNumber(row.numerator / row.denominator)
                                : "value " + FormatNumber(row.value)) +
                         " times the multiplier " + FormatNumber(multiplier) +
                         " is beyond the largest number kaizen can hold (expected a product "
                         "below 1.8e308)"};
  }
  return std::nullopt;
}

Status LongFormatMapper::CombineDuplicates(const Key& key, std::span<const Slot> group,
                                           Observation* out) {
  const std::size_t first = group.front().row;
  const std::size_t last = group.back().row;
  const Date period = group.front().period;
  const auto row_observation = [&](std::size_t r) {
    return Observation{.period = period,
                       .value = store_.values[r],
                       .numerator = store_.numerators[r],
                       .denominator = store_.denominators[r]};
  };
  *out = row_observation(first);
  const Aggregation aggregation =
      key.definition != nullptr ? key.definition->aggregation : Aggregation::kNone;
  const bool ratio = key.shape == Shape::kRatio;
  switch (aggregation) {
    case Aggregation::kNone:
      for (std::size_t i = 1; i < group.size(); ++i) {
        Status s = BadRow(diag::kDuplicatePeriod, store_.lines[group[i].row], col_period_ + 1,
                          "a second row for period " + FormatPeriod(period, key.period_kind) +
                              " of indicator " + Quoted(key.indicator) + ", organisation " +
                              Quoted(key.organisation) + " (the first is on line " +
                              std::to_string(store_.lines[first]) +
                              "; expected one row per period, or an aggregation for the "
                              "indicator in the catalogue: sum, mean, min, max or last)");
        if (!s.ok()) return s;
      }
      return Status::Ok();
    case Aggregation::kLast:
      *out = row_observation(last);
      return Status::Ok();
    case Aggregation::kSum:
    case Aggregation::kMean: {
      const bool mean = aggregation == Aggregation::kMean;
      std::vector<double> column(group.size());
      const auto combine = [&](const LazyColumn<double>& field) {
        for (std::size_t i = 0; i < group.size(); ++i) column[i] = field[group[i].row];
        return SumOrMissing(column, mean);
      };
      if (ratio) {
        out->numerator = combine(store_.numerators);
        out->denominator = combine(store_.denominators);
      } else {
        out->value = combine(store_.values);
      }
      return Status::Ok();
    }
    case Aggregation::kMin:
    case Aggregation::kMax: {
      // For ratios, the row with the smallest (largest) proportion or rate, kept whole.
      const auto score = [&](std::size_t r) {
        return ratio ? store_.numerators[r] / store_.denominators[r] : store_.values[r];
      };
      std::optional<std::size_t> best;
      for (const Slot& slot : group) {
        const double x = score(slot.row);
        if (std::isnan(x)) continue;
        if (!best || (aggregation == Aggregation::kMin ? x < score(*best) : x > score(*best))) {
          best = slot.row;
        }
      }
      if (!best) {
        out->value = out->numerator = out->denominator = kMissing;
      } else {
        *out = row_observation(*best);
      }
      return Status::Ok();
    }
  }
  return Status::Ok();
}

void LongFormatMapper::CheckMissingPeriods(const Key& key, const std::vector<Date>& periods) {
  if (periods.size() < 3) return;
  const std::string series =
      "indicator " + Quoted(key.indicator) + ", organisation " + Quoted(key.organisation) + ": ";
  if (key.period_kind == PeriodKind::kSequence) return CheckMissingNumbers(series, periods);
  // The common case, checked without a calendar per point: n periods 28–31 days apart whose
  // first and last share a day of the month n − 1 months apart leave no month out.
  const CivilDay c0 = periods[0].ToCivil();
  const CivilDay cn = periods.back().ToCivil();
  if (c0.day == cn.day && (cn.year * 12 + cn.month) - (c0.year * 12 + c0.month) ==
                              static_cast<int>(periods.size()) - 1) {
    bool monthly_steps = true;
    for (std::size_t i = 1; i < periods.size() && monthly_steps; ++i) {
      const int gap = periods[i].days_since_epoch() - periods[i - 1].days_since_epoch();
      monthly_steps = gap >= 28 && gap <= 31;
    }
    if (monthly_steps) return;
  }
  // Monthly or quarterly: every period on the same day of the month, or every one a month end.
  bool same_day = true, month_ends = true;
  std::vector<int> months(periods.size());
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const CivilDay c = periods[i].ToCivil();
    same_day = same_day && c.day == c0.day;
    month_ends = month_ends && IsMonthEnd(c);
    months[i] = c.year * 12 + c.month - 1;
  }
  if (same_day || month_ends) {
    int step = months[1] - months[0];
    for (std::size_t i = 2; i < months.size(); ++i)
      step = std::min(step, months[i] - months[i - 1]);
    if (step != 1 && step != 3) return;
    int missing = 0, first_missing = 0;
    for (std::size_t i = 1; i < months.size(); ++i) {
      const int gap = months[i] - months[i - 1];
      if (gap % step != 0) return;  // irregular: nothing is "missing"
      if (gap > step && missing == 0) first_missing = months[i - 1] + step;
      missing += gap / step - 1;
    }
    if (missing == 0) return;
    const std::string unit =
        step == 1 ? (missing == 1 ? "month" : "months") : (missing == 1 ? "quarter" : "quarters");
    const Date first = Date::FromCivil(first_missing / 12, first_missing % 12 + 1, 1).value();
    // Financial quarters as the file wrote them ("2016/17 Q3"); months as yyyy-mm.
    const auto shown = [&](Date d) {
      return key.period_kind == PeriodKind::kDate ? MonthText(d) : FormatPeriod(d, key.period_kind);
    };
    Warn(diag::kMissingPeriods, 0, 0,
         series + std::to_string(missing) + " " + unit + " missing between " +
             shown(periods.front()) + " and " + shown(periods.back()) + " (the first is " +
             shown(first) + ")");
    return;
  }
  // Weekly: whole weeks apart, at least one gap of exactly one week.
  int step = periods[1].days_since_epoch() - periods[0].days_since_epoch();
  for (std::size_t i = 2; i < periods.size(); ++i)
    step = std::min(step, periods[i].days_since_epoch() - periods[i - 1].days_since_epoch());
  if (step != 7) return;
  int missing = 0;
  Date first;
  for (std::size_t i = 1; i < periods.size(); ++i) {
    const int gap = periods[i].days_since_epoch() - periods[i - 1].days_since_epoch();
    if (gap % 7 != 0) return;
    if (gap > 7 && missing == 0) first = Date(periods[i - 1].days_since_epoch() + 7);
    missing += gap / 7 - 1;
  }
  if (missing == 0) return;
  // ISO weeks as the file wrote them ("2024-W05"); dates as ISO dates.
  const auto shown = [&](Date d) { return FormatPeriod(d, key.period_kind); };
  Warn(diag::kMissingPeriods, 0, 0,
       series + std::to_string(missing) + (missing == 1 ? " week" : " weeks") +
           " missing between " + shown(periods.front()) + " and " + shown(periods.back()) +
           " (the first is " + shown(first) + ")");
}

void LongFormatMapper::CheckMissingNumbers(const std::string& series,
                                           const std::vector<Date>& periods) {
  // Sequence numbers count up by one: any larger step leaves numbers out.
  int missing = 0, first_missing = 0;
  for (std::size_t i = 1; i < periods.size(); ++i) {
    const int gap = periods[i].days_since_epoch() - periods[i - 1].days_since_epoch();
    if (gap > 1 && missing == 0) first_missing = periods[i - 1].days_since_epoch() + 1;
    missing += gap - 1;
  }
  if (missing == 0) return;
  const auto shown = [](Date d) { return FormatPeriod(d, PeriodKind::kSequence); };
  Warn(diag::kMissingPeriods, 0, 0,
       series + std::to_string(missing) + (missing == 1 ? " period" : " periods") +
           " missing between " + shown(periods.front()) + " and " + shown(periods.back()) +
           " (the first is " + shown(Date(first_missing)) + ")");
}

Status LongFormatMapper::Deliver(Series&& series) {
  // The kind of the series' periods, from its key (CheckPeriodKind).
  const auto key = key_index_.find(series.indicator_id + '\x1f' + series.organisation);
  if (key != key_index_.end())
    series.period_kind = keys_[static_cast<std::size_t>(key->second)].period_kind;
  if (!streaming_) {
    finished_.push_back(std::move(series));
    return Status::Ok();
  }
  ++summary_.series;
  stop_ = on_series_(std::move(series));
  if (!stop_.ok()) fatal_ = true;
  return stop_;
}

void LongFormatMapper::NoteRowKind(const Row& row, Key* key) {
  if (!std::isnan(row.numerator) || !std::isnan(row.denominator)) {
    if (key->ratio_rows++ == 0) key->first_ratio_line = row.line;
  } else if (!std::isnan(row.value)) {
    if (key->value_rows++ == 0) key->first_value_line = row.line;
  }
}

Status LongFormatMapper::SettleShape(Key* key) {
  if (!key->shape_from_rows) return Status::Ok();
  // A series of empty rows only stays a ratio series, as the header suggested.
  key->shape = key->value_rows > 0 && key->ratio_rows == 0 ? Shape::kValue : Shape::kRatio;
  if (key->value_rows == 0 || key->ratio_rows == 0) return Status::Ok();
  // Report at whichever kind of row came second: the first row set the series' kind.
  const bool value_second = key->first_value_line > key->first_ratio_line;
  const int line = value_second ? key->first_value_line : key->first_ratio_line;
  const int other = value_second ? key->first_ratio_line : key->first_value_line;
  const int column = (value_second ? col_value_ : col_numerator_) + 1;
  const std::string value_kind = "a value and no numerator or denominator";
  const std::string ratio_kind = "a numerator or a denominator";
  return BadRow(diag::kMixedRowKinds, line, column,
                "this row of indicator " + Quoted(key->indicator) + ", organisation " +
                    Quoted(key->organisation) + " has " + (value_second ? value_kind : ratio_kind) +
                    ", but line " + std::to_string(other) + " of the same series has " +
                    (value_second ? ratio_kind : value_kind) +
                    " (expected every row of a series to fill the same columns: values, or "
                    "numerators and denominators)");
}

Status LongFormatMapper::ResolvedSlots(RowSelection rows, std::vector<Slot>* slots) {
  bool any_slash = false;
  for (std::size_t i = 0; i < rows.size() && !any_slash; ++i)
    any_slash = store_.periods[rows[i]].slash;
  const DateOrder order = slash_order_.order();
  if (any_slash && slash_order_.ambiguous()) guessed_order_used_ = true;
  slots->clear();
  slots->reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t r = rows[i];
    Date period;
    if (!ResolvePeriod(store_.periods[r], order, &period)) {
      // Unreachable when the evidence rule holds; kept so a bad date can never pass silently.
      Status s = BadRow(diag::kBadDate, store_.lines[r], col_period_ + 1,
                        "not a date when read as " +
                            std::string(order == DateOrder::kDayMonth ? "dd/mm/yyyy" : "m/d/yyyy"));
      if (!s.ok()) return s;
      continue;
    }
    slots->push_back({period, static_cast<uint32_t>(r)});
  }
  const auto by_period = [](const Slot& a, const Slot& b) { return a.period < b.period; };
  if (!std::is_sorted(slots->begin(), slots->end(), by_period))
    std::stable_sort(slots->begin(), slots->end(), by_period);
  return Status::Ok();
}

bool LongFormatMapper::TakeColumnsWhole(const Key& key, RowSelection rows,
                                        const std::vector<Slot>& slots, Series* series) {
  // Only a store that holds this series alone, whose rows are already in period order, one per
  // period, can give up its columns; while streaming the store is kept for the next series.
  if (streaming_ || key.shape == Shape::kSubgroup || rows.order != nullptr || rows.begin != 0 ||
      rows.end != store_.size() || slots.size() != rows.size()) {
    return false;
  }
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (slots[i].row != i || (i > 0 && slots[i].period == slots[i - 1].period)) return false;
  }
  const std::size_t n = slots.size();
  series->periods.resize(n);
  for (std::size_t i = 0; i < n; ++i) series->periods[i] = slots[i].period;
  series->source_lines.assign(store_.lines.begin(), store_.lines.begin() + n);
  std::vector<RawPeriod>().swap(store_.periods);
  // A ratio series plots numerator/denominator: a value beside them is not read.
  if (key.shape == Shape::kRatio) {
    series->numerators = store_.numerators.Take();
    series->denominators = store_.denominators.Take();
    store_.values.release();
    series->values.assign(n, kMissing);
  } else {
    series->values = store_.values.Take();
    store_.numerators.release();
    store_.denominators.release();
    series->numerators.assign(n, kMissing);
    series->denominators.assign(n, kMissing);
  }
  series->subgroup_sds.assign(n, kMissing);
  return true;
}

Status LongFormatMapper::FinishSeries(int32_t key_index, RowSelection rows) {
  Key& key = keys_[static_cast<std::size_t>(key_index)];
  if (!key.usable || rows.size() == 0) return Status::Ok();
  if (Status s = SettleShape(&key); !s.ok()) return s;
  const bool ratio_shape = key.shape == Shape::kRatio;
  std::vector<Slot>& slots = slots_;  // kept from series to series: no allocation per series
  if (Status s = ResolvedSlots(rows, &slots); !s.ok()) return s;

  Series series;
  series.indicator_id = key.indicator;
  series.organisation = key.organisation;
  // Comments are read before the columns may be taken.
  if (!(store_.comments.constant() && store_.comments.size() > 0 && store_.comments[0] < 0)) {
    for (const Slot& slot : slots) {
      const int32_t c = store_.comments[slot.row];
      if (c < 0) continue;
      summary_.comments.push_back({key.indicator, key.organisation, slot.period,
                                   std::move(comments_[static_cast<std::size_t>(c)])});
    }
  }
  if (TakeColumnsWhole(key, rows, slots, &series)) {
    // Done without a copy.
  } else if (key.shape == Shape::kSubgroup) {
    std::vector<Date> periods(slots.size());
    std::vector<double> values(slots.size());
    for (std::size_t i = 0; i < slots.size(); ++i) {
      periods[i] = slots[i].period;
      values[i] = store_.values[slots[i].row];
    }
    for (const Observation& o : SummariseSubgroups(periods, values)) series.Add(o);
    // One point per period, from its first row (SummariseSubgroups keeps the periods' order).
    for (std::size_t i = 0; i < slots.size(); ++i) {
      if (i == 0 || slots[i].period != slots[i - 1].period) {
        series.source_lines.push_back(store_.lines[slots[i].row]);
      }
    }
  } else {
    const std::size_t n = slots.size();
    series.periods.reserve(n);
    series.values.reserve(n);
    series.numerators.reserve(n);
    series.denominators.reserve(n);
    series.subgroup_sds.reserve(n);
    series.source_lines.reserve(n);
    for (std::size_t g = 0; g < n;) {
      std::size_t h = g + 1;
      while (h < n && slots[h].period == slots[g].period) ++h;
      const std::size_t r = slots[g].row;
      // A ratio series plots numerator/denominator: a value beside them is not read.
      Observation o{.period = slots[g].period,
                    .value = ratio_shape ? kMissing : store_.values[r],
                    .numerator = store_.numerators[r],
                    .denominator = store_.denominators[r]};
      if (h - g > 1) {
        Status s = CombineDuplicates(key, std::span<const Slot>(&slots[g], h - g), &o);
        if (!s.ok()) return s;
        if (ratio_shape) o.value = kMissing;
      }
      series.Add(o);
      series.source_lines.push_back(store_.lines[r]);
      g = h;
    }
  }
  CheckMissingPeriods(key, series.periods);
  return Deliver(std::move(series));
}

void LongFormatMapper::FinishAllSeries() {
  std::vector<int32_t> order(keys_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    const Key& x = keys_[static_cast<std::size_t>(a)];
    const Key& y = keys_[static_cast<std::size_t>(b)];
    return std::tie(x.indicator, x.organisation) < std::tie(y.indicator, y.organisation);
  });
  if (store_.keys.constant()) {
    // One series (or none): its rows are the whole store, in file order.
    if (store_.size() > 0) (void)FinishSeries(store_.keys[0], RowSelection{0, store_.size()});
  } else {
    // Group the rows by series, keeping file order within each: a counting sort of row indices
    // (4 bytes a row) by key.
    std::vector<std::size_t> start(keys_.size() + 1, 0);
    for (std::size_t r = 0; r < store_.size(); ++r)
      ++start[static_cast<std::size_t>(store_.keys[r]) + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<uint32_t> grouped(store_.size());
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t r = 0; r < store_.size(); ++r)
      grouped[next[static_cast<std::size_t>(store_.keys[r])]++] = static_cast<uint32_t>(r);
    store_.keys.release();
    for (int32_t k : order) {
      const RowSelection rows{start[static_cast<std::size_t>(k)],
                              start[static_cast<std::size_t>(k) + 1], &grouped};
      if (!FinishSeries(k, rows).ok()) break;
    }
  }
  store_.release();
  std::vector<Slot>().swap(slots_);
}

Result<ImportSummary> LongFormatMapper::Finish(const Status& read_status) {
  if (!have_header_ && !fatal_ && read_status.ok()) {
    (void)Error(diag::kNoRows, 0, 0,
                "the file holds no rows (expected a header line naming the columns, then "
                "one row per indicator, organisation and period)");
  } else if (have_header_ && summary_.rows_read == 0 && !fatal_ && read_status.ok()) {
    Warn(diag::kNoDataRows, 0, 0, "the file has a header but no data rows");
  }
  if (!fatal_ && read_status.ok()) {
    if (streaming_) {
      if (last_key_ >= 0) (void)FinishSeries(last_key_, RowSelection{0, store_.size()});
    } else {
      FinishAllSeries();
    }
    if (slash_order_.ambiguous()) {
      Warn(diag::kGuessedDateOrder, slash_order_.first().line, col_period_ + 1,
           slash_order_.GuessMessage());
    }
  }
  const bool errors = diagnostics_->error_count() > errors_at_start_;
  if (!streaming_ && !errors && stop_.ok()) {
    for (Series& s : finished_) {
      ++summary_.series;
      stop_ = on_series_(std::move(s));
      if (!stop_.ok()) break;
    }
  }
  finished_.clear();
  if (warnings_not_shown_ > 0) {
    diagnostics_->Warning(diag::kMoreWarnings, file_name_, 0, 0,
                          std::to_string(warnings_not_shown_) + " more warnings not shown");
  }
  if (!stop_.ok()) return stop_;
  if (errors) {
    const std::size_t n = diagnostics_->error_count() - errors_at_start_;
    return Status::InvalidArgument(file_name_ + ": " + std::to_string(n) +
                                   (n == 1 ? " error" : " errors") + " in the data");
  }
  if (!read_status.ok()) return read_status;
  return std::move(summary_);
}

}  // namespace kaizen::ingest
