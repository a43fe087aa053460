#include "cli/common.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "ingest/numbers.h"
#include "kaizen/file_util.h"
#include "kaizen/number_format.h"
#include "kaizen/spc.h"

namespace kaizen::cli {

void AddDataOptions(CLI::App* app, DataOptions* o, const std::string& which) {
  app->add_option("DATA", o->data_path, "long-format data file (.csv, .tsv or .xlsx)")
      ->required()
      ->check(CLI::ExistingFile);
  if (which.find('i') != std::string::npos)
    app->add_option("--indicators", o->indicators_path, "indicator catalogue (indicators.toml)")
        ->check(CLI::ExistingFile);
  if (which.find('f') != std::string::npos) {
    app->add_option("--indicator", o->indicator, "only this indicator id");
    app->add_option("--org", o->organisation, "only these organisations (ORG or ORG1,ORG2)");
  }
  if (which.find('c') != std::string::npos) {
    app->add_option("--chart", o->chart,
                    "chart type: run, xmr, mr, xbar, s, p, np, c, u, pp, up, g, t");
    app->add_option("--profile", o->profile, "rule profile (see `kaizen profiles`)");
    app->add_option("--direction", o->direction, "higher, lower or neither is better");
    app->add_option("--target", o->target, "a target in force over the whole series");
    app->add_option("--rebase", o->rebases,
                    "recalculate the limits from this period (YYYY-MM-DD; repeatable)");
  }
  app->add_option("--date-format", o->date_format, "auto, iso, dmy (dd/mm/yyyy) or mdy")
      ->check(CLI::IsMember({"auto", "iso", "dmy", "mdy"}));
  app->add_option("--delimiter", o->delimiter, kDelimiterHelp);
  app->add_option("--sheet", o->sheet, ".xlsx sheet name or 1-based index");
  app->add_flag("--lenient", o->lenient, "skip bad rows (reported with a count)");
  app->add_option("--col-indicator", o->col_indicator, "name of the indicator column");
  app->add_option("--col-org", o->col_organisation, "name of the organisation column");
  app->add_option("--col-period", o->col_period, "name of the period column");
  app->add_option("--col-value", o->col_value, "name of the value column");
  app->add_option("--col-numerator", o->col_numerator, "name of the numerator column");
  app->add_option("--col-denominator", o->col_denominator, "name of the denominator column");
  app->add_option("--col-comment", o->col_comment, "name of the comment column");
}

void AddPaletteOption(CLI::App* app, std::string* palette) {
  app->add_option("--palette", *palette, "mdc (default), mdc-alt or colour-blind")
      ->check(CLI::IsMember({"mdc", "mdc-alt", "colour-blind"}));
}

void PrintDiagnostics(const Diagnostics& diagnostics, std::size_t limit) {
  std::size_t shown = 0;
  for (const Diagnostic& d : diagnostics.all()) {
    if (shown++ == limit) {
      std::cerr << "... and " << diagnostics.all().size() - limit << " more\n";
      break;
    }
    std::cerr << d.ToString() << "\n";
  }
}

void PrintWarning(std::string_view code, std::string where, std::string message) {
  const Diagnostic d{.severity = Severity::kWarning,
                     .file = std::move(where),
                     .message = std::move(message),
                     .code = code};
  std::cerr << d.ToString() << "\n";
}

void PrintSeriesWarnings(const std::string& indicator, const std::string& organisation,
                         const std::vector<Warning>& warnings) {
  for (const Warning& w : warnings)
    PrintWarning(WarningCodeName(w.code), indicator + "/" + organisation, w.message);
}

bool ParseDelimiter(const std::string& text, char* delimiter) {
  if (text.empty()) {
    *delimiter = '\0';
  } else if (text == "tab" || text == "\\t") {
    *delimiter = '\t';
  } else if (text.size() == 1 && text != "\"" && text != "\n" && text != "\r") {
    *delimiter = text[0];
  } else {
    std::cerr << "--delimiter: '" << text
              << "' is not a single character (other than a double quote or a line break) or "
                 "'tab'\n";
    return false;
  }
  return true;
}

namespace {

std::vector<std::string> SplitCommas(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = list.find(',', start);
    out.push_back(list.substr(start, comma - start));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

// --direction, --target and --rebase, checked before any data is read.
int CheckIndicatorOverrides(const DataOptions& o) {
  if (!o.direction.empty()) {
    if (Result<Direction> d = ParseDirection(o.direction); !d.ok()) {
      std::cerr << "--direction: " << d.status().message() << "\n";
      return kExitBadInput;
    }
  }
  double target = 0;
  if (!o.target.empty() && (ingest::ParseNumber(o.target, &target) != ingest::NumberParse::kOk)) {
    std::cerr << "--target: '" << o.target << "' is not a number (expected e.g. 95)\n";
    return kExitBadInput;
  }
  for (const std::string& r : o.rebases) {
    if (Result<Date> d = Date::ParseIso(r); !d.ok()) {
      std::cerr << "--rebase: " << d.status().message() << "\n";
      return kExitBadInput;
    }
  }
  return kExitOk;
}

}  // namespace

bool MatchesFilters(const DataOptions& o, const Series& s) {
  if (!o.indicator.empty() && s.indicator_id != o.indicator) return false;
  if (o.organisation.empty()) return true;
  const std::vector<std::string> orgs = SplitCommas(o.organisation);
  return std::find(orgs.begin(), orgs.end(), s.organisation) != orgs.end();
}

int PrepareInputs(const DataOptions& o, Inputs* inputs) {
  if (!o.indicators_path.empty()) {
    Diagnostics d;
    Result<Catalogue> c = ReadCatalogue(o.indicators_path, &d);
    PrintDiagnostics(d);
    if (!c.ok()) {
      if (d.all().empty()) std::cerr << o.indicators_path << ": " << c.status().message() << "\n";
      return kExitBadInput;
    }
    inputs->catalogue = std::move(c).value();
    inputs->read.columns = inputs->catalogue->columns;
  }
  ReadOptions& r = inputs->read;
  auto set = [](std::string* target, const std::string& value) {
    if (!value.empty()) *target = value;
  };
  set(&r.columns.indicator, o.col_indicator);
  set(&r.columns.organisation, o.col_organisation);
  set(&r.columns.period, o.col_period);
  set(&r.columns.value, o.col_value);
  set(&r.columns.numerator, o.col_numerator);
  set(&r.columns.denominator, o.col_denominator);
  set(&r.columns.comment, o.col_comment);
  r.date_format = o.date_format == "iso"   ? DateFormat::kIso
                  : o.date_format == "dmy" ? DateFormat::kDayMonthYear
                  : o.date_format == "mdy" ? DateFormat::kMonthDayYear
                                           : DateFormat::kAuto;
  if (!ParseDelimiter(o.delimiter, &r.delimiter)) return kExitBadInput;
  r.lenient = o.lenient;
  r.sheet = o.sheet;
  r.indicator = o.indicator;
  // One name is also the organisation of a file without an organisation column.
  if (o.organisation.find(',') == std::string::npos) r.organisation = o.organisation;
  if (int code = CheckIndicatorOverrides(o); code != kExitOk) return code;
  if (!o.profile.empty()) {
    if (auto p = FindProfile(o.profile); !p.ok()) {
      std::cerr << "--profile: " << p.status().message() << "\n";
      return kExitBadInput;
    }
  }
  if (!o.chart.empty()) {
    auto c = ParseChartType(o.chart);
    if (!c.ok()) {
      std::cerr << "--chart: " << c.status().message() << "\n";
      return kExitBadInput;
    }
    r.chart = *c;
  }
  return kExitOk;
}

void WarnAboutDecisionOrganisations(const DataOptions& o, const Inputs& inputs,
                                    const SeriesKeys& keys) {
  if (!inputs.catalogue) return;
  Diagnostics d;
  WarnOrganisationsNotInData(*inputs.catalogue, o.indicators_path, keys, &d);
  PrintDiagnostics(d);
}

int LoadSeries(const DataOptions& o, const Inputs& inputs, std::vector<Series>* series,
               ImportSummary* summary) {
  Diagnostics d;
  Result<std::vector<Series>> all = ReadAllSeries(
      o.data_path, inputs.catalogue ? &*inputs.catalogue : nullptr, inputs.read, &d, summary);
  PrintDiagnostics(d);
  if (!all.ok()) {
    if (d.all().empty()) std::cerr << o.data_path << ": " << all.status().message() << "\n";
    return kExitBadInput;
  }
  SeriesKeys keys;
  for (const Series& s : all.value()) keys.emplace(s.indicator_id, s.organisation);
  WarnAboutDecisionOrganisations(o, inputs, keys);
  for (Series& s : all.value()) {
    if (!MatchesFilters(o, s)) continue;
    series->push_back(std::move(s));
  }
  if (series->empty() && (!o.indicator.empty() || !o.organisation.empty())) {
    std::cerr << o.data_path << ": no series matches"
              << (o.indicator.empty() ? "" : " --indicator " + o.indicator)
              << (o.organisation.empty() ? "" : " --org " + o.organisation) << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

Result<Indicator> IndicatorFor(const Series& series, const Inputs& inputs, const DataOptions& o) {
  Indicator ind;
  const Indicator* known = inputs.catalogue ? inputs.catalogue->Find(series.indicator_id) : nullptr;
  if (known) {
    ind = known->ForOrganisation(series.organisation);
  } else {
    ind.id = series.indicator_id;
    ind.name = series.indicator_id;
    // Without a catalogue a series with denominators is a p chart; a missing month (an empty
    // denominator) does not make it a chart of values it does not have.
    const bool ratios = std::any_of(series.denominators.begin(), series.denominators.end(),
                                    [](double d) { return !std::isnan(d); });
    ind.chart = DefaultChart(ratios);
  }
  if (!o.chart.empty()) ind.chart = *ParseChartType(o.chart);
  if (!o.profile.empty()) ind.profile = o.profile;
  if (!o.direction.empty()) ind.direction = *ParseDirection(o.direction);
  if (!o.target.empty() && !series.periods.empty()) {
    double value = 0;
    (void)ingest::ParseNumber(o.target, &value);
    ind.targets = {TargetStep{.from = series.periods.front(),
                              .value = value,
                              .set_by = "--target",
                              .decision = {.reason = "given on the command line"}}};
  }
  for (const std::string& text : o.rebases) {
    const Date date = *Date::ParseIso(text);
    const bool already = std::any_of(ind.rebases.begin(), ind.rebases.end(),
                                     [&](const Rebase& r) { return r.date == date; });
    if (!already) ind.rebases.push_back({date, {.reason = "--rebase on the command line"}});
  }
  std::sort(ind.rebases.begin(), ind.rebases.end(),
            [](const Rebase& a, const Rebase& b) { return a.date < b.date; });
  return ind;
}

Result<Date> AsOf(const DataOptions& o) {
  if (!o.as_of.empty()) {
    Result<Date> d = Date::ParseIso(o.as_of);
    if (!d.ok()) return Status::InvalidArgument("--as-of: " + d.status().message());
    return d;
  }
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return Date::FromCivil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int WriteOutput(const std::string& path, const std::string& text) {
  const bool to_stdout = path.empty() || path == "-";
  Status st = to_stdout ? WriteToStandardOutput(text) : WriteFileAtomically(path, text);
  if (!st.ok()) {
    std::cerr << st.message() << "\n";
    return kExitCannotWrite;
  }
  return kExitOk;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string FormatNumber(double v) { return std::isnan(v) ? "" : FormatShortest(v); }

std::string FormatForTable(double v) { return FormatAuto(v); }

namespace {
double Seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}
}  // namespace

Progress::Progress(std::string what) : what_(std::move(what)), enabled_(::isatty(2) != 0) {
  started_ = last_ = Seconds();
}

void Progress::Bytes(std::uint64_t read, std::uint64_t total) {
  if (!enabled_ || total == 0) return;
  const double now = Seconds();
  if (now - last_ < 0.25 || now - started_ < 1.0) return;  // short runs show nothing
  last_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  const double fraction = std::min(1.0, static_cast<double>(read) / static_cast<double>(total));
  const int filled = static_cast<int>(fraction * kWidth);
  const std::size_t done = done_.load(std::memory_order_relaxed);
  std::fprintf(stderr, "\r[%.*s%*s] %3.0f%%  %zu %s (%.0f/s)   ", filled,
               "##############################", kWidth - filled, "", 100 * fraction, done,
               what_.c_str(), done / (now - started_));
}

void Progress::Finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace kaizen::cli
