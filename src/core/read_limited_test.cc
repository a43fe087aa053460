#include "core/read_limited.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "kaizen/catalogue.h"

namespace kaizen {
namespace {

// Regression: `--indicators /dev/zero` read without bound (3.3 GB in 5 s).
TEST(ReadLimitedTest, EndlessInputIsRefusedAtTheLimit) {
  std::string out;
  const Status s = ReadFileLimited("/dev/zero", 1 << 20, "the input", &out);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(s.message().find("'/dev/zero' is longer than 1 MiB"), std::string::npos) << s.message();

  Diagnostics diagnostics;
  Result<Catalogue> c = ReadCatalogue("/dev/zero", &diagnostics);
  EXPECT_EQ(c.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(c.status().message().find("is longer than 16 MiB"), std::string::npos)
      << c.status().message();
}

TEST(ReadLimitedTest, SmallFilesAreReadWhole) {
  const std::string path = ::testing::TempDir() + "kaizen_read_limited.txt";
  std::ofstream(path, std::ios::binary) << "abc\n";
  std::string out;
  ASSERT_TRUE(ReadFileLimited(path, 4, "the input", &out).ok());
  EXPECT_EQ(out, "abc\n");
  EXPECT_EQ(ReadFileLimited(path, 3, "the input", &out).code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(ReadFileLimited("/nonexistent/x", 3, "the input", &out).code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadFileLimited("/tmp", 3, "the input", &out).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kaizen
