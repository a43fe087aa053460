// kaizen export --db W: the workspace's observations, their history, the decisions, the
// commentary, the audit log, the indicators' versions, annotations, organisations, users and
// packs as CSV, JSON or an .xlsx workbook, for people and programs that
// do not read the workspace file (docs/workspace.md, "Export"; the JSON schema in docs/api.md).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/workspace_options.h"
#include "kaizen/file_util.h"
#include "kaizen/workspace.h"
#include "kaizen/workspace_tables.h"

namespace kaizen::cli {
namespace {

struct ExportOptions {
  WorkspaceCliOptions workspace;
  std::string what = "observations";
  std::string format;  // "" : by the extension of -o, else csv
  std::string output = "-";
};

// --format, else the extension of -o, else csv.
std::string FormatFor(const ExportOptions& o) {
  if (!o.format.empty()) return o.format;
  if (EndsWith(o.output, ".json")) return "json";
  if (EndsWith(o.output, ".xlsx")) return "xlsx";
  return "csv";
}

// The tables --what names, checked against the format before the workspace is opened. Returns
// kExitOk or the bad-option exit code with its message printed.
int TablesFor(const ExportOptions& o, const std::string& format,
              std::vector<WorkspaceTableKind>* kinds) {
  if (o.what == "all") {
    if (format == "csv") {
      std::cerr << "kaizen: --what all: a CSV file holds one table; export one table at a time "
                   "(--what "
                << WorkspaceTableNameList() << ") or use --format json or xlsx\n";
      return kExitBadInput;
    }
    *kinds = AllWorkspaceTableKinds();
    return kExitOk;
  }
  auto kind = ParseWorkspaceTableKind(o.what);
  if (!kind.ok()) {
    std::cerr << "kaizen: --what: " << kind.status().message() << "\n";
    return kExitBadInput;
  }
  *kinds = {kind.value()};
  return kExitOk;
}

// Where the export goes, in chunks: a file written atomically (kaizen/file_util.h: nothing is
// visible there until Commit, and a failure leaves the old file as it was) or standard output.
class Destination {
 public:
  explicit Destination(std::string path) : path_(std::move(path)) {}
  bool ToStandardOutput() const { return path_.empty() || path_ == "-"; }
  Status Open() { return ToStandardOutput() ? Status::Ok() : file_.Open(path_); }
  Status Write(std::string_view bytes) {
    return ToStandardOutput() ? WriteToStandardOutput(bytes) : file_.Write(bytes);
  }
  Status Commit() { return ToStandardOutput() ? Status::Ok() : file_.Commit(); }

 private:
  std::string path_;
  OutputFile file_;
};

// Writes `buffer` out once it holds a megabyte (or at the end, `flush`), so an export of any
// size needs only that much memory.
Status Drain(Destination* out, std::string* buffer, bool flush) {
  constexpr std::size_t kChunk = 1 << 20;
  if (buffer->empty() || (!flush && buffer->size() < kChunk)) return Status::Ok();
  Status written = out->Write(*buffer);
  buffer->clear();
  return written;
}

// Streams the tables as CSV (one) or JSON, row by row. A failure to write exits 3, one to read
// the workspace as its class says (ReportWorkspaceFailure).
int StreamTables(Workspace* workspace, const std::vector<WorkspaceTableKind>& kinds,
                 const std::string& format, const std::string& path) {
  Destination out(path);
  if (Status opened = out.Open(); !opened.ok()) return ExitAfterWriting(opened);
  const bool json = format == "json";
  WorkspaceJsonWriter writer;
  std::string buffer = json ? writer.Head() : "";
  Status write_failure;
  std::string counts;  // "PATH: TABLE: N rows" lines, printed once the file is in place
  for (WorkspaceTableKind kind : kinds) {
    const std::vector<TableColumn> columns = WorkspaceTableColumns(kind);
    std::size_t rows = 0;
    if (json) {
      writer.BeginTable(WorkspaceTableName(kind), &buffer);
    } else {
      buffer.append(CsvHeaderLine(columns));
    }
    Status read = ForEachWorkspaceRow(workspace, kind, [&](const std::vector<TableCell>& row) {
      if (json) {
        writer.AppendRow(columns, row, &buffer);
      } else {
        AppendCsvLine(columns, row, &buffer);
      }
      ++rows;
      write_failure = Drain(&out, &buffer, false);
      return write_failure;
    });
    if (!write_failure.ok()) return ExitAfterWriting(write_failure);
    if (!read.ok()) return ReportWorkspaceFailure(read);
    if (json) writer.EndTable(&buffer);
    counts += path + ": " + std::string(WorkspaceTableName(kind)) + ": " + std::to_string(rows) +
              " rows\n";
  }
  if (json) buffer.append(writer.Tail());
  Status written = Drain(&out, &buffer, true);
  if (written.ok()) written = out.Commit();
  if (!written.ok()) return ExitAfterWriting(written);
  // What went where, when it did not go to standard output (which holds the export itself).
  if (!out.ToStandardOutput()) std::cerr << counts;
  return kExitOk;
}

// Reads the tables whole and writes them as one .xlsx workbook.
int WriteWorkbook(Workspace* workspace, const std::vector<WorkspaceTableKind>& kinds,
                  const std::string& path) {
  std::vector<WorkspaceTable> tables;
  for (WorkspaceTableKind kind : kinds) {
    auto table = ReadWorkspaceTable(workspace, kind);
    if (!table.ok()) return ReportWorkspaceFailure(table.status());
    tables.push_back(std::move(table).value());
  }
  auto workbook = WorkspaceTablesToXlsx(tables);
  if (!workbook.ok()) {
    std::cerr << "kaizen: " << workbook.status().message() << "\n";
    return ExitCodeFor(workbook.status(), FailedWhile::kWritingOutput);
  }
  if (int code = WriteOutput(path, workbook.value()); code != kExitOk) return code;
  if (path != "-") {
    for (const WorkspaceTable& t : tables) {
      std::cerr << path << ": " << t.name << ": " << t.rows.size() << " rows\n";
    }
  }
  return kExitOk;
}

int RunExport(const ExportOptions& o) {
  const std::string format = FormatFor(o);
  std::vector<WorkspaceTableKind> kinds;
  if (int code = TablesFor(o, format, &kinds); code != kExitOk) return code;
  int exit_code = kExitOk;
  auto workspace = OpenForCommand(o.workspace, WorkspaceAccess::kRead, &exit_code);
  if (!workspace) return exit_code;
  return format == "xlsx" ? WriteWorkbook(workspace.get(), kinds, o.output)
                          : StreamTables(workspace.get(), kinds, format, o.output);
}

}  // namespace

void AddExportCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "export",
      "write the workspace's data, history, decisions, commentary, definitions, people, packs "
      "or audit log");
  auto o = std::make_shared<ExportOptions>();
  AddWorkspaceOptions(cmd, &o->workspace, WorkspaceAccess::kRead);
  std::vector<std::string> tables = {"all"};
  for (WorkspaceTableKind kind : AllWorkspaceTableKinds()) {
    tables.emplace_back(WorkspaceTableName(kind));
  }
  cmd->add_option("--what", o->what,
                  "the table: " + WorkspaceTableNameList() + " (default observations), or all")
      ->check(CLI::IsMember(tables));
  cmd->add_option("--format", o->format, "csv, json or xlsx (default: by the extension of -o)")
      ->check(CLI::IsMember({"csv", "json", "xlsx"}));
  cmd->add_option("-o,--output", o->output, "the file to write ('-' or none: standard output)");
  cmd->callback([o, exit_code] { *exit_code = RunExport(*o); });
}

}  // namespace kaizen::cli
