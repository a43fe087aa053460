// The MDC class colours of each palette (domain.md), and the text colour that stays legible on
// each: a light orange or grey disc takes a black letter, a dark one a white letter.
#ifndef KAIZEN_RENDER_SVG_PALETTE_H_
#define KAIZEN_RENDER_SVG_PALETTE_H_

#include <string_view>

#include "kaizen/render.h"

namespace kaizen::render {

struct PaletteColours {
  std::string_view common;       // common cause, hit or miss
  std::string_view improvement;  // special cause improvement, assurance pass
  std::string_view neither;      // special cause, no better direction
  std::string_view concern;      // special cause concern, assurance fail
};

PaletteColours ColoursOf(Palette palette);

// Points no rule judged (too few points, no variation): NHS pale grey in every palette, drawn
// with a darker ring, so they read as "not yet coloured" rather than as common cause grey.
inline constexpr std::string_view kNotJudgedColour = "#D8DDE0";
inline constexpr std::string_view kNotJudgedRing = "#768692";  // NHS mid grey

// The colour of a point of class `c` on a chart.
std::string_view ClassColour(Palette palette, PointClass c);

// "#000000" or "#FFFFFF", whichever contrasts more with `background` (#RRGGBB), by the WCAG 2
// relative-luminance contrast ratio.
std::string_view TextColourOn(std::string_view background);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_SVG_PALETTE_H_
