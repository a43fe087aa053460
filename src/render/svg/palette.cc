#include "render/svg/palette.h"

#include <cmath>
#include <string>

namespace kaizen {

Result<Palette> ParsePalette(std::string_view name) {
  if (name == "mdc") return Palette::kMdc;
  if (name == "mdc-alt") return Palette::kMdcAlternative;
  if (name == "colour-blind" || name == "color-blind") return Palette::kColourBlind;
  return Status::InvalidArgument("unknown palette '" + std::string(name) +
                                 "' (expected mdc, mdc-alt or colour-blind)");
}

namespace render {

PaletteColours ColoursOf(Palette palette) {
  switch (palette) {
    case Palette::kMdcAlternative:
      return {"#BFBFBF", "#0072C6", "#8000C0", "#FF6600"};
    // Okabe & Ito (2008), "Color Universal Design": grey, blue, reddish purple, orange.
    case Palette::kColourBlind:
      return {"#999999", "#0072B2", "#CC79A7", "#E69F00"};
    case Palette::kMdc:
      break;
  }
  // NHS England, Making Data Count icons.
  return {"#7B7D7D", "#289DE0", "#361475", "#FAB428"};
}

std::string_view ClassColour(Palette palette, PointClass c) {
  const PaletteColours colours = ColoursOf(palette);
  switch (c) {
    case PointClass::kImprovement:
      return colours.improvement;
    case PointClass::kConcern:
      return colours.concern;
    case PointClass::kNeutral:
      return colours.neither;
    case PointClass::kNotJudged:
      return kNotJudgedColour;
    case PointClass::kCommonCause:
      break;
  }
  return colours.common;
}

namespace {

// WCAG 2.1 relative luminance of one sRGB channel given as two hex digits.
double Channel(std::string_view hex) {
  const double v = std::stoi(std::string(hex), nullptr, 16) / 255.0;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

}  // namespace

std::string_view TextColourOn(std::string_view background) {
  if (background.size() != 7 || background[0] != '#') return "#000000";
  const double l = 0.2126 * Channel(background.substr(1, 2)) +
                   0.7152 * Channel(background.substr(3, 2)) +
                   0.0722 * Channel(background.substr(5, 2));
  const double with_black = (l + 0.05) / 0.05;
  const double with_white = 1.05 / (l + 0.05);
  return with_black >= with_white ? "#000000" : "#FFFFFF";
}

}  // namespace render
}  // namespace kaizen
