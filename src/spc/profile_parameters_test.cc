// The parameter registry: every kind of parameter reads and writes as text, bad text is an
// InvalidArgument naming the parameter, and unknown names are NotFound.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "kaizen/profile.h"

namespace kaizen {
namespace {

bool Mentions(const Status& s, const std::string& text) {
  return s.message().find(text) != std::string::npos;
}

TEST(ProfileParameters, NamesAreUniqueAndDescribed) {
  std::set<std::string> names;
  for (const ParameterInfo& info : ProfileParameters()) {
    EXPECT_TRUE(names.insert(info.name).second) << "duplicate " << info.name;
    EXPECT_FALSE(info.description.empty()) << info.name;
  }
  EXPECT_TRUE(names.count("precedence"));
}

TEST(ProfileParameters, EveryParameterOfEveryProfileRoundTrips) {
  // Reading a value and writing it back into a default profile must give the same text, or a
  // comparison (which copies values from one profile to another) would misreport.
  for (const std::string& name : ProfileNames()) {
    const Profile p = *FindProfile(name);
    Profile copy;
    for (const ParameterInfo& info : ProfileParameters()) {
      Result<std::string> v = GetParameter(p, info.name);
      ASSERT_TRUE(v.ok()) << info.name;
      Status st = SetParameter(&copy, info.name, *v);
      ASSERT_TRUE(st.ok()) << name << " " << info.name << ": " << st.message();
      EXPECT_EQ(*GetParameter(copy, info.name), *v) << name << " " << info.name;
    }
  }
}

struct Case {
  const char* name;
  const char* set;       // a valid value to write
  const char* expected;  // what GetParameter then reads
};

TEST(ProfileParameters, GetSetEachKind) {
  const Case cases[] = {
      {"beyond_limits", "off", "false"},           // bool, with its synonyms
      {"trend", "yes", "true"},                    // bool
      {"trend_length", "5", "5"},                  // int
      {"xmr_sigma_constant", "2.6596", "2.6596"},  // double
      {"two_of_three.sigma", "1.5", "1.5"},        // double in a zone rule
      {"two_of_three.count", "3", "3"},            // int in a zone rule
      {"shift_flagging", "from_nth", "from_nth"},  // enum
      {"assurance", "strict", "strict"},           // enum
      {"precedence", "beyond_limits,trend,two_of_three,shift",
       "beyond_limits,trend,two_of_three,shift"},
      {"precedence", " shift , beyond_limits ", "shift,beyond_limits"},  // spaces are trimmed
      {"precedence", "", ""},                                            // empty is allowed
  };
  for (const Case& c : cases) {
    Profile p = *FindProfile("mdc");
    Status st = SetParameter(&p, c.name, c.set);
    ASSERT_TRUE(st.ok()) << c.name << "=" << c.set << ": " << st.message();
    EXPECT_EQ(*GetParameter(p, c.name), c.expected) << c.name;
  }
}

TEST(ProfileParameters, SetReachesTheProfileField) {
  Profile p;
  ASSERT_TRUE(SetParameter(&p, "trend_length", "5").ok());
  EXPECT_EQ(p.trend_length, 5);
  ASSERT_TRUE(SetParameter(&p, "mr_screening", "exclude_above_ucl").ok());
  EXPECT_EQ(p.mr_screening, MrScreening::kExcludeAboveUcl);
  ASSERT_TRUE(SetParameter(&p, "four_of_five.enabled", "true").ok());
  EXPECT_TRUE(p.four_of_five.enabled);
  ASSERT_TRUE(SetParameter(&p, "precedence", "trend,shift").ok());
  EXPECT_EQ(p.precedence, (std::vector<RuleId>{RuleId::kTrend, RuleId::kShift}));
  ASSERT_TRUE(SetParameter(&p, "precedence", "").ok());
  EXPECT_TRUE(p.precedence.empty());
}

TEST(ProfileParameters, NhsrPrecedenceReadsAsText) {
  EXPECT_EQ(*GetParameter(*FindProfile("nhsr"), "precedence"),
            "beyond_limits,trend,two_of_three,shift");
  EXPECT_EQ(*GetParameter(*FindProfile("mdc"), "precedence"), "");
}

TEST(ProfileParameters, BadValuesAreInvalidArgumentNamingTheParameter) {
  const Case bad[] = {
      {"beyond_limits", "maybe", nullptr},
      {"trend_length", "seven", nullptr},
      {"trend_length", "1", nullptr},   // below the minimum of 2
      {"trend_length", "5x", nullptr},  // trailing text
      {"xmr_sigma_constant", "-1", nullptr},
      {"xmr_sigma_constant", "nan", nullptr},
      {"shift_flagging", "first", nullptr},
      {"precedence", "beyond_limits,warp", nullptr},  // unknown rule
      {"precedence", "trend,trend", nullptr},         // a rule twice
      {"precedence", "trend,,shift", nullptr},        // an empty item
      {"precedence", "none", nullptr},                // not a rule
  };
  for (const Case& c : bad) {
    Profile p = *FindProfile("nhsr");
    const Profile before = p;
    Status st = SetParameter(&p, c.name, c.set);
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument) << c.name << "=" << c.set;
    EXPECT_TRUE(Mentions(st, std::string("'") + c.name + "'")) << st.message();
    EXPECT_TRUE(Mentions(st, std::string("'") + c.set + "'")) << st.message();
    // A failed set leaves the profile as it was.
    EXPECT_EQ(*GetParameter(p, c.name), *GetParameter(before, c.name)) << c.name;
  }
}

TEST(ProfileParameters, UnknownNamesAreNotFound) {
  Profile p;
  EXPECT_EQ(GetParameter(p, "trend.length").status().code(), StatusCode::kNotFound);
  Status st = SetParameter(&p, "sigma", "3");
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_TRUE(Mentions(st, "'sigma'")) << st.message();
  EXPECT_EQ(ResolveProfile("mdc", {{"no_such", "1"}}).status().code(), StatusCode::kNotFound);
}

TEST(ProfileParameters, ResolveAppliesOverridesInOrder) {
  Result<Profile> p = ResolveProfile(
      "mdc", {{"trend_length", "6"}, {"precedence", "shift"}, {"trend_length", "5"}});
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->trend_length, 5);
  EXPECT_EQ(p->precedence, std::vector<RuleId>{RuleId::kShift});
  EXPECT_EQ(ResolveProfile("mdc", {{"precedence", "shift,bogus"}}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen
