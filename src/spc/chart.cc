#include "spc/chart.h"

namespace kaizen::spc {

Status ComputeChartLines(ChartType type, const ChartInput& in, const Profile& profile,
                         ChartScratch* scratch, ChartOutput* out) {
  switch (type) {
    case ChartType::kRun:
      return ComputeRunLines(in, profile, scratch, out);
    case ChartType::kXmr:
      return ComputeXmrLines(in, profile, scratch, out);
    default:
      break;
  }
  return Status::InvalidArgument("chart type '" + std::string(ChartTypeName(type)) +
                                 "' is not available");
}

}  // namespace kaizen::spc
