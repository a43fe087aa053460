// End-to-end tests of how kaizen writes (issue 14): every output format fails with exit 3 and
// leaves the old file when the disk is full, standard output's errors are reported, nothing
// planted beside an output is followed, devices and FIFOs are written through, read-only
// files are refused, a killed run leaves no temporary; and the odd-input fixes that came with
// them (a CSV from a pipe, option messages).
//
// A full disk is simulated with `ulimit -f` and SIGXFSZ ignored: write() then fails with EFBIG
// exactly where it would fail with ENOSPC, without filling a real disk.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "e2e/cli_harness.h"
#include "test_support.h"

namespace kaizen {
namespace {

namespace fs = std::filesystem;

const std::string kAe = "examples/nhs-ae/ae_type1.csv";
const std::string kAeCatalogue = "--indicators examples/nhs-ae/indicators.toml";
const std::string kCabg = "tests/data/cabg_2011_12.csv";  // 751 records

void Put(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Names in `dir` that look like kaizen's temporaries.
int Temporaries(const std::string& dir) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir))
    n += entry.path().filename().string().find(".tmp-") != std::string::npos;
  return n;
}

// Regression (issue 14): a PDF written to a full disk printed "wrote r.pdf", exited 0 and left
// a truncated file. Every file format: exit 3, the reason, the old file as it was, no temporary.
TEST_F(CliTest, FullDiskFailsEveryOutputFormatAndKeepsTheOldFile) {
  const std::string chart = "chart " + kAe + " " + kAeCatalogue + " --indicator ae_4h --org RF4";
  const std::string report = "report " + kAe + " " + kAeCatalogue;
  const std::string aggregate =
      "aggregate " + kCabg + " --date date --period day --indicator n --org X";
  const std::pair<std::string, std::string> cases[] = {{"r.html", report},
                                                       {"r.pdf", report},
                                                       {"c.svg", chart},
                                                       {"c.png", chart},
                                                       {"a.csv", aggregate}};
  for (const auto& [name, command] : cases) {
    const std::string out = dir_ + "/" + name;
    Put(out, "old");
    // 1024 bytes under dash (512-byte blocks) and 2048 under bash: every output is larger.
    const CliRun r = Shell("trap '' XFSZ\nulimit -f 2\n\"$KAIZEN\" " + command + " -o '" + out +
                           "' >/dev/null\n");
    EXPECT_EQ(r.exit_code, 3) << name << ": " << r.err;
    EXPECT_NE(r.err.find(out + ": cannot write the file (File too large)"), std::string::npos)
        << name << ": " << r.err;
    EXPECT_EQ(r.err.find("wrote"), std::string::npos) << name << ": " << r.err;
    EXPECT_EQ(testing::ReadFile(out), "old") << name;
  }
  EXPECT_EQ(Temporaries(dir_), 0);
}

// Regression (issue 14): JSON or CSV larger than the stdio buffer sent to a full standard
// output exited 0 with the output lost; smaller ones exited 3 with no message.
TEST_F(CliTest, FullStandardOutputExits3AndSaysSo) {
  const std::string small = "check " + kAe + " " + kAeCatalogue;                   // about 1 kB
  const std::string large = "spc " + kAe + " " + kAeCatalogue + " --format json";  // >100 kB
  const std::string csv = "spc " + kAe + " " + kAeCatalogue + " --format csv";
  for (const std::string& command : {small, large, csv}) {
    const CliRun r = Shell("\"$KAIZEN\" " + command + " >/dev/full\n");
    EXPECT_EQ(r.exit_code, 3) << command << ": " << r.err;
    EXPECT_NE(r.err.find("standard output: cannot write (No space left on device)"),
              std::string::npos)
        << command << ": " << r.err;
  }
  // The same to a regular file that hits its size limit (JSON from summary).
  const CliRun r = Shell("trap '' XFSZ\nulimit -f 2\n\"$KAIZEN\" summary " + kAe + " " +
                         kAeCatalogue + " --format json >\"$DIR/s.json\"\n");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("standard output: cannot write (File too large)"), std::string::npos)
      << r.err;
}

// Regression (issue 14): the temporary was OUT.tmp-<pid> opened with fopen("wb"), so another
// user of the directory could plant a link there and have kaizen overwrite any file. `exec`
// gives kaizen the shell's pid, so the link sits at exactly the old name.
TEST_F(CliTest, ALinkPlantedAtThePredictableTemporaryIsNotFollowed) {
  Put(dir_ + "/victim", "precious");
  const CliRun r =
      Shell("ln -s \"$DIR/victim\" \"$DIR/c.svg.tmp-$$\"\nexec \"$KAIZEN\" chart " + kAe + " " +
            kAeCatalogue + " --indicator ae_4h --org RF4 -o \"$DIR/c.svg\"\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::ReadFile(dir_ + "/victim"), "precious");
  int links = 0;
  for (const auto& entry : fs::directory_iterator(dir_)) {
    if (!entry.is_symlink()) continue;
    ++links;
    EXPECT_EQ(fs::read_symlink(entry.path()), dir_ + "/victim");  // untouched
  }
  EXPECT_EQ(links, 1);
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(dir_ + "/c.svg")));
  EXPECT_EQ(testing::ReadFile(dir_ + "/c.svg").rfind("<svg", 0), 0u);
}

// The sum of the monthly counts is the number of records, whatever the months are.
double SumOfValues(const std::string& csv) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "indicator,organisation,period,value,numerator,denominator");
  double sum = 0;
  while (std::getline(in, line)) {
    // indicator,organisation,period,value,,
    std::size_t at = 0;
    for (int comma = 0; comma < 3; ++comma) at = line.find(',', at) + 1;
    sum += std::stod(line.substr(at));
  }
  return sum;
}

const std::string kAggregateMonths = "aggregate " + kCabg + " --date date --indicator n --org X";

// Regression (issue 14): `aggregate -o` renamed a regular file over device nodes and links.
TEST_F(CliTest, AggregateWritesThroughAFifoAndKeepsIt) {
  const CliRun r =
      Shell("mkfifo \"$DIR/p\"\ntimeout 30 cat \"$DIR/p\" >\"$DIR/got\" &\n\"$KAIZEN\" " +
            kAggregateMonths + " -o \"$DIR/p\"\nstatus=$?\nwait\nexit $status\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_fifo(fs::symlink_status(dir_ + "/p")));
  EXPECT_EQ(SumOfValues(testing::ReadFile(dir_ + "/got")), 751);
  EXPECT_EQ(Temporaries(dir_), 0);
}

TEST_F(CliTest, AggregateToDevStdoutOnAPipeWritesThePipe) {
  const CliRun r = Shell("\"$KAIZEN\" " + kAggregateMonths + " -o /dev/stdout | cat\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(SumOfValues(r.out), 751);
}

// /dev/stdout onto a file opened by the shell with >>: appended to, not replaced.
TEST_F(CliTest, AggregateToDevStdoutAppendedToAFileKeepsWhatWasThere) {
  const CliRun r = Shell("echo first >\"$DIR/log.csv\"\n\"$KAIZEN\" " + kAggregateMonths +
                         " -o /dev/stdout >>\"$DIR/log.csv\"\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string log = testing::ReadFile(dir_ + "/log.csv");
  ASSERT_EQ(log.rfind("first\n", 0), 0u) << log;
  EXPECT_EQ(SumOfValues(log.substr(6)), 751);
}

// As root a bug here would replace the real /dev/null, so root tests copies of the devices
// made in the test's directory (mknod); other users test the real ones, which they could not
// replace.
std::string SafeDevice(const std::string& dir, const char* name, unsigned minor) {
  if (::geteuid() != 0) return std::string("/dev/") + name;
  const std::string copy = dir + "/" + name;
  return ::mknod(copy.c_str(), S_IFCHR | 0666, ::makedev(1, minor)) == 0 ? copy : "";
}

TEST_F(CliTest, AggregateToDevNullKeepsTheDevice) {
  const std::string null = SafeDevice(dir_, "null", 3), full = SafeDevice(dir_, "full", 7);
  if (null.empty() || full.empty()) GTEST_SKIP() << "cannot make device nodes here";
  const CliRun r = Kaizen(kAggregateMonths + " -o '" + null + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_character_file(fs::symlink_status(null)));
  const CliRun f = Kaizen(kAggregateMonths + " -o '" + full + "'");
  EXPECT_EQ(f.exit_code, 3);
  EXPECT_NE(f.err.find(full + ": cannot write the file (No space left on device)"),
            std::string::npos)
      << f.err;
  EXPECT_TRUE(fs::is_character_file(fs::symlink_status(full)));
  EXPECT_EQ(Temporaries(dir_), 0);
}

TEST_F(CliTest, AggregateThroughALinkWritesItsTargetAndKeepsTheLink) {
  Put(dir_ + "/real.csv", "old");
  fs::create_symlink("real.csv", dir_ + "/link.csv");
  const CliRun r = Kaizen(kAggregateMonths + " -o '" + dir_ + "/link.csv'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir_ + "/link.csv"));
  EXPECT_EQ(SumOfValues(testing::ReadFile(dir_ + "/real.csv")), 751);
}

// Regression (issue 14): a read-only output was silently replaced.
TEST_F(CliTest, AReadOnlyOutputIsRefusedAndUnchanged) {
  const std::string out = dir_ + "/r.html";
  Put(out, "old");
  fs::permissions(out, fs::perms::owner_read | fs::perms::group_read);
  const CliRun r = Kaizen("report " + kAe + " " + kAeCatalogue + " -o '" + out + "'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
  EXPECT_EQ(testing::ReadFile(out), "old");
  EXPECT_EQ(Temporaries(dir_), 0);
}

// Regression (issue 14): SIGTERM or SIGINT during a write left the temporary behind. A PDF
// report of many series is drawn straight into its temporary, which gives time to kill it.
void KillDuringTheWrite(const std::string& dir, int signal_number) {
  std::string csv = "indicator,organisation,period,value\n";
  for (int org = 0; org < 400; ++org) {
    for (int i = 0; i < 24; ++i) {
      const int month = i % 12 + 1;
      csv += "ae_admissions,O" + std::to_string(org) + "," + std::to_string(2020 + i / 12) +
             (month < 10 ? "-0" : "-") + std::to_string(month) + "-01," +
             std::to_string(90 + (org * 7 + i * 13) % 10) + "\n";
    }
  }
  Put(dir + "/many.csv", csv);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string catalogue =
        std::string(KAIZEN_SOURCE_DIR) + "/examples/nhs-ae/indicators.toml";
    ::execl(KAIZEN_CLI_PATH, "kaizen", "report", (dir + "/many.csv").c_str(), "--indicators",
            catalogue.c_str(), "-o", (dir + "/r.pdf").c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Wait for the temporary to appear, then stop the run.
  bool seen = false;
  for (int i = 0; i < 6000 && !seen; ++i) {
    seen = Temporaries(dir) > 0;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    int status = 0;
    if (!seen && ::waitpid(child, &status, WNOHANG) == child) {
      FAIL() << "kaizen ended before it was killed; exit " << WEXITSTATUS(status);
    }
  }
  ASSERT_TRUE(seen) << "no temporary appeared";
  ::kill(child, signal_number);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  if (WIFEXITED(status)) GTEST_SKIP() << "the write finished before the signal arrived";
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), signal_number);
  EXPECT_EQ(Temporaries(dir), 0);
  EXPECT_FALSE(fs::exists(dir + "/r.pdf"));
}

TEST_F(CliTest, SigtermDuringAWriteLeavesNoTemporary) { KillDuringTheWrite(dir_, SIGTERM); }
TEST_F(CliTest, SigintDuringAWriteLeavesNoTemporary) { KillDuringTheWrite(dir_, SIGINT); }

// Regression (issue 14): `cat f | kaizen check /dev/stdin` failed with "Illegal seek" (the
// reader read the file twice).
TEST_F(CliTest, ACsvFromAPipeIsRead) {
  const CliRun r = Shell("cat " + kAe + " | \"$KAIZEN\" check /dev/stdin " + kAeCatalogue + "\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // As CheckDescribesTheExample: 5 trusts × 36 months.
  EXPECT_NE(r.out.find("5 organisation(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2016-04-01 to 2019-03-01"), std::string::npos) << r.out;
}

// Regression (issue 14): `--lsl nan` printed "--lsl  must be below ..." with the value missing.
TEST_F(CliTest, ANonFiniteSpecificationLimitIsNamed) {
  const CliRun r = Kaizen("capability " + kAe + " --indicator ae_4h --org RF4 --lsl nan --usl 90");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--lsl: nan is not a finite number"), std::string::npos) << r.err;
}

// Regression (issue 14): three names complained of "no profile named 'nhsr,qicharts2'".
TEST_F(CliTest, ExplainSaysItComparesExactlyTwoProfiles) {
  const CliRun r = Kaizen("explain " + kAe + " " + kAeCatalogue +
                          " --indicator ae_4h --org RF4 --profiles mdc,nhsr,qicharts2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("exactly two profile names"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("no profile named"), std::string::npos) << r.err;
}

// Regression (issue 14): `--delimiter '|'` was accepted but undocumented; now documented, and
// it reads a pipe-delimited file as the comma one.
TEST_F(CliTest, APipeDelimiterReadsAPipeDelimitedFile) {
  Put(dir_ + "/p.csv",
      "indicator|organisation|period|value\nx|A|2024-01-01|1\nx|A|2024-02-01|2\n"
      "x|A|2024-03-01|3\n");
  const CliRun r =
      Kaizen("describe '" + dir_ + "/p.csv' --indicator x --delimiter '|' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["n"], 3);
  EXPECT_EQ(j["mean"], 2.0);  // (1 + 2 + 3) / 3
  const CliRun quote = Kaizen("describe '" + dir_ + "/p.csv' --indicator x --delimiter '\"'");
  EXPECT_EQ(quote.exit_code, 2);
  EXPECT_NE(quote.err.find("--delimiter"), std::string::npos) << quote.err;
}

// Regression (issue 14): `--sheet` on a CSV was silently ignored.
TEST_F(CliTest, SheetOnACsvIsRefused) {
  const CliRun r = Kaizen("check " + kAe + " --sheet 2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--sheet is for .xlsx workbooks"), std::string::npos) << r.err;
}

// Regression (issue 14): the hint named a non-existent --organisation option. Since issue 8 a
// file without an organisation column is one organisation ("all"), so there is no hint to give.
TEST_F(CliTest, AMissingOrganisationColumnIsOneOrganisation) {
  Put(dir_ + "/no_org.csv", "indicator,period,value\nx,2024-01-01,1\n");
  const CliRun r = Kaizen("check '" + dir_ + "/no_org.csv'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("x          all "), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("--organisation"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kaizen
