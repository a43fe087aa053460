// XmR (individuals) chart. Centre: the mean of the estimating points. Limits:
// mean ± xmr_sigma_constant·MR̄ at 3 sigma, so sigma = xmr_sigma_constant/3·MR̄
// (2.66 = 3/1.128 rounded, as Making Data Count writes it; Montgomery 6.4, d2 = 1.128).
#include <cmath>

#include "spc/chart.h"

namespace kaizen::spc {

Status ComputeXmrLines(const ChartInput& in, const Profile& p, ChartScratch*, ChartOutput* out) {
  ClearLines(out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  const double mean = MeanOfEstimating(in.y, in.estimate);
  if (std::isnan(mean)) return Status::FailedPrecondition("no points to estimate the centre from");
  out->centre_value = mean;
  for (double& c : out->centre) c = mean;
  const double mr_bar = AverageMovingRange(in.y, in.kept, in.estimate, p);
  out->mr_bar = mr_bar;
  if (std::isnan(mr_bar)) {
    // A single point has no moving range: a centre, no limits. Every range 0 with screening
    // on keeps none: the R peers draw no limits, and the process shows no variation.
    if (MeanMovingRange(in.y, in.kept, in.estimate, p.mr_across_gaps) == 0.0) out->sigma = 0.0;
    return Status::Ok();
  }
  // The 3-sigma half-width is constant·MR̄ and the k-sigma one k·(constant/3)·MR̄, the order
  // in which NHSRplotthedots 0.2.2 forms them (R/ptd_spc_standard.R: limit, limitclose), so a
  // point on a limit there is on it here (k = 1, 2 scale by a power of two: exact).
  const double sigma = p.xmr_sigma_constant / 3.0 * mr_bar;
  const double half_width3 = p.xmr_sigma_constant * mr_bar;
  out->sigma = sigma;
  out->screened_to_zero =
      mr_bar == 0.0 && MeanMovingRange(in.y, in.kept, in.estimate, p.mr_across_gaps) > 0.0;
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    SetSymmetricLines(out, i, mean, sigma);
    out->lower3[i] = mean - half_width3;
    out->upper3[i] = mean + half_width3;
  }
  return Status::Ok();
}

}  // namespace kaizen::spc
