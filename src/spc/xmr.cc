// XmR (individuals) chart. Centre: the mean of the estimating points. Limits:
// mean ± xmr_sigma_constant·MR̄ at 3 sigma, so sigma = xmr_sigma_constant/3·MR̄
// (2.66 = 3/1.128 rounded, as Making Data Count writes it; Montgomery 6.4, d2 = 1.128).
#include <cmath>

#include "spc/chart.h"

namespace kaizen::spc {

Status ComputeXmrLines(const ChartInput& in, const Profile& p, ChartScratch*, ChartOutput* out) {
  ClearLines(out);
  double sum = 0.0;
  int n = 0;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    out->y[i] = in.y[i];
    if (in.estimate[i]) {
      sum += in.y[i];
      ++n;
    }
  }
  if (n == 0) return Status::FailedPrecondition("no points to estimate the centre from");
  const double mean = sum / n;
  const double mr_bar = AverageMovingRange(in.y, in.kept, in.estimate, p);
  out->centre_value = mean;
  out->mr_bar = mr_bar;
  if (std::isnan(mr_bar)) {  // a single point: a centre, no limits
    for (double& c : out->centre) c = mean;
    return Status::Ok();
  }
  const double sigma = p.xmr_sigma_constant / 3.0 * mr_bar;
  out->sigma = sigma;
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) SetSymmetricLines(out, i, mean, sigma);
  return Status::Ok();
}

}  // namespace kaizen::spc
