// The MDC variation and assurance icons, drawn by kaizen after NHS England's designs ("Making
// Data Count: strengthening your decisions", NHS England and NHS Improvement, 2019, and the icon
// set NHSRplotthedots 0.2 ships): a white disc in a ring of the class colour. A variation icon
// holds a small chart of five points, the last three in the class colour rising (H) or falling
// (L) under the letter, or five grey points about a level mean for common cause. An assurance
// icon holds its letter (P, F or ?) over a dashed target line and a grey process line wholly on
// one side of it (P above, F below) or crossing it (?). Letters and shapes carry the meaning
// without colour; role="img" with a <title> and aria-label carry it in words.
#include "render/svg/icons.h"

#include <string>
#include <vector>

#include "kaizen/render.h"
#include "render/svg/palette.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

using render::Attr;
using render::MarkupWriter;
using render::Num;

constexpr std::string_view kProcessGrey = "#7F7F7F";  // the small charts' grey, as NHS England's
constexpr std::string_view kEmptyRing = "#BFBFBF";
constexpr std::string_view kInk = "#231F20";

// The published wording of the icons' key (NHS England 2019, above; the same words are in
// AUS-DOH-Safety-and-Quality/PowerBI-SPC docs/PlotTheDots/variation.md and assurance.md), with
// kaizen's "high"/"low" for the letter, so a screen reader hears what the letter shows.
std::string_view VariationName(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::kCommonCause:
      return "Common cause variation: no significant change";
    case VariationIcon::kImprovementHigh:
      return "Special cause improvement, high: variation of an improving nature due to higher "
             "values";
    case VariationIcon::kImprovementLow:
      return "Special cause improvement, low: variation of an improving nature due to lower "
             "values";
    case VariationIcon::kConcernHigh:
      return "Special cause concern, high: variation of a concerning nature due to higher values";
    case VariationIcon::kConcernLow:
      return "Special cause concern, low: variation of a concerning nature due to lower values";
    case VariationIcon::kNeitherHigh:
      return "Special cause, neither improvement nor concern, high";
    case VariationIcon::kNeitherLow:
      return "Special cause, neither improvement nor concern, low";
    case VariationIcon::kNone:
      break;
  }
  return "Cannot be judged";
}

std::string_view AssuranceName(AssuranceIcon icon) {
  switch (icon) {
    case AssuranceIcon::kPass:
      return "Consistently passing the target";
    case AssuranceIcon::kFail:
      return "Consistently falling short of the target";
    case AssuranceIcon::kHitOrMiss:
      return "Inconsistently passing and falling short of the target (hit or miss)";
    case AssuranceIcon::kNone:
      break;
  }
  return "No assurance";
}

// Icons are drawn on a 100 × 100 grid and scaled to `size` by the viewBox.
MarkupWriter OpenIcon(int size, std::string_view label) {
  MarkupWriter w;
  std::vector<Attr> attrs = render::SvgRootAttrs(size, size);
  attrs[3].value = "0 0 100 100";  // viewBox; the root is already role="img"
  attrs.push_back({"aria-label", std::string(label)});
  attrs.push_back({"class", "mdc-icon"});
  w.Open("svg", attrs);
  w.Leaf("title", {}, label);
  return w;
}

void Ring(MarkupWriter& w, std::string_view colour, bool dashed = false) {
  std::vector<Attr> attrs = {{"cx", "50"},
                             {"cy", "50"},
                             {"r", "44"},
                             {"fill", "#FFFFFF"},
                             {"stroke", std::string(colour)},
                             {"stroke-width", "7"}};
  if (dashed) attrs.push_back({"stroke-dasharray", "14 7"});
  w.Leaf("circle", attrs);
}

// A letter in the class colour; a light colour (orange, pale grey) gets a dark outline so the
// letter keeps a 3:1 contrast with the white disc (WCAG 2.1, 1.4.11 non-text contrast).
void Letter(MarkupWriter& w, std::string_view letter, double baseline, std::string_view colour) {
  std::vector<Attr> attrs = {
      {"x", "50"},         {"y", Num(baseline)},    {"text-anchor", "middle"},
      {"font-size", "38"}, {"font-weight", "bold"}, {"fill", std::string(colour)}};
  if (render::TextColourOn(colour) == "#000000") {
    attrs.push_back({"stroke", std::string(kInk)});
    attrs.push_back({"stroke-width", "1.2"});
  }
  w.Leaf("text", attrs, letter);
}

// A small chart of points at x = 27 ... 73, clear of the ring: a grey line through them, each point
// grey or, from `first_coloured` on, in `colour`.
void MiniChart(MarkupWriter& w, const double (&y)[5], int first_coloured, std::string_view colour) {
  constexpr double kX[] = {27, 38.5, 50, 61.5, 73};
  std::string points;
  for (int i = 0; i < 5; ++i) points += (i ? " " : "") + Num(kX[i]) + "," + Num(y[i]);
  w.Leaf("polyline", {{"points", points},
                      {"fill", "none"},
                      {"stroke", std::string(kProcessGrey)},
                      {"stroke-width", "3"}});
  for (int i = 0; i < 5; ++i) {
    w.Leaf("circle", {{"cx", Num(kX[i])},
                      {"cy", Num(y[i])},
                      {"r", "5.5"},
                      {"fill", std::string(i >= first_coloured ? colour : kProcessGrey)}});
  }
}

// An empty dashed ring, the matrix's "no assurance" heading: no mark inside.
std::string EmptyIcon(int size, std::string_view label) {
  MarkupWriter w = OpenIcon(size, label);
  Ring(w, kEmptyRing, true);
  return w.Finish();
}

// Cannot be judged (too few points, no limits, no variation, no better direction): three open
// points, not yet a chart.
std::string CannotBeJudgedIcon(int size, std::string_view label) {
  MarkupWriter w = OpenIcon(size, label);
  Ring(w, kEmptyRing, true);
  for (const char* x : {"30", "50", "70"}) {
    w.Leaf("circle", {{"cx", x},
                      {"cy", "50"},
                      {"r", "6"},
                      {"fill", "#FFFFFF"},
                      {"stroke", std::string(kProcessGrey)},
                      {"stroke-width", "3"}});
  }
  return w.Finish();
}

// No target: the dashed target line of the assurance icons, struck out.
std::string NoTargetIcon(int size, std::string_view label) {
  MarkupWriter w = OpenIcon(size, label);
  Ring(w, kEmptyRing, true);
  w.Leaf("line", {{"x1", "22"},
                  {"y1", "50"},
                  {"x2", "78"},
                  {"y2", "50"},
                  {"stroke", std::string(kProcessGrey)},
                  {"stroke-width", "5"},
                  {"stroke-dasharray", "9 5"}});
  w.Leaf("line", {{"x1", "32"},
                  {"y1", "74"},
                  {"x2", "68"},
                  {"y2", "26"},
                  {"stroke", std::string(kProcessGrey)},
                  {"stroke-width", "6"},
                  {"stroke-linecap", "round"}});
  return w.Finish();
}

std::string VariationIconWith(VariationIcon icon, Palette palette, int size,
                              std::string_view label) {
  const render::PaletteColours colours = render::ColoursOf(palette);
  std::string_view colour = colours.common;
  bool high = false;
  switch (icon) {
    case VariationIcon::kImprovementHigh:
      high = true;
      [[fallthrough]];
    case VariationIcon::kImprovementLow:
      colour = colours.improvement;
      break;
    case VariationIcon::kConcernHigh:
      high = true;
      [[fallthrough]];
    case VariationIcon::kConcernLow:
      colour = colours.concern;
      break;
    case VariationIcon::kNeitherHigh:
      high = true;
      [[fallthrough]];
    case VariationIcon::kNeitherLow:
      colour = colours.neither;
      break;
    case VariationIcon::kCommonCause:
      break;
    case VariationIcon::kNone:
      return CannotBeJudgedIcon(size, label);
  }
  MarkupWriter w = OpenIcon(size, label);
  Ring(w, colour);
  if (icon == VariationIcon::kCommonCause) {
    // Points scattered about a level mean, all grey.
    constexpr double kLevel[] = {52, 42, 56, 44, 52};
    MiniChart(w, kLevel, 5, colour);
    return w.Finish();
  }
  // The letter above; below it a run of three points in the class colour moving its way.
  constexpr double kRising[] = {72, 74, 67, 62, 57};
  constexpr double kFalling[] = {57, 55, 62, 67, 72};
  Letter(w, high ? "H" : "L", 46, colour);
  MiniChart(w, high ? kRising : kFalling, 2, colour);
  return w.Finish();
}

std::string AssuranceIconWith(AssuranceIcon icon, Palette palette, int size,
                              std::string_view label) {
  const render::PaletteColours colours = render::ColoursOf(palette);
  std::string_view colour = colours.common;
  std::string_view letter = "?";
  // The process line: above the target (P), below it (F), or across it (?).
  constexpr double kAbove[] = {57, 54, 58, 55, 57};
  constexpr double kBelow[] = {74, 77, 73, 76, 74};
  constexpr double kAcross[] = {59, 74, 58, 75, 60};
  const double(*process)[5] = &kAcross;
  switch (icon) {
    case AssuranceIcon::kPass:
      colour = colours.improvement;
      letter = "P";
      process = &kAbove;
      break;
    case AssuranceIcon::kFail:
      colour = colours.concern;
      letter = "F";
      process = &kBelow;
      break;
    case AssuranceIcon::kHitOrMiss:
      break;
    case AssuranceIcon::kNone:
      return EmptyIcon(size, label);
  }
  MarkupWriter w = OpenIcon(size, label);
  Ring(w, colour);
  Letter(w, letter, 44, colour);
  w.Leaf("line", {{"x1", "18"},
                  {"y1", "66"},
                  {"x2", "82"},
                  {"y2", "66"},
                  {"stroke", std::string(colour)},
                  {"stroke-width", "4"},
                  {"stroke-dasharray", "8 4"}});
  MiniChart(w, *process, 5, colour);
  return w.Finish();
}

// The latest point's segment's points_needed: what "too few points" is measured against.
int PointsNeeded(const SeriesResult& r) {
  if (r.latest < 0 || r.latest >= static_cast<int>(r.points.size())) return 0;
  const int seg = r.points[r.latest].segment;
  if (seg < 0 || seg >= static_cast<int>(r.segments.size())) return 0;
  return r.segments[seg].points_needed;
}

// Why the rules cannot judge the latest point, in words.
std::string CannotBeJudged(const ReportSeries& s) {
  switch (s.row.judgement) {
    case Judgement::kTooFewPoints: {
      const int needed = PointsNeeded(s.result);
      return needed > 0 ? "Cannot be judged: fewer than " + std::to_string(needed) + " points"
                        : "Cannot be judged: too few points";
    }
    case Judgement::kZeroVariation:
      return "Cannot be judged: no variation";
    case Judgement::kNoLimits:
      return "Cannot be judged: no process limits";
    case Judgement::kJudged:
      break;
  }
  return "Cannot be judged";
}

}  // namespace

std::string RenderVariationIconSvg(VariationIcon icon, Palette palette, int size) {
  return VariationIconWith(icon, palette, size, VariationName(icon));
}

std::string RenderAssuranceIconSvg(AssuranceIcon icon, Palette palette, int size) {
  return AssuranceIconWith(icon, palette, size, AssuranceName(icon));
}

namespace render {

std::string VariationAccessibleName(const ReportSeries& s) {
  if (s.row.variation != VariationIcon::kNone) return std::string(VariationName(s.row.variation));
  return CannotBeJudged(s);
}

std::string AssuranceAccessibleName(const ReportSeries& s) {
  const SummaryRow& row = s.row;
  if (row.assurance != AssuranceIcon::kNone) return std::string(AssuranceName(row.assurance));
  if (!row.target) return "No target";
  if (row.judgement != Judgement::kJudged) return CannotBeJudged(s);
  if (row.direction == Direction::kNeither) return "Cannot be judged: no better direction";
  // Judged, with a target and a direction: the chart (t, g) or the profile gives no assurance.
  return "Cannot be judged: no assurance for this chart";
}

std::string RowVariationIconSvg(const ReportSeries& s, Palette palette, int size) {
  return VariationIconWith(s.row.variation, palette, size, VariationAccessibleName(s));
}

std::string RowAssuranceIconSvg(const ReportSeries& s, Palette palette, int size) {
  const std::string label = AssuranceAccessibleName(s);
  if (s.row.assurance == AssuranceIcon::kNone) {
    return s.row.target ? CannotBeJudgedIcon(size, label) : NoTargetIcon(size, label);
  }
  return AssuranceIconWith(s.row.assurance, palette, size, label);
}

}  // namespace render
}  // namespace kaizen
