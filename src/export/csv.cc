#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "kaizen/analysis_export.h"
#include "kaizen/export.h"
#include "kaizen/number_format.h"

namespace kaizen {
namespace {

void AppendNumber(double v, std::string* out) {
  if (!std::isnan(v)) AppendShortest(v, out);  // NaN: an empty field, missing
}

std::string Flags(const PointResult& pt) {
  std::string flags;
  for (int r = 0; r < kRuleCount; ++r) {
    if (pt.rules[r] == 0) continue;
    if (!flags.empty()) flags += ' ';
    flags += RuleName(static_cast<RuleId>(r));
  }
  return flags;
}

}  // namespace

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string PointsCsvHeader() {
  return "indicator,organisation,period,value,numerator,denominator,segment,in_baseline,ghosted,"
         "missing,centre,lower3,lower2,lower1,upper1,upper2,upper3,label,side,class,flags\n";
}

void AppendPointsCsv(const SeriesResult& r, std::string* out) {
  const std::string prefix = CsvField(r.indicator_id) + "," + CsvField(r.organisation) + ",";
  for (const PointResult& pt : r.points) {
    out->append(prefix);
    out->append(FormatPeriod(pt.period, r.period_kind));  // "2024-W05" as the data wrote it
    for (double v : {pt.value, pt.numerator, pt.denominator}) {
      out->push_back(',');
      AppendNumber(v, out);
    }
    out->push_back(',');
    out->append(std::to_string(pt.segment + 1));
    for (bool b : {pt.in_baseline, pt.ghosted, pt.missing}) out->append(b ? ",1" : ",0");
    for (double v : {pt.centre, pt.lower3, pt.lower2, pt.lower1, pt.upper1, pt.upper2, pt.upper3}) {
      out->push_back(',');
      AppendNumber(v, out);
    }
    out->push_back(',');
    if (pt.label != RuleId::kNone) out->append(RuleName(pt.label));
    out->push_back(',');
    out->append(SideName(pt.side));
    out->push_back(',');
    out->append(PointClassName(pt.point_class));
    out->push_back(',');
    out->append(Flags(pt));
    out->push_back('\n');
  }
}

std::string SummaryCsvHeader() {
  return "domain,reference,indicator,name,organisation,direction,chart,updated_to,stale,target,"
         "target_set_by,latest,mean,lower_limit,upper_limit,variation,assurance,data_quality,"
         "accountable_person,data_owner,exception,sentence,narrative\n";
}

void AppendSummaryCsv(const SummaryRow& row, std::string* out) {
  auto text = [&](std::string_view s) {
    out->append(CsvField(s));
    out->push_back(',');
  };
  auto number = [&](double v) {
    AppendNumber(v, out);
    out->push_back(',');
  };
  text(row.domain);
  text(row.reference);
  text(row.indicator_id);
  text(row.indicator_name);
  text(row.organisation);
  text(DirectionName(row.direction));
  text(ChartTypeName(row.chart));
  text(row.updated_to ? FormatPeriod(*row.updated_to, row.period_kind) : "");
  text(row.stale ? "1" : "0");
  number(row.target ? *row.target : kMissing);
  text(row.target_set_by);
  number(row.latest_value);
  number(row.mean);
  number(row.lower_limit);
  number(row.upper_limit);
  text(VariationIconName(row.variation));
  text(AssuranceIconName(row.assurance));
  text(row.data_quality);
  text(row.accountable_person);
  text(row.data_owner);
  text(row.exception ? "1" : "0");
  text(row.sentence);
  out->append(CsvField(row.narrative));
  out->push_back('\n');
}

std::string SummaryRowToJson(const SummaryRow& row) {
  using nlohmann::ordered_json;
  auto number = [](double v) { return std::isnan(v) ? ordered_json() : ordered_json(v); };
  ordered_json j;
  j["domain"] = row.domain;
  j["reference"] = row.reference;
  j["indicator"] = row.indicator_id;
  j["name"] = row.indicator_name;
  j["organisation"] = row.organisation;
  j["direction"] = DirectionName(row.direction);
  j["chart"] = ChartTypeName(row.chart);
  j["updated_to"] = row.updated_to ? ordered_json(row.updated_to->ToIso()) : ordered_json();
  // As the points do: the ISO first day stays, and weeks, quarters and sequences add the label.
  if (row.updated_to && row.period_kind != PeriodKind::kDate)
    j["updated_to_label"] = FormatPeriod(*row.updated_to, row.period_kind);
  j["stale"] = row.stale;
  j["target"] = row.target ? ordered_json(*row.target) : ordered_json();
  j["target_set_by"] = row.target_set_by;
  j["latest"] = number(row.latest_value);
  j["mean"] = number(row.mean);
  j["lower_limit"] = number(row.lower_limit);
  j["upper_limit"] = number(row.upper_limit);
  j["variation"] = VariationIconName(row.variation);
  j["assurance"] = AssuranceIconName(row.assurance);
  j["judgement"] = JudgementName(row.judgement);
  j["target_met"] = row.target_met ? ordered_json(*row.target_met) : ordered_json();
  j["data_quality"] = row.data_quality;
  j["accountable_person"] = row.accountable_person;
  j["data_owner"] = row.data_owner;
  j["exception"] = row.exception;
  j["sentence"] = row.sentence;
  j["narrative"] = row.narrative;
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace kaizen
