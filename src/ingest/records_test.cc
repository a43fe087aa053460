// The records reader (kaizen/records.h): the table, the numbers and dates of a column, and
// every failure located at its file, line and column with its code.
#include "kaizen/records.h"

#include <gtest/gtest.h>

#include <cmath>

#include "kaizen/memory_env.h"

namespace kaizen {
namespace {

RecordTable Parse(const std::string& text) {
  Diagnostics d;
  Result<RecordTable> t = ParseRecordTable(text, "t.csv", ',', &d);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? std::move(t).value() : RecordTable{};
}

TEST(RecordTableTest, RowsKeepTheirLinesAndBlankLinesAreNoRecords) {
  const RecordTable t = Parse("a,b\n1,2\n\n3\n");
  ASSERT_EQ(t.header, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.lines, (std::vector<int>{2, 4}));
  EXPECT_EQ(t.Cell(1, 0), "3");
  EXPECT_EQ(t.Cell(1, 1), "");  // a short row's missing cell is empty
}

TEST(RecordTableTest, AnEmptyFileHasNoHeader) {
  Diagnostics d;
  Result<RecordTable> t = ParseRecordTable("", "e.csv", ',', &d);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(),
            "e.csv: the file is empty (expected a header row of column names)");
}

TEST(RecordTableTest, AnUnreadableFileNamesItsPath) {
  Diagnostics d;
  Result<RecordTable> t = ReadRecordTable("/nonexistent/r.csv", ',', &d);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message().rfind("/nonexistent/r.csv: ", 0), 0u) << t.status().message();
}

TEST(FindRecordColumnTest, AMissingColumnListsTheColumnsThereAre) {
  const RecordTable t = Parse("id,x\n1,2\n");
  EXPECT_EQ(*FindRecordColumn(t, "x", "--x"), 1);
  Result<int> missing = FindRecordColumn(t, "z", "--y");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "--y: t.csv has no column 'z'; its columns are: id, x");
}

TEST(RecordNumbersTest, MissingSpellingsAndYesNo) {
  const RecordTable t = Parse("x\n1\nTRUE\nfalse\nNA\n*\n 2.5 \n");
  Diagnostics d;
  Result<std::vector<double>> v = RecordNumbers(t, 0, &d);
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->size(), 6u);
  EXPECT_EQ((*v)[0], 1);
  EXPECT_EQ((*v)[1], 1);  // TRUE counts as 1, FALSE as 0
  EXPECT_EQ((*v)[2], 0);
  EXPECT_TRUE(std::isnan((*v)[3]));
  EXPECT_TRUE(std::isnan((*v)[4]));
  EXPECT_EQ((*v)[5], 2.5);
  EXPECT_TRUE(d.all().empty());
}

TEST(RecordNumbersTest, ABadCellIsLocatedWithItsCode) {
  // "abc" is on line 3 of the file, in the second column.
  const RecordTable t = Parse("id,x\n1,2\n2,abc\n");
  Diagnostics d;
  Result<std::vector<double>> v = RecordNumbers(t, 1, &d);
  ASSERT_FALSE(v.ok());
  ASSERT_EQ(d.all().size(), 1u);
  const Diagnostic& e = d.all()[0];
  EXPECT_EQ(e.file, "t.csv");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 2);
  EXPECT_EQ(e.code, diag::kBadNumber);
  EXPECT_EQ(e.ToString(),
            "t.csv:3:2: error [bad_number]: column 'x': 'abc' is not a number (expected a plain "
            "decimal, TRUE/FALSE, or empty/NA for missing)");
  EXPECT_EQ(v.status().message(), e.ToString());
}

TEST(RecordNumbersTest, ANumberBeyondADoubleIsAnOverflow) {
  const RecordTable t = Parse("x\n1\n\n1e309\n");
  Diagnostics d;
  ASSERT_FALSE(RecordNumbers(t, 0, &d).ok());
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].code, diag::kValueOverflow);
  EXPECT_EQ(d.all()[0].line, 4);  // the blank line 3 still counts
}

std::vector<std::string> Iso(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (const Date& d : dates) out.push_back(d.ToIso());
  return out;
}

TEST(RecordDatesTest, SlashDatesAreDayFirstUnlessOnlyMonthFirstFits) {
  Diagnostics d;
  // 13/01 can only be day first; 01/02 then reads as 1 February.
  Result<std::vector<Date>> uk =
      RecordDates(Parse("d\n13/01/2024\n01/02/2024\n"), 0, DateFormat::kAuto, &d);
  ASSERT_TRUE(uk.ok());
  EXPECT_EQ(Iso(*uk), (std::vector<std::string>{"2024-01-13", "2024-02-01"}));
  // 1/13 can only be month first; 02/01 then reads as 1 February.
  Result<std::vector<Date>> us =
      RecordDates(Parse("d\n1/13/2024\n02/01/2024\n"), 0, DateFormat::kAuto, &d);
  ASSERT_TRUE(us.ok());
  EXPECT_EQ(Iso(*us), (std::vector<std::string>{"2024-01-13", "2024-02-01"}));
  // Named, the order is not guessed: 01/02 is 2 January month first.
  Result<std::vector<Date>> named =
      RecordDates(Parse("d\n01/02/2024\n"), 0, DateFormat::kMonthDayYear, &d);
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(Iso(*named), (std::vector<std::string>{"2024-01-02"}));
  EXPECT_TRUE(d.all().empty());
}

TEST(RecordDatesTest, AnUndecidedColumnIsReadDayFirstWithAWarning) {
  // Nothing decides: day first, as UK data are written, and said, as the long format says it.
  Diagnostics d;
  Result<std::vector<Date>> either =
      RecordDates(Parse("d\n01/02/2024\n03/04/2024\n"), 0, DateFormat::kAuto, &d);
  ASSERT_TRUE(either.ok());
  EXPECT_EQ(Iso(*either), (std::vector<std::string>{"2024-02-01", "2024-04-03"}));
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.error_count(), 0u);
  EXPECT_EQ(d.all()[0].ToString(),
            "t.csv:2:1: warning [guessed_date_order]: column 'd': every date such as "
            "'01/02/2024' fits both dd/mm/yyyy and m/d/yyyy; read as dd/mm/yyyy (UK): name the "
            "date format (--date-format) if they are m/d/yyyy");
}

TEST(RecordDatesTest, AColumnOfBothOrdersIsRefused) {
  Diagnostics d;
  Result<std::vector<Date>> mixed =
      RecordDates(Parse("d\n13/01/2024\n1/13/2024\n"), 0, DateFormat::kAuto, &d);
  ASSERT_FALSE(mixed.ok());
  // Located at the date that made the column mixed (line 3), quoting the one before it.
  const std::string expected =
      "t.csv:3:1: error [ambiguous_dates]: column 'd': the dates mix two formats: line 2 has "
      "'13/01/2024', which can only be dd/mm/yyyy, and line 3 has '1/13/2024', which can only "
      "be m/d/yyyy; name the date format (--date-format)";
  EXPECT_EQ(mixed.status().message(), expected);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].ToString(), expected);
}

TEST(ReadRecordTableTest, ReadsThroughTheEnvItIsGiven) {
  MemoryEnv env(*Date::FromCivil(2024, 3, 1));
  ASSERT_TRUE(env.WriteFileAtomically("mem.csv", "a,b\n1,2\n").ok());
  Diagnostics d;
  Result<RecordTable> t = ReadRecordTable("mem.csv", '\0', &d, &env);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->header, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->Cell(0, 1), "2");
  EXPECT_EQ(ReadRecordTable("mem.csv", '\0', &d).status().code(), StatusCode::kNotFound);
}

TEST(RecordDatesTest, AnEmptyOrBadCellIsLocated) {
  Diagnostics d;
  ASSERT_FALSE(RecordDates(Parse("id,d\n1,2024-01-01\n2,\n"), 1, DateFormat::kAuto, &d).ok());
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].code, diag::kEmptyPeriod);
  EXPECT_EQ(d.all()[0].line, 3);
  EXPECT_EQ(d.all()[0].column, 2);
  Diagnostics bad;
  ASSERT_FALSE(RecordDates(Parse("d\n2024-01-01\nsoon\n"), 0, DateFormat::kAuto, &bad).ok());
  ASSERT_EQ(bad.all().size(), 1u);
  EXPECT_EQ(bad.all()[0].code, diag::kBadDate);
  EXPECT_EQ(bad.all()[0].line, 3);
}

TEST(SplitColumnListTest, CommasSeparateNames) {
  EXPECT_EQ(SplitColumnList("a,b,,c"), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(SplitColumnList(""), (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace kaizen
