// xbar chart (subgroup means): centre x̄̄ = Σnᵢx̄ᵢ/Σnᵢ over the estimating subgroups (Montgomery
// 6.4, eq. 6.30); lines x̄̄ ± k·s̄/(c4(nᵢ)·√nᵢ), i.e. ±(k/3)·A3(nᵢ)·s̄, where s̄ is the pooled SD or
// the mean of the subgroup SDs as profile.subgroup_sigma says (Montgomery eqs. 6.29 and 6.31;
// qicharts2 0.8.1 qic.xbar(); PowerBI-SPC 1.7 xbarLimits() always pools). See
// SubgroupSdEstimate() in chart_helpers.cc. A subgroup of one has no c4 and gets no lines.
// `sigma` is s̄.
#include <cmath>
#include <limits>

#include "spc/accurate_mean.h"
#include "spc/chart.h"
#include "spc/subgroup_constants.h"

namespace kaizen::spc {

Status ComputeXbarLines(const ChartInput& in, const Profile& p, ChartScratch*, ChartOutput* out) {
  ClearLines(out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (Status s = CheckKeptPoints(in, "xbar", -kInf, kInf, true); !s.ok()) return s;
  // Sums in long double, as R's sum() forms them (accurate_mean.h).
  const double weighted_sum = AccurateSum([&](auto add) {
    for (std::size_t i = 0; i < in.y.size(); ++i)
      if (in.estimate[i]) add(in.denominator[i] * in.y[i]);
  });
  const double total_size = AccurateSum([&](auto add) {
    for (std::size_t i = 0; i < in.y.size(); ++i)
      if (in.estimate[i]) add(in.denominator[i]);
  });
  if (total_size == 0.0) return Status::FailedPrecondition("no subgroups to estimate x̄̄ from");
  const double centre = weighted_sum / total_size;
  out->centre_value = centre;
  for (double& c : out->centre) c = centre;
  const double s_bar = SubgroupSdEstimate(in, p);
  if (std::isnan(s_bar)) return Status::Ok();  // no subgroup of two or more: a centre, no limits
  out->sigma = s_bar;
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    // A3(n)/3 = 1/(c4(n)·√n); NaN for n < 2 or an unknown size, so those points get no lines.
    SetSymmetricLines(out, i, centre, A3(in.denominator[i]) / 3.0 * s_bar);
  }
  return Status::Ok();
}

}  // namespace kaizen::spc
