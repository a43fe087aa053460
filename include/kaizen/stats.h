// Statistics beyond control charts: descriptive statistics, normality tests, correlation and
// least-squares regression.
//
// Every function here is pure computation (architecture.md): it reads the caller's spans, owns
// nothing after it returns, does no I/O and keeps no state, so any function may be called from
// any number of threads at once. Inputs are columns of doubles; NaN (kMissing) marks a missing
// value. ±infinity is never a measurement, so it is rejected with InvalidArgument naming its
// position (counting from 1). No exception leaves these functions; failures are Status values
// whose messages are written for the person who supplied the data.
//
// Every formula and its source is listed in docs/formulas.md, "Statistics".
#ifndef KAIZEN_STATS_H_
#define KAIZEN_STATS_H_

#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "kaizen/status.h"

namespace kaizen {

// ---- Descriptive statistics -----------------------------------------------------------------

// The sample quantile definitions of Hyndman & Fan (1996), "Sample quantiles in statistical
// packages", The American Statistician 50(4), 361-365; numbered as there and in R's
// quantile(type = ...). Type 7 is R's and Excel's PERCENTILE.INC default; type 6 is Minitab's
// and SPSS's; type 8 is Hyndman & Fan's recommendation.
enum class QuantileMethod {
  kType1 = 1,  // inverse of the empirical cdf
  kType2 = 2,  // inverse of the empirical cdf, averaging at discontinuities (SAS default)
  kType3 = 3,  // nearest even order statistic
  kType4 = 4,  // linear interpolation of the empirical cdf, p(k) = k / n
  kType5 = 5,  // p(k) = (k - 0.5) / n
  kType6 = 6,  // p(k) = k / (n + 1) (Minitab, SPSS)
  kType7 = 7,  // p(k) = (k - 1) / (n - 1) (R default, Excel PERCENTILE.INC)
  kType8 = 8,  // p(k) = (k - 1/3) / (n + 1/3), approximately median-unbiased
  kType9 = 9,  // p(k) = (k - 3/8) / (n + 1/4), approximately unbiased for normal data
};

// A one-line description of the definition, e.g. "Hyndman & Fan type 7 (R default, Excel
// PERCENTILE.INC)", for showing beside the quartiles.
std::string QuantileMethodName(QuantileMethod method);

struct DescribeOptions {
  QuantileMethod quantile_method = QuantileMethod::kType7;
  // Extra percentiles to report, in percent (0 to 100), e.g. {5, 95}.
  std::vector<double> percentiles;
  // Modes need every value in order (a full sort of a copy); with this off, the order
  // statistics come from selection alone (nth_element), which is several times faster on
  // millions of values.
  bool find_modes = true;
};

struct Percentile {
  double percent = 0;  // as requested, 0 to 100
  double value = 0;
};

// The summary of one column. A statistic that is undefined for these data (the standard
// deviation of one value, the skewness of values that are all equal) is NaN, and `notes` says
// why in plain English.
struct Descriptive {
  std::size_t n = 0;        // values used (not missing)
  std::size_t missing = 0;  // NaN values skipped
  double mean = 0;
  double median = 0;
  // The most frequent values, ascending. Empty when every value is distinct ("no mode");
  // several when they are tied for most frequent. Empty too when find_modes was off.
  std::vector<double> modes;
  std::size_t mode_count = 0;  // how often each mode occurs (0 when there is no mode)
  std::string mode_reading;    // e.g. "no mode: every value occurs once"
  double sd = 0;               // sample standard deviation, divisor n - 1
  double variance = 0;         // sample variance, divisor n - 1
  double min = 0;
  double max = 0;
  double range = 0;
  double q1 = 0;   // 25th percentile
  double q3 = 0;   // 75th percentile
  double iqr = 0;  // q3 - q1
  QuantileMethod quantile_method = QuantileMethod::kType7;
  std::string quantile_method_name;  // QuantileMethodName(quantile_method)
  std::vector<Percentile> percentiles;
  double cv = 0;  // coefficient of variation sd / mean (NaN when the mean is 0)
  // Adjusted Fisher–Pearson skewness G1 (Excel SKEW, SAS, Minitab); needs n >= 3.
  double skewness = 0;
  std::string skewness_reading;
  // Excess kurtosis G2 (Excel KURT, SAS, Minitab), 0 for a normal distribution; needs n >= 4.
  double excess_kurtosis = 0;
  std::string kurtosis_reading;
  std::vector<std::string> notes;
};

// Summarises `values`. NaN values are counted in `missing` and otherwise ignored. With no
// values left every statistic is NaN and `notes` says so. Fails with InvalidArgument when a
// value is ±infinity or a requested percentile is outside [0, 100].
Result<Descriptive> Describe(std::span<const double> values, const DescribeOptions& options = {});

// The p-th sample quantile (0 <= p <= 1) of the non-missing values. Fails with InvalidArgument
// for p outside [0, 1] or an infinite value, and FailedPrecondition when no value is present.
Result<double> Quantile(std::span<const double> values, double p,
                        QuantileMethod method = QuantileMethod::kType7);

// The five numbers of a Tukey box plot (Tukey, Exploratory Data Analysis, 1977, ch. 2): the box
// from Q1 to Q3 with the median across it (type-7 quartiles, R's default), whiskers to the
// furthest values within 1.5 · IQR of the box, and every value beyond those fences an outlier.
struct BoxStats {
  std::size_t n = 0;  // the finite values summarised
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  double q1 = kNone, median = kNone, q3 = kNone;
  double low = kNone, high = kNone;  // the whisker ends: the extreme values inside the fences
  std::vector<double> outliers;      // ascending
};
// The box-plot statistics of the finite values of `values`. Unlike the functions above it never
// fails: NaN and ±infinity are left out (a chart shows what it can), and with no finite value
// n is 0 and every statistic NaN.
BoxStats ComputeBoxStats(std::span<const double> values);

// Confidence intervals that sit beside the summary, as Minitab's Graphical Summary reports
// them (docs/formulas.md, "Confidence intervals of the summary").
struct Interval {
  double lower = 0;
  double upper = 0;
};

struct SummaryIntervals {
  std::size_t n = 0;         // values used (not missing)
  double confidence = 0.95;  // as requested
  double se_mean = 0;        // s / sqrt(n)
  Interval mean;             // x̄ ± t(1 - α/2, n - 1) s / sqrt(n)
  // Distribution-free interval from the order statistics, interpolated as Hettmansperger &
  // Sheather (1986), the method of Minitab's Graphical Summary. NaN when n < 2 or when even the
  // widest interval (minimum to maximum) falls short of `confidence` (the bounds are then the
  // minimum and maximum and median_achieved says what they cover).
  Interval median;
  double median_achieved = 0;  // the coverage of the interpolated interval
  // sqrt((n - 1) s² / χ²): chi-square quantiles at 1 - α/2 and α/2; assumes normal data.
  Interval sd;
};

// The intervals above for the non-missing values. Statistics that need two values (every one
// here) are NaN for fewer. Fails with InvalidArgument for confidence outside (0, 1) or an
// infinite value.
Result<SummaryIntervals> SummaryConfidenceIntervals(std::span<const double> values,
                                                    double confidence = 0.95);

// Normal scores for a normal probability plot: for each value Φ⁻¹((r − 0.3) / (n + 0.4)), r its
// rank among the n non-missing values (ties take consecutive ranks in input order): Benard's
// median ranks, the plotting positions of Minitab's normal probability plot. A missing value's
// score is NaN; with no values the result is all NaN.
std::vector<double> NormalScores(std::span<const double> values);

// ---- Normality tests ------------------------------------------------------------------------

struct NormalityTest {
  std::string method;    // "Anderson-Darling" or "Shapiro-Wilk"
  std::size_t n = 0;     // values used (missing values are dropped)
  double statistic = 0;  // A² (unadjusted, as R's nortest::ad.test prints) or W
  double adjusted = 0;   // A*² = A²(1 + 0.75/n + 2.25/n²); NaN for Shapiro-Wilk
  double p_value = 0;
  // e.g. "no evidence against normality (p = 0.12)", or "strong evidence the data are not
  // normal (p = 0.001)".
  std::string reading;
};

// Anderson–Darling test of the composite hypothesis of normality (mean and sd estimated), as R's
// nortest::ad.test. Needs at least 8 non-missing values (FailedPrecondition otherwise) and values
// that are not all equal (FailedPrecondition); infinity is InvalidArgument.
Result<NormalityTest> AndersonDarling(std::span<const double> values);

// Shapiro–Wilk W test, Royston (1995) algorithm AS R94, as R's shapiro.test. Needs 3 to 5000
// non-missing values that are not all equal (FailedPrecondition otherwise).
Result<NormalityTest> ShapiroWilk(std::span<const double> values);

// ---- Correlation and simple regression --------------------------------------------------
//
// Pairs where either value is missing are dropped ("complete cases", as R's cor.test does); the
// two spans must have equal length (InvalidArgument otherwise).

struct Correlation {
  std::size_t n = 0;   // complete pairs used
  double r = 0;        // Pearson r or Spearman rho
  double t = 0;        // r sqrt((n - 2) / (1 - r²)), on n - 2 degrees of freedom
  double p_value = 0;  // two-sided
  // Fisher-z confidence interval for Pearson's r (NaN for Spearman, and when n <= 3).
  double ci_lower = 0;
  double ci_upper = 0;
  double confidence = 0.95;
  std::string reading;  // e.g. "strong negative correlation (r = -0.87, p < 0.001)"
};

// Pearson's product-moment correlation, as R's cor.test(method = "pearson"). Needs at least 3
// complete pairs and neither column constant (FailedPrecondition). `confidence` in (0, 1).
Result<Correlation> Pearson(std::span<const double> x, std::span<const double> y,
                            double confidence = 0.95);

// Spearman's rank correlation (ties get their average rank) with the t-approximation p-value,
// as R's cor.test(method = "spearman", exact = FALSE). Needs at least 3 complete pairs and
// neither column constant (FailedPrecondition).
Result<Correlation> Spearman(std::span<const double> x, std::span<const double> y);

// The confidence band of the mean response at one x.
struct BandPoint {
  double x = 0;
  double fit = 0;    // a + b x
  double lower = 0;  // fit - t s sqrt(1/n + (x - x̄)² / Sxx)
  double upper = 0;
};

struct SimpleRegression {
  std::size_t n = 0;
  double intercept = 0;
  double slope = 0;
  double intercept_se = 0;
  double slope_se = 0;
  double slope_t = 0;
  double slope_p = 0;      // two-sided, H0: slope = 0
  double residual_sd = 0;  // on n - 2 degrees of freedom
  double r_squared = 0;
  double confidence = 0.95;
  std::vector<BandPoint> band;  // one per requested x, in the order given
};

// Least-squares line y = a + b x over complete pairs, with the confidence band of the mean
// response at each of `band_x`. Needs at least 3 complete pairs and x not constant
// (FailedPrecondition); `confidence` in (0, 1) and finite band_x (InvalidArgument).
Result<SimpleRegression> FitLine(std::span<const double> x, std::span<const double> y,
                                 std::span<const double> band_x = {}, double confidence = 0.95);

// ---- Multiple linear regression -----------------------------------------------------------

struct Coefficient {
  std::string name;  // "(Intercept)" or the caller's column name
  double estimate = 0;
  double se = 0;
  double t = 0;
  double p_value = 0;  // two-sided, on n - k - 1 degrees of freedom
  // estimate ± t(1 - α/2, n - k - 1) se at LinearModel::confidence (Montgomery, Peck & Vining,
  // Introduction to Linear Regression Analysis, 5th ed., 3.4.1).
  double ci_lower = 0;
  double ci_upper = 0;
  // Variance inflation factor 1 / (1 - R²_j), R²_j from regressing this predictor on the others
  // (Montgomery, Peck & Vining 9.4.1); 1 with one predictor, NaN for the intercept.
  double vif = 0;
};

// One row of the analysis of variance table (Montgomery, Peck & Vining 3.3.1, Table 3.5).
struct AnovaRow {
  std::string source;  // "Regression", "Error" or "Total"
  double df = 0;
  double ss = 0;
  double ms = 0;       // ss / df; NaN for Total, as Minitab leaves it blank
  double f = 0;        // MS regression / MS error; NaN on the Error and Total rows
  double p_value = 0;  // upper tail of F(k, n - k - 1); NaN on the Error and Total rows
};

// A row Minitab lists under "Fits and Diagnostics for Unusual Observations".
struct UnusualObservation {
  std::size_t row = 0;  // the input row index (from 0)
  double y = 0, fit = 0, residual = 0, standardized_residual = 0, leverage = 0;
  bool large_residual = false;  // |standardized residual| > 2: Minitab's "R"
  bool high_leverage = false;   // leverage > 3 p / n, p = k + 1: Minitab's "X"
};

struct LinearModel {
  std::size_t n = 0;                      // rows used (complete cases)
  std::size_t k = 0;                      // predictors, excluding the intercept
  std::vector<Coefficient> coefficients;  // intercept first, then the columns in order
  double residual_sd = 0;                 // sqrt(RSS / (n - k - 1))
  double df_residual = 0;                 // n - k - 1
  double r_squared = 0;
  double adjusted_r_squared = 0;
  double f_statistic = 0;  // (regression SS / k) / (RSS / (n - k - 1)); NaN when k = 0
  double f_p_value = 0;
  double confidence = 0.95;     // of the coefficient intervals
  std::vector<AnovaRow> anova;  // Regression, Error, Total
  // Per row used (rows with a missing value are skipped), in input order.
  std::vector<double> fitted;
  std::vector<double> residuals;
  std::vector<std::size_t> rows;  // the input row index (from 0) of each fitted value
  // Hat values h_ii and standardized residuals e_i / (s sqrt(1 - h_ii)) (Minitab's "Std
  // Resid"; Montgomery, Peck & Vining 4.2.1), per row used; NaN where h_ii = 1.
  std::vector<double> leverage;
  std::vector<double> standardized_residuals;
  std::vector<UnusualObservation> unusual;  // in input order
};

// Least squares of y on the columns of `x` with an intercept, by Householder QR (Golub & Van
// Loan), never the normal equations, so ill-conditioned designs such as Longley's keep their
// digits. `x` holds k columns each as long as y; `names` is empty or has k names. Rows with a
// missing value in y or any column are dropped. Fails with InvalidArgument on mismatched
// lengths or infinity, and FailedPrecondition when n <= k + 1 or a column is (numerically) a
// linear combination of the others (the message names it).
// `confidence` (in (0, 1), InvalidArgument otherwise) sets the coefficient intervals.
Result<LinearModel> FitLinearModel(std::span<const double> y,
                                   const std::vector<std::span<const double>>& x,
                                   const std::vector<std::string>& names = {},
                                   double confidence = 0.95);

}  // namespace kaizen

#endif  // KAIZEN_STATS_H_
