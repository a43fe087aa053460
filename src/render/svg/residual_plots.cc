// The four residual plots of a linear model on one page, as Minitab's "Four in one": the normal
// probability plot, residuals versus fits, the histogram of the residuals and residuals versus
// observation order. Each panel says what a healthy model looks like in its own title's terms:
// a straight line, a band without pattern around zero, a bell, no trend or run.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/analysis_render.h"
#include "render/svg/palette.h"
#include "render/svg/plot_frame.h"
#include "render/svg/svg_writer.h"
#include "render/text.h"

namespace kaizen {
namespace {

using render::Num;

// Percent ticks of the normal probability plot and their standard normal quantiles Φ⁻¹(p/100)
// (any table of the standard normal distribution, e.g. Montgomery 6th ed., Appendix II).
struct PercentTick {
  const char* label;
  double z;
};
constexpr PercentTick kPercentTicks[] = {{"1", -2.326348},  {"5", -1.644854}, {"10", -1.281552},
                                         {"20", -0.841621}, {"50", 0},        {"80", 0.841621},
                                         {"90", 1.281552},  {"95", 1.644854}, {"99", 2.326348}};

struct Range {
  double lo = INFINITY, hi = -INFINITY;
  void Add(double v) {
    if (!std::isfinite(v)) return;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  bool Empty() const { return !(lo <= hi); }
};

// A panel's plot area inside the box (x, y, w, h) of the page, leaving room for its title
// above, tick labels and the axis title below, and tick labels and the rotated axis title to the
// left.
render::PlotArea PanelArea(double x, double y, double w, double h, double y_label_width) {
  render::PlotArea a;
  a.left = x + 22 + y_label_width + 8;
  a.right = x + w - 14;
  a.top = y + 24;
  a.bottom = y + h - 44;
  return a;
}

void PanelTitle(render::MarkupWriter& w, const render::PlotArea& a, const std::string& title) {
  w.Leaf("text",
         {{"class", "panel-title"},
          {"x", Num(a.left)},
          {"y", Num(a.top - 9)},
          {"font-size", "13"},
          {"font-weight", "bold"},
          {"fill", std::string(render::kTextColour)}},
         title);
}

// The rotated y axis title beside the panel's tick labels (DrawYAxis puts its title at the
// page's left edge, which is right only for the left-hand panels).
void PanelYTitle(render::MarkupWriter& w, const render::PlotArea& a, double label_width,
                 const std::string& title) {
  w.Leaf("text",
         {{"font-size", "12"},
          {"fill", std::string(render::kTextColour)},
          {"text-anchor", "middle"},
          {"transform", "translate(" + Num(a.left - label_width - 16) + " " +
                            Num((a.top + a.bottom) / 2) + ") rotate(-90)"}},
         title);
}

double LabelWidth(const render::Axis& axis) {
  double width = 0;
  for (const double t : axis.ticks) width = std::max(width, render::TextWidth(axis.Label(t), 11));
  return width;
}

void Dots(render::MarkupWriter& w, const render::PlotArea& a, const std::vector<double>& x,
          const std::vector<double>& y, std::string_view colour, const char* cls) {
  w.Open("g", {{"class", cls}});
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    w.Leaf("circle", {{"cx", Num(a.X(x[i]))},
                      {"cy", Num(a.Y(y[i]))},
                      {"r", "3"},
                      {"fill", std::string(colour)}});
  }
  w.Close();
}

void Line(render::MarkupWriter& w, const render::PlotArea& a, double x1, double y1, double x2,
          double y2, const char* cls, std::string_view colour) {
  w.Leaf("line", {{"class", cls},
                  {"x1", Num(a.X(x1))},
                  {"y1", Num(a.Y(y1))},
                  {"x2", Num(a.X(x2))},
                  {"y2", Num(a.Y(y2))},
                  {"stroke", std::string(colour)},
                  {"stroke-width", "1.5"}});
}

// Residuals (x) against their normal scores (y, labelled in percent), with the line the
// residuals would follow if normal with mean 0 and the residual sd: x = s z.
void NormalProbabilityPanel(render::MarkupWriter& w, double x, double y, double pw, double ph,
                            const LinearModel& m, std::string_view colour) {
  const std::vector<double> z = NormalScores(m.residuals);
  Range r;
  for (const double e : m.residuals) r.Add(e);
  r.Add(-2.4 * m.residual_sd);
  r.Add(2.4 * m.residual_sd);
  const render::Axis x_axis = render::MakeAxis(r.Empty() ? -1 : r.lo, r.Empty() ? 1 : r.hi);
  render::PlotArea a = PanelArea(x, y, pw, ph, render::TextWidth("99", 11));
  a.x_lo = x_axis.lo();
  a.x_hi = x_axis.hi();
  a.y_lo = -2.6;
  a.y_hi = 2.6;
  PanelTitle(w, a, "Normal probability plot");
  w.Open("g",
         {{"class", "y-axis"}, {"font-size", "11"}, {"fill", std::string(render::kMutedText)}});
  for (const PercentTick& t : kPercentTicks) {
    w.Leaf("line", {{"x1", Num(a.left)},
                    {"y1", Num(a.Y(t.z))},
                    {"x2", Num(a.right)},
                    {"y2", Num(a.Y(t.z))},
                    {"stroke", std::string(render::kGridColour)}});
    w.Leaf("text", {{"x", Num(a.left - 6)}, {"y", Num(a.Y(t.z) + 4)}, {"text-anchor", "end"}},
           t.label);
  }
  w.Close();
  PanelYTitle(w, a, render::TextWidth("99", 11), "Percent");
  render::DrawXAxis(w, a, x_axis, "Residual");
  if (m.residual_sd > 0) {
    const double s = m.residual_sd;
    const double z_lo = std::max(a.y_lo, a.x_lo / s), z_hi = std::min(a.y_hi, a.x_hi / s);
    Line(w, a, s * z_lo, z_lo, s * z_hi, z_hi, "normal-line", render::kLimitColour);
  }
  Dots(w, a, m.residuals, z, colour, "points normal-probability");
}

// Residuals against fitted values, or against observation order (joined in order), with zero.
void ResidualPanel(render::MarkupWriter& w, double x, double y, double pw, double ph,
                   const std::vector<double>& along, const std::vector<double>& residuals,
                   const std::string& title, const std::string& x_title, bool join,
                   std::string_view colour) {
  Range rx, ry;
  for (const double v : along) rx.Add(v);
  ry.Add(0);
  for (const double e : residuals) ry.Add(e);
  const render::Axis x_axis = render::MakeAxis(rx.Empty() ? 0 : rx.lo, rx.Empty() ? 1 : rx.hi);
  const render::Axis y_axis = render::MakeAxis(ry.lo, ry.hi);
  render::PlotArea a = PanelArea(x, y, pw, ph, LabelWidth(y_axis));
  a.x_lo = x_axis.lo();
  a.x_hi = x_axis.hi();
  a.y_lo = y_axis.lo();
  a.y_hi = y_axis.hi();
  PanelTitle(w, a, title);
  render::DrawYAxis(w, a, y_axis, "");
  PanelYTitle(w, a, LabelWidth(y_axis), "Residual");
  render::DrawXAxis(w, a, x_axis, x_title);
  Line(w, a, a.x_lo, 0, a.x_hi, 0, "zero", render::kCentreColour);
  if (join && along.size() > 1) {
    std::string d;
    for (std::size_t i = 0; i < along.size(); ++i)
      d += (i == 0 ? "M" : "L") + Num(a.X(along[i])) + " " + Num(a.Y(residuals[i]));
    w.Leaf("path", {{"class", "order-line"},
                    {"d", d},
                    {"fill", "none"},
                    {"stroke", std::string(render::kLineColour)},
                    {"stroke-width", "1"}});
  }
  Dots(w, a, along, residuals, colour, join ? "points versus-order" : "points versus-fits");
}

void HistogramPanel(render::MarkupWriter& w, double x, double y, double pw, double ph,
                    const LinearModel& m, std::string_view colour) {
  const Result<HistogramBins> bins = ComputeHistogramBins(m.residuals, BinRule::kSturges);
  int64_t most = 1;
  if (bins.ok())
    for (const int64_t c : bins->counts) most = std::max(most, c);
  const render::Axis y_axis = render::MakeAxis(0, std::max<double>(5, static_cast<double>(most)));
  const render::Axis x_axis = bins.ok() ? render::MakeAxis(bins->edges.front(), bins->edges.back())
                                        : render::MakeAxis(-1, 1);
  render::PlotArea a = PanelArea(x, y, pw, ph, LabelWidth(y_axis));
  a.x_lo = x_axis.lo();
  a.x_hi = x_axis.hi();
  a.y_lo = 0;
  a.y_hi = y_axis.hi();
  PanelTitle(w, a, "Histogram");
  render::DrawYAxis(w, a, y_axis, "");
  PanelYTitle(w, a, LabelWidth(y_axis), "Frequency");
  render::DrawXAxis(w, a, x_axis, "Residual");
  if (!bins.ok()) return;
  w.Open("g", {{"class", "bars"}});
  for (std::size_t i = 0; i < bins->counts.size(); ++i) {
    const double x0 = a.X(bins->edges[i]), x1 = a.X(bins->edges[i + 1]);
    const double top = a.Y(static_cast<double>(bins->counts[i]));
    w.Leaf("rect", {{"class", "bar"},
                    {"x", Num(x0)},
                    {"y", Num(top)},
                    {"width", Num(std::max(0.0, x1 - x0 - 1))},
                    {"height", Num(a.bottom - top)},
                    {"fill", std::string(colour)},
                    {"fill-opacity", "0.75"}});
  }
  w.Close();
}

}  // namespace

std::string RenderResidualPlotsSvg(const LinearModel& model, const PlotOptions& options) {
  const double width = std::max(options.width, 640);
  const double height = std::max(2.0 * options.height - 40, 560.0);
  const render::PaletteColours colours = render::ColoursOf(options.palette);
  const std::string title = options.title.empty() ? "Residual plots" : options.title;
  const std::string subtitle =
      "n = " + std::to_string(model.n) + "  \xC2\xB7  " + std::to_string(model.k) + " predictor" +
      (model.k == 1 ? "" : "s") +
      "  \xC2\xB7  R\xC2\xB2 = " + render::FormatValue(model.r_squared, 3) +
      "  \xC2\xB7  residual sd " + render::FormatSignificant(model.residual_sd);
  const std::string desc =
      "Four residual plots of a linear model. " + subtitle +
      ". Normal residuals lie along the line of the probability plot; residuals against the "
      "fitted values and against order should scatter evenly around zero without curve, funnel "
      "or trend.";
  std::vector<double> order(model.residuals.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<double>(i + 1);

  render::MarkupWriter w;
  render::OpenPlot(w, width, height, title, subtitle, desc);
  const double top = render::kFrameTop - 6;
  const double pw = width / 2, ph = (height - top) / 2;
  NormalProbabilityPanel(w, 0, top, pw, ph, model, colours.common);
  ResidualPanel(w, pw, top, pw, ph, model.fitted, model.residuals, "Versus fits",
                options.x_label.empty() ? "Fitted value" : options.x_label, false, colours.common);
  HistogramPanel(w, 0, top + ph, pw, ph, model, colours.common);
  ResidualPanel(w, pw, top + ph, pw, ph, order, model.residuals, "Versus order",
                "Observation order", true, colours.common);
  return w.Finish();
}

}  // namespace kaizen
