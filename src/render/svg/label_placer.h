// Greedy placement of point labels that never overlap each other, the points or anything else
// the caller marks as taken, and stay inside the plot area (so never reach the title above it).
//
// Each label is tried at candidate positions around its point, nearest first: beside it, above,
// below, the diagonals, then the same directions further out, where a leader line joins the
// label to its point. The first candidate that is inside the bounds and clear of every box
// already taken wins; a label with no free candidate is left unplaced, for the caller to list
// elsewhere (a footnote) rather than draw it over something. Labels are placed in the order
// given, so the caller puts the most important (the most extreme outliers) first.
//
// Pure geometry in SVG coordinates (y grows downwards); no state.
#ifndef KAIZEN_RENDER_SVG_LABEL_PLACER_H_
#define KAIZEN_RENDER_SVG_LABEL_PLACER_H_

#include <span>
#include <vector>

namespace kaizen::render {

struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  // Open intervals: boxes that only touch do not overlap.
  bool Overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool Inside(const Box& o) const { return x0 >= o.x0 && x1 <= o.x1 && y0 >= o.y0 && y1 <= o.y1; }
};

struct LabelRequest {
  double x = 0, y = 0;  // the point's centre
  double width = 0, height = 0;
};

struct PlacedLabel {
  bool placed = false;
  Box box;              // where the text goes (meaningful when placed)
  bool leader = false;  // far enough from its point to need a leader line
};

// The box around a point of radius `r` with a margin, as an obstacle for labels.
Box PointBox(double x, double y, double r);

// Places `labels` in order inside `bounds`, clear of `obstacles` and of each other. Returns one
// result per request, in the same order.
std::vector<PlacedLabel> PlaceLabels(std::span<const LabelRequest> labels,
                                     std::span<const Box> obstacles, const Box& bounds);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_LABEL_PLACER_H_
