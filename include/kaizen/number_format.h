// The one way kaizen writes a number for a reader: the engine's sentences, the chart, the HTML
// and PDF report, the command line's tables and the funnel all call these, so a value reads
// the same everywhere ("27,950 attendances", "94.2%", "12.00 per 10,000 risk days").
// Machine formats keep every digit instead: FormatShortest (CSV, TOML, quoted parameters) and
// the other named forms at the end of this header are here too, so that each way of turning a
// number into text is written once. JSON numbers are nlohmann::json's own.
// Pure functions, locale-independent (std::to_chars), safe from any thread.
#ifndef KAIZEN_NUMBER_FORMAT_H_
#define KAIZEN_NUMBER_FORMAT_H_

#include <span>
#include <string>
#include <string_view>

namespace kaizen {

// The most decimals any display uses: more digits than this are noise to a board.
inline constexpr int kMaxDisplayDecimals = 6;

// `v` with exactly `decimals` decimals (clamped to 0..kMaxDisplayDecimals) and a comma every
// three digits of the integer part: "27,396", "94.2", "-1,234.50". A value that rounds to zero
// loses its sign ("-0.0" reads as a sign error). "–" (en dash) for NaN or infinity. From 1e15
// up, where a double's digits run out, three significant digits times a power of ten:
// "1.00 × 10^308".
std::string FormatDecimals(double v, int decimals);

// The decimals that tell a set of values apart, so one column never mixes 12.00 and 12.0:
// 0 when they spread over 100 or more, 1 over 10, 2 over 1, else 3. Equal values are judged by
// their size instead; equal whole numbers need none ("0", not "0.000"). Non-finite values are
// ignored; 1 when none is finite.
int DecimalsFor(std::span<const double> values);

// A lone value with no series to take a precision from (a statistic in a sentence, a z-score):
// whole numbers from 1,000 up and for whole values from 10 up, 1 decimal from 10, 2 from 1,
// three significant digits below 1 (so a small rate such as 0.0042 does not read as "0.000"),
// never more than kMaxDisplayDecimals, and "< 0.000001" rather than "0.000000".
std::string FormatAuto(double v);

// A statistic for a subtitle, a legend or a message, with `significant` significant digits
// (2 to 6 decimals at most kMaxDisplayDecimals) and trailing zeros after the point dropped:
// "2.47", "0.0312", "1,234", "2.5" (not "2.50"). "–" for NaN or infinity, "0" for zero. From
// 1e15 up, `significant` digits times a power of ten ("2.5 × 10^20"); a non-zero value below
// 0.0000005, which six decimals would show as 0, is "< 0.000001" (or "> -0.000001").
std::string FormatSignificant(double v, int significant = 3);

// `number` followed by `unit` as a reader writes it: "%" and "‰" follow the number directly
// ("94.2%"), any other unit after a space ("27,950 attendances"); no unit, no change.
std::string WithUnit(std::string number, std::string_view unit);

// The formats below are not for a board: each keeps a form another program or an expert
// needs, and is named so that every caller of one form shares one definition.

// The shortest text that reads back as exactly `v` (std::to_chars without a precision): "2.5",
// "0.1", "1e+308", "nan", "inf". For values written back where a machine or a person must get
// the same double again: CSV and TOML output, messages quoting a parameter or a cell.
std::string FormatShortest(double v);
// The same appended to *out without a temporary string: for the per-point loops of the CSV
// writers, where a 17-digit number would otherwise cost a heap allocation each.
void AppendShortest(double v, std::string* out);

// `v` with `significant` significant digits as printf's "%.*g" in the "C" locale writes it
// (std::to_chars, chars_format::general, which the standard defines as that conversion):
// trailing zeros dropped, an exponent outside 1e-5..1e`significant` ("1.5e-06"), no thousands
// separator, the sign of -0 kept. For explanations that quote the engine's values to a
// chosen precision, and p-values in words.
std::string FormatGeneral(double v, int significant);

// `v` with exactly `decimals` decimals as printf's "%.*f" writes it: no thousands separator and
// the sign kept on a value that rounds to zero ("-0.00"), unlike FormatDecimals. For statistics
// quoted inside a sentence where the sign carries meaning (a correlation coefficient).
std::string FormatFixed(double v, int decimals);

// An SVG coordinate or length: at most `decimals` decimals with trailing zeros dropped ("12.5",
// "40"), "0" for -0, NaN or infinity. Differs from FormatDecimals on purpose: markup needs no
// thousands separator (a comma would split an attribute list), as few bytes as possible per
// point, and never a dash or "nan" that would make the document malformed.
std::string FormatCoordinate(double v, int decimals = 2);

}  // namespace kaizen

#endif  // KAIZEN_NUMBER_FORMAT_H_
