// Diagnostics: what is wrong with the user's input, and exactly where.
//
// A bad input row is a diagnostic (file, line, column, code, message), not a crash; the
// caller's policy (strict or --lenient) decides whether it stops the run. A Diagnostics object
// is not thread-safe: give each reader its own.
#ifndef KAIZEN_DIAGNOSTICS_H_
#define KAIZEN_DIAGNOSTICS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kaizen {

enum class Severity { kError, kWarning };

// Stable, machine-readable names of the kinds of diagnostic, printed in brackets and listed in
// docs/cli.md ("Diagnostic codes"). Scripts match on them, so a code is never renamed or
// reused; a new kind of problem gets a new code.
namespace diag {
// Whole file.
inline constexpr std::string_view kCannotRead = "cannot_read";
inline constexpr std::string_view kNotText = "not_text";
inline constexpr std::string_view kNotUtf8 = "not_utf8";
inline constexpr std::string_view kNoRows = "no_rows";
inline constexpr std::string_view kNoDataRows = "no_data_rows";
inline constexpr std::string_view kTooManyErrors = "too_many_errors";
inline constexpr std::string_view kMoreWarnings = "more_warnings";
inline constexpr std::string_view kBadOption = "bad_option";
// Header and columns.
inline constexpr std::string_view kNotAHeader = "not_a_header";
inline constexpr std::string_view kMissingColumn = "missing_column";
inline constexpr std::string_view kDuplicateColumn = "duplicate_column";
inline constexpr std::string_view kUnreadIndicatorColumn = "unread_indicator_column";
// A wide file (one column per period): no header cell names a period, or two name the same.
inline constexpr std::string_view kNoPeriodColumns = "no_period_columns";
inline constexpr std::string_view kDuplicatePeriodColumn = "duplicate_period_column";
// Two-digit years in a wide header, read as Excel reads them (a warning; docs/cli.md).
inline constexpr std::string_view kTwoDigitYearRead = "two_digit_year_read";
// Plain numbers in an .xlsx wide header, read as Excel date serials (a warning).
inline constexpr std::string_view kNumberPeriods = "number_periods";
// Row shape and CSV syntax.
inline constexpr std::string_view kFieldCount = "field_count";
inline constexpr std::string_view kRowTooLong = "row_too_long";
inline constexpr std::string_view kUnclosedQuote = "unclosed_quote";
inline constexpr std::string_view kStrayQuote = "stray_quote";
// Cells.
inline constexpr std::string_view kEmptyIndicator = "empty_indicator";
inline constexpr std::string_view kEmptyOrganisation = "empty_organisation";
inline constexpr std::string_view kUnknownIndicator = "unknown_indicator";
inline constexpr std::string_view kChartNeedsColumns = "chart_needs_columns";
inline constexpr std::string_view kNameTooLong = "name_too_long";
inline constexpr std::string_view kEmptyPeriod = "empty_period";
inline constexpr std::string_view kBadDate = "bad_date";
inline constexpr std::string_view kTwoDigitYear = "two_digit_year";
inline constexpr std::string_view kAmbiguousDates = "ambiguous_dates";
inline constexpr std::string_view kGuessedDateOrder = "guessed_date_order";
inline constexpr std::string_view kBadNumber = "bad_number";
inline constexpr std::string_view kValueOverflow = "value_overflow";
// A spreadsheet error value (#N/A, #DIV/0!, ...; an .xlsx error cell): read as missing.
inline constexpr std::string_view kExcelError = "excel_error";
// "78.3%" for an indicator whose unit is not "%" (never silently divided by 100).
inline constexpr std::string_view kPercentValue = "percent_value";
inline constexpr std::string_view kNonIntegerCount = "non_integer_count";
inline constexpr std::string_view kNegativeCount = "negative_count";
inline constexpr std::string_view kNotPositive = "not_positive";
inline constexpr std::string_view kZeroDenominator = "zero_denominator";
inline constexpr std::string_view kNumeratorAboveDenominator = "numerator_above_denominator";
// A computed measure or a filter (docs/catalogue.md, "Expressions") on one row.
inline constexpr std::string_view kMissingOperand = "missing_operand";
inline constexpr std::string_view kDivisionByZero = "division_by_zero";
// Series.
inline constexpr std::string_view kDuplicatePeriod = "duplicate_period";
inline constexpr std::string_view kMixedRowKinds = "mixed_row_kinds";
// One series whose periods are written as different kinds (a date beside an ISO week).
inline constexpr std::string_view kMixedPeriodKinds = "mixed_period_kinds";
inline constexpr std::string_view kRowsNotGrouped = "rows_not_grouped";
inline constexpr std::string_view kMissingPeriods = "missing_periods";
// Commands.
inline constexpr std::string_view kRowsSkipped = "rows_skipped";
inline constexpr std::string_view kNotInCatalogue = "not_in_catalogue";
// Indicator catalogue (TOML).
inline constexpr std::string_view kTomlSyntax = "toml_syntax";
inline constexpr std::string_view kUnknownKey = "unknown_key";
inline constexpr std::string_view kBadCatalogue = "bad_catalogue";
inline constexpr std::string_view kTargetOutOfRange = "target_out_of_range";
inline constexpr std::string_view kBadExpression = "bad_expression";
// A decision naming an organisation for which the data holds no series of its indicator.
inline constexpr std::string_view kOrganisationNotInData = "organisation_not_in_data";
// A series' values all lie on the far side of 50 % from its target (docs/catalogue.md,
// "When the target looks implausible").
inline constexpr std::string_view kImplausibleTarget = "implausible_target";
// .xlsx workbooks.
inline constexpr std::string_view kBadWorkbook = "bad_workbook";
inline constexpr std::string_view kOverLimit = "over_limit";
inline constexpr std::string_view kPercentCell = "percent_cell";
// A bad row reported through ingest's uncoded RowSink::OnBadRow (nothing calls it now; kept
// so that the code stays stable for scripts until that overload goes too).
inline constexpr std::string_view kInput = "input";
}  // namespace diag

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;         // 1-based; 0 when the problem concerns the whole file
  int column = 0;       // 1-based field number (CSV, XLSX) or character (TOML); 0 when unknown
  std::string message;  // what was found and what was expected
  // One of diag::k*; static storage. No default: every diagnostic names its kind, and
  // Diagnostics::Add refuses one without.
  std::string_view code;

  // "data.csv:12:3: error [bad_number]: 'abc' is not a number (expected ...)"
  std::string ToString() const;
};

// Every way in takes a code (one of diag::k*): there is no unclassified diagnostic.
class Diagnostics {
 public:
  void Error(std::string_view code, std::string file, int line, int column, std::string message);
  void Warning(std::string_view code, std::string file, int line, int column, std::string message);
  // Precondition: d.code is not empty (a Diagnostic built without one is a bug in kaizen):
  // otherwise the process aborts, naming the diagnostic, in every build.
  void Add(Diagnostic d);

  const std::vector<Diagnostic>& all() const { return all_; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return all_.size() - errors_; }
  bool has_errors() const { return errors_ > 0; }

 private:
  std::vector<Diagnostic> all_;
  std::size_t errors_ = 0;
};

}  // namespace kaizen

#endif  // KAIZEN_DIAGNOSTICS_H_
