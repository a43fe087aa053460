// Before/after comparisons: did the change make a difference? (DMAIC Analyse and Improve.)
//
// Two samples of a measurement (Welch's t-test, Mann–Whitney U) or two proportions (2×2
// chi-square with and without Yates, Fisher's exact test, risk difference, odds ratios).
// Every result carries `sentence`: what the test can and cannot say, in plain English, for
// people who will not read a p-value table. Results reproduce R 4.x (t.test, wilcox.test with
// exact = FALSE and correct = TRUE, chisq.test, fisher.test); docs/formulas.md, "Hypothesis
// tests", gives every formula and its source.
//
// Pure computation: no I/O. Results are plain values. NaN values are missing and skipped;
// an infinite value is InvalidArgument naming its position.
#ifndef KAIZEN_HYPOTHESIS_H_
#define KAIZEN_HYPOTHESIS_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kaizen/status.h"

namespace kaizen {

struct WelchTest {
  int64_t n1 = 0, n2 = 0;  // values used (missing skipped)
  double mean1 = 0, mean2 = 0, sd1 = 0, sd2 = 0;
  double t = 0, df = 0, p_value = 0;              // two-sided, Welch–Satterthwaite df
  double mean_difference = 0;                     // mean1 − mean2
  double ci_lower = 0, ci_upper = 0;              // of the difference, at `confidence`
  double cohens_d = 0;                            // difference / pooled sd
  double hedges_g = 0, g_lower = 0, g_upper = 0;  // small-sample corrected d, normal CI
  double confidence = 0.95;
  std::string sentence;
};

// Welch's unequal-variances t-test of x (e.g. before) against y (after), as R's t.test(x, y).
// Returns FailedPrecondition when a group has fewer than 2 values or both are constant (no
// variation: the t statistic is undefined); InvalidArgument for infinity or a confidence
// outside (0, 1).
Result<WelchTest> WelchTTest(std::span<const double> x, std::span<const double> y,
                             double confidence = 0.95);

struct MannWhitneyTest {
  int64_t n1 = 0, n2 = 0;
  double w = 0;         // R's W: the Mann–Whitney U of x (rank sum of x − n1(n1 + 1)/2)
  double z = 0;         // with tie and continuity correction
  double p_value = 0;   // two-sided, normal approximation
  double effect_r = 0;  // z / √(n1 + n2)
  // Hodges–Lehmann shift: median of all x − y differences, with its distribution-free
  // interval. NaN when n1·n2 exceeds 10⁷ differences (too many to hold).
  double hl_shift = 0, hl_lower = 0, hl_upper = 0;
  double confidence = 0.95;
  std::string sentence;
};

// Mann–Whitney U (Wilcoxon rank-sum) test, as R's wilcox.test(x, y, exact = FALSE,
// correct = TRUE). FailedPrecondition when a group is empty or every value is equal (no
// ranks to compare).
Result<MannWhitneyTest> MannWhitney(std::span<const double> x, std::span<const double> y,
                                    double confidence = 0.95);

struct ProportionComparison {
  double x1 = 0, n1 = 0, x2 = 0, n2 = 0;  // group 1 (e.g. before) and group 2 (after)
  double p1 = 0, p2 = 0;
  double risk_difference = 0;         // p1 − p2
  double rd_lower = 0, rd_upper = 0;  // Newcombe (1998) hybrid score interval (method 10)
  double p1_lower = 0, p1_upper = 0, p2_lower = 0, p2_upper = 0;  // Wilson intervals
  // Sample odds ratio (x1/(n1 − x1)) / (x2/(n2 − x2)) with Woolf's logit interval; NaN
  // interval (and 0 or inf ratio) when a cell is zero.
  double odds_ratio = 0, or_lower = 0, or_upper = 0;
  // Conditional maximum-likelihood odds ratio and its exact interval, as fisher.test prints.
  double conditional_or = 0, conditional_or_lower = 0, conditional_or_upper = 0;
  double chi_square = 0, chi_square_p = 0;              // Pearson, df 1
  double chi_square_yates = 0, chi_square_yates_p = 0;  // with Yates' continuity correction
  double fisher_p = 0;                                  // two-sided
  double min_expected = 0;  // smallest expected count; below 5 the chi-square is doubtful
  double confidence = 0.95;
  std::string sentence;
};

// Compares x1 successes out of n1 with x2 out of n2 (the 2×2 table [x1, n1 − x1; x2, n2 − x2]).
// Returns InvalidArgument for counts that are negative, fractional, infinite or NaN, or
// x > n; FailedPrecondition when a group is empty or a table margin is zero (nothing to test).
Result<ProportionComparison> CompareProportions(double x1, double n1, double x2, double n2,
                                                double confidence = 0.95);

}  // namespace kaizen

#endif  // KAIZEN_HYPOTHESIS_H_
