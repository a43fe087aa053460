// The parameter registry: every Profile field reachable by name, as text. One table serves
// per-indicator overrides, `kaizen profiles`, docs/profiles.md and the profile comparison.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "kaizen/number_format.h"
#include "kaizen/profile.h"
#include "spc/rules.h"

namespace kaizen {
namespace {

std::string FormatDouble(double v) { return FormatShortest(v); }

Status Expected(std::string_view name, std::string_view value, std::string_view what) {
  return Status::InvalidArgument("parameter '" + std::string(name) + "': '" + std::string(value) +
                                 "' is not " + std::string(what));
}

// An enum's text forms, in enum order.
template <typename E, std::size_t N>
struct EnumNames {
  std::array<std::string_view, N> names;
  std::string Get(E e) const { return std::string(names[static_cast<std::size_t>(e)]); }
  bool Set(std::string_view text, E* e) const {
    for (std::size_t i = 0; i < N; ++i)
      if (names[i] == text) {
        *e = static_cast<E>(i);
        return true;
      }
    return false;
  }
  std::string List() const {
    std::string s;
    for (auto n : names) s += (s.empty() ? "" : ", ") + std::string(n);
    return "one of " + s;
  }
};

constexpr EnumNames<RunFlagging, 2> kRunFlagging{{"whole_run", "from_nth"}};
constexpr EnumNames<TrendTies, 2> kTrendTies{{"break", "skip"}};
constexpr EnumNames<TrendSide, 2> kTrendSide{{"run", "next_step"}};
constexpr EnumNames<MrScreening, 2> kMrScreening{{"off", "exclude_above_ucl"}};
constexpr EnumNames<MrAcrossGaps, 2> kMrAcrossGaps{{"bridge", "break"}};
constexpr EnumNames<SubgroupSigma, 2> kSubgroupSigma{{"pooled_when_sizes_vary", "always_pooled"}};
constexpr EnumNames<OnCentre, 2> kOnCentre{{"breaks", "ignored"}};
constexpr EnumNames<ZoneFlagging, 2> kZoneFlagging{{"beyond_points", "window"}};
constexpr EnumNames<ConflictPolicy, 3> kConflict{
    {"indicator_preference", "precedence", "show_both"}};
constexpr EnumNames<AssuranceComparison, 3> kAssurance{{"inclusive", "strict", "none"}};

using Getter = std::function<std::string(const Profile&)>;
using Setter = std::function<Status(Profile*, std::string_view)>;

struct Entry {
  ParameterInfo info;
  Getter get;
  Setter set;
};

template <typename Member>
Entry Bool(std::string name, std::string desc, Member member) {
  return {{name, std::move(desc)},
          [member](const Profile& p) { return std::string(member(p) ? "true" : "false"); },
          [member, name](Profile* p, std::string_view v) -> Status {
            if (v == "true" || v == "on" || v == "yes") {
              member(*p) = true;
            } else if (v == "false" || v == "off" || v == "no") {
              member(*p) = false;
            } else {
              return Expected(name, v, "true or false");
            }
            return Status::Ok();
          }};
}

template <typename Member>
Entry Int(std::string name, std::string desc, Member member, int min, int max = 1000000) {
  return {{name, std::move(desc)},
          [member](const Profile& p) { return std::to_string(member(p)); },
          [member, name, min, max](Profile* p, std::string_view v) -> Status {
            int x = 0;
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
            if (ec != std::errc() || end != v.data() + v.size() || x < min || x > max)
              return Expected(
                  name, v,
                  "a whole number from " + std::to_string(min) + " to " + std::to_string(max));
            member(*p) = x;
            return Status::Ok();
          }};
}

template <typename Member>
Entry Double(std::string name, std::string desc, Member member) {
  return {{name, std::move(desc)},
          [member](const Profile& p) { return FormatDouble(member(p)); },
          [member, name](Profile* p, std::string_view v) -> Status {
            double x = 0;
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
            if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(x) || x <= 0)
              return Expected(name, v, "a positive number");
            member(*p) = x;
            return Status::Ok();
          }};
}

template <typename E, std::size_t N, typename Member>
Entry Enum(std::string name, std::string desc, const EnumNames<E, N>& names, Member member) {
  return {{name, desc + " (" + names.List() + ")"},
          [member, names](const Profile& p) { return names.Get(member(p)); },
          [member, name, names](Profile* p, std::string_view v) -> Status {
            if (!names.Set(v, &member(*p))) return Expected(name, v, names.List());
            return Status::Ok();
          }};
}

// The precedence list as text: rule names joined by commas, first wins ("" when empty). A rule
// may appear once only, since a second mention could never take effect and is likely a typo.
Entry Precedence() {
  const std::string name = "precedence";
  std::string rules;
  for (int r = 0; r < kRuleCount; ++r)
    rules += (rules.empty() ? "" : ", ") + std::string(RuleName(static_cast<RuleId>(r)));
  const std::string expected = "a comma-separated list of distinct rule names (" + rules + ")";
  return {{name, "for conflict = precedence: the rules in the order they win, first wins (" +
                     rules + "; empty allowed)"},
          [](const Profile& p) {
            std::string s;
            for (RuleId r : p.precedence) s += (s.empty() ? "" : ",") + std::string(RuleName(r));
            return s;
          },
          [name, expected](Profile* p, std::string_view v) -> Status {
            auto trim = [](std::string_view t) {
              while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
              while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
              return t;
            };
            std::vector<RuleId> order;
            if (!trim(v).empty()) {
              std::string_view rest = v;
              while (true) {
                const std::size_t comma = rest.find(',');
                const std::string_view item = trim(rest.substr(0, comma));
                RuleId found = RuleId::kNone;
                for (int r = 0; r < kRuleCount; ++r)
                  if (RuleName(static_cast<RuleId>(r)) == item) found = static_cast<RuleId>(r);
                if (found == RuleId::kNone ||
                    std::find(order.begin(), order.end(), found) != order.end())
                  return Expected(name, v, expected);
                order.push_back(found);
                if (comma == std::string_view::npos) break;
                rest.remove_prefix(comma + 1);
              }
            }
            p->precedence = std::move(order);
            return Status::Ok();
          }};
}

#define KAIZEN_FIELD(expr) \
  [](auto& p) -> auto& { return p.expr; }

std::vector<Entry> ZoneEntries(const std::string& prefix, ZoneRule Profile::*rule) {
  auto r = [rule](auto& p) -> auto& { return p.*rule; };
  return {
      Bool(
          prefix + ".enabled",
          "the rule is applied", [r](auto& p) -> auto& { return r(p).enabled; }),
      Int(
          prefix + ".count", "M: points beyond the zone line needed in the window",
          [r](auto& p) -> auto& { return r(p).count; }, 1),
      Int(
          prefix + ".window",
          "N: consecutive points in the window", [r](auto& p) -> auto& { return r(p).window; }, 1,
          static_cast<int>(spc::kMaxZoneWindow)),
      Double(
          prefix + ".sigma",
          "the zone line, in sigma from the centre", [r](auto& p) -> auto& { return r(p).sigma; }),
      Bool(
          prefix + ".beyond_outer_counts", "a point beyond 3 sigma counts as beyond the zone line",
          [r](auto& p) -> auto& { return r(p).beyond_outer_counts; }),
      Bool(
          prefix + ".others_same_side",
          "the other points of the window must be on the same side of the centre",
          [r](auto& p) -> auto& { return r(p).others_same_side; }),
      Enum(
          prefix + ".flagging", "which points of a signalling window are flagged",
          kZoneFlagging, [r](auto& p) -> auto& { return r(p).flagging; }),
  };
}

const std::vector<Entry>& Entries() {
  static const std::vector<Entry> entries = [] {
    std::vector<Entry> e = {
        Double("xmr_sigma_constant", "half-width of XmR 3-sigma limits as a multiple of MR-bar",
               KAIZEN_FIELD(xmr_sigma_constant)),
        Enum("mr_screening", "moving ranges dropped before MR-bar is used", kMrScreening,
             KAIZEN_FIELD(mr_screening)),
        Double("mr_screening_factor", "screening threshold as a multiple of MR-bar",
               KAIZEN_FIELD(mr_screening_factor)),
        Enum("mr_across_gaps", "whether a moving range joins the values either side of a gap",
             kMrAcrossGaps, KAIZEN_FIELD(mr_across_gaps)),
        Enum("subgroup_sigma", "sigma estimate of xbar and s charts", kSubgroupSigma,
             KAIZEN_FIELD(subgroup_sigma)),
        Bool("qicharts2_empty_subgroup_quirk",
             "an all-missing subgroup removes one pooled degree of freedom (qicharts2 0.8.1)",
             KAIZEN_FIELD(qicharts2_empty_subgroup_quirk)),
        Int("min_points_for_limits", "kept points a segment needs for limits and icons (0: any)",
            KAIZEN_FIELD(min_points_for_limits), 0),
        Int("warn_below_points", "kept points below which a warning is raised (0: never)",
            KAIZEN_FIELD(warn_below_points), 0),
        Bool("beyond_limits", "a point beyond the limits signals", KAIZEN_FIELD(beyond_limits)),
        Double("beyond_limits_sigma", "the limit for beyond_limits, in sigma",
               KAIZEN_FIELD(beyond_limits_sigma)),
        Bool("beyond_limits_inclusive", "a point exactly on a limit counts as beyond it",
             KAIZEN_FIELD(beyond_limits_inclusive)),
        Bool("ghosts_flagged_beyond_limits",
             "a ghosted point beyond the limits is still flagged (it feeds no estimate or rule)",
             KAIZEN_FIELD(ghosts_flagged_beyond_limits)),
        Bool("shift", "a run of points on one side of the centre signals", KAIZEN_FIELD(shift)),
        Int("shift_length", "points in a run that signal", KAIZEN_FIELD(shift_length), 2),
        Enum("shift_on_centre", "what a point on the centre line does to a run", kOnCentre,
             KAIZEN_FIELD(shift_on_centre)),
        Enum("shift_flagging", "which points of a long enough run are flagged", kRunFlagging,
             KAIZEN_FIELD(shift_flagging)),
        Bool("trend", "a run of rising or falling points signals", KAIZEN_FIELD(trend)),
        Int("trend_length", "points (not steps) in a trend that signal", KAIZEN_FIELD(trend_length),
            2),
        Enum("trend_ties", "what an equal neighbour does to a trend", kTrendTies,
             KAIZEN_FIELD(trend_ties)),
        Bool("trend_across_segments", "a trend may continue across a rebase",
             KAIZEN_FIELD(trend_across_segments)),
        Enum("trend_flagging", "which points of a long enough trend are flagged", kRunFlagging,
             KAIZEN_FIELD(trend_flagging)),
        Enum("trend_side", "which side a trend point is flagged on", kTrendSide,
             KAIZEN_FIELD(trend_side)),
    };
    for (auto& z : ZoneEntries("two_of_three", &Profile::two_of_three)) e.push_back(std::move(z));
    for (auto& z : ZoneEntries("four_of_five", &Profile::four_of_five)) e.push_back(std::move(z));
    std::vector<Entry> rest = {
        Bool("alternating", "points alternating up and down signal", KAIZEN_FIELD(alternating)),
        Int("alternating_length", "points alternating that signal",
            KAIZEN_FIELD(alternating_length), 3),
        Bool("stratification", "points hugging the centre within 1 sigma signal",
             KAIZEN_FIELD(stratification)),
        Int("stratification_length", "points within 1 sigma that signal",
            KAIZEN_FIELD(stratification_length), 2),
        Bool("mixture", "points avoiding the 1-sigma zone on either side signal",
             KAIZEN_FIELD(mixture)),
        Int("mixture_length", "points beyond 1 sigma (either side) that signal",
            KAIZEN_FIELD(mixture_length), 2),
        Bool("longest_run", "Anhøj: a run longer than round(log2 n) + 3 signals",
             KAIZEN_FIELD(longest_run)),
        Bool("crossings", "Anhøj: fewer crossings than qbinom(0.05, n - 1, 0.5) signal",
             KAIZEN_FIELD(crossings)),
        Bool("run_count", "IHI: too few or too many runs signal", KAIZEN_FIELD(run_count)),
        Enum("conflict", "how a point that is improvement and concern at once is labelled",
             kConflict, KAIZEN_FIELD(conflict)),
        Precedence(),
        Enum("assurance", "how the target is compared with the limits", kAssurance,
             KAIZEN_FIELD(assurance)),
    };
    for (auto& r : rest) e.push_back(std::move(r));
    return e;
  }();
  return entries;
}

#undef KAIZEN_FIELD

const Entry* FindEntry(std::string_view name) {
  for (const Entry& e : Entries())
    if (e.info.name == name) return &e;
  return nullptr;
}

}  // namespace

std::vector<ParameterInfo> ProfileParameters() {
  std::vector<ParameterInfo> out;
  for (const Entry& e : Entries()) out.push_back(e.info);
  return out;
}

Result<std::string> GetParameter(const Profile& profile, std::string_view name) {
  const Entry* e = FindEntry(name);
  if (!e) return Status::NotFound("no profile parameter named '" + std::string(name) + "'");
  return e->get(profile);
}

Status SetParameter(Profile* profile, std::string_view name, std::string_view value) {
  const Entry* e = FindEntry(name);
  if (!e) return Status::NotFound("no profile parameter named '" + std::string(name) + "'");
  return e->set(profile, value);
}

Result<Profile> ResolveProfile(std::string_view name, const ProfileOverrides& overrides) {
  Result<Profile> base = FindProfile(name);
  if (!base.ok()) return base;
  Profile p = std::move(base).value();
  for (const auto& [key, value] : overrides) {
    Status s = SetParameter(&p, key, value);
    if (!s.ok()) return s;
  }
  return p;
}

}  // namespace kaizen
