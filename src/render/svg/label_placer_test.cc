#include "render/svg/label_placer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "kaizen/analysis_render.h"
#include "kaizen/funnel.h"
#include "kaizen/pareto.h"
#include "render/svg/plot_frame.h"

namespace kaizen::render {
namespace {

// No placed label may overlap another, any obstacle, or leave the bounds.
void ExpectClear(const std::vector<PlacedLabel>& placed, const std::vector<Box>& obstacles,
                 const Box& bounds) {
  for (std::size_t i = 0; i < placed.size(); ++i) {
    if (!placed[i].placed) continue;
    EXPECT_TRUE(placed[i].box.Inside(bounds)) << i;
    for (const Box& o : obstacles) EXPECT_FALSE(placed[i].box.Overlaps(o)) << i;
    for (std::size_t j = i + 1; j < placed.size(); ++j) {
      if (placed[j].placed) {
        EXPECT_FALSE(placed[i].box.Overlaps(placed[j].box)) << i << "/" << j;
      }
    }
  }
}

// A lone point: the label sits 9 px to its right, vertically centred, with no leader line.
TEST(PlaceLabels, ALonePointIsLabelledBesideIt) {
  const std::vector<LabelRequest> r = {{100, 100, 40, 13}};
  const std::vector<Box> points = {PointBox(100, 100, 5)};
  const auto placed = PlaceLabels(r, points, {0, 0, 500, 500});
  ASSERT_TRUE(placed[0].placed);
  EXPECT_DOUBLE_EQ(placed[0].box.x0, 109);
  EXPECT_DOUBLE_EQ(placed[0].box.y0, 93.5);
  EXPECT_FALSE(placed[0].leader);
}

// At the right edge there is no room beside it on the right, so the label goes to the left.
TEST(PlaceLabels, APointAtTheRightEdgeIsLabelledOnItsLeft) {
  const std::vector<LabelRequest> r = {{495, 100, 40, 13}};
  const auto placed = PlaceLabels(r, std::vector<Box>{PointBox(495, 100, 5)}, {0, 0, 500, 500});
  ASSERT_TRUE(placed[0].placed);
  EXPECT_DOUBLE_EQ(placed[0].box.x1, 486);
}

// Forty points in a 60 × 60 px cluster: whatever is placed is clear of everything, and what
// cannot be placed is reported as such rather than drawn on top.
TEST(PlaceLabels, ADenseClusterNeverOverlaps) {
  std::vector<LabelRequest> r;
  std::vector<Box> points;
  for (int i = 0; i < 40; ++i) {
    const double x = 200 + (i * 37) % 60, y = 150 + (i * 23) % 60;
    r.push_back({x, y, 30.0 + (i % 5) * 8, 13});
    points.push_back(PointBox(x, y, 5));
  }
  const Box bounds{100, 58, 400, 300};
  const auto placed = PlaceLabels(r, points, bounds);
  ExpectClear(placed, points, bounds);
  int n = 0;
  for (const PlacedLabel& p : placed) n += p.placed;
  EXPECT_GT(n, 0);
  EXPECT_LT(n, 40);  // the cluster is too tight for all forty
}

struct SvgLabel {
  std::string name;
  Box box;
};

// Issue 8 item 16: on a real funnel plot with thirty outliers close together, the names drawn
// never overlap each other, any provider's point or the title and subtitle (above y = 58, the
// plot's top), and every outlier is either named on the chart or listed in the footnote.
TEST(RenderFunnelSvg, OutlierNamesNeverCollideAndTheRestAreListed) {
  std::vector<std::string> providers;
  std::vector<double> numerators, denominators;
  for (int i = 0; i < 40; ++i) {
    providers.push_back("Trust " + std::to_string(100 + i));
    denominators.push_back(900 + 10 * i);
    // Alternately far above and far below 50 %, every one outside the 99.8 % limits except a
    // few in the middle.
    const double p = i % 8 == 0 ? 0.5 : (i % 2 == 0 ? 0.62 : 0.38) + 0.002 * (i % 7);
    numerators.push_back(std::round(p * denominators.back()));
  }
  FunnelOptions options;
  options.type = FunnelType::kProportion;
  options.target = 0.5;
  const Result<FunnelResult> f = AnalyseFunnel(providers, numerators, denominators, options);
  ASSERT_TRUE(f.ok()) << f.status().message();
  PlotOptions plot;
  plot.title = "Funnel";
  plot.direction = Direction::kHigherIsBetter;
  const std::string svg = RenderFunnelSvg(*f, plot);

  const std::size_t pg = svg.find("class=\"providers\"");
  ASSERT_NE(pg, std::string::npos);
  // The providers' group holds circles with <title> children: it ends at the first "</g>".
  const std::string dots = svg.substr(pg, svg.find("</g>", pg) - pg);
  std::vector<Box> points;
  const std::regex circle("<circle[^>]*cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\" r=\"([0-9.]+)\"");
  for (auto it = std::sregex_iterator(dots.begin(), dots.end(), circle);
       it != std::sregex_iterator(); ++it) {
    const double cx = std::stod((*it)[1]), cy = std::stod((*it)[2]), r = std::stod((*it)[3]);
    points.push_back({cx - r, cy - r, cx + r, cy + r});
  }
  ASSERT_EQ(points.size(), 40u);
  const std::size_t g = svg.find("class=\"provider-labels\"");
  ASSERT_NE(g, std::string::npos);
  const std::string group = svg.substr(g, svg.find("</g>", g) - g);
  std::vector<SvgLabel> labels;
  const std::regex text("<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\">([^<]+)</text>");
  for (auto it = std::sregex_iterator(group.begin(), group.end(), text);
       it != std::sregex_iterator(); ++it) {
    // An 11 px label: cap height about 8 px above the baseline, descenders 3 px below.
    const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
    const std::string name = (*it)[3];
    labels.push_back({name, {x, y - 10, x + TextWidth(name, 11), y + 3}});
  }
  ASSERT_GT(labels.size(), 3u);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_GE(labels[i].box.y0, kFrameTop) << labels[i].name << " reaches the title";
    for (const Box& p : points) EXPECT_FALSE(labels[i].box.Overlaps(p)) << labels[i].name;
    for (std::size_t j = i + 1; j < labels.size(); ++j)
      EXPECT_FALSE(labels[i].box.Overlaps(labels[j].box))
          << labels[i].name << " / " << labels[j].name;
  }
  // Every outlier is named on the chart or in the footnote (whose lines wrap: joined here).
  const std::size_t note = svg.find("no room to name them on the chart");
  ASSERT_NE(note, std::string::npos);
  const std::string footnote = std::regex_replace(
      std::regex_replace(svg.substr(note), std::regex("<[^>]*>"), " "), std::regex("\\s+"), " ");
  for (const std::string& name : f->outside95) {
    const bool drawn = std::any_of(labels.begin(), labels.end(),
                                   [&](const SvgLabel& l) { return l.name == name; });
    const bool listed = footnote.find(name + ",") != std::string::npos ||
                        footnote.find(name + ".") != std::string::npos;
    EXPECT_TRUE(drawn || listed) << name;
  }
}

// Issue 8 item 17: a Pareto chart of long cause names. The turned category labels end at their
// bar's centre and run up-left at 35°, so the first reaches TextWidth · cos 35° left of its bar:
// it must stay inside the chart (x ≥ 0); the cumulative percentages never overlap each other,
// the bars' value labels or the title (they stay below y = 58).
TEST(RenderParetoSvg, LabelsAreNeverClippedOrColliding) {
  const std::vector<std::string> causes = {
      "Medication error during discharge planning",
      "Fall",
      "Pressure ulcer category 2 or worse acquired in hospital",
      "Delayed diagnosis",
      "Infection",
      "Staffing shortfall on the night shift",
      "Communication",
      "Equipment failure",
      "Patient identification",
      "Other documentation issues",
      "Consent"};
  const std::vector<double> counts = {40, 30, 22, 15, 12, 9, 7, 5, 3, 2, 1};
  const Result<ParetoResult> p = ParetoFromCounts(causes, counts);
  ASSERT_TRUE(p.ok()) << p.status().message();
  const std::string svg = RenderParetoSvg(*p, PlotOptions{});

  const double cos_turn = std::cos(35 * M_PI / 180);
  const std::regex turned(
      "<text x=\"([-0-9.]+)\" y=\"[-0-9.]+\" text-anchor=\"end\" transform=\"rotate[^\"]*\">"
      "([^<]+)</text>");
  int n_turned = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), turned); it != std::sregex_iterator();
       ++it) {
    ++n_turned;
    const double x = std::stod((*it)[1]);
    EXPECT_GE(x - TextWidth((*it)[2].str(), 11) * cos_turn, 0) << (*it)[2];
  }
  EXPECT_EQ(n_turned, 11);

  std::vector<Box> boxes;
  const std::regex value(
      "<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" font-size=\"11\" "
      "text-anchor=\"middle\"[^>]*>([^<]+)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), value); it != std::sregex_iterator();
       ++it) {
    const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
    const double w = TextWidth((*it)[3].str(), 11);
    boxes.push_back({x - w / 2, y - 10, x + w / 2, y + 3});
  }
  EXPECT_EQ(boxes.size(), 11u);  // every bar's value
  const std::regex cumulative(
      "<text class=\"cumulative-label\" x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"[^>]*>([^<]+)</text>");
  int n_cumulative = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), cumulative);
       it != std::sregex_iterator(); ++it) {
    ++n_cumulative;
    const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
    const Box b{x, y - 10, x + TextWidth((*it)[3].str(), 11), y + 3};
    EXPECT_GE(b.y0, kFrameTop) << (*it)[3];
    for (const Box& o : boxes) EXPECT_FALSE(b.Overlaps(o)) << (*it)[3];
    boxes.push_back(b);
  }
  EXPECT_GT(n_cumulative, 5);
}

}  // namespace
}  // namespace kaizen::render
