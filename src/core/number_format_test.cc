#include "kaizen/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace kaizen {
namespace {

TEST(FormatDecimals, GroupsThousandsInTheIntegerPartOnly) {
  EXPECT_EQ(FormatDecimals(27950, 0), "27,950");
  EXPECT_EQ(FormatDecimals(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(FormatDecimals(999, 0), "999");
  EXPECT_EQ(FormatDecimals(1000, 0), "1,000");
  EXPECT_EQ(FormatDecimals(-1234.5, 2), "-1,234.50");
  EXPECT_EQ(FormatDecimals(0.12345, 4), "0.1235");  // rounds half up at the fifth decimal
}

TEST(FormatDecimals, KeepsTheDecimalsItIsGivenSoAColumnNeverMixesThem) {
  EXPECT_EQ(FormatDecimals(12, 2), "12.00");
  EXPECT_EQ(FormatDecimals(12.04, 2), "12.04");
  EXPECT_EQ(FormatDecimals(94.25, 1), "94.2");  // an exact tie rounds to even
}

TEST(FormatDecimals, ZeroHasNoSignAndNonFiniteIsADash) {
  EXPECT_EQ(FormatDecimals(-0.04, 1), "0.0");
  EXPECT_EQ(FormatDecimals(-0.0, 0), "0");
  EXPECT_EQ(FormatDecimals(NAN, 2), "\xE2\x80\x93");
  EXPECT_EQ(FormatDecimals(INFINITY, 2), "\xE2\x80\x93");
}

TEST(FormatDecimals, ClampsDecimalsToTheDisplayRange) {
  EXPECT_EQ(FormatDecimals(1.0 / 3, 12), "0.333333");
  EXPECT_EQ(FormatDecimals(2.5, -3), "2");  // to_chars rounds half to even
}

TEST(DecimalsFor, FollowsTheSpreadOfTheValues) {
  EXPECT_EQ(DecimalsFor(std::vector<double>{27396, 28120, 26980}), 0);  // spread 1,140
  EXPECT_EQ(DecimalsFor(std::vector<double>{84.1, 95.3}), 1);           // spread 11.2
  EXPECT_EQ(DecimalsFor(std::vector<double>{12.0, 14.5}), 2);           // spread 2.5
  EXPECT_EQ(DecimalsFor(std::vector<double>{0.91, 0.95}), 3);           // spread 0.04
}

TEST(DecimalsFor, EqualValuesAreJudgedBySize) {
  EXPECT_EQ(DecimalsFor(std::vector<double>{0, 0, 0}), 0);
  EXPECT_EQ(DecimalsFor(std::vector<double>{12.5, 12.5}), 1);  // size 12.5: over 10
  EXPECT_EQ(DecimalsFor(std::vector<double>{NAN}), 1);
  EXPECT_EQ(DecimalsFor(std::vector<double>{NAN, 3, NAN, 5.5}), 2);
}

TEST(FormatAuto, ChoosesDecimalsByMagnitude) {
  EXPECT_EQ(FormatAuto(0), "0");
  EXPECT_EQ(FormatAuto(27950.4), "27,950");
  EXPECT_EQ(FormatAuto(490.432321), "490.4");
  EXPECT_EQ(FormatAuto(40), "40");
  EXPECT_EQ(FormatAuto(2.5), "2.50");
  EXPECT_EQ(FormatAuto(0.0042), "0.00420");  // three significant digits
  EXPECT_EQ(FormatAuto(0.5), "0.500");
  EXPECT_EQ(FormatAuto(0.0000123), "0.000012");     // never more than six decimals
  EXPECT_EQ(FormatAuto(0.00000004), "< 0.000001");  // never "0.000000"
  EXPECT_EQ(FormatAuto(-1234.5), "-1,234");
}

TEST(FormatSignificant, SignificantDigitsWithoutTrailingZeros) {
  EXPECT_EQ(FormatSignificant(2.4678), "2.47");
  EXPECT_EQ(FormatSignificant(0.031249), "0.0312");
  EXPECT_EQ(FormatSignificant(1234.4), "1,234");  // never fewer than the integer digits
  EXPECT_EQ(FormatSignificant(2.5), "2.5");       // "2.50" reads as 2.5
  EXPECT_EQ(FormatSignificant(40), "40");
  EXPECT_EQ(FormatSignificant(3.14159, 4), "3.142");
  EXPECT_EQ(FormatSignificant(0.000012345), "0.000012");  // at most six decimals
  EXPECT_EQ(FormatSignificant(0), "0");
  EXPECT_EQ(FormatSignificant(NAN), "\xE2\x80\x93");
}

// The shortest decimal that reads back exactly (Python's repr(0.1) and repr(1/3) agree: "0.1",
// "0.3333333333333333"; "%.17g" would write 0.10000000000000001).
TEST(FormatShortest, ReadsBackAsTheSameDouble) {
  EXPECT_EQ(FormatShortest(0.1), "0.1");
  EXPECT_EQ(FormatShortest(2.5), "2.5");
  EXPECT_EQ(FormatShortest(100), "100");
  EXPECT_EQ(FormatShortest(-0.0), "-0");
  EXPECT_EQ(FormatShortest(1e308), "1e+308");
  EXPECT_EQ(FormatShortest(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(FormatShortest(INFINITY), "inf");
}

// Expected strings are C printf's: printf '%.2g %.2g %.4g %.15g %.3g' 0.0456 0.000012 2.5
// 95.49999999999999 1234567 gives "0.046 1.2e-05 2.5 95.5 1.23e+06".
TEST(FormatGeneral, AsPrintfPercentG) {
  EXPECT_EQ(FormatGeneral(0.0456, 2), "0.046");
  EXPECT_EQ(FormatGeneral(0.000012, 2), "1.2e-05");
  EXPECT_EQ(FormatGeneral(2.5, 4), "2.5");
  EXPECT_EQ(FormatGeneral(95.49999999999999, 15), "95.5");
  EXPECT_EQ(FormatGeneral(1234567, 3), "1.23e+06");
}

// printf '%.2f %.2f %.6f' -0.001 0.456 0.0456 gives "-0.00 0.46 0.045600"; 1234.5 has no comma.
TEST(FormatFixed, AsPrintfPercentF) {
  EXPECT_EQ(FormatFixed(-0.001, 2), "-0.00");  // the sign stays: FormatDecimals drops it
  EXPECT_EQ(FormatFixed(0.456, 2), "0.46");
  EXPECT_EQ(FormatFixed(0.0456, 6), "0.045600");
  EXPECT_EQ(FormatFixed(1234.5, 1), "1234.5");
}

TEST(FormatCoordinate, ShortAndAlwaysWellFormed) {
  EXPECT_EQ(FormatCoordinate(12.5), "12.5");
  EXPECT_EQ(FormatCoordinate(40.0), "40");
  EXPECT_EQ(FormatCoordinate(1234.567), "1234.57");  // no thousands separator in markup
  EXPECT_EQ(FormatCoordinate(0.004), "0");           // rounds to 0.00
  EXPECT_EQ(FormatCoordinate(-0.004), "0");          // and -0.00 loses its sign
  EXPECT_EQ(FormatCoordinate(-3.5), "-3.5");
  EXPECT_EQ(FormatCoordinate(2.345678, 4), "2.3457");
  EXPECT_EQ(FormatCoordinate(NAN), "0");
  EXPECT_EQ(FormatCoordinate(-INFINITY), "0");
}

TEST(WithUnit, SpacesWordedUnitsButNotPercent) {
  EXPECT_EQ(WithUnit("27,950", "attendances"), "27,950 attendances");
  EXPECT_EQ(WithUnit("12.00", "per 10,000 risk days"), "12.00 per 10,000 risk days");
  EXPECT_EQ(WithUnit("94.2", "%"), "94.2%");
  EXPECT_EQ(WithUnit("7", ""), "7");
}

}  // namespace
}  // namespace kaizen

namespace kaizen {
namespace {

// Regression: the trailing zeros were dropped from the whole text, exponent included, so 1e20
// read "1.00 × 10^2" (a hundred) and 1e300 "1.00 × 10^3". By hand: 1e20 is 1 × 10^20;
// -2.5e20 to three digits is -2.50, trimmed -2.5; 123456789e10 = 1.23456789e18, three digits
// 1.23, four 1.235.
TEST(FormatSignificant, HugeValuesKeepTheirExponent) {
  EXPECT_EQ(FormatSignificant(1e20), "1 \xC3\x97 10^20");
  EXPECT_EQ(FormatSignificant(1e300), "1 \xC3\x97 10^300");
  EXPECT_EQ(FormatSignificant(-2.5e20), "-2.5 \xC3\x97 10^20");
  EXPECT_EQ(FormatSignificant(123456789e10), "1.23 \xC3\x97 10^18");
  EXPECT_EQ(FormatSignificant(123456789e10, 4), "1.235 \xC3\x97 10^18");
  EXPECT_EQ(FormatSignificant(1e15), "1 \xC3\x97 10^15");
  // Just below the switch: the plain form, every integer digit (never fewer, as for 1,234).
  EXPECT_EQ(FormatSignificant(999999999999999.0), "999,999,999,999,999");
}

// Regression: a value below the sixth decimal printed "0", a sign of no effect where there is
// one (a slope of 3e-9 per day). The sign is kept on the side of zero it lies.
TEST(FormatSignificant, TinyValuesDoNotReadAsZero) {
  EXPECT_EQ(FormatSignificant(3e-9), "< 0.000001");
  EXPECT_EQ(FormatSignificant(-3e-9), "> -0.000001");
  EXPECT_EQ(FormatSignificant(4.9e-7), "< 0.000001");
  EXPECT_EQ(FormatSignificant(5.1e-7), "0.000001");  // rounds to the sixth decimal
  EXPECT_EQ(FormatSignificant(-0.0), "0");
  EXPECT_EQ(FormatSignificant(-0.031249), "-0.0312");
  EXPECT_EQ(FormatSignificant(INFINITY), "\xE2\x80\x93");
  EXPECT_EQ(FormatSignificant(-INFINITY), "\xE2\x80\x93");
}

TEST(FormatDecimals, HugeValuesAreAPowerOfTen) {
  // Past 2^53 a double no longer holds every whole number: 1e308 would print as 309 digits
  // that are mostly noise (issue 14). Three significant digits times a power of ten instead.
  EXPECT_EQ(FormatDecimals(1e308, 2), "1.00 \xC3\x97 10^308");
  EXPECT_EQ(FormatDecimals(-2.5e20, 0), "-2.50 \xC3\x97 10^20");
  EXPECT_EQ(FormatDecimals(1e15, 0), "1.00 \xC3\x97 10^15");
  EXPECT_EQ(FormatDecimals(999999999999999.0, 0), "999,999,999,999,999");
}

}  // namespace
}  // namespace kaizen
