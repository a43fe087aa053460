// g chart (opportunities or cases between rare events; geometric distribution): limits from the
// mean m of the estimating points, m ± k·√(m(m+1)), every line floored at 0; the centre line
// drawn is the median of the estimating points, because the geometric distribution is so skewed
// that most points fall below the mean (Montgomery 7.3.4 / Benneyan 2001 for the limits;
// qicharts2 0.8.1 qic.g() and PowerBI-SPC 1.7 gLimits() both draw the median; spc-spec.md).
// `centre_value` is that median; `sigma` is √(m(m+1)).
#include <cmath>
#include <limits>

#include "spc/chart.h"

namespace kaizen::spc {

Status ComputeGLines(const ChartInput& in, const Profile&, ChartScratch* scratch,
                     ChartOutput* out) {
  ClearLines(out);
  scratch->a.clear();
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    out->y[i] = in.y[i];
    if (in.estimate[i]) scratch->a.push_back(in.y[i]);
  }
  if (Status s = CheckKeptPoints(in, "g", 0.0, std::numeric_limits<double>::infinity(), false);
      !s.ok()) {
    return s;
  }
  const double mean = MeanOfEstimating(in.y, in.estimate);
  if (std::isnan(mean)) return Status::FailedPrecondition("no points to estimate the mean from");
  const double median = Median(&scratch->a);
  const double sigma = std::sqrt(mean * (mean + 1.0));
  out->centre_value = median;
  out->sigma = sigma;
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    SetSymmetricLines(out, i, mean, sigma);
    out->centre[i] = median;
  }
  ClipLines(out, 0.0, std::numeric_limits<double>::infinity());
  return Status::Ok();
}

}  // namespace kaizen::spc
