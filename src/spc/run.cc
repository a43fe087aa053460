// Run chart: the median of the estimating points as centre line, no limits
// (Perla, Provost and Murray, BMJ Qual Saf 2011).
#include <algorithm>
#include <cmath>

#include "spc/accurate_mean.h"
#include "spc/chart.h"

namespace kaizen::spc {

double Median(std::vector<double>* values) {
  auto& v = *values;
  if (v.empty()) return kMissing;
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  const double upper = v[mid];
  if (v.size() % 2 == 1) return upper;
  const double lower = *std::max_element(v.begin(), v.begin() + mid);
  // R's median() takes mean() of the two middle values: no overflow for values near the limit.
  return AccurateMean([&](auto add) {
    add(lower);
    add(upper);
  });
}

Status ComputeRunLines(const ChartInput& in, const Profile&, ChartScratch* scratch,
                       ChartOutput* out) {
  ClearLines(out);
  scratch->a.clear();
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    out->y[i] = in.y[i];
    if (in.estimate[i]) scratch->a.push_back(in.y[i]);
  }
  if (scratch->a.empty())
    return Status::FailedPrecondition("no points to estimate the median from");
  const double median = Median(&scratch->a);
  out->centre_value = median;
  for (double& c : out->centre) c = median;
  return Status::Ok();
}

}  // namespace kaizen::spc
