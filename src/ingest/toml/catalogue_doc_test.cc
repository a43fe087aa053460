// docs/catalogue.md must not fall behind the reader: every ```toml block in it parses without a
// diagnostic, the complete example means what the page says it means, and the page's example of
// a wrong catalogue (the first ```text block) gives exactly the errors shown in the second.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "kaizen/catalogue.h"
#include "test_support.h"

namespace kaizen {
namespace {

struct Block {
  int first_line;  // of the doc, for messages
  std::string text;
};

// The fenced blocks of docs/catalogue.md in `language` ("toml", "text"), in page order.
std::vector<Block> Blocks(const std::string& language) {
  const std::string doc = testing::ReadFile(testing::SourcePath("docs/catalogue.md"));
  std::vector<Block> blocks;
  std::istringstream in(doc);
  std::string line;
  bool inside = false;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!inside && line == "```" + language) {
      inside = true;
      blocks.push_back({number + 1, ""});
    } else if (!inside && line.starts_with("```") && line != "```") {
      inside = true;  // another language's block: skipped
      blocks.push_back({-1, ""});
    } else if (inside && line == "```") {
      inside = false;
    } else if (inside) {
      blocks.back().text += line + "\n";
    }
  }
  EXPECT_FALSE(inside) << "docs/catalogue.md ends inside a fenced block";
  std::erase_if(blocks, [](const Block& b) { return b.first_line < 0; });
  return blocks;
}

Date D(int y, int m, int d) { return *Date::FromCivil(y, m, d); }

TEST(CatalogueDocTest, EveryTomlBlockParses) {
  const std::vector<Block> blocks = Blocks("toml");
  ASSERT_GE(blocks.size(), 2u);
  for (const Block& block : blocks) {
    Diagnostics diagnostics;
    Result<Catalogue> c = ParseCatalogue(block.text, "docs/catalogue.md", &diagnostics);
    EXPECT_TRUE(c.ok()) << "the block at docs/catalogue.md line " << block.first_line << ": "
                        << c.status().message();
    for (const Diagnostic& d : diagnostics.all())
      ADD_FAILURE() << "block at line " << block.first_line << ": " << d.ToString();
  }
}

TEST(CatalogueDocTest, CompleteExampleMeansWhatThePageSays) {
  const std::vector<Block> blocks = Blocks("toml");
  ASSERT_FALSE(blocks.empty());
  Diagnostics diagnostics;
  Result<Catalogue> c = ParseCatalogue(blocks[0].text, "docs/catalogue.md", &diagnostics);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->title, "Integrated Performance Report: Operations and Quality");
  EXPECT_EQ(c->columns.indicator, "metric");
  EXPECT_EQ(c->columns.organisation, "trust");
  EXPECT_EQ(c->columns.period, "month");
  EXPECT_EQ(c->columns.numerator, "breaches");
  EXPECT_EQ(c->columns.denominator, "attendances");
  EXPECT_EQ(c->columns.comment, "note");
  ASSERT_EQ(c->indicators.size(), 2u);

  const Indicator& ae = c->indicators[0];
  EXPECT_EQ(ae.id, "ae-4h");
  EXPECT_EQ(ae.reference, "OP-01");
  EXPECT_EQ(ae.domain, "Responsive");
  EXPECT_EQ(ae.direction, Direction::kHigherIsBetter);
  EXPECT_EQ(ae.chart, ChartType::kXmr);
  const ProfileOverrides overrides = {{"trend_length", "6"}, {"mr_screening", "exclude_above_ucl"}};
  EXPECT_EQ(ae.overrides, overrides);
  EXPECT_EQ(ae.multiplier, 100.0);
  EXPECT_EQ(ae.aggregation, Aggregation::kSum);
  EXPECT_EQ(ae.refresh, "monthly");
  EXPECT_EQ(ae.measure_type, "outcome");
  EXPECT_EQ(ae.baseline.first_n, 12);
  ASSERT_EQ(ae.targets.size(), 2u);
  EXPECT_EQ(ae.TargetAt(D(2019, 1, 1))->value, 95.0);
  EXPECT_EQ(ae.TargetAt(D(2023, 4, 1))->value, 76.0);
  EXPECT_EQ(ae.targets[1].decision.decided_on, D(2023, 1, 30));
  ASSERT_EQ(ae.rebases.size(), 1u);
  EXPECT_EQ(ae.rebases[0].date, D(2020, 4, 1));
  EXPECT_EQ(ae.rebases[0].decision.decided_on, D(2020, 6, 18));
  ASSERT_EQ(ae.ghosts.size(), 1u);
  EXPECT_EQ(ae.ghosts[0].date, D(2018, 3, 1));
  ASSERT_EQ(ae.annotations.size(), 1u);
  ASSERT_EQ(ae.narratives.size(), 1u);
  EXPECT_EQ(ae.narratives[0].author, "Chief Operating Officer");

  const Indicator& cdi = c->indicators[1];
  EXPECT_EQ(cdi.chart, ChartType::kU);
  EXPECT_EQ(cdi.direction, Direction::kLowerIsBetter);
  EXPECT_EQ(cdi.profile, "nhsr");
  EXPECT_EQ(cdi.multiplier, 10000.0);
  EXPECT_EQ(cdi.baseline.from, D(2021, 4, 1));
  EXPECT_EQ(cdi.baseline.to, D(2022, 3, 1));
  EXPECT_EQ(cdi.TargetAt(D(2023, 1, 1))->value, 2.5);
  EXPECT_FALSE(cdi.TargetAt(D(2024, 4, 1)).has_value());  // withdrawn with "none"
}

TEST(CatalogueDocTest, ErrorExampleGivesTheErrorsShown) {
  const std::vector<Block> blocks = Blocks("text");
  ASSERT_GE(blocks.size(), 2u);
  Diagnostics diagnostics;
  EXPECT_FALSE(ParseCatalogue(blocks[0].text, "indicators.toml", &diagnostics).ok());
  std::string shown;
  for (const Diagnostic& d : diagnostics.all()) shown += d.ToString() + "\n";
  EXPECT_EQ(shown, blocks[1].text)
      << "update the error example in docs/catalogue.md (line " << blocks[1].first_line << ")";
}

// The bundled examples' catalogues are documentation too.
TEST(CatalogueDocTest, EveryExampleCatalogueParses) {
  int found = 0;
  for (const auto& dir : std::filesystem::directory_iterator(testing::SourcePath("examples"))) {
    const std::filesystem::path path = dir.path() / "indicators.toml";
    if (!std::filesystem::exists(path)) continue;
    ++found;
    Diagnostics diagnostics;
    Result<Catalogue> c = ReadCatalogue(path.string(), &diagnostics);
    EXPECT_TRUE(c.ok()) << c.status().message();
    for (const Diagnostic& d : diagnostics.all()) ADD_FAILURE() << d.ToString();
    if (c.ok()) {
      EXPECT_FALSE(c->indicators.empty()) << path;
    }
  }
  EXPECT_GE(found, 1);
}

}  // namespace
}  // namespace kaizen
