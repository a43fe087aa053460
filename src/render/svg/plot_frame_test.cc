// The shared chart frame's period ticks, with spacings and label widths worked out by hand.
#include "render/svg/plot_frame.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kaizen::render
