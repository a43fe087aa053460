#include "spc/laney.h"

#include <cmath>
#include <limits>

namespace kaizen::spc {

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

  // zᵢ = (yᵢ − centre)/σᵢ on the kept points. When σᵢ is 0 (p̄ of 0 or 1, ū of 0) every
  // estimating point equals the centre, so its z-score is 0 and the limits collapse onto it.
  std::vector<double>& z = scratch->a;
  z.assign(in.y.size(), kMissing);
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    if (!in.kept[i]) continue;
    const double sigma_i = unit_sigma / std::sqrt(in.denominator[i]);
    z[i] = sigma_i > 0.0 ? (in.y[i] - centre) / sigma_i : 0.0;
  }
  // σz from the moving ranges of z exactly as the XmR chart takes sigma from MR̄, screening and
  // sigma constant included: σz = (xmr_sigma_constant/3)·MR̄(z), which is MR̄(z)/1.128 under
  // the qicharts2 and pbi-spc profiles (Laney 2002, eq. 4; PowerBI-SPC 1.7 pprimeLimits()).
  const double mr_bar = AverageMovingRange(z, in.kept, in.estimate, p);
  out->mr_bar = mr_bar;
  if (std::isnan(mr_bar)) return Status::Ok();  // one estimating point: a centre, no limits
  const double sigma_z = p.xmr_sigma_constant / 3.0 * mr_bar;
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
