#include "spc/overdispersion.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "kaizen/chart_traits.h"
#include "kaizen/number_format.h"
#include "spc/laney.h"

namespace kaizen::spc {
namespace {

// p and u take σ̂ at n = 1 and scale it by each point's √nᵢ; np and c have one σ̂ (constant n).
bool ScaledBySqrtN(ChartType chart) {
  const Plotted plots = TraitsOf(chart).plots;
  return plots == Plotted::kProportion || plots == Plotted::kRate;
}

// Laney's sigma-z is read against a threshold with two decimals (1.00), so it keeps two.
std::string TwoDecimals(double v) { return FormatDecimals(v, 2); }

// What the analyst should use instead: Laney's chart when the subgroup sizes matter, an XmR
// chart of the counts when every point has the same opportunity (Laney 2002; Mohammed, Panesar,
// Laney and Wilson, BMJ Qual Saf 22(4), 2013).
std::string Suggestion(ChartType chart) {
  if (!ScaledBySqrtN(chart))
    return "use an XmR chart of the counts, whose limits come from their own moving ranges";
  const bool binomial = TraitsOf(chart).model == SigmaModel::kBinomial;
  return std::string("use the ") + (binomial ? "p′" : "u′") +
         " chart (Laney), which widens the limits by σz";
}

std::string WarningText(ChartType chart, int segment, double sigma_z) {
  const bool binomial = TraitsOf(chart).model == SigmaModel::kBinomial;
  return "segment " + std::to_string(segment + 1) + " is over-dispersed: its points vary " +
         TwoDecimals(sigma_z) + " times as much as the " + (binomial ? "binomial" : "Poisson") +
         " model of the " + std::string(ChartTypeName(chart)) + " chart expects (Laney's sigma-z " +
         TwoDecimals(sigma_z) + " is above " + TwoDecimals(kOverdispersionSigmaZ) +
         ", kaizen's threshold, docs/formulas.md), so its limits are too narrow and common "
         "cause variation shows as special cause; " +
         Suggestion(chart);
}

// σz of one p, np, c or u segment from its points, or NaN when it has no model sigma.
double SegmentSigmaZ(ChartType chart, const Profile& profile, const SegmentResult& seg,
                     std::span<const uint8_t> kept, std::span<const uint8_t> estimate,
                     ChartScratch* scratch, const SeriesResult& r) {
  if (!(seg.sigma > 0.0) || std::isnan(seg.centre)) return kMissing;
  std::vector<double>& z = scratch->b;
  const std::size_t len = static_cast<std::size_t>(seg.n);
  z.assign(len, kMissing);
  for (std::size_t k = 0; k < len; ++k) {
    if (!kept[k]) continue;
    const PointResult& pt = r.points[static_cast<std::size_t>(seg.first) + k];
    // The chart's own σᵢ: σ̂ at n = 1 over √nᵢ for p and u, one σ̂ for c and np. Both the values
    // and σ̂ carry the indicator's multiplier, so zᵢ does not depend on it.
    const double sigma_i = ScaledBySqrtN(chart) ? seg.sigma / std::sqrt(pt.denominator) : seg.sigma;
    z[k] = StandardisedValue(pt.value, seg.centre, sigma_i);
  }
  double mr_bar = kMissing;
  return LaneySigmaZ(z, kept, estimate, profile, &mr_bar);
}

}  // namespace

void AssessDispersion(ChartType chart, const Profile& profile, std::span<const uint8_t> kept,
                      std::span<const uint8_t> estimate, ChartScratch* scratch, SeriesResult* out) {
  const ChartTraits& t = TraitsOf(chart);
  const bool model_chart = t.model != SigmaModel::kNone && !t.laney;
  if (!model_chart) return;  // p′ and u′ already hold the σz of their limits
  for (std::size_t s = 0; s < out->segments.size(); ++s) {
    SegmentResult& seg = out->segments[s];
    const auto first = static_cast<std::size_t>(seg.first);
    const auto len = static_cast<std::size_t>(seg.n);
    seg.sigma_z = SegmentSigmaZ(chart, profile, seg, kept.subspan(first, len),
                                estimate.subspan(first, len), scratch, *out);
    if (seg.has_limits && seg.sigma_z > kOverdispersionSigmaZ)
      out->warnings.push_back(
          {WarningCode::kOverdispersion, WarningText(chart, static_cast<int>(s), seg.sigma_z)});
  }
}

}  // namespace kaizen::spc
