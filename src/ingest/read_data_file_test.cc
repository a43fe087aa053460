#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kaizen/ingest.h"
#include "test_support.h"

namespace kaizen {
namespace {

TEST(ReadAllSeriesTest, ReadsACsvFileByItsExtension) {
  Diagnostics diagnostics;
  ImportSummary summary;
  Result<std::vector<Series>> r = ReadAllSeries(
      testing::SourcePath("tests/data/ingest/uk_monthly.csv"), nullptr, {}, &diagnostics, &summary);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].indicator_id, "beds");
  EXPECT_EQ((*r)[0].organisation, "RXX");
  EXPECT_EQ(summary.rows_read, 4u);
  EXPECT_EQ(summary.series, 1u);
}

TEST(ReadAllSeriesTest, AMissingFileIsNotFound) {
  Diagnostics diagnostics;
  Result<std::vector<Series>> r = ReadAllSeries("/nonexistent/data.csv", nullptr, {}, &diagnostics);
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(diagnostics.error_count(), 1u);
}

TEST(ReadAllSeriesTest, ABinaryFileIsInvalidArgument) {
  Diagnostics diagnostics;
  Result<std::vector<Series>> r =
      ReadAllSeries(testing::SourcePath("tests/data/ingest/binary.csv"), nullptr, {}, &diagnostics);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(diagnostics.error_count(), 1u);
}

}  // namespace
}  // namespace kaizen
