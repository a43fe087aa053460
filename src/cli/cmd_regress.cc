// kaizen regress: multiple linear regression of one column on several, by QR (so that
// ill-conditioned data such as Longley's keep their digits), with what Minitab's Fit Regression
// Model shows: coefficients with 95 % intervals and VIFs, the analysis of variance, the unusual
// observations, and the four residual plots.
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
#include "kaizen/stats.h"

namespace kaizen::cli {
namespace {

// Enough digits to read certified values (NIST gives 15) from the table.
std::string Sci(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

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
    int yi = 0;
    std::vector<double> y;
    if ((*exit_code = ReadRecords(o->file, o->delimiter, &table)) != kExitOk ||
        (*exit_code = FindColumn(table, o->y, "--y", &yi)) != kExitOk ||
        (*exit_code = NumericColumn(table, yi, &y)) != kExitOk)
      return;
    std::vector<std::vector<double>> columns(o->x.size());
    for (std::size_t c = 0; c < o->x.size(); ++c) {
      int index = 0;
      if ((*exit_code = FindColumn(table, o->x[c], "--x", &index)) != kExitOk ||
          (*exit_code = NumericColumn(table, index, &columns[c])) != kExitOk)
        return;
    }
    std::vector<std::span<const double>> spans(columns.begin(), columns.end());
    Result<LinearModel> m = FitLinearModel(y, spans, o->x);
    if (!m.ok()) {
      std::cerr << o->file << ": " << m.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    std::string out;
    if (o->format == "json") {
      nlohmann::json coefficients = nlohmann::json::array();
      for (const Coefficient& c : m->coefficients)
        coefficients.push_back(
            {{"name", c.name},
             {"estimate", c.estimate},
             {"se", c.se},
             {"t", c.t},
             {"p_value", c.p_value},
             {"ci_lower", c.ci_lower},
             {"ci_upper", c.ci_upper},
             {"vif", std::isnan(c.vif) ? nlohmann::json() : nlohmann::json(c.vif)}});
      nlohmann::json anova = nlohmann::json::array();
      const auto number_or_null = [](double v) {
        return std::isnan(v) ? nlohmann::json() : nlohmann::json(v);
      };
      for (const AnovaRow& r : m->anova)
        anova.push_back({{"source", r.source},
                         {"df", r.df},
                         {"ss", r.ss},
                         {"ms", number_or_null(r.ms)},
                         {"f", number_or_null(r.f)},
                         {"p_value", number_or_null(r.p_value)}});
      nlohmann::json unusual = nlohmann::json::array();
      for (const UnusualObservation& u : m->unusual)
        unusual.push_back({{"row", u.row + 1},
                           {"line", table.lines[u.row]},
                           {"y", u.y},
                           {"fit", u.fit},
                           {"residual", u.residual},
                           {"standardized_residual", number_or_null(u.standardized_residual)},
                           {"leverage", u.leverage},
                           {"large_residual", u.large_residual},
                           {"high_leverage", u.high_leverage}});
      nlohmann::json j = {{"y", o->y},
                          {"n", m->n},
                          {"k", m->k},
                          {"coefficients", coefficients},
                          {"residual_sd", m->residual_sd},
                          {"df_residual", m->df_residual},
                          {"r_squared", m->r_squared},
                          {"adjusted_r_squared", m->adjusted_r_squared},
                          {"f_statistic", m->f_statistic},
                          {"f_p_value", m->f_p_value},
                          {"confidence", m->confidence},
                          {"anova", anova},
                          {"unusual_observations", unusual}};
      out = j.dump(2) + "\n";
    } else if (o->format == "csv") {
      out = "term,estimate,se,t,p_value,ci_lower,ci_upper,vif\n";
      for (const Coefficient& c : m->coefficients)
        out += c.name + "," + FormatNumber(c.estimate) + "," + FormatNumber(c.se) + "," +
               FormatNumber(c.t) + "," + FormatNumber(c.p_value) + "," + FormatNumber(c.ci_lower) +
               "," + FormatNumber(c.ci_upper) + "," +
               (std::isnan(c.vif) ? "" : FormatNumber(c.vif)) + "\n";
    } else {
      Table t({"term", "estimate", "se", "t", "p", "95% CI", "VIF"});
      for (const Coefficient& c : m->coefficients)
        t.AddRow({c.name, Sci(c.estimate), Sci(c.se), Sci(c.t), Sci(c.p_value),
                  Sci(c.ci_lower) + " to " + Sci(c.ci_upper), SciOrBlank(c.vif)});
      Table anova({"source", "df", "SS", "MS", "F", "p"});
      for (const AnovaRow& r : m->anova)
        anova.AddRow({r.source, Sci(r.df), Sci(r.ss), SciOrBlank(r.ms), SciOrBlank(r.f),
                      SciOrBlank(r.p_value)});
      out = o->y + " on " + std::to_string(m->k) + " predictor(s), " + std::to_string(m->n) +
            " rows\n" + t.Render() + "residual sd " + Sci(m->residual_sd) + " on " +
            Sci(m->df_residual) + " df; R² " + Sci(m->r_squared) + ", adjusted R² " +
            Sci(m->adjusted_r_squared) + "; F " + Sci(m->f_statistic) + " on " +
            std::to_string(m->k) + " and " + Sci(m->df_residual) + " df, p " + Sci(m->f_p_value) +
            "\n\nAnalysis of variance\n" + anova.Render();
      out += "\nUnusual observations (R: |standardized residual| > 2; X: leverage > 3p/n = " +
             Sci(3.0 * static_cast<double>(m->k + 1) / static_cast<double>(m->n)) + ")\n";
      if (m->unusual.empty()) {
        out += "none\n";
      } else {
        Table unusual({"line", o->y, "fit", "residual", "std resid", "leverage", ""});
        for (const UnusualObservation& u : m->unusual)
          unusual.AddRow({std::to_string(table.lines[u.row]), Sci(u.y), Sci(u.fit), Sci(u.residual),
                          SciOrBlank(u.standardized_residual), Sci(u.leverage), Flags(u)});
        out += unusual.Render();
      }
    }
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = "Residual plots for " + o->y;
    plot.x_label = "fitted " + o->y;
    plot.y_label = "residual";
    ApplyChartLabels(o->labels, &plot);
    if ((*exit_code = WriteChart(o->output, RenderResidualPlotsSvg(*m, plot))) == kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
