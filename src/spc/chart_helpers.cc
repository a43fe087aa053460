#include <algorithm>
#include <cmath>
#include <string>

#include "spc/accurate_mean.h"
#include "spc/chart.h"

namespace kaizen::spc {

void ClipLines(ChartOutput* out, double lo, double hi) {
  for (std::span<double> line :
       {out->lower3, out->lower2, out->lower1, out->upper1, out->upper2, out->upper3}) {
    for (double& v : line) {
      if (!std::isnan(v)) v = std::clamp(v, lo, hi);
    }
  }
}

void ClearLines(ChartOutput* out) {
  for (std::span<double> line : {out->centre, out->lower3, out->lower2, out->lower1, out->upper1,
                                 out->upper2, out->upper3}) {
    std::fill(line.begin(), line.end(), kMissing);
  }
  out->centre_value = out->mr_bar = out->sigma = kMissing;
  out->has_limits = false;
  out->screened_to_zero = false;
}

double AverageMovingRange(std::span<const double> v, std::span<const uint8_t> kept,
                          std::span<const uint8_t> estimate, const Profile& p) {
  const double mr_bar = MeanMovingRange(v, kept, estimate, p.mr_across_gaps);
  if (std::isnan(mr_bar) || p.mr_screening == MrScreening::kOff) return mr_bar;

  // Screening (NHSRplotthedots 0.2.2 R/ptd_spc_standard.R; qicharts2 0.8.1 qic.i() once
  // attached; PowerBI-SPC 1.7): keep the moving ranges strictly below factor·MR̄ and average
  // them once; the mean of the values is unchanged. When none is kept (every range is 0, so the
  // cutoff is 0) the R peers' mean() of nothing is NaN: no limits, which the caller reports as
  // zero variation.
  const double cutoff = p.mr_screening_factor * mr_bar;
  return AccurateMean([&](auto add) {
    ForEachMovingRange(v, kept, estimate, p.mr_across_gaps, [&](double mr, std::size_t) {
      if (mr < cutoff) add(mr);
    });
  });
}

double MeanOfEstimating(std::span<const double> v, std::span<const uint8_t> estimate) {
  return AccurateMean([&](auto add) {
    for (std::size_t i = 0; i < v.size(); ++i)
      if (estimate[i]) add(v[i]);
  });
}

double MeanMovingRange(std::span<const double> v, std::span<const uint8_t> kept,
                       std::span<const uint8_t> estimate, MrAcrossGaps gaps) {
  return AccurateMean([&](auto add) {
    ForEachMovingRange(v, kept, estimate, gaps, [&](double mr, std::size_t) { add(mr); });
  });
}

double PooledRatio(const ChartInput& in) {
  // Both sums as R's sum() forms them (long double), so p̄ and ū are qicharts2's to the bit.
  const double numerator = AccurateSum([&](auto add) {
    for (std::size_t i = 0; i < in.y.size(); ++i)
      if (in.estimate[i]) add(in.numerator.empty() ? in.y[i] * in.denominator[i] : in.numerator[i]);
  });
  const double denominator = AccurateSum([&](auto add) {
    for (std::size_t i = 0; i < in.y.size(); ++i)
      if (in.estimate[i]) add(in.denominator[i]);
  });
  return denominator > 0.0 ? numerator / denominator : kMissing;
}

Status CheckKeptPoints(const ChartInput& in, std::string_view chart, double lo, double hi,
                       bool needs_denominator) {
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    if (!in.kept[i]) continue;
    if (needs_denominator && !(std::isfinite(in.denominator[i]) && in.denominator[i] > 0.0)) {
      return Status::InvalidArgument(std::string(chart) + " chart: point " + std::to_string(i) +
                                     " has denominator " + std::to_string(in.denominator[i]) +
                                     "; it must be a positive number");
    }
    if (!(in.y[i] >= lo && in.y[i] <= hi)) {
      return Status::InvalidArgument(std::string(chart) + " chart: point " + std::to_string(i) +
                                     " has value " + std::to_string(in.y[i]) + ", outside [" +
                                     std::to_string(lo) + ", " + std::to_string(hi) + "]");
    }
  }
  return Status::Ok();
}

double SubgroupSdEstimate(const ChartInput& in, const Profile& p) {
  std::size_t end = 0;  // one past the last estimating point: the baseline's extent
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    if (in.estimate[i]) end = i + 1;
  }
  int empty_subgroups = 0;
  if (p.qicharts2_empty_subgroup_quirk) {
    // qicharts2 sums (y.length − 1) over the baseline, so an all-missing subgroup (length 0)
    // adds −1. Its baseline membership is judged by position: before the last estimating point.
    for (std::size_t i = 0; i < end; ++i) {
      if (!in.kept[i] && in.denominator[i] == 0.0) ++empty_subgroups;
    }
  }
  bool sizes_vary = empty_subgroups > 0;
  double first_size = kMissing;
  double weighted = 0.0;
  double dof = 0.0;
  double sum_s = 0.0;
  int count_s = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (!in.estimate[i]) continue;
    const double n = in.denominator[i];
    if (std::isnan(first_size)) {
      first_size = n;
    } else if (n != first_size) {
      sizes_vary = true;
    }
    const double s = in.subgroup_sd[i];
    if (n >= 2.0 && !std::isnan(s)) {
      weighted += (n - 1.0) * s * s;
      dof += n - 1.0;
      sum_s += s;
      ++count_s;
    }
  }
  if (count_s == 0) return kMissing;
  if (p.subgroup_sigma == SubgroupSigma::kPooledWhenSizesVary && !sizes_vary) {
    return sum_s / count_s;
  }
  dof -= empty_subgroups;
  return dof > 0.0 ? std::sqrt(weighted / dof) : kMissing;
}

}  // namespace kaizen::spc
