// Reading a whole input file into memory with a ceiling, for the inputs kaizen reads whole (the
// indicator catalogue, the record tables of the analysis commands): a path such as /dev/zero,
// an endless pipe or a mistaken multi-gigabyte file is refused once it passes the ceiling,
// instead of reading without bound. The limits are listed in docs/cli.md ("Input limits").
// Pure apart from the read; safe from any thread.
#ifndef KAIZEN_CORE_READ_LIMITED_H_
#define KAIZEN_CORE_READ_LIMITED_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "kaizen/status.h"

namespace kaizen {

// An indicator catalogue (TOML): real ones are a few kilobytes.
inline constexpr std::size_t kMaxCatalogueBytes = 16u << 20;
// A record table read whole by aggregate, regress, scatter and the other analysis commands.
inline constexpr std::size_t kMaxRecordTableBytes = 1u << 30;

// Reads all of `path` (a file, a device or a pipe) into *out. `what` names the input in
// messages ("the indicator catalogue"). Returns NotFound when it cannot be opened,
// InvalidArgument when it is a directory, cannot be read or is longer than `max_bytes` (the
// message gives the limit); *out is then unspecified.
Status ReadFileLimited(const std::string& path, std::size_t max_bytes, std::string_view what,
                       std::string* out);

}  // namespace kaizen

#endif  // KAIZEN_CORE_READ_LIMITED_H_
