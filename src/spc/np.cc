// np chart (number of defectives, constant subgroup size n): p̄ = Σy/Σn over the estimating
// points, centre n·p̄, binomial sigma √(n·p̄(1−p̄)), lines n·p̄ ± k·σ clipped to [0, n]
// (Montgomery 7.2.1, eq. 7.13). Defined for a constant n only (spc-spec.md): with varying n the
// centre line itself would move and the p chart is the right chart.
#include <cmath>
#include <limits>
#include <string>

#include "spc/chart.h"

namespace kaizen::spc {

Status ComputeNpLines(const ChartInput& in, const Profile&, ChartScratch*, ChartOutput* out) {
  ClearLines(out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  if (Status s = CheckKeptPoints(in, "np", 0.0, std::numeric_limits<double>::infinity(), true);
      !s.ok()) {
    return s;
  }
  double n = kMissing;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    if (!in.kept[i]) continue;
    if (std::isnan(n)) {
      n = in.denominator[i];
    } else if (in.denominator[i] != n) {
      return Status::InvalidArgument(
          "np chart: point " + std::to_string(i) + " has n = " + std::to_string(in.denominator[i]) +
          " but earlier points " + std::to_string(n) + "; np needs a constant n (use a p chart)");
    }
    if (in.y[i] > n) {
      return Status::InvalidArgument("np chart: point " + std::to_string(i) +
                                     " has more defectives than its subgroup size");
    }
  }
  double defectives = 0.0;
  double inspected = 0.0;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    if (!in.estimate[i]) continue;
    defectives += in.y[i];
    inspected += n;
  }
  if (inspected == 0.0) return Status::FailedPrecondition("no points to estimate p̄ from");
  const double p_bar = defectives / inspected;
  const double centre = n * p_bar;
  const double sigma = std::sqrt(n * p_bar * (1.0 - p_bar));
  out->centre_value = centre;
  out->sigma = sigma;
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) SetSymmetricLines(out, i, centre, sigma);
  ClipLines(out, 0.0, n);
  return Status::Ok();
}

}  // namespace kaizen::spc
