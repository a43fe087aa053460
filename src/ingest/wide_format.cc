#include "ingest/wide_format.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <utility>

#include "ingest/dates.h"
#include "ingest/numbers.h"
#include "ingest/xlsx/xlsx_cells.h"

namespace kaizen::ingest {
namespace {

std::string Quoted(std::string_view text) {
  constexpr std::size_t kShown = 60;  // a pasted paragraph would bury the message
  if (text.size() > kShown) return "'" + std::string(text.substr(0, kShown)) + "...'";
  return "'" + std::string(text) + "'";
}

std::string_view CellOf(std::span<const std::string_view> fields, int column) {
  return static_cast<std::size_t>(column) < fields.size() ? fields[static_cast<std::size_t>(column)]
                                                          : std::string_view();
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string YearMonthText(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

constexpr std::string_view kPeriodForms =
    "a period such as 2016-04, Apr 2016, April 2016, 2016-04-01, 2024-W05 or 2016/17 Q1";

}  // namespace

WideFormatAdapter::WideFormatAdapter(LongFormatMapper* mapper, std::string file_name,
                                     Diagnostics* diagnostics, bool spreadsheet)
    : mapper_(mapper),
      file_name_(std::move(file_name)),
      diagnostics_(diagnostics),
      spreadsheet_(spreadsheet) {}

int WideFormatAdapter::PeriodColumn() const { return wide_ ? 0 : mapper_->PeriodColumn(); }

Status WideFormatAdapter::OnBadRow(std::string_view code, int line, int column,
                                   std::string message) {
  return mapper_->OnBadRow(code, line, column, std::move(message));
}

Status WideFormatAdapter::OnRow(int line, std::span<const std::string_view> fields) {
  if (!have_header_) {
    if (std::all_of(fields.begin(), fields.end(),
                    [](std::string_view f) { return TrimSpaces(f).empty(); })) {
      return Status::Ok();  // blank lines before the header, as the mapper skips them
    }
    have_header_ = true;
    return ReadHeader(line, fields);
  }
  if (!wide_) return mapper_->OnRow(line, fields);
  return ReadRow(line, fields);
}

Status WideFormatAdapter::HeaderError(std::string_view code, int line, int column,
                                      std::string message) {
  diagnostics_->Error(code, file_name_, line, column, std::move(message));
  return Status::InvalidArgument(file_name_ + ": the wide header cannot be read");
}

WideFormatAdapter::HeaderCell WideFormatAdapter::Classify(std::string_view text,
                                                          std::string* period_text) const {
  text = TrimSpaces(text);
  if (text.empty()) return HeaderCell::kEmpty;
  int month = 0, two_digit_year = 0;
  if (ParseMonthTwoDigitYear(text, &month, &two_digit_year)) return HeaderCell::kTwoDigitYear;
  if (spreadsheet_ && AllDigits(text)) {
    // A header cell without a date format holds the number itself: yyyymm and yyyy as the
    // period column reads them (xlsx_cells.h), any other whole number as a date serial.
    const NumberPeriod number = ReadNumberPeriod(text);
    if (number.kind == NumberPeriod::Kind::kYearMonth || number.kind == NumberPeriod::Kind::kYear) {
      *period_text = number.text;
      return HeaderCell::kPeriod;
    }
    int serial = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
    if (ec == std::errc() && end == text.data() + text.size()) {
      if (std::optional<Date> day = DateFromSerial(serial, false)) {
        *period_text = day->ToIso();
        return HeaderCell::kSerial;
      }
    }
    return HeaderCell::kOther;
  }
  RawPeriod raw;
  if (ParsePeriod(text, DateFormat::kAuto, false, &raw) != PeriodParse::kOk)
    return HeaderCell::kOther;
  *period_text = std::string(text);
  return HeaderCell::kPeriod;
}

Status WideFormatAdapter::ReadHeader(int line, std::span<const std::string_view> fields) {
  header_line_ = line;
  header_size_ = fields.size();
  const TableLayout layout = mapper_->Layout();
  const bool named_period_column = mapper_->FindPeriodColumn(fields) >= 0;
  if (layout == TableLayout::kLong || (layout == TableLayout::kAuto && named_period_column))
    return mapper_->OnRow(line, fields);

  std::vector<HeaderCell> kinds(fields.size());
  std::size_t period_cells = 0;
  int first_serial = -1;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string text;
    kinds[i] = Classify(fields[i], &text);
    if (kinds[i] == HeaderCell::kEmpty || kinds[i] == HeaderCell::kOther) continue;
    ++period_cells;
    if (kinds[i] == HeaderCell::kSerial && first_serial < 0) first_serial = static_cast<int>(i);
    periods_.push_back({static_cast<int>(i), std::move(text)});
    two_digit_.push_back(kinds[i] == HeaderCell::kTwoDigitYear);
  }
  // One period cell is more likely a long file's header with a date for a name.
  if (layout == TableLayout::kAuto && period_cells < 2) {
    periods_.clear();
    two_digit_.clear();
    return mapper_->OnRow(line, fields);
  }
  if (period_cells == 0) {
    return HeaderError(diag::kNoPeriodColumns, line, 0,
                       "no cell of the header names a period, and [columns] layout = \"wide\" "
                       "says each period has a column (expected column names such as " +
                           std::string(kPeriodForms.substr(kPeriodForms.find("2016-04"))) + ")");
  }
  if (named_period_column) {
    const int c = mapper_->FindPeriodColumn(fields);
    return HeaderError(diag::kDuplicateColumn, line, c + 1,
                       "column " + Quoted(TrimSpaces(fields[static_cast<std::size_t>(c)])) +
                           " names the period of each row, but [columns] layout = \"wide\" says "
                           "each period has a column of its own (expected one of the two: "
                           "layout = \"long\", or no period column)");
  }
  wide_ = true;
  if (Status s = ReadTwoDigitYears(line, fields); !s.ok()) return s;
  if (first_serial >= 0) {
    const PeriodCell& p = *std::find_if(periods_.begin(), periods_.end(), [&](const PeriodCell& c) {
      return c.column == first_serial;
    });
    diagnostics_->Warning(
        diag::kNumberPeriods, file_name_, line, first_serial + 1,
        "the period headers are plain numbers, read as Excel date serials: " +
            std::string(TrimSpaces(fields[static_cast<std::size_t>(first_serial)])) + " is " +
            p.text + " (format the header row as dates in Excel to be explicit)");
  }
  if (Status s = CheckOtherCells(line, fields); !s.ok()) return s;
  if (Status s = CheckDuplicatePeriods(line); !s.ok()) return s;

  // The long header: every other column under its own name, then the period and the value.
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (kinds[i] != HeaderCell::kEmpty && kinds[i] != HeaderCell::kOther) continue;
    id_columns_.push_back(static_cast<int>(i));
    header_copy_.emplace_back(fields[i]);
  }
  header_copy_.push_back(mapper_->PeriodColumnName());
  header_copy_.push_back(mapper_->ValueColumnName());
  long_.assign(header_copy_.begin(), header_copy_.end());
  source_.resize(long_.size());
  for (std::size_t k = 0; k < id_columns_.size(); ++k) source_[k] = id_columns_[k] + 1;
  source_[id_columns_.size()] = source_[id_columns_.size() + 1] = periods_.front().column + 1;
  mapper_->SetSourceColumns(source_);
  return mapper_->OnRow(line, long_);
}

Status WideFormatAdapter::ReadTwoDigitYears(int line, std::span<const std::string_view> fields) {
  const auto first = std::find(two_digit_.begin(), two_digit_.end(), true);
  if (first == two_digit_.end()) return Status::Ok();
  const std::size_t first_index = static_cast<std::size_t>(first - two_digit_.begin());
  const auto text_of = [&](std::size_t k) {
    return std::string(TrimSpaces(fields[static_cast<std::size_t>(periods_[k].column)]));
  };
  const std::string rule =
      "; a two-digit year is read only in a wide header where every period is written so and "
      "the months run one after another (expected four-digit years, such as ";
  const auto example = [&](std::size_t k) {
    const std::string t = text_of(k);
    int month = 0, yy = 0;
    (void)ParseMonthTwoDigitYear(t, &month, &yy);
    return t.substr(0, t.size() - 2) + std::to_string(ExcelCenturyYear(yy)) + ")";
  };
  // Another way of writing periods beside Mon-YY: nothing to check the century against.
  for (std::size_t k = 0; k < periods_.size(); ++k) {
    if (two_digit_[k]) continue;
    return HeaderError(diag::kTwoDigitYear, line, periods_[first_index].column + 1,
                       Quoted(text_of(first_index)) +
                           " has a two-digit year, which could be either century, and column " +
                           std::to_string(periods_[k].column + 1) + " writes its period " +
                           Quoted(text_of(k)) + rule + example(first_index));
  }
  // Month numbers (year × 12 + month), each one more (or one less) than the one before.
  std::vector<int> months(periods_.size());
  for (std::size_t k = 0; k < periods_.size(); ++k) {
    int month = 0, yy = 0;
    (void)ParseMonthTwoDigitYear(text_of(k), &month, &yy);
    months[k] = ExcelCenturyYear(yy) * 12 + month - 1;
  }
  const int step = months.size() > 1 && months[1] < months[0] ? -1 : 1;
  for (std::size_t k = 1; k < months.size(); ++k) {
    if (months[k] - months[k - 1] == step) continue;
    return HeaderError(diag::kTwoDigitYear, line, periods_[k].column + 1,
                       Quoted(text_of(k)) + " has a two-digit year and does not follow " +
                           Quoted(text_of(k - 1)) + " month after month" + rule + example(k));
  }
  for (std::size_t k = 0; k < periods_.size(); ++k)
    periods_[k].text = YearMonthText(months[k] / 12, months[k] % 12 + 1);
  const auto shown = [&](std::size_t k) {
    return Quoted(text_of(k)) + " as " +
           Date::FromCivil(months[k] / 12, months[k] % 12 + 1, 1).value().ToMonthYear();
  };
  diagnostics_->Warning(diag::kTwoDigitYearRead, file_name_, line, periods_.front().column + 1,
                        "the period headers have two-digit years, read as Excel reads them (00 to "
                        "29 in the 2000s, 30 to 99 in the 1900s): " +
                            shown(0) + " to " + shown(periods_.size() - 1) +
                            " (write four-digit years, such as " + example(0));
  return Status::Ok();
}

Status WideFormatAdapter::CheckOtherCells(int line, std::span<const std::string_view> fields) {
  // Among the period columns, a name with digits that is no period ("2016-13", "Q1 2016") is
  // a period misspelt: leaving its column unread would drop its values without a word.
  for (std::size_t i = static_cast<std::size_t>(periods_.front().column) + 1; i < fields.size();
       ++i) {
    const std::string_view text = TrimSpaces(fields[i]);
    std::string unused;
    if (!HasDigit(text) || Classify(text, &unused) != HeaderCell::kOther) continue;
    return HeaderError(diag::kBadDate, line, static_cast<int>(i) + 1,
                       Quoted(text) +
                           " is among the period columns of a wide file but is not a period "
                           "(expected " +
                           std::string(kPeriodForms) +
                           ", or a column name without digits for a column to leave unread)");
  }
  return Status::Ok();
}

Status WideFormatAdapter::CheckDuplicatePeriods(int line) {
  std::map<int64_t, int> seen;  // the period's day (slash dates: their parts) -> 0-based column
  for (const PeriodCell& p : periods_) {
    RawPeriod raw;
    if (ParsePeriod(p.text, DateFormat::kAuto, false, &raw) != PeriodParse::kOk) continue;
    const int64_t key = raw.slash ? (int64_t{1} << 40) + (int64_t{raw.year} << 16) +
                                        (int64_t{raw.first} << 8) + raw.second
                                  : int64_t{raw.days};
    const auto [it, inserted] = seen.emplace(key, p.column);
    if (inserted) continue;
    return HeaderError(diag::kDuplicatePeriodColumn, line, p.column + 1,
                       "columns " + std::to_string(it->second + 1) + " and " +
                           std::to_string(p.column + 1) + " name the same period, " +
                           Quoted(p.text) + " (expected one column per period)");
  }
  return Status::Ok();
}

Status WideFormatAdapter::ReadRow(int line, std::span<const std::string_view> fields) {
  if (std::all_of(fields.begin(), fields.end(),
                  [](std::string_view f) { return TrimSpaces(f).empty(); })) {
    return Status::Ok();
  }
  if (!spreadsheet_ && fields.size() < header_size_) {
    return mapper_->OnBadRow(diag::kFieldCount, line, static_cast<int>(fields.size()),
                             "this row has " + std::to_string(fields.size()) +
                                 " fields, the header (line " + std::to_string(header_line_) +
                                 ") has " + std::to_string(header_size_) +
                                 " (expected one field per column)");
  }
  for (std::size_t i = header_size_; i < fields.size(); ++i) {
    if (TrimSpaces(fields[i]).empty()) continue;
    return mapper_->OnBadRow(diag::kFieldCount, line, static_cast<int>(i) + 1,
                             "this row has " + std::to_string(fields.size()) +
                                 " fields, the header (line " + std::to_string(header_line_) +
                                 ") has " + std::to_string(header_size_) +
                                 " (expected one field per column; a delimiter inside an "
                                 "unquoted text?)");
  }
  const std::size_t n = id_columns_.size();
  for (std::size_t k = 0; k < n; ++k) long_[k] = CellOf(fields, id_columns_[k]);
  for (const PeriodCell& p : periods_) {
    long_[n] = p.text;
    long_[n + 1] = CellOf(fields, p.column);
    source_[n] = source_[n + 1] = p.column + 1;
    if (Status s = mapper_->OnRow(line, long_); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace kaizen::ingest
