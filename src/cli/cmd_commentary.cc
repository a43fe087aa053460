// kaizen annotate / comment: what happened at a period (an annotation on the chart) and
// commentary with its kind made explicit: a fact with its source, a named person's opinion, an
// assumption, a decision (docs/workspace.md, "Decisions, annotations and commentary").
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/workspace_options.h"
#include "kaizen/workspace.h"

namespace kaizen::cli {
namespace {

struct NoteOptions {
  WorkspaceCliOptions workspace;
  std::string indicator, organisation, date, text, kind, source, author;
};

// The period option as a Date, or the bad-option exit code (with its message printed).
int ParsePeriod(const std::string& option, const std::string& text, Date* out) {
  auto date = Date::ParseIso(text);
  if (!date.ok()) {
    std::cerr << "kaizen: " << option << ": " << date.status().message() << "\n";
    return kExitBadInput;
  }
  *out = date.value();
  return kExitOk;
}

void AddWhereOptions(CLI::App* cmd, NoteOptions* o, const std::string& period_option) {
  cmd->add_option("--indicator", o->indicator, "the indicator's id")->required();
  cmd->add_option("--org", o->organisation, "the organisation (default: every organisation)");
  cmd->add_option(period_option, o->date, "YYYY-MM-DD: the period it is about")->required();
  cmd->add_option("--text", o->text, "what to record")->required();
}

// Runs one change against the workspace and prints what it recorded.
template <typename Write>
void RunChange(const NoteOptions& o, int* exit_code, const std::string& what, Write write) {
  auto workspace = OpenForCommand(o.workspace, WorkspaceAccess::kChange, exit_code);
  if (workspace == nullptr) return;
  Result<std::int64_t> id = write(workspace.get(), ChangeFor(o.workspace));
  if (!id.ok()) {
    *exit_code = ReportWorkspaceFailure(id.status());
    return;
  }
  std::cout << what << " " << id.value() << ": " << o.indicator
            << (o.organisation.empty() ? "" : " for " + o.organisation) << " on " << o.date << "\n";
  *exit_code = kExitOk;
}

}  // namespace

void AddAnnotateCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("annotate", "record what happened at a period, for the chart");
  auto options = std::make_shared<NoteOptions>();
  AddWhereOptions(cmd, options.get(), "--date");
  AddWorkspaceOptions(cmd, &options->workspace, WorkspaceAccess::kChange);
  cmd->callback([options, exit_code] {
    WorkspaceAnnotation annotation{.indicator_id = options->indicator,
                                   .organisation = options->organisation,
                                   .text = options->text};
    if ((*exit_code = ParsePeriod("--date", options->date, &annotation.date)) != kExitOk) return;
    RunChange(*options, exit_code, "annotation",
              [&](Workspace* w, const Change& change) { return w->Annotate(change, annotation); });
  });
}

void AddCommentCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "comment", "record a fact (with its source), an opinion, an assumption or a decision");
  auto options = std::make_shared<NoteOptions>();
  AddWhereOptions(cmd, options.get(), "--period");
  cmd->add_option("--kind", options->kind, "fact, opinion, assumption or decision")
      ->required()
      ->check(CLI::IsMember({"fact", "opinion", "assumption", "decision"}));
  cmd->add_option("--source", options->source, "where a fact comes from (required for a fact)");
  cmd->add_option("--author", options->author,
                  "whose opinion or decision it is (default: the acting user)");
  AddWorkspaceOptions(cmd, &options->workspace, WorkspaceAccess::kChange);
  cmd->callback([options, exit_code] {
    auto kind = ParseCommentKind(options->kind);
    if (!kind.ok()) {
      std::cerr << "kaizen: --kind: " << kind.status().message() << "\n";
      *exit_code = kExitBadInput;
      return;
    }
    if (kind.value() == CommentKind::kFact && options->source.empty()) {
      std::cerr << "kaizen: --source is required for a fact (where the fact comes from)\n";
      *exit_code = kExitBadInput;
      return;
    }
    Comment comment{.indicator_id = options->indicator,
                    .organisation = options->organisation,
                    .kind = kind.value(),
                    .text = options->text,
                    .source = options->source,
                    .author = options->author};
    if ((*exit_code = ParsePeriod("--period", options->date, &comment.period)) != kExitOk) return;
    // An opinion or a decision is someone's: the acting user's unless another is named.
    if (comment.author.empty() &&
        (comment.kind == CommentKind::kOpinion || comment.kind == CommentKind::kDecision)) {
      comment.author = ActingUser(options->workspace);
    }
    RunChange(*options, exit_code, "comment",
              [&](Workspace* w, const Change& change) { return w->AddComment(change, comment); });
  });
}

}  // namespace kaizen::cli
