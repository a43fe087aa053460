// libFuzzer target for the streamed XML of a workbook: the input is the sheet part, then a NUL
// byte, then the shared strings part, placed (stored, not deflated) in an otherwise valid
// workbook. Mutating a whole zip (xlsx_reader_fuzz) rarely gets past the archive's checksums, so
// this target reaches the chunked reading of rows and strings (ChildChunks in
// ingest/xlsx/xlsx_reader.cc) directly. Any input must give rows or diagnostics, never a crash, a
// hang or a sanitizer report, and rows must arrive in ascending row order.
#include <unistd.h>
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "ingest/xlsx/xlsx_reader.h"

namespace {

class CheckingSink : public kaizen::ingest::RowSink {
 public:
  kaizen::Status OnRow(int line, std::span<const std::string_view> fields) override {
    if (line <= last_line_) __builtin_trap();  // rows ascend (ECMA-376 18.3.1.73)
    last_line_ = line;
    for (std::string_view f : fields) bytes_ += f.size();
    return kaizen::Status::Ok();
  }
  kaizen::Status OnBadRow(std::string_view, int line, int, std::string message) override {
    if (line <= last_line_) __builtin_trap();
    last_line_ = line;
    bytes_ += message.size();
    return kaizen::Status::Ok();
  }
  int PeriodColumn() const override { return 1; }

 private:
  int last_line_ = 0;
  std::size_t bytes_ = 0;
};

constexpr char kWorkbook[] =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
constexpr char kRels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"w\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
constexpr char kStyles[] =
    "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/></numFmts><cellXfs>"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"9\"/><xf numFmtId=\"164\"/>"
    "</cellXfs></styleSheet>";

bool Add(zip_t* z, const char* name, std::string_view content) {
  zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
  if (src == nullptr) return false;
  const zip_int64_t index = zip_file_add(z, name, src, ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(src);
    return false;
  }
  return zip_set_file_compression(z, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path =
      "/tmp/kaizen_xlsx_sheet_fuzz_" + std::to_string(::getpid()) + ".xlsx";
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string_view sheet = input.substr(0, nul);
  const std::string_view shared =
      nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (z == nullptr) return 0;
  if (!Add(z, "xl/workbook.xml", kWorkbook) || !Add(z, "xl/_rels/workbook.xml.rels", kRels) ||
      !Add(z, "xl/styles.xml", kStyles) || !Add(z, "xl/worksheets/sheet1.xml", sheet) ||
      (nul != std::string_view::npos && !Add(z, "xl/sharedStrings.xml", shared))) {
    zip_discard(z);
    return 0;
  }
  if (zip_close(z) != 0) {
    zip_discard(z);
    return 0;
  }
  kaizen::Diagnostics diagnostics;
  CheckingSink sink;
  (void)kaizen::ingest::ReadXlsxRows(path, "", &diagnostics, sink);
  return 0;
}
