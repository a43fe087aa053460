#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "kaizen/render.h"
#include "kaizen/summary.h"
#include "render/report/report_test_util.h"
#include "test_support.h"

namespace kaizen::render {
namespace {

TEST(RenderReportHtml, IsWellFormedXml) {
  const TestReport t = MakeTestReport();
  std::string html = RenderReportHtml(t.input);
  ASSERT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  const std::string path = ::testing::TempDir() + "kaizen_report_test.xhtml";
  std::ofstream(path) << html.substr(html.find('\n') + 1);
  const std::string command = "xmllint --noout '" + path + "' 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << "xmllint rejected " << path;
  std::remove(path.c_str());
}

TEST(RenderReportHtml, MakesNoExternalReference) {
  const TestReport t = MakeTestReport();
  const std::string html = RenderReportHtml(t.input);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
}

TEST(RenderReportHtml, EscapesHostileText) {
  const TestReport t = MakeTestReport();
  const std::string html = RenderReportHtml(t.input);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("Aardvark &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;"),
            std::string::npos);
  EXPECT_NE(html.find("<title>Board &lt;report&gt; &amp; more</title>"), std::string::npos);
  EXPECT_NE(html.find("Owner&#39;s &lt;view&gt; &amp; plan."), std::string::npos);
  // Only the report's own script element.
  EXPECT_EQ(html.find("<script"), html.rfind("<script"));
}

TEST(RenderReportHtml, ExceptionsFirstThenDomainAndReference) {
  const TestReport t = MakeTestReport();
  const std::string html = RenderReportHtml(t.input);
  const std::size_t table = html.find("<table id=\"ipr\"");
  const std::size_t r3 = html.find("\xE2\x80\x94 R3", table);
  const std::size_t r1 = html.find("\xE2\x80\x94 R1", table);
  const std::size_t r2 = html.find("\xE2\x80\x94 R2", table);
  ASSERT_NE(r3, std::string::npos);
  EXPECT_LT(r3, r1);  // the exception (Safe, B-01) before Caring's A-01
  EXPECT_LT(r1, r2);
  EXPECT_NE(html.find("<tr class=\"exception\">"), std::string::npos);
}

TEST(RenderReportHtml, FlagsStaleDataAndAttributesNarratives) {
  const TestReport t = MakeTestReport();
  ASSERT_TRUE(t.input.series[1].row.stale);
  ASSERT_FALSE(t.input.series[0].row.stale);
  const std::string html = RenderReportHtml(t.input);
  EXPECT_NE(html.find(">stale</span>"), std::string::npos);
  EXPECT_NE(html.find("Narrative by Jo Bloggs, for December 2020"), std::string::npos);
  EXPECT_NE(html.find("class=\"narrative\""), std::string::npos);
}

TEST(RenderReportHtml, IconsCarryTextAndSectionsCarryTheirFacts) {
  const TestReport t = MakeTestReport();
  const std::string html = RenderReportHtml(t.input);
  // NHS England's key to the icons (icons_test.cc has the source): the words beside, under
  // and inside the icon are the same.
  EXPECT_NE(html.find("<span class=\"vh\">Special cause concern, low: variation of a concerning "
                      "nature due to lower values</span>"),
            std::string::npos);
  EXPECT_NE(html.find("<title>Consistently falling short of the target</title>"),
            std::string::npos);
  EXPECT_NE(html.find("7 points in a row above the mean: special cause concern."),
            std::string::npos);
  EXPECT_NE(html.find("1 period missing &lt;Feb&gt;."), std::string::npos);
  EXPECT_NE(html.find("<table class=\"data\">"), std::string::npos);
  EXPECT_NE(html.find("size: A4 landscape"), std::string::npos);
  // Readable without JavaScript: the controls that need it start hidden.
  EXPECT_NE(html.find("id=\"controls\" hidden=\"hidden\""), std::string::npos);
}

TEST(RenderReportHtml, AShortSeriesNeverContradictsItself) {
  // Nine months under mdc (15 points needed): no part of the page may call the points common
  // cause, and the row states the latest value 87 against the target 95 (higher is better):
  // not met, so the row is an exception.
  Indicator ind = testing::MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.id = "ffp";
  ind.name = "Friends and Family Test";
  ind.targets = {{.from = testing::Month(0), .value = 95}};
  Result<SeriesResult> r =
      AnalyseSeries(ind, testing::MonthlyValues({88, 86, 89, 90, 87, 91, 88, 92, 87}));
  ASSERT_TRUE(r.ok());
  ReportInput input;
  input.generated_on = testing::Month(10);
  input.series.push_back({&ind, *r, MakeSummaryRow(ind, *r, testing::Month(10))});
  const std::string html = RenderReportHtml(input);
  EXPECT_EQ(html.find("common cause variation only"), std::string::npos);
  // The summary matrix names every row, common cause among them; the series itself sits in
  // the "Not judged" row (its last), and nothing else on the page says common cause.
  const std::size_t matrix = html.find("<table id=\"matrix\"");
  const std::size_t matrix_end = html.find("</table>", matrix);
  ASSERT_NE(matrix_end, std::string::npos);
  const std::string grid = html.substr(matrix, matrix_end - matrix);
  EXPECT_LT(grid.find("Not judged</th>"), grid.find("Friends and Family Test"));
  const std::string rest = html.substr(0, matrix) + html.substr(matrix_end);
  EXPECT_EQ(rest.find("Common cause"), std::string::npos);
  EXPECT_EQ(html.find("Process limits</text>"), std::string::npos);  // no limits in the legend
  EXPECT_NE(html.find("9 of the 15 points needed for limits (6 more)"), std::string::npos);
  EXPECT_NE(html.find(">not judged yet<"), std::string::npos);
  EXPECT_NE(html.find(">Target not met<"), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"exception\">"), std::string::npos);
  EXPECT_NE(html.find("1 exception"), std::string::npos);
}

TEST(RenderReportHtml, APhoneGetsCardsAndItsOwnCharts) {
  const TestReport t = MakeTestReport();
  const std::string html = RenderReportHtml(t.input);
  // Every summary-table cell names its column (14 columns, 3 rows), for the phone's cards.
  int labelled = 0;
  for (std::size_t at = html.find("<td data-label=\""); at != std::string::npos;
       at = html.find("<td data-label=\"", at + 1)) {
    ++labelled;
  }
  for (std::size_t at = html.find(" data-label=\""); at != std::string::npos;
       at = html.find(" data-label=\"", at + 1)) {
    labelled += html.compare(at - 3, 3, "<td") != 0;  // attributes after class, data-value
  }
  EXPECT_EQ(labelled, 14 * 3);
  EXPECT_NE(html.find("data-label=\"Assurance\""), std::string::npos);
  // Each series has the wide chart and one drawn 360 px wide for the phone.
  int wide = 0, narrow = 0;
  for (std::size_t at = html.find("class=\"chart wide\""); at != std::string::npos;
       at = html.find("class=\"chart wide\"", at + 1))
    ++wide;
  for (std::size_t at = html.find("class=\"chart narrow\""); at != std::string::npos;
       at = html.find("class=\"chart narrow\"", at + 1)) {
    ++narrow;
    EXPECT_EQ(html.substr(at, 32), "class=\"chart narrow\" width=\"360\"") << html.substr(at, 60);
  }
  EXPECT_EQ(wide, 3);
  EXPECT_EQ(narrow, 3);
  // The data tables scroll in their own box, and print leaves them out.
  EXPECT_NE(html.find("<div class=\"table-scroll\" tabindex=\"0\""), std::string::npos);
  EXPECT_NE(html.find(".data-block { display: none"), std::string::npos);
}

}  // namespace
}  // namespace kaizen::render
