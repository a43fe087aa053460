// OutputFile and WriteFileAtomically: what is at the path decides how it is written, a failed
// write leaves the old file as it was, and no temporary survives a failure or a signal.
#include "kaizen/file_util.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace kaizen {
namespace {

namespace fs = std::filesystem;

class FileUtilTest : public ::testing::Test {
 protected:
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static void Put(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  // Every name in the directory, to see that no temporary was left.
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_))
      names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  int Temporaries() const {
    int n = 0;
    for (const std::string& name : Names()) n += name.find(".tmp-") != std::string::npos;
    return n;
  }
  testing::TemporaryDirectory temporary_{"kaizen-file-util"};
  const std::string dir_ = temporary_.path();
};

mode_t ModeOf(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode;
}

TEST_F(FileUtilTest, WritesANewFileWithTheUmasksPermissions) {
  const mode_t old_mask = ::umask(022);
  ASSERT_TRUE(WriteFileAtomically(Path("out.csv"), "a,b\n").ok());
  ::umask(old_mask);
  EXPECT_EQ(Read(Path("out.csv")), "a,b\n");
  EXPECT_EQ(ModeOf(Path("out.csv")) & 0777, 0644u);  // 0666 less 022, as `>` would make it
  EXPECT_EQ(Names(), std::vector<std::string>{"out.csv"});
}

TEST_F(FileUtilTest, ReplacesAFileKeepingItsPermissions) {
  Put(Path("out.html"), "old");
  ASSERT_EQ(::chmod(Path("out.html").c_str(), 0640), 0);
  ASSERT_TRUE(WriteFileAtomically(Path("out.html"), "new").ok());
  EXPECT_EQ(Read(Path("out.html")), "new");
  EXPECT_EQ(ModeOf(Path("out.html")) & 0777, 0640u);
}

// Regression (issue 14): a read-only output was silently replaced.
TEST_F(FileUtilTest, RefusesAReadOnlyFileAndLeavesItUnchanged) {
  Put(Path("out.html"), "old");
  ASSERT_EQ(::chmod(Path("out.html").c_str(), 0444), 0);
  const Status st = WriteFileAtomically(Path("out.html"), "new");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(st.message().find("read-only"), std::string::npos) << st.message();
  EXPECT_EQ(Read(Path("out.html")), "old");
  EXPECT_EQ(Names(), std::vector<std::string>{"out.html"});
}

// Regression (issue 14): the temporary was OUT.tmp-<pid>, opened with fopen("wb"), which
// follows a link planted there by another user of the directory.
TEST_F(FileUtilTest, ALinkAtTheOldTemporaryNameIsNeitherFollowedNorTouched) {
  Put(Path("victim"), "precious");
  const std::string planted = Path("out.html.tmp-" + std::to_string(::getpid()));
  ASSERT_EQ(::symlink(Path("victim").c_str(), planted.c_str()), 0);
  ASSERT_TRUE(WriteFileAtomically(Path("out.html"), "report").ok());
  EXPECT_EQ(Read(Path("victim")), "precious");
  EXPECT_TRUE(S_ISLNK(ModeOf(planted)));
  EXPECT_EQ(fs::read_symlink(planted), Path("victim"));
  EXPECT_EQ(Read(Path("out.html")), "report");
  EXPECT_TRUE(S_ISREG(ModeOf(Path("out.html"))));
}

TEST_F(FileUtilTest, EachOutputGetsItsOwnNewTemporary) {
  OutputFile a, b;
  ASSERT_TRUE(a.Open(Path("out.pdf")).ok());
  ASSERT_TRUE(b.Open(Path("out.pdf")).ok());
  const std::vector<std::string> names = Names();
  ASSERT_EQ(names.size(), 2u);  // two distinct temporaries, created exclusively
  for (const std::string& name : names) {
    EXPECT_EQ(name.rfind("out.pdf.tmp-", 0), 0u) << name;
    EXPECT_EQ(name.size(), std::string("out.pdf.tmp-").size() + 12);
    struct stat info {};
    ASSERT_EQ(::lstat(Path(name).c_str(), &info), 0);
    EXPECT_TRUE(S_ISREG(info.st_mode));
    EXPECT_EQ(info.st_nlink, 1u);
  }
}

TEST_F(FileUtilTest, AnUncommittedOutputLeavesNothing) {
  Put(Path("out.svg"), "old");
  {
    OutputFile file;
    ASSERT_TRUE(file.Open(Path("out.svg")).ok());
    ASSERT_TRUE(file.Write("half a chart").ok());
  }
  EXPECT_EQ(Read(Path("out.svg")), "old");
  EXPECT_EQ(Names(), std::vector<std::string>{"out.svg"});
}

// Regression (issue 14): write errors (a full disk) were not all checked. RLIMIT_FSIZE makes
// write() fail with EFBIG exactly as ENOSPC would, without filling a disk.
TEST_F(FileUtilTest, AFailedWriteLeavesTheOldFileAndNoTemporary) {
  Put(Path("out.json"), "old");
  struct rlimit saved {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ASSERT_EQ(::sigaction(SIGXFSZ, &ignore, &previous), 0);
  struct rlimit small = saved;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  const Status st = WriteFileAtomically(Path("out.json"), std::string(100000, 'x'));
  ::setrlimit(RLIMIT_FSIZE, &saved);
  ::sigaction(SIGXFSZ, &previous, nullptr);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kIOError);  // EFBIG
  EXPECT_NE(st.message().find("File too large"), std::string::npos) << st.message();
  EXPECT_EQ(st.message().rfind(Path("out.json"), 0), 0u) << st.message();
  EXPECT_EQ(Read(Path("out.json")), "old");
  EXPECT_EQ(Names(), std::vector<std::string>{"out.json"});
}

// Regression (issue 14): `-o /dev/null` as root renamed a regular file over the device.
TEST_F(FileUtilTest, WritesThroughToAFifoWithoutReplacingIt) {
  ASSERT_EQ(::mkfifo(Path("pipe").c_str(), 0600), 0);
  const int reader = ::open(Path("pipe").c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  ASSERT_TRUE(WriteFileAtomically(Path("pipe"), "through").ok());
  char buffer[16] = {};
  EXPECT_EQ(::read(reader, buffer, sizeof buffer), 7);
  ::close(reader);
  EXPECT_EQ(std::string(buffer), "through");
  EXPECT_TRUE(S_ISFIFO(ModeOf(Path("pipe"))));
  EXPECT_EQ(Names(), std::vector<std::string>{"pipe"});
}

// A character device to write to that a bug cannot damage: as root, a copy of the device made
// in the test's directory; otherwise the real one, which only root could replace.
std::string SafeDevice(const std::string& dir, const char* name, unsigned minor) {
  if (::geteuid() != 0) return std::string("/dev/") + name;
  const std::string copy = dir + "/" + name;
  return ::mknod(copy.c_str(), S_IFCHR | 0666, ::makedev(1, minor)) == 0 ? copy : "";
}

TEST_F(FileUtilTest, WritesThroughToDevNullWithoutReplacingIt) {
  const std::string null = SafeDevice(dir_, "null", 3);  // Linux: 1,3 is /dev/null
  if (null.empty()) GTEST_SKIP() << "cannot make a device node here";
  ASSERT_TRUE(WriteFileAtomically(null, "gone").ok());
  EXPECT_TRUE(S_ISCHR(ModeOf(null)));
  EXPECT_EQ(Temporaries(), 0);
}

TEST_F(FileUtilTest, AFullCharacterDeviceIsAnErrorWithTheReason) {
  const std::string full = SafeDevice(dir_, "full", 7);  // 1,7 is /dev/full
  if (full.empty()) GTEST_SKIP() << "cannot make a device node here";
  const Status st = WriteFileAtomically(full, "x");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kIOError);  // ENOSPC
  EXPECT_NE(st.message().find("No space left on device"), std::string::npos) << st.message();
  EXPECT_TRUE(S_ISCHR(ModeOf(full)));
  EXPECT_EQ(Temporaries(), 0);
}

TEST_F(FileUtilTest, ALinkToARegularFileIsWrittenThroughAndKept) {
  Put(Path("real.csv"), "old");
  ASSERT_EQ(::symlink("real.csv", Path("link.csv").c_str()), 0);
  ASSERT_TRUE(WriteFileAtomically(Path("link.csv"), "new").ok());
  EXPECT_TRUE(S_ISLNK(ModeOf(Path("link.csv"))));
  EXPECT_EQ(Read(Path("real.csv")), "new");
  EXPECT_EQ(Names(), (std::vector<std::string>{"link.csv", "real.csv"}));
}

// The kernel's protected_symlinks rule, which realpath() does not apply: in a sticky shared
// directory such as /tmp, another user's link could aim our report at one of our files.
TEST_F(FileUtilTest, AnotherUsersLinkInAStickyDirectoryIsNotFollowed) {
  if (::geteuid() != 0) GTEST_SKIP() << "giving a link to another user needs root";
  const std::string shared = Path("shared");
  ASSERT_EQ(::mkdir(shared.c_str(), 0777), 0);
  ASSERT_EQ(::chmod(shared.c_str(), 01777), 0);  // as /tmp
  Put(Path("victim"), "precious");
  const std::string link = shared + "/report.html";
  ASSERT_EQ(::symlink(Path("victim").c_str(), link.c_str()), 0);
  ASSERT_EQ(::lchown(link.c_str(), 65534, 65534), 0);  // nobody's
  const Status st = WriteFileAtomically(link, "report");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(st.message().find("owned by another user"), std::string::npos) << st.message();
  EXPECT_EQ(Read(Path("victim")), "precious");
  // The same link of our own is followed.
  ASSERT_EQ(::lchown(link.c_str(), 0, 0), 0);
  ASSERT_TRUE(WriteFileAtomically(link, "report").ok());
  EXPECT_EQ(Read(Path("victim")), "report");
}

TEST_F(FileUtilTest, RefusesADanglingLinkAndADirectory) {
  ASSERT_EQ(::symlink("missing.csv", Path("link.csv").c_str()), 0);
  EXPECT_EQ(WriteFileAtomically(Path("link.csv"), "new").code(), StatusCode::kPermissionDenied);
  EXPECT_FALSE(fs::exists(Path("missing.csv")));
  fs::create_directory(Path("sub"));
  const Status st = WriteFileAtomically(Path("sub"), "new");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kPermissionDenied);
  EXPECT_NE(st.message().find("directory"), std::string::npos) << st.message();
  EXPECT_EQ(Names(), (std::vector<std::string>{"link.csv", "sub"}));
}

// Regression (issue 14): a run killed during a write left its temporary (up to 476 MB).
void ExpectASignalRemovesTheTemporary(const std::string& dir, int signal_number) {
  struct sigaction current {};
  ASSERT_EQ(::sigaction(signal_number, nullptr, &current), 0);
  // Kaizen leaves an ignored signal ignored (nohup, a background job), as it should.
  if (current.sa_handler == SIG_IGN) GTEST_SKIP() << "the signal is ignored in this process";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    OutputFile file;
    if (!file.Open(dir + "/big.pdf").ok() || !file.Write(std::string(1 << 20, 'x')).ok())
      ::_exit(1);
    ::raise(signal_number);
    ::_exit(2);  // not reached: the handler re-raises with the default action
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), signal_number);  // it still dies of the signal
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST_F(FileUtilTest, SigtermRemovesTheTemporary) {
  ExpectASignalRemovesTheTemporary(dir_, SIGTERM);
}
TEST_F(FileUtilTest, SigintRemovesTheTemporary) { ExpectASignalRemovesTheTemporary(dir_, SIGINT); }
TEST_F(FileUtilTest, SighupRemovesTheTemporary) { ExpectASignalRemovesTheTemporary(dir_, SIGHUP); }

}  // namespace
}  // namespace kaizen
