#include "render/svg/svg_writer.h"

#include <gtest/gtest.h>

#include <clocale>

namespace kaizen::render {
namespace {

TEST(EscapeXml, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(EscapeXml("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
}

TEST(EscapeXml, ReplacesControlCharactersThatXmlForbids) {
  EXPECT_EQ(EscapeXml(std::string("a\x01"
                                  "b\tc\n",
                                  6)),
            "a b\tc\n");
}

TEST(EscapeXml, LeavesUtf8Alone) {
  EXPECT_EQ(EscapeXml("Ward 3 \xE2\x80\x93 £"), "Ward 3 \xE2\x80\x93 £");
}

TEST(Num, TrimsZerosAndIgnoresTheLocale) {
  // A decimal comma locale must not leak into coordinates; skip the switch where it is absent.
  const char* previous = std::setlocale(LC_NUMERIC, nullptr);
  const std::string saved = previous ? previous : "C";
  std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
  EXPECT_EQ(Num(12.5), "12.5");
  EXPECT_EQ(Num(40.0), "40");
  EXPECT_EQ(Num(-0.001), "0");
  EXPECT_EQ(Num(1.23456, 3), "1.235");
  EXPECT_EQ(Num(std::numeric_limits<double>::quiet_NaN()), "0");
  std::setlocale(LC_NUMERIC, saved.c_str());
}

TEST(MarkupWriter, EscapesAttributesAndTextAndClosesOpenElements) {
  MarkupWriter w;
  w.Open("g", {{"class", "a\"b"}});
  w.Leaf("text", {{"x", "1"}}, "<b>&");
  w.Leaf("rect", {{"width", "2"}});
  EXPECT_EQ(w.Finish(),
            "<g class=\"a&quot;b\"><text x=\"1\">&lt;b&gt;&amp;</text><rect width=\"2\"/></g>");
}

}  // namespace
}  // namespace kaizen::render

namespace kaizen::render {
namespace {

// Regression: a long title, organisation or indicator name hung PNG and PDF output (cairo's
// layout is super-linear: 30,000 characters took 28 s). Drawn text is capped at 300 characters.
TEST(CapDrawnText, LongTextIsCutAndEllipsised) {
  EXPECT_EQ(CapDrawnText(std::string(300, 'a')), std::string(300, 'a'));
  EXPECT_EQ(CapDrawnText(std::string(301, 'a')), std::string(299, 'a') + "\u2026");
  EXPECT_EQ(CapDrawnText(std::string(120000, 'a')), std::string(299, 'a') + "\u2026");
  std::string accented;
  for (int i = 0; i < 300; ++i) accented += "\xC3\xA9";  // 300 characters, 600 bytes
  EXPECT_EQ(CapDrawnText(accented), accented);
  const std::string cut = CapDrawnText(accented + "x");
  EXPECT_EQ(cut, accented.substr(0, 2 * 299) + "\u2026");  // never half a character
}

TEST(CapDrawnText, AppliesToDrawnElementsOnly) {
  MarkupWriter w;
  w.Leaf("text", {}, std::string(1000, 'a'));
  w.Open("tspan");
  w.Text(std::string(1000, 'b'));
  w.Close();
  w.Leaf("title", {}, std::string(1000, 'c'));  // a tooltip: not laid out
  const std::string out = w.Finish();
  EXPECT_NE(out.find("<text>" + std::string(299, 'a') + "\u2026</text>"), std::string::npos);
  EXPECT_NE(out.find("<tspan>" + std::string(299, 'b') + "\u2026</tspan>"), std::string::npos);
  EXPECT_NE(out.find(std::string(1000, 'c')), std::string::npos);
}

}  // namespace
}  // namespace kaizen::render
