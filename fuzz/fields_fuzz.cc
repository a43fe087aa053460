// libFuzzer target for the parsers of single fields, which every reader shares: numbers
// (ingest/numbers.h), periods (ingest/dates.h, in each date format, with and without Excel
// serials), .xlsx cell references, date serials, number formats and plain-number periods
// (ingest/xlsx/xlsx_cells.h), and the name-length check (ingest/name_limits.h). Any input must
// give an answer, never a crash, a hang or a sanitizer report, and the answers must keep their
// contracts (checked below with __builtin_trap, which libFuzzer reports as a crash).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/dates.h"
#include "ingest/name_limits.h"
#include "ingest/numbers.h"
#include "ingest/xlsx/xlsx_cells.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  using namespace kaizen::ingest;

  double number = 0;
  if (ParseNumber(text, &number) == NumberParse::kOk && !std::isfinite(number)) __builtin_trap();

  for (int format = 0; format < 4; ++format) {
    for (bool serials : {false, true}) {
      RawPeriod raw;
      if (ParsePeriod(text, static_cast<kaizen::DateFormat>(format), serials, &raw) ==
              PeriodParse::kOk &&
          raw.slash) {
        const SlashFit fit = FitsOf(raw);
        if (!fit.day_month && !fit.month_day) __builtin_trap();  // accepted, yet no real day
      }
    }
  }

  if (auto ref = ParseCellReference(text)) {
    if (ref->column < 1 || ref->column > kMaxXlsxColumn || ref->row < 1 || ref->row > kMaxXlsxRow)
      __builtin_trap();
    if (ColumnLetters(ref->column) + std::to_string(ref->row) != text) __builtin_trap();
  }
  if (size >= 8) {
    double serial = 0;
    __builtin_memcpy(&serial, data, sizeof serial);
    (void)DateFromSerial(serial, false);
    (void)DateFromSerial(serial, true);
  }
  (void)IsDateFormat(164, text);
  (void)IsPercentFormat(164, text);
  (void)PercentText(text);

  // A plain-number period that is accepted becomes a period the CSV rules accept.
  const NumberPeriod period = ReadNumberPeriod(text);
  if (period.kind == NumberPeriod::Kind::kYearMonth || period.kind == NumberPeriod::Kind::kYear) {
    RawPeriod raw;
    if (ParsePeriod(period.text, kaizen::DateFormat::kAuto, false, &raw) != PeriodParse::kOk)
      __builtin_trap();
  }

  if (CheckNameLength("the name", text).empty() != (CountCharacters(text) <= kMaxNameCharacters))
    __builtin_trap();
  return 0;
}
