// The one way kaizen writes a number for a reader: the engine's sentences, the chart, the HTML
// and PDF report, the command line's tables and the funnel all call these, so a value reads
// the same everywhere ("27,950 attendances", "94.2%", "12.00 per 10,000 risk days").
// Machine formats (JSON, CSV) keep every digit instead and do not use this module.
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

// `number` followed by `unit` as a reader writes it: "%" and "‰" follow the number directly
// ("94.2%"), any other unit after a space ("27,950 attendances"); no unit, no change.
std::string WithUnit(std::string number, std::string_view unit);

}  // namespace kaizen

#endif  // KAIZEN_NUMBER_FORMAT_H_
