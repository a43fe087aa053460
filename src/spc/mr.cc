// Moving-range (mr) chart: the ranges between consecutive kept points, their mean MR̄ as centre,
// UCL = D4·MR̄ with D4 = 3.267 for ranges of two (Montgomery 6.4, table VI) and LCL = D3·MR̄ = 0.
//
// The 1- and 2-sigma lines are (k/3)·3.267·MR̄ above zero and zero below, as both peers that draw
// an mr chart do: qicharts2 0.8.1 qic.mr() (ucl.95 = (3.267/3)·2·MR̄) and PowerBI-SPC 1.7
// mrLimits() (ul95 likewise, ll95 = ll99 = 0). MR̄ here is never screened, whatever the profile:
// neither peer screens it, and the mr chart is where the large ranges that screening drops from
// the X chart's sigma are meant to be seen.
#include <cmath>

#include "spc/chart.h"

namespace kaizen::spc {
namespace {

// D4 for subgroups of two (Montgomery, appendix VI); 1 + 3·d3/d2 = 1 + 3·0.853/1.128.
constexpr double kD4 = 3.267;

}  // namespace

Status ComputeMrLines(const ChartInput& in, const Profile& p, ChartScratch*, ChartOutput* out) {
  ClearLines(out);
  // y[i] = |x_i − x_previous kept|: the range spans ghosted points, and missing ones unless the
  // profile breaks moving ranges at gaps (spc-spec.md, "Segments"); NaN for the first kept point
  // and for points that are not kept.
  double previous = kMissing;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    out->y[i] = kMissing;
    if (!in.kept[i]) {
      if (p.mr_across_gaps == MrAcrossGaps::kBreak && std::isnan(in.y[i])) previous = kMissing;
      continue;
    }
    if (!std::isnan(previous)) out->y[i] = std::fabs(in.y[i] - previous);
    previous = in.y[i];
  }
  const double mr_bar = MeanMovingRange(in.y, in.kept, in.estimate, p.mr_across_gaps);
  if (std::isnan(mr_bar)) {
    return Status::FailedPrecondition("fewer than two points to estimate the moving range from");
  }
  const double step = kD4 / 3.0 * mr_bar;
  out->centre_value = mr_bar;
  out->mr_bar = mr_bar;
  out->sigma = step;  // the spacing of the k-sigma lines above zero
  out->has_limits = true;
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    out->centre[i] = mr_bar;
    out->lower1[i] = out->lower2[i] = out->lower3[i] = 0.0;
    out->upper1[i] = step;
    out->upper2[i] = 2.0 * step;
    out->upper3[i] = 3.0 * step;
  }
  return Status::Ok();
}

}  // namespace kaizen::spc
