// JSON writers for kaizen/json.h. nlohmann/json is confined to this file (and tests), so the
// public headers stay light. The schema is docs/api.md; keep the two in step.
#include "kaizen/json.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "kaizen/analysis_export.h"
#include "kaizen/explain.h"
#include "kaizen/profile.h"
#include "kaizen/spc.h"

namespace kaizen {
namespace {

// ordered_json keeps the keys in the order docs/api.md lists them, which reads better than
// alphabetical order when a person inspects the output.
using json = nlohmann::ordered_json;

// NaN marks "no value" throughout the engine; JSON has no NaN, and null says the same thing.
json Number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// Only the flagged rules, so a point's entry stays short: {"shift": "high"}.
json RuleFlagsJson(const RuleFlags& flags) {
  json out = json::object();
  for (int r = 0; r < kRuleCount; ++r) {
    const int8_t f = flags[r];
    if (f == 0) continue;
    const std::string name(RuleName(static_cast<RuleId>(r)));
    out[name] = f == 1 ? "high" : f == -1 ? "low" : "yes";
  }
  return out;
}

// `period` is always the ISO date of the period's first day (a stable key for programs);
// weeks, financial periods and sequences add `period_label`, the period as the data wrote it.
json PointJson(const PointResult& p, PeriodKind kind) {
  json out = {
      {"period", p.period.ToIso()},
      {"value", Number(p.value)},
      {"numerator", Number(p.numerator)},
      {"denominator", Number(p.denominator)},
      {"segment", p.segment},
      {"in_baseline", p.in_baseline},
      {"ghosted", p.ghosted},
      {"missing", p.missing},
      {"centre", Number(p.centre)},
      {"lower3", Number(p.lower3)},
      {"lower2", Number(p.lower2)},
      {"lower1", Number(p.lower1)},
      {"upper1", Number(p.upper1)},
      {"upper2", Number(p.upper2)},
      {"upper3", Number(p.upper3)},
      {"rules", RuleFlagsJson(p.rules)},
      {"label", RuleName(p.label)},
      {"side", SideName(p.side)},
      {"point_class", PointClassName(p.point_class)},
  };
  if (kind == PeriodKind::kDate) return out;  // the common case, built once
  json labelled = json::object();             // the label beside the period it names
  for (auto& item : out.items()) {
    labelled[item.key()] = std::move(item.value());
    if (item.key() == "period") labelled["period_label"] = FormatPeriod(p.period, kind);
  }
  return labelled;
}

// A runs-analysis figure, or null when there was nothing to analyse.
json Count(const std::optional<int32_t>& v) { return v ? json(*v) : json(nullptr); }

json SegmentJson(const SegmentResult& s) {
  return {
      {"first", s.first},
      {"last", s.last},
      {"n", s.n},
      {"n_used", s.n_used},
      {"n_baseline", s.n_baseline},
      {"centre", Number(s.centre)},
      {"mr_bar", Number(s.mr_bar)},
      {"sigma", Number(s.sigma)},
      {"sigma_z", Number(s.sigma_z)},
      {"lower3", Number(s.lower3)},
      {"upper3", Number(s.upper3)},
      {"has_limits", s.has_limits},
      {"zero_variation", s.zero_variation},
      {"judgement", JudgementName(s.judgement)},
      {"points_needed", s.points_needed},
      {"n_useful", s.n_useful},
      {"longest_run", Count(s.longest_run)},
      {"longest_run_max", Count(s.longest_run_max)},
      {"crossings", Count(s.crossings)},
      {"crossings_min", Count(s.crossings_min)},
      {"runs", s.runs},
  };
}

json SignalJson(const Signal& s) {
  return {
      {"rule", RuleName(s.rule)},
      {"side", SideName(s.side)},
      {"point_class", PointClassName(s.point_class)},
      {"first", s.first},
      {"last", s.last},
      {"sentence", s.sentence},
  };
}

json OutcomeJson(const PointOutcome& o) {
  return {
      {"label", RuleName(o.label)},
      {"side", SideName(o.side)},
      {"point_class", PointClassName(o.point_class)},
      {"centre", Number(o.centre)},
      {"lower3", Number(o.lower3)},
      {"upper3", Number(o.upper3)},
  };
}

// Replacing invalid UTF-8 instead of throwing keeps the no-exception contract of the API.
std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// The points array, written one point at a time: a tree of every point costs about 3 KB a point
// (9.4 GB for a 3,000,000-point series), its text about a tenth of that. Laid out as nlohmann
// lays out an array that is the value of a top-level key, so the output is the same bytes.
std::string PointsArrayJson(const std::vector<PointResult>& points, PeriodKind kind, int indent) {
  if (points.empty()) return "[]";
  const bool pretty = indent >= 0;
  const std::string item_indent = pretty ? "\n" + std::string(2 * indent, ' ') : "";
  std::string out = "[";
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i > 0) out += ',';
    out += item_indent;
    std::string point = Dump(PointJson(points[i], kind), indent);
    if (pretty) {
      // Standalone, the point is laid out from depth 0; in the array it sits at depth 2.
      for (std::size_t at = point.find('\n'); at != std::string::npos;
           at = point.find('\n', at + 1)) {
        point.insert(at + 1, 2 * static_cast<std::size_t>(indent), ' ');
      }
    }
    out += point;
  }
  if (pretty) out += "\n" + std::string(indent, ' ');
  return out + "]";
}

}  // namespace

std::string SeriesResultToJson(const SeriesResult& r, int indent) {
  json segments = json::array();
  for (const SegmentResult& s : r.segments) segments.push_back(SegmentJson(s));
  json warnings = json::array();
  for (const Warning& w : r.warnings)
    warnings.push_back({{"code", WarningCodeName(w.code)}, {"message", w.message}});
  json signals = json::array();
  for (const Signal& s : r.signals) signals.push_back(SignalJson(s));
  json out = {
      {"indicator_id", r.indicator_id},
      {"organisation", r.organisation},
      {"chart", ChartTypeName(r.chart)},
      {"direction", DirectionName(r.direction)},
      {"profile", r.profile},
      {"latest", r.latest},
      {"variation", VariationIconName(r.variation)},
      {"assurance", AssuranceIconName(r.assurance)},
      {"target", r.target ? Number(*r.target) : json(nullptr)},
      {"judgement", JudgementName(r.judgement)},
      {"target_met", r.target_met ? json(*r.target_met) : json(nullptr)},
      {"summary", r.summary},
      {"warnings", std::move(warnings)},
      {"signals", std::move(signals)},
      {"segments", std::move(segments)},
  };
  // Only for weeks, financial periods and sequences: monthly and daily output is unchanged.
  if (r.period_kind != PeriodKind::kDate) out["period_kind"] = PeriodKindName(r.period_kind);
  out["points"] = json::array();  // the last key: its empty array is replaced below
  std::string text = Dump(out, indent);
  const std::size_t close = text.rfind(']');  // of `"points": []`, just before the final `}`
  text.replace(close - 1, 2, PointsArrayJson(r.points, r.period_kind, indent));
  return text;
}

std::string ProfileToJson(const Profile& profile, int indent) {
  json parameters = json::object();
  for (const ParameterInfo& info : ProfileParameters()) {
    Result<std::string> v = GetParameter(profile, info.name);
    // Every registry name is gettable by construction; a miss would be a registry bug, and
    // null says "unknown" rather than dropping the key silently.
    parameters[info.name] = v.ok() ? json(*v) : json(nullptr);
  }
  const json out = {
      {"name", profile.name},
      {"description", profile.description},
      {"source", profile.source},
      {"parameters", std::move(parameters)},
  };
  return Dump(out, indent);
}

std::string ProfileComparisonToJson(const ProfileComparison& c, int indent) {
  json points = json::array();
  for (const PointDifference& d : c.points) {
    points.push_back({
        {"index", d.index},
        {"period", d.period.ToIso()},
        {"value", Number(d.value)},
        {"segment", d.segment},
        {"classification_differs", d.classification_differs},
        {"limits_differ", d.limits_differ},
        {"a", OutcomeJson(d.a)},
        {"b", OutcomeJson(d.b)},
    });
  }
  json pairs = json::array();
  for (const ParameterPairCause& pair : c.pair_causes) {
    pairs.push_back({{"parameters", {pair.first, pair.second}},
                     {"explains_classification", pair.explains_classification},
                     {"explains_limits", pair.explains_limits},
                     {"explains_variation", pair.explains_variation},
                     {"explains_assurance", pair.explains_assurance}});
  }
  json causes = json::array();
  for (const ParameterCause& cause : c.causes) {
    causes.push_back({
        {"parameter", cause.parameter},
        {"value_a", cause.value_a},
        {"value_b", cause.value_b},
        {"explains_classification", cause.explains_classification},
        {"explains_limits", cause.explains_limits},
        {"explains_variation", cause.explains_variation},
        {"explains_assurance", cause.explains_assurance},
        {"contributes", cause.contributes},
        {"sentence", cause.sentence},
    });
  }
  const json out = {
      {"profile_a", c.profile_a},
      {"profile_b", c.profile_b},
      {"agree", c.agree()},
      {"variation_a", VariationIconName(c.variation_a)},
      {"variation_b", VariationIconName(c.variation_b)},
      {"assurance_a", AssuranceIconName(c.assurance_a)},
      {"assurance_b", AssuranceIconName(c.assurance_b)},
      {"points", std::move(points)},
      {"causes", std::move(causes)},
      {"pair_causes", std::move(pairs)},
      {"unexplained_classification", c.unexplained_classification},
      {"unexplained_limits", c.unexplained_limits},
      {"variation_unexplained", c.variation_unexplained},
      {"assurance_unexplained", c.assurance_unexplained},
      {"summary", c.summary},
  };
  return Dump(out, indent);
}

std::string JsonListDocument::Head() const {
  return "{\"schema_version\":" + std::to_string(kSchemaVersion) + "," + json(key_).dump() + ":[";
}

void JsonListDocument::Append(std::string_view item, std::string* out) {
  if (!empty_) out->push_back(',');
  out->append(item);
  empty_ = false;
}

std::string JsonListDocument::Tail() { return "]}\n"; }

}  // namespace kaizen
