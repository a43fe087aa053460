// The profile comparison of kaizen/explain.h: one engine run per profile, then one run of
// profile A per differing parameter with only that parameter taken from B. One engine object
// serves every run so its scratch buffers are reused.
#include "kaizen/explain.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "kaizen/number_format.h"
#include "spc/signals.h"

namespace kaizen {
namespace {

// Lines are equal when they agree to a relative 1e-9: both profiles run the same arithmetic,
// so only a real parameter difference (2.66 against 3/1.128 is 1.5e-4) moves them further.
bool SameLine(double x, double y) {
  if (std::isnan(x) || std::isnan(y)) return std::isnan(x) && std::isnan(y);
  return std::fabs(x - y) <= 1e-9 * std::max({std::fabs(x), std::fabs(y), 1e-3});
}

bool SameClassification(const PointResult& x, const PointResult& y) {
  return x.label == y.label && x.side == y.side && x.point_class == y.point_class;
}

// For PointResult and PointOutcome alike.
template <typename P>
bool SameLines(const P& x, const P& y) {
  return SameLine(x.centre, y.centre) && SameLine(x.lower3, y.lower3) &&
         SameLine(x.upper3, y.upper3);
}

PointOutcome OutcomeOf(const PointResult& p) {
  return {.label = p.label,
          .side = p.side,
          .point_class = p.point_class,
          .centre = p.centre,
          .lower3 = p.lower3,
          .upper3 = p.upper3};
}

std::string Spaced(std::string_view name) {
  std::string s(name);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

std::string ValueText(const std::string& v) { return v.empty() ? "empty" : v; }

// What a rule flag says about a point, to follow "is" or "are".
std::string RulePhrase(RuleId rule, Side side) {
  const bool high = side == Side::kHigh;
  switch (rule) {
    case RuleId::kBeyondLimits:
      return high ? "beyond the upper limit" : "beyond the lower limit";
    case RuleId::kShift:
      return std::string("part of a run ") + (high ? "above" : "below") + " the centre line";
    case RuleId::kTrend:
      return high ? "part of a rising trend" : "part of a falling trend";
    case RuleId::kTwoOfThree:
      return std::string("part of a 2-of-3 signal near the ") + (high ? "upper" : "lower") +
             " limit";
    case RuleId::kFourOfFive:
      return std::string("part of a 4-of-5 signal ") + (high ? "above" : "below") +
             " the centre line";
    case RuleId::kNone:
    case RuleId::kCount:
      return "common cause";
    default:
      return "flagged by the " + Spaced(RuleName(rule)) + " rule";
  }
}

std::string ClassPhrase(const PointOutcome& o) {
  if (o.point_class == PointClass::kCommonCause) return "common cause";
  if (o.point_class == PointClass::kNotJudged) return "not judged";
  return "special cause " + Spaced(PointClassName(o.point_class)) +
         (o.side == Side::kHigh  ? " (high)"
          : o.side == Side::kLow ? " (low)"
                                 : "");
}

std::string Number(double v, int digits) { return FormatGeneral(v, digits); }

// "-0.21 to 24.71", "absent", or with the centre "12.25 with limits -0.21 to 24.71".
std::string LimitsPhrase(const PointOutcome& o, bool with_centre, int digits) {
  std::string s = std::isnan(o.lower3) && std::isnan(o.upper3)
                      ? "absent"
                      : Number(o.lower3, digits) + " to " + Number(o.upper3, digits);
  if (with_centre)
    s = (std::isnan(o.centre) ? "absent" : Number(o.centre, digits)) + " with limits " + s;
  return s;
}

// The two phrases with 4 significant digits, or more when 4 would print them alike (2.66
// against 3/1.128 moves limits in the 4th or 5th digit), so the sentence shows the difference.
std::pair<std::string, std::string> LimitsPhrases(const PointOutcome& a, const PointOutcome& b,
                                                  bool with_centre) {
  for (int digits = 4;; ++digits) {
    std::string x = LimitsPhrase(a, with_centre, digits), y = LimitsPhrase(b, with_centre, digits);
    if (x != y || digits == 17) return {std::move(x), std::move(y)};
  }
}

// "August 2021" or "the 5 points from April 2021 to August 2021".
std::string Subject(const std::vector<const PointDifference*>& group, PeriodKind kind) {
  if (group.size() == 1) return spc::PeriodLabel(group.front()->period, kind);
  return "the " + std::to_string(group.size()) + " points from " +
         spc::PeriodLabel(group.front()->period, kind) + " to " +
         spc::PeriodLabel(group.back()->period, kind);
}

std::string ClassificationClause(const std::vector<const PointDifference*>& group,
                                 const std::string& a, const std::string& b, PeriodKind kind) {
  const PointOutcome& x = group.front()->a;
  const PointOutcome& y = group.front()->b;
  const std::string is = Subject(group, kind) + (group.size() == 1 ? " is " : " are ");
  if (x.label == RuleId::kNone && y.label != RuleId::kNone)
    return is + RulePhrase(y.label, y.side) + " only under " + b;
  if (x.label != RuleId::kNone && y.label == RuleId::kNone)
    return is + RulePhrase(x.label, x.side) + " only under " + a;
  if (x.label != y.label || x.side != y.side)
    return is + RulePhrase(x.label, x.side) + " under " + a + " but " +
           RulePhrase(y.label, y.side) + " under " + b;
  return is + ClassPhrase(x) + " under " + a + " but " + ClassPhrase(y) + " under " + b;
}

std::string LimitsClause(const std::vector<const PointDifference*>& group, const std::string& a,
                         const std::string& b, PeriodKind kind) {
  bool constant = true, centre_differs = false;
  for (const PointDifference* d : group) {
    constant = constant && SameLines(d->a, group.front()->a) && SameLines(d->b, group.front()->b);
    centre_differs = centre_differs || !SameLine(d->a.centre, d->b.centre);
  }
  const PointDifference& f = *group.front();
  const std::string where = group.size() == 1
                                ? "in " + spc::PeriodLabel(f.period, kind)
                                : "from " + spc::PeriodLabel(f.period, kind) + " to " +
                                      spc::PeriodLabel(group.back()->period, kind);
  const auto [x, y] = LimitsPhrases(f.a, f.b, centre_differs);
  if (constant)
    return where + (centre_differs ? " the centre is " : " the limits are ") + x + " under " + a +
           " but " + y + " under " + b;
  return where + " the " + (centre_differs ? "centre and limits" : "limits") + " differ (in " +
         spc::PeriodLabel(f.period, kind) + ": " + x + " under " + a + ", " + y + " under " + b +
         ")";
}

// PointOutcome::operator== would compare NaN lines unequal; this is the grouping key.
bool SameClassificationPair(const PointDifference& x, const PointDifference& y) {
  auto same = [](const PointOutcome& p, const PointOutcome& q) {
    return p.label == q.label && p.side == q.side && p.point_class == q.point_class;
  };
  return same(x.a, y.a) && same(x.b, y.b);
}

// Splits the differences at `indices` into runs of adjacent points that `together` accepts.
template <typename Together>
std::vector<std::vector<const PointDifference*>> Groups(const ProfileComparison& c,
                                                        const std::vector<int32_t>& indices,
                                                        Together together) {
  std::vector<std::vector<const PointDifference*>> groups;
  for (int32_t index : indices) {
    auto it = std::lower_bound(c.points.begin(), c.points.end(), index,
                               [](const PointDifference& d, int32_t i) { return d.index < i; });
    const PointDifference* d = &*it;
    if (!groups.empty() && groups.back().back()->index + 1 == index &&
        together(*groups.back().back(), *d)) {
      groups.back().push_back(d);
    } else {
      groups.push_back({d});
    }
  }
  return groups;
}

// A list of clauses, at most kMaxClauses of them, so a long series does not give a paragraph.
constexpr std::size_t kMaxClauses = 4;

std::string JoinClauses(const std::vector<std::string>& clauses) {
  std::string s;
  for (std::size_t i = 0; i < clauses.size() && i < kMaxClauses; ++i)
    s += (i == 0 ? "" : "; ") + clauses[i];
  if (clauses.size() > kMaxClauses)
    s += "; and " + std::to_string(clauses.size() - kMaxClauses) + " more";
  return s;
}

std::string IconClause(std::string_view kind, std::string_view a_icon, std::string_view b_icon,
                       const std::string& a, const std::string& b) {
  return "the " + std::string(kind) + " icon is " + Spaced(a_icon) + " under " + a + " but " +
         Spaced(b_icon) + " under " + b;
}

std::string CauseSentence(const ProfileComparison& c, const ParameterCause& cause,
                          const std::vector<int32_t>& changed) {
  const std::string& a = c.profile_a;
  const std::string& b = c.profile_b;
  std::vector<std::string> clauses;
  for (const auto& g : Groups(c, cause.explains_classification, SameClassificationPair))
    clauses.push_back(ClassificationClause(g, a, b, c.period_kind));
  for (const auto& g : Groups(
           c, cause.explains_limits,
           [](const PointDifference&x, const PointDifference&y) { return x.segment == y.segment; }))
    clauses.push_back(LimitsClause(g, a, b, c.period_kind));
  if (cause.explains_variation)
    clauses.push_back(IconClause("variation", VariationIconName(c.variation_a),
                                 VariationIconName(c.variation_b), a, b));
  if (cause.explains_assurance)
    clauses.push_back(IconClause("assurance", AssuranceIconName(c.assurance_a),
                                 AssuranceIconName(c.assurance_b), a, b));
  std::string s = cause.parameter + " is " + ValueText(cause.value_a) + " in " + a + " but " +
                  ValueText(cause.value_b) + " in " + b + ": ";
  if (!clauses.empty()) {
    s += JoinClauses(clauses);
    if (!cause.contributes.empty())
      s += "; it also moves " + std::to_string(cause.contributes.size()) +
           " other differing point(s) without settling them alone";
  } else if (!changed.empty()) {
    s += "on its own it changes " + std::to_string(changed.size()) + " differing point(s) (" +
         spc::PeriodLabel(c.points[changed.front()].period, c.period_kind) +
         (changed.size() > 1 ? " and others" : "") + ") but does not settle them";
  } else {
    s += "it makes no difference to this series on its own";
  }
  return s + ".";
}

std::string PointsText(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " point" : " points");
}

std::string Summary(const ProfileComparison& c, std::size_t n_points) {
  const std::string& a = c.profile_a;
  const std::string& b = c.profile_b;
  if (c.agree()) {
    std::string s = a + " and " + b + " agree on every point and icon of this series";
    if (c.causes.empty()) return s + "; their parameters are identical.";
    std::string names;
    for (const ParameterCause& cause : c.causes)
      names += (names.empty() ? "" : ", ") + cause.parameter;
    return s + ", although " + std::to_string(c.causes.size()) + " parameter(s) differ (" + names +
           ").";
  }
  std::size_t n_class = 0, n_limits = 0;
  for (const PointDifference& d : c.points) {
    n_class += d.classification_differs;
    n_limits += d.limits_differ;
  }
  std::string s = a + " and " + b + " disagree on " + std::to_string(c.points.size()) + " of " +
                  PointsText(n_points) + " (" + std::to_string(n_class) + " in classification, " +
                  std::to_string(n_limits) + " in limits)";
  if (c.variation_a != c.variation_b)
    s += ", on the variation icon (" + Spaced(VariationIconName(c.variation_a)) + " against " +
         Spaced(VariationIconName(c.variation_b)) + ")";
  if (c.assurance_a != c.assurance_b)
    s += ", on the assurance icon (" + Spaced(AssuranceIconName(c.assurance_a)) + " against " +
         Spaced(AssuranceIconName(c.assurance_b)) + ")";
  s += ".";

  std::string explained;
  for (const ParameterCause& cause : c.causes) {
    std::vector<std::string> what;
    if (!cause.explains_classification.empty())
      what.push_back("the classification of " + PointsText(cause.explains_classification.size()));
    if (!cause.explains_limits.empty())
      what.push_back("the limits of " + PointsText(cause.explains_limits.size()));
    if (cause.explains_variation) what.push_back("the variation icon");
    if (cause.explains_assurance) what.push_back("the assurance icon");
    if (what.empty()) continue;
    std::string w;
    for (std::size_t i = 0; i < what.size(); ++i)
      w += (i == 0 ? "" : i + 1 == what.size() ? " and " : ", ") + what[i];
    explained += (explained.empty() ? "" : "; ") + cause.parameter + " explains " + w;
  }
  if (!explained.empty()) s += " Taken alone, " + explained + ".";
  for (const ParameterPairCause& pair : c.pair_causes) {
    std::vector<std::string> what;
    if (!pair.explains_classification.empty())
      what.push_back("the classification of " + PointsText(pair.explains_classification.size()));
    if (!pair.explains_limits.empty())
      what.push_back("the limits of " + PointsText(pair.explains_limits.size()));
    if (pair.explains_variation) what.push_back("the variation icon");
    if (pair.explains_assurance) what.push_back("the assurance icon");
    std::string w;
    for (std::size_t i = 0; i < what.size(); ++i)
      w += (i == 0 ? "" : i + 1 == what.size() ? " and " : ", ") + what[i];
    s += " Together, " + pair.first + " and " + pair.second + " explain " + w + ".";
  }

  std::vector<std::string> open;
  if (!c.unexplained_classification.empty())
    open.push_back("the classification of " + PointsText(c.unexplained_classification.size()));
  if (!c.unexplained_limits.empty())
    open.push_back("the limits of " + PointsText(c.unexplained_limits.size()));
  if (c.variation_unexplained) open.push_back("the variation icon");
  if (c.assurance_unexplained) open.push_back("the assurance icon");
  if (!open.empty()) {
    std::string w;
    for (std::size_t i = 0; i < open.size(); ++i)
      w += (i == 0 ? "" : i + 1 == open.size() ? " and " : ", ") + open[i];
    std::set<int32_t> unsettled(c.unexplained_classification.begin(),
                                c.unexplained_classification.end());
    unsettled.insert(c.unexplained_limits.begin(), c.unexplained_limits.end());
    std::string movers;
    for (const ParameterCause& cause : c.causes) {
      const bool moves = std::any_of(cause.contributes.begin(), cause.contributes.end(),
                                     [&](int32_t i) { return unsettled.count(i) > 0; });
      if (moves) movers += (movers.empty() ? "" : ", ") + cause.parameter;
    }
    s += " Neither one parameter nor a pair explains " + w + ": an interaction of several" +
         std::string(" parameters") + (movers.empty() ? "" : " (" + movers + " each move them)") +
         " does.";
  }
  return s;
}

}  // namespace

Result<ProfileComparison> CompareProfiles(const Indicator& indicator, const Series& series,
                                          std::string_view profile_a, std::string_view profile_b) {
  Result<Profile> a = ResolveProfile(profile_a, indicator.overrides);
  if (!a.ok()) return a.status();
  Result<Profile> b = ResolveProfile(profile_b, indicator.overrides);
  if (!b.ok()) return b.status();

  SpcEngine engine;
  SeriesResult ra, rb, rp;
  if (Status st = engine.Analyse(indicator, *a, series, &ra); !st.ok()) return st;
  if (Status st = engine.Analyse(indicator, *b, series, &rb); !st.ok()) return st;

  ProfileComparison c;
  c.profile_a = std::string(profile_a);
  c.profile_b = std::string(profile_b);
  c.period_kind = series.period_kind;
  c.variation_a = ra.variation;
  c.variation_b = rb.variation;
  c.assurance_a = ra.assurance;
  c.assurance_b = rb.assurance;
  for (std::size_t i = 0; i < ra.points.size(); ++i) {
    const PointResult& pa = ra.points[i];
    const PointResult& pb = rb.points[i];
    PointDifference d{.index = static_cast<int32_t>(i),
                      .period = pa.period,
                      .value = pa.value,
                      .segment = pa.segment,
                      .classification_differs = !SameClassification(pa, pb),
                      .limits_differ = !SameLines(pa, pb),
                      .a = OutcomeOf(pa),
                      .b = OutcomeOf(pb)};
    if (d.classification_differs || d.limits_differ) c.points.push_back(d);
  }
  const bool variation_differs = c.variation_a != c.variation_b;
  const bool assurance_differs = c.assurance_a != c.assurance_b;

  std::vector<ParameterCause> moving, inert;
  std::set<int32_t> settled_class, settled_limits;
  bool variation_settled = false, assurance_settled = false;
  for (const ParameterInfo& info : ProfileParameters()) {
    Result<std::string> va = GetParameter(*a, info.name);
    Result<std::string> vb = GetParameter(*b, info.name);
    if (!va.ok() || !vb.ok()) return Status::Internal("parameter registry: " + info.name);
    if (*va == *vb) continue;
    Profile changed = *a;
    if (Status st = SetParameter(&changed, info.name, *vb); !st.ok())
      return Status::Internal("parameter " + info.name + " does not round-trip: " + st.message());
    if (Status st = engine.Analyse(indicator, changed, series, &rp); !st.ok()) return st;

    ParameterCause cause{.parameter = info.name, .value_a = *va, .value_b = *vb};
    std::vector<int32_t> changed_positions;  // positions in c.points, for the sentence
    for (std::size_t k = 0; k < c.points.size(); ++k) {
      const PointDifference& d = c.points[k];
      const PointResult& pp = rp.points[d.index];
      bool moved = false;
      if (d.classification_differs) {
        if (SameClassification(pp, rb.points[d.index])) {
          cause.explains_classification.push_back(d.index);
          settled_class.insert(d.index);
        } else {
          moved = moved || !SameClassification(pp, ra.points[d.index]);
        }
      }
      if (d.limits_differ) {
        if (SameLines(pp, rb.points[d.index])) {
          cause.explains_limits.push_back(d.index);
          settled_limits.insert(d.index);
        } else {
          moved = moved || !SameLines(pp, ra.points[d.index]);
        }
      }
      if (moved) {
        cause.contributes.push_back(d.index);
        changed_positions.push_back(static_cast<int32_t>(k));
      }
    }
    cause.explains_variation = variation_differs && rp.variation == rb.variation;
    cause.explains_assurance = assurance_differs && rp.assurance == rb.assurance;
    variation_settled = variation_settled || cause.explains_variation;
    assurance_settled = assurance_settled || cause.explains_assurance;
    cause.sentence = CauseSentence(c, cause, changed_positions);
    const bool matters = !cause.explains_classification.empty() || !cause.explains_limits.empty() ||
                         cause.explains_variation || cause.explains_assurance ||
                         !cause.contributes.empty();
    (matters ? moving : inert).push_back(std::move(cause));
  }
  c.causes = std::move(moving);
  for (ParameterCause& cause : inert) c.causes.push_back(std::move(cause));

  // What no single parameter settles may be settled by two together (for example the limits of
  // mdc and pbi-spc need both the sigma constant and the moving-range screening). Every pair of
  // differing parameters is tried, including those that change nothing alone (a trend's
  // flagging matters only once its length does): with k of them, k(k − 1)/2 runs of one series.
  auto unsettled = [&] {
    bool any =
        (variation_differs && !variation_settled) || (assurance_differs && !assurance_settled);
    for (const PointDifference& d : c.points)
      any = any || (d.classification_differs && !settled_class.count(d.index)) ||
            (d.limits_differ && !settled_limits.count(d.index));
    return any;
  };
  // In registry order, so a pair is named the same way whatever the profiles.
  std::vector<const ParameterCause*> movers;
  for (const ParameterInfo& info : ProfileParameters())
    for (const ParameterCause& cause : c.causes)
      if (cause.parameter == info.name) movers.push_back(&cause);
  for (std::size_t i = 0; i < movers.size() && unsettled(); ++i) {
    for (std::size_t j = i + 1; j < movers.size() && unsettled(); ++j) {
      Profile changed = *a;
      if (!SetParameter(&changed, movers[i]->parameter, movers[i]->value_b).ok() ||
          !SetParameter(&changed, movers[j]->parameter, movers[j]->value_b).ok())
        return Status::Internal("parameter pair does not round-trip");
      if (Status st = engine.Analyse(indicator, changed, series, &rp); !st.ok()) return st;
      ParameterPairCause pair{.first = movers[i]->parameter, .second = movers[j]->parameter};
      for (const PointDifference& d : c.points) {
        const PointResult& pp = rp.points[d.index];
        if (d.classification_differs && !settled_class.count(d.index) &&
            SameClassification(pp, rb.points[d.index])) {
          pair.explains_classification.push_back(d.index);
        }
        if (d.limits_differ && !settled_limits.count(d.index) &&
            SameLines(pp, rb.points[d.index])) {
          pair.explains_limits.push_back(d.index);
        }
      }
      pair.explains_variation =
          variation_differs && !variation_settled && rp.variation == rb.variation;
      pair.explains_assurance =
          assurance_differs && !assurance_settled && rp.assurance == rb.assurance;
      if (pair.explains_classification.empty() && pair.explains_limits.empty() &&
          !pair.explains_variation && !pair.explains_assurance)
        continue;
      settled_class.insert(pair.explains_classification.begin(),
                           pair.explains_classification.end());
      settled_limits.insert(pair.explains_limits.begin(), pair.explains_limits.end());
      variation_settled = variation_settled || pair.explains_variation;
      assurance_settled = assurance_settled || pair.explains_assurance;
      c.pair_causes.push_back(std::move(pair));
    }
  }

  for (const PointDifference& d : c.points) {
    if (d.classification_differs && !settled_class.count(d.index))
      c.unexplained_classification.push_back(d.index);
    if (d.limits_differ && !settled_limits.count(d.index)) c.unexplained_limits.push_back(d.index);
  }
  c.variation_unexplained = variation_differs && !variation_settled;
  c.assurance_unexplained = assurance_differs && !assurance_settled;
  c.summary = Summary(c, ra.points.size());
  return c;
}

}  // namespace kaizen
