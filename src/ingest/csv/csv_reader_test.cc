#include "ingest/csv/csv_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace kaizen::ingest {
namespace {

struct Outcome {
  Status status;
  ImportSummary summary;
  std::vector<Series> series;
  std::vector<std::string> messages;
};

Outcome Collect(
    const std::function<Result<ImportSummary>(Diagnostics*, const SeriesCallback&)>& read) {
  Outcome out;
  Diagnostics diagnostics;
  Result<ImportSummary> r = read(&diagnostics, [&](Series&& s) {
    out.series.push_back(std::move(s));
    return Status::Ok();
  });
  out.status = r.status();
  if (r.ok()) out.summary = r.value();
  for (const Diagnostic& d : diagnostics.all()) out.messages.push_back(d.ToString());
  return out;
}

Outcome ReadFile(const std::string& relative, ReadOptions options = {}) {
  const std::string path = kaizen::testing::SourcePath("tests/data/ingest/" + relative);
  return Collect([&](Diagnostics* d, const SeriesCallback& cb) {
    return ReadCsvFile(path, nullptr, options, d, cb);
  });
}

Outcome ReadText(const std::string& text, ReadOptions options = {}) {
  return Collect([&](Diagnostics* d, const SeriesCallback& cb) {
    return ReadCsvText(text, "data.csv", nullptr, options, d, cb);
  });
}

// The FFT feedback extract, read as one indicator (the 1–5 score) per trust.
ReadOptions FftOptions() {
  ReadOptions options;
  options.indicator = "fft_score";
  options.columns.organisation = "Trust";
  options.columns.period = "Date";
  options.columns.value = "FFT categorical answer";
  options.columns.comment = "";
  return options;
}

TEST(CsvReaderTest, BomCrlfQuotedLineBreaksAndUndecidedUkDates) {
  const Outcome o = ReadFile("uk_monthly.csv");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 1u);
  const Series& s = o.series[0];
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s.periods[0].ToIso(), "2022-01-01");
  EXPECT_EQ(s.periods[3].ToIso(), "2022-04-01");
  EXPECT_EQ(s.values[1], 12);
  EXPECT_TRUE(std::isnan(s.values[2]));
  ASSERT_EQ(o.summary.comments.size(), 1u);
  EXPECT_EQ(o.summary.comments[0].text, "staff said \"busy\"\r\nall week");
  EXPECT_EQ(o.summary.comments[0].period.ToIso(), "2022-02-01");
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_NE(
      o.messages[0].find(
          "uk_monthly.csv:2:3: warning [guessed_date_order]: every date such as '01/01/2022'"),
      std::string::npos)
      << o.messages[0];
}

// Regression: the first pass grows its block after a full read; the view into the old block
// was read after the growth, seeing freed memory (found by the 1M-row throughput run).
TEST(CsvReaderTest, FilesLargerThanTheFirstReadAndSeveralBlocks) {
  std::string text = "indicator,organisation,period,value\n";
  const int kSeries = 2000, kMonths = 60;  // ~300 KB in debug tests: several first-pass reads
  for (int s = 0; s < kSeries; ++s) {
    for (int m = 0; m < kMonths; ++m) {
      text += "ind,ORG" + std::to_string(s) + "," + std::to_string(2020 + m / 12) + "-" +
              (m % 12 < 9 ? "0" : "") + std::to_string(m % 12 + 1) + "-01," + std::to_string(m) +
              "\n";
    }
  }
  ASSERT_GT(text.size(), std::size_t{4} << 20 >> 4);
  ReadOptions streaming;
  streaming.streaming = true;
  const Outcome o = ReadText(text, streaming);
  ASSERT_TRUE(o.status.ok()) << (o.messages.empty() ? o.status.message() : o.messages[0]);
  EXPECT_EQ(o.summary.rows_read, std::size_t{kSeries} * kMonths);
  ASSERT_EQ(o.series.size(), std::size_t{kSeries});
  EXPECT_EQ(o.series.back().organisation, "ORG1999");
  EXPECT_EQ(o.series.back().values.back(), 59);
  EXPECT_TRUE(o.messages.empty());
}

TEST(CsvReaderTest, LineNumbersCountQuotedLineBreaks) {
  const Outcome o = ReadText(
      "indicator,organisation,period,value,comment\n"
      "a,X,2022-01,1,\"two\nlines\"\n"
      "a,X,2022-02,x,\n");
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0].substr(0, 34), "data.csv:4:4: error [bad_number]: ");
}

TEST(CsvReaderTest, SemicolonFileInWindows1252IsDecodedWithAWarning) {
  const Outcome o = ReadFile("windows1252.csv");
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 1u);
  EXPECT_EQ(o.series[0].organisation, "Hôpital Nord");
  EXPECT_EQ(o.series[0].values, (std::vector<double>{4, 5}));
  ASSERT_EQ(o.summary.comments.size(), 1u);
  EXPECT_EQ(o.summary.comments[0].text, "up – winter");
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_NE(
      o.messages[0].find("windows1252.csv:2: warning [not_utf8]: not UTF-8 text: the whole file is "
                         "read as Windows-1252"),
      std::string::npos)
      << o.messages[0];
}

// Regression (issue 14): `cat f | kaizen check /dev/stdin` failed with "Illegal seek": the
// encoding check read the pipe, then the reader tried to rewind it. A Windows-1252 file needs
// both the check and the decoding, so it shows that one read of the pipe serves them both.
TEST(CsvReaderTest, APipeIsReadOnceForBothPasses) {
  const std::string text =
      kaizen::testing::ReadFile(kaizen::testing::SourcePath("tests/data/ingest/windows1252.csv"));
  int ends[2];
  ASSERT_EQ(::pipe(ends), 0);
  std::thread writer([&] {
    const ssize_t n = ::write(ends[1], text.data(), text.size());  // well under a pipe's buffer
    EXPECT_EQ(n, static_cast<ssize_t>(text.size()));
    ::close(ends[1]);
  });
  const std::string path = "/proc/self/fd/" + std::to_string(ends[0]);
  const Outcome o = Collect([&](Diagnostics* d, const SeriesCallback& cb) {
    return ReadCsvFile(path, nullptr, {}, d, cb);
  });
  writer.join();
  ::close(ends[0]);
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.series.size(), 1u);
  EXPECT_EQ(o.series[0].organisation, "Hôpital Nord");
  EXPECT_EQ(o.series[0].values, (std::vector<double>{4, 5}));
}

TEST(CsvReaderTest, BinaryFileIsOneError) {
  const Outcome o = ReadFile("binary.csv");
  EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_NE(o.messages[0].find(
                "binary.csv: error [not_text]: this is not a text file (a NUL byte at byte "
                "9; expected CSV text, or an .xlsx workbook named *.xlsx)"),
            std::string::npos)
      << o.messages[0];
}

TEST(CsvReaderTest, Utf16IsNamed) {
  const Outcome o = ReadText(std::string("\xFF\xFEi\0n\0", 6));
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv: error [not_text]: this file is UTF-16 text (expected UTF-8 or Windows-1252 "
            "CSV: in "
            "Excel, save as 'CSV UTF-8')");
}

TEST(CsvReaderTest, EmptyFile) {
  for (const std::string text : {"", "\xEF\xBB\xBF", "\n\n"}) {
    const Outcome o = ReadText(text);
    EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument);
    ASSERT_EQ(o.messages.size(), 1u);
    EXPECT_EQ(
        o.messages[0],
        "data.csv: error [no_rows]: the file holds no rows (expected a header line naming the "
        "columns, then one row per indicator, organisation and period)");
  }
}

TEST(CsvReaderTest, HeaderOnlyIsAWarning) {
  const Outcome o = ReadText("indicator,organisation,period,value\n");
  ASSERT_TRUE(o.status.ok());
  EXPECT_TRUE(o.series.empty());
  EXPECT_EQ(o.messages,
            (std::vector<std::string>{
                "data.csv: warning [no_data_rows]: the file has a header but no data rows"}));
}

TEST(CsvReaderTest, AHundredMegabyteLineIsReportedNotRead) {
  std::string text = "indicator,organisation,period,value\na,X,2022-01,";
  text.append(std::size_t{100} << 20, '7');
  text += "\n";
  const Outcome o = ReadText(text);
  EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:2:4: error [row_too_long]: a row longer than 1024 KiB (a file without line "
            "breaks, or a "
            "quote that is never closed?)");
}

TEST(CsvReaderTest, UnclosedQuote) {
  const Outcome o =
      ReadText("indicator,organisation,period,value\na,\"X,2022-01,1\na,X,2022-02,2\n");
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:2:2: error [unclosed_quote]: a quoted field that is never closed (expected a "
            "closing '\"')");
}

TEST(CsvReaderTest, TextAfterAClosingQuoteIsABadRow) {
  ReadOptions lenient;
  lenient.lenient = true;
  const Outcome o =
      ReadText("indicator,organisation,period,value\na,\"X\"Y,2022-01,1\na,X,2022-02,2\n", lenient);
  ASSERT_TRUE(o.status.ok());
  EXPECT_EQ(o.summary.rows_read, 2u);
  EXPECT_EQ(o.summary.rows_skipped, 1u);
  ASSERT_EQ(o.messages.size(), 1u);
  EXPECT_EQ(o.messages[0],
            "data.csv:2:2: warning [stray_quote]: text after a closing quote (expected the "
            "delimiter or the "
            "end of the line); row skipped");
}

TEST(CsvReaderTest, MissingFileIsNotFound) {
  Diagnostics diagnostics;
  Result<ImportSummary> r = ReadCsvFile("/nonexistent/data.csv", nullptr, {}, &diagnostics,
                                        [](Series&&) { return Status::Ok(); });
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_EQ(diagnostics.all()[0].ToString(),
            "/nonexistent/data.csv: error [cannot_read]: cannot open the file: No such file or "
            "directory");
}

TEST(CsvReaderTest, FftExtractWithBothDateOrdersIsAmbiguous) {
  const Outcome o = ReadFile("fft_mixed_dates.csv", FftOptions());
  EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(o.messages.size(), 1u);
  // Line 2 holds 30/09/2021 (day first only); line 168 holds 10/17/2021 (month first only):
  // found with Python's csv module, independently of this reader.
  EXPECT_NE(o.messages[0].find(
                "fft_mixed_dates.csv:168:4: error [ambiguous_dates]: the dates mix two formats: "
                "line 2 has '30/09/2021', which can only be dd/mm/yyyy, and line "
                "168 has '10/17/2021', which can only be m/d/yyyy; name the date "
                "format (--date-format)"),
            std::string::npos)
      << o.messages[0];
}

TEST(CsvReaderTest, FftExtractWithUkDatesIsDecidedAndSummarisedAsSubgroups) {
  Catalogue catalogue;
  Indicator score;
  score.id = "fft_score";
  score.chart = ChartType::kXbar;
  catalogue.indicators = {score};
  const std::string path = kaizen::testing::SourcePath("tests/data/ingest/fft_uk_dates.csv");
  const Outcome o = Collect([&](Diagnostics* d, const SeriesCallback& cb) {
    return ReadCsvFile(path, &catalogue, FftOptions(), d, cb);
  });
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_TRUE(o.messages.empty()) << o.messages[0];
  EXPECT_EQ(o.summary.rows_read, 300u);
  ASSERT_EQ(o.series.size(), 1u);
  const Series& s = o.series[0];
  EXPECT_EQ(s.organisation, "NEAS");
  // 05/10/2021 fits both orders; the column's 30/09/2021 makes it 5 October.
  EXPECT_EQ(s.periods.front().ToIso(), "2021-09-30");
  // By hand from the file (Python's csv module): 31 days from 30/09/2021 to 31/05/2022, 300
  // scores; 30 September has 29 scores with mean 48/29 and sd 1.261401206962364; 5 October has
  // one score, 5.
  ASSERT_EQ(s.size(), 31u);
  EXPECT_EQ(s.periods.back().ToIso(), "2022-05-31");
  double observations = 0;
  for (double n : s.denominators) observations += n;
  EXPECT_EQ(observations, 300);
  EXPECT_EQ(s.denominators[0], 29);
  EXPECT_DOUBLE_EQ(s.values[0], 48.0 / 29);
  EXPECT_NEAR(s.subgroup_sds[0], 1.261401206962364, 1e-12);
  EXPECT_EQ(s.periods[1].ToIso(), "2021-10-05");
  EXPECT_EQ(s.values[1], 5);
}

}  // namespace
}  // namespace kaizen::ingest
