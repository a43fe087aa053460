// Every diagnostic code and every engine warning code is listed in docs/cli.md, so a user who
// meets one in brackets can look it up (issue 14: "some CLI warnings lack codes").
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen {
namespace {

std::string ReadSource(const std::string& relative) {
  return testing::ReadFile(testing::SourcePath(relative));
}

// The codes declared in include/kaizen/diagnostics.h: `inline constexpr ... kX = "code";`.
std::vector<std::string> DeclaredCodes() {
  const std::string header = ReadSource("include/kaizen/diagnostics.h");
  const std::regex declaration(R"re(constexpr std::string_view k\w+ = "([a-z0-9_]+)";)re");
  std::vector<std::string> codes;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), declaration);
       it != std::sregex_iterator(); ++it) {
    codes.push_back((*it)[1]);
  }
  return codes;
}

TEST(DiagnosticCodesDocTest, EveryDiagnosticCodeIsInTheTable) {
  const std::vector<std::string> codes = DeclaredCodes();
  ASSERT_GE(codes.size(), 45u);  // the header held 45 codes when this test was written
  const std::string doc = ReadSource("docs/cli.md");
  for (const std::string& code : codes)
    EXPECT_NE(doc.find("`" + code + "`"), std::string::npos) << code << " is not in docs/cli.md";
}

TEST(DiagnosticCodesDocTest, EveryEngineWarningCodeIsInTheTable) {
  const std::string doc = ReadSource("docs/cli.md");
  const std::size_t table = doc.find("### Series warnings");
  ASSERT_NE(table, std::string::npos);
  for (int c = 0; c <= static_cast<int>(kLastWarningCode); ++c) {
    const std::string code(WarningCodeName(static_cast<WarningCode>(c)));
    EXPECT_NE(doc.find("`" + code + "`", table), std::string::npos)
        << code << " is not under \"Series warnings\" in docs/cli.md";
  }
}

}  // namespace
}  // namespace kaizen
