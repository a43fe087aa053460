// The import's transaction guarantee (issue 10, "How it is checked"): a `kaizen import` killed
// with SIGKILL at random moments, 50 times, and one that meets a full disk, each leave the
// workspace exactly as before the import or exactly as after it, with intact pages.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <thread>

#include "e2e/cli_harness.h"
#include "kaizen/workspace.h"

extern char** environ;

namespace kaizen {
namespace {

class WorkspaceCrashTest : public CliTest {
 protected:
  // A long-format file of `series` organisations × 60 months; `shift` changes every value (a
  // corrected file) and `months` how many months it holds (a later file adds months).
  std::string WriteData(const std::string& name, int series, int months, double shift) {
    const std::string path = dir_ + "/" + name;
    std::ofstream out(path);
    out << "indicator,organisation,period,value\n";
    for (int s = 0; s < series; ++s) {
      for (int m = 0; m < months; ++m) {
        out << "beds,ORG" << s << "," << 2019 + m / 12 << "-" << (m % 12 < 9 ? "0" : "")
            << m % 12 + 1 << "-01," << (s * 7 + m * 3) % 50 + shift << "\n";
      }
    }
    return path;
  }

  // Everything an import changes, as one text: each point's latest value, the imports and the
  // audit log's length. Opening for writing (the default) first recovers what a killed writer
  // left in the WAL; a reader beside a running import opens read-only.
  std::string Snapshot(const std::string& db, WorkspaceMode mode = WorkspaceMode::kOpen) {
    auto opened = OpenWorkspace(db, mode);
    if (!opened.ok()) return "cannot open: " + opened.status().ToString();
    Workspace& w = *opened.value();
    if (Status pages = w.CheckIntegrity(); !pages.ok()) return "damaged: " + pages.ToString();
    if (!w.VerifyAudit()->ok()) return "audit chain broken";
    std::string text = "imports " + std::to_string(w.Imports()->size()) + ", audit " +
                       std::to_string(w.AuditLog()->size()) + "\n";
    Status read = w.ForEachSeries([&](Series&& s) {
      for (std::size_t i = 0; i < s.size(); ++i) {
        text +=
            s.organisation + " " + s.periods[i].ToIso() + " " + std::to_string(s.values[i]) + "\n";
      }
      return Status::Ok();
    });
    return read.ok() ? text : "cannot read: " + read.ToString();
  }

  // Starts `kaizen import DATA --db DB` and returns its pid.
  pid_t StartImport(const std::string& data, const std::string& db) {
    std::vector<std::string> args = {KAIZEN_CLI_PATH, "import", data, "--db", db, "--user", "t"};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
  }
};

TEST_F(WorkspaceCrashTest, AnImportKilledAtAnyMomentLeavesTheStateBeforeOrAfter) {
  const std::string first = WriteData("may.csv", 300, 36, 0);
  const std::string next =
      WriteData("june.csv", 300, 48, 0.5);  // every value corrected, +12 months
  const std::string base = dir_ + "/base.kaizen";
  ASSERT_EQ(Kaizen("init --db '" + base + "'").exit_code, 0);
  ASSERT_EQ(Kaizen("import '" + first + "' --db '" + base + "'").exit_code, 0);
  const std::string before = Snapshot(base);

  // The state after, and how long a whole import takes, from one import left to finish.
  const std::string done = dir_ + "/done.kaizen";
  std::filesystem::copy_file(base, done);
  const auto start = std::chrono::steady_clock::now();
  int status = 0;
  waitpid(StartImport(next, done), &status, 0);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const std::string after = Snapshot(done);
  ASSERT_NE(before, after);

  std::mt19937 random(20241202);  // fixed seed: the same 50 moments on every run
  std::uniform_int_distribution<long> moment(
      0, std::chrono::duration_cast<std::chrono::microseconds>(took).count() * 12 / 10);
  std::set<std::string> outcomes;
  for (int run = 0; run < 50; ++run) {
    const std::string db = dir_ + "/run.kaizen";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
    std::filesystem::copy_file(base, db);
    const pid_t pid = StartImport(next, db);
    std::this_thread::sleep_for(std::chrono::microseconds(moment(random)));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    const std::string state = Snapshot(db);
    ASSERT_TRUE(state == before || state == after)
        << "run " << run << ": neither the state before nor after:\n"
        << state.substr(0, 300);
    outcomes.insert(state == before ? "before" : "after");
  }
  // Not asserted (timing decides), but worth seeing: both outcomes should occur.
  std::cout << "killed imports left " << (outcomes.count("before") ? "before " : "")
            << (outcomes.count("after") ? "after" : "") << "\n";
}

// issue 10: "a reader during an import sees one consistent state". While an import runs in
// another process, readers open the workspace again and again; each must see exactly the state
// before the import or exactly the state after it, never part of it.
TEST_F(WorkspaceCrashTest, AReaderDuringAnImportSeesTheStateBeforeOrAfter) {
  const std::string first = WriteData("may.csv", 300, 36, 0);
  const std::string next = WriteData("june.csv", 1000, 48, 0.5);  // corrections and new rows
  const std::string db = dir_ + "/w.kaizen";
  ASSERT_EQ(Kaizen("init --db '" + db + "'").exit_code, 0);
  ASSERT_EQ(Kaizen("import '" + first + "' --db '" + db + "'").exit_code, 0);
  const std::string before = Snapshot(db);
  const std::string done = dir_ + "/done.kaizen";
  std::filesystem::copy_file(db, done);
  ASSERT_EQ(Kaizen("import '" + next + "' --db '" + done + "'").exit_code, 0);
  const std::string after = Snapshot(done);
  ASSERT_NE(before, after);

  const pid_t pid = StartImport(next, db);
  int status = 0, reads = 0;
  std::set<std::string> seen;
  for (;;) {
    const bool finished = waitpid(pid, &status, WNOHANG) == pid;
    const std::string state = Snapshot(db, WorkspaceMode::kReadOnly);
    ++reads;
    ASSERT_TRUE(state == before || state == after)
        << "read " << reads << ": neither the state before nor after:\n"
        << state.substr(0, 300);
    seen.insert(state == before ? "before" : "after");
    if (finished) break;
  }
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(seen.count("after"), 1u);  // the last read, after the import had exited
  std::cout << reads << " reads during the import saw " << (seen.count("before") ? "before " : "")
            << "after\n";
}

// A full disk in the middle of an import (the file-size limit makes the writes fail, as a full
// disk does): a message and a non-zero exit, and the workspace exactly as it was.
TEST_F(WorkspaceCrashTest, AFullDiskInTheMiddleOfAnImportLosesNothing) {
  const std::string first = WriteData("may.csv", 20, 12, 0);
  const std::string big = WriteData("big.csv", 2000, 60, 0.25);
  const std::string db = dir_ + "/w.kaizen";
  ASSERT_EQ(Kaizen("init --db '" + db + "'").exit_code, 0);
  ASSERT_EQ(Kaizen("import '" + first + "' --db '" + db + "'").exit_code, 0);
  const std::string before = Snapshot(db);
  // SIGXFSZ ignored, so a write past the limit fails with EFBIG instead of killing kaizen; the
  // limit (512-byte blocks in sh) leaves room for the small workspace but not the big import.
  const CliRun full =
      Shell("trap '' XFSZ; ulimit -f 2048; \"$KAIZEN\" import '" + big + "' --db '" + db + "'");
  EXPECT_NE(full.exit_code, 0);
  EXPECT_NE(full.exit_code, -1) << "kaizen died instead of reporting the failure";
  EXPECT_NE(full.err.find(db), std::string::npos) << full.err;
  EXPECT_EQ(Snapshot(db), before);
}

}  // namespace
}  // namespace kaizen
