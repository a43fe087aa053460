// The normal curve a histogram overlays, in counts per bin (include/kaizen/histogram.h).
#include <cmath>
#include <numbers>

#include "kaizen/histogram.h"

namespace kaizen {

// φ(z) = exp(−z²/2) / √(2π), the standard normal density (e.g. Montgomery,
// Introduction to Statistical Quality Control, 7th ed., §3.3.1); dividing by sd
// turns it into the density of x, and n · w turns a density into a count per bin.
double NormalBinCount(double x, double mean, double sd, double n, double bin_width) {
  const double z = (x - mean) / sd;
  return n * bin_width * std::exp(-0.5 * z * z) / (sd * std::sqrt(2 * std::numbers::pi));
}

}  // namespace kaizen
