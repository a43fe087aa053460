#include "render/svg/icons.h"

#include <gtest/gtest.h>

#include "kaizen/render.h"
#include "kaizen/summary.h"
#include "test_support.h"

namespace kaizen {
namespace {

bool Has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(ParsePalette, KnowsTheThreePalettes) {
  EXPECT_EQ(*ParsePalette("mdc"), Palette::kMdc);
  EXPECT_EQ(*ParsePalette("mdc-alt"), Palette::kMdcAlternative);
  EXPECT_EQ(*ParsePalette("colour-blind"), Palette::kColourBlind);
  Result<Palette> bad = ParsePalette("rainbow");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("rainbow"), std::string::npos);
}

// The words are NHS England's key to the icons: "Making Data Count: strengthening your
// decisions" (NHS England and NHS Improvement, 2019), as restated in
// AUS-DOH-Safety-and-Quality/PowerBI-SPC docs/PlotTheDots/variation.md ("Common Cause Variation
// which indicates that there is no significant change", "Special cause variation of concerning
// nature due to (H)igher or (L)ower values", "... of improving nature ...") and assurance.md
// ("consistently (P)assing the target", "consistently (F)alling short of the target",
// "inconsistently hitting, passing and falling short of the target").
TEST(VariationIcon, SaysWhatNhsEnglandsKeySays) {
  struct Case {
    VariationIcon icon;
    std::string words;
  };
  const Case cases[] = {
      {VariationIcon::kCommonCause, "Common cause variation: no significant change"},
      {VariationIcon::kImprovementHigh,
       "Special cause improvement, high: variation of an improving nature due to higher values"},
      {VariationIcon::kImprovementLow,
       "Special cause improvement, low: variation of an improving nature due to lower values"},
      {VariationIcon::kConcernHigh,
       "Special cause concern, high: variation of a concerning nature due to higher values"},
      {VariationIcon::kConcernLow,
       "Special cause concern, low: variation of a concerning nature due to lower values"},
      {VariationIcon::kNeitherHigh, "Special cause, neither improvement nor concern, high"},
      {VariationIcon::kNeitherLow, "Special cause, neither improvement nor concern, low"},
  };
  for (const Case& c : cases) {
    const std::string svg = RenderVariationIconSvg(c.icon, Palette::kMdc, 40);
    EXPECT_TRUE(Has(svg, "role=\"img\"")) << c.words;
    EXPECT_TRUE(Has(svg, "aria-label=\"" + c.words + "\"")) << svg;
    EXPECT_TRUE(Has(svg, "<title>" + c.words + "</title>")) << svg;
  }
}

TEST(AssuranceIcon, SaysWhatNhsEnglandsKeySays) {
  EXPECT_TRUE(Has(RenderAssuranceIconSvg(AssuranceIcon::kPass, Palette::kMdc, 30),
                  "<title>Consistently passing the target</title>"));
  EXPECT_TRUE(Has(RenderAssuranceIconSvg(AssuranceIcon::kFail, Palette::kMdc, 30),
                  "<title>Consistently falling short of the target</title>"));
  EXPECT_TRUE(
      Has(RenderAssuranceIconSvg(AssuranceIcon::kHitOrMiss, Palette::kMdc, 30),
          "<title>Inconsistently passing and falling short of the target (hit or miss)</title>"));
}

TEST(VariationIcon, RingLetterAndRunOfDotsInTheClassColour) {
  // MDC palette: NHS England's icon colours (blue #289DE0, orange #FAB428, purple #361475,
  // grey #7B7D7D); the small chart's grey is #7F7F7F.
  const std::string concern_low =
      RenderVariationIconSvg(VariationIcon::kConcernLow, Palette::kMdc, 40);
  EXPECT_TRUE(Has(concern_low, "width=\"40\""));
  EXPECT_TRUE(Has(concern_low, "stroke=\"#FAB428\""));  // the ring
  EXPECT_TRUE(Has(concern_low, ">L</text>"));
  // Five points, the last three (the run) orange, the first two grey.
  int orange = 0, grey = 0;
  for (std::size_t at = concern_low.find("r=\"5.5\""); at != std::string::npos;
       at = concern_low.find("r=\"5.5\"", at + 1)) {
    orange += concern_low.compare(at + 14, 7, "#FAB428") == 0;
    grey += concern_low.compare(at + 14, 7, "#7F7F7F") == 0;
  }
  EXPECT_EQ(orange, 3);
  EXPECT_EQ(grey, 2);
  // Orange on white is below 3:1 contrast: its letter is outlined.
  EXPECT_TRUE(Has(concern_low, "stroke=\"#231F20\""));

  const std::string neither =
      RenderVariationIconSvg(VariationIcon::kNeitherHigh, Palette::kMdc, 40);
  EXPECT_TRUE(Has(neither, "stroke=\"#361475\""));
  EXPECT_TRUE(Has(neither, ">H</text>"));
  EXPECT_FALSE(Has(neither, "stroke=\"#231F20\""));  // dark purple needs no outline

  const std::string common = RenderVariationIconSvg(VariationIcon::kCommonCause, Palette::kMdc, 40);
  EXPECT_TRUE(Has(common, "stroke=\"#7B7D7D\""));
  EXPECT_FALSE(Has(common, "</text>"));  // dots, no letter
}

TEST(VariationIcon, FollowsThePalette) {
  EXPECT_TRUE(Has(RenderVariationIconSvg(VariationIcon::kConcernHigh, Palette::kMdcAlternative, 30),
                  "#FF6600"));
  EXPECT_TRUE(Has(RenderVariationIconSvg(VariationIcon::kCommonCause, Palette::kMdcAlternative, 30),
                  "#BFBFBF"));
  EXPECT_TRUE(Has(RenderVariationIconSvg(VariationIcon::kImprovementLow, Palette::kColourBlind, 30),
                  "#0072B2"));
  EXPECT_TRUE(Has(RenderVariationIconSvg(VariationIcon::kNeitherLow, Palette::kColourBlind, 30),
                  "#CC79A7"));
  EXPECT_TRUE(Has(RenderVariationIconSvg(VariationIcon::kConcernLow, Palette::kColourBlind, 30),
                  "#E69F00"));
}

TEST(AssuranceIcon, LettersTargetLineAndColours) {
  const std::string pass = RenderAssuranceIconSvg(AssuranceIcon::kPass, Palette::kMdc, 30);
  EXPECT_TRUE(Has(pass, ">P</text>"));
  EXPECT_TRUE(Has(pass, "stroke=\"#289DE0\""));
  EXPECT_TRUE(Has(pass, "stroke-dasharray=\"8 4\""));  // the target line
  const std::string fail =
      RenderAssuranceIconSvg(AssuranceIcon::kFail, Palette::kMdcAlternative, 30);
  EXPECT_TRUE(Has(fail, ">F</text>"));
  EXPECT_TRUE(Has(fail, "#FF6600"));
  const std::string hit_or_miss =
      RenderAssuranceIconSvg(AssuranceIcon::kHitOrMiss, Palette::kColourBlind, 30);
  EXPECT_TRUE(Has(hit_or_miss, ">?</text>"));
  EXPECT_TRUE(Has(hit_or_miss, "#999999"));
  const std::string none = RenderAssuranceIconSvg(AssuranceIcon::kNone, Palette::kMdc, 30);
  EXPECT_FALSE(Has(none, "</text>"));
  EXPECT_TRUE(Has(none, "<title>No assurance</title>"));
}

// A series of `months` monthly points under the mdc profile (15 points for limits).
struct Analysed {
  Indicator indicator;
  ReportSeries series;
};
Analysed Analyse(int months, std::optional<double> target) {
  Analysed a{testing::MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc"), {}};
  if (target) a.indicator.targets = {{.from = testing::Month(0), .value = *target}};
  std::vector<double> values;
  for (int i = 0; i < months; ++i) values.push_back(50 + (i * 7) % 5);
  Result<SeriesResult> r = AnalyseSeries(a.indicator, testing::MonthlyValues(values));
  EXPECT_TRUE(r.ok());
  a.series = {&a.indicator, *r, MakeSummaryRow(a.indicator, *r, testing::Month(months))};
  return a;
}

TEST(RowIcons, NoTargetAndCannotBeJudgedLookAndReadDifferently) {
  // 20 months, no target: judged (common cause) but no assurance because there is no target.
  Analysed no_target = Analyse(20, std::nullopt);
  no_target.series.indicator = &no_target.indicator;
  EXPECT_EQ(render::AssuranceAccessibleName(no_target.series), "No target");
  const std::string struck = render::RowAssuranceIconSvg(no_target.series, Palette::kMdc, 30);
  EXPECT_TRUE(Has(struck, "<title>No target</title>"));
  EXPECT_TRUE(Has(struck, "stroke-linecap=\"round\""));  // the stroke through the target line

  // 9 months with a target: mdc needs 15 points for limits (docs/profiles.md), so neither
  // icon can be judged; the words give the number.
  Analysed short_series = Analyse(9, 52.0);
  short_series.series.indicator = &short_series.indicator;
  EXPECT_EQ(render::VariationAccessibleName(short_series.series),
            "Cannot be judged: fewer than 15 points");
  EXPECT_EQ(render::AssuranceAccessibleName(short_series.series),
            "Cannot be judged: fewer than 15 points");
  const std::string dots = render::RowAssuranceIconSvg(short_series.series, Palette::kMdc, 30);
  EXPECT_TRUE(Has(dots, "aria-label=\"Cannot be judged: fewer than 15 points\""));
  EXPECT_FALSE(Has(dots, "stroke-linecap=\"round\""));
  EXPECT_NE(dots.substr(dots.find("</title>")), struck.substr(struck.find("</title>")));
}

}  // namespace
}  // namespace kaizen
