// p chart (proportions y = numerator/n): centre p̄ = Σnumerator/Σn over the estimating points;
// binomial sigma √(p̄(1−p̄)/nᵢ) at each point; lines p̄ ± k·σᵢ clipped to [0, 1] (Montgomery 7.2,
// eqs. 7.7–7.8 for variable n; qicharts2 0.8.1 qic.p(); PowerBI-SPC 1.7 pLimits()).
#include <cmath>

#include "spc/chart.h"

namespace kaizen::spc {

Status ComputePLines(const ChartInput& in, const Profile&, ChartScratch*, ChartOutput* out) {
  ClearLines(out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  // A kept point needs n > 0 and 0 ≤ y ≤ 1 (numerator ≤ denominator): anything else is a data
  // error the engine reports, not a proportion (spc-spec.md, "Edge cases").
  if (Status s = CheckKeptPoints(in, "p", 0.0, 1.0, true); !s.ok()) return s;
  const double p_bar = PooledRatio(in);
  if (std::isnan(p_bar)) return Status::FailedPrecondition("no points to estimate p̄ from");
  const double unit_sigma = std::sqrt(p_bar * (1.0 - p_bar));
  out->centre_value = p_bar;
  out->sigma = unit_sigma;  // at n = 1
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    const double n = in.denominator[i];
    // Ghosted and missing points still get lines when their n is known; otherwise NaN.
    const double sigma = n > 0.0 && std::isfinite(n) ? unit_sigma / std::sqrt(n) : kMissing;
    SetSymmetricLines(out, i, p_bar, sigma);
  }
  ClipLines(out, 0.0, 1.0);
  return Status::Ok();
}

}  // namespace kaizen::spc
