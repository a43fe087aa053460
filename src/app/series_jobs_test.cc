// The series jobs of the application layer (include/kaizen/app.h), called with data in memory
// and checked against values worked out by hand.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "kaizen/app.h"
#include "kaizen/memory_env.h"
#include "test_support.h"

namespace kaizen::app {
namespace {

// 16 months, 2024-01 to 2025-04, of values alternating `low`, `high` (low first), for
// `indicator` at `org`: every moving range is high - low.
std::string AlternatingRows(const std::string& indicator, const std::string& org, int low,
                            int high) {
  std::string rows;
  for (int k = 0; k < 16; ++k) {
    const int year = 2024 + k / 12, month = 1 + k % 12;
    rows += indicator + "," + org + "," + std::to_string(year) + "-" + (month < 10 ? "0" : "") +
            std::to_string(month) + "-01," + std::to_string(k % 2 ? high : low) + "\n";
  }
  return rows;
}

const std::string kHeader = "indicator,organisation,period,value\n";

MemorySource TwoOrganisations() {
  return MemorySource(
      kHeader + AlternatingRows("beds", "RXX", 10, 12) + AlternatingRows("beds", "RYY", 20, 22),
      "upload.csv");
}

TEST(SummaryJobTest, RowsOfAlternatingSeriesHaveHandWorkedLimits) {
  // XmR under MDC (docs/formulas.md): centre = mean, limits = mean ± 2.66 · MR̄.
  // RXX: mean (10 + 12) / 2 = 11, MR̄ = 2, limits 11 ∓ 5.32 = 5.68 and 16.32; latest (k = 15,
  // odd) 12. RYY: mean 21, limits 15.68 and 26.32, latest 22. 16 points ≥ the 15 MDC needs.
  SummaryRequest request{.as_of = *Date::ParseIso("2025-05-15")};
  JobDiagnostics d;
  std::vector<SummaryRow> rows;
  Status st = Summary(TwoOrganisations(), request, &d, [&](const SummaryRow& row) {
    rows.push_back(row);
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].organisation, "RXX");
  EXPECT_DOUBLE_EQ(rows[0].latest_value, 12);
  EXPECT_DOUBLE_EQ(rows[0].mean, 11);
  EXPECT_NEAR(rows[0].lower_limit, 5.68, 1e-9);
  EXPECT_NEAR(rows[0].upper_limit, 16.32, 1e-9);
  EXPECT_EQ(rows[0].variation, VariationIcon::kCommonCause);
  EXPECT_EQ(rows[1].organisation, "RYY");
  EXPECT_DOUBLE_EQ(rows[1].latest_value, 22);
  EXPECT_DOUBLE_EQ(rows[1].mean, 21);
  EXPECT_NEAR(rows[1].lower_limit, 15.68, 1e-9);
  EXPECT_NEAR(rows[1].upper_limit, 26.32, 1e-9);
  EXPECT_EQ(rows[1].updated_to, Date::ParseIso("2025-04-01").value());
}

TEST(SummaryJobTest, TheRowCallbacksFailureStopsTheJobAndIsReturned) {
  SummaryRequest request{.as_of = *Date::ParseIso("2025-05-15")};
  JobDiagnostics d;
  int calls = 0;
  Status st = Summary(TwoOrganisations(), request, &d, [&](const SummaryRow&) {
    ++calls;
    return Status::FailedPrecondition("disk full");
  });
  EXPECT_EQ(st.message(), "disk full");
  EXPECT_EQ(calls, 1);
}

TEST(SummaryJobTest, TheOrganisationSelectionKeepsOnlyItsRows) {
  SummaryRequest request{.as_of = *Date::ParseIso("2025-05-15")};
  request.series.selection.organisation = "RYY";
  JobDiagnostics d;
  std::vector<std::string> orgs;
  ASSERT_TRUE(Summary(TwoOrganisations(), request, &d, [&](const SummaryRow& row) {
                orgs.push_back(row.organisation);
                return Status::Ok();
              }).ok());
  EXPECT_EQ(orgs, std::vector<std::string>{"RYY"});
}

std::vector<SummaryRow> SummaryRows(const DataSource& source, const SummaryRequest& request) {
  JobDiagnostics d;
  std::vector<SummaryRow> rows;
  Status st = Summary(source, request, &d, [&](const SummaryRow& row) {
    rows.push_back(row);
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.message();
  return rows;
}

TEST(SummaryJobTest, AFileAndItsBytesGiveTheSameRows) {
  // The bundled A&E example with its catalogue: the same board from the file and from an upload
  // of its bytes under the same name.
  SummaryRequest request{.as_of = *Date::ParseIso("2024-01-01")};
  request.series.catalogue_path = testing::SourcePath("examples/nhs-ae/indicators.toml");
  const std::string path = testing::SourcePath("examples/nhs-ae/ae_type1.csv");
  const std::vector<SummaryRow> file = SummaryRows(FileSource(path), request);
  const std::vector<SummaryRow> memory =
      SummaryRows(MemorySource(testing::ReadFile(path), path), request);
  ASSERT_FALSE(file.empty());
  ASSERT_EQ(file.size(), memory.size());
  for (std::size_t i = 0; i < file.size(); ++i) {
    EXPECT_EQ(file[i].indicator_id, memory[i].indicator_id);
    EXPECT_EQ(file[i].organisation, memory[i].organisation);
    EXPECT_EQ(file[i].latest_value, memory[i].latest_value);
    EXPECT_EQ(file[i].upper_limit, memory[i].upper_limit);
    EXPECT_EQ(file[i].sentence, memory[i].sentence);
  }
}

TEST(LoadOneSeriesTest, RefusesSeveralOrganisationsWithTodaysMessage) {
  SeriesRequest request;
  request.selection.indicator = "beds";
  JobDiagnostics d;
  Result<AnalysedSeries> one = LoadOneSeries(TwoOrganisations(), request, &d);
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.status().message(),
            "upload.csv: --indicator beds has 2 series; choose one organisation with --org");
  EXPECT_FALSE(d.failure_in_diagnostics);
}

TEST(LoadOneSeriesTest, AnalysesTheSeriesTheOrganisationPicks) {
  SeriesRequest request;
  request.selection = {"beds", "RXX"};
  JobDiagnostics d;
  Result<AnalysedSeries> one = LoadOneSeries(TwoOrganisations(), request, &d);
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_EQ(one->series.organisation, "RXX");
  EXPECT_EQ(one->indicator.chart, ChartType::kXmr);  // no catalogue, no denominators
  ASSERT_EQ(one->result.points.size(), 16u);
  EXPECT_DOUBLE_EQ(one->result.points.back().centre, 11);
}

TEST(LoadOneSeriesTest, ReadsTheCatalogueThroughTheRequestsEnv) {
  // The catalogue exists only in a MemoryEnv; its chart (c) replaces the default XmR. A c chart
  // of values alternating 10 and 12: centre c̄ = 11 (docs/formulas.md).
  MemoryEnv env(*Date::FromCivil(2025, 5, 1));
  ASSERT_TRUE(env.WriteFileAtomically("indicators.toml",
                                      "[[indicator]]\nid = \"beds\"\nname = \"Beds\"\n"
                                      "chart = \"c\"\n")
                  .ok());
  SeriesRequest request;
  request.catalogue_path = "indicators.toml";
  request.catalogue_env = &env;
  request.selection = {"beds", "RXX"};
  JobDiagnostics d;
  Result<AnalysedSeries> one = LoadOneSeries(TwoOrganisations(), request, &d);
  ASSERT_TRUE(one.ok()) << one.status().message();
  EXPECT_EQ(one->indicator.name, "Beds");
  EXPECT_EQ(one->indicator.chart, ChartType::kC);
  EXPECT_DOUBLE_EQ(one->result.points.back().centre, 11);
}

TEST(LoadSeriesTest, ASelectionMatchingNothingSaysSo) {
  SeriesRequest request;
  request.selection.organisation = "RZZ";
  JobDiagnostics d;
  Result<LoadedSeries> loaded = LoadSeries(TwoOrganisations(), request, &d);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().message(), "upload.csv: no series matches --org RZZ");
}

TEST(LoadSeriesTest, AReadErrorIsInTheDiagnosticsWithItsLine) {
  JobDiagnostics d;
  Result<LoadedSeries> loaded =
      LoadSeries(MemorySource(kHeader + "beds,RXX,2024-01-01,x\n", "upload.csv"), {}, &d);
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(d.failure_in_diagnostics);
  ASSERT_EQ(d.read.error_count(), 1u);
  EXPECT_EQ(d.read.all()[0].line, 2);
}

TEST(CheckRequestTest, NamesTheBadOverride) {
  SeriesRequest request;
  request.overrides.target = "ninety";
  EXPECT_EQ(CheckRequest(request).message(),
            "--target: 'ninety' is not a number (expected e.g. 95)");
  request.overrides.target = "95";
  EXPECT_TRUE(CheckRequest(request).ok());
  request.overrides.chart = "pie";
  EXPECT_EQ(CheckRequest(request).message().rfind("--chart: ", 0), 0u);
}

TEST(CheckJobTest, CountsSeriesPeriodsAndMissingValues) {
  // Two series; RXX's third month has no value (an empty cell is a missing value).
  const std::string csv = kHeader +
                          "beds,RXX,2024-01-01,5\nbeds,RXX,2024-02-01,6\nbeds,RXX,2024-03-01,\n"
                          "cots,RXX,2023-12-01,1\n";
  JobDiagnostics d;
  Result<CheckResult> c = Check(MemorySource(csv, "upload.csv"), {}, &d);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->summary.rows_read, 4u);
  ASSERT_EQ(c->series.size(), 2u);
  EXPECT_EQ(c->series[0].indicator_id, "beds");
  EXPECT_EQ(c->series[0].points, 3u);
  EXPECT_EQ(c->series[0].missing_values, 1u);
  EXPECT_EQ(c->indicators, (std::vector<std::string>{"beds", "cots"}));
  EXPECT_EQ(c->organisation_count, 1u);
  EXPECT_EQ(c->first, Date::ParseIso("2023-12-01").value());
  EXPECT_EQ(c->last, Date::ParseIso("2024-03-01").value());
}

TEST(CheckJobTest, ReadsTheCatalogueFromItsPathWhenGivenOnlyThat) {
  // ae_wide.toml makes seen-4h a percentage indicator, so the workbook's percentage cells are
  // read (without it they are errors: data_source_test.cc). Its two indicators each have data.
  SeriesRequest request;
  request.catalogue_path = testing::SourcePath("tests/e2e/data/wide/ae_wide.toml");
  JobDiagnostics d;
  Result<CheckResult> c =
      Check(FileSource(testing::SourcePath("tests/e2e/data/wide/ae_wide.xlsx")), request, &d);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(d.read.error_count(), 0u);
  EXPECT_EQ(c->indicators, (std::vector<std::string>{"attendances", "seen-4h"}));
  EXPECT_TRUE(c->catalogue_without_data.empty());
  EXPECT_TRUE(c->not_in_catalogue.empty());
}

TEST(CheckJobTest, ACatalogueThatCannotBeReadStopsTheJob) {
  SeriesRequest request;
  request.catalogue_path = "/nonexistent/indicators.toml";
  JobDiagnostics d;
  EXPECT_FALSE(Check(TwoOrganisations(), request, &d).ok());
}

// Runs `job` in an empty scratch directory as the working directory, and returns what it left
// there: a job that writes nothing leaves nothing.
template <typename Job>
std::vector<std::string> FilesLeftBy(Job job) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("kaizen_app_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  job();
  std::filesystem::current_path(before);
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    left.push_back(entry.path().string());
  std::filesystem::remove_all(dir);
  return left;
}

TEST(AssembleReportTest, ReturnsTheDocumentWithoutWritingAnything) {
  ReportRequest request{.as_of = *Date::ParseIso("2025-05-15"), .title = "Board, May 2025"};
  Result<BoardReport> report = Status::Internal("not run");
  JobDiagnostics d;
  EXPECT_TRUE(
      FilesLeftBy([&] { report = AssembleReport(TwoOrganisations(), request, &d); }).empty());
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->model.series.size(), 2u);
  EXPECT_EQ(report->model.title, "Board, May 2025");
  EXPECT_EQ(report->model.series[0].indicator, &report->indicators[0]);
  EXPECT_NE(report->html.find("Board, May 2025"), std::string::npos);
  EXPECT_EQ(report->html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(report->pdf_pages.empty());
}

TEST(AssembleReportTest, APdfIsItsPagesAsSvg) {
  ReportRequest request{.as_of = *Date::ParseIso("2025-05-15"), .format = ReportFormat::kPdf};
  JobDiagnostics d;
  Result<BoardReport> report = AssembleReport(TwoOrganisations(), request, &d);
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_FALSE(report->pdf_pages.empty());
  EXPECT_NE(report->pdf_pages[0].find("<svg"), std::string::npos);
  EXPECT_EQ(report->model.title, "Integrated performance report");  // no title, no catalogue
  EXPECT_TRUE(report->html.empty());
}

TEST(ChartJobTest, DrawsTheOneSelectedSeries) {
  ChartRequest request;
  request.series.selection = {"beds", "RYY"};
  JobDiagnostics d;
  Result<ChartResult> chart = Chart(TwoOrganisations(), request, &d);
  ASSERT_TRUE(chart.ok()) << chart.status().message();
  EXPECT_EQ(chart->analysed.series.organisation, "RYY");
  EXPECT_NE(chart->svg.find("<svg"), std::string::npos);
  request.series.selection.organisation = "";
  EXPECT_EQ(Chart(TwoOrganisations(), request, &d).status().message(),
            "upload.csv: --indicator beds has 2 organisations; choose one with --org");
}

TEST(ListProfilesTest, AnUnknownNameIsRefusedByOption) {
  EXPECT_EQ(ListProfiles("nope").status().message().rfind("--profile: ", 0), 0u);
  Result<std::vector<Profile>> mdc = ListProfiles("mdc");
  ASSERT_TRUE(mdc.ok());
  ASSERT_EQ(mdc->size(), 1u);
  EXPECT_EQ((*mdc)[0].name, "mdc");
}

}  // namespace
}  // namespace kaizen::app
