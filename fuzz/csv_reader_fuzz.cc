// libFuzzer target: arbitrary bytes through the CSV reader (encoding check, sniffing,
// tokenizer) and the long-format mapping, in both the collecting and the streaming mode. Any
// crash, hang or sanitizer report is a bug; diagnostics and errors are expected.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/csv/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The first byte chooses options, so the fuzzer explores lenient and streaming paths too.
  const uint8_t flags = size > 0 ? data[0] : 0;
  kaizen::ReadOptions options;
  options.lenient = (flags & 1) != 0;
  options.streaming = (flags & 2) != 0;
  options.date_format = static_cast<kaizen::DateFormat>((flags >> 2) & 3);
  if ((flags & 16) != 0) options.indicator = "fuzz";
  kaizen::Catalogue catalogue;
  kaizen::Indicator xbar;
  xbar.id = "x";
  xbar.chart = kaizen::ChartType::kXbar;
  kaizen::Indicator p;
  p.id = "p";
  p.chart = kaizen::ChartType::kP;
  p.aggregation = kaizen::Aggregation::kSum;
  catalogue.indicators = {xbar, p};
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
