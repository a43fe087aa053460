// Every machine name of every enum that appears in an output is listed in docs/api.md, so a
// script's author can look up each value a field can take (issue 9 item 3; the names come
// from the one table, kaizen/names.h). Like diagnostic_codes_doc_test.cc for diag codes.
#include <gtest/gtest.h>

#include <string>

#include "kaizen/names.h"
#include "test_support.h"

namespace kaizen {
namespace {

TEST(NamesDocTest, DocsApiListsEveryNameOfEveryOutputEnum) {
  const std::string doc = testing::ReadFile(testing::SourcePath("docs/api.md"));
  const std::size_t section = doc.find("## Enum names");
  ASSERT_NE(section, std::string::npos) << "docs/api.md has no \"Enum names\" section";
  const std::vector<OutputEnumNames> enums = AllOutputEnumNames();
  ASSERT_EQ(enums.size(), 12u);  // the enums written in outputs when this test was written
  for (const OutputEnumNames& e : enums) {
    const std::size_t row = doc.find("| " + std::string(e.enum_name) + " |", section);
    ASSERT_NE(row, std::string::npos) << e.enum_name << " has no row under \"Enum names\"";
    const std::string line = doc.substr(row, doc.find('\n', row) - row);
    for (std::string_view name : e.names) {
      EXPECT_NE(line.find("`" + std::string(name) + "`"), std::string::npos)
          << e.enum_name << "'s name `" << name << "` is not in its row of docs/api.md";
    }
  }
}

}  // namespace
}  // namespace kaizen
