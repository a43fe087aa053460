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

// "a", "a and b", "a, b and c".
std::string ListInWords(const std::vector<std::string>& items) {
  std::string w;
  for (std::size_t i = 0; i < items.size(); ++i)
    w += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return w;
}

// The aspects of a disagreement, as phrases: "the classification of 3 points", "the limits of
// 1 point", "the variation icon", "the assurance icon" (those that apply, in that order).
std::vector<std::string> Aspects(std::size_t n_classification, std::size_t n_limits, bool variation,
                                 bool assurance) {
  std::vector<std::string> what;
  if (n_classification > 0) what.push_back("the classification of " + PointsText(n_classification));
  if (n_limits > 0) what.push_back("the limits of " + PointsText(n_limits));
  if (variation) what.push_back("the variation icon");
  if (assurance) what.push_back("the assurance icon");
  return what;
}

// What a cause (one parameter, or a pair) settles: ParameterCause and ParameterPairCause share
// these fields.
template <typename Cause>
std::vector<std::string> ExplainedThings(const Cause& cause) {
  return Aspects(cause.explains_classification.size(), cause.explains_limits.size(),
                 cause.explains_variation, cause.explains_assurance);
}

// The summary when nothing differs: whether the parameters do.
std::string AgreementSentence(const ProfileComparison& c) {
  std::string s =
      c.profile_a + " and " + c.profile_b + " agree on every point and icon of this series";
  if (c.causes.empty()) return s + "; their parameters are identical.";
  std::string names;
  for (const ParameterCause& cause : c.causes)
    names += (names.empty() ? "" : ", ") + cause.parameter;
  return s + ", although " + std::to_string(c.causes.size()) + " parameter(s) differ (" + names +
         ").";
}

// How many points and which icons differ.
std::string DisagreementSentence(const ProfileComparison& c, std::size_t n_points) {
  std::size_t n_class = 0, n_limits = 0;
  for (const PointDifference& d : c.points) {
    n_class += d.classification_differs;
    n_limits += d.limits_differ;
  }
  std::string s = c.profile_a + " and " + c.profile_b + " disagree on " +
                  std::to_string(c.points.size()) + " of " + PointsText(n_points) + " (" +
                  std::to_string(n_class) + " in classification, " + std::to_string(n_limits) +
                  " in limits)";
  if (c.variation_a != c.variation_b)
    s += ", on the variation icon (" + Spaced(VariationIconName(c.variation_a)) + " against " +
         Spaced(VariationIconName(c.variation_b)) + ")";
  if (c.assurance_a != c.assurance_b)
    s += ", on the assurance icon (" + Spaced(AssuranceIconName(c.assurance_a)) + " against " +
         Spaced(AssuranceIconName(c.assurance_b)) + ")";
  return s + ".";
}

// " Taken alone, x explains …" and one " Together, x and y explain …" per pair, or "".
std::string ExplainedSentences(const ProfileComparison& c) {
  std::string s, explained;
  for (const ParameterCause& cause : c.causes) {
    const std::vector<std::string> what = ExplainedThings(cause);
    if (what.empty()) continue;
    explained +=
        (explained.empty() ? "" : "; ") + cause.parameter + " explains " + ListInWords(what);
  }
  if (!explained.empty()) s += " Taken alone, " + explained + ".";
  for (const ParameterPairCause& pair : c.pair_causes) {
    s += " Together, " + pair.first + " and " + pair.second + " explain " +
         ListInWords(ExplainedThings(pair)) + ".";
  }
  return s;
}

// What neither one parameter nor a pair settles, naming the parameters that move it; or "".
std::string UnexplainedSentence(const ProfileComparison& c) {
  const std::vector<std::string> open =
      Aspects(c.unexplained_classification.size(), c.unexplained_limits.size(),
              c.variation_unexplained, c.assurance_unexplained);
  if (open.empty()) return "";
  std::set<int32_t> unsettled(c.unexplained_classification.begin(),
                              c.unexplained_classification.end());
  unsettled.insert(c.unexplained_limits.begin(), c.unexplained_limits.end());
  std::string movers;
  for (const ParameterCause& cause : c.causes) {
    const bool moves = std::any_of(cause.contributes.begin(), cause.contributes.end(),
                                   [&](int32_t i) { return unsettled.count(i) > 0; });
    if (moves) movers += (movers.empty() ? "" : ", ") + cause.parameter;
  }
  return " Neither one parameter nor a pair explains " + ListInWords(open) +
         ": an interaction of several" + std::string(" parameters") +
         (movers.empty() ? "" : " (" + movers + " each move them)") + " does.";
}

std::string Summary(const ProfileComparison& c, std::size_t n_points) {
  if (c.agree()) return AgreementSentence(c);
  return DisagreementSentence(c, n_points) + ExplainedSentences(c) + UnexplainedSentence(c);
}

// The engine runs a comparison makes: both profiles' results, and a scratch result that
// each trial (A with one or two of B's parameters) overwrites, so its buffers are reused.
struct Trials {
  const Indicator& indicator;
  const Series& series;
  const Profile& a;
  const SeriesResult& ra;
  const SeriesResult& rb;
  SpcEngine& engine;
  SeriesResult& rp;
};

// What the single-parameter and pair trials have settled so far.
struct Settled {
  std::set<int32_t> classification, limits;
  bool variation = false, assurance = false;
};

// The points where the two runs differ, and both runs' icons, into *c.
void AddDifferences(const SeriesResult& ra, const SeriesResult& rb, ProfileComparison* c) {
  c->variation_a = ra.variation;
  c->variation_b = rb.variation;
  c->assurance_a = ra.assurance;
  c->assurance_b = rb.assurance;
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
    if (d.classification_differs || d.limits_differ) c->points.push_back(d);
  }
}

// Compares the trial run t.rp with A and B point by point: what it makes equal to B is
// explained by `cause` (and settled), what it changes without reaching B it contributes to.
// Returns the positions in c.points of the latter, for the cause's sentence.
std::vector<int32_t> ScoreTrial(const ProfileComparison& c, const Trials& t, ParameterCause* cause,
                                Settled* settled) {
  std::vector<int32_t> changed_positions;
  for (std::size_t k = 0; k < c.points.size(); ++k) {
    const PointDifference& d = c.points[k];
    const PointResult& pp = t.rp.points[d.index];
    bool moved = false;
    if (d.classification_differs) {
      if (SameClassification(pp, t.rb.points[d.index])) {
        cause->explains_classification.push_back(d.index);
        settled->classification.insert(d.index);
      } else {
        moved = moved || !SameClassification(pp, t.ra.points[d.index]);
      }
    }
    if (d.limits_differ) {
      if (SameLines(pp, t.rb.points[d.index])) {
        cause->explains_limits.push_back(d.index);
        settled->limits.insert(d.index);
      } else {
        moved = moved || !SameLines(pp, t.ra.points[d.index]);
      }
    }
    if (moved) {
      cause->contributes.push_back(d.index);
      changed_positions.push_back(static_cast<int32_t>(k));
    }
  }
  return changed_positions;
}

// One trial per differing parameter (A with only that one from B), into c->causes: those that
// matter first, then the inert ones, each in registry order.
Status TrySingleParameters(const Trials& t, const Profile& b, ProfileComparison* c,
                           Settled* settled) {
  const bool variation_differs = c->variation_a != c->variation_b;
  const bool assurance_differs = c->assurance_a != c->assurance_b;
  std::vector<ParameterCause> moving, inert;
  for (const ParameterInfo& info : ProfileParameters()) {
    Result<std::string> va = GetParameter(t.a, info.name);
    Result<std::string> vb = GetParameter(b, info.name);
    if (!va.ok() || !vb.ok()) return Status::Internal("parameter registry: " + info.name);
    if (*va == *vb) continue;
    Profile changed = t.a;
    if (Status st = SetParameter(&changed, info.name, *vb); !st.ok())
      return Status::Internal("parameter " + info.name + " does not round-trip: " + st.message());
    if (Status st = t.engine.Analyse(t.indicator, changed, t.series, &t.rp); !st.ok()) return st;

    ParameterCause cause{.parameter = info.name, .value_a = *va, .value_b = *vb};
    const std::vector<int32_t> changed_positions = ScoreTrial(*c, t, &cause, settled);
    cause.explains_variation = variation_differs && t.rp.variation == t.rb.variation;
    cause.explains_assurance = assurance_differs && t.rp.assurance == t.rb.assurance;
    settled->variation = settled->variation || cause.explains_variation;
    settled->assurance = settled->assurance || cause.explains_assurance;
    cause.sentence = CauseSentence(*c, cause, changed_positions);
    const bool matters = !cause.explains_classification.empty() || !cause.explains_limits.empty() ||
                         cause.explains_variation || cause.explains_assurance ||
                         !cause.contributes.empty();
    (matters ? moving : inert).push_back(std::move(cause));
  }
  c->causes = std::move(moving);
  for (ParameterCause& cause : inert) c->causes.push_back(std::move(cause));
  return Status::Ok();
}

// Whether any differing point or icon is still unsettled.
bool AnyUnsettled(const ProfileComparison& c, const Settled& settled) {
  bool any = (c.variation_a != c.variation_b && !settled.variation) ||
             (c.assurance_a != c.assurance_b && !settled.assurance);
  for (const PointDifference& d : c.points)
    any = any || (d.classification_differs && !settled.classification.count(d.index)) ||
          (d.limits_differ && !settled.limits.count(d.index));
  return any;
}

// What the trial run t.rp settles that is not settled yet, as a pair cause (maybe empty).
ParameterPairCause ScorePairTrial(const ProfileComparison& c, const Trials& t,
                                  const Settled& settled, std::string first, std::string second) {
  ParameterPairCause pair{.first = std::move(first), .second = std::move(second)};
  for (const PointDifference& d : c.points) {
    const PointResult& pp = t.rp.points[d.index];
    if (d.classification_differs && !settled.classification.count(d.index) &&
        SameClassification(pp, t.rb.points[d.index])) {
      pair.explains_classification.push_back(d.index);
    }
    if (d.limits_differ && !settled.limits.count(d.index) && SameLines(pp, t.rb.points[d.index])) {
      pair.explains_limits.push_back(d.index);
    }
  }
  pair.explains_variation =
      c.variation_a != c.variation_b && !settled.variation && t.rp.variation == t.rb.variation;
  pair.explains_assurance =
      c.assurance_a != c.assurance_b && !settled.assurance && t.rp.assurance == t.rb.assurance;
  return pair;
}

// What no single parameter settles may be settled by two together (for example the limits of
// mdc and pbi-spc need both the sigma constant and the moving-range screening). Every pair of
// differing parameters is tried, including those that change nothing alone (a trend's
// flagging matters only once its length does): with k of them, k(k − 1)/2 runs of one series.
Status TryParameterPairs(const Trials& t, ProfileComparison* c, Settled* settled) {
  // In registry order, so a pair is named the same way whatever the profiles.
  std::vector<const ParameterCause*> movers;
  for (const ParameterInfo& info : ProfileParameters())
    for (const ParameterCause& cause : c->causes)
      if (cause.parameter == info.name) movers.push_back(&cause);
  for (std::size_t i = 0; i < movers.size() && AnyUnsettled(*c, *settled); ++i) {
    for (std::size_t j = i + 1; j < movers.size() && AnyUnsettled(*c, *settled); ++j) {
      Profile changed = t.a;
      if (!SetParameter(&changed, movers[i]->parameter, movers[i]->value_b).ok() ||
          !SetParameter(&changed, movers[j]->parameter, movers[j]->value_b).ok())
        return Status::Internal("parameter pair does not round-trip");
      if (Status st = t.engine.Analyse(t.indicator, changed, t.series, &t.rp); !st.ok()) return st;
      ParameterPairCause pair =
          ScorePairTrial(*c, t, *settled, movers[i]->parameter, movers[j]->parameter);
      if (pair.explains_classification.empty() && pair.explains_limits.empty() &&
          !pair.explains_variation && !pair.explains_assurance)
        continue;
      settled->classification.insert(pair.explains_classification.begin(),
                                     pair.explains_classification.end());
      settled->limits.insert(pair.explains_limits.begin(), pair.explains_limits.end());
      settled->variation = settled->variation || pair.explains_variation;
      settled->assurance = settled->assurance || pair.explains_assurance;
      c->pair_causes.push_back(std::move(pair));
    }
  }
  return Status::Ok();
}

// What is still unsettled after the single and pair trials.
void AddUnexplained(const Settled& settled, ProfileComparison* c) {
  for (const PointDifference& d : c->points) {
    if (d.classification_differs && !settled.classification.count(d.index))
      c->unexplained_classification.push_back(d.index);
    if (d.limits_differ && !settled.limits.count(d.index)) c->unexplained_limits.push_back(d.index);
  }
  c->variation_unexplained = c->variation_a != c->variation_b && !settled.variation;
  c->assurance_unexplained = c->assurance_a != c->assurance_b && !settled.assurance;
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
  AddDifferences(ra, rb, &c);
  const Trials trials{indicator, series, *a, ra, rb, engine, rp};
  Settled settled;
  if (Status st = TrySingleParameters(trials, *b, &c, &settled); !st.ok()) return st;
  if (Status st = TryParameterPairs(trials, &c, &settled); !st.ok()) return st;
  AddUnexplained(settled, &c);
  c.summary = Summary(c, ra.points.size());
  return c;
}

}  // namespace kaizen
