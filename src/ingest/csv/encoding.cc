#include "ingest/csv/encoding.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace kaizen::ingest {

bool Utf8Validator::Feed(std::string_view bytes) {
  if (!valid_) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (pending_ == 0) {
      // Eight ASCII bytes at a time: most health data files are ASCII throughout.
      while (i + 8 <= n) {
        uint64_t word;
        std::memcpy(&word, p + i, 8);
        if (word & 0x8080808080808080ULL) break;
        i += 8;
      }
      if (i == n) break;
      const unsigned char c = p[i];
      if (c < 0x80) {
        ++i;
        continue;
      }
      // Lead bytes and the range of the first continuation byte (RFC 3629, section 4).
      low_ = 0x80;
      high_ = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        pending_ = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        pending_ = 2;
        if (c == 0xE0) low_ = 0xA0;
        if (c == 0xED) high_ = 0x9F;
      } else if (c >= 0xF0 && c <= 0xF4) {
        pending_ = 3;
        if (c == 0xF0) low_ = 0x90;
        if (c == 0xF4) high_ = 0x8F;
      } else {
        valid_ = false;
        error_offset_ = offset_ + i;
        return false;
      }
      ++i;
      continue;
    }
    const unsigned char c = p[i];
    if (c < low_ || c > high_) {
      valid_ = false;
      error_offset_ = offset_ + i;
      return false;
    }
    low_ = 0x80;
    high_ = 0xBF;
    --pending_;
    ++i;
  }
  offset_ += n;
  if (pending_ > 0) error_offset_ = offset_;
  return true;
}

void AppendWindows1252AsUtf8(std::string_view bytes, std::vector<char>* out) {
  // Bytes 0x80..0x9F; the rest of the upper half is ISO 8859-1 (U+00A0..U+00FF).
  static constexpr std::array<uint16_t, 32> kHigh = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out->push_back(ch);
      continue;
    }
    const uint32_t cp = c < 0xA0 ? kHigh[c - 0x80] : c;
    if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
}

}  // namespace kaizen::ingest
