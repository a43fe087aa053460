// t chart (time between rare events): an XmR chart of y^(1/3.6), which makes the exponential
// distribution nearly symmetric (Nelson 1994, "A control chart for parts-per-million
// nonconforming items", JQT 26(3); Montgomery 7.3.4), with the centre and every line
// back-transformed by ^3.6; a transformed line below 0 has no back-transform and becomes 0
// (qicharts2 0.8.1 qic.t(); PowerBI-SPC 1.7 tLimits()). Moving-range screening and the sigma
// constant follow the profile as for the XmR chart. `mr_bar` and `sigma` are on the transformed
// scale; `centre_value` is the back-transformed mean.
//
// A negative time is a data error (InvalidArgument). This function accepts zero (0^(1/3.6) = 0,
// as PowerBI-SPC does), but the engine's input check (engine.cc, PlottedValue) treats a time
// ≤ 0 as invalid for the t chart, reports it and leaves the point out, as qicharts2 refuses it:
// a zero time between events usually means two events were recorded on one day.
#include <cmath>
#include <limits>

#include "spc/chart.h"

namespace kaizen::spc {
namespace {

constexpr double kPower = 3.6;

double BackTransform(double v) { return v < 0.0 ? 0.0 : std::pow(v, kPower); }

}  // namespace

Status ComputeTLines(const ChartInput& in, const Profile& p, ChartScratch* scratch,
                     ChartOutput* out) {
  ClearLines(out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  if (Status s = CheckKeptPoints(in, "t", 0.0, std::numeric_limits<double>::infinity(), false);
      !s.ok()) {
    return s;
  }
  // scratch->c, leaving a and b free for the XmR computation below.
  std::vector<double>& transformed = scratch->c;
  transformed.resize(in.y.size());
  for (std::size_t i = 0; i < in.y.size(); ++i) {
    transformed[i] = in.kept[i] ? std::pow(in.y[i], 1.0 / kPower) : kMissing;
  }
  ChartInput t_in{.y = transformed, .kept = in.kept, .estimate = in.estimate};
  Status status = ComputeXmrLines(t_in, p, scratch, out);
  for (std::size_t i = 0; i < in.y.size(); ++i) out->y[i] = in.y[i];
  if (!status.ok()) return status;
  for (std::span<double> line : {out->centre, out->lower3, out->lower2, out->lower1, out->upper1,
                                 out->upper2, out->upper3}) {
    for (double& v : line) {
      if (!std::isnan(v)) v = BackTransform(v);
    }
  }
  out->centre_value = BackTransform(out->centre_value);
  return Status::Ok();
}

}  // namespace kaizen::spc
