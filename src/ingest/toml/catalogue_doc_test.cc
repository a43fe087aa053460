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
  EXPECT_EQ(c->columns.indicator, "");
  EXPECT_EQ(c->columns.organisation, "org_code");
  EXPECT_EQ(c->columns.period, "period");
  ASSERT_EQ(c->indicators.size(), 2u);

  // Performance is the share seen in time (issue 8, item 9), not breaches over attendances.
  const Indicator& ae = c->indicators[0];
  EXPECT_EQ(ae.id, "ae-4h");
  EXPECT_EQ(ae.reference, "OP-01");
  EXPECT_EQ(ae.domain, "Responsive");
  EXPECT_EQ(ae.direction, Direction::kHigherIsBetter);
  EXPECT_EQ(ae.chart, ChartType::kPPrime);
  EXPECT_EQ(ae.numerator_expression, "attendances - breaches");
  EXPECT_EQ(ae.denominator_expression, "attendances");
  EXPECT_EQ(ae.where, "type == '1'");
  const ProfileOverrides overrides = {{"trend_length", "6"}, {"mr_screening", "exclude_above_ucl"}};
  EXPECT_EQ(ae.overrides, overrides);
  EXPECT_EQ(ae.multiplier, 100.0);
  EXPECT_EQ(ae.aggregation, Aggregation::kSum);
  EXPECT_EQ(ae.refresh, "monthly");
  EXPECT_EQ(ae.measure_type, "outcome");
  EXPECT_EQ(ae.baseline.first_n, 20);
  ASSERT_EQ(ae.targets.size(), 3u);
  ASSERT_EQ(ae.rebases.size(), 1u);
  EXPECT_EQ(ae.rebases[0].date, D(2020, 4, 1));
  EXPECT_TRUE(ae.rebases[0].organisations.Everyone());
  EXPECT_EQ(ae.rebases[0].decision.decided_on, D(2020, 6, 18));

  // Every trust but R1H: the national targets and none of R1H's decisions.
  const Indicator rf4 = ae.ForOrganisation("RF4");
  EXPECT_EQ(rf4.TargetAt(D(2019, 1, 1))->value, 95.0);
  EXPECT_EQ(rf4.TargetAt(D(2023, 4, 1))->value, 76.0);
  EXPECT_EQ(rf4.TargetAt(D(2023, 4, 1))->decision.decided_on, D(2023, 1, 30));
  EXPECT_TRUE(rf4.ghosts.empty());
  EXPECT_TRUE(rf4.annotations.empty());
  EXPECT_TRUE(rf4.narratives.empty());
  EXPECT_EQ(rf4.rebases.size(), 1u);
  // R1H: its own 90 % from April 2018 on, in place of both national steps.
  const Indicator r1h = ae.ForOrganisation("R1H");
  EXPECT_EQ(r1h.TargetAt(D(2018, 3, 1))->value, 95.0);
  EXPECT_EQ(r1h.TargetAt(D(2018, 4, 1))->value, 90.0);
  EXPECT_EQ(r1h.TargetAt(D(2023, 4, 1))->value, 90.0);
  ASSERT_EQ(r1h.ghosts.size(), 1u);
  EXPECT_EQ(r1h.ghosts[0].date, D(2018, 3, 1));
  ASSERT_EQ(r1h.annotations.size(), 1u);
  ASSERT_EQ(r1h.narratives.size(), 1u);
  EXPECT_EQ(r1h.narratives[0].author, "Chief Operating Officer");

  // The breach rate, correctly: its complement, lower is better, against 5 %.
  const Indicator& over = c->indicators[1];
  EXPECT_EQ(over.chart, ChartType::kPPrime);
  EXPECT_EQ(over.direction, Direction::kLowerIsBetter);
  EXPECT_EQ(over.numerator_expression, "breaches");
  EXPECT_EQ(over.profile, "nhsr");
  EXPECT_EQ(over.multiplier, 100.0);
  EXPECT_EQ(over.baseline.from, D(2016, 4, 1));
  EXPECT_EQ(over.baseline.to, D(2017, 11, 1));
  EXPECT_EQ(over.TargetAt(D(2020, 1, 1))->value, 5.0);
  EXPECT_FALSE(over.TargetAt(D(2024, 4, 1)).has_value());  // withdrawn with "none"
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
