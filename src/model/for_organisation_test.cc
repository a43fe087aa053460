// Decisions per organisation (issue 8, item 6): an indicator seen from one organisation keeps
// only the decisions that apply to it, and an organisation's own target replaces the shared one
// from its first step. The expected lists are worked out by hand from the rule in
// docs/catalogue.md ("Decisions per organisation").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kaizen/catalogue.h"
#include "kaizen/model.h"

namespace kaizen {
namespace {

Date D(int y, int m) { return *Date::FromCivil(y, m, 1); }

OrganisationScope Of(std::vector<std::string> names) { return {std::move(names), 7, 3}; }

TargetStep Step(Date from, double value, OrganisationScope who = {}) {
  return {.from = from, .value = value, .set_by = "", .decision = {}, .organisations = who};
}

TEST(OrganisationScopeTest, NamedOrEveryone) {
  const OrganisationScope everyone;
  EXPECT_TRUE(everyone.Everyone());
  EXPECT_TRUE(everyone.Includes("RXX"));
  const OrganisationScope two = Of({"RXX", "RYY"});
  EXPECT_TRUE(two.Includes("RYY"));
  EXPECT_FALSE(two.Includes("RZZ"));
  EXPECT_FALSE(two.Includes(""));
  EXPECT_TRUE(two.Overlaps(everyone));
  EXPECT_TRUE(two.Overlaps(Of({"RZZ", "RXX"})));
  EXPECT_FALSE(two.Overlaps(Of({"RZZ"})));
}

TEST(ForOrganisationTest, KeepsOnlyTheDecisionsForThatOrganisation) {
  Indicator ind;
  ind.rebases = {{D(2020, 4), {"shared"}, {}}, {D(2021, 4), {"RXX only"}, Of({"RXX"})}};
  ind.ghosts = {{D(2020, 6), {"RYY only"}, Of({"RYY"})}};
  ind.annotations = {{D(2020, 5), "both", Of({"RXX", "RYY"})}, {D(2020, 7), "RYY", Of({"RYY"})}};
  ind.narratives = {{D(2020, 8), "every trust", "A", {}}, {D(2020, 8), "RXX's", "B", Of({"RXX"})}};
  EXPECT_TRUE(ind.HasOrganisationDecisions());

  const Indicator rxx = ind.ForOrganisation("RXX");
  ASSERT_EQ(rxx.rebases.size(), 2u);
  EXPECT_EQ(rxx.rebases[1].decision.reason, "RXX only");
  EXPECT_TRUE(rxx.ghosts.empty());
  ASSERT_EQ(rxx.annotations.size(), 1u);
  EXPECT_EQ(rxx.annotations[0].text, "both");
  ASSERT_EQ(rxx.narratives.size(), 2u);

  const Indicator rzz = ind.ForOrganisation("RZZ");
  ASSERT_EQ(rzz.rebases.size(), 1u);
  EXPECT_EQ(rzz.rebases[0].decision.reason, "shared");
  EXPECT_TRUE(rzz.ghosts.empty());
  EXPECT_TRUE(rzz.annotations.empty());
  ASSERT_EQ(rzz.narratives.size(), 1u);
  EXPECT_EQ(rzz.narratives[0].text, "every trust");
}

TEST(ForOrganisationTest, AnOrganisationsOwnTargetWinsFromItsDate) {
  Indicator ind;
  // National: 95 from 2016, 76 from 2023. RXX agreed a local 90 from mid-2020 and 85 from 2024.
  ind.targets = {Step(D(2016, 4), 95), Step(D(2020, 6), 90, Of({"RXX"})), Step(D(2023, 4), 76),
                 Step(D(2024, 4), 85, Of({"RXX"}))};

  const Indicator rxx = ind.ForOrganisation("RXX");
  ASSERT_EQ(rxx.targets.size(), 3u);  // 95 until its own 90; the national 76 never applies
  EXPECT_EQ(rxx.TargetAt(D(2020, 5))->value, 95.0);
  EXPECT_EQ(rxx.TargetAt(D(2020, 6))->value, 90.0);
  EXPECT_EQ(rxx.TargetAt(D(2023, 6))->value, 90.0);
  EXPECT_EQ(rxx.TargetAt(D(2024, 4))->value, 85.0);

  const Indicator ryy = ind.ForOrganisation("RYY");
  ASSERT_EQ(ryy.targets.size(), 2u);
  EXPECT_EQ(ryy.TargetAt(D(2020, 6))->value, 95.0);
  EXPECT_EQ(ryy.TargetAt(D(2023, 6))->value, 76.0);
}

TEST(ForOrganisationTest, AnOrganisationsStepOnTheSharedDateReplacesIt) {
  Indicator ind;
  ind.targets = {Step(D(2016, 4), 95), Step(D(2016, 4), 92, Of({"RXX"}))};
  EXPECT_EQ(ind.ForOrganisation("RXX").TargetAt(D(2017, 1))->value, 92.0);
  EXPECT_EQ(ind.ForOrganisation("RYY").TargetAt(D(2017, 1))->value, 95.0);
}

TEST(ForOrganisationTest, AnIndicatorWithoutNamedOrganisationsIsUnchanged) {
  Indicator ind;
  ind.targets = {Step(D(2016, 4), 95), Step(D(2023, 4), 76)};
  ind.rebases = {{D(2020, 4), {"shared"}, {}}};
  EXPECT_FALSE(ind.HasOrganisationDecisions());
  const Indicator any = ind.ForOrganisation("RXX");
  ASSERT_EQ(any.targets.size(), 2u);
  EXPECT_EQ(any.rebases.size(), 1u);
}

TEST(WarnOrganisationsNotInDataTest, NamesTheCatalogueLineOfAnOrganisationTheDataLacks) {
  Catalogue catalogue;
  Indicator ind;
  ind.id = "ae-4h";
  ind.rebases = {{D(2020, 4), {"RXX and RQQ"}, Of({"RXX", "RQQ"})}};
  catalogue.indicators.push_back(ind);
  Indicator absent;  // the data holds no series of it at all: not an organisation problem
  absent.id = "cdi";
  absent.ghosts = {{D(2020, 4), {"why"}, Of({"RZZ"})}};
  catalogue.indicators.push_back(absent);

  Diagnostics d;
  WarnOrganisationsNotInData(catalogue, "indicators.toml", {{"ae-4h", "RXX"}, {"ae-4h", "RYY"}},
                             &d);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.error_count(), 0u);
  EXPECT_EQ(d.all()[0].ToString(),
            "indicators.toml:7:3: warning [organisation_not_in_data]: indicator 'ae-4h', rebase: "
            "the data holds no series of this indicator for organisation 'RQQ', so it applies to "
            "none (expected an organisation code the data uses; check the spelling)");
}

}  // namespace
}  // namespace kaizen
