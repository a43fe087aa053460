// The MDC variation and assurance icons, drawn by kaizen: a disc in the class colour carrying a
// letter (H or L, P, F or ?) and a shape hint (a level row of dots for common cause, an arrow
// for high or low), so the icon never relies on colour alone; its <title> gives the meaning in
// words for screen readers and tooltips.
#include <string>

#include "kaizen/render.h"
#include "render/svg/palette.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

using render::Attr;
using render::MarkupWriter;

// Icons are drawn on a 100 × 100 grid and scaled to `size` by the viewBox.
MarkupWriter OpenIcon(int size, std::string_view label) {
  MarkupWriter w;
  std::vector<Attr> attrs = render::SvgRootAttrs(size, size);
  attrs[3].value = "0 0 100 100";  // viewBox
  attrs.push_back({"aria-label", std::string(label)});
  attrs.push_back({"class", "mdc-icon"});
  w.Open("svg", attrs);
  w.Leaf("title", {}, label);
  return w;
}

void Disc(MarkupWriter& w, std::string_view colour) {
  w.Leaf("circle", {{"cx", "50"}, {"cy", "50"}, {"r", "47"}, {"fill", std::string(colour)}});
}

void Letter(MarkupWriter& w, std::string_view letter, double baseline, int font_size,
            std::string_view colour) {
  w.Leaf("text",
         {{"x", "50"},
          {"y", render::Num(baseline)},
          {"text-anchor", "middle"},
          {"font-size", std::to_string(font_size)},
          {"font-weight", "bold"},
          {"fill", std::string(colour)}},
         letter);
}

// An empty dashed ring: the cell keeps its shape and says in words why there is no icon.
std::string NoIcon(int size, std::string_view label) {
  MarkupWriter w = OpenIcon(size, label);
  w.Leaf("circle", {{"cx", "50"},
                    {"cy", "50"},
                    {"r", "45"},
                    {"fill", "none"},
                    {"stroke", "#BFBFBF"},
                    {"stroke-width", "4"},
                    {"stroke-dasharray", "8 6"}});
  return w.Finish();
}

}  // namespace

std::string RenderVariationIconSvg(VariationIcon icon, Palette palette, int size) {
  const std::string_view label = render::VariationIconLabel(icon);
  if (icon == VariationIcon::kNone) return NoIcon(size, label);
  const render::PaletteColours colours = render::ColoursOf(palette);
  std::string_view colour = colours.common;
  bool high = false;
  switch (icon) {
    case VariationIcon::kImprovementHigh:
      colour = colours.improvement;
      high = true;
      break;
    case VariationIcon::kImprovementLow:
      colour = colours.improvement;
      break;
    case VariationIcon::kConcernHigh:
      colour = colours.concern;
      high = true;
      break;
    case VariationIcon::kConcernLow:
      colour = colours.concern;
      break;
    case VariationIcon::kNeitherHigh:
      colour = colours.neither;
      high = true;
      break;
    case VariationIcon::kNeitherLow:
      colour = colours.neither;
      break;
    case VariationIcon::kCommonCause:
    case VariationIcon::kNone:
      break;
  }
  const std::string ink(render::TextColourOn(colour));
  MarkupWriter w = OpenIcon(size, label);
  Disc(w, colour);
  if (icon == VariationIcon::kCommonCause) {
    // Common cause: points scattered about a level mean.
    constexpr double kDotX[] = {20, 35, 50, 65, 80};
    constexpr double kDotY[] = {50, 44, 54, 47, 51};
    w.Leaf("line", {{"x1", "14"},
                    {"y1", "50"},
                    {"x2", "86"},
                    {"y2", "50"},
                    {"stroke", ink},
                    {"stroke-width", "2"},
                    {"stroke-opacity", "0.6"}});
    for (int i = 0; i < 5; ++i) {
      w.Leaf("circle", {{"cx", render::Num(kDotX[i])},
                        {"cy", render::Num(kDotY[i])},
                        {"r", "6"},
                        {"fill", ink}});
    }
    return w.Finish();
  }
  if (high) {
    w.Leaf("path", {{"d", "M50 10 L62 28 L38 28 Z"}, {"fill", ink}});
    Letter(w, "H", 80, 48, ink);
  } else {
    Letter(w, "L", 62, 48, ink);
    w.Leaf("path", {{"d", "M50 90 L62 72 L38 72 Z"}, {"fill", ink}});
  }
  return w.Finish();
}

std::string RenderAssuranceIconSvg(AssuranceIcon icon, Palette palette, int size) {
  const std::string_view label = render::AssuranceIconLabel(icon);
  if (icon == AssuranceIcon::kNone) return NoIcon(size, label);
  const render::PaletteColours colours = render::ColoursOf(palette);
  std::string_view colour = colours.common;
  std::string_view letter = "?";
  if (icon == AssuranceIcon::kPass) {
    colour = colours.improvement;
    letter = "P";
  } else if (icon == AssuranceIcon::kFail) {
    colour = colours.concern;
    letter = "F";
  }
  const std::string ink(render::TextColourOn(colour));
  MarkupWriter w = OpenIcon(size, label);
  Disc(w, colour);
  Letter(w, letter, 66, 52, ink);
  // The target line the process is judged against.
  w.Leaf("line", {{"x1", "26"},
                  {"y1", "78"},
                  {"x2", "74"},
                  {"y2", "78"},
                  {"stroke", ink},
                  {"stroke-width", "5"},
                  {"stroke-dasharray", "9 5"}});
  return w.Finish();
}

}  // namespace kaizen
