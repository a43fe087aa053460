#include "render/report/summary_matrix.h"

#include <gtest/gtest.h>

#include "kaizen/render.h"
#include "render/report/report_common.h"
#include "render/report/report_test_util.h"

namespace kaizen::render {
namespace {

TEST(SummaryMatrix, PutsHighAndLowInOneRowAndNoIconsInTheLastRowAndColumn) {
  EXPECT_EQ(MatrixRow(VariationIcon::kConcernHigh), 0);
  EXPECT_EQ(MatrixRow(VariationIcon::kConcernLow), 0);
  EXPECT_EQ(MatrixRow(VariationIcon::kCommonCause), 1);
  EXPECT_EQ(MatrixRow(VariationIcon::kImprovementLow), 2);
  EXPECT_EQ(MatrixRow(VariationIcon::kNeitherHigh), 3);
  EXPECT_EQ(MatrixRow(VariationIcon::kNone), 4);
  EXPECT_EQ(MatrixColumn(AssuranceIcon::kFail), 0);
  EXPECT_EQ(MatrixColumn(AssuranceIcon::kHitOrMiss), 1);
  EXPECT_EQ(MatrixColumn(AssuranceIcon::kPass), 2);
  EXPECT_EQ(MatrixColumn(AssuranceIcon::kNone), 3);
  EXPECT_EQ(MatrixRowLabel(0), "Special cause concern");
  EXPECT_EQ(MatrixColumnLabel(1), "Hit or miss");
}

TEST(SummaryMatrix, ARowOfTwoSidesShowsBothAndEachEntrySaysItsSide) {
  EXPECT_EQ(MatrixRowIcons(0),
            (std::vector<VariationIcon>{VariationIcon::kConcernHigh, VariationIcon::kConcernLow}));
  EXPECT_EQ(MatrixRowIcons(1), std::vector<VariationIcon>{VariationIcon::kCommonCause});
  EXPECT_EQ(MatrixColumnIcon(3), AssuranceIcon::kNone);
  EXPECT_EQ(MatrixSide(VariationIcon::kNeitherLow), " (low)");
  EXPECT_EQ(MatrixSide(VariationIcon::kImprovementHigh), " (high)");
  EXPECT_EQ(MatrixSide(VariationIcon::kCommonCause), "");
}

TEST(SummaryMatrix, EachSeriesIsInTheCellOfItsTwoIcons) {
  const TestReport t = MakeTestReport();
  // Series 0: common cause, hit or miss; 1: improvement (high), pass; 2: concern (low), fail.
  const MatrixCells cells = SummaryMatrixCells(t.input, {2, 0, 1});
  EXPECT_EQ(cells[1][1], std::vector<int>{0});
  EXPECT_EQ(cells[2][2], std::vector<int>{1});
  EXPECT_EQ(cells[0][0], std::vector<int>{2});
  int total = 0;
  for (const auto& row : cells)
    for (const auto& cell : row) total += static_cast<int>(cell.size());
  EXPECT_EQ(total, 3);
}

TEST(SummaryMatrix, TheReportOpensWithTheMatrixLinkingToEachSection) {
  const TestReport t = MakeTestReport();
  const std::string html = RenderReportHtml(t.input);
  const std::size_t matrix = html.find("<table id=\"matrix\"");
  ASSERT_NE(matrix, std::string::npos);
  EXPECT_LT(matrix, html.find("<table id=\"ipr\""));
  // Zebra crossings / R3 is the concern (low) that fails: in the first body row's first cell,
  // linked to its section, with its side.
  const std::size_t first_row = html.find("<tbody>", matrix);
  const std::size_t zebra = html.find("Zebra crossings", first_row);
  ASSERT_NE(zebra, std::string::npos);
  EXPECT_LT(zebra, html.find("</tr>", first_row));
  EXPECT_NE(html.find("R3 (low)</a>", matrix), std::string::npos);
  const std::size_t link = html.rfind("href=\"#series-", zebra);
  ASSERT_NE(link, std::string::npos);
  const std::string id = html.substr(link + 7, html.find('"', link + 7) - link - 7);
  EXPECT_NE(html.find("<section class=\"series\" id=\"" + id + "\""), std::string::npos) << id;
}

}  // namespace
}  // namespace kaizen::render
