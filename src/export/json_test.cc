// The JSON writers, read back with nlohmann and checked against hand-worked series.
#include "kaizen/json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "kaizen/explain.h"
#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen {
namespace {

using nlohmann::json;
using testing::MakeIndicator;
using testing::MonthlyValues;

constexpr double kTol = 1e-9;

json Parse(const std::string& text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << text;
  return j;
}

// XmR of 1, 2, 3, 4, 5 under nhsr (no minimum for limits; a warning below 13 points):
// mean 3; moving ranges 1, 1, 1, 1 so MR-bar 1 (none reaches the screening cut 3.267);
// sigma = 2.66 / 3 = 0.88667; limits 3 ± 2.66 = 0.34 and 5.66; 2-sigma lines 1.22667 and
// 4.77333; 1-sigma lines 2.11333 and 3.88667. No rule fires: the runs are 2 long, the rise is
// 5 points (nhsr needs 7) and only one point (5) lies in the upper 2-3 sigma band.
Result<SeriesResult> OneToFive(const ProfileOverrides& overrides = {}) {
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "nhsr");
  ind.overrides = overrides;
  ind.targets.push_back({.from = testing::Month(0), .value = 6.0});
  return AnalyseSeries(ind, MonthlyValues({1, 2, 3, 4, 5}));
}

TEST(SeriesResultJson, HandWorkedXmrOfOneToFive) {
  Result<SeriesResult> r = OneToFive();
  ASSERT_TRUE(r.ok()) << r.status().message();
  const json j = Parse(SeriesResultToJson(*r));

  EXPECT_EQ(j["indicator_id"], "test");
  EXPECT_EQ(j["organisation"], "org");
  EXPECT_EQ(j["chart"], "xmr");
  EXPECT_EQ(j["direction"], "higher");
  EXPECT_EQ(j["profile"], "nhsr");
  EXPECT_EQ(j["latest"], 4);
  EXPECT_EQ(j["variation"], "common_cause");
  // Target 6 is above the upper limit 5.66 and higher is better: no expected value reaches it.
  EXPECT_EQ(j["assurance"], "fail");
  EXPECT_DOUBLE_EQ(j["target"].get<double>(), 6.0);
  EXPECT_TRUE(j["summary"].is_string());
  EXPECT_TRUE(j["signals"].empty());

  ASSERT_EQ(j["warnings"].size(), 1u);
  EXPECT_EQ(j["warnings"][0]["code"], "too_few_points");
  EXPECT_TRUE(j["warnings"][0]["message"].is_string());

  ASSERT_EQ(j["segments"].size(), 1u);
  const json& seg = j["segments"][0];
  EXPECT_EQ(seg["first"], 0);
  EXPECT_EQ(seg["last"], 4);
  EXPECT_EQ(seg["n"], 5);
  EXPECT_EQ(seg["n_used"], 5);
  EXPECT_EQ(seg["n_baseline"], 5);
  EXPECT_NEAR(seg["centre"].get<double>(), 3.0, kTol);
  EXPECT_NEAR(seg["mr_bar"].get<double>(), 1.0, kTol);
  EXPECT_NEAR(seg["sigma"].get<double>(), 2.66 / 3.0, kTol);
  EXPECT_NEAR(seg["lower3"].get<double>(), 0.34, kTol);
  EXPECT_NEAR(seg["upper3"].get<double>(), 5.66, kTol);
  EXPECT_EQ(seg["has_limits"], true);
  // 1, 2 below the mean, 3 on it (dropped), 4, 5 above: runs of 2, one crossing, two runs.
  EXPECT_EQ(seg["longest_run"], 2);
  EXPECT_EQ(seg["crossings"], 1);
  for (const char* key : {"longest_run_max", "crossings_min", "runs"})
    EXPECT_TRUE(seg[key].is_number_integer()) << key;

  ASSERT_EQ(j["points"].size(), 5u);
  const char* periods[] = {"2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01"};
  for (int i = 0; i < 5; ++i) {
    const json& p = j["points"][i];
    EXPECT_EQ(p["period"], periods[i]);
    EXPECT_DOUBLE_EQ(p["value"].get<double>(), i + 1.0);
    EXPECT_TRUE(p["numerator"].is_null());    // an XmR series has no numerator...
    EXPECT_TRUE(p["denominator"].is_null());  // ...nor denominator: NaN is written as null
    EXPECT_EQ(p["segment"], 0);
    EXPECT_EQ(p["in_baseline"], true);
    EXPECT_EQ(p["ghosted"], false);
    EXPECT_EQ(p["missing"], false);
    EXPECT_NEAR(p["centre"].get<double>(), 3.0, kTol);
    EXPECT_NEAR(p["lower3"].get<double>(), 0.34, kTol);
    EXPECT_NEAR(p["lower2"].get<double>(), 3.0 - 2 * 2.66 / 3, kTol);  // 1.22667
    EXPECT_NEAR(p["lower1"].get<double>(), 3.0 - 2.66 / 3, kTol);      // 2.11333
    EXPECT_NEAR(p["upper1"].get<double>(), 3.0 + 2.66 / 3, kTol);      // 3.88667
    EXPECT_NEAR(p["upper2"].get<double>(), 3.0 + 2 * 2.66 / 3, kTol);  // 4.77333
    EXPECT_NEAR(p["upper3"].get<double>(), 5.66, kTol);
    EXPECT_TRUE(p["rules"].is_object());
    EXPECT_TRUE(p["rules"].empty());
    EXPECT_EQ(p["label"], "none");
    EXPECT_EQ(p["side"], "none");
    EXPECT_EQ(p["point_class"], "common_cause");
  }
}

TEST(SeriesResultJson, FlaggedTrendUnderOverride) {
  // trend_length = 5 makes 1..5 a rising trend; nhsr flags every point of it, each an
  // improvement since higher is better, and the five points are one episode.
  Result<SeriesResult> r = OneToFive({{"trend_length", "5"}});
  ASSERT_TRUE(r.ok()) << r.status().message();
  const json j = Parse(SeriesResultToJson(*r, 2));
  for (int i = 0; i < 5; ++i) {
    const json& p = j["points"][i];
    EXPECT_EQ(p["rules"], json({{"trend", "high"}})) << i;
    EXPECT_EQ(p["label"], "trend");
    EXPECT_EQ(p["side"], "high");
    EXPECT_EQ(p["point_class"], "improvement");
  }
  EXPECT_EQ(j["variation"], "improvement_high");
  ASSERT_EQ(j["signals"].size(), 1u);
  const json& s = j["signals"][0];
  EXPECT_EQ(s["rule"], "trend");
  EXPECT_EQ(s["side"], "high");
  EXPECT_EQ(s["point_class"], "improvement");
  EXPECT_EQ(s["first"], 0);
  EXPECT_EQ(s["last"], 4);
  EXPECT_FALSE(s["sentence"].get<std::string>().empty());
}

TEST(SeriesResultJson, NullsSidelessFlagsAndIndent) {
  // Built by hand to reach what a small series does not: a sideless and a low flag, a gap,
  // a ghost, a day that is not a month start, a run chart without limits, no target.
  SeriesResult r;
  r.indicator_id = "hand";
  r.chart = ChartType::kRun;
  r.direction = Direction::kLowerIsBetter;
  r.profile = "ihi-run";
  PointResult gap;
  gap.period = *Date::FromCivil(2024, 3, 7);
  gap.missing = true;
  gap.centre = 10;
  PointResult flagged;
  flagged.period = *Date::FromCivil(2024, 3, 14);
  flagged.value = 4;
  flagged.ghosted = true;
  flagged.centre = 10;
  flagged.rules[static_cast<int>(RuleId::kShift)] = -1;
  flagged.rules[static_cast<int>(RuleId::kRunCount)] = kSidelessFlag;
  flagged.label = RuleId::kShift;
  flagged.side = Side::kLow;
  flagged.point_class = PointClass::kImprovement;
  r.points = {gap, flagged};
  r.segments.push_back({.first = 0, .last = 1, .n = 2});
  r.warnings.push_back({WarningCode::kMissingValues, "1 period(s) have no value"});

  const std::string one_line = SeriesResultToJson(r);
  EXPECT_EQ(one_line.find('\n'), std::string::npos);
  const std::string indented = SeriesResultToJson(r, 2);
  EXPECT_NE(indented.find("\n  \"points\""), std::string::npos);
  EXPECT_EQ(Parse(one_line), Parse(indented));

  const json j = Parse(one_line);
  EXPECT_EQ(j["chart"], "run");
  EXPECT_EQ(j["direction"], "lower");
  EXPECT_EQ(j["latest"], -1);
  EXPECT_EQ(j["variation"], "none");
  EXPECT_EQ(j["assurance"], "none");
  EXPECT_TRUE(j["target"].is_null());
  EXPECT_EQ(j["warnings"][0]["code"], "missing_values");
  const json& p0 = j["points"][0];
  EXPECT_EQ(p0["period"], "2024-03-07");
  EXPECT_TRUE(p0["value"].is_null());
  EXPECT_EQ(p0["missing"], true);
  for (const char* line : {"lower3", "lower2", "lower1", "upper1", "upper2", "upper3"})
    EXPECT_TRUE(p0[line].is_null()) << line;
  const json& p1 = j["points"][1];
  EXPECT_EQ(p1["ghosted"], true);
  EXPECT_EQ(p1["rules"], json({{"shift", "low"}, {"run_count", "yes"}}));
  EXPECT_EQ(p1["label"], "shift");
  EXPECT_EQ(p1["side"], "low");
  EXPECT_EQ(p1["point_class"], "improvement");
  const json& seg = j["segments"][0];
  EXPECT_TRUE(seg["centre"].is_null());
  EXPECT_TRUE(seg["mr_bar"].is_null());
  EXPECT_EQ(seg["has_limits"], false);
}

// The points are written one at a time (a tree of every point took 9.4 GB for a
// 3,000,000-point series); the text must still be laid out as a JSON pretty-printer lays out an
// array of objects two levels down, which with indent 2 is (worked out by hand):
//   "points": [\n    {\n      "period": ...\n    },\n    {\n ...\n    }\n  ]\n}
TEST(SeriesResultJson, PointsWrittenOneAtATimeKeepTheLayout) {
  SeriesResult r;
  r.indicator_id = "x";
  PointResult a, b;
  a.period = *Date::FromCivil(2024, 1, 1);
  a.value = 1;
  b.period = *Date::FromCivil(2024, 2, 1);
  b.value = 2;
  r.points = {a, b};
  const std::string indented = SeriesResultToJson(r, 2);
  EXPECT_NE(indented.find("\n  \"points\": [\n    {\n      \"period\": \"2024-01-01\",\n"),
            std::string::npos)
      << indented;
  EXPECT_NE(indented.find("\n    },\n    {\n      \"period\": \"2024-02-01\",\n"),
            std::string::npos)
      << indented;
  EXPECT_EQ(indented.substr(indented.size() - 12), "\n    }\n  ]\n}") << indented;
  const std::string one_line = SeriesResultToJson(r);
  EXPECT_NE(one_line.find("\"points\":[{\"period\":\"2024-01-01\","), std::string::npos)
      << one_line;
  EXPECT_NE(one_line.find("},{\"period\":\"2024-02-01\","), std::string::npos) << one_line;
  EXPECT_EQ(one_line.substr(one_line.size() - 3), "}]}");
  EXPECT_EQ(Parse(one_line), Parse(indented));
  EXPECT_EQ(Parse(one_line)["points"].size(), 2u);
  r.points.clear();
  EXPECT_NE(SeriesResultToJson(r).find("\"points\":[]}"), std::string::npos);
}

// Weeks keep `period` the Monday (API stability) and add the week as written; monthly output
// has neither key. 2024-01-29 is the Monday of ISO week 2024-W05 (Python:
// date(2024, 1, 29).isocalendar() == (2024, 5, 1)).
TEST(SeriesResultJson, WeeksCarryTheirLabelAndKind) {
  SeriesResult r;
  PointResult a;
  a.period = *Date::FromCivil(2024, 1, 29);
  a.value = 1;
  r.points = {a};
  EXPECT_EQ(SeriesResultToJson(r).find("period_"), std::string::npos);
  r.period_kind = PeriodKind::kIsoWeek;
  const std::string one_line = SeriesResultToJson(r);
  EXPECT_NE(one_line.find("\"period_kind\":\"iso_week\",\"points\":[{\"period\":\"2024-01-29\","
                          "\"period_label\":\"2024-W05\",\"value\":1.0"),
            std::string::npos)
      << one_line;
}

TEST(SeriesResultJson, NotJudgedIsAStateOfItsOwn) {
  // Nine points under mdc (15 needed): the series, its segment and its points say so.
  Indicator ind = testing::MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  ind.targets = {{.from = testing::Month(0), .value = 20.0}};
  Result<SeriesResult> r =
      AnalyseSeries(ind, testing::MonthlyValues({11, 12, 13, 14, 15, 16, 17, 18, 19}));
  ASSERT_TRUE(r.ok());
  const json j = Parse(SeriesResultToJson(*r));
  EXPECT_EQ(j["judgement"], "too_few_points");
  EXPECT_EQ(j["target_met"], false);  // 19 < 20, higher is better
  EXPECT_EQ(j["variation"], "none");
  EXPECT_EQ(j["segments"][0]["judgement"], "too_few_points");
  EXPECT_EQ(j["segments"][0]["points_needed"], 15);
  EXPECT_EQ(j["points"][8]["point_class"], "not_judged");
  EXPECT_TRUE(j["signals"].empty());
}

TEST(SeriesResultJson, InvalidUtf8IsReplacedNotThrown) {
  SeriesResult r;
  r.organisation = "St Mary\xe2s";  // a Latin-1 apostrophe fragment: not valid UTF-8
  std::string text;
  EXPECT_NO_THROW(text = SeriesResultToJson(r));
  EXPECT_EQ(Parse(text)["organisation"], "St Mary\xef\xbf\xbds");  // U+FFFD
}

TEST(ProfileJson, EveryParameterRoundTrips) {
  Result<Profile> nhsr = FindProfile("nhsr");
  ASSERT_TRUE(nhsr.ok());
  const json j = Parse(ProfileToJson(*nhsr));
  EXPECT_EQ(j["name"], "nhsr");
  EXPECT_EQ(j["description"], nhsr->description);
  EXPECT_EQ(j["source"], nhsr->source);
  EXPECT_EQ(j["parameters"].size(), ProfileParameters().size());
  // Spot values from profiles.cc, written as the registry text.
  EXPECT_EQ(j["parameters"]["mr_screening"], "exclude_above_ucl");
  EXPECT_EQ(j["parameters"]["xmr_sigma_constant"], "2.66");
  EXPECT_EQ(j["parameters"]["trend_length"], "7");
  EXPECT_EQ(j["parameters"]["two_of_three.flagging"], "beyond_points");
  EXPECT_EQ(j["parameters"]["shift_flagging"], "whole_run");
  EXPECT_EQ(j["parameters"]["precedence"], "beyond_limits,trend,two_of_three,shift");

  // Setting every parameter of a default profile from the JSON reproduces nhsr exactly.
  Profile rebuilt;
  for (const auto& [name, value] : j["parameters"].items())
    ASSERT_TRUE(SetParameter(&rebuilt, name, value.get<std::string>()).ok()) << name;
  for (const ParameterInfo& info : ProfileParameters())
    EXPECT_EQ(*GetParameter(rebuilt, info.name), *GetParameter(*nhsr, info.name)) << info.name;
  EXPECT_EQ(rebuilt.precedence, nhsr->precedence);
}

TEST(ProfileComparisonJson, CarriesPointsCausesAndSummary) {
  // 1..5 under nelson (trend of 6, flagged from the 6th point) and pbi-spc (trend of 5, every
  // point of the run flagged): pbi-spc marks all five points as a rising trend. trend_length
  // alone gives nelson the trend but flags only its 5th point; the first four need
  // trend_length and trend_flagging together, an interaction.
  Indicator ind = MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "nelson");
  Result<ProfileComparison> c =
      CompareProfiles(ind, MonthlyValues({1, 2, 3, 4, 5}), "nelson", "pbi-spc");
  ASSERT_TRUE(c.ok()) << c.status().message();
  const json j = Parse(ProfileComparisonToJson(*c));
  EXPECT_EQ(j["profile_a"], "nelson");
  EXPECT_EQ(j["profile_b"], "pbi-spc");
  EXPECT_EQ(j["agree"], false);
  EXPECT_EQ(j["variation_a"], "common_cause");
  EXPECT_EQ(j["variation_b"], "improvement_high");
  EXPECT_EQ(j["assurance_a"], "none");
  // Every point's class differs; the limits do not (3/1.128 in both, and screening keeps every
  // moving range of 1).
  ASSERT_EQ(j["points"].size(), 5u);
  const json& p4 = j["points"][4];
  EXPECT_EQ(p4["index"], 4);
  EXPECT_EQ(p4["period"], "2020-05-01");
  EXPECT_EQ(p4["classification_differs"], true);
  EXPECT_EQ(p4["limits_differ"], false);
  EXPECT_EQ(p4["a"]["label"], "none");
  EXPECT_EQ(p4["b"]["label"], "trend");
  EXPECT_EQ(p4["b"]["side"], "high");
  EXPECT_EQ(p4["b"]["point_class"], "improvement");
  EXPECT_NEAR(p4["a"]["upper3"].get<double>(), 3.0 + 3.0 / 1.128, kTol);
  EXPECT_NEAR(p4["b"]["upper3"].get<double>(), 3.0 + 3.0 / 1.128, kTol);
  bool found = false;
  for (const json& cause : j["causes"]) {
    if (cause["parameter"] != "trend_length") continue;
    found = true;
    EXPECT_EQ(cause["value_a"], "6");
    EXPECT_EQ(cause["value_b"], "5");
    EXPECT_EQ(cause["explains_classification"], json({4}));
    EXPECT_EQ(cause["explains_variation"], true);
    EXPECT_TRUE(cause["sentence"].is_string());
  }
  EXPECT_TRUE(found);
  // Points 1-4 need trend_length and trend_flagging together (explain_test.cc works it out).
  ASSERT_EQ(j["pair_causes"].size(), 1u);
  EXPECT_EQ(j["pair_causes"][0]["parameters"], json({"trend_length", "trend_flagging"}));
  EXPECT_EQ(j["pair_causes"][0]["explains_classification"], json({0, 1, 2, 3}));
  EXPECT_EQ(j["unexplained_classification"], json::array());
  EXPECT_EQ(j["unexplained_limits"], json::array());
  EXPECT_EQ(j["variation_unexplained"], false);
  EXPECT_EQ(j["assurance_unexplained"], false);
  EXPECT_FALSE(j["summary"].get<std::string>().empty());
}

// The wrapper of the list outputs (docs/api.md, "Versioning"), written by hand: the version,
// then the items joined by commas, then the closing brackets and a newline.
TEST(JsonListDocumentTest, WrapsTheItemsWithTheSchemaVersion) {
  JsonListDocument document("series");
  std::string out = document.Head();
  document.Append("{\"a\":1}", &out);
  document.Append("{\"a\":2}", &out);
  out += JsonListDocument::Tail();
  EXPECT_EQ(out, "{\"schema_version\":1,\"series\":[{\"a\":1},{\"a\":2}]}\n");
}

TEST(JsonListDocumentTest, AnEmptyListIsStillADocument) {
  JsonListDocument document("rows");
  EXPECT_EQ(document.Head() + JsonListDocument::Tail(), "{\"schema_version\":1,\"rows\":[]}\n");
}

}  // namespace
}  // namespace kaizen
