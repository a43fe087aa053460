// The TOML catalogue reader: every field lands in the model, and every kind of mistake is a
// diagnostic at the line and column of the offending key or value. Line 1 of each snippet is
// the line after the opening R"( (Parse() drops that first newline), and columns count from 1.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>

#include "kaizen/catalogue.h"
#include "kaizen/memory_env.h"

namespace kaizen {
namespace {

Date D(int y, int m, int d) { return *Date::FromCivil(y, m, d); }

Result<Catalogue> Parse(std::string_view text, Diagnostics* diagnostics) {
  if (!text.empty() && text.front() == '\n') text.remove_prefix(1);
  return ParseCatalogue(text, "indicators.toml", diagnostics);
}

// The single error a snippet must raise, checked for position and wording.
void ExpectOneError(std::string_view text, int line, int column, std::string_view fragment) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(text, &diagnostics);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(diagnostics.error_count(), 1u) << [&] {
    std::string all;
    for (const Diagnostic& d : diagnostics.all()) all += d.ToString() + "\n";
    return all;
  }();
  const Diagnostic& d = diagnostics.all()[0];
  EXPECT_EQ(d.file, "indicators.toml");
  EXPECT_EQ(d.line, line) << d.ToString();
  EXPECT_EQ(d.column, column) << d.ToString();
  EXPECT_NE(d.message.find(fragment), std::string::npos) << d.ToString();
}

TEST(CatalogueTest, FullIndicatorFillsEveryField) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
title = "Board report"

[columns]
indicator = "metric"
organisation = "trust"
period = "month"
value = "v"
numerator = "num"
denominator = "den"
comment = ""

[[indicator]]
id = "cdi"
reference = "Q-07"
name = "C. difficile per 10,000 bed days"
unit = "per 10,000 bed days"
description = "Hospital-onset cases"
domain = "Safe"
direction = "lower"
chart = "u"
profile = "nhsr"
overrides = { trend_length = 6, xmr_sigma_constant = 2.6596, crossings = true, trend_ties = "skip" }
conflict_preference = "improvement"
multiplier = 10000
aggregation = "sum"
accountable_person = "Chief Nurse"
data_owner = "Infection Prevention Lead"
data_source = "Datix"
data_quality = "Sufficient"
refresh = "monthly"
measure_type = "process"
baseline = { from = 2021-04-01, to = "2022-03-01" }

[[indicator.target]]
from = 2023-04-01
value = 2
set_by = "local"

[[indicator.target]]
from = 2021-04-01
value = 2.5
set_by = "regional"
reason = "ICB ceiling"
decided_by = "ICB Quality Committee"
decided_on = 2021-03-15

[[indicator.target]]
from = 2024-04-01
value = "none"

[[indicator.rebase]]
date = 2022-06-01
reason = "New cleaning regime"
decided_by = "IPC Committee"
decided_on = "2022-09-01"

[[indicator.ghost]]
date = 2021-12-01
reason = "Ward closure"

[[indicator.annotation]]
date = 2022-01-01
text = "Outbreak on ward 7"

[[indicator.narrative]]
period = 2022-01-01
text = "Cause: outbreak. Actions: deep clean."
author = "Chief Nurse"
)",
                              &diagnostics);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(diagnostics.all().size(), 0u);
  EXPECT_EQ(c->title, "Board report");
  EXPECT_EQ(c->columns.indicator, "metric");
  EXPECT_EQ(c->columns.organisation, "trust");
  EXPECT_EQ(c->columns.period, "month");
  EXPECT_EQ(c->columns.value, "v");
  EXPECT_EQ(c->columns.numerator, "num");
  EXPECT_EQ(c->columns.denominator, "den");
  EXPECT_EQ(c->columns.comment, "");

  ASSERT_EQ(c->indicators.size(), 1u);
  const Indicator& ind = c->indicators[0];
  EXPECT_EQ(c->Find("cdi"), &ind);
  EXPECT_EQ(c->Find("nope"), nullptr);
  EXPECT_EQ(ind.id, "cdi");
  EXPECT_EQ(ind.reference, "Q-07");
  EXPECT_EQ(ind.name, "C. difficile per 10,000 bed days");
  EXPECT_EQ(ind.unit, "per 10,000 bed days");
  EXPECT_EQ(ind.description, "Hospital-onset cases");
  EXPECT_EQ(ind.domain, "Safe");
  EXPECT_EQ(ind.direction, Direction::kLowerIsBetter);
  EXPECT_EQ(ind.chart, ChartType::kU);
  EXPECT_EQ(ind.profile, "nhsr");
  const ProfileOverrides expected_overrides = {{"trend_length", "6"},
                                               {"xmr_sigma_constant", "2.6596"},
                                               {"crossings", "true"},
                                               {"trend_ties", "skip"}};
  EXPECT_EQ(ind.overrides, expected_overrides);
  EXPECT_EQ(ind.conflict_preference, ConflictPreference::kImprovement);
  EXPECT_EQ(ind.multiplier, 10000.0);
  EXPECT_EQ(ind.aggregation, Aggregation::kSum);
  EXPECT_EQ(ind.accountable_person, "Chief Nurse");
  EXPECT_EQ(ind.data_owner, "Infection Prevention Lead");
  EXPECT_EQ(ind.data_source, "Datix");
  EXPECT_EQ(ind.data_quality, "Sufficient");
  EXPECT_EQ(ind.refresh, "monthly");
  EXPECT_EQ(ind.measure_type, "process");
  EXPECT_EQ(ind.baseline.first_n, 0);
  EXPECT_EQ(ind.baseline.from, D(2021, 4, 1));
  EXPECT_EQ(ind.baseline.to, D(2022, 3, 1));

  // Sorted by date, whatever the file order.
  ASSERT_EQ(ind.targets.size(), 3u);
  EXPECT_EQ(ind.targets[0].from, D(2021, 4, 1));
  EXPECT_EQ(ind.targets[0].value, 2.5);
  EXPECT_EQ(ind.targets[0].set_by, "regional");
  EXPECT_EQ(ind.targets[0].decision.reason, "ICB ceiling");
  EXPECT_EQ(ind.targets[0].decision.decided_by, "ICB Quality Committee");
  EXPECT_EQ(ind.targets[0].decision.decided_on, D(2021, 3, 15));
  EXPECT_EQ(ind.targets[1].from, D(2023, 4, 1));
  EXPECT_EQ(ind.targets[1].value, 2.0);
  EXPECT_EQ(ind.targets[1].set_by, "local");
  EXPECT_FALSE(ind.targets[1].decision.decided_on.has_value());
  EXPECT_EQ(ind.targets[2].from, D(2024, 4, 1));
  EXPECT_TRUE(std::isnan(ind.targets[2].value));
  EXPECT_EQ(ind.TargetAt(D(2022, 1, 1))->value, 2.5);
  EXPECT_FALSE(ind.TargetAt(D(2024, 5, 1)).has_value());

  ASSERT_EQ(ind.rebases.size(), 1u);
  EXPECT_EQ(ind.rebases[0].date, D(2022, 6, 1));
  EXPECT_EQ(ind.rebases[0].decision.reason, "New cleaning regime");
  EXPECT_EQ(ind.rebases[0].decision.decided_by, "IPC Committee");
  EXPECT_EQ(ind.rebases[0].decision.decided_on, D(2022, 9, 1));
  ASSERT_EQ(ind.ghosts.size(), 1u);
  EXPECT_EQ(ind.ghosts[0].date, D(2021, 12, 1));
  EXPECT_EQ(ind.ghosts[0].decision.reason, "Ward closure");
  ASSERT_EQ(ind.annotations.size(), 1u);
  EXPECT_EQ(ind.annotations[0].date, D(2022, 1, 1));
  EXPECT_EQ(ind.annotations[0].text, "Outbreak on ward 7");
  ASSERT_EQ(ind.narratives.size(), 1u);
  EXPECT_EQ(ind.narratives[0].period, D(2022, 1, 1));
  EXPECT_EQ(ind.narratives[0].text, "Cause: outbreak. Actions: deep clean.");
  EXPECT_EQ(ind.narratives[0].author, "Chief Nurse");

  // The overrides resolve against the named profile.
  Result<Profile> profile = ResolveProfile(ind.profile, ind.overrides);
  ASSERT_TRUE(profile.ok()) << profile.status().message();
  EXPECT_EQ(profile->trend_length, 6);
  EXPECT_EQ(profile->trend_ties, TrendTies::kSkip);
  EXPECT_TRUE(profile->crossings);
}

// Issue 14: a p-chart target of 150 % passed without comment.
TEST(CatalogueTest, PChartTargetOf150PercentIsOutOfRange) {
  const std::string_view text = R"(
[[indicator]]
id = "harm_free"
name = "Harm-free care"
chart = "p"
multiplier = 100
target = [{ from = 2024-01-01, value = 150 }]
)";
  ExpectOneError(text, 6, 40, "150, outside what a p chart can plot (expected 0 to 100");
  Diagnostics diagnostics;
  (void)Parse(text, &diagnostics);
  ASSERT_FALSE(diagnostics.all().empty());
  EXPECT_EQ(diagnostics.all()[0].code, diag::kTargetOutOfRange);
}

// Issue 8, item 12: one display precision per indicator, when the data would choose wrongly.
TEST(CatalogueTest, DecimalsIsAWholeNumberFromZeroToSix) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
[[indicator]]
id = "sickness"
name = "Staff sickness absence"
decimals = 1
)",
                              &diagnostics);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->indicators[0].decimals, 1);
  Result<Catalogue> unset = Parse("[[indicator]]\nid = \"a\"\nname = \"A\"\n", &diagnostics);
  ASSERT_TRUE(unset.ok());
  EXPECT_FALSE(unset->indicators[0].decimals.has_value());
  ExpectOneError("[[indicator]]\nid = \"a\"\nname = \"A\"\ndecimals = 7\n", 4, 12,
                 "'decimals' in indicator 'a' is 7 (expected a whole number from 0 to 6)");
  ExpectOneError("[[indicator]]\nid = \"a\"\nname = \"A\"\ndecimals = 1.5\n", 4, 12,
                 "is 1.5 (expected a whole number");
}

TEST(CatalogueTest, PChartTargetAboveOneWithoutAMultiplierSuggestsOne) {
  ExpectOneError(R"(
[[indicator]]
id = "p"
name = "P"
chart = "p"
target = [{ from = 2024-01-01, value = 95 }]
)",
                 5, 40, "for percentages set multiplier = 100");
}

TEST(CatalogueTest, NegativeCountTargetIsOutOfRange) {
  ExpectOneError(R"(
[[indicator]]
id = "c"
name = "C"
chart = "c"
target = [{ from = 2024-01-01, value = -1 }]
)",
                 5, 40, "-1, below what a c chart can plot");
}

TEST(CatalogueTest, PChartTargetWithinTheMultiplierIsKept) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
[[indicator]]
id = "p"
name = "P"
chart = "p"
multiplier = 100
target = [{ from = 2024-01-01, value = 95 }]
)",
                              &diagnostics);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->indicators[0].targets[0].value, 95);
}

TEST(CatalogueTest, OmittedKeysKeepTheModelDefaults) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
[[indicator]]
id = "a"
name = "A"

[[indicator]]
id = "b"
name = "B"
baseline = { first_n = 12 }
)",
                              &diagnostics);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->title, "");
  EXPECT_EQ(c->columns.indicator, "indicator");
  EXPECT_EQ(c->columns.denominator, "denominator");
  ASSERT_EQ(c->indicators.size(), 2u);
  const Indicator& a = c->indicators[0];
  EXPECT_EQ(a.direction, Direction::kNeither);
  EXPECT_EQ(a.chart, ChartType::kXmr);
  EXPECT_EQ(a.profile, "mdc");
  EXPECT_TRUE(a.overrides.empty());
  EXPECT_EQ(a.conflict_preference, ConflictPreference::kConcern);
  EXPECT_EQ(a.multiplier, 1.0);
  EXPECT_EQ(a.aggregation, Aggregation::kNone);
  EXPECT_EQ(a.baseline.first_n, 0);
  EXPECT_FALSE(a.baseline.from.has_value());
  EXPECT_TRUE(a.targets.empty());
  EXPECT_EQ(c->indicators[1].baseline.first_n, 12);
  EXPECT_EQ(c->Find("b"), &c->indicators[1]);
}

TEST(CatalogueTest, DottedAndArrayOverridesNameTheirParameters) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
[[indicator]]
id = "falls"
name = "Falls"
profile = "nhsr"

[indicator.overrides]
two_of_three.enabled = false
"four_of_five.sigma" = 1.5
conflict = "precedence"
precedence = ["beyond_limits", "trend", "shift"]
)",
                              &diagnostics);
  ASSERT_TRUE(c.ok()) << c.status().message();
  Result<Profile> p = ResolveProfile("nhsr", c->indicators[0].overrides);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_FALSE(p->two_of_three.enabled);
  EXPECT_EQ(p->four_of_five.sigma, 1.5);
  EXPECT_EQ(p->conflict, ConflictPolicy::kPrecedence);
  const std::vector<RuleId> order = {RuleId::kBeyondLimits, RuleId::kTrend, RuleId::kShift};
  EXPECT_EQ(p->precedence, order);
}

TEST(CatalogueTest, InlineArraysEqualArraysOfTables) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
indicator = [
  { id = "x", name = "X", target = [{ from = "2024-04-01", value = 92 }] },
]
)",
                              &diagnostics);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->indicators[0].targets.size(), 1u);
  EXPECT_EQ(c->indicators[0].targets[0].from, D(2024, 4, 1));
  EXPECT_EQ(c->indicators[0].targets[0].value, 92.0);
}

TEST(CatalogueTest, SyntaxErrorIsReportedWhereTomlStopped) {
  // The closing quote is missing: toml++ stops at the end of line 3.
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "unterminated
)",
                 3, 21, "TOML syntax error");
}

TEST(CatalogueTest, RedefinedKeyIsASyntaxError) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
id = "b"
)",
                 3, 6, "cannot redefine existing string 'id'");
}

// Regression: toml++ 3.3 parses a table header's key without checking that one starts there
// (marzer/tomlplusplus #294, #301); the reader reports these itself, found by fuzz/.
TEST(CatalogueTest, TableHeaderWithoutKeyIsASyntaxError) {
  ExpectOneError("[&", 1, 2, "expected a key after the '[' of a table header");
  ExpectOneError("title = \"x\"\n  [[[1]]]\n", 2, 5, "saw '['");
  ExpectOneError(std::string_view("\xEF\xBB\xBF[\0", 5), 1, 2, "saw byte 0");
}

TEST(CatalogueTest, BracketsInsideValuesAndStringsAreNotHeaders) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
title = """
[&"""
x = [
  [ {a = 1} ],
  '[&',
] # [&
)",
                              &diagnostics);
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_NE(diagnostics.all()[0].message.find("unknown key 'x'"), std::string::npos)
      << diagnostics.all()[0].ToString();
}

TEST(CatalogueTest, UnknownKeySuggestsTheClosest) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
  dirction = "higher"
)",
                 4, 3, "unknown key 'dirction' in indicator 'a' (did you mean 'direction'?)");
}

TEST(CatalogueTest, UnknownKeyFarFromAnyListsTheKnownOnes) {
  ExpectOneError(R"(
report = "x"
)",
                 1, 1, "unknown key 'report' in the catalogue's top level (expected one of title");
}

TEST(CatalogueTest, UnknownKeysInNestedTablesAreCaught) {
  ExpectOneError(R"(
[columns]
organization = "trust"
)",
                 2, 1, "did you mean 'organisation'?");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.target]]
from = 2024-04-01
value = 95
set_bi = "local"
)",
                 7, 1, "unknown key 'set_bi' in indicator 'a', target (did you mean 'set_by'?)");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
baseline = { first = 12 }
)",
                 4, 14, "did you mean 'first_n'?");
}

TEST(CatalogueTest, WrongTypesSayWhatWasExpected) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = 42
)",
                 3, 8, "'name' in indicator 'a' must be a string, found an integer");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
multiplier = "1000"
)",
                 4, 14, "'multiplier' in indicator 'a' must be a number, found a string");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
rebase = 2022-01-01
)",
                 4, 10, "must be an array of tables (write [[indicator.rebase]]");
  ExpectOneError(R"(
columns = "metric"
)",
                 1, 11, "'columns' must be a table, found a string");
}

TEST(CatalogueTest, UnknownNamesListTheKnownOnes) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
chart = "xmrr"
)",
                 4, 9, "unknown chart type 'xmrr' (expected one of run, xmr");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
direction = "upwards"
)",
                 4, 13, "unknown direction 'upwards' (expected higher, lower or neither)");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
profile = "mdcc"
)",
                 4, 11, "no profile named 'mdcc'");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
aggregation = "median"
)",
                 4, 15, "unknown aggregation 'median'");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
refresh = "fortnightly"
)",
                 4, 11, "expected daily, weekly, monthly, quarterly or annual");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
measure_type = "output"
)",
                 4, 16, "expected outcome, process or balancing");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
conflict_preference = "both"
)",
                 4, 23, "expected concern or improvement");
}

TEST(CatalogueTest, OverridesAreCheckedWhereTheyAreWritten) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
overrides = { trend_lenght = 6 }
)",
                 4, 15,
                 "unknown profile parameter 'trend_lenght' in indicator 'a' (did you mean "
                 "'trend_length'?)");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
overrides = { trend_length = "six" }
)",
                 4, 30, "parameter 'trend_length': 'six' is not a whole number");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[indicator.overrides]
two_of_three.sigma = -2
)",
                 5, 22, "parameter 'two_of_three.sigma': '-2' is not a positive number");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
overrides = { shift_length = 2024-01-01 }
)",
                 4, 30, "must be a number, a boolean or a string, found a date");
}

TEST(CatalogueTest, BadDatesAreReportedAtTheValue) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.rebase]]
date = "2023-02-29"
reason = "x"
)",
                 5, 8, "'date' in indicator 'a', rebase: 2023-02-29 is not a calendar date");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.ghost]]
date = "01/03/2023"
reason = "x"
)",
                 5, 8, "expected YYYY-MM-DD");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.annotation]]
date = 2023-03-01T09:00:00
text = "x"
)",
                 5, 8, "must be a date such as 2024-04-01, found a date-time");
}

TEST(CatalogueTest, DateStringsEqualTomlDates) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
[[indicator]]
id = "a"
name = "A"
annotation = [{ date = 2024-02-29, text = "x" }, { date = "2024-02-29", text = "y" }]
)",
                              &diagnostics);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->indicators[0].annotations.size(), 2u);
  EXPECT_EQ(c->indicators[0].annotations[0].date, D(2024, 2, 29));
  EXPECT_EQ(c->indicators[0].annotations[1].date, D(2024, 2, 29));
}

TEST(CatalogueTest, DuplicateIdNamesTheFirstDefinition) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"

[[indicator]]
id = "a"
name = "A again"
)",
                 6, 6, "duplicate indicator id 'a' (first defined on line 2");
}

TEST(CatalogueTest, MissingIdAndNameAreReportedAtTheTable) {
  ExpectOneError(R"(
title = "t"
[[indicator]]
name = "A"
)",
                 2, 1, "[[indicator]] has no 'id'");
  ExpectOneError(R"(
[[indicator]]
id = "a"
)",
                 1, 1, "indicator 'a' has no 'name'");
  ExpectOneError(R"(
[[indicator]]
id = ""
name = "A"
)",
                 2, 6, "'id' in [[indicator]] must not be empty");
}

TEST(CatalogueTest, TargetsNeedAValueAndDistinctDates) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.target]]
from = 2024-04-01
)",
                 4, 1, "indicator 'a', target has no 'value'");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.target]]
from = 2024-04-01
value = "95%"
)",
                 6, 9, "must be a number or \"none\", found '95%'");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.target]]
from = 2024-04-01
value = 95
[[indicator.target]]
from = "2024-04-01"
value = 92
)",
                 8, 8, "already has a target from 2024-04-01 (line 5");
}

TEST(CatalogueTest, RebasesAndGhostsNeedAReason) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
[[indicator.rebase]]
date = 2024-04-01
)",
                 4, 1, "indicator 'a', rebase has no 'reason'");
}

TEST(CatalogueTest, BaselineIsFirstNOrDatesNotBoth) {
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
baseline = { first_n = 12, from = 2020-01-01 }
)",
                 4, 12, "gives both first_n and dates");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
baseline = { from = 2021-01-01, to = 2020-01-01 }
)",
                 4, 38, "ends (2020-01-01) before it starts (2021-01-01)");
  ExpectOneError(R"(
[[indicator]]
id = "a"
name = "A"
baseline = { first_n = 0 }
)",
                 4, 24, "at least 1, found 0");
}

TEST(CatalogueTest, EveryProblemIsReportedNotOnlyTheFirst) {
  Diagnostics diagnostics;
  diagnostics.Warning(diag::kMissingPeriods, "other.csv", 1, 1, "unrelated");
  Result<Catalogue> c = Parse(R"(
titel = "x"
[[indicator]]
id = "a"
chart = "q"
direction = 1
[[indicator]]
id = "a"
name = "dup"
)",
                              &diagnostics);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(diagnostics.error_count(), 5u);  // titel, no name, chart, direction, duplicate id
  EXPECT_NE(c.status().message().find("5 errors"), std::string::npos) << c.status().message();
}

TEST(CatalogueTest, OnlyThisParsesErrorsFailIt) {
  Diagnostics diagnostics;
  diagnostics.Error(diag::kBadNumber, "earlier.csv", 3, 1, "an earlier file's problem");
  Result<Catalogue> c = Parse("[[indicator]]\nid = \"a\"\nname = \"A\"\n", &diagnostics);
  EXPECT_TRUE(c.ok()) << c.status().message();
}

TEST(CatalogueTest, NullDiagnosticsStillFailsOnErrors) {
  EXPECT_FALSE(ParseCatalogue("nonsense", "x.toml", nullptr).ok());
  EXPECT_TRUE(ParseCatalogue("", "x.toml", nullptr).ok());
}

TEST(CatalogueTest, MissingFileIsNotFound) {
  Diagnostics diagnostics;
  Result<Catalogue> c = ReadCatalogue("/nonexistent/indicators.toml", &diagnostics);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kNotFound);
  EXPECT_NE(c.status().message().find("/nonexistent/indicators.toml"), std::string::npos);
}

TEST(CatalogueTest, IsReadThroughTheEnvItIsGiven) {
  // The file exists only in memory: read from disk it would be NotFound.
  MemoryEnv env(D(2024, 3, 1));
  ASSERT_TRUE(env.WriteFileAtomically("mem/indicators.toml",
                                      "[[indicator]]\nid = \"beds\"\n"
                                      "name = \"Beds\"\n")
                  .ok());
  Diagnostics diagnostics;
  Result<Catalogue> c = ReadCatalogue("mem/indicators.toml", &diagnostics, &env);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->indicators.size(), 1u);
  EXPECT_EQ(c->indicators[0].id, "beds");
  EXPECT_EQ(c->indicators[0].name, "Beds");
  EXPECT_EQ(ReadCatalogue("mem/indicators.toml", &diagnostics).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(ReadCatalogue("mem/other.toml", &diagnostics, &env).status().code(),
            StatusCode::kNotFound);
}

TEST(CatalogueTest, DirectoryIsNotACatalogue) {
  Diagnostics diagnostics;
  Result<Catalogue> c = ReadCatalogue(::testing::TempDir(), &diagnostics);
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen

namespace kaizen {
namespace {

TEST(CatalogueExpressionTest, MeasuresAndFiltersAreRead) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"toml(
where = "type == '1'"

[[indicator]]
id = "ae-4h"
name = "A&E: % within 4 hours"
chart = "p"
numerator = "attendances - breaches"
denominator = "attendances"
where = "org_code in ('RXX', 'RYY')"
)toml",
                              &diagnostics);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->where, "type == '1'");
  const Indicator& i = c->indicators[0];
  EXPECT_EQ(i.numerator_expression, "attendances - breaches");
  EXPECT_EQ(i.denominator_expression, "attendances");
  EXPECT_TRUE(i.value_expression.empty());
  EXPECT_EQ(i.where, "org_code in ('RXX', 'RYY')");
  EXPECT_TRUE(i.HasOwnMeasures());
}

// The column is the catalogue's: the value starts at column 9 (its quote), so byte 13 of the
// expression is column 9 + 1 + 13.
TEST(CatalogueExpressionTest, BadExpressionIsReportedAtItsColumn) {
  ExpectOneError(R"toml(
[[indicator]]
id = "x"
name = "X"
value = "attendances -"
)toml",
                 4, 23, "the expression ends too soon");
  ExpectOneError(R"toml(
where = "type = '1' and"
)toml",
                 1, 24, "'where' in the catalogue");
  ExpectOneError(R"toml(
[[indicator]]
id = "x"
name = "X"
where = "attendances"
)toml",
                 4, 10, "not a condition");
  ExpectOneError(R"toml(
[[indicator]]
id = "x"
name = "X"
numerator = ""
)toml",
                 4, 13, "is empty");
}

// [columns] layout and decimal (docs/catalogue.md): how a data file lays out its periods and
// writes its numbers.
TEST(CatalogueTest, ColumnsLayoutAndDecimalMark) {
  Diagnostics diagnostics;
  Result<Catalogue> c = Parse(R"(
[columns]
layout = "wide"
decimal = ","
)",
                              &diagnostics);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->columns.layout, TableLayout::kWide);
  EXPECT_EQ(c->columns.decimal, ',');
  Result<Catalogue> defaults = Parse("[columns]\nindicator = \"metric\"\n", &diagnostics);
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->columns.layout, TableLayout::kAuto);
  EXPECT_EQ(defaults->columns.decimal, '.');
  Result<Catalogue> long_layout = Parse("[columns]\nlayout = \"long\"\n", &diagnostics);
  ASSERT_TRUE(long_layout.ok());
  EXPECT_EQ(long_layout->columns.layout, TableLayout::kLong);

  ExpectOneError("[columns]\nlayout = \"sideways\"\n", 2, 10,
                 "[columns] layout = 'sideways' (expected \"long\", \"wide\" or \"auto\")");
  ExpectOneError("[columns]\ndecimal = \";\"\n", 2, 11,
                 "[columns] decimal = ';' (expected \".\" or \",\")");
}

}  // namespace
}  // namespace kaizen
