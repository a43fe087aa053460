// Greedy label placement with leader lines (render/svg/label_placer.h).
#include "render/svg/label_placer.h"

#include <algorithm>
#include <cmath>

namespace kaizen::render {
namespace {

// Gaps between a point's centre and its label: beside it (clear of a point of radius 5 and the
// padding, so no leader line is needed), then three rings further out, joined by a leader line.
constexpr double kNearGap = 9;
constexpr double kFarGaps[] = {22, 40, 64};
// A little air between labels so that two never read as one.
constexpr double kPad = 2;

// The label's box when it sits `gap` away from the point in direction (dx, dy), each -1, 0 or 1:
// to the right (1, 0), left (-1, 0), above (0, -1), below (0, 1) or on a diagonal.
Box Candidate(const LabelRequest& r, int dx, int dy, double gap) {
  double x0 = dx > 0 ? r.x + gap : dx < 0 ? r.x - gap - r.width : r.x - r.width / 2;
  double y0 = dy > 0 ? r.y + gap : dy < 0 ? r.y - gap - r.height : r.y - r.height / 2;
  return {x0, y0, x0 + r.width, y0 + r.height};
}

Box Padded(const Box& b) { return {b.x0 - kPad, b.y0 - kPad, b.x1 + kPad, b.y1 + kPad}; }

}  // namespace

Box PointBox(double x, double y, double r) { return {x - r - 1, y - r - 1, x + r + 1, y + r + 1}; }

std::vector<PlacedLabel> PlaceLabels(std::span<const LabelRequest> labels,
                                     std::span<const Box> obstacles, const Box& bounds) {
  // Right and left first (a name reads best beside its point), then above and below, then the
  // diagonals.
  static constexpr int kDirections[][2] = {{1, 0},  {-1, 0},  {0, -1}, {0, 1},
                                           {1, -1}, {-1, -1}, {1, 1},  {-1, 1}};
  std::vector<Box> taken(obstacles.begin(), obstacles.end());
  std::vector<PlacedLabel> out(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const auto free = [&](const Box& b) {
      const Box padded = Padded(b);
      return b.Inside(bounds) && std::none_of(taken.begin(), taken.end(),
                                              [&](const Box& t) { return padded.Overlaps(t); });
    };
    bool done = false;
    for (const auto& d : kDirections) {
      const Box b = Candidate(labels[i], d[0], d[1], kNearGap);
      if (free(b)) {
        out[i] = {true, b, false};
        done = true;
        break;
      }
    }
    for (const double gap : kFarGaps) {
      for (const auto& d : kDirections) {
        if (done) break;
        const Box b = Candidate(labels[i], d[0], d[1], gap);
        if (free(b)) {
          out[i] = {true, b, true};
          done = true;
        }
      }
    }
    if (done) taken.push_back(out[i].box);
  }
  return out;
}

}  // namespace kaizen::render
