// kaizen regress: multiple linear regression of one column on several, by QR (so that
// ill-conditioned data such as Longley's keep their digits), with the usual table.
#include <CLI/CLI.hpp>
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

struct RegressCommandOptions {
  std::string file, y, delimiter, output, palette = "mdc", format = "table";
  std::vector<std::string> x;
};

// Enough digits to read certified values (NIST gives 15) from the table.
std::string Sci(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
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
  cmd->add_option("-o,--output", o->output, "residual plot: .svg, .png or .pdf");
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
        coefficients.push_back({{"name", c.name},
                                {"estimate", c.estimate},
                                {"se", c.se},
                                {"t", c.t},
                                {"p_value", c.p_value}});
      nlohmann::json j = {{"y", o->y},
                          {"n", m->n},
                          {"k", m->k},
                          {"coefficients", coefficients},
                          {"residual_sd", m->residual_sd},
                          {"df_residual", m->df_residual},
                          {"r_squared", m->r_squared},
                          {"adjusted_r_squared", m->adjusted_r_squared},
                          {"f_statistic", m->f_statistic},
                          {"f_p_value", m->f_p_value}};
      out = j.dump(2) + "\n";
    } else if (o->format == "csv") {
      out = "term,estimate,se,t,p_value\n";
      for (const Coefficient& c : m->coefficients)
        out += c.name + "," + FormatNumber(c.estimate) + "," + FormatNumber(c.se) + "," +
               FormatNumber(c.t) + "," + FormatNumber(c.p_value) + "\n";
    } else {
      Table t({"term", "estimate", "se", "t", "p"});
      for (const Coefficient& c : m->coefficients)
        t.AddRow({c.name, Sci(c.estimate), Sci(c.se), Sci(c.t), Sci(c.p_value)});
      out = o->y + " on " + std::to_string(m->k) + " predictor(s), " + std::to_string(m->n) +
            " rows\n" + t.Render() + "residual sd " + Sci(m->residual_sd) + " on " +
            Sci(m->df_residual) + " df; R² " + Sci(m->r_squared) + ", adjusted R² " +
            Sci(m->adjusted_r_squared) + "; F " + Sci(m->f_statistic) + " on " +
            std::to_string(m->k) + " and " + Sci(m->df_residual) + " df, p " + Sci(m->f_p_value) +
            "\n";
    }
    if ((*exit_code = WriteOutput("-", out)) != kExitOk || o->output.empty()) return;
    PlotOptions plot;
    plot.palette = palette;
    plot.title = "Residuals of " + o->y;
    plot.x_label = "fitted " + o->y;
    plot.y_label = "residual";
    if ((*exit_code = WriteChart(o->output, RenderResidualPlotSvg(*m, plot))) == kExitOk)
      std::cerr << "kaizen: wrote " << o->output << "\n";
  });
}

}  // namespace kaizen::cli
