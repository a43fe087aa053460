// libFuzzer target for the .xlsx sheet reader: the input bytes are written to a file and read as
// a workbook. Any input must give rows or diagnostics, never a crash, a hang or a sanitizer
// report. Mutations of a zip rarely stay a zip, so the corpus is seeded with small workbooks
// (fuzz/seeds/xlsx_reader_fuzz, written by scripts/make-xlsx-fixtures.py, and hostile.xlsx and
// prefixed.xlsx: percent styles, plain-number periods, x: prefixes, self-closing items).
//
// Built by `make fuzz` (CMake preset "fuzz"), or by hand:
//   clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address -Iinclude -Isrc \
//     fuzz/xlsx_reader_fuzz.cc src/ingest/xlsx/xlsx_reader.cc src/ingest/xlsx/xlsx_cells.cc \
//     src/core/date.cc src/core/diagnostics.cc -lzip -lpugixml -o /tmp/xlsx_fuzz &&
//   /tmp/xlsx_fuzz -max_total_time=30 fuzz/seeds/xlsx_reader_fuzz
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>

#include "ingest/xlsx/xlsx_reader.h"

namespace {

class CountingSink : public kaizen::ingest::RowSink {
 public:
  kaizen::Status OnRow(int, std::span<const std::string_view> fields) override {
    for (std::string_view f : fields) bytes_ += f.size();  // touch every view while it is valid
    return kaizen::Status::Ok();
  }
  kaizen::Status OnBadRow(std::string_view, int, int, std::string message) override {
    bytes_ += message.size();
    return kaizen::Status::Ok();
  }
  // Column A holds periods, so plain numbers there take the period rules (ReadNumberPeriod).
  int PeriodColumn() const override { return 1; }

 private:
  std::size_t bytes_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/kaizen_xlsx_fuzz_" + std::to_string(::getpid()) + ".xlsx";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  kaizen::Diagnostics diagnostics;
  CountingSink sink;
  (void)kaizen::ingest::ReadXlsxRows(path, "", &diagnostics, sink);
  return 0;
}
