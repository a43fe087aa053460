// The SPC chart's words, checked against strings and widths worked out by hand.
#include "render/svg/spc_chart_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kaizen::render {
namespace {

// Each fact is 10 characters, 72 px at 12 px (10 × 12 × 0.6); the separator "  ·  " is 5
// characters, 36 px. Two facts and a separator take 72 + 36 + 72 = 180 px.
constexpr std::string_view kThreeFacts = "aaaaaaaaaa  \xC2\xB7  bbbbbbbbbb  \xC2\xB7  cccccccccc";

TEST(SubtitleLines, OneLineWhenTheWholeSubtitleFits) {
  // All three: 72 × 3 + 36 × 2 = 288 px.
  EXPECT_EQ(SubtitleLines(kThreeFacts, 288), std::vector<std::string>{std::string(kThreeFacts)});
}

TEST(SubtitleLines, BreaksBetweenFactsOnly) {
  // 180 px holds two facts, not three (288 px).
  const std::vector<std::string> expected = {"aaaaaaaaaa  \xC2\xB7  bbbbbbbbbb", "cccccccccc"};
  EXPECT_EQ(SubtitleLines(kThreeFacts, 200), expected);
  // Narrower than one fact: each fact on a line of its own, none cut.
  const std::vector<std::string> one_each = {"aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"};
  EXPECT_EQ(SubtitleLines(kThreeFacts, 50), one_each);
}

TEST(SegmentNote, SaysHowManyPointsTheLimitsStillNeed) {
  SegmentResult seg;
  seg.judgement = Judgement::kTooFewPoints;
  seg.n_baseline = 7;
  seg.points_needed = 15;
  EXPECT_EQ(SegmentNote(seg), "Not judged yet: 7 of 15 points for limits");
  seg.judgement = Judgement::kJudged;
  EXPECT_EQ(SegmentNote(seg), "");
}

TEST(NotJudgedLegend, GivesTheReasonOnlyWhenEverySegmentSharesIt) {
  SeriesResult r;
  r.segments.resize(3);
  r.segments[0].judgement = Judgement::kJudged;
  r.segments[1].judgement = Judgement::kNoLimits;
  r.segments[2].judgement = Judgement::kNoLimits;
  EXPECT_EQ(NotJudgedLegend(r), "Not judged: no process limits");
  r.segments[2].judgement = Judgement::kZeroVariation;
  EXPECT_EQ(NotJudgedLegend(r), "Not judged");
}

}  // namespace
}  // namespace kaizen::render
