// A consumer of the installed kaizen::engine: an XmR chart on fifteen values, its centre line
// and upper limit checked against values worked out by hand. Exits 0 when both match.
#include <cmath>
#include <cstdio>

#include "kaizen/model.h"
#include "kaizen/spc.h"
#include "kaizen/version.h"

int main() {
  // Three repeats of 20, 22, 21, 19, 18 (monthly from January 2024), 15 points: the fewest the
  // default profile (mdc) draws limits from (docs/profiles.md, min_points_for_limits).
  constexpr double kBlock[] = {20, 22, 21, 19, 18};
  kaizen::Series series;
  series.indicator_id = "consumer";
  for (int i = 0; i < 15; ++i) {
    auto period = kaizen::Date::FromCivil(2024 + i / 12, i % 12 + 1, 1);
    if (!period.ok()) return 1;
    series.Add({.period = period.value(), .value = kBlock[i % 5]});
  }
  kaizen::Indicator indicator;
  indicator.id = "consumer";
  indicator.chart = kaizen::ChartType::kXmr;

  auto result = kaizen::AnalyseSeries(indicator, series);
  if (!result.ok() || result.value().segments.size() != 1) {
    std::fprintf(stderr, "kaizen %s: AnalyseSeries failed\n", kaizen::kVersion);
    return 1;
  }
  const kaizen::SegmentResult& segment = result.value().segments[0];
  // By hand: mean = 3 × (20 + 22 + 21 + 19 + 18) / 15 = 300 / 15 = 20. The 14 moving ranges are
  // 2, 1, 2, 1 within each block and 2 between blocks: 3 × 6 + 2 × 2 = 22, so MR̄ = 22 / 14.
  // Upper limit (MDC, docs/formulas.md): 20 + 2.66 × 22 / 14 = 20 + 58.52 / 14 = 24.18.
  const double expected_centre = 20.0;
  const double expected_upper = 24.18;
  if (std::fabs(segment.centre - expected_centre) > 1e-9 ||
      std::fabs(segment.upper3 - expected_upper) > 1e-9) {
    std::fprintf(stderr, "centre %.12g (want 20), upper limit %.12g (want 24.18)\n", segment.centre,
                 segment.upper3);
    return 1;
  }
  std::printf("kaizen %s: XmR centre %.2f, upper limit %.2f\n", kaizen::kVersion, segment.centre,
              segment.upper3);
  return 0;
}
