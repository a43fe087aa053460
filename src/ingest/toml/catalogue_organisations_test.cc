// The catalogue's `organisation` key on targets, rebases, ghosts, annotations and narratives
// (issue 8, item 6): what it reads, where it remembers it was written, and the mistakes it
// refuses. Line 1 of each snippet is the line after the opening R"(; columns count from 1.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "kaizen/catalogue.h"

namespace kaizen {
namespace {

Date D(int y, int m, int d) { return *Date::FromCivil(y, m, d); }

Result<Catalogue> Parse(std::string_view text, Diagnostics* diagnostics) {
  if (!text.empty() && text.front() == '\n') text.remove_prefix(1);
  return ParseCatalogue(text, "indicators.toml", diagnostics);
}

std::string All(const Diagnostics& d) {
  std::string all;
  for (const Diagnostic& x : d.all()) all += x.ToString() + "\n";
  return all;
}

void ExpectOneError(std::string_view text, int line, int column, std::string_view fragment) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(text, &diagnostics);
  ASSERT_FALSE(c.ok());
  ASSERT_EQ(diagnostics.error_count(), 1u) << All(diagnostics);
  const Diagnostic& d = diagnostics.all()[0];
  EXPECT_EQ(d.line, line) << d.ToString();
  EXPECT_EQ(d.column, column) << d.ToString();
  EXPECT_EQ(d.code, diag::kBadCatalogue) << d.ToString();
  EXPECT_NE(d.message.find(fragment), std::string::npos) << d.ToString();
}

TEST(CatalogueOrganisationsTest, EveryDecisionMayNameItsOrganisations) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
[[indicator]]
id = "ae-4h"
name = "A&E"
[[indicator.target]]
from = 2016-04-01
value = 95
[[indicator.target]]
from = 2016-04-01
value = 90
organisation = "RF4"
[[indicator.rebase]]
date = 2017-10-01
reason = "streaming"
organisation = "RF4"
[[indicator.ghost]]
date = 2018-03-01
reason = "extraction fault"
organisations = ["R1H", "RF4"]
[[indicator.annotation]]
date = 2018-01-01
text = "new unit"
organisation = ["R1H"]
[[indicator.narrative]]
period = 2019-03-01
text = "cause"
organisation = "R1H"
)",
                              &diagnostics);
  ASSERT_TRUE(c.ok()) << All(diagnostics);
  EXPECT_TRUE(diagnostics.all().empty()) << All(diagnostics);
  const Indicator& ind = c->indicators[0];
  ASSERT_EQ(ind.targets.size(), 2u);
  EXPECT_TRUE(ind.targets[0].organisations.Everyone());
  EXPECT_EQ(ind.targets[1].organisations.names, std::vector<std::string>{"RF4"});
  EXPECT_EQ(ind.targets[1].organisations.line, 10);
  EXPECT_EQ(ind.targets[1].organisations.column, 16);
  ASSERT_EQ(ind.rebases.size(), 1u);
  EXPECT_EQ(ind.rebases[0].organisations.names, std::vector<std::string>{"RF4"});
  EXPECT_EQ(ind.rebases[0].date, D(2017, 10, 1));
  ASSERT_EQ(ind.ghosts.size(), 1u);
  EXPECT_EQ(ind.ghosts[0].organisations.names, (std::vector<std::string>{"R1H", "RF4"}));
  EXPECT_EQ(ind.ghosts[0].organisations.line, 18);
  EXPECT_EQ(ind.annotations[0].organisations.names, std::vector<std::string>{"R1H"});
  EXPECT_TRUE(ind.narratives[0].AppliesTo("R1H"));
  EXPECT_FALSE(ind.narratives[0].AppliesTo("RF4"));
  // RF4's own step replaces the shared one of the same date; R1H keeps the shared one.
  EXPECT_EQ(ind.ForOrganisation("RF4").TargetAt(D(2017, 1, 1))->value, 90.0);
  EXPECT_EQ(ind.ForOrganisation("R1H").TargetAt(D(2017, 1, 1))->value, 95.0);
}

TEST(CatalogueOrganisationsTest, OneDateMayHoldOneStepPerOrganisation) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
[[indicator]]
id = "a"
name = "A"
target = [{ from = 2024-04-01, value = 90, organisation = "RXX" },
          { from = 2024-04-01, value = 85, organisation = "RYY" }]
rebase = [{ date = 2024-04-01, reason = "x", organisation = "RXX" },
          { date = 2024-04-01, reason = "y", organisation = "RYY" }]
)",
                              &diagnostics);
  EXPECT_TRUE(c.ok()) << All(diagnostics);
}

TEST(CatalogueOrganisationsTest, TwoStepsForOneOrganisationOnOneDateAreRefused) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
target = [{ from = 2024-04-01, value = 90, organisation = ["RXX", "RYY"] },
          { from = 2024-04-01, value = 85, organisation = "RYY" }]
)",
                 5, 20, "already has a target from 2024-04-01 (line 4");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
rebase = [{ date = 2024-04-01, reason = "x" },
          { date = 2024-04-01, reason = "y", organisation = "RYY" }]
)",
                 1, 1, "two rebases on 2024-04-01 for one organisation");
}

TEST(CatalogueOrganisationsTest, AnOrganisationMustBeNamed) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.rebase]]
date = 2024-04-01
reason = "x"
organisation = []
)",
                 7, 16, "'organisation' in indicator 'a', rebase is an empty list");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.ghost]]
date = 2024-04-01
reason = "x"
organisations = ["RXX", 7]
)",
                 7, 25, "must name organisations, found an integer");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.narrative]]
period = 2024-04-01
text = "x"
organisation = ""
)",
                 7, 16, "names an empty organisation");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.annotation]]
date = 2024-04-01
text = "x"
organisation = "RXX"
organisations = ["RYY"]
)",
                 8, 17, "gives both 'organisation' and 'organisations'");
}

TEST(CatalogueOrganisationsTest, ARefusedScopeDropsTheDecision) {
  // A rebase meant for one trust must not silently apply to all of them.
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.rebase]]
date = 2024-04-01
reason = "x"
organisation = 42
)",
                              &diagnostics);
  EXPECT_FALSE(c.ok());
  EXPECT_EQ(diagnostics.error_count(), 1u) << All(diagnostics);
}

}  // namespace
}  // namespace kaizen
