// The funnel job (kaizen/app_analysis.h): every organisation's point of one period against the
// indicator's target or the pooled mean, on the indicator's display scale.
#include <utility>

#include "kaizen/app_analysis.h"
#include "kaizen/chart_traits.h"

namespace kaizen {
namespace {

// The funnel type the request names, else the one the chart type implies (binomial: p, np, p′;
// Poisson with a denominator: u, u′). Fails for a chart without numerators and denominators.
Result<FunnelType> ResolveFunnelType(const Indicator& indicator, const FunnelRequest& request) {
  if (request.type) return *request.type;
  const ChartType chart = indicator.chart;
  const ChartTraits& t = TraitsOf(chart);
  if (t.ReadsRatio() && t.model == SigmaModel::kBinomial) return FunnelType::kProportion;
  if (t.ReadsRatio() && t.model == SigmaModel::kPoisson) return FunnelType::kRate;
  return Status::InvalidArgument(
      "--indicator " + request.indicator + " is a " + std::string(ChartTypeName(chart)) +
      " chart without numerators and denominators; a funnel plot needs them: give --type "
      "proportion, ratio (numerator observed, denominator expected) or rate");
}

// How an outlier reads for the indicator: "better" or "worse" by its direction, "outside" when
// neither direction is better, "within" inside the 95 % limits.
std::string Assessment(FunnelFlag flag, Direction direction) {
  if (flag == FunnelFlag::kWithin) return "within";
  const bool high = static_cast<int>(flag) > 0;
  switch (direction) {
    case Direction::kHigherIsBetter:
      return high ? "better" : "worse";
    case Direction::kLowerIsBetter:
      return high ? "worse" : "better";
    case Direction::kNeither:
      break;
  }
  return "outside";
}

// The organisations with a point in `period`, their numerators and denominators.
struct PeriodPoints {
  std::vector<std::string> providers;
  std::vector<double> numerators, denominators;
  PeriodKind kind = PeriodKind::kDate;  // how the title names the period ("2024-W05")
};

PeriodPoints PointsOfPeriod(const std::vector<Series>& series, Date period) {
  PeriodPoints p;
  for (const Series& s : series) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s.periods[i] != period) continue;
      p.providers.push_back(s.organisation);
      p.kind = s.period_kind;
      p.numerators.push_back(i < s.numerators.size() ? s.numerators[i] : kMissing);
      p.denominators.push_back(i < s.denominators.size() ? s.denominators[i] : kMissing);
    }
  }
  return p;
}

}  // namespace

Result<FunnelJobResult> FunnelOfPeriod(const std::vector<Series>& series,
                                       const Indicator& indicator, const FunnelRequest& request) {
  Result<FunnelType> type = ResolveFunnelType(indicator, request);
  if (!type.ok()) return type.status();
  FunnelJobResult out;
  out.type = *type;
  FunnelOptions options;
  options.type = *type;
  options.adjust_overdispersion = request.overdispersion;
  // Targets, in the catalogue and in the request, are on the indicator's display scale (95 for
  // 95 % with multiplier 100), as the SPC chart shows them; the funnel works on the underlying
  // proportion or rate.
  out.multiplier = indicator.multiplier > 0 ? indicator.multiplier : 1;
  options.display_multiplier = out.multiplier;
  options.display_unit = indicator.unit;
  if (request.target) {
    options.target = *request.target / out.multiplier;
  } else if (const std::optional<TargetStep> step = indicator.TargetAt(request.period)) {
    options.target = step->value / out.multiplier;
  }
  const PeriodPoints points = PointsOfPeriod(series, request.period);
  if (points.providers.empty()) {
    return Status::NotFound("--period: no organisation has data for " + request.period.ToIso() +
                            " in " + request.source);
  }
  out.period_kind = points.kind;
  Result<FunnelResult> f =
      AnalyseFunnel(points.providers, points.numerators, points.denominators, options);
  if (!f.ok()) return Status(f.status().code(), request.source + ": " + f.status().message());
  out.funnel = std::move(f).value();
  for (const FunnelPoint& p : out.funnel.points)
    out.assessments.push_back(Assessment(p.flag, indicator.direction));
  return out;
}

}  // namespace kaizen
