// The .xlsx reader against workbooks written here, part by part, with libzip: the XML is what
// Excel writes (ECMA-376 Part 1), and every expected value was worked out by hand (date serials
// from 2022-01-01 = 44562, the 1900/1904 difference of 1462 days), not read back from a program.
#include "ingest/xlsx/xlsx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "ingest/xlsx/xlsx_cells.h"
#include "kaizen/ingest.h"

namespace kaizen::ingest {
namespace {

using Parts = std::map<std::string, std::string>;
using Row = std::pair<int, std::vector<std::string>>;

constexpr char kMain[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr char kRel[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A temporary file removed when the test ends.
class TempFile {
 public:
  explicit TempFile(const std::string& suffix) {
    path_ = ::testing::TempDir() + "kaizen_xlsx_" + std::to_string(::getpid()) + "_" +
            std::to_string(counter_++) + suffix;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::string path_;
};

// Writes `parts` as a zip archive. libzip reads the buffers at zip_close(), so `parts` (whose map
// nodes never move) must outlive the call, which it does.
// `stored` parts are written without compression (ratio 1).
void WriteZip(const std::string& path, const Parts& parts, bool stored = false) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(z, nullptr) << "zip_open error " << error;
  for (const auto& [name, content] : parts) {
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    ASSERT_NE(src, nullptr);
    const zip_int64_t index = zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
    ASSERT_GE(index, 0) << name;
    if (stored) {
      ASSERT_EQ(zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0), 0);
    }
  }
  ASSERT_EQ(zip_close(z), 0);
}

std::string WorkbookXml(const std::vector<std::string>& sheet_names, bool date1904 = false) {
  std::string xml = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>") +
                    "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel + "\">";
  if (date1904) xml += "<workbookPr date1904=\"1\"/>";
  xml += "<sheets>";
  for (std::size_t i = 0; i < sheet_names.size(); ++i) {
    xml += "<sheet name=\"" + sheet_names[i] + "\" sheetId=\"" + std::to_string(i + 1) +
           "\" r:id=\"rId" + std::to_string(i + 1) + "\"/>";
  }
  return xml + "</sheets></workbook>";
}

std::string RelsXml(const std::vector<std::string>& targets) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (std::size_t i = 0; i < targets.size(); ++i) {
    xml += "<Relationship Id=\"rId" + std::to_string(i + 1) +
           "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
           "worksheet\" Target=\"" +
           targets[i] + "\"/>";
  }
  return xml + "</Relationships>";
}

std::string SheetXml(const std::string& rows) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"") + kMain +
         "\"><sheetData>" + rows + "</sheetData></worksheet>";
}

// A one-sheet workbook ("Sheet1") holding `rows`, with optional shared strings and styles.
Parts OneSheet(const std::string& rows, const std::string& shared = "",
               const std::string& styles = "", bool date1904 = false) {
  Parts parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"xl/workbook.xml", WorkbookXml({"Sheet1"}, date1904)},
      {"xl/_rels/workbook.xml.rels", RelsXml({"worksheets/sheet1.xml"})},
      {"xl/worksheets/sheet1.xml", SheetXml(rows)},
  };
  if (!shared.empty()) {
    parts["xl/sharedStrings.xml"] =
        std::string("<?xml version=\"1.0\"?><sst xmlns=\"") + kMain + "\">" + shared + "</sst>";
  }
  if (!styles.empty()) {
    parts["xl/styles.xml"] = std::string("<?xml version=\"1.0\"?><styleSheet xmlns=\"") + kMain +
                             "\">" + styles + "</styleSheet>";
  }
  return parts;
}

class RecordingSink : public RowSink {
 public:
  Status OnRow(int line, std::span<const std::string_view> fields) override {
    rows.push_back({line, std::vector<std::string>(fields.begin(), fields.end())});
    if (line == stop_at) return Status::FailedPrecondition("stopped by the sink");
    return Status::Ok();
  }
  Status OnBadRow(std::string_view /*code*/, int line, int column, std::string message) override {
    bad.push_back({line, column, std::move(message)});
    return Status::Ok();
  }
  struct Bad {
    int line;
    int column;
    std::string message;
  };
  std::vector<Row> rows;
  std::vector<Bad> bad;
  int stop_at = 0;
};

struct Outcome {
  Status status;
  std::vector<Row> rows;
  std::vector<RecordingSink::Bad> bad;
  Diagnostics diagnostics;
};

Outcome Read(const Parts& parts, const std::string& sheet = "", int stop_at = 0,
             bool stored = false) {
  TempFile file(".xlsx");
  WriteZip(file.path(), parts, stored);
  Outcome o;
  RecordingSink sink;
  sink.stop_at = stop_at;
  o.status = ReadXlsxRows(file.path(), sheet, &o.diagnostics, sink);
  o.rows = std::move(sink.rows);
  o.bad = std::move(sink.bad);
  return o;
}

std::string AllDiagnostics(const Diagnostics& d) {
  std::string all;
  for (const Diagnostic& x : d.all()) all += x.ToString() + "\n";
  return all;
}

TEST(XlsxCellsTest, CellReferences) {
  EXPECT_EQ(ParseCellReference("A1")->column, 1);
  EXPECT_EQ(ParseCellReference("A1")->row, 1);
  EXPECT_EQ(ParseCellReference("Z9")->column, 26);
  EXPECT_EQ(ParseCellReference("AA10")->column, 27);
  EXPECT_EQ(ParseCellReference("AA10")->row, 10);
  EXPECT_EQ(ParseCellReference("AZ3")->column, 52);
  EXPECT_EQ(ParseCellReference("BA3")->column, 53);
  EXPECT_EQ(ParseCellReference("XFD1048576")->column, 16384);  // 24·676 + 6·26 + 4
  EXPECT_EQ(ParseCellReference("XFD1048576")->row, 1048576);
  for (const char* bad : {"", "A", "1", "A0", "a1", "1A", "A1B", "XFE1", "A1048577", "A01"})
    EXPECT_FALSE(ParseCellReference(bad).has_value()) << bad;
}

TEST(XlsxCellsTest, DateSerials1900WithTheLotusLeapDay) {
  auto iso = [](double serial) {
    std::optional<Date> d = DateFromSerial(serial, false);
    return d ? d->ToIso() : std::string("none");
  };
  EXPECT_EQ(iso(1), "1900-01-01");
  EXPECT_EQ(iso(59), "1900-02-28");
  EXPECT_EQ(iso(60), "none");  // 1900-02-29 never was
  EXPECT_EQ(iso(61), "1900-03-01");
  EXPECT_EQ(iso(44562), "2022-01-01");
  EXPECT_EQ(iso(44621), "2022-03-01");      // 44562 + 31 + 28
  EXPECT_EQ(iso(44621.999), "2022-03-01");  // the time of day is dropped
  EXPECT_EQ(iso(2958465), "9999-12-31");
  EXPECT_EQ(iso(2958466), "none");
  EXPECT_EQ(iso(0), "none");
  EXPECT_EQ(iso(-1), "none");
}

TEST(XlsxCellsTest, DateSerials1904) {
  EXPECT_EQ(DateFromSerial(0, true)->ToIso(), "1904-01-01");
  EXPECT_EQ(DateFromSerial(44621 - 1462, true)->ToIso(), "2022-03-01");
  EXPECT_FALSE(DateFromSerial(-1, true).has_value());
}

TEST(XlsxCellsTest, DateFormats) {
  for (int id : {14, 15, 16, 17, 22}) EXPECT_TRUE(IsDateFormat(id, "")) << id;
  for (int id : {0, 1, 2, 9, 10, 18, 19, 20, 21, 45, 46, 47, 49})
    EXPECT_FALSE(IsDateFormat(id, ""));
  EXPECT_TRUE(IsDateFormat(164, "dd/mm/yyyy"));
  EXPECT_TRUE(IsDateFormat(164, "mmm-yy"));
  EXPECT_TRUE(IsDateFormat(164, "mmmm"));
  EXPECT_TRUE(IsDateFormat(164, "[$-809]dd mmmm yyyy;@"));
  EXPECT_TRUE(IsDateFormat(164, "yyyy-mm-dd h:mm"));
  EXPECT_FALSE(IsDateFormat(164, "h:mm"));
  EXPECT_FALSE(IsDateFormat(164, "[h]:mm"));
  EXPECT_FALSE(IsDateFormat(164, "mm:ss"));
  EXPECT_FALSE(IsDateFormat(164, "0.00%"));
  EXPECT_FALSE(IsDateFormat(164, "#,##0 \"days\""));  // the d of "days" is literal text
  EXPECT_FALSE(IsDateFormat(164, "[Red]0.0"));
  EXPECT_FALSE(IsDateFormat(164, "General"));
}

TEST(XlsxReaderTest, SharedInlineNumberAndBooleanCellsWithGapsFilled) {
  const std::string shared =
      "<si><t>indicator</t></si>"
      "<si><r><t>organi</t></r><r><rPr><b/></rPr><t>sation</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></si>"
      "<si><t xml:space=\"preserve\"> value </t></si>";
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"D1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>ae</t></is></c>"
      "<c r=\"C2\"><v>3.5</v></c><c r=\"D2\" t=\"b\"><v>1</v></c>"
      "<c r=\"E2\" t=\"b\"><v>0</v></c><c r=\"F2\" t=\"e\"><v>#DIV/0!</v></c>"
      "<c r=\"G2\" t=\"str\"><f>A2&amp;\"x\"</f><v>aex</v></c></row>"
      "<row r=\"5\"><c r=\"AA5\"><v>-1E-3</v></c></row>"
      "<row r=\"6\"><c r=\"A6\" s=\"0\"/><c r=\"B6\" t=\"inlineStr\"><is><t></t></is></c></row>"
      "<row r=\"7\"><c><v>1</v></c><c><v>2</v></c></row>";
  Outcome o = Read(OneSheet(rows, shared));
  ASSERT_TRUE(o.status.ok()) << o.status.message() << AllDiagnostics(o.diagnostics);
  EXPECT_TRUE(o.diagnostics.all().empty()) << AllDiagnostics(o.diagnostics);
  ASSERT_EQ(o.rows.size(), 4u);  // row 6 holds only empty cells
  EXPECT_EQ(o.rows[0], (Row{1, {"indicator", "organisation", "", " value "}}));
  EXPECT_EQ(o.rows[1], (Row{2, {"ae", "", "3.5", "TRUE", "FALSE", "#DIV/0!", "aex"}}));
  std::vector<std::string> row5(27);
  row5[26] = "-1E-3";
  EXPECT_EQ(o.rows[2], (Row{5, row5}));
  EXPECT_EQ(o.rows[3], (Row{7, {"1", "2"}}));  // references are optional
}

TEST(XlsxReaderTest, DateFormattedSerialsBecomeIsoDates) {
  const std::string styles =
      "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"h:mm\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"mmm\\-yy\"/></numFmts>"
      "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
      "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"22\"/>"
      "</cellXfs>";
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44621</v></c><c r=\"B1\" s=\"2\"><v>44562</v></c>"
      "<c r=\"C1\" s=\"0\"><v>44621</v></c><c r=\"D1\"><v>44621</v></c>"
      "<c r=\"E1\" s=\"3\"><v>0.5</v></c><c r=\"F1\" s=\"4\"><v>44652</v></c>"
      "<c r=\"G1\" s=\"5\"><v>44621.75</v></c><c r=\"H1\" s=\"1\" t=\"s\"><v>0</v></c>"
      "<c r=\"I1\" s=\"9\"><v>7</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>1</v></c><c r=\"B2\" s=\"1\"><v>59</v></c>"
      "<c r=\"C2\" s=\"1\"><v>61</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>59</v></c><c r=\"C3\" s=\"1\"><v>60</v></c></row>";
  Outcome o = Read(OneSheet(rows, "<si><t>not a date</t></si>", styles));
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  EXPECT_TRUE(o.diagnostics.all().empty());
  ASSERT_EQ(o.rows.size(), 2u);
  EXPECT_EQ(o.rows[0], (Row{1,
                            {"2022-03-01", "2022-01-01", "44621", "44621", "0.5", "2022-04-01",
                             "2022-03-01", "not a date", "7"}}));
  EXPECT_EQ(o.rows[1], (Row{2, {"1900-01-01", "1900-02-28", "1900-03-01"}}));
  // Serial 60 (1900-02-29, the Lotus leap day) spoils its row, which goes to the sink as bad.
  ASSERT_EQ(o.bad.size(), 1u);
  EXPECT_EQ(o.bad[0].line, 3);
  EXPECT_EQ(o.bad[0].column, 3);
  EXPECT_NE(o.bad[0].message.find("1900-02-29, a day that never was"), std::string::npos);
}

TEST(XlsxReaderTest, Date1904System) {
  const std::string styles = "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
  Outcome o =
      Read(OneSheet("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43159</v></c>"
                    "<c r=\"B1\" s=\"1\"><v>0</v></c><c r=\"C1\" s=\"1\"><v>60</v></c></row>",
                    "", styles, /*date1904=*/true));
  ASSERT_TRUE(o.status.ok()) << o.status.message();
  ASSERT_EQ(o.rows.size(), 1u);
  EXPECT_EQ(o.rows[0].second,
            (std::vector<std::string>{"2022-03-01", "1904-01-01", "1904-03-01"}));  // 31 + 29
  EXPECT_TRUE(o.diagnostics.all().empty());
}

// Three sheets whose workbook order differs from their part names; one target is absolute.
Parts ThreeSheets() {
  return {
      {"xl/workbook.xml", WorkbookXml({"Notes", "Data", "Q2 2024"})},
      {"xl/_rels/workbook.xml.rels",
       RelsXml({"worksheets/sheet3.xml", "/xl/worksheets/sheet1.xml", "worksheets/sheet2.xml"})},
      {"xl/worksheets/sheet1.xml",
       SheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>data</t></is></c></row>")},
      {"xl/worksheets/sheet2.xml",
       SheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>q2</t></is></c></row>")},
      {"xl/worksheets/sheet3.xml",
       SheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>notes</t></is></c></row>")},
  };
}

TEST(XlsxReaderTest, SheetByNameByIndexOrFirst) {
  const Parts parts = ThreeSheets();
  auto first_cell = [&](const std::string& sheet) {
    Outcome o = Read(parts, sheet);
    EXPECT_TRUE(o.status.ok()) << sheet << ": " << o.status.message();
    return o.rows.empty() ? std::string("(none)") : o.rows[0].second[0];
  };
  EXPECT_EQ(first_cell(""), "notes");
  EXPECT_EQ(first_cell("Data"), "data");
  EXPECT_EQ(first_cell("DATA"), "data");
  EXPECT_EQ(first_cell("Q2 2024"), "q2");
  EXPECT_EQ(first_cell("1"), "notes");
  EXPECT_EQ(first_cell("2"), "data");
  EXPECT_EQ(first_cell("3"), "q2");
}

TEST(XlsxReaderTest, MissingSheetListsTheSheets) {
  for (const std::string sheet : {"Dta", "4", "0"}) {
    Outcome o = Read(ThreeSheets(), sheet);
    EXPECT_EQ(o.status.code(), StatusCode::kInvalidArgument) << sheet;
    ASSERT_EQ(o.diagnostics.error_count(), 1u);
    EXPECT_NE(o.diagnostics.all()[0].message.find(
                  "has no sheet '" + sheet +
                  "' (expected a sheet name or a number from 1 to 3; its sheets are 'Notes', "
                  "'Data', 'Q2 2024')"),
              std::string::npos)
        << o.diagnostics.all()[0].message;
  }
}

TEST(XlsxReaderTest, NamespacePrefixedWorkbook) {
  // As the .NET Open XML SDK writes it: every element prefixed, the relationship id under "rel:".
  const std::string main = kMain;
  Parts parts = {
      {"xl/workbook.xml", "<x:workbook xmlns:x=\"" + main + "\" xmlns:rel=\"" + kRel +
                              "\"><x:workbookPr date1904=\"true\"/><x:sheets><x:sheet "
                              "name=\"S\" sheetId=\"1\" rel:id=\"R7\"/></x:sheets></x:workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"R7\" Target=\"/xl/worksheets/s.xml\"/></Relationships>"},
      {"xl/styles.xml", "<x:styleSheet xmlns:x=\"" + main +
                            "\"><x:cellXfs><x:xf numFmtId=\"0\"/><x:xf numFmtId=\"15\"/>"
                            "</x:cellXfs></x:styleSheet>"},
      {"xl/sharedStrings.xml",
       "<x:sst xmlns:x=\"" + main + "\"><x:si><x:t>period</x:t></x:si></x:sst>"},
      {"xl/worksheets/s.xml", "<x:worksheet xmlns:x=\"" + main +
                                  "\"><x:sheetData><x:row r=\"3\"><x:c r=\"B3\" t=\"s\"><x:v>0"
                                  "</x:v></x:c><x:c r=\"C3\" s=\"1\"><x:v>43159</x:v></x:c>"
                                  "</x:row></x:sheetData></x:worksheet>"},
  };
  Outcome o = Read(parts);
  ASSERT_TRUE(o.status.ok()) << o.status.message() << AllDiagnostics(o.diagnostics);
  ASSERT_EQ(o.rows.size(), 1u);
  EXPECT_EQ(o.rows[0], (Row{3, {"", "period", "2022-03-01"}}));
}

TEST(XlsxReaderTest, NotAZipIsInvalidArgument) {
  TempFile file(".xlsx");
  std::ofstream(file.path()) << "indicator,organisation,period,value\n";
  Diagnostics diagnostics;
  RecordingSink sink;
  const Status s = ReadXlsxRows(file.path(), "", &diagnostics, sink);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(diagnostics.error_count(), 1u);
  EXPECT_EQ(diagnostics.all()[0].file, file.path());
  EXPECT_NE(diagnostics.all()[0].message.find("is not an .xlsx workbook (expected a zip archive"),
            std::string::npos)
      << diagnostics.all()[0].message;
}

TEST(XlsxReaderTest, MissingFileIsNotFound) {
  Diagnostics diagnostics;
  RecordingSink sink;
  const Status s = ReadXlsxRows("/nonexistent/book.xlsx", "", &diagnostics, sink);
  EXPECT_EQ(s.code(), StatusCode::kNotFound) << s.message();
}

TEST(XlsxReaderTest, ZipWithoutWorkbookIsCorruption) {
  Outcome o = Read({{"word/document.xml", "<document/>"}});
  EXPECT_EQ(o.status.code(), StatusCode::kCorruption);
  ASSERT_EQ(o.diagnostics.error_count(), 1u);
  EXPECT_NE(o.diagnostics.all()[0].message.find("it has no xl/workbook.xml"), std::string::npos);
}

TEST(XlsxReaderTest, CorruptXmlIsReportedWithThePart) {
  Parts parts = OneSheet("");
  parts["xl/worksheets/sheet1.xml"] = "<worksheet>\n<sheetData>\n<row r=\"1\"><c></row>";
  Outcome o = Read(parts);
  EXPECT_EQ(o.status.code(), StatusCode::kCorruption);
  ASSERT_EQ(o.diagnostics.error_count(), 1u);
  const std::string& m = o.diagnostics.all()[0].message;
  EXPECT_NE(m.find("xl/worksheets/sheet1.xml in '"), std::string::npos) << m;
  EXPECT_NE(m.find("is not well-formed XML"), std::string::npos) << m;
  EXPECT_NE(m.find("at line 3 of the part"), std::string::npos) << m;
}

TEST(XlsxReaderTest, BadCellsAreReportedAtTheirRowAndColumn) {
  Outcome o =
      Read(OneSheet("<row r=\"4\"><c r=\"A4\" t=\"s\"><v>0</v></c>"
                    "<c r=\"C4\" t=\"s\"><v>5</v></c></row>",
                    "<si><t>only</t></si>"));
  EXPECT_TRUE(o.status.ok());  // the sink's policy decides: it reports the bad row
  EXPECT_TRUE(o.rows.empty());
  ASSERT_EQ(o.bad.size(), 1u);
  EXPECT_EQ(o.bad[0].line, 4);
  EXPECT_EQ(o.bad[0].column, 3);
  EXPECT_EQ(o.bad[0].message, "shared string 5 does not exist (the workbook has 1)");

  Outcome bad_ref = Read(OneSheet("<row r=\"2\"><c r=\"B3\"><v>1</v></c></row>"));
  EXPECT_EQ(bad_ref.status.code(), StatusCode::kCorruption);
  ASSERT_EQ(bad_ref.diagnostics.error_count(), 1u);
  EXPECT_EQ(bad_ref.diagnostics.all()[0].line, 2);
  EXPECT_NE(bad_ref.diagnostics.all()[0].file.find(".xlsx[Sheet1]"), std::string::npos);
  EXPECT_NE(bad_ref.diagnostics.all()[0].message.find("'B3' is not a cell of row 2"),
            std::string::npos);
}

TEST(XlsxReaderTest, SinkCanStopTheRead) {
  Outcome o = Read(OneSheet("<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row>"
                            "<row r=\"3\"><c><v>3</v></c></row>"),
                   "", /*stop_at=*/2);
  EXPECT_EQ(o.status.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(o.rows.size(), 2u);
}

// The whole path: ReadAllSeries picks this reader by extension, and date-formatted periods reach
// the long-format rules as ISO dates.
TEST(XlsxReaderTest, ReadAllSeriesFromAWorkbook) {
  const std::string shared =
      "<si><t>indicator</t></si><si><t>organisation</t></si><si><t>period</t></si>"
      "<si><t>value</t></si><si><t>ae-4h</t></si><si><t>RF4</t></si>";
  const std::string styles = "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
  std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>";
  const int serials[] = {44562, 44593, 44621};  // 2022-01-01, 2022-02-01, 2022-03-01
  const char* values[] = {"71.5", "73", "70.25"};
  for (int i = 0; i < 3; ++i) {
    const std::string r = std::to_string(i + 2);
    rows += "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"s\"><v>4</v></c><c r=\"B" + r +
            "\" t=\"s\"><v>5</v></c><c r=\"C" + r + "\" s=\"1\"><v>" + std::to_string(serials[i]) +
            "</v></c><c r=\"D" + r + "\"><v>" + values[i] + "</v></c></row>";
  }
  TempFile file(".xlsx");
  WriteZip(file.path(), OneSheet(rows, shared, styles));
  Diagnostics diagnostics;
  Result<std::vector<Series>> all = ReadAllSeries(file.path(), nullptr, {}, &diagnostics);
  ASSERT_TRUE(all.ok()) << all.status().message() << AllDiagnostics(diagnostics);
  ASSERT_EQ(all->size(), 1u);
  const Series& s = (*all)[0];
  EXPECT_EQ(s.indicator_id, "ae-4h");
  EXPECT_EQ(s.organisation, "RF4");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.periods[0].ToIso(), "2022-01-01");
  EXPECT_EQ(s.periods[2].ToIso(), "2022-03-01");
  EXPECT_EQ(s.values[0], 71.5);
  EXPECT_EQ(s.values[2], 70.25);
}

// ---- Hostile and odd input (issue 14) ----

// A long-format workbook "Sheet1" whose period column (C) holds `periods` as plain numbers
// (no date style), read through ReadAllSeries.
struct Mapped {
  Result<std::vector<Series>> series = Status::Ok();
  Diagnostics diagnostics;
};
Mapped ReadLongFormat(const std::vector<std::string>& periods, const std::string& value_style = "",
                      const std::vector<std::string>& values = {}) {
  const std::string shared =
      "<si><t>indicator</t></si><si><t>organisation</t></si><si><t>period</t></si>"
      "<si><t>value</t></si><si><t>ae-4h</t></si><si><t>RF4</t></si>";
  const std::string styles =
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"10\"/>"
      "<xf numFmtId=\"164\"/></cellXfs>"
      "<numFmts><numFmt numFmtId=\"164\" formatCode=\"0.0&quot;%&quot;\"/></numFmts>";
  std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>";
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const std::string r = std::to_string(i + 2);
    const std::string value = i < values.size() ? values[i] : std::to_string(10 + i);
    rows += "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"s\"><v>4</v></c><c r=\"B" + r +
            "\" t=\"s\"><v>5</v></c><c r=\"C" + r + "\"><v>" + periods[i] + "</v></c><c r=\"D" + r +
            "\"" + (value_style.empty() ? "" : " s=\"" + value_style + "\"") + "><v>" + value +
            "</v></c></row>";
  }
  TempFile file(".xlsx");
  WriteZip(file.path(), OneSheet(rows, shared, styles));
  Mapped m;
  m.series = ReadAllSeries(file.path(), nullptr, {}, &m.diagnostics);
  return m;
}

// Regression: 202001, 202002 … were Excel date serials, 24 consecutive days of the year 2453.
TEST(XlsxHostileTest, PlainNumberPeriodsYyyymmAreMonthsNotSerials) {
  Mapped m = ReadLongFormat({"202001", "202002", "202003"});
  ASSERT_TRUE(m.series.ok()) << AllDiagnostics(m.diagnostics);
  ASSERT_EQ(m.series->size(), 1u);
  const Series& s = (*m.series)[0];
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.periods[0].ToIso(), "2020-01-01");
  EXPECT_EQ(s.periods[1].ToIso(), "2020-02-01");
  EXPECT_EQ(s.periods[2].ToIso(), "2020-03-01");
  // Said once, at the first such cell (C2).
  ASSERT_EQ(m.diagnostics.warning_count(), 1u) << AllDiagnostics(m.diagnostics);
  const std::string note = m.diagnostics.all()[0].ToString();
  EXPECT_NE(note.find(":Sheet1!C2: warning [number_periods]:"), std::string::npos) << note;
  EXPECT_NE(note.find("202001 is read as yyyymm, the month 2020-01"), std::string::npos) << note;
}

// Regression: 2000 … 2019 were serials, days of 1905.
TEST(XlsxHostileTest, PlainNumberPeriodsYyyyAreYears) {
  Mapped m = ReadLongFormat({"2000", "2001", "2019"});
  ASSERT_TRUE(m.series.ok()) << AllDiagnostics(m.diagnostics);
  const Series& s = (*m.series)[0];
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.periods[0].ToIso(), "2000-01-01");
  EXPECT_EQ(s.periods[2].ToIso(), "2019-01-01");
  EXPECT_NE(AllDiagnostics(m.diagnostics).find("2000 is read as yyyy"), std::string::npos);
}

TEST(XlsxHostileTest, OtherPlainNumberPeriodsAreRefusedWithTheirCell) {
  Mapped m = ReadLongFormat({"44562", "44593"});
  EXPECT_FALSE(m.series.ok());
  ASSERT_GE(m.diagnostics.error_count(), 1u);
  const std::string first = m.diagnostics.all()[0].ToString();
  EXPECT_NE(first.find(".xlsx:Sheet1!C2: error [bad_date]: the period 44562 is a plain number"),
            std::string::npos)
      << first;
  for (const char* bad : {"202013", "189912", "1899", "20200101"}) {
    EXPECT_EQ(ReadNumberPeriod(bad).kind, NumberPeriod::Kind::kRefused) << bad;
  }
  EXPECT_EQ(ReadNumberPeriod(" 44562 ").kind, NumberPeriod::Kind::kRefused);
  EXPECT_EQ(ReadNumberPeriod(" 202001").text, "2020-01");
  EXPECT_EQ(ReadNumberPeriod("2020-01-31").kind, NumberPeriod::Kind::kNotWhole);
  EXPECT_EQ(ReadNumberPeriod("44562.5").kind, NumberPeriod::Kind::kNotWhole);
}

// Regression: cells formatted as percentages (shown 90 %, stored 0.9) were read as 0.9 with no
// note while "95%" in a CSV is refused. One rule: a percentage is refused in both.
TEST(XlsxHostileTest, PercentFormattedCellsAreRefusedAsInCsv) {
  EXPECT_TRUE(IsPercentFormat(9, ""));
  EXPECT_TRUE(IsPercentFormat(10, ""));
  EXPECT_TRUE(IsPercentFormat(164, "0.0%"));
  EXPECT_FALSE(IsPercentFormat(164, "0.0\"%\""));  // a literal per cent sign in quotes
  EXPECT_FALSE(IsPercentFormat(164, "0.0\\%"));    // an escaped one
  EXPECT_FALSE(IsPercentFormat(2, ""));
  EXPECT_EQ(PercentText("0.9"), "90%");
  EXPECT_EQ(PercentText("0.955"), "95.5%");
  EXPECT_EQ(PercentText("1.5E-2"), "1.5%");
  EXPECT_FALSE(PercentText("x").has_value());

  Mapped pct = ReadLongFormat({"202001", "202002"}, "1", {"0.9", "0.95"});
  EXPECT_FALSE(pct.series.ok());
  const std::string all = AllDiagnostics(pct.diagnostics);
  EXPECT_NE(all.find("Sheet1!D2: error [percent_value]:"), std::string::npos) << all;
  EXPECT_NE(all.find("90%"), std::string::npos) << all;
  EXPECT_NE(all.find("Sheet1!D2: warning [percent_cell]: the cell is formatted as a percentage"),
            std::string::npos)
      << all;

  // A format with a quoted "%" shows the number itself: read as written.
  Mapped quoted = ReadLongFormat({"202001", "202002"}, "3", {"90", "95"});
  ASSERT_TRUE(quoted.series.ok()) << AllDiagnostics(quoted.diagnostics);
  EXPECT_EQ((*quoted.series)[0].values[0], 90.0);
}

// A wide sheet (one column per month) whose header holds plain date serials, as a header row
// left in the General format does, and an error cell (t="e"): the serials are months (Python:
// (date(2016, 4, 1) - date(1899, 12, 30)).days == 42461, and 42491 for 1 May), said once; the
// error is a missing value with a warning naming its cell.
TEST(XlsxWideTest, SerialHeadersAndErrorCells) {
  const auto text = [](const std::string& ref, const std::string& t) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + t + "</t></is></c>";
  };
  const std::string rows = "<row r=\"1\">" + text("A1", "indicator") + text("B1", "organisation") +
                           "<c r=\"C1\"><v>42461</v></c><c r=\"D1\"><v>42491</v></c></row>"
                           "<row r=\"2\">" +
                           text("A2", "ae") + text("B2", "RF4") +
                           "<c r=\"C2\"><v>5</v></c><c r=\"D2\" t=\"e\"><v>#DIV/0!</v></c></row>";
  TempFile file(".xlsx");
  WriteZip(file.path(), OneSheet(rows));
  Diagnostics diagnostics;
  Result<std::vector<Series>> series = ReadAllSeries(file.path(), nullptr, {}, &diagnostics);
  const std::string all = AllDiagnostics(diagnostics);
  ASSERT_TRUE(series.ok()) << all;
  ASSERT_EQ(series->size(), 1u);
  const Series& s = (*series)[0];
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s.periods[0].ToIso(), "2016-04-01");
  EXPECT_EQ(s.periods[1].ToIso(), "2016-05-01");
  EXPECT_EQ(s.values[0], 5.0);
  EXPECT_TRUE(std::isnan(s.values[1]));
  EXPECT_NE(all.find("Sheet1!C1: warning [number_periods]: the period headers are plain numbers, "
                     "read as Excel date serials: 42461 is 2016-04-01"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("Sheet1!D2: warning [excel_error]: '#DIV/0!' in the 'value' column is a "
                     "spreadsheet error, read as a missing value"),
            std::string::npos)
      << all;
  // Sheet diagnostics are written with their code, as a CSV line's are.
  ASSERT_EQ(diagnostics.all().size(), 2u);
  EXPECT_EQ(diagnostics.all()[0].code, diag::kNumberPeriods);
  EXPECT_EQ(diagnostics.all()[1].code, diag::kExcelError);
}

// Regression: a 1.9 MB workbook inflating to 1.9 GB took 3.9 GB of memory.
TEST(XlsxHostileTest, ZipBombIsRefusedByItsCompressionRatioNamingThePart) {
  // 64 MiB of spaces deflate about 1000 times: past the 200 limit long before the end.
  const std::string padding(64u << 20, ' ');
  Outcome o = Read(OneSheet("<row r=\"1\"><c><v>1</v></c></row>" + padding));
  EXPECT_EQ(o.status.code(), StatusCode::kResourceExhausted);
  const std::string all = AllDiagnostics(o.diagnostics);
  EXPECT_NE(all.find("xl/worksheets/sheet1.xml in '"), std::string::npos) << all;
  EXPECT_NE(all.find("inflates more than 200 times"), std::string::npos) << all;
}

TEST(XlsxHostileTest, WholePartsHaveASizeLimitNamingThePart) {
  Parts parts = OneSheet("<row r=\"1\"><c><v>1</v></c></row>");
  parts["xl/styles.xml"] =
      std::string("<styleSheet>") + std::string(17u << 20, ' ') + "</styleSheet>";
  Outcome o = Read(parts, "", 0, /*stored=*/true);
  EXPECT_EQ(o.status.code(), StatusCode::kResourceExhausted);
  const std::string all = AllDiagnostics(o.diagnostics);
  EXPECT_NE(all.find("xl/styles.xml in '"), std::string::npos) << all;
  EXPECT_NE(all.find("is larger than 16 MiB uncompressed"), std::string::npos) << all;
}

// Regression: an 84 KB workbook with 2 million shared strings took 490 MB. Now they stream, and
// past 4,000,000 the workbook is refused by name (stored, so the ratio does not refuse it first).
TEST(XlsxHostileTest, SharedStringsHaveACountLimit) {
  std::string items;
  items.reserve(4'000'001u * 5);
  for (int i = 0; i < 4'000'001; ++i) items += "<si/>";
  Outcome o = Read(OneSheet("<row r=\"1\"><c t=\"s\"><v>0</v></c></row>", items), "", 0,
                   /*stored=*/true);
  EXPECT_EQ(o.status.code(), StatusCode::kResourceExhausted);
  const std::string all = AllDiagnostics(o.diagnostics);
  EXPECT_NE(all.find("xl/sharedStrings.xml in '"), std::string::npos) << all;
  EXPECT_NE(all.find("more than 4000000 shared strings"), std::string::npos) << all;
}

// A shared string is handed on as a view, never copied per cell, and none may be longer than a
// cell holds in Excel (32,767 characters): one long string repeated in every cell of a sheet
// cannot multiply into gigabytes.
TEST(XlsxHostileTest, SharedStringsAreViewsAndNoLongerThanACell) {
  const std::string longest(32767, 'a');
  std::string rows;
  for (int r = 1; r <= 3; ++r) {
    rows += "<row r=\"" + std::to_string(r) +
            "\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>0</v></c>"
            "</row>";
  }
  Outcome ok = Read(OneSheet(rows, "<si><t>" + longest + "</t></si>"));
  ASSERT_TRUE(ok.status.ok()) << AllDiagnostics(ok.diagnostics);
  ASSERT_EQ(ok.rows.size(), 3u);
  EXPECT_EQ(ok.rows[2].second[1], longest);

  Outcome refused = Read(OneSheet(rows, "<si><t>" + longest + "a</t></si>"));
  EXPECT_EQ(refused.status.code(), StatusCode::kResourceExhausted);
  const std::string all = AllDiagnostics(refused.diagnostics);
  EXPECT_NE(all.find("xl/sharedStrings.xml in '"), std::string::npos) << all;
  EXPECT_NE(all.find("shared string 0 has 32768 characters"), std::string::npos) << all;
}

// The sheet and the shared strings are read in chunks of about 1 MiB: rows and strings that
// cross a chunk's end, with and without a namespace prefix, all arrive, in order, intact.
TEST(XlsxHostileTest, StreamedPartsSpanManyChunks) {
  for (const std::string prefix : {"", "x:"}) {
    std::string shared, rows;
    const int n = 60000;  // ~ 3 MiB of sheet XML, ~ 2 MiB of strings
    for (int i = 0; i < n; ++i) {
      shared += "<" + prefix + "si><" + prefix + "t>text &amp; " + std::to_string(i) + "</" +
                prefix + "t></" + prefix + "si>";
      const std::string r = std::to_string(i + 1);
      rows += "<" + prefix + "row r=\"" + r + "\"><" + prefix + "c r=\"A" + r + "\" t=\"s\"><" +
              prefix + "v>" + std::to_string(n - 1 - i) + "</" + prefix + "v></" + prefix + "c><" +
              prefix + "c r=\"B" + r + "\"><" + prefix + "v>" + r + "</" + prefix + "v></" +
              prefix + "c></" + prefix + "row>";
    }
    Parts parts = OneSheet("", "", "");
    parts["xl/worksheets/sheet1.xml"] = "<?xml version=\"1.0\"?><" + prefix + "worksheet xmlns" +
                                        (prefix.empty() ? "" : ":x") + "=\"" + kMain + "\"><" +
                                        prefix + "sheetData>" + rows + "</" + prefix +
                                        "sheetData></" + prefix + "worksheet>";
    parts["xl/sharedStrings.xml"] = "<?xml version=\"1.0\"?><" + prefix + "sst xmlns" +
                                    (prefix.empty() ? "" : ":x") + "=\"" + kMain + "\">" + shared +
                                    "</" + prefix + "sst>";
    Outcome o = Read(parts);
    ASSERT_TRUE(o.status.ok()) << prefix << AllDiagnostics(o.diagnostics);
    ASSERT_EQ(o.rows.size(), static_cast<std::size_t>(n)) << prefix;
    for (int i = 0; i < n; ++i) {
      ASSERT_EQ(o.rows[i].first, i + 1);
      ASSERT_EQ(o.rows[i].second.size(), 2u);
      ASSERT_EQ(o.rows[i].second[0], "text & " + std::to_string(n - 1 - i)) << i;
      ASSERT_EQ(o.rows[i].second[1], std::to_string(i + 1));
    }
  }
}

TEST(XlsxHostileTest, TruncatedSheetIsAnError) {
  Parts parts = OneSheet("");
  parts["xl/worksheets/sheet1.xml"] =
      std::string("<worksheet><sheetData><row r=\"1\"><c><v>1</v></c></row>");
  Outcome o = Read(parts);
  EXPECT_EQ(o.status.code(), StatusCode::kCorruption);
  EXPECT_NE(AllDiagnostics(o.diagnostics).find("ends inside <sheetData>"), std::string::npos);
}

// Known limit from earlier: diagnostics named the workbook, not the sheet. They name the sheet
// and the cell as Excel does.
TEST(XlsxHostileTest, DiagnosticsNameTheSheetAndCell) {
  Mapped m = ReadLongFormat({"202001", "202002"}, "", {"12", "abc"});
  EXPECT_FALSE(m.series.ok());
  const std::string all = AllDiagnostics(m.diagnostics);
  EXPECT_NE(all.find(".xlsx:Sheet1!D3: error [bad_number]:"), std::string::npos) << all;
  Diagnostic d{Severity::kError, "book.xlsx[Data 2]", 7, 28, "m", diag::kBadNumber};
  EXPECT_EQ(d.ToString(), "book.xlsx:Data 2!AB7: error [bad_number]: m");
  d.column = 0;
  EXPECT_EQ(d.ToString(), "book.xlsx:Data 2!7:7: error [bad_number]: m");
  EXPECT_EQ(ColumnLetters(1), "A");
  EXPECT_EQ(ColumnLetters(26), "Z");
  EXPECT_EQ(ColumnLetters(27), "AA");
  EXPECT_EQ(ColumnLetters(16384), "XFD");
}

}  // namespace
}  // namespace kaizen::ingest
