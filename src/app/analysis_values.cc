// The jobs of one set of values (kaizen/app_analysis.h): where they come from, describe,
// histogram and capability.
#include <cmath>
#include <filesystem>
#include <utility>

#include "kaizen/app_analysis.h"

namespace kaizen {

std::vector<double> PlottedValues(const SeriesResult& result, std::vector<Date>* periods) {
  std::vector<double> values;
  for (const PointResult& pt : result.points) {
    if (pt.missing || pt.ghosted || std::isnan(pt.value)) continue;
    values.push_back(pt.value);
    if (periods) periods->push_back(pt.period);
  }
  return values;
}

AnalysedValues ValuesOfSeries(AnalysedSeries series) {
  AnalysedValues out;
  out.values = PlottedValues(series.result);
  out.title = series.indicator.name + " — " + series.series.organisation;
  out.unit = series.indicator.unit;
  out.series = std::move(series);
  return out;
}

Result<AnalysedValues> ValuesOfColumn(const RecordTable& table, const std::string& column,
                                      Diagnostics* diagnostics) {
  Result<int> index = FindRecordColumn(table, column, "--column");
  if (!index.ok()) return index.status();
  Result<std::vector<double>> values = RecordNumbers(table, *index, diagnostics);
  if (!values.ok()) return values.status();
  AnalysedValues out;
  out.values = std::move(values).value();
  out.title = column + " (" + std::filesystem::path(table.path).filename().string() + ")";
  out.unit = column;
  out.column = column;
  out.file = table.path;
  return out;
}

Result<DescribeResult> DescribeValues(const std::vector<double>& values,
                                      const DescribeRequest& request) {
  DescribeOptions options;
  options.quantile_method = request.quantile_method;
  Result<Descriptive> d = Describe(values, options);
  if (!d.ok()) return d.status();
  Result<SummaryIntervals> ci = SummaryConfidenceIntervals(values);
  if (!ci.ok()) return ci.status();
  DescribeResult out{std::move(d).value(), std::move(ci).value(), {}, {}};
  out.notes = out.description.notes;
  for (auto* test : {&AndersonDarling, &ShapiroWilk}) {
    Result<NormalityTest> t = (*test)(values);
    if (t.ok()) {
      out.normality.push_back(std::move(t).value());
    } else {
      out.notes.push_back((test == &AndersonDarling ? "Anderson-Darling" : "Shapiro-Wilk") +
                          std::string(" test not run: ") + t.status().message());
    }
  }
  return out;
}

std::vector<NamedStatistic> DescribeStatistics(const DescribeResult& r) {
  const Descriptive& d = r.description;
  const SummaryIntervals& ci = r.intervals;
  return {{"n", static_cast<double>(d.n)},
          {"missing", static_cast<double>(d.missing)},
          {"mean", d.mean},
          {"se_mean", ci.se_mean},
          {"mean_ci_lower", ci.mean.lower},
          {"mean_ci_upper", ci.mean.upper},
          {"median", d.median},
          {"median_ci_lower", ci.median.lower},
          {"median_ci_upper", ci.median.upper},
          {"sd", d.sd},
          {"sd_ci_lower", ci.sd.lower},
          {"sd_ci_upper", ci.sd.upper},
          {"variance", d.variance},
          {"min", d.min},
          {"q1", d.q1},
          {"q3", d.q3},
          {"max", d.max},
          {"range", d.range},
          {"iqr", d.iqr},
          {"cv", d.cv},
          {"skewness", d.skewness},
          {"excess_kurtosis", d.excess_kurtosis}};
}

Result<HistogramResult> HistogramOfValues(const std::vector<double>& values,
                                          const HistogramRequest& request) {
  Result<BinRule> rule = ParseBinRule(request.rule);
  Result<HistogramBins> bins = rule.ok() ? ComputeHistogramBins(values, *rule, request.width)
                                         : Result<HistogramBins>(rule.status());
  if (!bins.ok()) return bins.status();
  Result<Descriptive> d = Describe(values);
  if (!d.ok()) return d.status();
  return HistogramResult{request.rule, std::move(bins).value(), std::move(d).value()};
}

Result<CapabilityResult> CapabilityOfValues(const AnalysedValues& values,
                                            const CapabilityRequest& request) {
  CapabilityOptions options;
  // The indicator's own chart judges stability, as the control chart a reader sees.
  if (values.series) options.stability_chart = &values.series->result;
  return AnalyseCapability(values.values, request.spec, options);
}

std::vector<NamedStatistic> CapabilityStatistics(const CapabilityResult& c) {
  return {{"n", static_cast<double>(c.n)},
          {"mean", c.mean},
          {"sigma_within", c.sigma_within},
          {"sigma_overall", c.sigma_overall},
          {"cp", c.cp},
          {"cpl", c.cpl},
          {"cpu", c.cpu},
          {"cpk", c.cpk},
          {"cpk_lower", c.cpk_lower},
          {"cpk_upper", c.cpk_upper},
          {"pp", c.pp},
          {"ppl", c.ppl},
          {"ppu", c.ppu},
          {"ppk", c.ppk},
          {"ppm_below_lsl_within", c.ppm_below_within},
          {"ppm_above_usl_within", c.ppm_above_within},
          {"ppm_within", c.ppm_within},
          {"ppm_below_lsl", c.ppm_below},
          {"ppm_above_usl", c.ppm_above},
          {"ppm", c.ppm},
          {"percent_outside", c.percent_outside},
          {"z_bench", c.z_bench}};
}

}  // namespace kaizen
