// Writing output files so that a failed run leaves nothing half-written: content goes to a
// temporary file beside the target, which is renamed over it only when complete.
#ifndef KAIZEN_FILE_UTIL_H_
#define KAIZEN_FILE_UTIL_H_

#include <string>
#include <string_view>

#include "kaizen/status.h"

namespace kaizen {

// Returns InvalidArgument naming the path and the system's reason on failure; the target is
// then untouched.
Status WriteFileAtomically(const std::string& path, std::string_view content);

// A temporary path beside `path` (same directory, so rename() is atomic).
std::string TemporaryPathBeside(const std::string& path);

// Renames `temporary` over `path`, removing `temporary` on failure.
Status CommitTemporary(const std::string& temporary, const std::string& path);

}  // namespace kaizen

#endif  // KAIZEN_FILE_UTIL_H_
