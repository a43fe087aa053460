// Multiple linear regression by Householder QR (kaizen/stats.h, FitLinearModel).
//
// The predictors and the response are centred on their means before the factorisation. That
// is the same model (the intercept is recovered as ȳ - Σ b_j x̄_j) but removes the intercept
// column's near-collinearity with any predictor far from zero (Longley's year, ~1950), which
// would otherwise cost several digits (Golub & Van Loan, Matrix Computations, 4th ed., 5.3.3;
// Seber & Lee, Linear Regression Analysis, 2nd ed., 11.7).
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "kaizen/stats.h"
#include "stats/distributions.h"
#include "stats/input.h"

namespace kaizen {
namespace {

// Columns whose remaining norm after removing earlier columns falls below this fraction of
// their own norm are treated as linear combinations of them: R's lm() default tolerance
// (tol = 1e-07 in lm.fit / dqrdc2).
constexpr double kRankTolerance = 1e-7;

double Mean(const std::vector<double>& v) {
  // Neumaier-compensated, as in Describe, so means of large offset data keep their digits.
  double sum = 0, c = 0;
  for (const double x : v) {
    const double t = sum + x;
    c += std::fabs(sum) >= std::fabs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  return (sum + c) / static_cast<double>(v.size());
}

// Regression, Error and Total rows: SSR = TSS - RSS on k df, RSS on n - k - 1, TSS on n - 1.
std::vector<AnovaRow> AnovaTable(double tss, double rss, std::size_t k, double df_error, double f,
                                 double f_p) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double kd = static_cast<double>(k);
  const double ssr = tss - rss;
  return {{"Regression", kd, ssr, k == 0 ? nan : ssr / kd, f, f_p},
          {"Error", df_error, rss, rss / df_error, nan, nan},
          {"Total", kd + df_error, tss, nan, nan, nan}};
}

// Leverage h_ii = 1/n + |R⁻ᵀ (x_i - x̄)|² (the hat matrix of the centred design plus the
// intercept's 1/n; Montgomery, Peck & Vining 4.2.1), standardized residuals e_i / (s √(1 - h_ii))
// and the rows Minitab flags: |r_i| > 2 ("R") or h_ii > 3p/n ("X") (Minitab 21 Help, "Fits and
// diagnostics for Fit Regression Model").
void AddDiagnostics(const std::vector<std::span<const double>>& x, const std::vector<double>& x_bar,
                    const std::vector<std::vector<double>>& r_inv, LinearModel* model) {
  const std::size_t n = model->rows.size(), k = x.size();
  const double nd = static_cast<double>(n);
  const double leverage_cut = 3 * static_cast<double>(k + 1) / nd;
  model->leverage.resize(n);
  model->standardized_residuals.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    double h = 1 / nd;
    for (std::size_t m = 0; m < k; ++m) {
      double s = 0;
      for (std::size_t j = 0; j <= m; ++j) s += r_inv[j][m] * (x[j][model->rows[i]] - x_bar[j]);
      h += s * s;
    }
    model->leverage[i] = h;
    const double e = model->residuals[i];
    const double r = h < 1 ? e / (model->residual_sd * std::sqrt(1 - h))
                           : std::numeric_limits<double>::quiet_NaN();
    model->standardized_residuals[i] = r;
    UnusualObservation u{model->rows[i],   model->fitted[i] + e, model->fitted[i], e, r, h,
                         std::fabs(r) > 2, h > leverage_cut};
    if (u.large_residual || u.high_leverage) model->unusual.push_back(u);
  }
}

}  // namespace

Result<LinearModel> FitLinearModel(std::span<const double> y,
                                   const std::vector<std::span<const double>>& x,
                                   const std::vector<std::string>& names, double confidence) {
  if (!(confidence > 0 && confidence < 1)) {
    return Status::InvalidArgument("confidence must be between 0 and 1 (exclusive)");
  }
  const std::size_t k = x.size();
  if (!names.empty() && names.size() != k) {
    return Status::InvalidArgument("got " + std::to_string(names.size()) + " names for " +
                                   std::to_string(k) + " columns");
  }
  const auto column_name = [&](std::size_t j) {
    return names.empty() ? "column " + std::to_string(j + 1) : "'" + names[j] + "'";
  };
  for (std::size_t j = 0; j < k; ++j) {
    if (x[j].size() != y.size()) {
      return Status::InvalidArgument(column_name(j) + " has " + std::to_string(x[j].size()) +
                                     " values but y has " + std::to_string(y.size()));
    }
  }

  // Complete cases.
  LinearModel model;
  model.k = k;
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (std::isinf(y[i])) return stats::InfiniteValue(i, y[i], "y");
    bool complete = !std::isnan(y[i]);
    for (std::size_t j = 0; j < k; ++j) {
      if (std::isinf(x[j][i])) return stats::InfiniteValue(i, x[j][i], column_name(j));
      complete = complete && !std::isnan(x[j][i]);
    }
    if (complete) model.rows.push_back(i);
  }
  const std::size_t n = model.rows.size();
  if (n <= k + 1) {
    return Status::FailedPrecondition("a regression on " + std::to_string(k) + " predictor" +
                                      (k == 1 ? "" : "s") + " with an intercept needs at least " +
                                      std::to_string(k + 2) + " complete rows, got " +
                                      std::to_string(n));
  }
  const double nd = static_cast<double>(n);

  // Centred design, column-major (a[j][i]), and centred response.
  std::vector<double> yc(n);
  for (std::size_t i = 0; i < n; ++i) yc[i] = y[model.rows[i]];
  const double y_bar = Mean(yc);
  for (double& v : yc) v -= y_bar;
  std::vector<std::vector<double>> a(k, std::vector<double>(n));
  std::vector<double> x_bar(k);
  std::vector<double> column_norm(k);
  for (std::size_t j = 0; j < k; ++j) {
    for (std::size_t i = 0; i < n; ++i) a[j][i] = x[j][model.rows[i]];
    x_bar[j] = Mean(a[j]);
    double ss = 0;
    for (double& v : a[j]) {
      v -= x_bar[j];
      ss += v * v;
    }
    column_norm[j] = std::sqrt(ss);
    if (column_norm[j] == 0) {
      return Status::FailedPrecondition(column_name(j) +
                                        " is constant: its effect cannot be told apart from the "
                                        "intercept");
    }
  }

  // Householder QR (Golub & Van Loan, Algorithm 5.2.1): for each column j, the reflector
  // H = I - 2 v vᵀ / (vᵀ v) zeroes a[j][j+1..n), and is applied to later columns and to y.
  std::vector<double> r_diag(k);
  std::vector<double> qty = yc;
  for (std::size_t j = 0; j < k; ++j) {
    std::vector<double>& col = a[j];
    double norm = 0;
    for (std::size_t i = j; i < n; ++i) norm += col[i] * col[i];
    norm = std::sqrt(norm);
    if (norm <= kRankTolerance * column_norm[j]) {
      return Status::FailedPrecondition(
          column_name(j) +
          " is (almost exactly) a linear combination of the columns before it: remove it or one "
          "of them");
    }
    // alpha takes the sign opposite to col[j] so that v[j] = col[j] - alpha never cancels.
    const double alpha = col[j] > 0 ? -norm : norm;
    col[j] -= alpha;  // col[j..n) is now v
    double vtv = 0;
    for (std::size_t i = j; i < n; ++i) vtv += col[i] * col[i];
    const auto reflect = [&](std::vector<double>& target) {
      double dot = 0;
      for (std::size_t i = j; i < n; ++i) dot += col[i] * target[i];
      const double f = 2 * dot / vtv;
      for (std::size_t i = j; i < n; ++i) target[i] -= f * col[i];
    };
    for (std::size_t c = j + 1; c < k; ++c) reflect(a[c]);
    reflect(qty);
    r_diag[j] = alpha;
  }
  // R is upper triangular: R(i, j) = a[j][i] for i < j, R(j, j) = r_diag[j].
  const auto r_at = [&](std::size_t i, std::size_t j) { return i == j ? r_diag[j] : a[j][i]; };

  // Back substitution R b = (Qᵀ y)[0..k).
  std::vector<double> b(k);
  for (std::size_t jj = k; jj-- > 0;) {
    double s = qty[jj];
    for (std::size_t c = jj + 1; c < k; ++c) s -= r_at(jj, c) * b[c];
    b[jj] = s / r_diag[jj];
  }

  // Residuals and fitted values from the centred model, where no large intercept cancels.
  model.fitted.resize(n);
  model.residuals.resize(n);
  double rss = 0, tss = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double fit_c = 0;
    for (std::size_t j = 0; j < k; ++j) fit_c += b[j] * (x[j][model.rows[i]] - x_bar[j]);
    const double e = yc[i] - fit_c;
    model.residuals[i] = e;
    model.fitted[i] = y[model.rows[i]] - e;
    rss += e * e;
    tss += yc[i] * yc[i];
  }
  const double df = nd - static_cast<double>(k) - 1;
  model.df_residual = df;
  const double s2 = rss / df;
  model.residual_sd = std::sqrt(s2);

  // Cov(b) = s² R⁻¹ R⁻ᵀ (Golub & Van Loan 5.3.1), from R⁻¹ by back substitution.
  std::vector<std::vector<double>> r_inv(k, std::vector<double>(k, 0.0));  // r_inv[i][j]
  for (std::size_t j = 0; j < k; ++j) {
    r_inv[j][j] = 1 / r_diag[j];
    for (std::size_t i = j; i-- > 0;) {
      double s = 0;
      for (std::size_t m = i + 1; m <= j; ++m) s += r_at(i, m) * r_inv[m][j];
      r_inv[i][j] = -s / r_diag[i];
    }
  }
  // Var(b_j) = s² Σ_m (R⁻¹)²_jm; the intercept a = ȳ - x̄ᵀb has Var = s² (1/n + |R⁻ᵀ x̄|²)
  // because ȳ and b are uncorrelated in the centred model (Seber & Lee 3.7).
  std::vector<double> w(k, 0.0);  // w = R⁻ᵀ x̄, i.e. w_m = Σ_j (R⁻¹)_jm x̄_j
  for (std::size_t m = 0; m < k; ++m) {
    for (std::size_t j = 0; j <= m; ++j) w[m] += r_inv[j][m] * x_bar[j];
  }
  double intercept = y_bar;
  for (std::size_t j = 0; j < k; ++j) intercept -= b[j] * x_bar[j];
  const double w2 = std::inner_product(w.begin(), w.end(), w.begin(), 0.0);

  const double t_crit = stats::StudentTQuantileUpper((1 - confidence) / 2, df);
  const auto coefficient = [&](std::string name, double estimate, double var_factor) {
    Coefficient c;
    c.name = std::move(name);
    c.estimate = estimate;
    c.se = std::sqrt(s2 * var_factor);
    c.t = c.estimate / c.se;
    c.p_value = stats::StudentTTwoSidedP(c.t, df);
    c.ci_lower = estimate - t_crit * c.se;
    c.ci_upper = estimate + t_crit * c.se;
    c.vif = std::numeric_limits<double>::quiet_NaN();
    return c;
  };
  model.n = n;
  model.confidence = confidence;
  model.coefficients.push_back(coefficient("(Intercept)", intercept, 1 / nd + w2));
  for (std::size_t j = 0; j < k; ++j) {
    double row_ss = 0;
    for (std::size_t m = j; m < k; ++m) row_ss += r_inv[j][m] * r_inv[j][m];
    Coefficient c =
        coefficient(names.empty() ? "x" + std::to_string(j + 1) : names[j], b[j], row_ss);
    // With centred columns, [(X_cᵀX_c)⁻¹]_jj · S_jj = 1 / (1 - R²_j), S_jj = Σ(x_ij - x̄_j)²
    // (Montgomery, Peck & Vining 9.4.1), and (X_cᵀX_c)⁻¹ = R⁻¹R⁻ᵀ, so no second regression.
    c.vif = row_ss * column_norm[j] * column_norm[j];
    model.coefficients.push_back(std::move(c));
  }
  AddDiagnostics(x, x_bar, r_inv, &model);

  // R² = 1 - RSS/TSS; adjusted R² = 1 - (1 - R²)(n - 1)/(n - k - 1); F = (SSR/k)/(RSS/df)
  // (Montgomery, Peck & Vining 3.3).
  model.r_squared = tss == 0 ? std::numeric_limits<double>::quiet_NaN() : 1 - rss / tss;
  model.adjusted_r_squared = 1 - (1 - model.r_squared) * (nd - 1) / df;
  if (k == 0) {
    model.f_statistic = model.f_p_value = std::numeric_limits<double>::quiet_NaN();
  } else {
    model.f_statistic = ((tss - rss) / static_cast<double>(k)) / s2;
    model.f_p_value = stats::FSf(model.f_statistic, static_cast<double>(k), df);
  }
  model.anova = AnovaTable(tss, rss, k, df, model.f_statistic, model.f_p_value);
  return model;
}

}  // namespace kaizen
