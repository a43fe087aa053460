// The results of the analysis jobs (kaizen/app_analysis.h) as data: JSON (nlohmann's dump with
// two-space indents; keys in alphabetical order, "schema_version" among them (kaizen/json.h), a
// number the job left as NaN as null) and CSV
// (RFC 4180, every digit kept: the shortest text that reads back as the same double, NaN as
// an empty field). The fields are those `kaizen <command> --format json|csv` writes
// (docs/cli.md). Pure functions returning the whole text with its final newline; thread-safe.
#ifndef KAIZEN_ANALYSIS_EXPORT_H_
#define KAIZEN_ANALYSIS_EXPORT_H_

#include <string>
#include <string_view>

#include "kaizen/app_analysis.h"
#include "kaizen/names.h"  // SideName

namespace kaizen {

// Every digit of `v` (std::to_chars, shortest round trip); "" for NaN.
std::string ExportNumber(double v);

std::string DescribeJson(const DescribeResult& result, const AnalysedValues& source);
std::string DescribeCsv(const DescribeResult& result);

std::string HistogramJson(const HistogramResult& result, const AnalysedValues& source);
std::string HistogramCsv(const HistogramResult& result);

// `cut` is the vital-few share the request asked for.
std::string ParetoJson(const ParetoOfRecordsResult& result, double cut);
std::string ParetoCsv(const ParetoResult& result);

std::string ScatterJson(const ScatterResult& result);
std::string ScatterCsv(const ScatterResult& result);

std::string RegressionJson(const RegressionResult& result);
std::string RegressionCsv(const RegressionResult& result);

std::string CapabilityJson(const CapabilityResult& result, const SpecLimits& spec,
                           const AnalysedValues& source);
std::string CapabilityCsv(const CapabilityResult& result);

// Values on the indicator's display scale (value × multiplier).
std::string FunnelJson(const FunnelJobResult& result, const Indicator& indicator,
                       const FunnelRequest& request);
std::string FunnelCsv(const FunnelJobResult& result, const Indicator& indicator);

std::string BeforeAfterJson(const BeforeAfter& result, const AnalysedSeries& series);
std::string BeforeAfterCsv(const BeforeAfter& result);

// The long-format CSV `kaizen spc` reads: indicator, organisation, period, value, numerator,
// denominator; values, or numerators and denominators when result.ratio.
std::string AggregateCsv(const AggregateResult& result, const std::string& indicator,
                         const std::string& organisation);
// The same series as JSON (`kaizen aggregate --format json`; docs/api.md, "aggregate"): indicator,
// organisation, records, rows_missing, note and points [{period, value} or {period, numerator,
// denominator}].
std::string AggregateJson(const AggregateResult& result, const std::string& indicator,
                          const std::string& organisation);

}  // namespace kaizen

#endif  // KAIZEN_ANALYSIS_EXPORT_H_
