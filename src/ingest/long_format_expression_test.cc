// Computed measures, row filters and the one-measure-per-column layout in the long-format
// reader (docs/catalogue.md, "Expressions"). Values are worked by hand from the rows shown.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/csv/csv_reader.h"
#include "ingest/long_format.h"

namespace kaizen::ingest {
namespace {

struct Outcome {
  Status status;
  std::vector<Series> series;
  std::vector<std::string> messages;
};

Outcome Read(const std::string& text, const Catalogue& catalogue, const ReadOptions& options = {}) {
  Outcome out;
  Diagnostics diagnostics;
  Result<ImportSummary> r =
      ReadCsvText(text, "data.csv", &catalogue, options, &diagnostics, [&](Series&& s) {
        out.series.push_back(std::move(s));
        return Status::Ok();
      });
  out.status = r.status();
  for (const Diagnostic& d : diagnostics.all()) out.messages.push_back(d.ToString());
  return out;
}

using Doubles = std::vector<double>;

// The national A&E extract's layout: three measures per row, three department types.
constexpr const char* kExtract =
    "period,org_code,type,attendances,breaches,admissions\n"
    "2024-01-01,RXX,1,400,40,100\n"
    "2024-01-01,RXX,2,50,1,0\n"
    "2024-02-01,RXX,1,500,100,120\n"
    "2024-02-01,RXX,2,60,0,0\n";

Catalogue WideCatalogue() {
  Catalogue c;
  c.columns.indicator = "";
  Indicator seen;
  seen.id = "ae-4h";
  seen.chart = ChartType::kP;
  seen.numerator_expression = "attendances - breaches";
  seen.denominator_expression = "attendances";
  seen.where = "type == '1'";
  Indicator attendances;
  attendances.id = "attendances";
  attendances.chart = ChartType::kXmr;
  attendances.value_expression = "attendances";
  attendances.aggregation = Aggregation::kSum;
  Indicator unread;  // names no measure: not in a file of this layout
  unread.id = "other";
  c.indicators = {seen, attendances, unread};
  return c;
}

TEST(LongFormatExpressionTest, SeveralIndicatorsFromTheColumnsOfOneRow) {
  const Outcome o = Read(kExtract, WideCatalogue());
  ASSERT_TRUE(o.status.ok()) << o.status.message() << (o.messages.empty() ? "" : o.messages[0]);
  ASSERT_EQ(o.series.size(), 2u);
  EXPECT_EQ(o.series[0].indicator_id, "ae-4h");
  EXPECT_EQ(o.series[0].organisation, "RXX");
  EXPECT_EQ(o.series[0].numerators, (Doubles{360, 400}));  // 400 - 40, 500 - 100: type 1 only
  EXPECT_EQ(o.series[0].denominators, (Doubles{400, 500}));
  EXPECT_EQ(o.series[1].indicator_id, "attendances");
  EXPECT_EQ(o.series[1].values, (Doubles{450, 560}));  // every type, summed: 400 + 50, 500 + 60
}

TEST(LongFormatExpressionTest, CatalogueWideFilterAndComputedValue) {
  Catalogue c = WideCatalogue();
  c.where = "type in ('1')";
  c.indicators[1].value_expression = "100 * (1 - breaches / attendances)";
  c.indicators[1].aggregation = Aggregation::kNone;
  const Outcome o = Read(kExtract, c);
  ASSERT_TRUE(o.status.ok()) << o.status.message() << (o.messages.empty() ? "" : o.messages[0]);
  ASSERT_EQ(o.series.size(), 2u);
  EXPECT_DOUBLE_EQ(o.series[1].values[0], 90);  // 100 × (1 − 40/400)
  EXPECT_DOUBLE_EQ(o.series[1].values[1], 80);  // 100 × (1 − 100/500)
}

TEST(LongFormatExpressionTest, UncomputableRowIsALocatedCodedError) {
  Catalogue c = WideCatalogue();
  c.indicators[1].value_expression = "breaches / admissions";
  c.indicators[1].aggregation = Aggregation::kSum;
  const Outcome o = Read(kExtract, c);
  ASSERT_FALSE(o.status.ok());
  ASSERT_FALSE(o.messages.empty());
  // Line 3: type 2, admissions 0; column 6 is admissions.
  EXPECT_EQ(o.messages[0].rfind("data.csv:3:6: error [division_by_zero]: value = breaches / "
                                "admissions: division by zero",
                                0),
            0u)
      << o.messages[0];
}

TEST(LongFormatExpressionTest, MissingOperandIsAnErrorNotAMissingPoint) {
  Catalogue c = WideCatalogue();
  const Outcome o = Read(
      "period,org_code,type,attendances,breaches,admissions\n"
      "2024-01-01,RXX,1,400,,100\n",
      c);
  ASSERT_FALSE(o.status.ok());
  ASSERT_FALSE(o.messages.empty());
  EXPECT_EQ(o.messages[0].rfind("data.csv:2:5: error [missing_operand]: numerator = ", 0), 0u)
      << o.messages[0];
}

TEST(LongFormatExpressionTest, UndecidableFilterIsALocatedError) {
  Catalogue c = WideCatalogue();
  c.indicators[0].where = "breaches > 10";
  const Outcome o = Read(
      "period,org_code,type,attendances,breaches,admissions\n"
      "2024-01-01,RXX,1,400,,100\n",
      c);
  ASSERT_FALSE(o.status.ok());
  ASSERT_FALSE(o.messages.empty());
  EXPECT_EQ(o.messages[0].rfind("data.csv:2:5: error [missing_operand]: the where of indicator "
                                "'ae-4h' (breaches > 10): 'breaches' is empty",
                                0),
            0u)
      << o.messages[0];
}

TEST(LongFormatExpressionTest, ColumnNamedByTheCatalogueButAbsent) {
  Catalogue c = WideCatalogue();
  c.indicators[0].numerator_expression = "attendances - `type 1 breaches`";
  const Outcome o = Read(kExtract, c);
  ASSERT_FALSE(o.status.ok());
  ASSERT_FALSE(o.messages.empty());
  EXPECT_NE(o.messages[0].find("error [missing_column]: no 'type 1 breaches' column, which "
                               "indicator 'ae-4h' reads"),
            std::string::npos)
      << o.messages[0];
}

TEST(LongFormatExpressionTest, EmptyIndicatorMappingIsNotANamelessColumn) {
  Catalogue c;
  c.columns.indicator = "";
  Indicator plain;
  plain.id = "x";
  c.indicators = {plain};
  const Outcome o = Read("period,organisation,value\n2024-01-01,A,1\n", c);
  ASSERT_FALSE(o.status.ok());
  ASSERT_FALSE(o.messages.empty());
  EXPECT_EQ(o.messages[0].find("no '' column"), std::string::npos) << o.messages[0];
  EXPECT_NE(o.messages[0].find("--indicator"), std::string::npos) << o.messages[0];
  ReadOptions options;
  options.indicator = "x";
  EXPECT_TRUE(Read("period,organisation,value\n2024-01-01,A,1\n", c, options).status.ok());
}

TEST(LongFormatExpressionTest, FileWithoutOrganisationColumnIsOneOrganisation) {
  Catalogue c = WideCatalogue();
  const Outcome o = Read(
      "period,type,attendances,breaches\n"
      "2024-01-01,1,400,40\n",
      c);
  ASSERT_TRUE(o.status.ok()) << (o.messages.empty() ? "" : o.messages[0]);
  ASSERT_EQ(o.series.size(), 2u);
  EXPECT_EQ(o.series[0].organisation, "all");
}

TEST(LongFormatExpressionTest, WideLayoutIgnoresColumnsThatLookLikeAnIndicator) {
  const Outcome o = Read(
      "period,org_code,type,measure_note,attendances,breaches\n"
      "2024-01-01,RXX,1,a,400,40\n"
      "2024-02-01,RXX,1,b,500,50\n",
      WideCatalogue());
  ASSERT_TRUE(o.status.ok()) << (o.messages.empty() ? "" : o.messages[0]);
  EXPECT_EQ(o.series.size(), 2u);
}

TEST(LongFormatExpressionTest, PerIndicatorMeasuresWithAnIndicatorColumn) {
  Catalogue c;
  Indicator i;
  i.id = "ae-4h";
  i.chart = ChartType::kP;
  i.numerator_expression = "attendances - breaches";
  i.denominator_expression = "attendances";
  c.indicators = {i};
  const Outcome o = Read(
      "indicator,organisation,period,attendances,breaches\n"
      "ae-4h,A,2024-01-01,200,50\n",
      c);
  ASSERT_TRUE(o.status.ok()) << (o.messages.empty() ? "" : o.messages[0]);
  ASSERT_EQ(o.series.size(), 1u);
  EXPECT_EQ(o.series[0].numerators, (Doubles{150}));
  EXPECT_EQ(o.series[0].denominators, (Doubles{200}));
}

}  // namespace
}  // namespace kaizen::ingest
