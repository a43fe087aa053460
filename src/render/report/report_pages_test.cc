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
  // B-01 / R3 (concern low, fail) is listed in the matrix: the indicator, then its
  // organisation with the side.
  // The side joins its organisation by a no-break space, so a wrap never parts them.
  const std::size_t zebra = pages[0].find(">B-01 Zebra crossings</text>");
  const std::size_t r3 = pages[0].find(">R3\xC2\xA0(low)</text>");
  ASSERT_NE(r3, std::string::npos);
  EXPECT_LT(zebra, r3);
  // Exceptions first on the summary page and in the page order.
  EXPECT_LT(pages[1].find("Zebra crossings"), pages[1].find("Aardvark"));
  EXPECT_NE(pages[2].find("Zebra crossings"), std::string::npos);
  EXPECT_NE(pages[1].find(">STALE</text>"), std::string::npos);
}

// A report from a workspace: its notices come first, on a page of their own, headings then their
// lines as bullets; without notices there is no such page (above: five pages).
TEST(RenderReportPagesSvg, NoticesComeFirstOnAPageOfTheirOwn) {
  TestReport t = MakeTestReport();
  t.input.notices = {{"As at", {"Data as at import 2."}},
                     {"Pending decisions", {"Proposal 1: rebase of falls from 2024-03-01."}}};
  const std::vector<std::string> pages = RenderReportPagesSvg(t.input);
  ASSERT_EQ(pages.size(), 6u);
  EXPECT_NE(pages[0].find(">As at</text>"), std::string::npos);
  EXPECT_NE(pages[0].find("\xE2\x80\xA2 Data as at import 2."), std::string::npos);
  EXPECT_LT(pages[0].find(">As at</text>"), pages[0].find(">Pending decisions</text>"));
  EXPECT_NE(pages[1].find(">Special cause concern</text>"), std::string::npos);  // the matrix
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

// Every text element of the pages, joined by spaces: what a reader of the PDF sees, in order.
std::string PageWords(const std::string& page) {
  std::string words;
  for (std::size_t at = page.find("<text"); at != std::string::npos;
       at = page.find("<text", at + 1)) {
    const std::size_t open = page.find('>', at) + 1;
    words += page.substr(open, page.find("</text>", open) - open) + " ";
  }
  return words;
}

TEST(RenderReportPagesSvg, NamesAndCaptionsWrapInsteadOfBeingCut) {
  TestReport t = MakeTestReport();
  // A 17-word name (about 110 characters) is far wider than its column and the heading.
  const std::string name =
      "Patients with a learning disability or autism who had their annual health check within "
      "twelve months of referral";
  t.indicators[1]->name = name;
  t.input.series[2].row.indicator_name = name;
  const std::vector<std::string> pages = RenderReportPagesSvg(t.input);
  for (const std::string& page : pages) {
    EXPECT_EQ(page.find("â¦"), std::string::npos) << "an ellipsis: text was cut";
    EXPECT_EQ(page.find("more in the HTML report"), std::string::npos);
  }
  // The summary row and the series page (exceptions first: page 3) hold every word, in order.
  const std::string words = "within twelve months of referral";
  EXPECT_NE(PageWords(pages[1]).find("twelve"), std::string::npos);
  EXPECT_NE(PageWords(pages[1]).find("referral"), std::string::npos);
  EXPECT_NE(PageWords(pages[2]).find("B-01 " + name.substr(0, 40)), std::string::npos);
}

TEST(RenderReportPagesSvg, WordsThatDoNotFitContinueOnTheNextPage) {
  TestReport t = MakeTestReport();
  // 30 signals cannot share a page with the chart: at its smallest (250 px) it leaves room for
  // about 16 lines of 16 px, and a continuation page holds about 40.
  SeriesResult& r = t.input.series[0].result;
  for (int i = 0; i < 30; ++i) {
    r.signals.push_back({RuleId::kShift, Side::kHigh, PointClass::kConcern, 0, 6,
                         "Signal number " + std::to_string(i + 1) + "."});
  }
  const std::vector<std::string> pages = RenderReportPagesSvg(t.input);
  // Matrix, table, then the three series with A-01 / R1 (not an exception: last of the
  // non-exceptions in order B-01/R3, A-01/R1, A-01/R2) split over two pages.
  ASSERT_EQ(pages.size(), 6u);
  std::string all;
  for (const std::string& page : pages) all += PageWords(page);
  for (int i = 1; i <= 30; ++i) {
    EXPECT_NE(all.find("Signal number " + std::to_string(i) + "."), std::string::npos) << i;
  }
  int continued = 0;
  for (const std::string& page : pages) continued += page.find("(continued)") != std::string::npos;
  EXPECT_EQ(continued, 1);
}

TEST(RenderReportPagesSvg, IconsSayWhyThereIsNone) {
  TestReport t = MakeTestReport();
  t.input.series[0].row.target.reset();
  t.input.series[0].row.assurance = AssuranceIcon::kNone;
  t.input.series[0].row.target_met.reset();
  const std::vector<std::string> pages = RenderReportPagesSvg(t.input);
  std::string all;
  for (const std::string& page : pages) all += page;
  EXPECT_NE(all.find("aria-label=\"No target\""), std::string::npos);
}

}  // namespace
}  // namespace kaizen::render
