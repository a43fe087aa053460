// Charts of the Measure and Analyse steps, as SVG: histogram, box plot, bar chart, line graph,
// scatter plot with its least-squares line and confidence band, residual plot, Pareto chart
// and funnel plot. Pure functions from values and results to SVG text; PNG and PDF come from
// WriteSvgAsPng / WriteSvgAsPdf (render.h). The painters draw what they are given: histogram
// bins (kaizen/histogram.h) and box-plot statistics (BoxStats, kaizen/stats.h) are computed in
// stats/ and included here so that callers need this one header.
#ifndef KAIZEN_ANALYSIS_RENDER_H_
#define KAIZEN_ANALYSIS_RENDER_H_

#include <span>
#include <string>
#include <vector>

#include "kaizen/capability.h"
#include "kaizen/funnel.h"
#include "kaizen/histogram.h"
#include "kaizen/pareto.h"
#include "kaizen/render.h"
#include "kaizen/stats.h"
#include "kaizen/status.h"

namespace kaizen {

struct PlotOptions {
  int width = 900;
  int height = 420;
  Palette palette = Palette::kMdc;
  std::string title;
  std::string x_label;
  std::string y_label;
  // Which way is better, for colouring funnel outliers (concern or improvement); kNeither
  // colours them all "special cause, neither".
  Direction direction = Direction::kNeither;
  // Funnel plots: the indicator's display scale, every value shown × multiplier and followed by
  // the unit (100 and "%" show proportions as percentages; 1000 and "per 1,000 bed days" a
  // rate). 0 keeps the chart's default: percent for proportions, the value itself otherwise.
  double multiplier = 0;
  std::string unit;
  // The ParetoOptions::vital_few_cut the Pareto result was computed with (ParetoResult does
  // not carry it), drawn as the cut line.
  double pareto_cut = 0.8;
};

// Histogram with the mean and median marked and the fitted normal curve (mean, sd) overlaid.
std::string RenderHistogramSvg(const HistogramBins& bins, const Descriptive& description,
                               const PlotOptions& options);
// Box plot (Tukey: whiskers to the furthest points within 1.5·IQR, outliers drawn), one box
// per group: groups[i] labels boxes[i] (ComputeBoxStats, stats.h); a box with n = 0 leaves its
// slot empty.
std::string RenderBoxPlotSvg(const std::vector<std::string>& groups,
                             const std::vector<BoxStats>& boxes, const PlotOptions& options);
// Bars of categories in the given order.
std::string RenderBarChartSvg(std::span<const std::string> categories,
                              std::span<const double> values, const PlotOptions& options);
// A line graph of one series over periods (no limits: a run or control chart is RenderChartSvg).
std::string RenderLineGraphSvg(std::span<const Date> periods, std::span<const double> values,
                               const PlotOptions& options);
// Scatter plot with the least-squares line and its confidence band, and r and rho in the legend.
std::string RenderScatterSvg(std::span<const double> x, std::span<const double> y,
                             const SimpleRegression& fit, const Correlation& pearson,
                             const Correlation& spearman, const PlotOptions& options);
// Residuals against fitted values of a linear model, with the zero line.
std::string RenderResidualPlotSvg(const LinearModel& model, const PlotOptions& options);
// The four residual plots on one page (Minitab's "Four in one"): normal probability plot
// (Benard positions, with the line of normal residuals of sd s), versus fits, histogram
// (Sturges, round edges), versus order. options.title replaces "Residual plots"; x_label
// names the fitted values' axis.
std::string RenderResidualPlotsSvg(const LinearModel& model, const PlotOptions& options);
// The capability histogram (Minitab's Process Capability Report): the values' bars
// (Freedman–Diaconis, round edges), LSL and USL as labelled lines, and the within (solid) and
// overall (dashed) normal curves at the mean; Cp, Cpk, Pp, Ppk and the expected ppm below the
// LSL and above the USL in the subtitle. `values` are those `capability` analysed.
std::string RenderCapabilitySvg(std::span<const double> values, const CapabilityResult& result,
                                const SpecLimits& spec, const PlotOptions& options);
// Pareto chart: sorted bars, cumulative percentage line on a right-hand 0–100 % axis, the cut
// line, the vital few highlighted.
std::string RenderParetoSvg(const ParetoResult& pareto, const PlotOptions& options);
// Funnel plot: each provider against its precision, the centre line (the target, or the pooled
// mean labelled as such), the 95 % and 99.8 % limits (adjusted ones when overdispersion was
// applied), outliers coloured by direction (improvement blue, concern orange) and named where a
// label fits without overlapping anything (render/svg/label_placer.h); the rest are listed in a
// footnote.
std::string RenderFunnelSvg(const FunnelResult& funnel, const PlotOptions& options);

}  // namespace kaizen

#endif  // KAIZEN_ANALYSIS_RENDER_H_
