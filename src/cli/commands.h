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

}  // namespace kaizen::cli

#endif  // KAIZEN_CLI_COMMANDS_H_
