// s chart (subgroup standard deviations): centre s̄, the pooled SD or the mean of the subgroup
// SDs as profile.subgroup_sigma says (Montgomery 6.4, eqs. 6.29 and 6.31); lines
// s̄·(1 ± k·√(1 − c4(nᵢ)²)/c4(nᵢ)), so that k = 3 gives B3(nᵢ)·s̄ and B4(nᵢ)·s̄ (Montgomery eqs.
// 6.27–6.28), lower lines floored at 0 as B3 is (qicharts2 0.8.1 qic.s(); PowerBI-SPC 1.7
// sLimits()). A subgroup of one has no c4 and gets no lines. `sigma` is s̄.
#include <cmath>
#include <limits>

#include "spc/chart.h"
#include "spc/subgroup_constants.h"

namespace kaizen::spc {

Status ComputeSLines(const ChartInput& in, const Profile& p, ChartScratch*, ChartOutput* out) {
  ClearLines(out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (Status s = CheckKeptPoints(in, "s", 0.0, kInf, true); !s.ok()) return s;
  bool any_estimate = false;
  for (std::size_t i = 0; i < in.y.size(); ++i) any_estimate = any_estimate || in.estimate[i];
  if (!any_estimate) return Status::FailedPrecondition("no subgroups to estimate s̄ from");
  const double s_bar = SubgroupSdEstimate(in, p);
  if (std::isnan(s_bar)) {
    return Status::FailedPrecondition("no subgroup of two or more values to estimate s̄ from");
  }
  out->centre_value = s_bar;
  out->sigma = s_bar;
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    SetSymmetricLines(out, i, s_bar, SigmaOfSOverMean(in.denominator[i]) * s_bar);
  }
  ClipLines(out, 0.0, kInf);
  return Status::Ok();
}

}  // namespace kaizen::spc
