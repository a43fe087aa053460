#include "spc/chart.h"

namespace kaizen::spc {

Status ComputeChartLines(ChartType type, const ChartInput& in, const Profile& profile,
                         ChartScratch* scratch, ChartOutput* out) {
  switch (type) {
    case ChartType::kRun:
      return ComputeRunLines(in, profile, scratch, out);
    case ChartType::kXmr:
      return ComputeXmrLines(in, profile, scratch, out);
    case ChartType::kMr:
      return ComputeMrLines(in, profile, scratch, out);
    case ChartType::kXbar:
      return ComputeXbarLines(in, profile, scratch, out);
    case ChartType::kS:
      return ComputeSLines(in, profile, scratch, out);
    case ChartType::kP:
      return ComputePLines(in, profile, scratch, out);
    case ChartType::kNp:
      return ComputeNpLines(in, profile, scratch, out);
    case ChartType::kC:
      return ComputeCLines(in, profile, scratch, out);
    case ChartType::kU:
      return ComputeULines(in, profile, scratch, out);
    case ChartType::kPPrime:
      return ComputePPrimeLines(in, profile, scratch, out);
    case ChartType::kUPrime:
      return ComputeUPrimeLines(in, profile, scratch, out);
    case ChartType::kG:
      return ComputeGLines(in, profile, scratch, out);
    case ChartType::kT:
      return ComputeTLines(in, profile, scratch, out);
  }
  return Status::InvalidArgument("chart type '" + std::string(ChartTypeName(type)) +
                                 "' is not available");
}

}  // namespace kaizen::spc
