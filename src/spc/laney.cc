#include "spc/laney.h"

#include <cmath>
#include <limits>

namespace kaizen::spc {

double LaneySigmaZ(std::span<const double> z, std::span<const uint8_t> kept,
                   std::span<const uint8_t> estimate, const Profile& p, double* mr_bar) {
  *mr_bar = AverageMovingRange(z, kept, estimate, p);
  return p.xmr_sigma_constant / 3.0 * *mr_bar;
}

Status ComputeLaneyLines(LaneyBase base, const ChartInput& in, const Profile& p,
                         ChartScratch* scratch, ChartOutput* out) {
  ClearLines(out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  const bool binomial = base == LaneyBase::kBinomial;
  const double hi = binomial ? 1.0 : std::numeric_limits<double>::infinity();
  if (Status s = CheckKeptPoints(in, binomial ? "p′" : "u′", 0.0, hi, true); !s.ok()) return s;

  // Centre as the p or u chart: Σnumerator/Σn (Laney 2002; qicharts2 0.8.1 qic.pp(), qic.up()).
  const double centre = PooledRatio(in);
  if (std::isnan(centre))
    return Status::FailedPrecondition("no points to estimate the centre from");
  const double unit_sigma = std::sqrt(binomial ? centre * (1.0 - centre) : centre);
  out->centre_value = centre;
  for (double& c : out->centre) c = centre;

  // zᵢ on the kept points; a σᵢ of 0 makes the limits collapse onto the centre.
  std::vector<double>& z = scratch->a;
  z.assign(in.y.size(), kMissing);
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    if (in.kept[i])
      z[i] = StandardisedValue(in.y[i], centre, unit_sigma / std::sqrt(in.denominator[i]));
  }
  double mr_bar = kMissing;
  const double sigma_z = LaneySigmaZ(z, in.kept, in.estimate, p, &mr_bar);
  out->mr_bar = mr_bar;
  if (std::isnan(mr_bar)) return Status::Ok();  // one estimating point: a centre, no limits
  out->sigma_z = sigma_z;
  out->sigma = unit_sigma * sigma_z;  // at n = 1
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    const double n = in.denominator[i];
    const double sigma = n > 0.0 && std::isfinite(n) ? out->sigma / std::sqrt(n) : kMissing;
    SetSymmetricLines(out, i, centre, sigma);
  }
  ClipLines(out, 0.0, hi);
  return Status::Ok();
}

}  // namespace kaizen::spc
