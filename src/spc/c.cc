// c chart (counts of events with equal opportunity): centre c̄, the mean count of the estimating
// points; Poisson sigma √c̄; lines c̄ ± k·√c̄ with every line floored at 0 (Montgomery 7.3,
// eq. 7.17; qicharts2 0.8.1 qic.c(); PowerBI-SPC 1.7 cLimits()).
#include <cmath>
#include <limits>

#include "spc/chart.h"

namespace kaizen::spc {

Status ComputeCLines(const ChartInput& in, const Profile&, ChartScratch*, ChartOutput* out) {
  ClearLines(out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  if (Status s = CheckKeptPoints(in, "c", 0.0, std::numeric_limits<double>::infinity(), false);
      !s.ok()) {
    return s;
  }
  const double c_bar = MeanOfEstimating(in.y, in.estimate);
  if (std::isnan(c_bar)) return Status::FailedPrecondition("no points to estimate c̄ from");
  const double sigma = std::sqrt(c_bar);
  out->centre_value = c_bar;
  out->sigma = sigma;
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) SetSymmetricLines(out, i, c_bar, sigma);
  ClipLines(out, 0.0, std::numeric_limits<double>::infinity());
  return Status::Ok();
}

}  // namespace kaizen::spc
