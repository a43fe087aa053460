#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kaizen/histogram.h"

namespace kaizen {
namespace {

std::vector<double> OneToTen() { return {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}; }

TEST(ParseBinRule, KnowsTheThreeRules) {
  EXPECT_EQ(*ParseBinRule("fd"), BinRule::kFreedmanDiaconis);
  EXPECT_EQ(*ParseBinRule("sturges"), BinRule::kSturges);
  EXPECT_EQ(*ParseBinRule("width"), BinRule::kFixedWidth);
  EXPECT_FALSE(ParseBinRule("scott").ok());
}

// Sturges: ⌈log2 10⌉ + 1 = 5 bins over 1..10 would be (10 − 1) / 5 = 1.8 wide; rounded up to
// 2 with edges on multiples of 2: 0, 2, ..., 10, the last bin [8, 10] closed.
TEST(ComputeHistogramBins, SturgesOneToTenOnRoundEdges) {
  const std::vector<double> v = OneToTen();
  const Result<HistogramBins> bins = ComputeHistogramBins(v, BinRule::kSturges);
  ASSERT_TRUE(bins.ok()) << bins.status().message();
  EXPECT_EQ(bins->edges, (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(bins->counts, (std::vector<int64_t>{1, 2, 2, 2, 3}));
  EXPECT_EQ(bins->width, 2);
  EXPECT_TRUE(bins->note.empty());
}

// Freedman–Diaconis: type-7 quartiles of 1..10 are 3.25 and 7.75 (IQR 4.5), so the width is
// 2 · 4.5 · 10^(−1/3) = 4.17743, rounded up to 5: edges 0, 5, 10; [0, 5) holds 1..4.
TEST(ComputeHistogramBins, FreedmanDiaconisOneToTenOnRoundEdges) {
  const std::vector<double> v = OneToTen();
  const Result<HistogramBins> bins = ComputeHistogramBins(v, BinRule::kFreedmanDiaconis);
  ASSERT_TRUE(bins.ok());
  EXPECT_EQ(bins->width, 5);
  EXPECT_EQ(bins->edges, (std::vector<double>{0, 5, 10}));
  EXPECT_EQ(bins->counts, (std::vector<int64_t>{4, 6}));
}

// Issue 8 item 17: edges on round numbers, exactly. 0.13..0.97 (8 values): Sturges 4 bins of
// 0.84 / 4 = 0.21, rounded up to 0.25: edges 0, 0.25, 0.5, 0.75, 1 (each the double a person
// would type). 1.07..1.93 (3 values): 3 bins of 0.86 / 3 = 0.2867 → 0.5: 1, 1.5, 2.
// 0.6..1.8 (5 values): 4 bins of 0.3 → 0.5 from 0.5. 61..139 (20 values): 6 bins of 13 → 20,
// from 60 to 140.
TEST(ComputeHistogramBins, RuleWidthsAreRoundedUpToRoundNumbers) {
  const std::vector<double> a = {0.13, 0.2, 0.31, 0.44, 0.52, 0.66, 0.8, 0.97};
  EXPECT_EQ(ComputeHistogramBins(a, BinRule::kSturges)->edges,
            (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
  const std::vector<double> b = {1.07, 1.5, 1.93};
  EXPECT_EQ(ComputeHistogramBins(b, BinRule::kSturges)->edges, (std::vector<double>{1, 1.5, 2}));
  const std::vector<double> c = {0.6, 0.9, 1.2, 1.5, 1.8};
  EXPECT_EQ(ComputeHistogramBins(c, BinRule::kSturges)->edges,
            (std::vector<double>{0.5, 1, 1.5, 2}));
  std::vector<double> d;
  for (int i = 0; i < 20; ++i) d.push_back(61 + i * (78.0 / 19));
  const Result<HistogramBins> bins = ComputeHistogramBins(d, BinRule::kSturges);
  EXPECT_EQ(bins->edges, (std::vector<double>{60, 80, 100, 120, 140}));
  int64_t total = 0;
  for (const int64_t n : bins->counts) total += n;
  EXPECT_EQ(total, 20);
}

// Seven equal values and one 5: both type-7 quartiles are 1, the IQR is 0, so Sturges'
// ⌈log2 8⌉ + 1 = 4 bins of width 1 from 1 to 5, and the result says why.
TEST(ComputeHistogramBins, FreedmanDiaconisFallsBackToSturgesWhenIqrIsZero) {
  const std::vector<double> v = {1, 1, 1, 1, 1, 1, 1, 5};
  const Result<HistogramBins> bins = ComputeHistogramBins(v, BinRule::kFreedmanDiaconis);
  ASSERT_TRUE(bins.ok());
  EXPECT_EQ(bins->edges, (std::vector<double>{1, 2, 3, 4, 5}));
  EXPECT_EQ(bins->counts, (std::vector<int64_t>{7, 0, 0, 1}));
  EXPECT_NE(bins->note.find("Sturges"), std::string::npos);
}

// Width 2: edges on multiples of 2 from floor(0.5 / 2) · 2 = 0 to the first edge at or past 7.
TEST(ComputeHistogramBins, FixedWidthAlignsEdgesToMultiples) {
  const std::vector<double> v = {0.5, 3, 4, 7, NAN};
  const Result<HistogramBins> bins = ComputeHistogramBins(v, BinRule::kFixedWidth, 2);
  ASSERT_TRUE(bins.ok());
  EXPECT_EQ(bins->edges, (std::vector<double>{0, 2, 4, 6, 8}));
  EXPECT_EQ(bins->counts, (std::vector<int64_t>{1, 1, 1, 1}));
  // A maximum on an edge falls in the closed last bin: {2, 4} is one bin [2, 4].
  const std::vector<double> w = {2, 4};
  const Result<HistogramBins> one = ComputeHistogramBins(w, BinRule::kFixedWidth, 2);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->edges, (std::vector<double>{2, 4}));
  EXPECT_EQ(one->counts, (std::vector<int64_t>{2}));
}

TEST(ComputeHistogramBins, EqualValuesGetOneBin) {
  const std::vector<double> v = {3, 3, 3};
  const Result<HistogramBins> bins = ComputeHistogramBins(v, BinRule::kSturges);
  ASSERT_TRUE(bins.ok());
  EXPECT_EQ(bins->edges, (std::vector<double>{2.5, 3.5}));
  EXPECT_EQ(bins->counts, (std::vector<int64_t>{3}));
}

TEST(ComputeHistogramBins, RejectsNoValuesAndBadWidths) {
  const std::vector<double> none = {NAN, NAN};
  EXPECT_EQ(ComputeHistogramBins(none, BinRule::kSturges).status().code(),
            StatusCode::kInvalidArgument);
  const std::vector<double> v = OneToTen();
  EXPECT_FALSE(ComputeHistogramBins(v, BinRule::kFixedWidth, 0).ok());
  EXPECT_FALSE(ComputeHistogramBins(v, BinRule::kFixedWidth, -1).ok());
  EXPECT_FALSE(ComputeHistogramBins(v, BinRule::kFixedWidth, NAN).ok());
  EXPECT_FALSE(ComputeHistogramBins(v, BinRule::kFixedWidth, 1e-6).ok());  // 9 million bins
}

TEST(ComputeHistogramBins, RejectsARangeTooWideForADouble) {
  const std::vector<double> v = {-1e308, 1e308};  // hi - lo overflows to infinity
  EXPECT_EQ(ComputeHistogramBins(v, BinRule::kSturges).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_FALSE(ComputeHistogramBins(v, BinRule::kFreedmanDiaconis).ok());
}

TEST(ComputeHistogramBins, RejectsAWidthBelowThePrecisionOfTheValues) {
  // Doubles near 10^12 are 1.2e-4 apart: edges 1e-9 apart would all be equal.
  const std::vector<double> v = {1e12, 1e12};
  EXPECT_FALSE(ComputeHistogramBins(v, BinRule::kFixedWidth, 1e-9).ok());
}

}  // namespace
}  // namespace kaizen
