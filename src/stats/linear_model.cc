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

// How a column is named in a message: by the caller's name, else by its position from 1.
std::string ColumnName(const std::vector<std::string>& names, std::size_t j) {
  return names.empty() ? "column " + std::to_string(j + 1) : "'" + names[j] + "'";
}

// The checks that need no arithmetic: a confidence in (0, 1), one name per column (or none),
// and every column as long as y.
Status CheckShapes(std::span<const double> y, const std::vector<std::span<const double>>& x,
                   const std::vector<std::string>& names, double confidence) {
  if (!(confidence > 0 && confidence < 1)) {
    return Status::InvalidArgument("confidence must be between 0 and 1 (exclusive)");
  }
  const std::size_t k = x.size();
  if (!names.empty() && names.size() != k) {
    return Status::InvalidArgument("got " + std::to_string(names.size()) + " names for " +
                                   std::to_string(k) + " columns");
  }
  for (std::size_t j = 0; j < k; ++j) {
    if (x[j].size() != y.size()) {
      return Status::InvalidArgument(ColumnName(names, j) + " has " + std::to_string(x[j].size()) +
                                     " values but y has " + std::to_string(y.size()));
    }
  }
  return Status::Ok();
}

// The rows with no missing value in y or any column go to model->rows; infinity anywhere
// fails, since it is an error in the data rather than a gap.
Status FindCompleteRows(std::span<const double> y, const std::vector<std::span<const double>>& x,
                        const std::vector<std::string>& names, LinearModel* model) {
  const std::size_t k = x.size();
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (std::isinf(y[i])) return stats::InfiniteValue(i, y[i], "y");
    bool complete = !std::isnan(y[i]);
    for (std::size_t j = 0; j < k; ++j) {
      if (std::isinf(x[j][i])) return stats::InfiniteValue(i, x[j][i], ColumnName(names, j));
      complete = complete && !std::isnan(x[j][i]);
    }
    if (complete) model->rows.push_back(i);
  }
  const std::size_t n = model->rows.size();
  if (n <= k + 1) {
    return Status::FailedPrecondition("a regression on " + std::to_string(k) + " predictor" +
                                      (k == 1 ? "" : "s") + " with an intercept needs at least " +
                                      std::to_string(k + 2) + " complete rows, got " +
                                      std::to_string(n));
  }
  return Status::Ok();
}

// The complete rows centred on their means: a[j][i] (column-major) and yc[i]. The Householder
// pass overwrites `a` with R above its diagonal and the reflectors below it.
struct CentredDesign {
  std::vector<double> yc;
  double y_bar = 0;
  std::vector<std::vector<double>> a;
  std::vector<double> x_bar;
  std::vector<double> column_norm;  // of each centred column, before any reflection
};

// Fails on a constant column: centred, it is all zeros, indistinguishable from the intercept.
Result<CentredDesign> CentreDesign(std::span<const double> y,
                                   const std::vector<std::span<const double>>& x,
                                   const std::vector<std::string>& names,
                                   const std::vector<std::size_t>& rows) {
  const std::size_t n = rows.size(), k = x.size();
  CentredDesign d;
  d.yc.resize(n);
  for (std::size_t i = 0; i < n; ++i) d.yc[i] = y[rows[i]];
  d.y_bar = Mean(d.yc);
  for (double& v : d.yc) v -= d.y_bar;
  d.a.assign(k, std::vector<double>(n));
  d.x_bar.resize(k);
  d.column_norm.resize(k);
  for (std::size_t j = 0; j < k; ++j) {
    for (std::size_t i = 0; i < n; ++i) d.a[j][i] = x[j][rows[i]];
    d.x_bar[j] = Mean(d.a[j]);
    double ss = 0;
    for (double& v : d.a[j]) {
      v -= d.x_bar[j];
      ss += v * v;
    }
    d.column_norm[j] = std::sqrt(ss);
    if (d.column_norm[j] == 0) {
      return Status::FailedPrecondition(ColumnName(names, j) +
                                        " is constant: its effect cannot be told apart from the "
                                        "intercept");
    }
  }
  return d;
}

// R of the QR factorisation, upper triangular: R(i, j) = a[j][i] for i < j, R(j, j) = diag[j].
struct TriangularR {
  const std::vector<std::vector<double>>& a;
  std::vector<double> diag;
  double operator()(std::size_t i, std::size_t j) const { return i == j ? diag[j] : a[j][i]; }
};

// Householder QR (Golub & Van Loan, Algorithm 5.2.1): for each column j, the reflector
// H = I - 2 v vᵀ / (vᵀ v) zeroes a[j][j+1..n), and is applied to later columns and to *qty,
// which starts as the centred y and ends as Qᵀ y. Returns R's diagonal; fails on a column
// that is numerically a combination of the ones before it.
Result<std::vector<double>> Householder(CentredDesign& d, const std::vector<std::string>& names,
                                        std::vector<double>* qty) {
  const std::size_t k = d.a.size(), n = d.yc.size();
  std::vector<double> r_diag(k);
  for (std::size_t j = 0; j < k; ++j) {
    std::vector<double>& col = d.a[j];
    double norm = 0;
    for (std::size_t i = j; i < n; ++i) norm += col[i] * col[i];
    norm = std::sqrt(norm);
    if (norm <= kRankTolerance * d.column_norm[j]) {
      return Status::FailedPrecondition(
          ColumnName(names, j) +
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
    for (std::size_t c = j + 1; c < k; ++c) reflect(d.a[c]);
    reflect(*qty);
    r_diag[j] = alpha;
  }
  return r_diag;
}

// Back substitution R b = (Qᵀ y)[0..k).
std::vector<double> SolveUpper(const TriangularR& r, const std::vector<double>& qty) {
  const std::size_t k = r.diag.size();
  std::vector<double> b(k);
  for (std::size_t jj = k; jj-- > 0;) {
    double s = qty[jj];
    for (std::size_t c = jj + 1; c < k; ++c) s -= r(jj, c) * b[c];
    b[jj] = s / r.diag[jj];
  }
  return b;
}

struct SumsOfSquares {
  double rss = 0;  // residual
  double tss = 0;  // total, about ȳ
};

// Residuals and fitted values from the centred model, where no large intercept cancels.
SumsOfSquares AddFit(std::span<const double> y, const std::vector<std::span<const double>>& x,
                     const CentredDesign& d, const std::vector<double>& b, LinearModel* model) {
  const std::size_t n = model->rows.size(), k = x.size();
  model->fitted.resize(n);
  model->residuals.resize(n);
  SumsOfSquares ss;
  for (std::size_t i = 0; i < n; ++i) {
    double fit_c = 0;
    for (std::size_t j = 0; j < k; ++j) fit_c += b[j] * (x[j][model->rows[i]] - d.x_bar[j]);
    const double e = d.yc[i] - fit_c;
    model->residuals[i] = e;
    model->fitted[i] = y[model->rows[i]] - e;
    ss.rss += e * e;
    ss.tss += d.yc[i] * d.yc[i];
  }
  return ss;
}

// R⁻¹ by back substitution, column by column (r_inv[i][j]), for Cov(b) = s² R⁻¹ R⁻ᵀ
// (Golub & Van Loan 5.3.1) and the leverages.
std::vector<std::vector<double>> InvertUpper(const TriangularR& r) {
  const std::size_t k = r.diag.size();
  std::vector<std::vector<double>> r_inv(k, std::vector<double>(k, 0.0));
  for (std::size_t j = 0; j < k; ++j) {
    r_inv[j][j] = 1 / r.diag[j];
    for (std::size_t i = j; i-- > 0;) {
      double s = 0;
      for (std::size_t m = i + 1; m <= j; ++m) s += r(i, m) * r_inv[m][j];
      r_inv[i][j] = -s / r.diag[i];
    }
  }
  return r_inv;
}

// The intercept and the slopes with their standard errors, t, p, intervals and (slopes only)
// VIFs, into model->coefficients. s2 is the residual mean square.
void AddCoefficients(const CentredDesign& d, const std::vector<double>& b,
                     const std::vector<std::vector<double>>& r_inv,
                     const std::vector<std::string>& names, double s2, LinearModel* model) {
  const std::size_t k = b.size();
  const double nd = static_cast<double>(model->n), df = model->df_residual;
  // Var(b_j) = s² Σ_m (R⁻¹)²_jm; the intercept a = ȳ - x̄ᵀb has Var = s² (1/n + |R⁻ᵀ x̄|²)
  // because ȳ and b are uncorrelated in the centred model (Seber & Lee 3.7).
  std::vector<double> w(k, 0.0);  // w = R⁻ᵀ x̄, i.e. w_m = Σ_j (R⁻¹)_jm x̄_j
  for (std::size_t m = 0; m < k; ++m) {
    for (std::size_t j = 0; j <= m; ++j) w[m] += r_inv[j][m] * d.x_bar[j];
  }
  double intercept = d.y_bar;
  for (std::size_t j = 0; j < k; ++j) intercept -= b[j] * d.x_bar[j];
  const double w2 = std::inner_product(w.begin(), w.end(), w.begin(), 0.0);

  const double t_crit = stats::StudentTQuantileUpper((1 - model->confidence) / 2, df);
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
  model->coefficients.push_back(coefficient("(Intercept)", intercept, 1 / nd + w2));
  for (std::size_t j = 0; j < k; ++j) {
    double row_ss = 0;
    for (std::size_t m = j; m < k; ++m) row_ss += r_inv[j][m] * r_inv[j][m];
    Coefficient c =
        coefficient(names.empty() ? "x" + std::to_string(j + 1) : names[j], b[j], row_ss);
    // With centred columns, [(X_cᵀX_c)⁻¹]_jj · S_jj = 1 / (1 - R²_j), S_jj = Σ(x_ij - x̄_j)²
    // (Montgomery, Peck & Vining 9.4.1), and (X_cᵀX_c)⁻¹ = R⁻¹R⁻ᵀ, so no second regression.
    c.vif = row_ss * d.column_norm[j] * d.column_norm[j];
    model->coefficients.push_back(std::move(c));
  }
}

// R² = 1 - RSS/TSS; adjusted R² = 1 - (1 - R²)(n - 1)/(n - k - 1); F = (SSR/k)/(RSS/df)
// (Montgomery, Peck & Vining 3.3), and the ANOVA table from the same sums.
void AddGoodnessOfFit(SumsOfSquares ss, double s2, LinearModel* model) {
  const std::size_t k = model->k;
  const double nd = static_cast<double>(model->n), df = model->df_residual;
  model->r_squared = ss.tss == 0 ? std::numeric_limits<double>::quiet_NaN() : 1 - ss.rss / ss.tss;
  model->adjusted_r_squared = 1 - (1 - model->r_squared) * (nd - 1) / df;
  if (k == 0) {
    model->f_statistic = model->f_p_value = std::numeric_limits<double>::quiet_NaN();
  } else {
    model->f_statistic = ((ss.tss - ss.rss) / static_cast<double>(k)) / s2;
    model->f_p_value = stats::FSf(model->f_statistic, static_cast<double>(k), df);
  }
  model->anova = AnovaTable(ss.tss, ss.rss, k, df, model->f_statistic, model->f_p_value);
}

}  // namespace

Result<LinearModel> FitLinearModel(std::span<const double> y,
                                   const std::vector<std::span<const double>>& x,
                                   const std::vector<std::string>& names, double confidence) {
  if (Status s = CheckShapes(y, x, names, confidence); !s.ok()) return s;
  LinearModel model;
  model.k = x.size();
  if (Status s = FindCompleteRows(y, x, names, &model); !s.ok()) return s;
  Result<CentredDesign> design = CentreDesign(y, x, names, model.rows);
  if (!design.ok()) return design.status();
  CentredDesign& d = design.value();
  std::vector<double> qty = d.yc;
  Result<std::vector<double>> r_diag = Householder(d, names, &qty);
  if (!r_diag.ok()) return r_diag.status();
  const TriangularR r{d.a, std::move(r_diag.value())};
  const std::vector<double> b = SolveUpper(r, qty);

  const SumsOfSquares ss = AddFit(y, x, d, b, &model);
  model.n = model.rows.size();
  model.confidence = confidence;
  model.df_residual = static_cast<double>(model.n) - static_cast<double>(model.k) - 1;
  const double s2 = ss.rss / model.df_residual;
  model.residual_sd = std::sqrt(s2);
  const std::vector<std::vector<double>> r_inv = InvertUpper(r);
  AddCoefficients(d, b, r_inv, names, s2, &model);
  AddDiagnostics(x, d.x_bar, r_inv, &model);
  AddGoodnessOfFit(ss, s2, &model);
  return model;
}

}  // namespace kaizen
