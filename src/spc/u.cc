// u chart (rates y = events/exposure): centre ū = Σevents/Σexposure over the estimating points;
// Poisson sigma √(ū/nᵢ) at each point; lines ū ± k·σᵢ, every line floored at 0 (Montgomery 7.3,
// eq. 7.19; qicharts2 0.8.1 qic.u(); PowerBI-SPC 1.7 uLimits()).
#include <cmath>
#include <limits>

#include "spc/chart.h"

namespace kaizen::spc {

Status ComputeULines(const ChartInput& in, const Profile&, ChartScratch*, ChartOutput* out) {
  ClearLines(out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (Status s = CheckKeptPoints(in, "u", 0.0, kInf, true); !s.ok()) return s;
  const double u_bar = PooledRatio(in);
  if (std::isnan(u_bar)) return Status::FailedPrecondition("no points to estimate ū from");
  const double unit_sigma = std::sqrt(u_bar);
  out->centre_value = u_bar;
  out->sigma = unit_sigma;  // at n = 1
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    const double n = in.denominator[i];
    const double sigma = n > 0.0 && std::isfinite(n) ? unit_sigma / std::sqrt(n) : kMissing;
    SetSymmetricLines(out, i, u_bar, sigma);
  }
  ClipLines(out, 0.0, kInf);
  return Status::Ok();
}

}  // namespace kaizen::spc
