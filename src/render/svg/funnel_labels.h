// The names of the funnel plot's outliers: which are named on the chart, where each name goes
// (clear of the points, of each other and of the title) and which are left for a footnote.
#ifndef KAIZEN_RENDER_SVG_FUNNEL_LABELS_H_
#define KAIZEN_RENDER_SVG_FUNNEL_LABELS_H_

#include <string>
#include <vector>

#include "kaizen/funnel.h"
#include "render/svg/label_placer.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"

namespace kaizen::render {

// Whether the provider has a point on the chart: a finite value at a positive precision.
bool DrawnOnFunnel(const FunnelPoint& p);

struct FunnelLabel {
  std::string name;
  double x = 0, y = 0;  // the point
  PlacedLabel placed;
};
struct FunnelLabels {
  std::vector<FunnelLabel> placed;
  std::vector<std::string> unlabelled;  // outside the limits but not named on the chart
};

// The outliers' names, most extreme first (outside 99.8 %, then outside 95 % only), placed
// clear of each other, of every provider's point and of the title (they stay inside the plot
// area); those that do not fit, or come after the first 12 (kMaxLabels), are listed instead.
FunnelLabels PlaceFunnelLabels(const FunnelResult& f, const PlotArea& a);

// Names of the most extreme providers where they fit (PlaceFunnelLabels), with a leader line
// when the name had to move away from its point.
void DrawProviderLabels(MarkupWriter& w, const FunnelLabels& labels);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_FUNNEL_LABELS_H_
