// The analysis report: one self-contained HTML page with the Measure and Analyse steps for one
// measure (DMAIC): its description (statistics and plain readings, normality tests), its
// distribution (histogram and box plot), its run chart and control chart, and, when asked, a
// before/after comparison around a change date and its process capability.
//
// The caller computes (stats, hypothesis, capability, spc); this module only lays the results
// out, drawing the charts with render.h and analysis_render.h. The page makes no request at
// all (inline CSS and SVG, no links out), so it can be emailed and archived. Pure function: no
// I/O, no clock (the date is the caller's). The input is read only; nothing is kept.
#ifndef KAIZEN_ANALYSIS_REPORT_H_
#define KAIZEN_ANALYSIS_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kaizen/capability.h"
#include "kaizen/date.h"
#include "kaizen/hypothesis.h"
#include "kaizen/model.h"
#include "kaizen/pareto.h"
#include "kaizen/render.h"
#include "kaizen/spc.h"
#include "kaizen/stats.h"

namespace kaizen {

// Before and after a change: the classical tests beside the SPC reading of the same points.
// A test that could not be run (too few points, no numerators) is absent and its note says why.
struct BeforeAfter {
  Date change_date;  // the first day of "after"
  int64_t n_before = 0, n_after = 0;
  std::optional<WelchTest> welch;
  std::optional<MannWhitneyTest> mann_whitney;
  std::optional<ProportionComparison> proportions;  // numerator/denominator data only
  std::vector<std::string> notes;
  // The series analysed under the indicator's profile with a rebase at the change date.
  SeriesResult rebased;
  double centre_before = kMissing, centre_after = kMissing;  // of the rebased segments
  // The limits the points from the change date are judged against: those of the points before
  // it only (the segment in force just before the change, its baseline ending the day before),
  // whatever rebases the catalogue holds at or after the change, so the verdict is the same
  // with or without a catalogue rebase at the change date (docs/cli.md, "compare").
  SeriesResult judged;              // the series analysed that way
  Date limits_from;                 // first period of the segment whose limits are used
  int32_t limits_points = 0;        // points before the change that estimated them
  double limits_centre = kMissing;  // its centre line
  double limits_lower = kMissing, limits_upper = kMissing;  // 3-sigma limits (NaN: none)
  std::vector<Date> ignored_rebases;  // catalogue rebases at or after the change, not used
  std::string limits_sentence;        // the above in words, for the table and the report
  // Whether the points from the change date show a shift signal (a run on one side of the
  // centre) against those limits, and on which side.
  bool shift_after = false;
  Side shift_side = Side::kNone;
  PointClass shift_class = PointClass::kCommonCause;
  std::string spc_verdict;  // one plain sentence
};

struct AnalysisReportInput {
  std::string title;                     // default: the indicator's name and organisation
  const Indicator* indicator = nullptr;  // not owned; outlives the call
  std::string organisation;
  Date generated_on;  // supplied by the caller
  Palette palette = Palette::kMdc;
  SeriesResult control;        // the series under the indicator's own chart
  SeriesResult run;            // the same series as a run chart
  std::vector<double> values;  // the plotted values that were described (missing skipped)
  Descriptive description;
  // The SE of the mean and the 95 % intervals for the mean, median and sd (issue 8); absent:
  // not shown.
  std::optional<SummaryIntervals> intervals;
  std::optional<NormalityTest> anderson_darling, shapiro_wilk;
  std::vector<std::string> notes;  // e.g. why a normality test is absent
  std::optional<BeforeAfter> before_after;
  std::optional<CapabilityResult> capability;
  SpecLimits spec;
  // Causes or categories behind the measure (Analyse step), when the analyst supplies records.
  std::optional<ParetoResult> pareto;
  std::string pareto_label;  // what the categories are, e.g. "harm category"
  double pareto_cut = 0.8;
};

// The report as one HTML5 document (XHTML-compatible markup; every text escaped).
std::string RenderAnalysisHtml(const AnalysisReportInput& input);

}  // namespace kaizen

#endif  // KAIZEN_ANALYSIS_REPORT_H_
