// CSV writers of the analysis results (kaizen/analysis_export.h).
#include <charconv>
#include <cmath>

#include "kaizen/analysis_export.h"
#include "kaizen/export.h"
#include "kaizen/number_format.h"

namespace kaizen {
namespace {

std::string StatisticsCsv(const std::vector<NamedStatistic>& stats) {
  std::string out = "statistic,value\n";
  for (const auto& [name, v] : stats) out += name + "," + ExportNumber(v) + "\n";
  return out;
}

// A sentence always quoted, as compare has always written it.
std::string QuotedAlways(const std::string& text) {
  std::string q = "\"";
  for (char ch : text) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

}  // namespace

std::string ExportNumber(double v) { return std::isnan(v) ? "" : FormatShortest(v); }

std::string DescribeCsv(const DescribeResult& result) {
  std::string out = StatisticsCsv(DescribeStatistics(result));
  for (const NormalityTest& t : result.normality) {
    const std::string key = t.method == "Shapiro-Wilk" ? "shapiro_wilk" : "anderson_darling";
    out += key + "_statistic," + ExportNumber(t.statistic) + "\n";
    out += key + "_p," + ExportNumber(t.p_value) + "\n";
  }
  return out;
}

std::string HistogramCsv(const HistogramResult& result) {
  const HistogramBins& bins = result.bins;
  std::string out = "from,to,count\n";
  for (std::size_t i = 0; i < bins.counts.size(); ++i)
    out += ExportNumber(bins.edges[i]) + "," + ExportNumber(bins.edges[i + 1]) + "," +
           std::to_string(bins.counts[i]) + "\n";
  return out;
}

std::string ParetoCsv(const ParetoResult& result) {
  std::string out = "category,value,share,cumulative_share,vital_few\n";
  for (const ParetoBar& b : result.bars)
    out += CsvField(b.category) + "," + ExportNumber(b.value) + "," + ExportNumber(b.share) + "," +
           ExportNumber(b.cumulative_share) + "," + (b.vital_few ? "true" : "false") + "\n";
  return out;
}

std::string ScatterCsv(const ScatterResult& result) {
  return StatisticsCsv(ScatterStatistics(result));
}

std::string RegressionCsv(const RegressionResult& result) {
  std::string out = "term,estimate,se,t,p_value,ci_lower,ci_upper,vif\n";
  for (const Coefficient& c : result.model.coefficients)
    out += c.name + "," + ExportNumber(c.estimate) + "," + ExportNumber(c.se) + "," +
           ExportNumber(c.t) + "," + ExportNumber(c.p_value) + "," + ExportNumber(c.ci_lower) +
           "," + ExportNumber(c.ci_upper) + "," + ExportNumber(c.vif) + "\n";
  return out;
}

std::string CapabilityCsv(const CapabilityResult& result) {
  return StatisticsCsv(CapabilityStatistics(result));
}

std::string FunnelCsv(const FunnelJobResult& result, const Indicator& indicator) {
  const FunnelResult& f = result.funnel;
  const double m = result.multiplier;
  const std::string centre(FunnelCentreName(f.centre));
  std::string out =
      "organisation,numerator,denominator,value,z,lower95,upper95,lower998,upper998,flag,"
      "assessment,centre,target,unit,multiplier\n";
  for (std::size_t i = 0; i < f.points.size(); ++i) {
    const FunnelPoint& p = f.points[i];
    out += CsvField(p.provider) + "," + ExportNumber(p.numerator) + "," +
           ExportNumber(p.denominator) + "," + ExportNumber(p.value * m) + "," +
           ExportNumber(p.z_adjusted) + "," + ExportNumber(p.limits.lower95 * m) + "," +
           ExportNumber(p.limits.upper95 * m) + "," + ExportNumber(p.limits.lower998 * m) + "," +
           ExportNumber(p.limits.upper998 * m) + "," + std::string(FunnelFlagName(p.flag)) + "," +
           result.assessments[i] + "," + centre + "," + ExportNumber(f.target * m) + "," +
           CsvField(indicator.unit) + "," + ExportNumber(m) + "\n";
  }
  return out;
}

std::string BeforeAfterCsv(const BeforeAfter& result) {
  std::string out = "test,statistic,p_value,sentence\n";
  for (const BeforeAfterRow& r : BeforeAfterRows(result)) {
    const std::string statistic = r.yes_no ? (*r.yes_no ? "yes" : "no") : ExportNumber(r.statistic);
    out += r.test + "," + statistic + "," + ExportNumber(r.p_value) + "," +
           QuotedAlways(r.sentence) + "\n";
  }
  return out;
}

std::string AggregateCsv(const AggregateResult& result, const std::string& indicator,
                         const std::string& organisation) {
  const Series& series = result.series;
  std::string out = "indicator,organisation,period,value,numerator,denominator\n";
  const std::string prefix = CsvField(indicator) + "," + CsvField(organisation) + ",";
  for (std::size_t i = 0; i < series.size(); ++i) {
    out += prefix + series.periods[i].ToIso() + ",";
    if (result.ratio) {
      out += "," + ExportNumber(series.numerators[i]) + "," + ExportNumber(series.denominators[i]) +
             "\n";
    } else {
      out += ExportNumber(series.values[i]) + ",,\n";
    }
  }
  return out;
}

}  // namespace kaizen
