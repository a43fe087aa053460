#include "ingest/name_limits.h"

namespace kaizen::ingest {

std::size_t CountCharacters(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string CheckNameLength(std::string_view what, std::string_view name) {
  // Bytes bound characters from above: most names are settled without counting.
  if (name.size() <= kMaxNameCharacters) return "";
  const std::size_t n = CountCharacters(name);
  if (n <= kMaxNameCharacters) return "";
  return std::string(what) + " is " + std::to_string(n) + " characters long (the limit is " +
         std::to_string(kMaxNameCharacters) +
         " characters; see 'Input limits' in docs/cli.md): is a column of free text mapped as "
         "a name?";
}

}  // namespace kaizen::ingest
