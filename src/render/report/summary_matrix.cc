#include "render/report/summary_matrix.h"

#include "render/report/report_common.h"

namespace kaizen::render {

int MatrixRow(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::kConcernHigh:
    case VariationIcon::kConcernLow:
      return 0;
    case VariationIcon::kCommonCause:
      return 1;
    case VariationIcon::kImprovementHigh:
    case VariationIcon::kImprovementLow:
      return 2;
    case VariationIcon::kNeitherHigh:
    case VariationIcon::kNeitherLow:
      return 3;
    case VariationIcon::kNone:
      break;
  }
  return 4;
}

int MatrixColumn(AssuranceIcon icon) {
  switch (icon) {
    case AssuranceIcon::kFail:
      return 0;
    case AssuranceIcon::kHitOrMiss:
      return 1;
    case AssuranceIcon::kPass:
      return 2;
    case AssuranceIcon::kNone:
      break;
  }
  return 3;
}

std::string_view MatrixRowLabel(int row) {
  constexpr std::string_view kLabels[kMatrixRows] = {
      "Special cause concern", "Common cause", "Special cause improvement",
      "Special cause, neither improvement nor concern", "Not judged"};
  return kLabels[row];
}

std::string_view MatrixColumnLabel(int column) {
  constexpr std::string_view kLabels[kMatrixColumns] = {"Fail", "Hit or miss", "Pass",
                                                        "No assurance"};
  return kLabels[column];
}

MatrixCells SummaryMatrixCells(const ReportInput& input, const std::vector<int>& order) {
  MatrixCells cells;
  for (int index : order) {
    const SummaryRow& row = input.series[index].row;
    cells[MatrixRow(row.variation)][MatrixColumn(row.assurance)].push_back(index);
  }
  return cells;
}

std::vector<VariationIcon> MatrixRowIcons(int row) {
  switch (row) {
    case 0:
      return {VariationIcon::kConcernHigh, VariationIcon::kConcernLow};
    case 1:
      return {VariationIcon::kCommonCause};
    case 2:
      return {VariationIcon::kImprovementHigh, VariationIcon::kImprovementLow};
    case 3:
      return {VariationIcon::kNeitherHigh, VariationIcon::kNeitherLow};
    default:
      return {VariationIcon::kNone};
  }
}

AssuranceIcon MatrixColumnIcon(int column) {
  constexpr AssuranceIcon kIcons[kMatrixColumns] = {AssuranceIcon::kFail, AssuranceIcon::kHitOrMiss,
                                                    AssuranceIcon::kPass, AssuranceIcon::kNone};
  return kIcons[column];
}

std::string_view MatrixSide(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::kConcernHigh:
    case VariationIcon::kImprovementHigh:
    case VariationIcon::kNeitherHigh:
      return " (high)";
    case VariationIcon::kConcernLow:
    case VariationIcon::kImprovementLow:
    case VariationIcon::kNeitherLow:
      return " (low)";
    default:
      return "";
  }
}

void WriteSummaryMatrix(MarkupWriter& w, const ReportInput& input, const std::vector<int>& order,
                        const std::function<std::string(int)>& section_id) {
  const MatrixCells cells = SummaryMatrixCells(input, order);
  w.Open("table", {{"id", "matrix"}, {"class", "matrix"}});
  w.Leaf("caption", {},
         "Summary: each indicator's latest variation (rows) against its assurance (columns)");
  w.Open("thead");
  w.Open("tr");
  w.Leaf("td", {}, "");
  for (int c = 0; c < kMatrixColumns; ++c) {
    w.Open("th", {{"scope", "col"}});
    w.Raw(InlineSvg(RenderAssuranceIconSvg(MatrixColumnIcon(c), input.palette, 32)));
    w.Text(" " + std::string(MatrixColumnLabel(c)));
    w.Close();
  }
  w.Close();
  w.Close();
  w.Open("tbody");
  for (int r = 0; r < kMatrixRows; ++r) {
    w.Open("tr");
    w.Open("th", {{"scope", "row"}});
    for (VariationIcon icon : MatrixRowIcons(r))
      w.Raw(InlineSvg(RenderVariationIconSvg(icon, input.palette, 32)));
    w.Text(" " + std::string(MatrixRowLabel(r)));
    w.Close();
    for (int c = 0; c < kMatrixColumns; ++c) {
      w.Open("td");
      if (!cells[r][c].empty()) {
        w.Open("ul");
        for (int index : cells[r][c]) {
          w.Open("li");
          w.Leaf("a", {{"href", "#" + section_id(index)}},
                 SeriesHeading(input.series[index]) +
                     std::string(MatrixSide(input.series[index].row.variation)));
          w.Close();
        }
        w.Close();
      }
      w.Close();
    }
    w.Close();
  }
  w.Close();
  w.Close();
}

}  // namespace kaizen::render
