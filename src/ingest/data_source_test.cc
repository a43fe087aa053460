// A file and its bytes in memory, read through FileSource and MemorySource, give the same
// series and the same diagnostics (file name, line, column, code and message alike).
#include "kaizen/data_source.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "test_support.h"

namespace kaizen {
namespace {

struct Read {
  Status status;
  std::vector<Series> series;
  Diagnostics diagnostics;
};

Read ReadAll(const DataSource& source, const ReadOptions& options = {}) {
  Read out;
  Result<ImportSummary> r = source.Read(nullptr, options, &out.diagnostics, [&](Series&& s) {
    out.series.push_back(std::move(s));
    return Status::Ok();
  });
  out.status = r.status();
  return out;
}

void ExpectSameSeries(const std::vector<Series>& a, const std::vector<Series>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].indicator_id, b[i].indicator_id);
    EXPECT_EQ(a[i].organisation, b[i].organisation);
    EXPECT_EQ(a[i].periods, b[i].periods);
    ASSERT_EQ(a[i].values.size(), b[i].values.size());
    for (std::size_t k = 0; k < a[i].values.size(); ++k)  // NaN (missing) equals NaN here
      EXPECT_TRUE(a[i].values[k] == b[i].values[k] ||
                  (std::isnan(a[i].values[k]) && std::isnan(b[i].values[k])));
  }
}

void ExpectSameDiagnostics(const Diagnostics& a, const Diagnostics& b) {
  ASSERT_EQ(a.all().size(), b.all().size());
  for (std::size_t i = 0; i < a.all().size(); ++i)
    EXPECT_EQ(a.all()[i].ToString(), b.all()[i].ToString());
}

void ExpectFileAndBytesAgree(const std::string& relative, const ReadOptions& options = {}) {
  const std::string path = testing::SourcePath(relative);
  const Read file = ReadAll(FileSource(path), options);
  const Read memory = ReadAll(MemorySource(testing::ReadFile(path), path), options);
  EXPECT_EQ(file.status.code(), memory.status.code());
  EXPECT_EQ(file.status.message(), memory.status.message());
  ExpectSameSeries(file.series, memory.series);
  ExpectSameDiagnostics(file.diagnostics, memory.diagnostics);
}

TEST(DataSourceTest, ACsvFileAndItsBytesGiveTheSameSeries) {
  // uk_monthly.csv holds one series, beds at RXX, of four rows (read_data_file_test.cc).
  const std::string path = testing::SourcePath("tests/data/ingest/uk_monthly.csv");
  const Read memory = ReadAll(MemorySource(testing::ReadFile(path), "upload.csv"));
  ASSERT_TRUE(memory.status.ok()) << memory.status.message();
  ASSERT_EQ(memory.series.size(), 1u);
  EXPECT_EQ(memory.series[0].indicator_id, "beds");
  EXPECT_EQ(memory.series[0].organisation, "RXX");
  EXPECT_EQ(memory.series[0].size(), 4u);
  ExpectFileAndBytesAgree("tests/data/ingest/uk_monthly.csv");
}

TEST(DataSourceTest, AWorkbookAndItsBytesGiveTheSameSeries) {
  // Without its catalogue the workbook's percentage cells are errors, each naming its cell
  // (A&E!C4): the same from the bytes. Leniently, the attendances rows still make series.
  ExpectFileAndBytesAgree("tests/e2e/data/wide/ae_wide.xlsx");
  ReadOptions lenient;
  lenient.lenient = true;
  ExpectFileAndBytesAgree("tests/e2e/data/wide/ae_wide.xlsx", lenient);
  const std::string path = testing::SourcePath("tests/e2e/data/wide/ae_wide.xlsx");
  const Read r = ReadAll(MemorySource(testing::ReadFile(path), "upload.xlsx"), lenient);
  ASSERT_FALSE(r.series.empty());
  EXPECT_EQ(r.series[0].indicator_id, "attendances");
  ASSERT_FALSE(r.diagnostics.all().empty());
  EXPECT_EQ(r.diagnostics.all()[0].ToString().rfind("upload.xlsx:A&E!C4: warning", 0), 0u);
}

TEST(DataSourceTest, BadInputGivesTheSameDiagnosticsNamingTheFileAndLine) {
  // A lenient read keeps going past bad rows, each a warning with its line and column.
  ReadOptions lenient;
  lenient.lenient = true;
  ExpectFileAndBytesAgree("tests/e2e/data/wide/thousands_badly_grouped.csv", lenient);
  ExpectFileAndBytesAgree("tests/e2e/data/wide/two_digit_years_mixed.csv");
  ExpectFileAndBytesAgree("tests/e2e/data/hostile/not_a_workbook.xlsx");
  ExpectFileAndBytesAgree("tests/data/ingest/binary.csv");
  ExpectFileAndBytesAgree("tests/data/ingest/windows1252.csv");  // a warning: not UTF-8
}

TEST(DataSourceTest, MemoryDiagnosticsNameTheUploadAndTheLine) {
  // Line 3 (the second data row) holds "abc" in the value column, the 4th field.
  const std::string csv =
      "indicator,organisation,period,value\n"
      "beds,RXX,2024-01-01,5\n"
      "beds,RXX,2024-02-01,abc\n";
  const Read r = ReadAll(MemorySource(csv, "upload.csv", DataFormat::kCsv));
  EXPECT_FALSE(r.status.ok());
  ASSERT_FALSE(r.diagnostics.all().empty());
  const Diagnostic& d = r.diagnostics.all().front();
  EXPECT_EQ(d.file, "upload.csv");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 4);
  EXPECT_EQ(d.code, diag::kBadNumber);
}

TEST(DataSourceTest, SheetIsRefusedForCsvBytesAsForACsvFile) {
  ReadOptions options;
  options.sheet = "Sheet1";
  ExpectFileAndBytesAgree("tests/data/ingest/uk_monthly.csv", options);
  const Read r = ReadAll(MemorySource("indicator,organisation,period,value\n", "u.csv"), options);
  ASSERT_EQ(r.diagnostics.all().size(), 1u);
  EXPECT_EQ(r.diagnostics.all()[0].code, diag::kBadOption);
}

}  // namespace
}  // namespace kaizen
