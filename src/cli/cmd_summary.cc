// kaizen summary: one row per indicator × organisation (the board table) as table, CSV or
// JSON. app::Summary streams large files and analyses on a second thread; each row is written
// as soon as its series is analysed, so memory does not grow with the number of series.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/table.h"
#include "kaizen/export.h"
#include "kaizen/file_util.h"
#include "kaizen/json.h"
#include "kaizen/number_format.h"
#include "kaizen/render.h"
#include "kaizen/spc.h"
#include "kaizen/summary.h"

namespace kaizen::cli {
namespace {

struct SummaryOptions {
  DataOptions data;
  std::string format = "table";
};

// A terminal of this width shows the table without wrapping (the sentence column wraps).
constexpr int kTerminalWidth = 120;

std::string_view DirectionArrow(Direction d) {
  return d == Direction::kHigherIsBetter ? "↑" : d == Direction::kLowerIsBetter ? "↓" : "–";
}

// A table row in a board's words, every value at the series' one precision.
std::vector<std::string> TableRow(const SummaryRow& row) {
  auto value = [&](double v) { return FormatDecimals(v, row.decimals); };
  const std::string none = FormatDecimals(kMissing, 0);  // the dash of every absent value
  return {row.indicator_id,
          row.organisation,
          std::string(DirectionArrow(row.direction)),
          row.updated_to
              ? FormatPeriod(*row.updated_to, row.period_kind) + (row.stale ? " (stale)" : "")
              : none,
          row.target ? value(*row.target) : none,
          value(row.latest_value),
          value(row.mean),
          value(row.lower_limit),
          value(row.upper_limit),
          std::string(VariationIconWords(row.variation)),
          std::string(AssuranceIconWords(row.assurance)),
          row.sentence};
}

// Formats rows as they come (on the analysing thread) and hands large chunks to stdout as they
// fill, so memory stays flat.
class RowWriter {
 public:
  explicit RowWriter(const std::string& format)
      : format_(format),
        out_(format == "csv"    ? SummaryCsvHeader()
             : format == "json" ? json_document_.Head()
                                : ""),
        table_({"indicator", "org", "dir", "updated to", "target", "latest", "mean", "lower",
                "upper", "variation", "assurance", "summary"}) {}

  Status Add(const SummaryRow& row) {
    if (format_ == "csv") {
      AppendSummaryCsv(row, &out_);
    } else if (format_ == "json") {
      json_document_.Append(SummaryRowToJson(row), &out_);
    } else {
      table_.AddRow(TableRow(row));
    }
    ++rows_;
    if (out_.size() <= (1 << 20)) return Status::Ok();
    write_failure_ = WriteToStandardOutput(out_);
    out_.clear();
    return write_failure_;  // no point analysing what cannot be written
  }

  // What is left to write, once every row is in.
  std::string Rest() {
    if (format_ == "json") out_ += JsonListDocument::Tail();
    if (format_ == "table") out_ = table_.Render(kTerminalWidth);
    return std::move(out_);
  }
  std::size_t rows() const { return rows_; }
  const Status& write_failure() const { return write_failure_; }

 private:
  const std::string format_;
  JsonListDocument json_document_{"rows"};
  std::string out_;
  Table table_;
  std::size_t rows_ = 0;
  Status write_failure_;
};

int RunSummary(const SummaryOptions& o) {
  Inputs inputs;
  if (int code = PrepareInputs(o.data, &inputs); code != kExitOk) return code;
  Result<Date> as_of = AsOf(o.data);
  if (!as_of.ok()) {
    std::cerr << as_of.status().message() << "\n";
    return kExitBadInput;
  }
  Progress progress("series");
  app::SummaryRequest request{.series = RequestFor(o.data, inputs), .as_of = *as_of};
  request.on_progress = [&progress](std::uint64_t read, std::uint64_t total) {
    progress.Bytes(read, total);
  };
  RowWriter writer(o.format);
  app::JobDiagnostics d;
  Status st = app::Summary(inputs.Source(), request, &d, [&](const SummaryRow& row) {
    Status written = writer.Add(row);
    progress.Tick(writer.rows());
    return written;
  });
  progress.Finish();
  PrintJobDiagnostics(d);
  if (!writer.write_failure().ok()) return ExitAfterWriting(writer.write_failure());
  if (!st.ok()) return ReportJobFailure(st, d);
  return WriteOutput("-", writer.Rest());
}

}  // namespace

void AddSummaryCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "summary", "one row per indicator and organisation: latest value, limits, icons, sentence");
  auto o = std::make_shared<SummaryOptions>();
  AddDataOptions(cmd, &o->data, "ifcd");
  cmd->add_option("--format", o->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--as-of", o->data.as_of, "today's date for the stale flag (YYYY-MM-DD)");
  cmd->callback([o, exit_code] { *exit_code = RunSummary(*o); });
}

}  // namespace kaizen::cli
