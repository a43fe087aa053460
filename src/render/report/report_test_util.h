// A small hand-made report for the report tests: three series of two indicators, one of them
// an exception, one stale, with hostile text in the names and narratives.
#ifndef KAIZEN_RENDER_REPORT_REPORT_TEST_UTIL_H_
#define KAIZEN_RENDER_REPORT_REPORT_TEST_UTIL_H_

#include <memory>
#include <vector>

#include "kaizen/render.h"
#include "kaizen/summary.h"
#include "test_support.h"

namespace kaizen::render {

struct TestReport {
  std::vector<std::unique_ptr<Indicator>> indicators;
  ReportInput input;
};

inline SeriesResult TestResult(const std::string& org, VariationIcon variation,
                               AssuranceIcon assurance, int months) {
  SeriesResult r;
  r.organisation = org;
  r.chart = ChartType::kXmr;
  for (int i = 0; i < months; ++i) {
    PointResult p;
    p.period = testing::Month(i);
    p.value = 50 + (i % 3) * 4;
    p.centre = 54;
    p.lower3 = 40;
    p.upper3 = 68;
    r.points.push_back(p);
  }
  SegmentResult seg;
  seg.first = 0;
  seg.last = months - 1;
  r.segments = {seg};
  r.latest = months - 1;
  r.variation = variation;
  r.assurance = assurance;
  r.target = 60.0;
  r.summary = "Summary for " + org + ".";
  r.signals.push_back({RuleId::kShift, Side::kHigh, PointClass::kConcern, 0, 6,
                       "7 points in a row above the mean: special cause concern."});
  r.warnings.push_back({WarningCode::kMissingPeriods, "1 period missing <Feb>."});
  return r;
}

inline TestReport MakeTestReport() {
  TestReport t;
  auto a = std::make_unique<Indicator>();
  a->id = "a";
  a->reference = "A-01";
  a->domain = "Caring";
  a->name = "Aardvark <script>alert(1)</script> & \"friends\"";
  a->direction = Direction::kHigherIsBetter;
  a->refresh = "monthly";
  a->targets = {{.from = testing::Month(0), .value = 60, .set_by = "national"}};
  a->narratives = {{testing::Month(11), "Owner's <view> & plan.", "Jo Bloggs"}};
  auto b = std::make_unique<Indicator>(*a);
  b->id = "b";
  b->reference = "B-01";
  b->domain = "Safe";
  b->name = "Zebra crossings";
  const Date as_of = testing::Month(13);
  auto add = [&](const Indicator& ind, const std::string& org, VariationIcon v, AssuranceIcon s,
                 int months) {
    SeriesResult r = TestResult(org, v, s, months);
    SummaryRow row = MakeSummaryRow(ind, r, as_of);
    t.input.series.push_back({&ind, std::move(r), std::move(row)});
  };
  // Input order: a/R1 (fine), a/R2 (stale: data to June only), b/R3 (exception).
  add(*a, "R1", VariationIcon::kCommonCause, AssuranceIcon::kHitOrMiss, 12);
  add(*a, "R2", VariationIcon::kImprovementHigh, AssuranceIcon::kPass, 6);
  add(*b, "R3", VariationIcon::kConcernLow, AssuranceIcon::kFail, 12);
  t.input.title = "Board <report> & more";
  t.input.generated_on = as_of;
  t.indicators.push_back(std::move(a));
  t.indicators.push_back(std::move(b));
  return t;
}

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_REPORT_REPORT_TEST_UTIL_H_
