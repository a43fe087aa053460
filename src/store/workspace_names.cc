// The machine names of the workspace's enums, as stored in the file and typed on the command
// line, and the one wording of a proposal.
#include <array>
#include <cmath>
#include <string>
#include <string_view>

#include "kaizen/number_format.h"
#include "kaizen/workspace.h"

namespace kaizen {
namespace {

constexpr std::array<std::string_view, 4> kProposalKinds = {"rebase", "ghost", "target",
                                                            "baseline"};
constexpr std::array<std::string_view, 3> kProposalStates = {"pending", "approved", "rejected"};
constexpr std::array<std::string_view, 4> kCommentKinds = {"fact", "opinion", "assumption",
                                                           "decision"};

template <typename Enum, std::size_t N>
Result<Enum> ParseName(const std::array<std::string_view, N>& names, std::string_view name,
                       std::string_view what) {
  std::string expected;
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
    expected += (i ? (i + 1 == N ? " or " : ", ") : "") + std::string(names[i]);
  }
  return Status::InvalidArgument("unknown " + std::string(what) + " '" + std::string(name) +
                                 "' (expected " + expected + ")");
}

}  // namespace

std::string_view ProposalKindName(ProposalKind kind) {
  return kProposalKinds[static_cast<std::size_t>(kind)];
}
std::string_view ProposalStateName(ProposalState state) {
  return kProposalStates[static_cast<std::size_t>(state)];
}
std::string_view CommentKindName(CommentKind kind) {
  return kCommentKinds[static_cast<std::size_t>(kind)];
}
Result<ProposalKind> ParseProposalKind(std::string_view name) {
  return ParseName<ProposalKind>(kProposalKinds, name, "decision kind");
}
Result<ProposalState> ParseProposalState(std::string_view name) {
  return ParseName<ProposalState>(kProposalStates, name, "proposal state");
}
Result<CommentKind> ParseCommentKind(std::string_view name) {
  return ParseName<CommentKind>(kCommentKinds, name, "comment kind");
}

std::string DescribePointValue(const Observation& o) {
  auto number = [](double x) { return std::isnan(x) ? std::string() : FormatShortest(x); };
  if (!std::isnan(o.numerator) || !std::isnan(o.denominator)) {
    return number(o.numerator) + "/" + number(o.denominator);
  }
  return std::isnan(o.value) ? "missing" : number(o.value);
}

std::string DescribeProposal(const Proposal& p) {
  std::string text = std::string(ProposalKindName(p.kind)) + " of " + p.indicator_id +
                     (p.organisation.empty() ? "" : " for " + p.organisation);
  switch (p.kind) {
    case ProposalKind::kGhost:
      return text + " at " + p.date.ToIso();
    case ProposalKind::kTarget:
      return text + " from " + p.date.ToIso() + ": " +
             (std::isnan(p.target) ? std::string("none") : FormatShortest(p.target));
    case ProposalKind::kBaseline:
      if (p.baseline.first_n > 0) {
        return text + ": first " + std::to_string(p.baseline.first_n) + " points";
      }
      return text + ": " + (p.baseline.from ? p.baseline.from->ToIso() : "start") + " to " +
             (p.baseline.to ? p.baseline.to->ToIso() : "end");
    case ProposalKind::kRebase:
      break;
  }
  return text + " from " + p.date.ToIso();
}

}  // namespace kaizen
