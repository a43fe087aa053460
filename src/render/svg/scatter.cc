// The scatter plot with its least-squares line and confidence band, and the residual plot of
// a linear model: the pictures of the Analyse step's regression.
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

void Extend(double v, double& lo, double& hi) {
  if (!std::isfinite(v)) return;
  lo = std::min(lo, v);
  hi = std::max(hi, v);
}

void DrawPoints(render::MarkupWriter& w, const render::PlotArea& a, std::span<const double> x,
                std::span<const double> y, std::string_view colour) {
  w.Open("g", {{"class", "points"}});
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    w.Open("circle", {{"cx", Num(a.X(x[i]))},
                      {"cy", Num(a.Y(y[i]))},
                      {"r", "4"},
                      {"fill", std::string(colour)},
                      {"fill-opacity", "0.8"},
                      {"stroke", "#FFFFFF"},
                      {"stroke-width", "0.75"}});
    w.Leaf(
        "title", {},
        "(" + render::FormatSignificant(x[i], 4) + ", " + render::FormatSignificant(y[i], 4) + ")");
    w.Close();
  }
  w.Close();
}

// The band, sorted by x, so its outline runs left to right along the top and back along the
// bottom.
std::vector<BandPoint> SortedBand(const SimpleRegression& fit) {
  std::vector<BandPoint> band = fit.band;
  std::sort(band.begin(), band.end(),
            [](const BandPoint& p, const BandPoint& q) { return p.x < q.x; });
  return band;
}

// The range the axes cover: every complete pair and the whole band.
struct DataRange {
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY;
};

DataRange RangeOf(std::span<const double> x, std::span<const double> y,
                  const std::vector<BandPoint>& band) {
  DataRange r;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i])) continue;
    Extend(x[i], r.x_lo, r.x_hi);
    Extend(y[i], r.y_lo, r.y_hi);
  }
  for (const BandPoint& p : band) {
    Extend(p.x, r.x_lo, r.x_hi);
    Extend(p.lower, r.y_lo, r.y_hi);
    Extend(p.upper, r.y_lo, r.y_hi);
  }
  if (!std::isfinite(r.x_lo)) r.x_lo = r.x_hi = 0;
  if (!std::isfinite(r.y_lo)) r.y_lo = r.y_hi = 0;
  return r;
}

bool HaveFit(const SimpleRegression& fit) {
  return fit.n >= 3 && std::isfinite(fit.slope) && std::isfinite(fit.intercept);
}

// n, and the fitted line with R² and the slope's p-value when there is one.
std::string ScatterSubtitle(const SimpleRegression& fit, std::size_t n) {
  std::string subtitle = "n = " + std::to_string(fit.n > 0 ? fit.n : n);
  if (HaveFit(fit)) {
    subtitle += "  \xC2\xB7  least squares: y = " + render::FormatSignificant(fit.intercept, 4) +
                (fit.slope < 0 ? " \xE2\x88\x92 " : " + ") +
                render::FormatSignificant(std::fabs(fit.slope), 4) +
                " x  \xC2\xB7  R\xC2\xB2 = " + render::FormatValue(fit.r_squared, 3) +
                "  \xC2\xB7  slope " + render::FormatP(fit.slope_p);
  }
  return subtitle;
}

// "Pearson r = 0.87 (p < 0.001)"; `name` gives the coefficient's symbol.
std::string CorrelationText(std::string_view name, const Correlation& c) {
  return std::string(name) + " = " + render::FormatValue(c.r, 2) + " (" +
         render::FormatP(c.p_value) + ")";
}

// The confidence band of the mean as one closed outline, along the top and back underneath.
void DrawBand(render::MarkupWriter& w, const render::PlotArea& a,
              const std::vector<BandPoint>& band, std::string_view colour) {
  if (band.size() < 2) return;
  std::string d;
  for (std::size_t i = 0; i < band.size(); ++i) {
    d += (i == 0 ? "M" : "L") + Num(a.X(band[i].x)) + " " + Num(a.Y(band[i].upper));
  }
  for (std::size_t i = band.size(); i-- > 0;) {
    d += "L" + Num(a.X(band[i].x)) + " " + Num(a.Y(band[i].lower));
  }
  w.Leaf("path", {{"class", "band"},
                  {"d", d + "Z"},
                  {"fill", std::string(colour)},
                  {"fill-opacity", "0.18"},
                  {"stroke", "none"}});
}

// The fitted line across the data (and band) only: a fitted line says nothing beyond them.
void DrawFit(render::MarkupWriter& w, const render::PlotArea& a, const SimpleRegression& fit,
             double x0, double x1) {
  const double xs[] = {x0, x1};
  const double ys[] = {fit.intercept + fit.slope * x0, fit.intercept + fit.slope * x1};
  w.Leaf("path", {{"class", "fit"},
                  {"d", render::PolylinePath(a, xs, ys)},
                  {"fill", "none"},
                  {"stroke", std::string(render::kCentreColour)},
                  {"stroke-width", "2"}});
}

}  // namespace

std::string RenderScatterSvg(std::span<const double> x, std::span<const double> y,
                             const SimpleRegression& fit, const Correlation& pearson,
                             const Correlation& spearman, const PlotOptions& options) {
  const double width = std::max(options.width, 320);
  const double height = std::max(options.height, 240);
  const std::size_t n = std::min(x.size(), y.size());
  const std::vector<BandPoint> band = SortedBand(fit);
  const DataRange range = RangeOf(x.first(n), y.first(n), band);
  const render::Axis x_axis = render::MakeAxis(range.x_lo, range.x_hi);
  const render::Axis y_axis = render::MakeAxis(range.y_lo, range.y_hi);
  const render::PlotArea a =
      render::AxesPlotArea(x_axis, y_axis, width, height, !options.y_label.empty());

  const std::string subtitle = ScatterSubtitle(fit, n);
  const std::string r_text = CorrelationText("Pearson r", pearson);
  const std::string rho_text = CorrelationText("Spearman \xCF\x81", spearman);
  const std::string desc = "Scatter plot of " + std::to_string(n) + " pairs. " + subtitle + ". " +
                           r_text + "; " + rho_text + ".";

  render::MarkupWriter w;
  render::OpenPlot(w, width, height, options.title.empty() ? "Scatter plot" : options.title,
                   subtitle, desc);
  render::DrawYAxis(w, a, y_axis, options.y_label);
  render::DrawXAxis(w, a, x_axis, options.x_label);
  const render::PaletteColours colours = render::ColoursOf(options.palette);
  DrawBand(w, a, band, colours.improvement);
  DrawPoints(w, a, x.first(n), y.first(n), colours.common);
  if (HaveFit(fit)) DrawFit(w, a, fit, range.x_lo, range.x_hi);

  render::OpenLegendGroup(w);
  render::Legend legend(w, a.left, a.bottom + 62, width - 10);
  legend.Point("Observations", colours.common);
  if (HaveFit(fit)) legend.Line("Least-squares line", render::kCentreColour);
  if (band.size() >= 2) {
    const int confidence = static_cast<int>(std::round(fit.confidence * 100));
    legend.Swatch(std::to_string(confidence) + " % confidence band of the mean",
                  colours.improvement, 0.18);
  }
  legend.Text(r_text);
  legend.Text(rho_text);
  w.Close();
  return w.Finish();
}

std::string RenderResidualPlotSvg(const LinearModel& model, const PlotOptions& options) {
  const double width = std::max(options.width, 320);
  const double height = std::max(options.height, 240);
  const std::size_t n = std::min(model.fitted.size(), model.residuals.size());
  double x_lo = INFINITY, x_hi = -INFINITY, y_lo = 0, y_hi = 0;  // zero is always shown
  for (std::size_t i = 0; i < n; ++i) {
    Extend(model.fitted[i], x_lo, x_hi);
    Extend(model.residuals[i], y_lo, y_hi);
  }
  if (!std::isfinite(x_lo)) x_lo = x_hi = 0;
  const render::Axis x_axis = render::MakeAxis(x_lo, x_hi);
  const render::Axis y_axis = render::MakeAxis(y_lo, y_hi);
  const std::string y_title = options.y_label.empty() ? "Residual" : options.y_label;
  const std::string x_title = options.x_label.empty() ? "Fitted value" : options.x_label;

  const render::PlotArea a = render::AxesPlotArea(x_axis, y_axis, width, height, true);

  const std::string title =
      options.title.empty() ? "Residuals against fitted values" : options.title;
  const std::string subtitle =
      "n = " + std::to_string(model.n) + "  \xC2\xB7  " + std::to_string(model.k) + " predictor" +
      (model.k == 1 ? "" : "s") +
      "  \xC2\xB7  R\xC2\xB2 = " + render::FormatValue(model.r_squared, 3) +
      "  \xC2\xB7  residual sd " + render::FormatSignificant(model.residual_sd);
  const std::string desc = "Residual plot of a linear model. " + subtitle +
                           ". Curves, funnels or clusters in the residuals mean the straight "
                           "line does not describe the data.";

  render::MarkupWriter w;
  render::OpenPlot(w, width, height, title, subtitle, desc);
  render::DrawYAxis(w, a, y_axis, y_title);
  render::DrawXAxis(w, a, x_axis, x_title);
  w.Leaf("line", {{"class", "zero"},
                  {"x1", Num(a.left)},
                  {"y1", Num(a.Y(0))},
                  {"x2", Num(a.right)},
                  {"y2", Num(a.Y(0))},
                  {"stroke", std::string(render::kCentreColour)},
                  {"stroke-width", "1.5"}});
  const render::PaletteColours colours = render::ColoursOf(options.palette);
  DrawPoints(w, a, std::span(model.fitted).first(n), std::span(model.residuals).first(n),
             colours.common);
  render::OpenLegendGroup(w);
  render::Legend legend(w, a.left, a.bottom + 62, width - 10);
  legend.Point("Residual (observed \xE2\x88\x92 fitted)", colours.common);
  legend.Line("Zero", render::kCentreColour, "", 1.5);
  w.Close();
  return w.Finish();
}

}  // namespace kaizen
