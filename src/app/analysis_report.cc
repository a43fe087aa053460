// The analysis report job (kaizen/app_analysis.h): the Measure and Analyse steps of one series
// gathered for RenderAnalysisHtml.
#include <utility>

#include "kaizen/app_analysis.h"

namespace kaizen {
namespace {

// The same points as a run chart (plotted values, median centre line, the runs rules only).
Result<SeriesResult> RunChartOf(const AnalysedSeries& s) {
  Indicator run = s.indicator;
  run.chart = ChartType::kRun;
  run.multiplier = 1;
  Series run_series;
  run_series.indicator_id = s.series.indicator_id;
  run_series.organisation = s.series.organisation;
  for (const PointResult& pt : s.result.points) run_series.Add({pt.period, pt.value});
  return AnalyseSeries(run, run_series);
}

// The description, its intervals and the normality tests; a test that cannot run is a note.
Status DescribeForReport(AnalysisReportInput* report) {
  Result<Descriptive> d = Describe(report->values);
  if (!d.ok()) return d.status();
  report->description = std::move(d).value();
  if (Result<SummaryIntervals> ci = SummaryConfidenceIntervals(report->values); ci.ok())
    report->intervals = std::move(ci).value();
  if (Result<NormalityTest> t = AndersonDarling(report->values); t.ok()) {
    report->anderson_darling = std::move(t).value();
  } else {
    report->notes.push_back("Anderson-Darling test not run: " + t.status().message());
  }
  if (Result<NormalityTest> t = ShapiroWilk(report->values); t.ok()) {
    report->shapiro_wilk = std::move(t).value();
  } else {
    report->notes.push_back("Shapiro-Wilk test not run: " + t.status().message());
  }
  return Status::Ok();
}

}  // namespace

Result<AnalysisReportInput> BuildAnalysisReport(const AnalysedSeries& s,
                                                const AnalysisReportRequest& request,
                                                std::string* failed_step) {
  AnalysisReportInput report;
  report.title = request.title;
  report.indicator = &s.indicator;
  report.organisation = s.series.organisation;
  report.generated_on = request.generated_on;
  report.palette = request.palette;
  report.control = s.result;
  *failed_step = "run chart";
  Result<SeriesResult> run = RunChartOf(s);
  if (!run.ok()) return run.status();
  report.run = std::move(run).value();
  report.values = PlottedValues(s.result);
  *failed_step = "describe";
  if (Status st = DescribeForReport(&report); !st.ok()) return st;
  if (request.change) {
    *failed_step = "change";
    Result<BeforeAfter> ba = CompareAroundChange(s, {.change = *request.change});
    if (!ba.ok()) return ba.status();
    report.before_after = std::move(ba).value();
  }
  if (request.spec) {
    *failed_step = "capability";
    report.spec = *request.spec;
    CapabilityOptions options;
    options.stability_chart = &s.result;  // the indicator's own chart, as `kaizen capability`
    Result<CapabilityResult> c = AnalyseCapability(report.values, report.spec, options);
    if (!c.ok()) return c.status();
    report.capability = std::move(c).value();
  }
  failed_step->clear();
  return report;
}

}  // namespace kaizen
