// The harness of the end-to-end tests: runs the real `kaizen` binary (its path comes from CMake,
// KAIZEN_CLI_PATH) from the source directory, in a fresh temporary directory per test, and
// captures its exit code, standard output and standard error separately.
#ifndef KAIZEN_TESTS_E2E_CLI_HARNESS_H_
#define KAIZEN_TESTS_E2E_CLI_HARNESS_H_

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_support.h"

namespace kaizen {

struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/kaizen-e2e-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs kaizen with `args` (already shell-quoted where needed) from the source directory.
  CliRun Kaizen(const std::string& args) {
    const std::string out = dir_ + "/stdout", err = dir_ + "/stderr";
    const std::string command = "cd '" + std::string(KAIZEN_SOURCE_DIR) + "' && '" +
                                KAIZEN_CLI_PATH + "' " + args + " >'" + out + "' 2>'" + err + "'";
    const int status = std::system(command.c_str());
    CliRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = testing::ReadFile(out);
    r.err = testing::ReadFile(err);
    return r;
  }
  // Runs a shell script from the source directory, with $KAIZEN the binary and $DIR the test's
  // directory, for what needs the shell: pipes, redirections, ulimit, `exec`. Captures the
  // script's standard error (and standard output unless the script redirects it).
  CliRun Shell(const std::string& script) {
    const std::string out = dir_ + "/stdout", err = dir_ + "/stderr", file = dir_ + "/script.sh";
    {
      std::FILE* f = std::fopen(file.c_str(), "w");
      std::fputs(script.c_str(), f);
      std::fclose(f);
    }
    const std::string command = "cd '" + std::string(KAIZEN_SOURCE_DIR) + "' && KAIZEN='" +
                                KAIZEN_CLI_PATH + "' DIR='" + dir_ + "' sh '" + file + "' >'" +
                                out + "' 2>'" + err + "'";
    const int status = std::system(command.c_str());
    CliRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = testing::ReadFile(out);
    r.err = testing::ReadFile(err);
    return r;
  }
  std::string dir_;
};

}  // namespace kaizen

#endif  // KAIZEN_TESTS_E2E_CLI_HARNESS_H_
