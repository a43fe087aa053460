// Reading a whole input file into memory with a ceiling, for the inputs kaizen reads whole (the
// indicator catalogue, the record tables of the analysis commands): a path such as /dev/zero,
// an endless pipe or a mistaken multi-gigabyte file is refused once it passes the ceiling,
// instead of reading without bound. The limits are listed in docs/cli.md ("Input limits").
// The read itself is the Env's (kaizen/env.h), so tests may give an in-memory one.
#ifndef KAIZEN_CORE_READ_LIMITED_H_
#define KAIZEN_CORE_READ_LIMITED_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "kaizen/env.h"
#include "kaizen/status.h"

namespace kaizen {

// An indicator catalogue (TOML): real ones are a few kilobytes.
inline constexpr std::size_t kMaxCatalogueBytes = 16u << 20;
// A record table read whole by aggregate, regress, scatter and the other analysis commands.
inline constexpr std::size_t kMaxRecordTableBytes = 1u << 30;

// Reads all of `path` (a file, a device or a pipe) into *out through `env`. `what` names the
// input in messages ("the indicator catalogue"). Fails as Env::ReadFile: NotFound,
// PermissionDenied, InvalidArgument (a directory), IOError, ResourceExhausted (longer than
// `max_bytes`); *out is then unspecified.
Status ReadFileLimited(const std::string& path, std::size_t max_bytes, std::string_view what,
                       std::string* out, Env* env = Env::Default());

// The ResourceExhausted status of an input longer than its limit, with the one wording every
// Env uses: "the table 'big.csv' is longer than 1024 MiB, the limit (see ...)".
Status InputTooLong(const std::string& path, std::size_t max_bytes, std::string_view what);

}  // namespace kaizen

#endif  // KAIZEN_CORE_READ_LIMITED_H_
