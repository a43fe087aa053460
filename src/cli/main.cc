// kaizen: from indicator data to SPC charts, Making Data Count icons and the board report.
// Exit codes are documented in docs/cli.md and cli/common.h.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "cli/common.h"
#include "kaizen/version.h"

int main(int argc, char** argv) {
  using namespace kaizen::cli;
  CLI::App app{
      "kaizen: statistical process control for health and care performance.\n"
      "Reads long-format data (one row per indicator, organisation and period) and an\n"
      "indicator catalogue, and gives SPC charts, Making Data Count icons and board reports.",
      "kaizen"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("kaizen ") + kaizen::kVersion);
  int exit_code = kExitOk;
  AddCheckCommand(&app, &exit_code);
  AddSpcCommand(&app, &exit_code);
  AddSummaryCommand(&app, &exit_code);
  AddReportCommand(&app, &exit_code);
  AddChartCommand(&app, &exit_code);
  AddExplainCommand(&app, &exit_code);
  AddProfilesCommand(&app, &exit_code);
  AddDescribeCommand(&app, &exit_code);
  AddHistogramCommand(&app, &exit_code);
  AddParetoCommand(&app, &exit_code);
  AddScatterCommand(&app, &exit_code);
  AddRegressCommand(&app, &exit_code);
  AddCapabilityCommand(&app, &exit_code);
  AddCompareCommand(&app, &exit_code);
  AddFunnelCommand(&app, &exit_code);
  AddAggregateCommand(&app, &exit_code);
  AddAnalyseCommand(&app, &exit_code);
  AddInitCommand(&app, &exit_code);
  AddImportCommand(&app, &exit_code);
  AddIndicatorsCommand(&app, &exit_code);
  AddHistoryCommand(&app, &exit_code);
  AddProposeCommand(&app, &exit_code);
  AddApproveCommand(&app, &exit_code);
  AddRejectCommand(&app, &exit_code);
  AddPendingCommand(&app, &exit_code);
  AddAnnotateCommand(&app, &exit_code);
  AddCommentCommand(&app, &exit_code);
  AddAuditCommand(&app, &exit_code);
  AddFreezeCommand(&app, &exit_code);
  AddPacksCommand(&app, &exit_code);
  AddBackupCommand(&app, &exit_code);
  AddRestoreCommand(&app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0; usage errors exit 2.
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "kaizen: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return exit_code;
}
