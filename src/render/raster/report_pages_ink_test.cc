// The PDF pack's icons never touch its words (issue 8, item 13: on every infections page the
// icons and their captions collided). Each page is drawn twice by librsvg and cairo, as the PDF
// is: once with only its icons, once with everything but its icons; a pixel dark in both is an
// icon drawn over a word (or a line). The pixels are cairo's, not kaizen's layout arithmetic.
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "kaizen/render.h"
#include "render/report/report_test_util.h"
#include "test_support.h"

namespace kaizen {
namespace {

// The page's icons, each `<g transform="translate(...)"><svg ... class="mdc-icon">...</svg></g>`,
// taken out of `page` (which keeps everything else) and returned on an empty page of its own.
std::string TakeIcons(std::string& page) {
  const std::size_t root_end = page.find('>') + 1;
  std::string icons = page.substr(0, root_end);
  for (std::size_t at = page.find("<g transform="); at != std::string::npos;
       at = page.find("<g transform=", at)) {
    const std::size_t svg = page.find("<svg", at);
    const std::size_t svg_end = page.find('>', svg);
    if (page.compare(svg, 4, "<svg") != 0 ||
        page.substr(svg, svg_end - svg).find("class=\"mdc-icon\"") == std::string::npos ||
        page.substr(at, svg - at).find('<', 1) != std::string::npos) {
      ++at;
      continue;
    }
    const std::size_t end = page.find("</svg></g>", svg) + 10;
    icons += page.substr(at, end - at);
    page.erase(at, end - at);
  }
  return icons + "</svg>";
}

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;

Surface Draw(const std::string& svg, const std::string& name) {
  const std::string path = ::testing::TempDir() + name;
  EXPECT_TRUE(WriteSvgAsPng(svg, path).ok());
  Surface surface(cairo_image_surface_create_from_png(path.c_str()), cairo_surface_destroy);
  std::remove(path.c_str());
  return surface;
}

// Pixels darker than a rule or a band (#D8DDE0, luminance about 220 of 255) in both images:
// ink on ink, not the anti-aliased fringe of two shapes that merely meet.
int InkOnInk(cairo_surface_t* a, cairo_surface_t* b) {
  cairo_surface_flush(a);
  cairo_surface_flush(b);
  const int width = cairo_image_surface_get_width(a), height = cairo_image_surface_get_height(a);
  const int stride = cairo_image_surface_get_stride(a);
  const unsigned char* pa = cairo_image_surface_get_data(a);
  const unsigned char* pb = cairo_image_surface_get_data(b);
  auto dark = [stride](const unsigned char* p, int x, int y) {
    const unsigned char* px = p + y * stride + 4 * x;  // B, G, R, A (little-endian ARGB32)
    return 0.114 * px[0] + 0.587 * px[1] + 0.299 * px[2] < 160;  // ITU-R BT.601 luma
  };
  int both = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) both += dark(pa, x, y) && dark(pb, x, y);
  return both;
}

void ExpectIconsClearOfWords(const ReportInput& input) {
  const std::vector<std::string> pages = RenderReportPagesSvg(input);
  for (std::size_t k = 0; k < pages.size(); ++k) {
    std::string rest = pages[k];
    const std::string icons = TakeIcons(rest);
    ASSERT_NE(icons.find("mdc-icon"), std::string::npos) << "page " << k + 1 << " has no icon";
    Surface a = Draw(icons, "kaizen_ink_icons.png");
    Surface b = Draw(rest, "kaizen_ink_rest.png");
    ASSERT_EQ(cairo_surface_status(a.get()), CAIRO_STATUS_SUCCESS);
    ASSERT_EQ(cairo_surface_status(b.get()), CAIRO_STATUS_SUCCESS);
    EXPECT_EQ(InkOnInk(a.get(), b.get()), 0) << "page " << k + 1;
  }
}

TEST(ReportPagesInk, IconsNeverTouchWords) {
  const render::TestReport t = render::MakeTestReport();
  ExpectIconsClearOfWords(t.input);
}

TEST(ReportPagesInk, LongCaptionsAndFiguresStillClear) {
  // The infections layout that collided: long units in every figure, and an assurance caption
  // of several lines (no icon: the latest value against the target in words).
  render::TestReport t = render::MakeTestReport();
  for (auto& indicator : t.indicators) indicator->unit = "per 10,000 risk days";
  for (ReportSeries& s : t.input.series) {
    s.row.assurance = AssuranceIcon::kNone;
    s.row.judgement = Judgement::kNoLimits;
    s.row.target_met = false;
  }
  ExpectIconsClearOfWords(t.input);
}

}  // namespace
}  // namespace kaizen
