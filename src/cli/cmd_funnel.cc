// kaizen funnel: one period, every organisation, each against its precision with 95 % and
// 99.8 % limits (Spiegelhalter 2005) around the indicator's target (else the pooled mean, said
// so): a comparison without a league table, outliers named and judged better or worse by the
// indicator's direction, every value on the indicator's display scale (multiplier and unit).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/analysis_export.h"
#include "kaizen/analysis_render.h"
#include "kaizen/app_analysis.h"
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

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s.empty() ? "none" : s;
}

std::optional<FunnelType> TypeOption(const std::string& type) {
  if (type == "proportion") return FunnelType::kProportion;
  if (type == "rate") return FunnelType::kRate;
  if (type == "ratio") return FunnelType::kRatio;
  return std::nullopt;  // from the chart type
}

// One row per organisation, every value on the indicator's scale with one precision for the
// values, the limits and the target (one scale), counts whole, z-scores to two decimals, so no
// column mixes 12.0 and 12.00.
Table FunnelRows(const FunnelJobResult& r, const Indicator& ind, int decimals) {
  const double m = r.multiplier;
  auto rate = [&](double v) { return FormatDecimals(v * m, decimals); };
  const std::string value_header = ind.unit.empty() ? "value" : "value (" + ind.unit + ")";
  Table t({"organisation", "numerator", "denominator", value_header, "z", "95% limits",
           "99.8% limits", "flag"});
  for (std::size_t i = 0; i < r.funnel.points.size(); ++i) {
    const FunnelPoint& p = r.funnel.points[i];
    const std::string& assessment = r.assessments[i];
    t.AddRow(
        {p.provider, FormatDecimals(p.numerator, 0), FormatDecimals(p.denominator, 0),
         rate(p.value), FormatDecimals(p.z_adjusted, 2),
         rate(p.limits.lower95) + " – " + rate(p.limits.upper95),
         rate(p.limits.lower998) + " – " + rate(p.limits.upper998),
         std::string(FunnelFlagName(p.flag)) +
             (assessment == "better" || assessment == "worse" ? " (" + assessment + ")" : "")});
  }
  return t;
}

std::string FunnelTable(const FunnelJobResult& r, const Indicator& ind, Date period) {
  const FunnelResult& f = r.funnel;
  const double m = r.multiplier;
  std::vector<double> rates = {f.target * m};
  for (const FunnelPoint& p : f.points)
    rates.insert(rates.end(), {p.value * m, p.limits.lower95 * m, p.limits.upper95 * m,
                               p.limits.lower998 * m, p.limits.upper998 * m});
  const int decimals = DecimalsFor(rates);
  const std::string unit_text = ind.unit.empty() ? "" : (ind.unit == "%" ? "%" : " " + ind.unit);
  std::string out = ind.name + ", " + FormatPeriod(period, r.period_kind) + " (" +
                    std::string(FunnelCentreName(f.centre)) + " " +
                    FormatDecimals(f.target * m, decimals) + unit_text + ", dispersion ratio " +
                    FormatForTable(f.phi) + ")\n" + FunnelRows(r, ind, decimals).Render() +
                    "outside 95% limits: " + Join(f.outside95) +
                    "\noutside 99.8% limits: " + Join(f.outside998) + "\n" + f.method + "\n";
  if (m != 1)
    out += "values are shown x " + FormatForTable(m) +
           (ind.unit.empty() ? "" : " (" + ind.unit + ")") + "\n";
  if (f.points.size() < 10)
    out += "note: only " + std::to_string(f.points.size()) +
           " organisations: the dispersion ratio and any overdispersion adjustment rest on "
           "very few points.\n";
  return out;
}

// The funnel plot: axes named by the funnel's type, values on the indicator's scale.
PlotOptions FunnelPlot(const FunnelJobResult& r, const Indicator& ind, Date period,
                       Palette palette) {
  PlotOptions plot;
  plot.palette = palette;
  plot.title = ind.name + ", " + FormatPeriod(period, r.period_kind);
  plot.x_label = r.type == FunnelType::kRatio ? "expected" : "denominator";
  plot.y_label = r.type == FunnelType::kProportion ? "proportion"
                 : r.type == FunnelType::kRatio    ? "observed / expected"
                                                   : "rate";
  if (!ind.unit.empty()) plot.y_label += " (" + ind.unit + ")";
  plot.direction = ind.direction;
  // Without a catalogue a proportion keeps the chart's percent and a rate its plain value.
  if (ind.multiplier != 1 || !ind.unit.empty()) {
    plot.multiplier = r.multiplier;
    plot.unit = ind.unit;
  }
  return plot;
}

}  // namespace

void AddFunnelCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "funnel", "funnel plot: every organisation in one period against 95% and 99.8% limits");
  auto o = std::make_shared<FunnelCommandOptions>();
  AddDataOptions(cmd, &o->data, "ifd");
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
    const FunnelRequest request{.indicator = o->data.indicator,
                                .period = *period,
                                .type = TypeOption(o->type),
                                .overdispersion = o->overdispersion,
                                .target = o->target,
                                .source = DataName(o->data)};
    Result<FunnelJobResult> f = FunnelOfPeriod(series, *ind, request);
    if (!f.ok()) {
      *exit_code = ReportFailure(f.status(), Diagnostics());
      return;
    }
    const std::string out = o->format == "json"  ? FunnelJson(*f, *ind, request)
                            : o->format == "csv" ? FunnelCsv(*f, *ind)
                                                 : FunnelTable(*f, *ind, *period);
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot = FunnelPlot(*f, *ind, *period, palette);
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(o->output, RenderFunnelSvg(f->funnel, plot))) == kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
