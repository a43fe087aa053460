#include <gtest/gtest.h>

#include "kaizen/render.h"

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

TEST(VariationIcon, CarriesLetterColourAndMeaning) {
  const std::string concern_low =
      RenderVariationIconSvg(VariationIcon::kConcernLow, Palette::kMdc, 40);
  EXPECT_TRUE(Has(concern_low, "#FAB428"));
  EXPECT_TRUE(Has(concern_low, ">L</text>"));
  EXPECT_TRUE(Has(concern_low, "<title>Special cause concern (low)</title>"));
  EXPECT_TRUE(Has(concern_low, "width=\"40\""));

  const std::string improvement_high =
      RenderVariationIconSvg(VariationIcon::kImprovementHigh, Palette::kMdc, 40);
  EXPECT_TRUE(Has(improvement_high, "#289DE0"));
  EXPECT_TRUE(Has(improvement_high, ">H</text>"));

  const std::string neither =
      RenderVariationIconSvg(VariationIcon::kNeitherHigh, Palette::kMdc, 40);
  EXPECT_TRUE(Has(neither, "#361475"));
  // A dark disc takes a white letter, a light one a black letter.
  EXPECT_TRUE(Has(neither, "fill=\"#FFFFFF\">H</text>"));
  EXPECT_TRUE(Has(concern_low, "fill=\"#000000\">L</text>"));

  const std::string common = RenderVariationIconSvg(VariationIcon::kCommonCause, Palette::kMdc, 40);
  EXPECT_TRUE(Has(common, "#7B7D7D"));
  EXPECT_FALSE(Has(common, "</text>"));  // dots, no letter
  EXPECT_TRUE(Has(common, "Common cause variation"));
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

TEST(AssuranceIcon, LettersAndColours) {
  const std::string pass = RenderAssuranceIconSvg(AssuranceIcon::kPass, Palette::kMdc, 30);
  EXPECT_TRUE(Has(pass, ">P</text>"));
  EXPECT_TRUE(Has(pass, "#289DE0"));
  const std::string fail =
      RenderAssuranceIconSvg(AssuranceIcon::kFail, Palette::kMdcAlternative, 30);
  EXPECT_TRUE(Has(fail, ">F</text>"));
  EXPECT_TRUE(Has(fail, "#FF6600"));
  EXPECT_TRUE(Has(fail, "<title>Consistently fails the target</title>"));
  const std::string hit_or_miss =
      RenderAssuranceIconSvg(AssuranceIcon::kHitOrMiss, Palette::kColourBlind, 30);
  EXPECT_TRUE(Has(hit_or_miss, ">?</text>"));
  EXPECT_TRUE(Has(hit_or_miss, "#999999"));
  const std::string none = RenderAssuranceIconSvg(AssuranceIcon::kNone, Palette::kMdc, 30);
  EXPECT_FALSE(Has(none, "</text>"));
  EXPECT_TRUE(Has(none, "<title>No assurance icon"));
}

}  // namespace
}  // namespace kaizen
