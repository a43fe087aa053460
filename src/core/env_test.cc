// The Env seam: the POSIX Env against a real temporary directory (atomic replacement, its
// temporaries, the read limit, the clock) and the in-memory Env that tests give instead.
#include "kaizen/env.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/inotify.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/read_limited.h"
#include "kaizen/file_util.h"
#include "kaizen/memory_env.h"
#include "test_support.h"

namespace kaizen {
namespace {

namespace fs = std::filesystem;

class PosixEnvTest : public ::testing::Test {
 protected:
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  static std::string ReadWithStreams(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  Env* env_ = Env::Default();
  testing::TemporaryDirectory temporary_{"kaizen-env"};
  const std::string dir_ = temporary_.path();
};

TEST_F(PosixEnvTest, WritesAFileThatReadsBack) {
  ASSERT_TRUE(env_->WriteFileAtomically(Path("out.csv"), "a,b\n1,2\n").ok());
  EXPECT_EQ(ReadWithStreams(Path("out.csv")), "a,b\n1,2\n");  // read by another route
  std::string text;
  ASSERT_TRUE(env_->ReadFile(Path("out.csv"), 100, "the table", &text).ok());
  EXPECT_EQ(text, "a,b\n1,2\n");
  ASSERT_TRUE(env_->WriteFileAtomically(Path("out.csv"), "replaced").ok());
  EXPECT_EQ(ReadWithStreams(Path("out.csv")), "replaced");
  EXPECT_EQ(Names(), std::vector<std::string>{"out.csv"});
}

// RLIMIT_FSIZE makes write() fail with EFBIG, as a full disk would, without filling one.
TEST_F(PosixEnvTest, AFailedWriteLeavesTheOldContentAndNoTemporary) {
  ASSERT_TRUE(env_->WriteFileAtomically(Path("out.json"), "old").ok());
  struct rlimit saved {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(::sigaction(SIGXFSZ, &ignore, &previous), 0);
  struct rlimit small = saved;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  const Status st = env_->WriteFileAtomically(Path("out.json"), std::string(100000, 'x'));
  ::setrlimit(RLIMIT_FSIZE, &saved);
  ::sigaction(SIGXFSZ, &previous, nullptr);
  EXPECT_EQ(st.code(), StatusCode::kIOError) << st.message();
  EXPECT_EQ(ReadWithStreams(Path("out.json")), "old");
  EXPECT_EQ(Names(), std::vector<std::string>{"out.json"});
}

// The kernel reports every name created in the directory (inotify), so the test sees the
// temporaries without knowing how they are made.
TEST_F(PosixEnvTest, TemporariesHaveUnpredictableNamesAndAreRemoved) {
  const int watch = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  ASSERT_GE(watch, 0);
  ASSERT_GE(::inotify_add_watch(watch, dir_.c_str(), IN_CREATE), 0);
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(env_->WriteFileAtomically(Path("out.html"), "report " + std::to_string(i)).ok());
  std::vector<std::string> created;
  alignas(struct inotify_event) char buffer[8192];
  for (ssize_t n; (n = ::read(watch, buffer, sizeof buffer)) > 0;) {
    for (char* p = buffer; p < buffer + n;) {
      const auto* event = reinterpret_cast<const struct inotify_event*>(p);
      if (event->len > 0) created.emplace_back(event->name);
      p += sizeof(struct inotify_event) + event->len;
    }
  }
  ::close(watch);
  ASSERT_EQ(created.size(), 3u);  // one temporary per write, each renamed over out.html
  const std::string prefix = "out.html.tmp-";
  const std::set<std::string> distinct(created.begin(), created.end());
  EXPECT_EQ(distinct.size(), 3u);
  for (const std::string& name : created) {
    ASSERT_EQ(name.rfind(prefix, 0), 0u) << name;
    const std::string suffix = name.substr(prefix.size());
    EXPECT_EQ(suffix.size(), 12u) << name;  // 62^12: about 71 bits
    EXPECT_EQ(suffix.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                       "0123456789"),
              std::string::npos)
        << name;
    EXPECT_EQ(suffix.find(std::to_string(::getpid())), std::string::npos) << name;
  }
  EXPECT_EQ(Names(), std::vector<std::string>{"out.html"});
  EXPECT_EQ(ReadWithStreams(Path("out.html")), "report 2");
}

TEST_F(PosixEnvTest, ReadFailuresNameTheirClass) {
  std::string text;
  Status st = env_->ReadFile(Path("missing.toml"), 100, "the indicator catalogue", &text);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_EQ(st.message(), "cannot open the indicator catalogue '" + Path("missing.toml") +
                              "': No such file or directory");
  EXPECT_EQ(env_->ReadFile(dir_, 100, "the table", &text).code(), StatusCode::kInvalidArgument);

  ASSERT_TRUE(env_->WriteFileAtomically(Path("ten.csv"), "0123456789").ok());
  EXPECT_TRUE(env_->ReadFile(Path("ten.csv"), 10, "the table", &text).ok());
  st = env_->ReadFile(Path("ten.csv"), 9, "the table", &text);
  EXPECT_EQ(st.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(st.message().find("is longer than 9 bytes, the limit"), std::string::npos)
      << st.message();

  if (::geteuid() != 0) {  // root reads any file
    ASSERT_EQ(::chmod(Path("ten.csv").c_str(), 0), 0);
    EXPECT_EQ(env_->ReadFile(Path("ten.csv"), 10, "the table", &text).code(),
              StatusCode::kPermissionDenied);
  }
}

TEST_F(PosixEnvTest, FileExistsForFilesAndDirectoriesOnly) {
  EXPECT_TRUE(env_->FileExists(dir_));
  EXPECT_FALSE(env_->FileExists(Path("a.csv")));
  ASSERT_TRUE(env_->WriteFileAtomically(Path("a.csv"), "x").ok());
  EXPECT_TRUE(env_->FileExists(Path("a.csv")));
  ASSERT_EQ(::symlink("gone", Path("dangling").c_str()), 0);
  EXPECT_FALSE(env_->FileExists(Path("dangling")));
}

// The day is worked out here by <chrono> (whole days since the epoch of the system clock,
// which is UTC), not by the C calendar functions the Env uses.
TEST(PosixEnvClockTest, TodayIsTheSystemsUtcDate) {
  using std::chrono::days;
  using std::chrono::floor;
  using std::chrono::system_clock;
  const auto before = floor<days>(system_clock::now()).time_since_epoch().count();
  const Date today = Env::Default()->Today();
  const auto after = floor<days>(system_clock::now()).time_since_epoch().count();
  EXPECT_GE(today.days_since_epoch(), before);
  EXPECT_LE(today.days_since_epoch(), after);  // unequal only across midnight
}

TEST(PosixEnvClockTest, DefaultIsOneEnvForEveryThread) {
  std::vector<Env*> seen(8);
  std::vector<std::thread> threads;
  for (Env*& slot : seen) threads.emplace_back([&slot] { slot = Env::Default(); });
  for (std::thread& t : threads) t.join();
  for (Env* env : seen) EXPECT_EQ(env, Env::Default());
}

TEST(MemoryEnvTest, FilesRoundTripAndReplace) {
  MemoryEnv env(Date::FromCivil(2024, 3, 1).value());
  EXPECT_FALSE(env.FileExists("report.html"));
  ASSERT_TRUE(env.WriteFileAtomically("report.html", "v1").ok());
  ASSERT_TRUE(env.WriteFileAtomically("report.html", "v2").ok());
  EXPECT_TRUE(env.FileExists("report.html"));
  std::string text;
  ASSERT_TRUE(env.ReadFile("report.html", 2, "the report", &text).ok());
  EXPECT_EQ(text, "v2");
}

// The same classes and wording as the POSIX Env, so a test against memory says what a run
// against the disk would.
TEST(MemoryEnvTest, FailsAsTheDefaultEnvDoes) {
  MemoryEnv env(Date::FromCivil(2024, 3, 1).value());
  std::string text;
  Status st = env.ReadFile("indicators.toml", 100, "the indicator catalogue", &text);
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_EQ(st.message(),
            "cannot open the indicator catalogue 'indicators.toml': No such file or directory");
  ASSERT_TRUE(env.WriteFileAtomically("big.csv", std::string(2u << 20, 'x')).ok());
  st = env.ReadFile("big.csv", 1u << 20, "the table", &text);
  EXPECT_EQ(st.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(st.message(),
            "the table 'big.csv' is longer than 1 MiB, the limit (see 'Input limits' in "
            "docs/cli.md)");
  ASSERT_TRUE(env.WriteFileAtomically("locked.csv", "old").ok());
  env.MakeReadOnly("locked.csv");
  EXPECT_EQ(env.WriteFileAtomically("locked.csv", "new").code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(env.ReadFile("locked.csv", 10, "the table", &text).ok());
  EXPECT_EQ(text, "old");
}

TEST(MemoryEnvTest, TodayIsWhatTheTestSets) {
  MemoryEnv env(Date::FromCivil(2024, 2, 29).value());
  EXPECT_EQ(env.Today().ToIso(), "2024-02-29");
  env.SetToday(Date::FromCivil(2025, 1, 31).value());
  EXPECT_EQ(env.Today().ToIso(), "2025-01-31");
}

// The readers and writers that take an Env use the one they are given.
TEST(MemoryEnvTest, ReadLimitedAndWriteAtomicallyGoThroughTheGivenEnv) {
  MemoryEnv env(Date::FromCivil(2024, 3, 1).value());
  ASSERT_TRUE(WriteFileAtomically("/nowhere/on/disk/out.csv", "a,b\n", &env).ok());
  EXPECT_FALSE(fs::exists("/nowhere/on/disk/out.csv"));
  std::string text;
  ASSERT_TRUE(ReadFileLimited("/nowhere/on/disk/out.csv", 4, "the table", &text, &env).ok());
  EXPECT_EQ(text, "a,b\n");
  EXPECT_EQ(ReadFileLimited("/nowhere/on/disk/out.csv", 3, "the table", &text, &env).code(),
            StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace kaizen
