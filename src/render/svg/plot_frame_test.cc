// The shared chart frame's period and axis ticks, with spacings, label widths and steps worked
// out by hand.
#include "render/svg/plot_frame.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

namespace kaizen::render {
namespace {

int CountOf(const std::string& text, const std::string& needle) {
  int n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

std::string Ticks(double spacing, int n) {
  std::vector<double> xs;
  std::vector<std::string> labels;
  for (int i = 0; i < n; ++i) {
    xs.push_back(50 + spacing * i);
    labels.push_back("Jan 2020");
  }
  MarkupWriter w;
  DrawPeriodTicks(w, 300, xs, labels);
  return w.Finish();
}

TEST(DrawPeriodTicks, ThinsLabelsToAWholeFractionOfAYear) {
  // "Jan 2020" is 8 characters: 8 × 11 × 0.6 = 52.8 px, plus 12 px between labels = 64.8 px.
  // At 10 px a point a label needs ceil(6.48) = 7 points; the first of 1, 2, 3, 4, 6, 12 that
  // is at least 7 is 12, so of 25 points those at 0, 12 and 24 are labelled.
  const std::string svg = Ticks(10, 25);
  EXPECT_EQ(CountOf(svg, "<line"), 25);
  EXPECT_EQ(CountOf(svg, "<text"), 3);
  EXPECT_EQ(CountOf(svg, "y2=\"306\""), 3);   // labelled ticks are 6 px long
  EXPECT_EQ(CountOf(svg, "y2=\"303\""), 22);  // the others 3 px
  EXPECT_NE(svg.find("<text x=\"290\" y=\"319\" text-anchor=\"middle\">"), std::string::npos)
      << svg;  // point 24 at 50 + 240, 19 px below the axis
}

TEST(DrawPeriodTicks, LabelsEveryPointWhenTheyFit) {
  // 64.8 px of label at 70 px a point: every point labelled.
  EXPECT_EQ(CountOf(Ticks(70, 5), "<text"), 5);
  // One point (no spacing to measure) is labelled too.
  EXPECT_EQ(CountOf(Ticks(70, 1), "<text"), 1);
}

// [0, 0] widens to [-1, 1]; a fifth of that, 0.4, rounds up to the step 0.5.
TEST(NiceTicks, ZeroRangeAtZero) {
  EXPECT_EQ(NiceTicks(0, 0), (std::vector<double>{-1, -0.5, 0, 0.5, 1}));
}

TEST(NiceTicks, NotANumberOrInfinityGivesTheUnitAxis) {
  EXPECT_EQ(NiceTicks(NAN, 1), (std::vector<double>{0, 1}));
  EXPECT_EQ(NiceTicks(0, INFINITY), (std::vector<double>{0, 1}));
  EXPECT_EQ(NiceTicks(-INFINITY, INFINITY), (std::vector<double>{0, 1}));
}

// Regression: a fifth of 1.7e308 is 3.4e307, the step 5e307, and the last tick ceil(3.4) × 5e307
// = 2e308 overflowed to infinity, so the loop appended ticks until bad_alloc.
TEST(NiceTicks, RangeNearTheLargestDoubleIsTheDataRange) {
  EXPECT_EQ(NiceTicks(0, 1.7e308), (std::vector<double>{0, 1.7e308}));
  // hi - lo overflows: no step at all.
  EXPECT_EQ(NiceTicks(-1e308, 1e308), (std::vector<double>{-1e308, 1e308}));
  // Flat at the largest double: widening by 10 % overflows; the axis is one double wide.
  EXPECT_EQ(NiceTicks(DBL_MAX, DBL_MAX),
            (std::vector<double>{std::nextafter(DBL_MAX, 0.0), DBL_MAX}));
  EXPECT_EQ(NiceTicks(-DBL_MAX, -DBL_MAX),
            (std::vector<double>{-DBL_MAX, std::nextafter(-DBL_MAX, 0.0)}));
}

// Doubles near 1e17 are 16 apart (2^56 < 1e17 < 2^57, 52 bits of fraction): the step 5 for a
// range of 16 cannot be added, 1e17 + 5 rounds back to 1e17, and the ticks would repeat.
TEST(NiceTicks, StepBelowTheValuesLastDigitIsTheDataRange) {
  EXPECT_EQ(NiceTicks(1e17, 1e17 + 16), (std::vector<double>{1e17, 1e17 + 16}));
  // 1e-323 / 5 underflows to a step of 0.
  EXPECT_EQ(NiceTicks(0, 1e-323), (std::vector<double>{0, 1e-323}));
}

// Whatever the range, a handful of finite, increasing ticks covering it.
TEST(NiceTicks, EveryScaleGivesFewIncreasingTicks) {
  for (int e = -320; e <= 308; e += 7) {
    for (const double lo : {0.0, -std::pow(10.0, e), 3 * std::pow(10.0, e - 1)}) {
      const double hi = lo + std::pow(10.0, e);
      const std::vector<double> t = NiceTicks(lo, hi);
      ASSERT_GE(t.size(), 2u) << lo << " " << hi;
      ASSERT_LE(t.size(), 13u) << lo << " " << hi;
      for (std::size_t i = 0; i < t.size(); ++i) {
        ASSERT_TRUE(std::isfinite(t[i])) << lo << " " << hi;
        if (i > 0) ASSERT_LT(t[i - 1], t[i]) << lo << " " << hi;
      }
      // Covering to within the rounding NiceTicks allows (a millionth of a step) or so.
      const double slack = 1e-6 * (hi - lo);
      EXPECT_LE(t.front(), lo + slack) << lo << " " << hi;
      EXPECT_GE(t.back(), hi - slack) << lo << " " << hi;
    }
  }
}

}  // namespace
}  // namespace kaizen::render
