// The Pareto job of a records table (kaizen/app_analysis.h): each filled category cell counts
// once (or adds its row's weight), or the table holds counts per category.
#include <cmath>
#include <utility>

#include "kaizen/app_analysis.h"

namespace kaizen {
namespace {

// "NA" and friends mean "no category here", as in the number columns.
bool MissingCategory(std::string_view c) {
  return c.empty() || c == "NA" || c == "N/A" || c == "NULL" || c == "null";
}

// Every Pareto share divides by the total: one beyond a double is refused at the row that
// takes it there (ParetoFrom* refuse it too, without the line).
Status CheckTotalIsFinite(const RecordTable& table, int column, const std::vector<double>& values,
                          Diagnostics* diagnostics) {
  double total = 0;
  for (std::size_t r = 0; r < values.size(); ++r) {
    if (std::isnan(values[r])) continue;
    total += values[r];
    if (!std::isinf(total)) continue;
    Diagnostic d = RecordCellError(
        table, r, column, diag::kValueOverflow,
        "this value brings the total past the largest number a double holds (1.8e308), so no "
        "share of it can be computed (expected values whose sum is below that: rescale them, "
        "e.g. to thousands)");
    Status failure = Status::InvalidArgument(d.ToString());
    diagnostics->Add(std::move(d));
    return failure;
  }
  return Status::Ok();
}

// The weight (or count) of each row; empty when the request has no weight column.
Result<std::vector<double>> RowWeights(const RecordTable& table, const ParetoRequest& request,
                                       Diagnostics* diagnostics) {
  if (request.weight_column.empty()) return std::vector<double>();
  Result<int> index = FindRecordColumn(table, request.weight_column, request.weight_role);
  if (!index.ok()) return index.status();
  Result<std::vector<double>> weights = RecordNumbers(table, *index, diagnostics);
  if (!weights.ok()) return weights;
  if (Status s = CheckTotalIsFinite(table, *index, *weights, diagnostics); !s.ok()) return s;
  return weights;
}

}  // namespace

Result<ParetoOfRecordsResult> ParetoOfRecords(const RecordTable& table,
                                              const ParetoRequest& request,
                                              Diagnostics* diagnostics) {
  std::vector<int> category_columns;
  for (const std::string& name : request.category_columns) {
    Result<int> index = FindRecordColumn(table, name, request.category_role);
    if (!index.ok()) return index.status();
    category_columns.push_back(*index);
  }
  Result<std::vector<double>> row_weights = RowWeights(table, request, diagnostics);
  if (!row_weights.ok()) return row_weights.status();
  std::vector<std::string> categories;
  std::vector<double> weights;
  ParetoOfRecordsResult out;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    bool any = false;
    for (int c : category_columns) {
      const std::string_view cell = table.Cell(r, c);
      if (MissingCategory(cell)) continue;
      any = true;
      categories.emplace_back(cell);
      if (!row_weights->empty()) weights.push_back((*row_weights)[r]);
    }
    out.rows_without_category += !any;
  }
  Result<ParetoResult> p = request.weights_are_counts
                               ? ParetoFromCounts(categories, weights, request.options)
                               : ParetoFromRecords(categories, weights, request.options);
  if (!p.ok()) return Status(p.status().code(), table.path + ": " + p.status().message());
  out.pareto = std::move(p).value();
  return out;
}

std::vector<std::string> VitalFew(const ParetoResult& pareto) {
  std::vector<std::string> vital;
  for (const ParetoBar& b : pareto.bars)
    if (b.vital_few) vital.push_back(b.category);
  return vital;
}

}  // namespace kaizen
