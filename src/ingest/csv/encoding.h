// Text encodings of CSV files: UTF-8 validation, and Windows-1252 (what Excel on Windows saves
// as "CSV") decoded to UTF-8. Pure functions and a small value type; safe from any thread.
#ifndef KAIZEN_INGEST_CSV_ENCODING_H_
#define KAIZEN_INGEST_CSV_ENCODING_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace kaizen::ingest {

// Checks UTF-8 fed in pieces (a sequence may straddle two pieces). Rejects overlong forms,
// surrogates and code points above U+10FFFF (RFC 3629).
class Utf8Validator {
 public:
  // Returns false at the first invalid byte; the validator then stays invalid.
  bool Feed(std::string_view bytes);
  // True when everything fed is valid and no sequence is left incomplete.
  bool Finish() const { return valid_ && pending_ == 0; }
  // Offset (from the first byte fed) of the first invalid byte, when !Finish().
  std::size_t error_offset() const { return error_offset_; }

 private:
  bool valid_ = true;
  int pending_ = 0;           // continuation bytes still expected
  unsigned char low_ = 0x80;  // the range allowed for the next continuation byte
  unsigned char high_ = 0xBF;
  std::size_t offset_ = 0;
  std::size_t error_offset_ = 0;
};

// Appends the UTF-8 form of Windows-1252 `bytes` to *out (WHATWG encoding standard mapping;
// the five unassigned bytes map to the C1 controls of the same value).
void AppendWindows1252AsUtf8(std::string_view bytes, std::vector<char>* out);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_CSV_ENCODING_H_
