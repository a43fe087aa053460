// kaizen report: the board report, one self-contained HTML file (or a PDF by extension).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/workspace_options.h"
#include "kaizen/app_workspace.h"
#include "kaizen/file_util.h"
#include "kaizen/render.h"

namespace kaizen::cli {
namespace {

struct ReportOptions {
  DataOptions data;
  std::string output;
  std::string title;
  std::string palette = "mdc";
};

// Writes the assembled report to `path`. Returns an exit code.
int WriteReport(const app::BoardReport& report, bool pdf, const std::string& path) {
  if (!pdf) return WriteOutput(path, report.html);
  return ExitAfterWriting(WriteSvgPagesAsPdf(report.pdf_pages, path));
}

}  // namespace

void AddReportCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "report", "the board report: one self-contained HTML file (or .pdf) to open anywhere");
  auto o = std::make_shared<ReportOptions>();
  AddDataOptions(cmd, &o->data, "ifcd");
  cmd->add_option("-o,--output", o->output, "report.html or report.pdf")->required();
  cmd->add_option("--title", o->title, "report title (default: the catalogue's title)");
  AddPaletteOption(cmd, &o->palette);
  cmd->add_option("--as-of", o->data.as_of, "today's date for the stale flag (YYYY-MM-DD)");
  cmd->callback([o, exit_code] {
    const bool pdf = EndsWith(o->output, ".pdf");
    if (!pdf && !EndsWith(o->output, ".html") && !EndsWith(o->output, ".htm")) {
      std::cerr << "-o: '" << o->output << "' must end in .html or .pdf\n";
      *exit_code = kExitBadInput;
      return;
    }
    const Palette palette = *ParsePalette(o->palette);  // checked by AddPaletteOption
    Result<Date> as_of = AsOf(o->data);
    if (!as_of.ok()) {
      std::cerr << as_of.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    Inputs inputs;
    if ((*exit_code = PrepareInputs(o->data, &inputs)) != kExitOk) return;
    app::ReportRequest request{.series = RequestFor(o->data, inputs),
                               .as_of = *as_of,
                               .title = o->title,
                               .palette = palette,
                               .format = pdf ? app::ReportFormat::kPdf : app::ReportFormat::kHtml};
    if (inputs.workspace) {
      auto notices = app::WorkspaceReportNotices(inputs.workspace.get(), *inputs.catalogue, *as_of);
      if (!notices.ok()) {
        *exit_code = ReportWorkspaceFailure(notices.status());
        return;
      }
      request.notices = std::move(notices).value();
    }
    app::JobDiagnostics d;
    Result<app::BoardReport> report = app::AssembleReport(inputs.Source(), request, &d);
    PrintJobDiagnostics(d);
    if (!report.ok()) {
      *exit_code = ReportJobFailure(report.status(), d);
      return;
    }
    if ((*exit_code = WriteReport(*report, pdf, o->output)) != kExitOk) return;
    std::cerr << "kaizen: wrote " << o->output << " (" << report->model.series.size()
              << " series)\n";
  });
}

}  // namespace kaizen::cli
