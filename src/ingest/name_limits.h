// The longest names kaizen accepts at import: indicator ids and names, organisation names and the
// catalogue's title. Every chart and report repeats them, and text layout (cairo's, the
// browser's) is super-linear in a string's length: 30,000 characters took 28 s to lay out as a
// PNG and 120,000 more than ten minutes. No NHS organisation or indicator name comes near the
// limit (the longest ODS organisation names are about 100 characters), so a longer one is a
// mistake in the file (a column of free text mapped as a name, a missing line break), refused
// with its line. docs/cli.md, "Input limits", lists it. The one place the limit is checked, called
// from where names are read (the long-format mapping, the catalogue reader). Pure; thread-safe.
#ifndef KAIZEN_INGEST_NAME_LIMITS_H_
#define KAIZEN_INGEST_NAME_LIMITS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace kaizen::ingest {

// In characters (Unicode code points of the UTF-8 text), not bytes.
inline constexpr std::size_t kMaxNameCharacters = 200;

// The number of code points in UTF-8 `text` (bytes that do not continue a sequence).
std::size_t CountCharacters(std::string_view text);

// "" when `name` is within kMaxNameCharacters; otherwise what is wrong, for a diagnostic:
// "the organisation name is 30000 characters long (the limit is 200: ...)". `what` names the
// field, e.g. "the organisation name".
std::string CheckNameLength(std::string_view what, std::string_view name);

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_NAME_LIMITS_H_
