#include "ingest/name_limits.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "kaizen/catalogue.h"
#include "kaizen/ingest.h"
#include "test_support.h"

namespace kaizen::ingest {
namespace {

TEST(NameLimitsTest, TwoHundredCharactersAreAcceptedAndOneMoreIsNot) {
  EXPECT_EQ(CheckNameLength("the organisation name", std::string(200, 'a')), "");
  const std::string problem = CheckNameLength("the organisation name", std::string(201, 'a'));
  EXPECT_EQ(problem.rfind("the organisation name is 201 characters long (the limit is 200", 0), 0u)
      << problem;
}

TEST(NameLimitsTest, CharactersNotBytes) {
  std::string accented;
  for (int i = 0; i < 200; ++i) accented += "\xC3\xA9";  // é: 2 bytes, 1 character
  EXPECT_EQ(CountCharacters(accented), 200u);
  EXPECT_EQ(CheckNameLength("the name", accented), "");
  EXPECT_NE(CheckNameLength("the name", accented + "\xC3\xA9"), "");
}

// Regression: a 30,000-character organisation name took 28 s to draw as a PNG, 120,000 more than
// ten minutes. It is refused at import, with its line and column.
TEST(NameLimitsTest, AbsurdOrganisationNameIsRefusedWithItsLine) {
  const std::string csv = "indicator,organisation,period,value\nae,RF4,2022-01-01,1\nae," +
                          std::string(30000, 'x') + ",2022-01-01,2\n";
  const std::string path = ::testing::TempDir() + "kaizen_long_name.csv";
  std::ofstream(path, std::ios::binary) << csv;
  Diagnostics diagnostics;
  Result<std::vector<Series>> all = ReadAllSeries(path, nullptr, {}, &diagnostics);
  EXPECT_FALSE(all.ok());
  ASSERT_EQ(diagnostics.error_count(), 1u);
  EXPECT_EQ(diagnostics.all()[0].line, 3);
  EXPECT_EQ(diagnostics.all()[0].column, 2);
  EXPECT_NE(diagnostics.all()[0].message.find("the organisation name is 30000 characters long"),
            std::string::npos)
      << diagnostics.all()[0].message;
}

TEST(NameLimitsTest, AbsurdCatalogueNamesAreRefusedWithTheirLine) {
  const std::string toml =
      "title = \"t\"\n\n[[indicator]]\nid = \"ae\"\nname = \"" + std::string(250, 'n') + "\"\n";
  Diagnostics diagnostics;
  Result<Catalogue> c = ParseCatalogue(toml, "c.toml", &diagnostics);
  EXPECT_FALSE(c.ok());
  ASSERT_GE(diagnostics.error_count(), 1u);
  bool found = false;
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.message.find("the indicator name is 250 characters long") != std::string::npos) {
      found = true;
      EXPECT_EQ(d.line, 5);
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace kaizen::ingest
