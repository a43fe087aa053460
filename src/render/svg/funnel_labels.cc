// The funnel plot's outlier names (render/svg/funnel_labels.h).
#include "render/svg/funnel_labels.h"

#include <algorithm>
#include <cmath>

namespace kaizen::render {

namespace {

// At most this many providers are named on the chart, the most extreme first: more names than
// this stop being read; the rest are listed in a footnote.
constexpr std::size_t kMaxLabels = 12;
constexpr double kLabelFont = 11;
constexpr double kLabelHeight = 13;  // an 11 px line with its descenders

}  // namespace

bool DrawnOnFunnel(const FunnelPoint& p) { return std::isfinite(p.value) && p.denominator > 0; }

FunnelLabels PlaceFunnelLabels(const FunnelResult& f, const PlotArea& a) {
  std::vector<Box> points;
  for (const FunnelPoint& p : f.points) {
    if (!DrawnOnFunnel(p)) continue;
    points.push_back(
        PointBox(a.X(p.denominator), a.Y(p.value), p.flag == FunnelFlag::kWithin ? 3.5 : 5));
  }
  std::vector<FunnelLabel> candidates;
  std::vector<std::string> unlabelled;
  for (const std::string& name : f.outside95) {  // most extreme first, 99.8 % ones included
    const auto it = std::find_if(f.points.begin(), f.points.end(),
                                 [&](const FunnelPoint& p) { return p.provider == name; });
    if (it == f.points.end() || !DrawnOnFunnel(*it)) continue;
    if (candidates.size() == kMaxLabels) {
      unlabelled.push_back(name);
      continue;
    }
    candidates.push_back({name, a.X(it->denominator), a.Y(it->value), {}});
  }
  std::vector<LabelRequest> requests;
  for (const FunnelLabel& c : candidates)
    requests.push_back({c.x, c.y, TextWidth(c.name, kLabelFont), kLabelHeight});
  const std::vector<PlacedLabel> placed =
      PlaceLabels(requests, points, {a.left, a.top, a.right, a.bottom});
  FunnelLabels out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (placed[i].placed) {
      candidates[i].placed = placed[i];
      out.placed.push_back(candidates[i]);
    } else {
      out.unlabelled.push_back(candidates[i].name);
    }
  }
  out.unlabelled.insert(out.unlabelled.end(), unlabelled.begin(), unlabelled.end());
  return out;
}

void DrawProviderLabels(MarkupWriter& w, const FunnelLabels& labels) {
  w.Open("g", {{"class", "provider-labels"},
               {"font-size", Num(kLabelFont)},
               {"fill", std::string(kTextColour)}});
  for (const FunnelLabel& l : labels.placed) {
    if (l.placed.leader) {
      const Box& b = l.placed.box;
      const double lx = std::clamp(l.x, b.x0, b.x1), ly = std::clamp(l.y, b.y0, b.y1);
      w.Leaf("line", {{"class", "leader"},
                      {"x1", Num(l.x)},
                      {"y1", Num(l.y)},
                      {"x2", Num(lx)},
                      {"y2", Num(ly)},
                      {"stroke", std::string(kMutedText)},
                      {"stroke-width", "0.75"}});
    }
    w.Leaf("text", {{"x", Num(l.placed.box.x0)}, {"y", Num(l.placed.box.y1 - 3)}}, l.name);
  }
  w.Close();
}

}  // namespace kaizen::render
