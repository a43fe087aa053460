#include "render/svg/plot_frame.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/histogram.h"
#include "kaizen/number_format.h"
#include "render/text.h"

namespace kaizen::render {

namespace {

// A nice step over a range gives 5 to 7 intervals (the step is at least a fifth of the range,
// plus one step either end to reach whole steps). More means the arithmetic has run out of
// digits, and the cap keeps a runaway loop from filling memory (regression: NiceTicks(0,
// 1.7e308) rounded its last tick up to infinity and appended ticks until bad_alloc).
constexpr int kMaxTickIntervals = 12;

// The step of 1, 2, 2.5 or 5 × 10^k that is the smallest at least `raw`.
double NiceStep(double raw) {
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 2.5, 5.0}) {
    if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
  }
  return 10 * magnitude;
}

// Ticks first, first + step, ... up to last, or none when they cannot be told apart or would
// be more than kMaxTickIntervals + 1 (a range near the largest double overflows, a step below
// a value's last digit repeats ticks).
std::vector<double> StepTicks(double first, double last, double step) {
  if (!std::isfinite(first) || !std::isfinite(last) || !(step > 0) ||
      !((last - first) / step <= kMaxTickIntervals)) {
    return {};
  }
  std::vector<double> ticks;
  for (int i = 0; i <= kMaxTickIntervals && first + i * step <= last + step * 1e-6; ++i) {
    if (!ticks.empty() && first + i * step <= ticks.back()) return {};
    ticks.push_back(first + i * step);
  }
  if (ticks.size() < 2) ticks.push_back(first + step);
  return ticks;
}

}  // namespace

std::vector<double> NiceTicks(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
  if (lo > hi) std::swap(lo, hi);
  double from = lo, to = hi;
  if (from == to) {
    const double half = from == 0 ? 1 : std::fabs(from) * 0.1;
    from -= half;
    to += half;
  }
  const double step = NiceStep((to - from) / 5);
  std::vector<double> ticks = StepTicks(std::floor(from / step + 1e-9) * step,
                                        std::ceil(to / step - 1e-9) * step, step);
  if (!ticks.empty()) return ticks;
  // No round ticks exist at this scale: the axis runs over the data itself, widened to the
  // next double toward zero when flat so that it still has a height to draw in.
  if (lo < hi) return {lo, hi};
  return lo > 0 ? std::vector<double>{std::nextafter(lo, 0.0), lo}
                : std::vector<double>{lo, std::nextafter(lo, 0.0)};
}

int TickDecimals(const std::vector<double>& ticks) {
  if (ticks.size() < 2) return 0;
  const double step = ticks[1] - ticks[0];
  int decimals = 0;
  while (decimals < 6) {
    const double scaled = step * std::pow(10, decimals);
    if (std::fabs(scaled - std::round(scaled)) < 1e-6) break;
    ++decimals;
  }
  return decimals;
}

double TextWidth(std::string_view text, double font_size) {
  return CharCount(text) * font_size * 0.6;
}

std::string FormatSignificant(double v, int significant) {
  return kaizen::FormatSignificant(v, significant);
}

std::string FormatP(double p) {
  if (!std::isfinite(p)) return "p \xE2\x80\x93";
  if (p < 0.001) return "p < 0.001";
  return "p = " + FormatValue(p, 3);
}

std::string Axis::Label(double v) const {
  const double shown = v * multiplier;
  int d = decimals;
  // A multiplier of 100 moves the decimal point two places.
  if (multiplier != 1)
    d = std::max(0, decimals - static_cast<int>(std::round(std::log10(multiplier))));
  return FormatValue(shown, d) + suffix;
}

Axis MakeAxis(double lo, double hi, double multiplier, std::string suffix) {
  Axis axis;
  axis.ticks = NiceTicks(lo, hi);
  axis.decimals = TickDecimals(axis.ticks);
  axis.multiplier = multiplier;
  axis.suffix = std::move(suffix);
  return axis;
}

double LeftEdgeFor(const Axis& y, bool has_title) {
  double label_width = 0;
  for (const double t : y.ticks) label_width = std::max(label_width, TextWidth(y.Label(t), 11));
  return 14 + (has_title ? 20 : 0) + label_width + 8;
}

PlotArea AxesPlotArea(const Axis& x, const Axis& y, double width, double bottom_edge,
                      bool has_y_title) {
  PlotArea a;
  a.left = LeftEdgeFor(y, has_y_title);
  a.right = width - 24;
  a.top = kFrameTop;
  a.bottom = bottom_edge - kFrameBottomMargin;
  a.x_lo = x.lo();
  a.x_hi = x.hi();
  a.y_lo = y.lo();
  a.y_hi = y.hi();
  return a;
}

void OpenPlot(MarkupWriter& w, double width, double height, std::string_view title,
              std::string_view subtitle, std::string_view description) {
  w.Open("svg", SvgRootAttrs(width, height));
  w.Leaf("title", {}, title);
  w.Leaf("desc", {}, description);
  w.Leaf("rect", {{"width", Num(width)}, {"height", Num(height)}, {"fill", "#FFFFFF"}});
  w.Leaf("text",
         {{"x", "14"},
          {"y", "24"},
          {"font-size", "16"},
          {"font-weight", "bold"},
          {"fill", std::string(kTextColour)}},
         title);
  if (!subtitle.empty()) {
    w.Leaf("text",
           {{"x", "14"}, {"y", "43"}, {"font-size", "12"}, {"fill", std::string(kMutedText)}},
           subtitle);
  }
}

namespace {

// An axis title turned `degrees` about its centre (cx, cy): -90 reads upwards, beside a left
// axis; 90 downwards, beside a right one.
void RotatedTitle(MarkupWriter& w, double cx, double cy, int degrees, std::string_view title) {
  w.Leaf("text",
         {{"x", "0"},
          {"y", "0"},
          {"font-size", "12"},
          {"fill", std::string(kTextColour)},
          {"text-anchor", "middle"},
          {"transform",
           "translate(" + Num(cx) + " " + Num(cy) + ") rotate(" + std::to_string(degrees) + ")"}},
         title);
}

}  // namespace

void DrawGridline(MarkupWriter& w, double left, double right, double y, std::string_view label) {
  const std::string ys = Num(y);
  w.Leaf("line", {{"x1", Num(left)},
                  {"y1", ys},
                  {"x2", Num(right)},
                  {"y2", ys},
                  {"stroke", std::string(kGridColour)},
                  {"stroke-width", "1"}});
  w.Leaf("text", {{"x", Num(left - 6)}, {"y", Num(y + 4)}, {"text-anchor", "end"}}, label);
}

void DrawYAxis(MarkupWriter& w, const PlotArea& a, const Axis& y, std::string_view title) {
  w.Open("g", {{"class", "y-axis"}, {"font-size", "11"}, {"fill", std::string(kMutedText)}});
  for (const double t : y.ticks) DrawGridline(w, a.left, a.right, a.Y(t), y.Label(t));
  if (!title.empty()) RotatedTitle(w, 20, (a.top + a.bottom) / 2, -90, title);
  w.Close();
}

void DrawRightAxis(MarkupWriter& w, const PlotArea& a, const Axis& y, std::string_view title) {
  w.Open("g", {{"class", "right-axis"}, {"font-size", "11"}, {"fill", std::string(kMutedText)}});
  const double span = y.hi() - y.lo();
  for (const double t : y.ticks) {
    const double py = a.bottom - (t - y.lo()) / span * (a.bottom - a.top);
    w.Leaf("line", {{"x1", Num(a.right)},
                    {"y1", Num(py)},
                    {"x2", Num(a.right + 4)},
                    {"y2", Num(py)},
                    {"stroke", std::string(kAxisColour)}});
    w.Leaf("text", {{"x", Num(a.right + 7)}, {"y", Num(py + 4)}}, y.Label(t));
  }
  if (!title.empty()) {
    double label_width = 0;
    for (const double t : y.ticks) label_width = std::max(label_width, TextWidth(y.Label(t), 11));
    RotatedTitle(w, a.right + 7 + label_width + 14, (a.top + a.bottom) / 2, 90, title);
  }
  w.Close();
}

void DrawXTitle(MarkupWriter& w, const PlotArea& a, double y, std::string_view title) {
  if (title.empty()) return;
  w.Leaf("text",
         {{"x", Num((a.left + a.right) / 2)},
          {"y", Num(y)},
          {"font-size", "12"},
          {"fill", std::string(kTextColour)},
          {"text-anchor", "middle"}},
         title);
}

void DrawXAxis(MarkupWriter& w, const PlotArea& a, const Axis& x, std::string_view title) {
  w.Open("g", {{"class", "x-axis"}, {"font-size", "11"}, {"fill", std::string(kMutedText)}});
  w.Leaf("line", {{"x1", Num(a.left)},
                  {"y1", Num(a.bottom)},
                  {"x2", Num(a.right)},
                  {"y2", Num(a.bottom)},
                  {"stroke", std::string(kAxisColour)},
                  {"stroke-width", "1"}});
  for (const double t : x.ticks) {
    const std::string xs = Num(a.X(t));
    w.Leaf("line", {{"x1", xs},
                    {"y1", Num(a.bottom)},
                    {"x2", xs},
                    {"y2", Num(a.bottom + 5)},
                    {"stroke", std::string(kAxisColour)}});
    w.Leaf("text", {{"x", xs}, {"y", Num(a.bottom + 18)}, {"text-anchor", "middle"}}, x.Label(t));
  }
  w.Close();
  DrawXTitle(w, a, a.bottom + 38, title);
}

namespace {

constexpr double kTurnDegrees = 35;
constexpr int kTurnedMaxChars = 30;

std::string Shortened(const std::string& label) {
  if (CharCount(label) <= kTurnedMaxChars) return label;
  // Cut at a character boundary: skip UTF-8 continuation bytes.
  std::string out;
  int chars = 0;
  for (const char c : label) {
    const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (!continuation && ++chars > kTurnedMaxChars - 1) break;
    out += c;
  }
  return out + "\xE2\x80\xA6";  // ellipsis
}

}  // namespace

CategoryLabelPlan PlanCategoryLabels(std::span<const std::string> labels, double slot_width) {
  CategoryLabelPlan plan;
  double widest = 0;
  for (const std::string& l : labels) widest = std::max(widest, TextWidth(l, 11));
  if (widest + 6 <= slot_width) return plan;
  plan.turned = true;
  double widest_shown = 0;
  for (const std::string& l : labels) {
    widest_shown = std::max(widest_shown, TextWidth(Shortened(l), 11));
  }
  plan.extra_height = std::ceil(widest_shown * std::sin(kTurnDegrees * M_PI / 180));
  return plan;
}

double LeftEdgeForCategories(double left, double right, std::span<const std::string> labels) {
  constexpr double kMargin = 6;
  const double cos_turn = std::cos(kTurnDegrees * M_PI / 180);
  // Moving the edge narrows the slots, which can make a label reach further: two rounds settle
  // it (the second only ever moves it by the narrowing of the first).
  for (int round = 0; round < 2 && !labels.empty(); ++round) {
    const double slot = (right - left) / static_cast<double>(labels.size());
    if (!PlanCategoryLabels(labels, slot).turned) return left;
    double needed = left;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const double reach = TextWidth(Shortened(labels[i]), 11) * cos_turn;
      needed = std::max(needed, kMargin + reach - (static_cast<double>(i) + 0.5) * slot);
    }
    if (needed <= left) return left;
    left = needed;
  }
  return left;
}

void DrawCategoryLabels(MarkupWriter& w, const PlotArea& a, std::span<const double> centres,
                        std::span<const std::string> labels, const CategoryLabelPlan& plan) {
  w.Open("g", {{"class", "categories"}, {"font-size", "11"}, {"fill", std::string(kTextColour)}});
  for (std::size_t i = 0; i < labels.size() && i < centres.size(); ++i) {
    const std::string x = Num(centres[i]);
    if (!plan.turned) {
      w.Leaf("text", {{"x", x}, {"y", Num(a.bottom + 18)}, {"text-anchor", "middle"}}, labels[i]);
      continue;
    }
    const std::string y = Num(a.bottom + 14);
    w.Leaf("text",
           {{"x", x},
            {"y", y},
            {"text-anchor", "end"},
            {"transform", "rotate(-" + Num(kTurnDegrees) + " " + x + " " + y + ")"}},
           Shortened(labels[i]));
  }
  w.Close();
}

CategoryFrame CategoryPlotArea(const Axis& y, bool has_y_title, double right, double bottom_edge,
                               std::span<const std::string> labels) {
  const std::size_t n = labels.size();
  CategoryFrame f;
  PlotArea& a = f.area;
  a.right = right;
  a.top = kFrameTop;
  a.left = LeftEdgeForCategories(LeftEdgeFor(y, has_y_title), right, labels);
  f.slot = n == 0 ? a.right - a.left : (a.right - a.left) / static_cast<double>(n);
  f.plan = PlanCategoryLabels(labels, f.slot);
  a.bottom = bottom_edge - kFrameBottomMargin;
  a.x_lo = 0;
  a.x_hi = static_cast<double>(std::max<std::size_t>(n, 1));
  a.y_lo = y.lo();
  a.y_hi = y.hi();
  return f;
}

namespace {

// Every `k` points gets a period label, k the first of 1, 2, 3, 4, 6, 12 (then multiples of 12)
// that leaves 12 px between labels `label_width` wide at `spacing` px a point.
int PeriodLabelStep(double spacing, double label_width) {
  const int needed = static_cast<int>(std::ceil((label_width + 12) / spacing));
  for (const int k : {1, 2, 3, 4, 6, 12}) {
    if (k >= needed) return k;
  }
  return (needed + 11) / 12 * 12;
}

}  // namespace

void DrawPeriodTicks(MarkupWriter& w, double bottom, std::span<const double> xs,
                     std::span<const std::string> labels) {
  double label_width = 0;
  for (const std::string& label : labels) label_width = std::max(label_width, TextWidth(label, 11));
  const double spacing = xs.size() <= 1 ? 1e9 : xs[1] - xs[0];
  const std::size_t k = static_cast<std::size_t>(PeriodLabelStep(spacing, label_width));
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const bool labelled = i % k == 0;
    const std::string x = Num(xs[i]);
    w.Leaf("line", {{"x1", x},
                    {"y1", Num(bottom)},
                    {"x2", x},
                    {"y2", Num(bottom + (labelled ? 6 : 3))},
                    {"stroke", std::string(kAxisColour)}});
    if (labelled) {
      w.Leaf("text", {{"x", x}, {"y", Num(bottom + 19)}, {"text-anchor", "middle"}}, labels[i]);
    }
  }
}

void OpenLegendGroup(MarkupWriter& w) {
  w.Open("g", {{"class", "legend"}, {"font-size", "11"}, {"fill", std::string(kTextColour)}});
}

void Legend::MakeRoom(double item_width) {
  if (x_ + item_width > right_ && x_ > left_) {
    x_ = left_;
    y_ += 16;
  }
}

void Legend::Line(std::string_view label, std::string_view colour, std::string_view dash,
                  double stroke_width) {
  MakeRoom(31 + TextWidth(label, 11));
  std::vector<Attr> attrs = {{"x1", Num(x_)},
                             {"y1", Num(y_ - 4)},
                             {"x2", Num(x_ + 26)},
                             {"y2", Num(y_ - 4)},
                             {"stroke", std::string(colour)},
                             {"stroke-width", Num(stroke_width)}};
  if (!dash.empty()) attrs.push_back({"stroke-dasharray", std::string(dash)});
  w_.Leaf("line", attrs);
  w_.Leaf("text", {{"x", Num(x_ + 31)}, {"y", Num(y_)}}, label);
  x_ += 31 + TextWidth(label, 11) + 18;
}

void Legend::Point(std::string_view label, std::string_view colour) {
  MakeRoom(14 + TextWidth(label, 11));
  w_.Leaf("circle", {{"cx", Num(x_ + 5)},
                     {"cy", Num(y_ - 4)},
                     {"r", "5"},
                     {"fill", std::string(colour)},
                     {"stroke", "#FFFFFF"},
                     {"stroke-width", "0.5"}});
  w_.Leaf("text", {{"x", Num(x_ + 14)}, {"y", Num(y_)}}, label);
  x_ += 14 + TextWidth(label, 11) + 18;
}

void Legend::RingedPoint(std::string_view label, std::string_view fill, std::string_view ring) {
  MakeRoom(14 + TextWidth(label, 11));
  w_.Leaf("circle", {{"cx", Num(x_ + 5)},
                     {"cy", Num(y_ - 4)},
                     {"r", "5"},
                     {"fill", std::string(fill)},
                     {"stroke", std::string(ring)},
                     {"stroke-width", "1.5"}});
  w_.Leaf("text", {{"x", Num(x_ + 14)}, {"y", Num(y_)}}, label);
  x_ += 14 + TextWidth(label, 11) + 18;
}

void Legend::Swatch(std::string_view label, std::string_view colour, double opacity,
                    std::string_view pattern_id) {
  MakeRoom(20 + TextWidth(label, 11));
  std::vector<Attr> attrs = {
      {"x", Num(x_)},   {"y", Num(y_ - 10)},           {"width", "14"},
      {"height", "12"}, {"fill", std::string(colour)}, {"fill-opacity", Num(opacity)}};
  w_.Leaf("rect", attrs);
  if (!pattern_id.empty()) {
    w_.Leaf("rect", {{"x", Num(x_)},
                     {"y", Num(y_ - 10)},
                     {"width", "14"},
                     {"height", "12"},
                     {"fill", "url(#" + std::string(pattern_id) + ")"}});
  }
  w_.Leaf("text", {{"x", Num(x_ + 20)}, {"y", Num(y_)}}, label);
  x_ += 20 + TextWidth(label, 11) + 18;
}

void Legend::Text(std::string_view label) {
  MakeRoom(TextWidth(label, 11));
  w_.Leaf("text", {{"x", Num(x_)}, {"y", Num(y_)}}, label);
  x_ += TextWidth(label, 11) + 18;
}

int NotesLines(std::span<const std::string> notes, double width) {
  const int max_chars = std::max(20, static_cast<int>(width / (11 * 0.6)));
  int lines = 0;
  for (const std::string& note : notes)
    lines += static_cast<int>(WrapWords(note, max_chars).size());
  return lines;
}

void DrawNotes(MarkupWriter& w, double x, double y, double width,
               std::span<const std::string> notes) {
  if (notes.empty()) return;
  const int max_chars = std::max(20, static_cast<int>(width / (11 * 0.6)));
  w.Open("g", {{"class", "notes"}, {"font-size", "11"}, {"fill", std::string(kMutedText)}});
  for (const std::string& note : notes) {
    for (const std::string& line : WrapWords(note, max_chars)) {
      w.Leaf("text", {{"x", Num(x)}, {"y", Num(y)}}, line);
      y += kNoteLineHeight;
    }
  }
  w.Close();
}

std::string PolylinePath(const PlotArea& a, std::span<const double> xs,
                         std::span<const double> ys) {
  std::string d;
  bool open = false;
  for (std::size_t i = 0; i < xs.size() && i < ys.size(); ++i) {
    if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) {
      open = false;
      continue;
    }
    d += (open ? "L" : "M") + Num(a.X(xs[i])) + " " + Num(a.Y(ys[i]));
    open = true;
  }
  return d;
}

void DrawBinBar(MarkupWriter& w, const PlotArea& a, double lo_edge, double hi_edge, double count,
                std::string_view colour, std::string_view tooltip) {
  const double x0 = a.X(lo_edge), x1 = a.X(hi_edge);
  const double y = a.Y(count);
  const std::vector<Attr> attrs = {{"class", "bar"},
                                   {"x", Num(x0)},
                                   {"y", Num(y)},
                                   {"width", Num(x1 - x0)},
                                   {"height", Num(a.bottom - y)},
                                   {"fill", std::string(colour)},
                                   {"fill-opacity", "0.55"},
                                   {"stroke", "#FFFFFF"},
                                   {"stroke-width", "1"}};
  if (tooltip.empty()) {
    w.Leaf("rect", attrs);
    return;
  }
  w.Open("rect", attrs);
  w.Leaf("title", {}, tooltip);
  w.Close();
}

std::string NormalCountPath(const PlotArea& a, double mean, double sd, double n, double bin_width) {
  constexpr int kSteps = 160;
  std::vector<double> xs, ys;
  xs.reserve(kSteps + 1);
  ys.reserve(kSteps + 1);
  for (int i = 0; i <= kSteps; ++i) {
    const double x = a.x_lo + (a.x_hi - a.x_lo) * i / kSteps;
    xs.push_back(x);
    ys.push_back(NormalBinCount(x, mean, sd, n, bin_width));
  }
  return PolylinePath(a, xs, ys);
}

}  // namespace kaizen::render
