// The MDC summary matrix that opens an NHS Integrated Performance Report: the variation icons
// down the side, the assurance icons across the top, and in each cell the indicators (× their
// organisation) whose latest point is there, each a link to its section. A board reads the
// top-left cell (special cause concern that will fail) first.
#ifndef KAIZEN_RENDER_REPORT_SUMMARY_MATRIX_H_
#define KAIZEN_RENDER_REPORT_SUMMARY_MATRIX_H_

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kaizen/render.h"
#include "render/svg/svg_writer.h"

namespace kaizen::render {

// Rows: special cause concern, common cause, special cause improvement, neither, not judged
// (high and low share a row: the cell lists say which).
inline constexpr int kMatrixRows = 5;
// Columns: fail, hit or miss, pass, no assurance.
inline constexpr int kMatrixColumns = 4;

int MatrixRow(VariationIcon icon);
int MatrixColumn(AssuranceIcon icon);
std::string_view MatrixRowLabel(int row);
std::string_view MatrixColumnLabel(int column);
// The icons a row or column stands for, drawn beside its label: both the high and the low
// form where a row holds the two, so the icon never claims a side its entries do not have.
std::vector<VariationIcon> MatrixRowIcons(int row);
AssuranceIcon MatrixColumnIcon(int column);
// " (high)" or " (low)" for an icon whose row holds both sides, else empty: each entry says
// which side it is.
std::string_view MatrixSide(VariationIcon icon);

// For each cell, the indices into input.series that fall in it, in `order`.
using MatrixCells = std::array<std::array<std::vector<int>, kMatrixColumns>, kMatrixRows>;
MatrixCells SummaryMatrixCells(const ReportInput& input, const std::vector<int>& order);

// Writes the matrix as an HTML table; `section_id` gives the id of a series' section.
void WriteSummaryMatrix(MarkupWriter& w, const ReportInput& input, const std::vector<int>& order,
                        const std::function<std::string(int)>& section_id);

}  // namespace kaizen::render

#endif  // KAIZEN_RENDER_REPORT_SUMMARY_MATRIX_H_
