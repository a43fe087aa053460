// The jobs of numeric columns of a records table (kaizen/app_analysis.h): scatter (correlation
// and a least-squares line) and multiple regression.
#include <algorithm>
#include <cmath>
#include <span>
#include <utility>

#include "kaizen/app_analysis.h"

namespace kaizen {
namespace {

Result<std::vector<double>> NumericColumn(const RecordTable& table, const std::string& name,
                                          std::string_view role, Diagnostics* diagnostics) {
  Result<int> index = FindRecordColumn(table, name, role);
  if (!index.ok()) return index.status();
  return RecordNumbers(table, *index, diagnostics);
}

// kScatterBandPoints evenly spaced x from the smallest to the largest x of a complete pair,
// where the line's confidence band is drawn; none when every such x is the same.
std::vector<double> BandPoints(const std::vector<double>& x, const std::vector<double>& y) {
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    lo = std::min(lo, x[i]);
    hi = std::max(hi, x[i]);
  }
  std::vector<double> band_x;
  if (lo < hi)
    for (int i = 0; i < kScatterBandPoints; ++i)
      band_x.push_back(lo + (hi - lo) * i / (kScatterBandPoints - 1));
  return band_x;
}

Status WithPath(const RecordTable& table, const Status& s) {
  return Status(s.code(), table.path + ": " + s.message());
}

}  // namespace

Result<ScatterResult> ScatterOfColumns(const RecordTable& table, const ScatterRequest& request,
                                       Diagnostics* diagnostics) {
  // Both columns are found before either is read, so a misspelt name is reported first.
  for (const auto& [name, role] : {std::pair{&request.x, "--x"}, std::pair{&request.y, "--y"}}) {
    if (Result<int> i = FindRecordColumn(table, *name, role); !i.ok()) return i.status();
  }
  Result<std::vector<double>> x = NumericColumn(table, request.x, "--x", diagnostics);
  if (!x.ok()) return x.status();
  Result<std::vector<double>> y = NumericColumn(table, request.y, "--y", diagnostics);
  if (!y.ok()) return y.status();
  Result<Correlation> pearson = Pearson(*x, *y);
  Result<Correlation> spearman = Spearman(*x, *y);
  Result<SimpleRegression> line = FitLine(*x, *y, BandPoints(*x, *y));
  for (const Status& st : {pearson.status(), spearman.status(), line.status()})
    if (!st.ok()) return WithPath(table, st);
  return ScatterResult{request.x,
                       request.y,
                       std::move(x).value(),
                       std::move(y).value(),
                       std::move(pearson).value(),
                       std::move(spearman).value(),
                       std::move(line).value()};
}

std::vector<NamedStatistic> ScatterStatistics(const ScatterResult& r) {
  return {{"n", static_cast<double>(r.line.n)},
          {"pearson_r", r.pearson.r},
          {"pearson_p", r.pearson.p_value},
          {"pearson_ci_lower", r.pearson.ci_lower},
          {"pearson_ci_upper", r.pearson.ci_upper},
          {"spearman_rho", r.spearman.r},
          {"spearman_p", r.spearman.p_value},
          {"intercept", r.line.intercept},
          {"slope", r.line.slope},
          {"slope_se", r.line.slope_se},
          {"slope_p", r.line.slope_p},
          {"r_squared", r.line.r_squared}};
}

Result<RegressionResult> RegressionOfColumns(const RecordTable& table,
                                             const RegressionRequest& request,
                                             Diagnostics* diagnostics) {
  Result<std::vector<double>> y = NumericColumn(table, request.y, "--y", diagnostics);
  if (!y.ok()) return y.status();
  std::vector<std::vector<double>> columns;
  for (const std::string& name : request.x) {
    Result<std::vector<double>> x = NumericColumn(table, name, "--x", diagnostics);
    if (!x.ok()) return x.status();
    columns.push_back(std::move(x).value());
  }
  std::vector<std::span<const double>> spans(columns.begin(), columns.end());
  Result<LinearModel> m = FitLinearModel(*y, spans, request.x);
  if (!m.ok()) return WithPath(table, m.status());
  return RegressionResult{request.y, std::move(m).value(), table.lines};
}

}  // namespace kaizen
