// kaizen regress: multiple linear regression of one column on several, by QR (so that
// ill-conditioned data such as Longley's keep their digits), with what Minitab's Fit Regression
// Model shows: coefficients with 95 % intervals and VIFs, the analysis of variance, the unusual
// observations, and the four residual plots.
#include <CLI/CLI.hpp>
#include <cmath>
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

// Enough digits to read certified values (NIST gives 15) from the table.
// FormatGeneral is printf's "%.10g" without the locale or a buffer of its own.
std::string Sci(double v) { return FormatGeneral(v, 10); }

struct RegressCommandOptions {
  std::string file, y, delimiter, output, palette = "mdc", format = "table";
  std::vector<std::string> x;
  ChartLabels labels;
};

// Minitab's flags beside an unusual observation: R (large standardized residual), X (high
// leverage).
std::string Flags(const UnusualObservation& u) {
  return std::string(u.large_residual ? "R" : "") + (u.high_leverage ? "X" : "");
}

// A blank cell for the ANOVA entries Minitab leaves empty (MS of Total, F and p below
// Regression).
std::string SciOrBlank(double v) { return std::isnan(v) ? "" : Sci(v); }

std::string UnusualTable(const RegressionResult& r) {
  const LinearModel& m = r.model;
  std::string out =
      "\nUnusual observations (R: |standardized residual| > 2; X: leverage > 3p/n = " +
      Sci(3.0 * static_cast<double>(m.k + 1) / static_cast<double>(m.n)) + ")\n";
  if (m.unusual.empty()) return out + "none\n";
  Table unusual({"line", r.y_name, "fit", "residual", "std resid", "leverage", ""});
  for (const UnusualObservation& u : m.unusual)
    unusual.AddRow({std::to_string(r.lines[u.row]), Sci(u.y), Sci(u.fit), Sci(u.residual),
                    SciOrBlank(u.standardized_residual), Sci(u.leverage), Flags(u)});
  return out + unusual.Render();
}

// The table format, as Minitab lays it out: coefficients, the fit, the analysis of variance and
// the unusual observations.
std::string RegressionTable(const RegressionResult& r) {
  const LinearModel& m = r.model;
  Table t({"term", "estimate", "se", "t", "p", "95% CI", "VIF"});
  for (const Coefficient& c : m.coefficients)
    t.AddRow({c.name, Sci(c.estimate), Sci(c.se), Sci(c.t), Sci(c.p_value),
              Sci(c.ci_lower) + " to " + Sci(c.ci_upper), SciOrBlank(c.vif)});
  Table anova({"source", "df", "SS", "MS", "F", "p"});
  for (const AnovaRow& a : m.anova)
    anova.AddRow(
        {a.source, Sci(a.df), Sci(a.ss), SciOrBlank(a.ms), SciOrBlank(a.f), SciOrBlank(a.p_value)});
  return r.y_name + " on " + std::to_string(m.k) + " predictor(s), " + std::to_string(m.n) +
         " rows\n" + t.Render() + "residual sd " + Sci(m.residual_sd) + " on " +
         Sci(m.df_residual) + " df; R² " + Sci(m.r_squared) + ", adjusted R² " +
         Sci(m.adjusted_r_squared) + "; F " + Sci(m.f_statistic) + " on " + std::to_string(m.k) +
         " and " + Sci(m.df_residual) + " df, p " + Sci(m.f_p_value) +
         "\n\nAnalysis of variance\n" + anova.Render() + UnusualTable(r);
}

}  // namespace

void AddRegressCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "regress", "multiple linear regression: coefficients, se, t, p, R², adjusted R², F");
  auto o = std::make_shared<RegressCommandOptions>();
  cmd->add_option("FILE", o->file, "CSV with the columns")->required()->check(CLI::ExistingFile);
  cmd->add_option("--y", o->y, "the response column")->required();
  cmd->add_option("--x", o->x, "the predictor columns, comma-separated")
      ->required()
      ->delimiter(',');
  cmd->add_option("--delimiter", o->delimiter, kDelimiterHelp);
  cmd->add_option("-o,--output", o->output,
                  "the four residual plots (normal probability, versus fits, histogram, versus "
                  "order): .svg, .png or .pdf");
  AddChartLabelOptions(cmd, &o->labels);
  AddPaletteOption(cmd, &o->palette);
  AddFormatOption(cmd, &o->format);
  cmd->callback([o, exit_code] {
    if ((*exit_code = CheckChartPath(o->output)) != kExitOk) return;
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    RecordTable table;
    if ((*exit_code = ReadRecords(o->file, o->delimiter, &table)) != kExitOk) return;
    Diagnostics diagnostics;
    Result<RegressionResult> r = RegressionOfColumns(table, {.y = o->y, .x = o->x}, &diagnostics);
    if (!r.ok()) {
      *exit_code = ReportFailure(r.status(), diagnostics);
      return;
    }
    const std::string out = o->format == "json"  ? RegressionJson(*r)
                            : o->format == "csv" ? RegressionCsv(*r)
                                                 : RegressionTable(*r);
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = "Residual plots for " + o->y;
    plot.x_label = "fitted " + o->y;
    plot.y_label = "residual";
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(o->output, RenderResidualPlotsSvg(r->model, plot))) == kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
