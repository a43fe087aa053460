#include <gtest/gtest.h>

#include <string>

#include "kaizen/render.h"
#include "render/report/report_test_util.h"

namespace kaizen::render {
namespace {

TEST(RenderReportPagesSvg, MatrixThenSummaryThenOnePagePerSeries) {
  const TestReport t = MakeTestReport();
  const std::vector<std::string> pages = RenderReportPagesSvg(t.input);
  // The matrix page, one summary-table page, three series pages.
  ASSERT_EQ(pages.size(), 5u);
  for (const std::string& page : pages) {
    EXPECT_NE(page.find("width=\"1123\" height=\"794\""), std::string::npos);
    EXPECT_EQ(page.find("<script"), std::string::npos);
  }
  EXPECT_NE(pages[0].find("Page 1 of 5"), std::string::npos);
  EXPECT_NE(pages[0].find(">Special cause concern</text>"), std::string::npos);
  EXPECT_NE(pages[0].find(">Hit or miss</text>"), std::string::npos);
  // B-01 / R3 (concern low, fail) is listed in the matrix with its side and name.
  EXPECT_NE(pages[0].find(">B-01 R3 (low) \xC2\xB7 Zebra crossings</text>"), std::string::npos);
  // Exceptions first on the summary page and in the page order.
  EXPECT_LT(pages[1].find("Zebra crossings"), pages[1].find("Aardvark"));
  EXPECT_NE(pages[2].find("Zebra crossings"), std::string::npos);
  EXPECT_NE(pages[1].find(">STALE</text>"), std::string::npos);
}

TEST(RenderReportPagesSvg, PaginatesLongTables) {
  TestReport t = MakeTestReport();
  const ReportSeries first = t.input.series[0];
  for (int i = 0; i < 40; ++i) t.input.series.push_back(first);
  const std::vector<std::string> pages = RenderReportPagesSvg(t.input);
  const std::size_t summary_pages = pages.size() - t.input.series.size();
  EXPECT_GE(summary_pages, 3u);
  EXPECT_NE(pages[summary_pages - 1].find("Ref</text>"), std::string::npos);
}

}  // namespace
}  // namespace kaizen::render
