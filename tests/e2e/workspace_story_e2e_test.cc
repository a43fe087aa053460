// issue 10, "How it is checked": a month-by-month story through the command line. Three monthly
// imports (the third correcting a value), a rebase proposed (the report shows its limits beside
// the current ones) and approved, a frozen pack, then the next month's import, which corrects
// another value: the next report says what changed since the pack.
//
// The bed-occupancy series is made so its limits can be worked out by hand: months 1-12
// alternate 20, 22 and months 13-30 alternate 30, 32 (18 points: MDC wants 15 after a rebase
// before it draws limits). With a rebase at month 13 the second segment's mean is 31 and its
// mean moving range 2, so its XmR limits are 31 ± 2.66 × 2 =
// 25.68 and 36.32 (E2 = 3 / d2, d2 = 1.128; Wheeler, Understanding Variation, 2000), shown to
// one decimal (the values spread over more than 10): 31.0, 25.7 to 36.3.
#include <fstream>
#include <map>
#include <string>

#include "e2e/cli_harness.h"

namespace kaizen {
namespace {

class WorkspaceStoryTest : public CliTest {
 protected:
  std::string Db() const { return "'" + dir_ + "/w.kaizen'"; }

  // The first `months` months from January 2022, with the values of `corrections` (1-based
  // month to value) in place of the pattern's.
  std::string Month(int months, const std::map<int, int>& corrections, const std::string& name) {
    const std::string path = dir_ + "/" + name;
    std::ofstream out(path);
    out << "indicator,organisation,period,value\n";
    for (int m = 1; m <= months; ++m) {
      const int base = m <= 12 ? 20 : 30;
      const int value = corrections.count(m) ? corrections.at(m) : base + (m % 2 == 0 ? 2 : 0);
      out << "beds,RXX," << 2022 + (m - 1) / 12 << "-" << ((m - 1) % 12 < 9 ? "0" : "")
          << (m - 1) % 12 + 1 << "-01," << value << "\n";
    }
    return path;
  }

  CliRun Import(const std::string& file, const std::string& user) {
    return Kaizen("import '" + file + "' --db " + Db() + " --user '" + user + "'");
  }

  std::string Report(const std::string& name) {
    const std::string path = dir_ + "/" + name;
    const CliRun r =
        Kaizen("report --db " + Db() + " --as-of 2024-07-15 --title Board -o '" + path + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return testing::ReadFile(path);
  }
};

TEST_F(WorkspaceStoryTest, FromThreeMonthlyImportsToWhatTheNextReportSaysChanged) {
  ASSERT_EQ(Kaizen("init --db " + Db()).exit_code, 0);
  ASSERT_EQ(Import(Month(28, {}, "april.csv"), "asmith").exit_code, 0);
  ASSERT_EQ(Import(Month(29, {}, "may.csv"), "asmith").exit_code, 0);
  // June's file corrects May 2022 (month 5: 20 becomes 21) and adds June 2024.
  const CliRun june = Import(Month(30, {{5, 21}}, "june.csv"), "asmith");
  ASSERT_EQ(june.exit_code, 0) << june.err;
  EXPECT_NE(june.out.find("beds       1      1          28"), std::string::npos) << june.out;

  const CliRun proposed =
      Kaizen("propose rebase --db " + Db() +
             " --indicator beds --org RXX --date 2023-01-01 --reason 'new ward opened' --user "
             "asmith");
  ASSERT_EQ(proposed.exit_code, 0) << proposed.err;
  const std::string pending_report = Report("pending.html");
  EXPECT_NE(pending_report.find("Pending decisions"), std::string::npos);
  EXPECT_NE(pending_report.find("rebase of beds for RXX from 2023-01-01, proposed by asmith"),
            std::string::npos);
  EXPECT_NE(pending_report.find("if approved: mean 31.0, limits 25.7 to 36.3"), std::string::npos)
      << pending_report.substr(pending_report.find("Pending decisions"), 600);

  ASSERT_EQ(Kaizen("approve 1 --db " + Db() + " --reason 'agreed at PRG' --user bjones").exit_code,
            0);
  const CliRun frozen =
      Kaizen("freeze --db " + Db() + " --title 'Board, June 2024' --as-of 2024-07-15 --user cgrey");
  ASSERT_EQ(frozen.exit_code, 0) << frozen.err;

  // July's file adds month 31 and corrects August 2023 (month 20: 32 becomes 35).
  const CliRun july = Import(Month(31, {{5, 21}, {20, 35}}, "july.csv"), "J. Smith");
  ASSERT_EQ(july.exit_code, 0) << july.err;

  const std::string next = Report("next.html");
  EXPECT_NE(next.find("Data as at import 4 ("), std::string::npos);
  EXPECT_NE(next.find("Since the last frozen pack, \u201CBoard, June 2024\u201D"),
            std::string::npos);
  EXPECT_NE(next.find("No decisions taken."), std::string::npos);
  EXPECT_NE(next.find("1 value(s) corrected:"), std::string::npos);
  EXPECT_NE(next.find("beds RXX 2023-08-01: 32 corrected to 35 (import 4, by J. Smith"),
            std::string::npos)
      << next.substr(next.find("Since the last"), 800);
  EXPECT_NE(next.find("None: every proposal has been approved or rejected."), std::string::npos);
  // The approved rebase is in force: the chart has two segments' limits.
  EXPECT_EQ(pending_report.find("new ward opened (decided by"), std::string::npos);
  EXPECT_NE(next.find("new ward opened"), std::string::npos);

  // The frozen pack did not change: it still says what it said, June's state.
  const CliRun opened = Kaizen("packs open 1 --db " + Db() + " -o '" + dir_ + "/pack.html'");
  ASSERT_EQ(opened.exit_code, 0) << opened.err;
  const std::string pack = testing::ReadFile(dir_ + "/pack.html");
  EXPECT_NE(pack.find("Data as at import 3 ("), std::string::npos);
  EXPECT_NE(pack.find("No board pack has been frozen yet"), std::string::npos);
  EXPECT_EQ(Kaizen("audit verify --db " + Db()).exit_code, 0);
}

}  // namespace
}  // namespace kaizen
