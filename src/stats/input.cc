// Input checks shared by the statistics (see input.h).
#include "stats/input.h"

#include <cmath>

namespace kaizen::stats {

Status InfiniteValue(std::size_t index, double value, const std::string& what) {
  std::string message = "value " + std::to_string(index + 1);
  if (!what.empty()) message += " of " + what;
  message += value > 0 ? " is +infinity" : " is -infinity";
  message += ": infinity is not a measurement; remove it or mark it missing";
  return Status::InvalidArgument(std::move(message));
}

Status CollectFinite(std::span<const double> values, std::vector<double>& out) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double v = values[i];
    if (std::isnan(v)) continue;
    if (std::isinf(v)) return InfiniteValue(i, v);
    out.push_back(v);
  }
  return Status::Ok();
}

Status CollectPairs(std::span<const double> x, std::span<const double> y, std::vector<double>& xs,
                    std::vector<double>& ys) {
  if (x.size() != y.size()) {
    return Status::InvalidArgument("x has " + std::to_string(x.size()) + " values but y has " +
                                   std::to_string(y.size()) + ": they must pair up");
  }
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isinf(x[i])) return InfiniteValue(i, x[i], "x");
    if (std::isinf(y[i])) return InfiniteValue(i, y[i], "y");
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    xs.push_back(x[i]);
    ys.push_back(y[i]);
  }
  return Status::Ok();
}

}  // namespace kaizen::stats
