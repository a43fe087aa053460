// Differential conformance: every point of 200 random series as NHSRplotthedots 0.2.2 and
// qicharts2 0.8.1 report it in R, in 4 variants each, against the shipped nhsr and qicharts2
// profiles with no override but the variant's own option (screening off for the unscreened
// variants). The cases and the exact R calls are in tests/conformance/differential/README.md;
// adding a series or a variant adds rows, not code.
//
// Compared per point: centre (bit for bit: both peers take R's mean(), which the engine
// reproduces), limits (relative 1e-9), the rule label, side and class (ptd), the beyond-limits
// flag (qic) and per part the Anhøj figures, exactly. A mismatch is reported with its series,
// variant and point; the test fails on the first.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kaizen/spc.h"
#include "test_support.h"

namespace kaizen {
namespace {

constexpr double kRelativeTolerance = 1e-9;
constexpr int kMismatchesShown = 20;

// A comma-separated file with a header row and no quoting (README: "Format").
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  int Column(const std::string& name) const {
    for (std::size_t c = 0; c < header.size(); ++c)
      if (header[c] == name) return static_cast<int>(c);
    ADD_FAILURE() << "no column " << name;
    return 0;
  }
};

std::vector<std::string> SplitCommas(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

Table ReadTable(const std::string& name) {
  std::stringstream in(
      testing::ReadFile(testing::SourcePath("tests/conformance/differential/" + name)));
  Table t;
  std::string line;
  std::getline(in, line);
  t.header = SplitCommas(line);
  while (std::getline(in, line))
    if (!line.empty()) t.rows.push_back(SplitCommas(line));
  return t;
}

// R's sprintf("%.17g") text, or NA, to the double R held.
double Real(const std::string& text) {
  return text == "NA" || text.empty() ? kMissing : std::strtod(text.c_str(), nullptr);
}

Date Day(const std::string& iso) {
  Result<Date> d = Date::ParseIso(iso);
  EXPECT_TRUE(d.ok()) << iso;
  return d.ok() ? *d : Date();
}

// series.csv and meta.csv: each series' points in order, missing values as NaN.
struct CaseSeries {
  std::vector<Date> dates;
  std::vector<double> y;
  std::optional<Date> rebase;  // first period of the second segment
  double range = 0;            // max − min of the values: the scale of an absolute tolerance
};

const std::map<std::string, CaseSeries>& AllSeries() {
  static const std::map<std::string, CaseSeries> all = [] {
    std::map<std::string, CaseSeries> m;
    const Table series = ReadTable("series.csv");
    const int id = series.Column("id"), date = series.Column("date"), y = series.Column("y");
    for (const auto& row : series.rows) {
      CaseSeries& s = m[row[id]];
      s.dates.push_back(Day(row[date]));
      s.y.push_back(Real(row[y]));
    }
    const Table meta = ReadTable("meta.csv");
    const int mid = meta.Column("id"), rebase = meta.Column("rebase_date");
    for (const auto& row : meta.rows)
      if (!row[rebase].empty()) m[row[mid]].rebase = Day(row[rebase]);
    for (auto& [name, s] : m) {
      double lo = INFINITY, hi = -INFINITY;
      for (double v : s.y)
        if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
      s.range = hi - lo;
    }
    return m;
  }();
  return all;
}

// How one variant calls the engine.
struct Variant {
  std::string profile;
  ProfileOverrides overrides;
  ChartType chart = ChartType::kXmr;
  Direction direction = Direction::kNeither;
  bool rebase = true;
  bool drop_missing = false;  // ptd_spc is given NA-free rows (README: "Missing values")
};

Result<SeriesResult> AnalyseCase(const CaseSeries& c, const Variant& v) {
  Series s;
  s.indicator_id = "differential";
  for (std::size_t i = 0; i < c.y.size(); ++i) {
    if (v.drop_missing && std::isnan(c.y[i])) continue;
    s.periods.push_back(c.dates[i]);
    s.values.push_back(c.y[i]);
  }
  Indicator ind = testing::MakeIndicator(v.chart, v.direction, v.profile);
  ind.overrides = v.overrides;
  // A rebase on a dropped row starts the segment at the next kept row, as the README's call
  // moves it: the engine starts a segment at the first period on or after the rebase date.
  if (v.rebase && c.rebase) ind.rebases.push_back({*c.rebase, {.reason = "differential case"}});
  return AnalyseSeries(ind, s);
}

bool SameNumber(double got, double want, double scale) {
  if (std::isnan(want) || std::isnan(got)) return std::isnan(want) && std::isnan(got);
  return std::fabs(got - want) <= kRelativeTolerance * std::max(std::fabs(want), scale);
}

bool SameBits(double got, double want) {
  return (std::isnan(got) && std::isnan(want)) || got == want;
}

// Collects mismatches and fails the test once, showing the first few.
class Mismatches {
 public:
  void Add(const std::string& where, const std::string& what, const std::string& got,
           const std::string& want) {
    if (count_++ < kMismatchesShown)
      shown_ += where + ": " + what + " is " + got + ", the peer gives " + want + "\n";
  }
  void Check(std::size_t compared) const {
    EXPECT_GT(compared, 0u) << "no row compared";
    EXPECT_EQ(count_, 0) << count_ << " mismatches in " << compared << " compared rows:\n"
                         << shown_;
  }

 private:
  int count_ = 0;
  std::string shown_;
};

std::string Text(double v) {
  std::ostringstream o;
  o.precision(17);
  o << v;
  return o.str();
}

std::string Text(const std::optional<int32_t>& v) { return v ? std::to_string(*v) : "NA"; }

// --- NHSRplotthedots: ptd_*.csv ---

// ptd's `type` text for a point: the rule that labels it and its side (README, "type").
std::string PtdType(const PointResult& pt) {
  const bool high = pt.side == Side::kHigh;
  switch (pt.label) {
    case RuleId::kBeyondLimits:
      return high ? "Above UCL" : "Below LCL";
    case RuleId::kTrend:
      return high ? "7 Point Trend (Increasing)" : "7 Point Trend (Decreasing)";
    case RuleId::kTwoOfThree:
      return high ? "2 in 3 Above CL" : "2 in 3 Below CL";
    case RuleId::kShift:
      return high ? "7 Points Above CL" : "7 Points Below CL";
    case RuleId::kNone:
      return "Common Cause";
    default:
      return "rule " + std::string(RuleName(pt.label));
  }
}

std::string PtdPointType(PointClass c) {
  switch (c) {
    case PointClass::kImprovement:
      return "special_cause_improvement";
    case PointClass::kConcern:
      return "special_cause_concern";
    case PointClass::kCommonCause:
      return "common_cause";
    case PointClass::kNeutral:
      return "neutral";
    case PointClass::kNotJudged:
      // ptd_spc has no such state: the points of a segment it cannot judge (no variation) it
      // calls common cause, where kaizen says they are not judged (issue 7, docs/profiles.md).
      return "common_cause";
  }
  return "?";
}

void CheckPtdFile(const std::string& file, const Variant& variant) {
  const Table t = ReadTable(file);
  const int id = t.Column("id"), date = t.Column("date"), mean = t.Column("mean"),
            lpl = t.Column("lpl"), upl = t.Column("upl"), type = t.Column("type"),
            point_type = t.Column("point_type");
  Mismatches mismatches;
  std::string current;
  SeriesResult result;
  std::map<int32_t, std::size_t> index_of_day;
  for (const auto& row : t.rows) {
    const CaseSeries& c = AllSeries().at(row[id]);
    if (row[id] != current) {
      current = row[id];
      Result<SeriesResult> r = AnalyseCase(c, variant);
      ASSERT_TRUE(r.ok()) << current << ": " << r.status().message();
      result = *r;
      index_of_day.clear();
      for (std::size_t i = 0; i < result.points.size(); ++i)
        index_of_day[result.points[i].period.days_since_epoch()] = i;
    }
    const std::string where = file + " " + row[id] + " " + row[date];
    const auto it = index_of_day.find(Day(row[date]).days_since_epoch());
    if (it == index_of_day.end()) {
      mismatches.Add(where, "the point", "absent", "present");
      continue;
    }
    const PointResult& pt = result.points[it->second];
    if (!SameBits(pt.centre, Real(row[mean])))
      mismatches.Add(where, "the centre", Text(pt.centre), row[mean]);
    if (!SameNumber(pt.lower3, Real(row[lpl]), c.range))
      mismatches.Add(where, "the lower limit", Text(pt.lower3), row[lpl]);
    if (!SameNumber(pt.upper3, Real(row[upl]), c.range))
      mismatches.Add(where, "the upper limit", Text(pt.upper3), row[upl]);
    if (PtdType(pt) != row[type]) mismatches.Add(where, "the type", PtdType(pt), row[type]);
    if (PtdPointType(pt.point_class) != row[point_type])
      mismatches.Add(where, "the point type", PtdPointType(pt.point_class), row[point_type]);
  }
  mismatches.Check(t.rows.size());
}

const ProfileOverrides kUnscreened = {{"mr_screening", "off"}};

TEST(DifferentialConformance, NhsrIncreaseScreened) {
  CheckPtdFile("ptd_increase_scr.csv",
               {.profile = "nhsr", .direction = Direction::kHigherIsBetter, .drop_missing = true});
}

TEST(DifferentialConformance, NhsrIncreaseUnscreened) {
  CheckPtdFile("ptd_increase_noscr.csv", {.profile = "nhsr",
                                          .overrides = kUnscreened,
                                          .direction = Direction::kHigherIsBetter,
                                          .drop_missing = true});
}

TEST(DifferentialConformance, NhsrDecreaseScreened) {
  CheckPtdFile("ptd_decrease_scr.csv",
               {.profile = "nhsr", .direction = Direction::kLowerIsBetter, .drop_missing = true});
}

TEST(DifferentialConformance, NhsrDecreaseUnscreened) {
  CheckPtdFile("ptd_decrease_noscr.csv", {.profile = "nhsr",
                                          .overrides = kUnscreened,
                                          .direction = Direction::kLowerIsBetter,
                                          .drop_missing = true});
}

// --- qicharts2: qic.csv ---

bool RunsSignal(const SeriesResult& r, const SegmentResult& seg) {
  for (int32_t i = seg.first; i <= seg.last; ++i) {
    const RuleFlags& f = r.points[i].rules;
    if (f[static_cast<int>(RuleId::kLongestRun)] || f[static_cast<int>(RuleId::kCrossings)])
      return true;
  }
  return false;
}

std::optional<int32_t> Count(const std::string& text) {
  if (text == "NA") return std::nullopt;
  return std::atoi(text.c_str());
}

void CheckQicVariant(const std::string& name, const Variant& variant) {
  const Table t = ReadTable("qic.csv");
  const int var = t.Column("variant"), id = t.Column("id"), pos = t.Column("i"),
            part = t.Column("part"), cl = t.Column("cl"), lcl = t.Column("lcl"),
            ucl = t.Column("ucl"), sigma_signal = t.Column("sigma_signal"),
            runs_signal = t.Column("runs_signal"), n_obs = t.Column("n_obs"),
            n_useful = t.Column("n_useful"), longest = t.Column("longest_run"),
            longest_max = t.Column("longest_run_max"), crossings = t.Column("n_crossings"),
            crossings_min = t.Column("n_crossings_min");
  Mismatches mismatches;
  std::size_t compared = 0;
  std::string current;
  SeriesResult result;
  for (const auto& row : t.rows) {
    if (row[var] != name) continue;
    const CaseSeries& c = AllSeries().at(row[id]);
    if (row[id] != current) {
      current = row[id];
      Result<SeriesResult> r = AnalyseCase(c, variant);
      ASSERT_TRUE(r.ok()) << current << ": " << r.status().message();
      result = *r;
    }
    ++compared;
    const std::string where = "qic " + name + " " + row[id] + " point " + row[pos];
    const auto i = static_cast<std::size_t>(std::atoi(row[pos].c_str()) - 1);
    if (i >= result.points.size()) {
      mismatches.Add(where, "the point", "absent", "present");
      continue;
    }
    const PointResult& pt = result.points[i];
    const SegmentResult& seg = result.segments[pt.segment];
    if (std::to_string(pt.segment + 1) != row[part])
      mismatches.Add(where, "the part", std::to_string(pt.segment + 1), row[part]);
    if (!SameBits(pt.centre, Real(row[cl])))
      mismatches.Add(where, "the centre", Text(pt.centre), row[cl]);
    if (!SameNumber(pt.lower3, Real(row[lcl]), c.range))
      mismatches.Add(where, "the lower limit", Text(pt.lower3), row[lcl]);
    if (!SameNumber(pt.upper3, Real(row[ucl]), c.range))
      mismatches.Add(where, "the upper limit", Text(pt.upper3), row[ucl]);
    const bool beyond = pt.rules[static_cast<int>(RuleId::kBeyondLimits)] != 0;
    if ((beyond ? "1" : "0") != row[sigma_signal])
      mismatches.Add(where, "sigma.signal", beyond ? "1" : "0", row[sigma_signal]);
    const bool runs = RunsSignal(result, seg);
    if ((runs ? "1" : "0") != row[runs_signal])
      mismatches.Add(where, "runs.signal", runs ? "1" : "0", row[runs_signal]);
    if (std::to_string(seg.n) != row[n_obs])
      mismatches.Add(where, "n.obs", std::to_string(seg.n), row[n_obs]);
    if (std::to_string(seg.n_useful) != row[n_useful])
      mismatches.Add(where, "n.useful", std::to_string(seg.n_useful), row[n_useful]);
    const std::pair<const std::optional<int32_t>&, int> figures[] = {
        {seg.longest_run, longest},
        {seg.longest_run_max, longest_max},
        {seg.crossings, crossings},
        {seg.crossings_min, crossings_min}};
    for (const auto& [got, column] : figures)
      if (got != Count(row[column]))
        mismatches.Add(where, t.header[column], Text(got), row[column]);
  }
  mismatches.Check(compared);
}

TEST(DifferentialConformance, Qicharts2IChartAttached) {
  CheckQicVariant("i", {.profile = "qicharts2"});
}

TEST(DifferentialConformance, Qicharts2IChartUnscreened) {
  CheckQicVariant("i_unscr", {.profile = "qicharts2", .overrides = kUnscreened});
}

TEST(DifferentialConformance, Qicharts2RunChart) {
  CheckQicVariant("run", {.profile = "qicharts2", .chart = ChartType::kRun, .rebase = false});
}

TEST(DifferentialConformance, Qicharts2RunChartWithParts) {
  CheckQicVariant("run_part", {.profile = "qicharts2", .chart = ChartType::kRun});
}

}  // namespace
}  // namespace kaizen
