#include <gtest/gtest.h>

#include <string>

#include "kaizen/analysis_render.h"

namespace kaizen {
namespace {

// Regression (issue 14): a zero or infinite bin width reached static_cast<int>(log10(width)),
// undefined behaviour that UBSan reported at histogram.cc:205.
TEST(RenderHistogramSvg, ZeroWidthBinsDrawWithoutUndefinedBehaviour) {
  HistogramBins bins;
  bins.rule = BinRule::kFixedWidth;
  bins.edges = {5, 5};  // collapsed: width 0
  bins.counts = {3};
  Descriptive d;
  d.n = 3;
  const std::string svg = RenderHistogramSvg(bins, d, PlotOptions{});
  EXPECT_NE(svg.find("5.00 to 5.00: 3"), std::string::npos) << svg;  // 2 decimals
}

}  // namespace
}  // namespace kaizen
