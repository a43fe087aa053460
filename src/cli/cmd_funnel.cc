// kaizen funnel: one period, every organisation, each against its precision with 95 % and
// 99.8 % limits (Spiegelhalter 2005) around the indicator's target (else the pooled mean, said
// so): a comparison without a league table, outliers named and judged better or worse by the
// indicator's direction, every value on the indicator's display scale (multiplier and unit).
#include <CLI/CLI.hpp>
#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/analysis_render.h"
#include "kaizen/export.h"
#include "kaizen/funnel.h"
#include "kaizen/number_format.h"

namespace kaizen::cli {
namespace {

struct FunnelCommandOptions {
  DataOptions data;
  std::string period;
  std::string type;
  bool overdispersion = false;
  std::optional<double> target;  // on the indicator's display scale, like the catalogue's
  ChartLabels labels;
  std::string output, palette = "mdc", format = "table";
};

// How an outlier reads for the indicator: "better" or "worse" by its direction, "outside" when
// neither direction is better, "within" inside the 95 % limits.
std::string Assessment(FunnelFlag flag, Direction direction) {
  if (flag == FunnelFlag::kWithin) return "within";
  const bool high = static_cast<int>(flag) > 0;
  switch (direction) {
    case Direction::kHigherIsBetter:
      return high ? "better" : "worse";
    case Direction::kLowerIsBetter:
      return high ? "worse" : "better";
    case Direction::kNeither:
      break;
  }
  return "outside";
}

nlohmann::json NumberOrNull(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s.empty() ? "none" : s;
}

}  // namespace

void AddFunnelCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "funnel", "funnel plot: every organisation in one period against 95% and 99.8% limits");
  auto o = std::make_shared<FunnelCommandOptions>();
  AddDataOptions(cmd, &o->data, "if");
  cmd->get_option("--indicator")->required();
  cmd->add_option("--period", o->period, "the period to compare (YYYY-MM-DD)")->required();
  cmd->add_option("--type", o->type,
                  "proportion, ratio (observed/expected) or rate; default from the chart type "
                  "(p, np, pp: proportion; u, up: rate)")
      ->check(CLI::IsMember({"proportion", "ratio", "rate"}));
  cmd->add_flag("--overdispersion", o->overdispersion,
                "widen the limits for overdispersion (Spiegelhalter's random effects)");
  cmd->add_option("--target", o->target,
                  "the centre line, on the indicator's scale (95 for 95 % with multiplier 100); "
                  "default: the catalogue's target in force in --period, else the pooled mean");
  cmd->add_option("-o,--output", o->output, "chart.svg, chart.png or chart.pdf");
  AddChartLabelOptions(cmd, &o->labels);
  AddPaletteOption(cmd, &o->palette);
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    if ((*exit_code = CheckChartPath(o->output)) != kExitOk) return;
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    Result<Date> period = Date::ParseIso(o->period);
    if (!period.ok()) {
      std::cerr << "--period: " << period.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    Inputs inputs;
    if ((*exit_code = PrepareInputs(o->data, &inputs)) != kExitOk) return;
    std::vector<Series> series;
    ImportSummary summary;
    if ((*exit_code = LoadSeries(o->data, inputs, &series, &summary)) != kExitOk) return;
    Result<Indicator> ind = IndicatorFor(series.front(), inputs, o->data);
    if (!ind.ok()) {
      std::cerr << ind.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    FunnelOptions options;
    options.adjust_overdispersion = o->overdispersion;
    const ChartType chart = ind->chart;
    if (o->type == "proportion" ||
        (o->type.empty() &&
         (chart == ChartType::kP || chart == ChartType::kNp || chart == ChartType::kPPrime))) {
      options.type = FunnelType::kProportion;
    } else if (o->type == "rate" ||
               (o->type.empty() && (chart == ChartType::kU || chart == ChartType::kUPrime))) {
      options.type = FunnelType::kRate;
    } else if (o->type == "ratio") {
      options.type = FunnelType::kRatio;
    } else {
      std::cerr << "--indicator " << o->data.indicator << " is a " << ChartTypeName(chart)
                << " chart without numerators and denominators; a funnel plot needs them: give "
                   "--type proportion, ratio (numerator observed, denominator expected) or rate\n";
      *exit_code = kExitBadInput;
      return;
    }
    // Targets, in the catalogue and on the command line, are on the indicator's display scale
    // (95 for 95 % with multiplier 100), as the SPC chart shows them; the funnel works on the
    // underlying proportion or rate.
    const double multiplier = ind->multiplier > 0 ? ind->multiplier : 1;
    options.display_multiplier = multiplier;
    options.display_unit = ind->unit;
    if (o->target) {
      options.target = *o->target / multiplier;
    } else if (const std::optional<TargetStep> step = ind->TargetAt(*period)) {
      options.target = step->value / multiplier;
    }
    std::vector<std::string> providers;
    std::vector<double> numerators, denominators;
    PeriodKind kind = PeriodKind::kDate;  // how the title names the period ("2024-W05")
    for (const Series& s : series) {
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.periods[i] != *period) continue;
        providers.push_back(s.organisation);
        kind = s.period_kind;
        numerators.push_back(i < s.numerators.size() ? s.numerators[i] : kMissing);
        denominators.push_back(i < s.denominators.size() ? s.denominators[i] : kMissing);
      }
    }
    if (providers.empty()) {
      std::cerr << "--period: no organisation has data for " << period->ToIso() << " in "
                << o->data.data_path << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    Result<FunnelResult> f = AnalyseFunnel(providers, numerators, denominators, options);
    if (!f.ok()) {
      std::cerr << o->data.data_path << ": " << f.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    std::string out;
    // Every value shown on the indicator's scale: value × multiplier, followed by its unit.
    const auto shown = [multiplier](double v) { return v * multiplier; };
    const std::string centre(FunnelCentreName(f->centre));
    if (o->format == "json") {
      nlohmann::json points = nlohmann::json::array();
      for (const FunnelPoint& p : f->points)
        points.push_back({{"organisation", p.provider},
                          {"numerator", p.numerator},
                          {"denominator", p.denominator},
                          {"value", shown(p.value)},
                          {"z", NumberOrNull(p.z)},
                          {"z_adjusted", NumberOrNull(p.z_adjusted)},
                          {"lower95", shown(p.limits.lower95)},
                          {"upper95", shown(p.limits.upper95)},
                          {"lower998", shown(p.limits.lower998)},
                          {"upper998", shown(p.limits.upper998)},
                          {"flag", std::string(FunnelFlagName(p.flag))},
                          {"assessment", Assessment(p.flag, ind->direction)}});
      nlohmann::json j = {{"indicator", o->data.indicator},
                          {"period", period->ToIso()},
                          {"unit", ind->unit},
                          {"multiplier", multiplier},
                          {"direction", std::string(DirectionName(ind->direction))},
                          {"target", shown(f->target)},
                          {"centre", centre},
                          {"phi", f->phi},
                          {"tau2", f->tau2},
                          {"adjusted", f->adjusted},
                          {"points", points},
                          {"outside95", f->outside95},
                          {"outside998", f->outside998},
                          {"rows_skipped", f->rows_skipped},
                          {"method", f->method}};
      out = j.dump(2) + "\n";
    } else if (o->format == "csv") {
      out =
          "organisation,numerator,denominator,value,z,lower95,upper95,lower998,upper998,flag,"
          "assessment,centre,target,unit,multiplier\n";
      for (const FunnelPoint& p : f->points)
        out += CsvField(p.provider) + "," + FormatNumber(p.numerator) + "," +
               FormatNumber(p.denominator) + "," + FormatNumber(shown(p.value)) + "," +
               FormatNumber(p.z_adjusted) + "," + FormatNumber(shown(p.limits.lower95)) + "," +
               FormatNumber(shown(p.limits.upper95)) + "," +
               FormatNumber(shown(p.limits.lower998)) + "," +
               FormatNumber(shown(p.limits.upper998)) + "," + std::string(FunnelFlagName(p.flag)) +
               "," + Assessment(p.flag, ind->direction) + "," + centre + "," +
               FormatNumber(shown(f->target)) + "," + CsvField(ind->unit) + "," +
               FormatNumber(multiplier) + "\n";
    } else {
      const std::string value_header = ind->unit.empty() ? "value" : "value (" + ind->unit + ")";
      Table t({"organisation", "numerator", "denominator", value_header, "z", "95% limits",
               "99.8% limits", "flag"});
      // One precision for the values, the limits and the target (one scale), counts whole,
      // z-scores to two decimals, so no column mixes 12.0 and 12.00.
      std::vector<double> rates = {shown(f->target)};
      for (const FunnelPoint& p : f->points)
        rates.insert(rates.end(), {shown(p.value), shown(p.limits.lower95), shown(p.limits.upper95),
                                   shown(p.limits.lower998), shown(p.limits.upper998)});
      const int decimals = DecimalsFor(rates);
      auto rate = [&](double v) { return FormatDecimals(shown(v), decimals); };
      for (const FunnelPoint& p : f->points) {
        const std::string assessment = Assessment(p.flag, ind->direction);
        t.AddRow(
            {p.provider, FormatDecimals(p.numerator, 0), FormatDecimals(p.denominator, 0),
             rate(p.value), FormatDecimals(p.z_adjusted, 2),
             rate(p.limits.lower95) + " – " + rate(p.limits.upper95),
             rate(p.limits.lower998) + " – " + rate(p.limits.upper998),
             std::string(FunnelFlagName(p.flag)) +
                 (assessment == "better" || assessment == "worse" ? " (" + assessment + ")" : "")});
      }
      const std::string unit_text =
          ind->unit.empty() ? "" : (ind->unit == "%" ? "%" : " " + ind->unit);
      out = ind->name + ", " + FormatPeriod(*period, kind) + " (" + centre + " " + rate(f->target) +
            unit_text + ", dispersion ratio " + FormatForTable(f->phi) + ")\n" + t.Render() +
            "outside 95% limits: " + Join(f->outside95) +
            "\noutside 99.8% limits: " + Join(f->outside998) + "\n" + f->method + "\n";
      if (multiplier != 1)
        out += "values are shown x " + FormatForTable(multiplier) +
               (ind->unit.empty() ? "" : " (" + ind->unit + ")") + "\n";
      if (f->points.size() < 10)
        out += "note: only " + std::to_string(f->points.size()) +
               " organisations: the dispersion ratio and any overdispersion adjustment rest on "
               "very few points.\n";
    }
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = ind->name + ", " + FormatPeriod(*period, kind);
    plot.x_label = options.type == FunnelType::kRatio ? "expected" : "denominator";
    plot.y_label = options.type == FunnelType::kProportion ? "proportion"
                   : options.type == FunnelType::kRatio    ? "observed / expected"
                                                           : "rate";
    if (!ind->unit.empty()) plot.y_label += " (" + ind->unit + ")";
    plot.direction = ind->direction;
    // Without a catalogue a proportion keeps the chart's percent and a rate its plain value.
    if (ind->multiplier != 1 || !ind->unit.empty()) {
      plot.multiplier = multiplier;
      plot.unit = ind->unit;
    }
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(o->output, RenderFunnelSvg(*f, plot))) == kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
