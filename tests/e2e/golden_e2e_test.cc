// The golden JSON files (tests/golden/README.md): each tests/golden/cases/NAME.args is one
// kaizen command; its standard output must equal NAME.json byte for byte. They lock the output
// format (field names and order, enum names, number spelling, schema_version); the values are
// asserted independently by the conformance and end-to-end tests. Adding a case adds two files.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace kaizen {
namespace {

namespace fs = std::filesystem;

fs::path CasesDir() { return fs::path(KAIZEN_SOURCE_DIR) / "tests/golden/cases"; }

// Every case's name (the .args file's stem), sorted so the test order is stable.
std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(CasesDir()))
    if (entry.path().extension() == ".args") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The arguments, their final newline dropped, with $OUT naming the test's own directory.
std::string ArgumentsOf(const std::string& name, const std::string& scratch) {
  std::string args = testing::ReadFile((CasesDir() / (name + ".args")).string());
  while (!args.empty() && (args.back() == '\n' || args.back() == '\r')) args.pop_back();
  for (std::size_t at; (at = args.find("$OUT")) != std::string::npos;) args.replace(at, 4, scratch);
  return args;
}

// The first line where two texts differ (1-based), so a failure points at the change.
std::size_t FirstDifferentLine(const std::string& a, const std::string& b) {
  const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  return static_cast<std::size_t>(std::count(a.begin(), ia, '\n')) + 1;
}

class GoldenJsonTest : public CliTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(GoldenJsonTest, OutputEqualsTheGoldenFile) {
  const std::string& name = GetParam();
  const CliRun r = Kaizen(ArgumentsOf(name, dir_));
  ASSERT_EQ(r.exit_code, 0) << name << ": " << r.err;
  const std::string golden = testing::ReadFile((CasesDir() / (name + ".json")).string());
  EXPECT_TRUE(r.out == golden)
      << "tests/golden/cases/" << name << ".json differs from the output at line "
      << FirstDifferentLine(golden, r.out)
      << "; if the change is intended, run scripts/update-golden and review the diff";
}

// Test names may hold only letters, digits and underscores.
std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](unsigned char c) { return !std::isalnum(c); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenJsonTest, ::testing::ValuesIn(CaseNames()), TestName);

}  // namespace
}  // namespace kaizen
