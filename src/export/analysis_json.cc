// JSON writers of the analysis results (kaizen/analysis_export.h). nlohmann::json (keys in
// alphabetical order) is what the commands have always written; nlohmann stays in this file.
#include <cmath>
#include <nlohmann/json.hpp>

#include "kaizen/analysis_export.h"
#include "kaizen/json.h"

namespace kaizen {
namespace {

using json = nlohmann::json;

// NaN as JSON null (nlohmann would write it as null too, but says so only by accident).
json NumberOrNull(double v) { return std::isfinite(v) ? json(v) : json(); }

// Every document's top level carries the schema version (kaizen/json.h, docs/api.md).
std::string Dumped(json j) {
  j["schema_version"] = kSchemaVersion;
  return j.dump(2) + "\n";
}

// Which values were analysed: the series' indicator and organisation, or the column.
void AddSource(const AnalysedValues& source, json* j) {
  if (source.series) {
    (*j)["indicator"] = source.series->series.indicator_id;
    (*j)["organisation"] = source.series->series.organisation;
  } else {
    (*j)["column"] = source.column;
  }
}

json NormalityJson(const NormalityTest& t) {
  return {{"method", t.method},       {"n", t.n},
          {"statistic", t.statistic}, {"adjusted", t.adjusted},
          {"p_value", t.p_value},     {"reading", t.reading}};
}

json CorrelationJson(const Correlation& c) {
  return {{"n", c.n},
          {"r", c.r},
          {"t", c.t},
          {"p_value", c.p_value},
          {"ci_lower", c.ci_lower},
          {"ci_upper", c.ci_upper},
          {"reading", c.reading}};
}

json CoefficientsJson(const LinearModel& m) {
  json coefficients = json::array();
  for (const Coefficient& c : m.coefficients)
    coefficients.push_back({{"name", c.name},
                            {"estimate", c.estimate},
                            {"se", c.se},
                            {"t", c.t},
                            {"p_value", c.p_value},
                            {"ci_lower", c.ci_lower},
                            {"ci_upper", c.ci_upper},
                            {"vif", std::isnan(c.vif) ? json() : json(c.vif)}});
  return coefficients;
}

// NaN only (an infinite F stays a number, as the command has always written it).
json NanAsNull(double v) { return std::isnan(v) ? json() : json(v); }

json AnovaJson(const LinearModel& m) {
  json anova = json::array();
  for (const AnovaRow& r : m.anova)
    anova.push_back({{"source", r.source},
                     {"df", r.df},
                     {"ss", r.ss},
                     {"ms", NanAsNull(r.ms)},
                     {"f", NanAsNull(r.f)},
                     {"p_value", NanAsNull(r.p_value)}});
  return anova;
}

json UnusualJson(const RegressionResult& result) {
  json unusual = json::array();
  for (const UnusualObservation& u : result.model.unusual)
    unusual.push_back({{"row", u.row + 1},
                       {"line", result.lines[u.row]},
                       {"y", u.y},
                       {"fit", u.fit},
                       {"residual", u.residual},
                       {"standardized_residual", NanAsNull(u.standardized_residual)},
                       {"leverage", u.leverage},
                       {"large_residual", u.large_residual},
                       {"high_leverage", u.high_leverage}});
  return unusual;
}

json WelchJson(const WelchTest& w) {
  return {{"mean_before", w.mean1},
          {"mean_after", w.mean2},
          {"t", w.t},
          {"df", w.df},
          {"p_value", w.p_value},
          {"ci_lower", w.ci_lower},
          {"ci_upper", w.ci_upper},
          {"sentence", w.sentence}};
}

json MannWhitneyJson(const MannWhitneyTest& m) {
  return {{"w", m.w},
          {"z", m.z},
          {"p_value", m.p_value},
          {"hl_shift", m.hl_shift},
          {"sentence", m.sentence}};
}

json ProportionsJson(const ProportionComparison& p) {
  return {{"x_before", p.x1},
          {"n_before", p.n1},
          {"x_after", p.x2},
          {"n_after", p.n2},
          {"p_before", p.p1},
          {"p_after", p.p2},
          {"chi_square", p.chi_square},
          {"chi_square_p", p.chi_square_p},
          {"fisher_p", p.fisher_p},
          {"sentence", p.sentence}};
}

// The SPC reading, and which limits the verdict used: those of the points before the change
// (docs/cli.md, "compare").
json SpcJson(const BeforeAfter& ba) {
  json spc = {{"shift_after", ba.shift_after},
              {"shift_side", std::string(SideName(ba.shift_side))},
              {"centre_before", ba.centre_before},
              {"centre_after", ba.centre_after},
              {"verdict", ba.spc_verdict}};
  json ignored = json::array();
  for (const Date& d : ba.ignored_rebases) ignored.push_back(d.ToIso());
  spc["judged_against"] = {{"limits", "before_change"},
                           {"segment_from", ba.limits_from.ToIso()},
                           {"n_points", ba.limits_points},
                           {"centre", NumberOrNull(ba.limits_centre)},
                           {"lower3", NumberOrNull(ba.limits_lower)},
                           {"upper3", NumberOrNull(ba.limits_upper)},
                           {"ignored_rebases", std::move(ignored)},
                           {"sentence", ba.limits_sentence}};
  return spc;
}

json FunnelPointsJson(const FunnelJobResult& result) {
  const double m = result.multiplier;
  json points = json::array();
  for (std::size_t i = 0; i < result.funnel.points.size(); ++i) {
    const FunnelPoint& p = result.funnel.points[i];
    points.push_back({{"organisation", p.provider},
                      {"numerator", p.numerator},
                      {"denominator", p.denominator},
                      {"value", p.value * m},
                      {"z", NumberOrNull(p.z)},
                      {"z_adjusted", NumberOrNull(p.z_adjusted)},
                      {"lower95", p.limits.lower95 * m},
                      {"upper95", p.limits.upper95 * m},
                      {"lower998", p.limits.lower998 * m},
                      {"upper998", p.limits.upper998 * m},
                      {"flag", std::string(FunnelFlagName(p.flag))},
                      {"assessment", result.assessments[i]}});
  }
  return points;
}

}  // namespace

std::string DescribeJson(const DescribeResult& result, const AnalysedValues& source) {
  const Descriptive& d = result.description;
  const SummaryIntervals& ci = result.intervals;
  json j = {{"quantile_method", d.quantile_method_name},
            {"confidence", ci.confidence},
            {"median_ci_achieved", ci.median_achieved},
            {"median_ci_method", kMedianIntervalMethod}};
  if (source.series) {
    j["indicator"] = source.series->series.indicator_id;
    j["organisation"] = source.series->series.organisation;
    j["chart"] = std::string(ChartTypeName(source.series->indicator.chart));
  } else {
    j["column"] = source.column;
    j["file"] = source.file;
  }
  for (const auto& [name, v] : DescribeStatistics(result)) j[name] = v;
  j["n"] = d.n;  // whole numbers, not the doubles of the statistics list
  j["missing"] = d.missing;
  j["modes"] = d.modes;
  j["mode_count"] = d.mode_count;
  j["mode_reading"] = d.mode_reading;
  j["skewness_reading"] = d.skewness_reading;
  j["kurtosis_reading"] = d.kurtosis_reading;
  j["normality"] = json::array();
  for (const NormalityTest& t : result.normality) j["normality"].push_back(NormalityJson(t));
  j["notes"] = result.notes;
  return Dumped(j);
}

std::string HistogramJson(const HistogramResult& result, const AnalysedValues& source) {
  json j = {{"rule", result.rule},
            {"n", result.description.n},
            {"edges", result.bins.edges},
            {"counts", result.bins.counts}};
  AddSource(source, &j);
  return Dumped(j);
}

std::string ParetoJson(const ParetoOfRecordsResult& result, double cut) {
  const ParetoResult& p = result.pareto;
  json bars = json::array();
  for (const ParetoBar& b : p.bars)
    bars.push_back({{"category", b.category},
                    {"value", b.value},
                    {"records", b.records},
                    {"share", b.share},
                    {"cumulative_share", b.cumulative_share},
                    {"vital_few", b.vital_few},
                    {"other", b.is_other},
                    {"categories", b.categories}});
  const json j = {{"total", p.total},
                  {"cut", cut},
                  {"vital_few", VitalFew(p)},
                  {"cut_needs_other", p.cut_needs_other},
                  {"missing_records", p.missing_records},
                  {"rows_without_category", result.rows_without_category},
                  {"bars", bars}};
  return Dumped(j);
}

std::string ScatterJson(const ScatterResult& result) {
  const SimpleRegression& fit = result.line;
  const json j = {{"x", result.x_name},
                  {"y", result.y_name},
                  {"n", fit.n},
                  {"pearson", CorrelationJson(result.pearson)},
                  {"spearman", CorrelationJson(result.spearman)},
                  {"line",
                   {{"intercept", fit.intercept},
                    {"slope", fit.slope},
                    {"intercept_se", fit.intercept_se},
                    {"slope_se", fit.slope_se},
                    {"slope_t", fit.slope_t},
                    {"slope_p", fit.slope_p},
                    {"residual_sd", fit.residual_sd},
                    {"r_squared", fit.r_squared}}}};
  return Dumped(j);
}

std::string RegressionJson(const RegressionResult& result) {
  const LinearModel& m = result.model;
  const json j = {{"y", result.y_name},
                  {"n", m.n},
                  {"k", m.k},
                  {"coefficients", CoefficientsJson(m)},
                  {"residual_sd", m.residual_sd},
                  {"df_residual", m.df_residual},
                  {"r_squared", m.r_squared},
                  {"adjusted_r_squared", m.adjusted_r_squared},
                  {"f_statistic", m.f_statistic},
                  {"f_p_value", m.f_p_value},
                  {"confidence", m.confidence},
                  {"anova", AnovaJson(m)},
                  {"unusual_observations", UnusualJson(result)}};
  return Dumped(j);
}

std::string CapabilityJson(const CapabilityResult& result, const SpecLimits& spec,
                           const AnalysedValues& source) {
  json j = {{"lsl", spec.lsl ? json(*spec.lsl) : json()},
            {"usl", spec.usl ? json(*spec.usl) : json()},
            {"within_method", result.within_method},
            {"sentence", result.sentence}};
  AddSource(source, &j);
  for (const auto& [k, v] : CapabilityStatistics(result)) j[k] = v;
  j["warnings"] = json::array();
  for (const CapabilityWarning& w : result.warnings) j["warnings"].push_back(w.message);
  return Dumped(j);
}

std::string FunnelJson(const FunnelJobResult& result, const Indicator& indicator,
                       const FunnelRequest& request) {
  const FunnelResult& f = result.funnel;
  const json j = {{"indicator", request.indicator},
                  {"period", request.period.ToIso()},
                  {"unit", indicator.unit},
                  {"multiplier", result.multiplier},
                  {"direction", std::string(DirectionName(indicator.direction))},
                  {"target", f.target * result.multiplier},
                  {"centre", std::string(FunnelCentreName(f.centre))},
                  {"phi", f.phi},
                  {"tau2", f.tau2},
                  {"adjusted", f.adjusted},
                  {"points", FunnelPointsJson(result)},
                  {"outside95", f.outside95},
                  {"outside998", f.outside998},
                  {"rows_skipped", f.rows_skipped},
                  {"method", f.method}};
  return Dumped(j);
}

std::string AggregateJson(const AggregateResult& result, const std::string& indicator,
                          const std::string& organisation) {
  const Series& s = result.series;
  json points = json::array();
  for (std::size_t i = 0; i < s.size(); ++i) {
    json p = {{"period", s.periods[i].ToIso()}};
    if (result.ratio) {
      p["numerator"] = NumberOrNull(s.numerators[i]);
      p["denominator"] = NumberOrNull(s.denominators[i]);
    } else {
      p["value"] = NumberOrNull(s.values[i]);
    }
    points.push_back(std::move(p));
  }
  const json j = {{"indicator", indicator},    {"organisation", organisation},
                  {"records", result.records}, {"rows_missing", result.rows_missing},
                  {"note", result.note},       {"points", std::move(points)}};
  return Dumped(j);
}

std::string BeforeAfterJson(const BeforeAfter& ba, const AnalysedSeries& series) {
  json j = {{"indicator", series.series.indicator_id},
            {"organisation", series.series.organisation},
            {"change_date", ba.change_date.ToIso()},
            {"n_before", ba.n_before},
            {"n_after", ba.n_after}};
  if (ba.welch) j["welch"] = WelchJson(*ba.welch);
  if (ba.mann_whitney) j["mann_whitney"] = MannWhitneyJson(*ba.mann_whitney);
  if (ba.proportions) j["proportions"] = ProportionsJson(*ba.proportions);
  j["spc"] = SpcJson(ba);
  j["notes"] = ba.notes;
  return Dumped(j);
}

}  // namespace kaizen
