// The MDC icons for one series of a report: the variation and assurance icons of
// include/kaizen/render.h, and, where a series has none, an icon that says why: "no target" (a
// struck-out target line) looks and reads differently from "cannot be judged" (three open dots:
// too few points, no limits, no variation, no better direction). Each is an SVG with role="img",
// a <title> and an aria-label in words (IconAccessibleName), for screen readers and tooltips.
#ifndef KAIZEN_RENDER_SVG_ICONS_H_
#define KAIZEN_RENDER_SVG_ICONS_H_

#include <string>

#include "kaizen/render.h"

namespace kaizen::render {

// The icons' words, after NHS England's key to the icons (see icons.cc): "Special cause
// improvement, high", "Consistently passing the target", "No target", "Cannot be judged: fewer
// than 15 points"...
std::string VariationAccessibleName(const ReportSeries& s);
std::string AssuranceAccessibleName(const ReportSeries& s);

// `size` × `size` px SVG documents.
std::string RowVariationIconSvg(const ReportSeries& s, Palette palette, int size);
std::string RowAssuranceIconSvg(const ReportSeries& s, Palette palette, int size);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_ICONS_H_
