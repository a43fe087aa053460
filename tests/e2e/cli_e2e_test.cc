// End-to-end tests of the `kaizen` binary: every subcommand on the bundled examples, exit
// codes, the message for each kind of bad input, and that a failed run leaves no output file.
// The binary's path comes from CMake (KAIZEN_CLI_PATH).
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_harness.h"
#include "test_support.h"

namespace kaizen {
namespace {

namespace fs = std::filesystem;

const std::string kAe = "examples/nhs-ae/ae_type1.csv";
const std::string kAeCatalogue = "--indicators examples/nhs-ae/indicators.toml";

TEST_F(CliTest, HelpOnEverySubcommand) {
  for (const char* sub : {"check", "spc", "summary", "report", "chart", "explain", "profiles"}) {
    const CliRun r = Kaizen(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << sub << ": " << r.out;
  }
  EXPECT_EQ(Kaizen("--help").exit_code, 0);
  EXPECT_EQ(Kaizen("").exit_code, 2);  // a subcommand is required
  EXPECT_EQ(Kaizen("frobnicate").exit_code, 2);
}

TEST_F(CliTest, ProfilesListsAllEight) {
  const CliRun r = Kaizen("profiles --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out)["profiles"];
  ASSERT_EQ(j.size(), 8u);
  EXPECT_EQ(j[0]["name"], "mdc");
}

TEST_F(CliTest, CheckDescribesTheExample) {
  const CliRun r = Kaizen("check " + kAe + " " + kAeCatalogue);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // 5 trusts × 36 months × 1 row; three indicators come from the wide file's columns.
  EXPECT_NE(r.out.find("5 organisation(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2016-04-01 to 2019-03-01"), std::string::npos) << r.out;
}

// Issue 7: a value column beside empty numerator and denominator columns was read as a p chart
// with every value missing. awk -F, '$2=="RF4" && $4=="" && $5==""' ae_type1.csv prints no
// row: every RF4 row has a value or a numerator, so no indicator has a missing value.
TEST_F(CliTest, CheckReadsValuesBesideEmptyRatioColumns) {
  const CliRun r = Kaizen("check " + kAe + " --org RF4");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* id : {"ae_4h ", "ae_admissions ", "ae_attendances "}) {
    const std::size_t at = r.out.find(std::string("\n") + id);
    ASSERT_NE(at, std::string::npos) << r.out;
    const std::string line = r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
    EXPECT_EQ(line.substr(line.find_last_not_of(' ')), "0") << line;
    EXPECT_NE(line.find(" 36 "), std::string::npos) << line;
  }
}

// Issue 7: the A&E c chart where 32 of 36 points are outside the limits must say why. Breaches
// (denominator − numerator of ae_4h at R1H) in Python: σz = MR̄(z)·2.66/3 = 7.2628.
TEST_F(CliTest, OverdispersedCChartWarns) {
  const std::string csv = dir_ + "/breaches.csv";
  {
    std::ifstream in(std::string(KAIZEN_SOURCE_DIR) + "/" + kAe);
    std::ofstream out(csv);
    out << "indicator,organisation,period,value\n";
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("ae_4h,R1H,", 0) != 0) continue;
      const auto f1 = line.find(',', 10), f2 = line.find(',', f1 + 1), f3 = line.find(',', f2 + 1);
      const double num = std::stod(line.substr(f2 + 1, f3 - f2 - 1));
      const double den = std::stod(line.substr(f3 + 1));
      out << "breaches,R1H," << line.substr(10, f1 - 10) << "," << den - num << "\n";
    }
  }
  const CliRun r = Kaizen("spc '" + csv + "' --chart c --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out)["series"][0];
  EXPECT_NEAR(j["segments"][0]["sigma_z"].get<double>(), 7.2628, 1e-4);
  bool warned = false;
  for (const auto& w : j["warnings"]) warned |= w["code"] == "overdispersion";
  EXPECT_TRUE(warned) << j["warnings"];
  EXPECT_NE(r.err.find("sigma-z 7.26 is above 1.50"), std::string::npos) << r.err;
}

TEST_F(CliTest, SpcJsonIsMachineReadableAndAlone) {
  const CliRun r =
      Kaizen("spc " + kAe + " " + kAeCatalogue + " --indicator ae_4h --org RF4 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // parse() throws (the test fails) if anything else is on stdout.
  const auto document = nlohmann::json::parse(r.out);
  EXPECT_EQ(document["schema_version"], 1);  // docs/api.md, "Versioning"
  const auto& j = document["series"];
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["organisation"], "RF4");
  EXPECT_EQ(j[0]["points"].size(), 36u);
}

TEST_F(CliTest, SpcCsvHasOneRowPerPoint) {
  const CliRun r = Kaizen("spc " + kAe + " " + kAeCatalogue + " --indicator ae_4h --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1 + 5 * 36);
}

TEST_F(CliTest, SummaryOneRowPerIndicatorAndOrganisation) {
  const CliRun r =
      Kaizen("summary " + kAe + " " + kAeCatalogue + " --format csv --as-of 2019-04-15");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1 + 3 * 5);
}

// Issue 8, item 18: the table speaks words, fits a 120-column terminal and keeps one
// precision per indicator.
TEST_F(CliTest, SummaryTableSpeaksWordsAndFitsATerminal) {
  const CliRun r = Kaizen("summary " + kAe + " " + kAeCatalogue + " --as-of 2019-04-20");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("concern_"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("improvement_"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("common_cause"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hit or miss"), std::string::npos) << r.out;
  std::size_t start = 0;
  while (start < r.out.size()) {
    const std::size_t end = r.out.find('\n', start);
    const std::string line = r.out.substr(start, end - start);
    int chars = 0;  // UTF-8 characters, not bytes (the arrows are three bytes)
    for (char c : line) chars += (c & 0xC0) != 0x80;
    EXPECT_LE(chars, 120) << line;
    start = end + 1;
  }
}

TEST_F(CliTest, CheckWithOrgNotesOnlyThatOrganisation) {
  const CliRun r = Kaizen("check " + kAe + " " + kAeCatalogue + " --org RF4");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 organisation(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(--org RF4)"), std::string::npos) << r.out;
  for (const char* other : {"RJ1", "R1H", "RQM", "RAL"})
    EXPECT_EQ(r.out.find(other), std::string::npos) << other << "\n" << r.out;
}

// Issue 8, items 10 and 11: the report opens with the MDC matrix; a rebase's and a target
// change's reasons and who decided are on the chart's key and in the section; the data's
// comment column is in the data table.
TEST_F(CliTest, ReportShowsTheMatrixReasonsAndComments) {
  const std::string csv = dir_ + "/falls.csv", toml = dir_ + "/falls.toml";
  {
    std::ofstream data(csv);
    data << "indicator,organisation,period,value,comment\n";
    for (int m = 0; m < 24; ++m) {
      const int month = m % 12 + 1;
      data << "falls,RX1," << 2020 + m / 12 << "-" << (month < 10 ? "0" : "") << month << "-01,"
           << (m < 12 ? 10 + m % 3 : 5 + m % 3) << (m == 13 ? ",ward 7 closed" : ",") << "\n";
    }
  }
  std::ofstream(toml) << "[[indicator]]\nid = \"falls\"\nname = \"Inpatient falls\"\n"
                         "direction = \"lower\"\nchart = \"xmr\"\n"
                         "[[indicator.target]]\nfrom = 2020-01-01\nvalue = 12\n"
                         "[[indicator.target]]\nfrom = 2021-01-01\nvalue = 8\n"
                         "reason = \"new falls strategy\"\ndecided_by = \"Quality Committee\"\n"
                         "[[indicator.rebase]]\ndate = 2021-01-01\nreason = \"hip protectors\"\n"
                         "decided_by = \"Board\"\ndecided_on = 2021-02-10\n";
  const std::string out = dir_ + "/report.html";
  const CliRun r = Kaizen("report '" + csv + "' --indicators '" + toml + "' -o '" + out +
                          "' --as-of 2022-01-15");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = testing::ReadFile(out);
  EXPECT_NE(html.find("<table id=\"matrix\""), std::string::npos);
  const std::string rebase = "Limits recalculated: hip protectors (decided by Board on 10/02/2021)";
  // The values spread from 5 to 12 (7): two decimals for every value of the indicator.
  const std::string target =
      "Target changed to 8.00: new falls strategy (decided by Quality Committee)";
  // Once in the chart's key (its SVG text), once in the section's list of decisions.
  EXPECT_NE(html.find("<li>January 2021: " + rebase + "</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>January 2021: " + target + "</li>"), std::string::npos);
  EXPECT_NE(html.find("January 2021: " + rebase + "</title>"), std::string::npos);
  EXPECT_NE(html.find(">Comment</th>"), std::string::npos);
  EXPECT_NE(html.find("<td>ward 7 closed</td>"), std::string::npos);
}

TEST_F(CliTest, ReportIsWrittenAndSelfContained) {
  const std::string out = dir_ + "/report.html";
  const CliRun r =
      Kaizen("report " + kAe + " " + kAeCatalogue + " -o '" + out + "' --as-of 2019-04-15");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = testing::ReadFile(out);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST_F(CliTest, ReportRowsCarryTheEngineIcons) {
  // The summary rows of the report must show the icons the engine computed: compare each
  // table row's icon cells with `kaizen summary --format json` for the same data.
  const CliRun summary =
      Kaizen("summary " + kAe + " " + kAeCatalogue + " --format json --as-of 2019-04-20");
  ASSERT_EQ(summary.exit_code, 0) << summary.err;
  const auto rows = nlohmann::json::parse(summary.out)["rows"];
  ASSERT_EQ(rows.size(), 15u);
  const std::string out = dir_ + "/report.html";
  ASSERT_EQ(Kaizen("report " + kAe + " " + kAeCatalogue + " -o '" + out + "' --as-of 2019-04-20")
                .exit_code,
            0);
  const std::string html = testing::ReadFile(out);
  int matched = 0;
  for (const auto& row : rows) {
    const std::string org = "— " + row["organisation"].get<std::string>() + "</span>";
    const std::string reference =
        "<td data-label=\"Ref\">" + row["reference"].get<std::string>() + "</td>";
    // Find the summary-table row with this reference and organisation.
    for (std::size_t at = html.find("<tr"); at != std::string::npos;
         at = html.find("<tr", at + 1)) {
      const std::string tr = html.substr(at, html.find("</tr>", at) - at);
      if (tr.find(reference) == std::string::npos || tr.find(org) == std::string::npos) continue;
      const std::string variation =
          "class=\"icon\" data-value=\"" + row["variation"].get<std::string>() + "\"";
      const std::string assurance =
          "class=\"icon\" data-value=\"" + row["assurance"].get<std::string>() + "\"";
      EXPECT_NE(tr.find(variation), std::string::npos) << row.dump();
      EXPECT_NE(tr.find(assurance), std::string::npos) << row.dump();
      ++matched;
      break;
    }
  }
  EXPECT_EQ(matched, 15);
}

TEST_F(CliTest, ChartAsSvgPngAndPdf) {
  for (const char* ext : {"svg", "png", "pdf"}) {
    const std::string out = dir_ + "/chart." + ext;
    const CliRun r = Kaizen("chart " + kAe + " " + kAeCatalogue +
                            " --indicator ae_4h --org RF4 -o '" + out + "'");
    ASSERT_EQ(r.exit_code, 0) << ext << ": " << r.err;
    const std::string bytes = testing::ReadFile(out);
    const std::string kind = ext;
    if (kind == "png") {
      EXPECT_EQ(bytes.substr(1, 3), "PNG");
    } else if (kind == "pdf") {
      EXPECT_EQ(bytes.substr(0, 4), "%PDF");
    } else {
      EXPECT_NE(bytes.find("<svg"), std::string::npos);
    }
  }
}

TEST_F(CliTest, ExplainNamesTheParameter) {
  const CliRun r = Kaizen("explain " + kAe + " " + kAeCatalogue +
                          " --indicator ae_attendances --org RF4 --profiles mdc,pbi-spc");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("xmr_sigma_constant"), std::string::npos) << r.out;
}

// One line of tests/e2e/data/bad_inputs.txt: a bad input, how it is run and what must come out.
struct BadInput {
  std::string file;   // under tests/e2e/data/
  int exit_code = 0;  // what kaizen must exit with
  std::string code;   // the diagnostic code it must print, in brackets
  int line = 0;       // the line (0: the whole file) and column (0: none) it must name
  int column = 0;
  std::string cell;     // or, in a workbook, the sheet and cell ("Sheet1!C2")
  std::string command;  // with {file} and {out}; "" for the default report
};

// Shown by GoogleTest in test names and failures.
void PrintTo(const BadInput& c, std::ostream* os) { *os << c.file << " | " << c.command; }

std::string Trimmed(const std::string& s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::vector<BadInput> LoadBadInputs() {
  std::vector<BadInput> cases;
  std::ifstream in(std::string(KAIZEN_SOURCE_DIR) + "/tests/e2e/data/bad_inputs.txt");
  std::string text;
  while (std::getline(in, text)) {
    if (Trimmed(text).empty() || Trimmed(text)[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream row(text);
    for (std::string cell; std::getline(row, cell, '|');) f.push_back(Trimmed(cell));
    if (f.size() == 4) f.emplace_back();  // a trailing empty command
    BadInput c;
    if (f.size() == 5 && f[3].find('!') != std::string::npos) {
      c.cell = f[3];
    } else if (f.size() != 5 || std::sscanf(f[3].c_str(), "%d:%d", &c.line, &c.column) != 2) {
      ADD_FAILURE() << "bad_inputs.txt: cannot read the line '" << text << "'";
      continue;
    }
    c.file = f[0];
    c.exit_code = std::stoi(f[1]);
    c.code = f[2];
    c.command = f[4];
    cases.push_back(std::move(c));
  }
  return cases;
}

std::string Substituted(std::string text, const std::string& name, const std::string& value) {
  for (std::size_t at; (at = text.find(name)) != std::string::npos;)
    text.replace(at, name.size(), value);
  return text;
}

class BadInputTest : public CliTest, public ::testing::WithParamInterface<BadInput> {};

TEST_P(BadInputTest, ExitsWithItsCodeNamingFileLineColumnAndWritesNothing) {
  const BadInput& c = GetParam();
  const std::string path = "tests/e2e/data/" + c.file;
  const std::string command =
      c.command.empty() ? "report {file} --indicators tests/e2e/data/falls.toml -o {out}.html"
                        : c.command;
  const CliRun r =
      Kaizen(Substituted(Substituted(command, "{file}", "'" + path + "'"), "{out}", dir_ + "/out"));
  EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  std::string where = path;
  if (!c.cell.empty()) where += ":" + c.cell;
  if (c.line > 0) where += ":" + std::to_string(c.line);
  if (c.line > 0 && c.column > 0) where += ":" + std::to_string(c.column);
  const std::string expected = where + ": error [" + c.code + "]: ";
  EXPECT_NE(r.err.find(expected), std::string::npos) << "expected '" << expected << "' in:\n"
                                                     << r.err;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "stdout" || name == "stderr") << "a failed run wrote " << name;
  }
  EXPECT_LT(r.err.size(), 20000u) << "one clear message, not thousands";
}

INSTANTIATE_TEST_SUITE_P(Files, BadInputTest, ::testing::ValuesIn(LoadBadInputs()),
                         [](const auto& param_info) {
                           // The file's name, then the subcommand when the line names one.
                           const BadInput& c = param_info.param;
                           std::string n = fs::path(c.file).stem().string();
                           if (!c.command.empty())
                             n += "_" + c.command.substr(0, c.command.find(' '));
                           for (char& ch : n)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

TEST_F(CliTest, HundredMegabyteLineIsRejectedQuickly) {
  const std::string path = dir_ + "/long_line.csv";
  {
    std::ofstream f(path, std::ios::binary);
    f << "indicator,organisation,period,value\nfalls,RF4,2024-01-01,";
    const std::string chunk(1 << 20, '7');
    for (int i = 0; i < 100; ++i) f << chunk;
    f << "\n";
  }
  const CliRun r = Kaizen("check '" + path + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path + ":2"), std::string::npos) << r.err.substr(0, 500);
}

TEST_F(CliTest, LenientSkipsBadRowsAndCountsThem) {
  const CliRun r = Kaizen("check tests/e2e/data/bad_number.csv --lenient");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 rows skipped"), std::string::npos) << r.out;
}

TEST_F(CliTest, CrlfAndQuotedFieldsAreRead) {
  const CliRun r = Kaizen("check tests/e2e/data/good_crlf.csv");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("RF4"), std::string::npos) << r.out;
}

TEST_F(CliTest, UnwritableOutputIsExitThreeAndLeavesNothing) {
  const CliRun r =
      Kaizen("report " + kAe + " " + kAeCatalogue + " -o /nonexistent-dir/report.html");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("/nonexistent-dir/report.html"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kaizen
