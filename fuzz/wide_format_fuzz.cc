// libFuzzer target: arbitrary bytes through the wide-file adapter (ingest/wide_format.h): the
// CSV reader, the header's period cells (Mon-YY sequences, weeks, financial quarters), the
// reshaping into long rows and the spreadsheet forms of numbers, with the layout declared wide
// or detected. Any crash, hang or sanitizer report is a bug; diagnostics and errors are expected.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/csv/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The first byte chooses options, so the fuzzer explores each layout and number style.
  const uint8_t flags = size > 0 ? data[0] : 0;
  kaizen::ReadOptions options;
  options.lenient = (flags & 1) != 0;
  options.streaming = (flags & 2) != 0;
  options.columns.layout =
      (flags & 4) != 0 ? kaizen::TableLayout::kWide : kaizen::TableLayout::kAuto;
  options.columns.decimal = (flags & 8) != 0 ? ',' : '.';
  if ((flags & 16) != 0) options.organisation = "fuzz";
  kaizen::Catalogue catalogue;
  kaizen::Indicator percent;
  percent.id = "pct";
  percent.unit = "%";
  kaizen::Indicator count;
  count.id = "c";
  count.chart = kaizen::ChartType::kC;
  catalogue.indicators = {percent, count};
  kaizen::Diagnostics diagnostics;
  const auto result =
      kaizen::ingest::ReadCsvText(text, "fuzz.csv", (flags & 32) != 0 ? &catalogue : nullptr,
                                  options, &diagnostics, [](kaizen::Series&& series) {
                                    // Every delivered series has equal columns, sorted by period.
                                    for (std::size_t i = 1; i < series.size(); ++i) {
                                      if (series.periods[i] < series.periods[i - 1])
                                        __builtin_trap();
                                    }
                                    if (series.values.size() != series.size()) __builtin_trap();
                                    return kaizen::Status::Ok();
                                  });
  (void)result;
  return 0;
}
