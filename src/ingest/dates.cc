#include "ingest/dates.h"

#include <array>
#include <cctype>
#include <optional>

#include "ingest/numbers.h"
#include "ingest/xlsx/xlsx_cells.h"
#include "kaizen/diagnostics.h"

namespace kaizen::ingest {
namespace {

bool IsCivil(int y, int m, int d) {
  return y >= 1 && y <= 9999 && d >= 1 && d <= DaysInMonth(y, m);  // 0 days outside 1..12
}

bool ToDate(int y, int m, int d, RawPeriod* out) {
  if (!IsCivil(y, m, d)) return false;
  *out = RawPeriod{};
  out->days = Date::FromCivil(y, m, d).value().days_since_epoch();
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A run of 1..max_len ASCII digits, as a number.
bool Digits(std::string_view s, std::size_t max_len, int* out) {
  if (s.empty() || s.size() > max_len) return false;
  int v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// 1..12 for an English month name or its three-letter abbreviation (any case, "Sept" too).
int MonthFromName(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (s.size() < 3 || s.size() > 9) return 0;
  char lower[9];
  for (std::size_t i = 0; i < s.size(); ++i)
    lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  const std::string_view l(lower, s.size());
  for (int m = 0; m < 12; ++m) {
    if (l == kNames[m] || l == kNames[m].substr(0, 3)) return m + 1;
  }
  return l == "sept" ? 9 : 0;
}

// A year as written: four digits. Two ("Mar-22") are refused: a pivot would put Oct-69 in 2069
// and Jan-70 in 1970 and reorder the series without a word (docs/cli.md, "Dates").
bool Year(std::string_view s, int* out) { return s.size() == 4 && Digits(s, 4, out); }

bool IsTwoDigitYear(std::string_view s) {
  int unused;
  return s.size() == 2 && Digits(s, 2, &unused);
}

// A time of day as ISO 8601 and database exports write it: hh:mm, hh:mm:ss or hh:mm:ss.fff, then
// optionally Z or an offset ±hh:mm. 24:00 and leap seconds are not in any NHS extract.
bool IsTimeOfDay(std::string_view s) {
  int h, m, sec = 0;
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || !Digits(s.substr(0, colon), 2, &h) || h > 23) return false;
  s.remove_prefix(colon + 1);
  if (s.size() < 2 || !Digits(s.substr(0, 2), 2, &m) || m > 59) return false;
  s.remove_prefix(2);
  if (!s.empty() && s[0] == ':') {
    if (s.size() < 3 || !Digits(s.substr(1, 2), 2, &sec) || sec > 59) return false;
    s.remove_prefix(3);
    if (!s.empty() && s[0] == '.') {
      std::size_t k = 1;
      while (k < s.size() && IsDigit(s[k])) ++k;
      if (k == 1) return false;
      s.remove_prefix(k);
    }
  }
  if (s.empty() || s == "Z") return true;
  int oh, om;
  return s.size() == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':' &&
         Digits(s.substr(1, 2), 2, &oh) && oh <= 14 && Digits(s.substr(4, 2), 2, &om) && om <= 59;
}

// Drops a time of day after the date ("2022-03-01T00:00:00", "01/03/2022 00:00"), which
// database and spreadsheet exports add to dates that have none. Sets *bad_time when what
// follows the date looks like a time but is not one (25:61).
std::string_view StripTime(std::string_view s, bool* bad_time) {
  for (std::size_t i = 1; i + 3 < s.size(); ++i) {
    if (s[i] != 'T' && s[i] != ' ') continue;
    if (!IsDigit(s[i + 1])) continue;
    const bool colon = s[i + 2] == ':' || (IsDigit(s[i + 2]) && s[i + 3] == ':');
    if (!colon) continue;
    *bad_time = !IsTimeOfDay(s.substr(i + 1));
    return s.substr(0, i);
  }
  return s;
}

bool IsSeparator(char c) { return c == '/' || c == '-' || c == '.' || c == ' ' || c == ','; }

// One separator between two parts, or ", " ("March 1, 2022"): "2020--01--01" is a typing slip
// (or a negative number), not a date.
bool IsSeparatorRun(std::string_view run) { return run.size() == 1 || run == ", "; }

// The Monday of ISO 8601 week `week` of ISO year `year`, or false when the year has no such
// week. Week 1 is the week holding 4 January (ISO 8601-1:2019, 5.2.4.2); a year has 53 weeks
// when the Thursday of week 53 still falls in it.
bool IsoWeekMonday(int year, int week, RawPeriod* out) {
  if (year < 1 || year > 9999 || week < 1 || week > 53) return false;
  const Date jan4 = Date::FromCivil(year, 1, 4).value();
  const int32_t monday = jan4.days_since_epoch() - DaysSinceMonday(jan4) + 7 * (week - 1);
  if (Date(monday + 3).ToCivil().year != year) return false;
  *out = RawPeriod{};
  out->days = monday;
  out->kind = PeriodKind::kIsoWeek;
  return true;
}

// "2024-W05" or "2024W05" (any case of W): the week's Monday. nullopt when the text is not
// written as a week at all.
std::optional<PeriodParse> ParseIsoWeek(std::string_view s, RawPeriod* out) {
  if (s.size() < 7 || s.size() > 8 || !IsDigit(s[0])) return std::nullopt;
  std::size_t w = 4;
  if (s[w] == '-') ++w;
  if (w >= s.size() || (s[w] != 'W' && s[w] != 'w')) return std::nullopt;
  int year, week;
  if (!Digits(s.substr(0, 4), 4, &year) || s.size() - w - 1 != 2 ||
      !Digits(s.substr(w + 1), 2, &week)) {
    return PeriodParse::kBad;
  }
  return IsoWeekMonday(year, week, out) ? PeriodParse::kOk : PeriodParse::kBad;
}

// The first year of an NHS financial year written "2016/17" or "2016/2017" (1 April 2016 to
// 31 March 2017); 0 when `s` is not one. The second year must follow the first: "2016/18" is
// nothing.
int FinancialYear(std::string_view s) {
  int first, second;
  const std::size_t slash = s.find('/');
  if (slash != 4 || !Digits(s.substr(0, 4), 4, &first) || first < 1 || first >= 9999) return 0;
  const std::string_view tail = s.substr(5);
  if (tail.size() == 2 && Digits(tail, 2, &second)) return second == (first + 1) % 100 ? first : 0;
  if (tail.size() == 4 && Digits(tail, 4, &second)) return second == first + 1 ? first : 0;
  return 0;
}

// 1..4 for "Q1".."Q4" (any case), else 0.
int Quarter(std::string_view s) {
  if (s.size() != 2 || (s[0] != 'Q' && s[0] != 'q') || s[1] < '1' || s[1] > '4') return 0;
  return s[1] - '0';
}

// NHS financial years and their quarters: "2016/17" (from 1 April 2016), "2016/17 Q1" or
// "Q1 2016/17" (Q1 is April to June, Q4 January to March of the second year). nullopt when the
// text is not written as one.
std::optional<PeriodParse> ParseFinancial(std::string_view s, RawPeriod* out) {
  int year = FinancialYear(s), quarter = 0;
  const std::size_t space = s.find(' ');
  if (year == 0 && space != std::string_view::npos) {
    const std::string_view a = s.substr(0, space), b = TrimSpaces(s.substr(space + 1));
    if ((year = FinancialYear(a)) != 0) {
      quarter = Quarter(b);
    } else if ((year = FinancialYear(b)) != 0) {
      quarter = Quarter(a);
    }
    if (year == 0) return std::nullopt;
    if (quarter == 0) return PeriodParse::kBad;
  }
  if (year == 0) return std::nullopt;
  const int month0 = 3 + 3 * (quarter > 0 ? quarter - 1 : 0);  // months after January of `year`
  if (!ToDate(year + month0 / 12, month0 % 12 + 1, 1, out)) return PeriodParse::kBad;
  out->kind = quarter > 0 ? PeriodKind::kFinancialQuarter : PeriodKind::kFinancialYear;
  return PeriodParse::kOk;
}

PeriodParse OkIf(bool parsed) { return parsed ? PeriodParse::kOk : PeriodParse::kBad; }

// An Excel serial day number of up to 7 digits (1900 system; DateFromSerial is the one
// conversion); nullopt when the text is not all digits. Serials after 60 only: Excel counts a
// 29 February 1900 that never was, and a period column so early is a misread number.
std::optional<PeriodParse> ParseExcelSerial(std::string_view s, RawPeriod* out) {
  int serial;
  if (!Digits(s, 7, &serial)) return std::nullopt;
  if (serial <= 60) return PeriodParse::kBad;
  const std::optional<Date> date = DateFromSerial(serial, /*date1904=*/false);
  if (!date) return PeriodParse::kBad;  // beyond 9999-12-31
  *out = RawPeriod{};
  out->days = date->days_since_epoch();
  return PeriodParse::kOk;
}

// A date's parts: at most three, views into the text.
struct DateParts {
  std::array<std::string_view, 3> parts;
  std::size_t n = 0;
  bool numeric_separators = true;  // every separator '/', '-' or '.', the same one throughout
};

// Splits into at most three parts on single separators. Nothing may come before the first part
// or after the last: "-2020-01-01" and "///2020/01/01///" are not dates (false).
bool SplitDateParts(std::string_view text, DateParts* d) {
  std::size_t i = 0;
  std::string_view first_run;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && IsSeparator(text[j])) ++j;
    const std::string_view run = text.substr(i, j - i);
    if ((d->n == 0) != run.empty() || j == text.size() || (d->n > 0 && !IsSeparatorRun(run)))
      return false;
    if (d->n == 1) first_run = run;
    if (run.find_first_of(" ,") != std::string_view::npos || (d->n == 2 && run != first_run))
      d->numeric_separators = false;
    i = j;
    while (j < text.size() && !IsSeparator(text[j])) ++j;
    if (d->n == d->parts.size()) return false;
    d->parts[d->n++] = text.substr(i, j - i);
    i = j;
  }
  return true;
}

// Day, month and year: "01-Mar-2022", "March 1, 2022", "2022/03/01", or day and month in the
// order `format` says; where it says nothing, both readings are kept for the column to decide.
PeriodParse ParseThreeParts(const DateParts& d, DateFormat format, RawPeriod* out) {
  const std::array<std::string_view, 3>& parts = d.parts;
  int a, b, y;
  const int name0 = MonthFromName(parts[0]), name1 = MonthFromName(parts[1]);
  if (name1 > 0 && Digits(parts[0], 2, &a) && Year(parts[2], &y))  // 01-Mar-2022
    return OkIf(ToDate(y, name1, a, out));
  if (name0 > 0 && Digits(parts[1], 2, &a) && Year(parts[2], &y))  // March 1, 2022
    return OkIf(ToDate(y, name0, a, out));
  if (!d.numeric_separators || !Digits(parts[0], 4, &a) || !Digits(parts[1], 2, &b) ||
      !Digits(parts[2], 4, &y)) {
    return PeriodParse::kBad;
  }
  if (parts[0].size() == 4) return OkIf(ToDate(a, b, y, out));  // 2022/03/01
  if (parts[2].size() != 4 || parts[0].size() > 2) return PeriodParse::kBad;
  if (format == DateFormat::kIso) return PeriodParse::kBad;
  if (format == DateFormat::kDayMonthYear) return OkIf(ToDate(y, b, a, out));
  if (format == DateFormat::kMonthDayYear) return OkIf(ToDate(y, a, b, out));
  *out = RawPeriod{};
  out->slash = true;
  out->year = static_cast<int16_t>(y);
  out->first = static_cast<uint8_t>(a);
  out->second = static_cast<uint8_t>(b);
  const SlashFit fit = FitsOf(*out);
  return OkIf(fit.day_month || fit.month_day);
}

// A month: "Mar 2022", "2022-03", or "03/2022" (not under the ISO format).
PeriodParse ParseTwoParts(const DateParts& d, DateFormat format, RawPeriod* out) {
  const std::array<std::string_view, 3>& parts = d.parts;
  int b, y;
  const int name0 = MonthFromName(parts[0]);
  if (name0 > 0 && Year(parts[1], &y)) return OkIf(ToDate(y, name0, 1, out));  // Mar 2022
  if (!d.numeric_separators) return PeriodParse::kBad;
  if (parts[0].size() == 4 && Digits(parts[0], 4, &y) && parts[1].size() == 2 &&
      Digits(parts[1], 2, &b)) {
    return OkIf(ToDate(y, b, 1, out));  // 2022-03
  }
  if (parts[1].size() == 4 && Digits(parts[1], 4, &y) && Digits(parts[0], 2, &b) &&
      format != DateFormat::kIso) {
    return OkIf(ToDate(y, b, 1, out));  // 03/2022
  }
  return PeriodParse::kBad;
}

}  // namespace

PeriodParse ParsePeriod(std::string_view text, DateFormat format, bool excel_serials,
                        RawPeriod* out) {
  text = TrimSpaces(text);
  if (text.empty()) return PeriodParse::kEmpty;

  // The fast path: YYYY-MM-DD, the form of every large generated file.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    int y, m, d;
    if (Digits(text.substr(0, 4), 4, &y) && Digits(text.substr(5, 2), 2, &m) &&
        Digits(text.substr(8, 2), 2, &d)) {
      return OkIf(ToDate(y, m, d, out));
    }
    return PeriodParse::kBad;
  }
  bool bad_time = false;
  text = StripTime(text, &bad_time);
  if (bad_time) return PeriodParse::kBad;
  if (excel_serials) {
    if (std::optional<PeriodParse> serial = ParseExcelSerial(text, out)) return *serial;
  }
  if (std::optional<PeriodParse> week = ParseIsoWeek(text, out)) return *week;
  if (std::optional<PeriodParse> financial = ParseFinancial(text, out)) return *financial;

  DateParts d;
  if (!SplitDateParts(text, &d)) return PeriodParse::kBad;
  // A month name then two digits ("Oct-69", "01-Mar-22"): a two-digit year, refused by name.
  if (d.n >= 2 && IsTwoDigitYear(d.parts[d.n - 1]) && MonthFromName(d.parts[d.n - 2]) > 0)
    return PeriodParse::kTwoDigitYear;
  if (d.n == 3) return ParseThreeParts(d, format, out);
  if (d.n == 2) return ParseTwoParts(d, format, out);
  return PeriodParse::kBad;
}

bool ParseMonthTwoDigitYear(std::string_view text, int* month, int* two_digit_year) {
  text = TrimSpaces(text);
  const std::size_t sep = text.find_first_of("- ");
  if (sep == std::string_view::npos || sep + 3 != text.size()) return false;
  const int m = MonthFromName(text.substr(0, sep));
  if (m == 0 || !Digits(text.substr(sep + 1), 2, two_digit_year)) return false;
  *month = m;
  return true;
}

int ExcelCenturyYear(int two_digit_year) {
  return two_digit_year < 30 ? 2000 + two_digit_year : 1900 + two_digit_year;
}

bool ParseSequence(std::string_view text, RawPeriod* out) {
  int number = 0;
  if (!Digits(TrimSpaces(text), 7, &number) || number < 1 || number > kMaxSequenceNumber)
    return false;
  *out = RawPeriod{};
  out->days = number;
  out->kind = PeriodKind::kSequence;
  return true;
}

SlashFit FitsOf(const RawPeriod& raw) {
  return {IsCivil(raw.year, raw.second, raw.first), IsCivil(raw.year, raw.first, raw.second)};
}

bool ResolvePeriod(const RawPeriod& raw, DateOrder order, Date* out) {
  if (!raw.slash) {
    *out = Date(raw.days);
    return true;
  }
  const int m = order == DateOrder::kDayMonth ? raw.second : raw.first;
  const int d = order == DateOrder::kDayMonth ? raw.first : raw.second;
  if (!IsCivil(raw.year, m, d)) return false;
  *out = Date::FromCivil(raw.year, m, d).value();
  return true;
}

SlashDateOrder::News SlashDateOrder::Note(const RawPeriod& raw, int line, std::string_view text) {
  text = TrimSpaces(text);
  if (first_.line == 0) first_ = {line, std::string(text)};
  const SlashFit fit = FitsOf(raw);
  Witness* witness = fit.day_month && !fit.month_day   ? &day_month_
                     : fit.month_day && !fit.day_month ? &month_day_
                                                       : nullptr;
  if (witness == nullptr || witness->line != 0) return News::kNone;
  *witness = {line, std::string(text)};
  return mixed() ? News::kMixes : News::kDecides;
}

DateOrder SlashDateOrder::order() const {
  if (format_ == DateFormat::kMonthDayYear) return DateOrder::kMonthDay;
  if (format_ == DateFormat::kDayMonthYear) return DateOrder::kDayMonth;
  if (day_month_.line != 0) return DateOrder::kDayMonth;
  if (month_day_.line != 0) return DateOrder::kMonthDay;
  return DateOrder::kDayMonth;  // UK data by default (domain.md); ambiguous() says so
}

bool SlashDateOrder::ambiguous() const {
  return first_.line != 0 && format_ == DateFormat::kAuto && day_month_.line == 0 &&
         month_day_.line == 0;
}

std::string SlashDateOrder::MixedMessage() const {
  return "the dates mix two formats: line " + std::to_string(day_month_.line) + " has '" +
         day_month_.text + "', which can only be dd/mm/yyyy, and line " +
         std::to_string(month_day_.line) + " has '" + month_day_.text +
         "', which can only be m/d/yyyy; name the date format (--date-format)";
}

std::string SlashDateOrder::GuessMessage() const {
  return "every date such as '" + first_.text +
         "' fits both dd/mm/yyyy and m/d/yyyy; read as dd/mm/yyyy (UK): name the date format "
         "(--date-format) if they are m/d/yyyy";
}

std::string_view ExpectedDateForms(DateFormat format) {
  switch (format) {
    case DateFormat::kIso:
      return "a date such as 2022-03-01, 2022-03 or Mar 2022, a week such as 2024-W05, or a "
             "financial year or quarter such as 2016/17 or 2016/17 Q1";
    case DateFormat::kDayMonthYear:
      return "a date such as 31/03/2022 (dd/mm/yyyy), 2022-03-31 or Mar 2022";
    case DateFormat::kMonthDayYear:
      return "a date such as 3/31/2022 (m/d/yyyy), 2022-03-31 or Mar 2022";
    case DateFormat::kAuto:
      break;
  }
  return "a date such as 2022-03-01, 2022-03, 01/03/2022, 01-Mar-2022 or Mar 2022, a week such "
         "as 2024-W05, or a financial year or quarter such as 2016/17 or 2016/17 Q1";
}

PeriodError DescribeBadPeriod(PeriodParse parse, std::string_view text, DateFormat format) {
  text = TrimSpaces(text);
  const std::string expected = "(expected " + std::string(ExpectedDateForms(format)) + ")";
  switch (parse) {
    case PeriodParse::kEmpty:
      return {diag::kEmptyPeriod, "empty period " + expected};
    case PeriodParse::kTwoDigitYear:
      return {diag::kTwoDigitYear,
              "'" + std::string(text) +
                  "' has a two-digit year, which could be either century (expected a four-digit "
                  "year, such as " +
                  std::string(text.substr(0, text.size() - 2)) + "20" +
                  std::string(text.substr(text.size() - 2)) + ")"};
    case PeriodParse::kOk:
    case PeriodParse::kBad:
      break;
  }
  return {diag::kBadDate, "'" + std::string(text) + "' is not a date " + expected};
}

}  // namespace kaizen::ingest
