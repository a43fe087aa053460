// libFuzzer target for the indicator catalogue reader (TOML). Any input must give a Catalogue or
// diagnostics, never a crash, a hang or a sanitizer report; and a result that parsed must have
// every indicator findable by its id (the reader drops duplicates and id-less tables).
//
// Built by `make fuzz` (CMake preset "fuzz"; seeds in fuzz/seeds/catalogue_fuzz), or by hand as
// below. Link the toml++ library that kaizen links (Debian's, -DTOML_HEADER_ONLY=0): the
// header-only build compiles toml++ 3.3's internal assertions in, and some of them fire on
// malformed input inside toml++ itself (for example "a = 2022-03-01 1"), which would stop the
// fuzzer on a third-party bug.
//   clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address -Iinclude -Isrc \
//     -DTOML_HEADER_ONLY=0 -DTOML_SHARED_LIB=1 fuzz/catalogue_fuzz.cc \
//     src/ingest/toml/catalogue.cc src/model/catalogue.cc src/model/indicator.cc \
//     src/core/date.cc src/core/diagnostics.cc src/spc/profile_parameters.cc \
//     src/spc/profiles.cc src/spc/names.cc -ltomlplusplus -o /tmp/cat_fuzz &&
//   /tmp/cat_fuzz -max_total_time=30
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kaizen/catalogue.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kaizen::Diagnostics diagnostics;
  kaizen::Result<kaizen::Catalogue> catalogue =
      kaizen::ParseCatalogue(text, "fuzz.toml", &diagnostics);
  if (catalogue.ok()) {
    if (diagnostics.has_errors()) std::abort();  // errors must fail the parse
    for (const kaizen::Indicator& indicator : catalogue->indicators) {
      if (catalogue->Find(indicator.id) != &indicator) std::abort();
    }
  } else if (!diagnostics.has_errors()) {
    std::abort();  // a failed parse must say why
  }
  return 0;
}
