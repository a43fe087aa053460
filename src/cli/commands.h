// One function per subcommand, each in its own file (cmd_*.cc): adds the subcommand, its
// options and its action to the kaizen app.
#ifndef KAIZEN_CLI_COMMANDS_H_
#define KAIZEN_CLI_COMMANDS_H_

namespace CLI {
class App;
}

namespace kaizen::cli {

// Each action stores its exit code in *exit_code.
void AddCheckCommand(CLI::App* app, int* exit_code);
void AddSpcCommand(CLI::App* app, int* exit_code);
void AddSummaryCommand(CLI::App* app, int* exit_code);
void AddReportCommand(CLI::App* app, int* exit_code);
void AddChartCommand(CLI::App* app, int* exit_code);
void AddExplainCommand(CLI::App* app, int* exit_code);
void AddProfilesCommand(CLI::App* app, int* exit_code);
// Analysis beyond control charts (Measure and Analyse).
void AddDescribeCommand(CLI::App* app, int* exit_code);
void AddHistogramCommand(CLI::App* app, int* exit_code);
void AddParetoCommand(CLI::App* app, int* exit_code);
void AddScatterCommand(CLI::App* app, int* exit_code);
void AddRegressCommand(CLI::App* app, int* exit_code);
void AddCapabilityCommand(CLI::App* app, int* exit_code);
void AddCompareCommand(CLI::App* app, int* exit_code);
void AddFunnelCommand(CLI::App* app, int* exit_code);
void AddAggregateCommand(CLI::App* app, int* exit_code);
void AddAnalyseCommand(CLI::App* app, int* exit_code);
// The workspace (issue 10).
void AddInitCommand(CLI::App* app, int* exit_code);
void AddImportCommand(CLI::App* app, int* exit_code);
void AddIndicatorsCommand(CLI::App* app, int* exit_code);
void AddHistoryCommand(CLI::App* app, int* exit_code);
// Governed decisions, annotations and commentary in a workspace (issue 10).
void AddProposeCommand(CLI::App* app, int* exit_code);
void AddApproveCommand(CLI::App* app, int* exit_code);
void AddRejectCommand(CLI::App* app, int* exit_code);
void AddPendingCommand(CLI::App* app, int* exit_code);
void AddAnnotateCommand(CLI::App* app, int* exit_code);
void AddCommentCommand(CLI::App* app, int* exit_code);
// The workspace's audit log, frozen packs, backup and restore (issue 10).
void AddAuditCommand(CLI::App* app, int* exit_code);
void AddFreezeCommand(CLI::App* app, int* exit_code);
void AddPacksCommand(CLI::App* app, int* exit_code);
void AddBackupCommand(CLI::App* app, int* exit_code);
void AddRestoreCommand(CLI::App* app, int* exit_code);

}  // namespace kaizen::cli

#endif  // KAIZEN_CLI_COMMANDS_H_
