#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "kaizen/render.h"
#include "test_support.h"

namespace kaizen {
namespace {

const std::string kSvg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"80\" "
    "viewBox=\"0 0 120 80\"><rect width=\"120\" height=\"80\" fill=\"#289DE0\"/>"
    "<text x=\"10\" y=\"40\" font-size=\"12\">Page</text></svg>";

std::string TempPath(const std::string& name) { return ::testing::TempDir() + name; }

uint32_t BigEndian(const std::string& s, std::size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(s[at + 3]));
}

int Count(const std::string& s, const std::string& part) {
  int n = 0;
  for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

TEST(WriteSvgAsPng, WritesAPngAtTwiceTheSize) {
  const std::string path = TempPath("kaizen_raster_test.png");
  ASSERT_TRUE(WriteSvgAsPng(kSvg, path).ok());
  const std::string png = testing::ReadFile(path);
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // IHDR: width and height at bytes 16 and 20.
  EXPECT_EQ(BigEndian(png, 16), 240u);
  EXPECT_EQ(BigEndian(png, 20), 160u);
  std::remove(path.c_str());
}

TEST(WriteSvgPagesAsPdf, OnePdfPagePerSvg) {
  const std::string path = TempPath("kaizen_raster_test.pdf");
  ASSERT_TRUE(WriteSvgPagesAsPdf({kSvg, kSvg, kSvg}, path).ok());
  const std::string pdf = testing::ReadFile(path);
  EXPECT_EQ(pdf.rfind("%PDF", 0), 0u);
  // "/Type /Pages" (the page tree) also starts with "/Type /Page": count it out.
  EXPECT_EQ(Count(pdf, "/Type /Page") - Count(pdf, "/Type /Pages"), 3);
  ASSERT_TRUE(WriteSvgAsPdf(kSvg, path).ok());
  const std::string single = testing::ReadFile(path);
  EXPECT_EQ(Count(single, "/Type /Page") - Count(single, "/Type /Pages"), 1);
  std::remove(path.c_str());
}

TEST(Raster, FailureLeavesNothingBehind) {
  const std::filesystem::path dir = TempPath("kaizen_raster_readonly");
  std::filesystem::create_directories(dir);
  std::filesystem::permissions(
      dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  const std::string missing_dir = (dir / "no-such-dir" / "chart.png").string();
  EXPECT_FALSE(WriteSvgAsPng(kSvg, missing_dir).ok());
  EXPECT_FALSE(WriteSvgAsPdf(kSvg, (dir / "no-such-dir" / "chart.pdf").string()).ok());
  // A read-only directory stops even root only through the missing subdirectory above; both
  // cases must leave the directory empty.
  (void)WriteSvgAsPng(kSvg, (dir / "chart.png").string());
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
  int leftovers = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename() != "chart.png") ++leftovers;
  }
  EXPECT_EQ(leftovers, 0);
  std::filesystem::remove_all(dir);
}

TEST(Raster, RejectsInvalidSvg) {
  const std::string path = TempPath("kaizen_raster_bad.png");
  Status st = WriteSvgAsPng("<svg", path);
  EXPECT_FALSE(st.ok());
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace kaizen
