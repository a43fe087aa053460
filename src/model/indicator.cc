#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kaizen/chart_traits.h"
#include "kaizen/model.h"
#include "kaizen/names.h"

namespace kaizen {

Result<ChartType> ParseChartType(std::string_view name) {
  if (name == "i" || name == "xmr" || name == "imr") return ChartType::kXmr;
  if (name == "p'" || name == "p-prime") return ChartType::kPPrime;
  if (name == "u'" || name == "u-prime") return ChartType::kUPrime;
  for (const NamedValue<ChartType>& e : ChartTypeNames())
    if (e.name == name) return e.value;
  return Status::InvalidArgument("unknown chart type '" + std::string(name) +
                                 "' (expected one of run, xmr, mr, xbar, s, p, np, c, u, pp, "
                                 "up, g, t)");
}

bool ChartUsesDenominator(ChartType type) { return TraitsOf(type).ReadsRatio(); }

ChartType DefaultChart(bool ratios) { return ratios ? ChartType::kP : ChartType::kXmr; }

namespace {

bool Whole(double x) { return std::floor(x) == x; }

// A numerator of events over a denominator of opportunities (or exposure).
PointProblem CheckRatio(const ChartTraits& t, double numerator, double denominator) {
  if (std::isnan(numerator) || std::isnan(denominator)) return PointProblem::kNone;
  if (numerator < 0) return PointProblem::kNegativeCount;
  if (!(denominator > 0)) return PointProblem::kZeroDenominator;
  // A rate (u, u′) may exceed one event per unit of exposure; a proportion cannot.
  const bool bounded = t.plots != Plotted::kRate;
  if (bounded && numerator > denominator) return PointProblem::kNumeratorAboveDenominator;
  if (t.whole_counts && !Whole(numerator)) return PointProblem::kNonIntegerCount;
  return PointProblem::kNone;
}

// A value that counts events (c, g) or times the gap between them (t).
PointProblem CheckCount(const ChartTraits& t, double value) {
  switch (t.domain) {
    case CountDomain::kAny:
      return PointProblem::kNone;
    case CountDomain::kPositive:
      return value <= 0 ? PointProblem::kNotPositive : PointProblem::kNone;
    case CountDomain::kNonNegative:
      if (std::isnan(value)) return PointProblem::kNone;
      if (value < 0) return PointProblem::kNegativeCount;
      if (t.whole_counts && !Whole(value)) return PointProblem::kNonIntegerCount;
      return PointProblem::kNone;
  }
  return PointProblem::kNone;
}

}  // namespace

PointProblem CheckPoint(ChartType type, double value, double numerator, double denominator) {
  const ChartTraits& t = TraitsOf(type);
  if (t.ReadsRatio()) return CheckRatio(t, numerator, denominator);
  if (t.ReadsValue()) return CheckCount(t, value);
  return PointProblem::kNone;  // s: any SD the engine accepts
}

Result<Direction> ParseDirection(std::string_view name) {
  if (name == "higher" || name == "up" || name == "increase") return Direction::kHigherIsBetter;
  if (name == "lower" || name == "down" || name == "decrease") return Direction::kLowerIsBetter;
  if (name == "neither" || name == "neutral") return Direction::kNeither;
  return Status::InvalidArgument("unknown direction '" + std::string(name) +
                                 "' (expected higher, lower or neither)");
}

Result<Aggregation> ParseAggregation(std::string_view name) {
  for (Aggregation a : {Aggregation::kNone, Aggregation::kSum, Aggregation::kMean,
                        Aggregation::kMin, Aggregation::kMax, Aggregation::kLast})
    if (AggregationName(a) == name) return a;
  return Status::InvalidArgument("unknown aggregation '" + std::string(name) +
                                 "' (expected none, sum, mean, min, max or last)");
}

std::optional<TargetStep> Indicator::TargetAt(Date date) const {
  std::optional<TargetStep> in_force;
  for (const TargetStep& step : targets) {
    if (step.from <= date) in_force = step;
  }
  if (in_force && std::isnan(in_force->value)) return std::nullopt;  // a step that ends a target
  return in_force;
}

bool OrganisationScope::Includes(std::string_view org) const {
  return names.empty() || std::find(names.begin(), names.end(), org) != names.end();
}

bool OrganisationScope::Overlaps(const OrganisationScope& other) const {
  if (Everyone() || other.Everyone()) return true;
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return other.Includes(n); });
}

bool Indicator::HasOrganisationDecisions() const {
  const auto named = [](const auto& decisions) {
    return std::any_of(decisions.begin(), decisions.end(),
                       [](const auto& d) { return !d.organisations.Everyone(); });
  };
  return named(targets) || named(rebases) || named(ghosts) || named(annotations) ||
         named(narratives);
}

namespace {

// An organisation's own target replaces the shared one from its first step on: a trust that
// agreed a local trajectory keeps it, whatever later national step the shared list holds,
// until its own list says otherwise.
std::vector<TargetStep> TargetsOf(const std::vector<TargetStep>& all, std::string_view org) {
  std::optional<Date> own_from;
  for (const TargetStep& step : all) {
    if (!step.organisations.Everyone() && step.organisations.Includes(org) &&
        (!own_from || step.from < *own_from))
      own_from = step.from;
  }
  std::vector<TargetStep> out;
  for (const TargetStep& step : all) {
    const bool shared = step.organisations.Everyone();
    if (shared ? !own_from || step.from < *own_from : step.organisations.Includes(org))
      out.push_back(step);
  }
  return out;  // `all` is sorted by date, so this is too
}

template <typename T>
void KeepFor(std::string_view org, std::vector<T>* decisions) {
  std::erase_if(*decisions, [&](const T& d) { return !d.organisations.Includes(org); });
}

}  // namespace

Indicator Indicator::ForOrganisation(std::string_view org) const {
  Indicator out = *this;
  out.targets = TargetsOf(targets, org);
  KeepFor(org, &out.rebases);
  KeepFor(org, &out.ghosts);
  KeepFor(org, &out.annotations);
  KeepFor(org, &out.narratives);
  return out;
}

void Series::Add(const Observation& o) {
  periods.push_back(o.period);
  values.push_back(o.value);
  numerators.push_back(o.numerator);
  denominators.push_back(o.denominator);
  subgroup_sds.push_back(o.subgroup_sd);
}

void Series::Clear() {
  periods.clear();
  values.clear();
  numerators.clear();
  denominators.clear();
  subgroup_sds.clear();
}

std::vector<Observation> SummariseSubgroups(const std::vector<Date>& periods,
                                            const std::vector<double>& values) {
  std::vector<Observation> out;
  std::size_t i = 0;
  while (i < periods.size()) {
    std::size_t j = i;
    // Welford's update: numerically stable mean and sum of squared deviations
    // (Welford 1962; Knuth TAOCP vol. 2, 4.2.2).
    double mean = 0.0, m2 = 0.0;
    int n = 0;
    for (; j < periods.size() && periods[j] == periods[i]; ++j) {
      if (std::isnan(values[j])) continue;
      ++n;
      const double delta = values[j] - mean;
      mean += delta / n;
      m2 += delta * (values[j] - mean);
    }
    Observation o;
    o.period = periods[i];
    o.denominator = n;
    if (n > 0) o.value = mean;
    if (n > 1) o.subgroup_sd = std::sqrt(m2 / (n - 1));
    out.push_back(o);
    i = j;
  }
  return out;
}

}  // namespace kaizen
