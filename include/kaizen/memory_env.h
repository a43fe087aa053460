// MemoryEnv: an Env whose files live in a map and whose clock says what the test sets, for
// the tests of anything that takes an `Env*` (the CLI's staleness, the workspace, the server).
//
// Paths are plain keys: no directories, links or permissions. Safe for concurrent use (one
// mutex); owned by the test that creates it.
#ifndef KAIZEN_MEMORY_ENV_H_
#define KAIZEN_MEMORY_ENV_H_

#include <map>
#include <mutex>
#include <set>
#include <string>

#include "kaizen/env.h"

namespace kaizen {

class MemoryEnv final : public Env {
 public:
  explicit MemoryEnv(Date today) : today_(today) {}

  // ReadFile: NotFound for a path never written, ResourceExhausted beyond `max_bytes` (with
  // the default Env's messages).
  Status ReadFile(const std::string& path, std::size_t max_bytes, std::string_view what,
                  std::string* out) override;
  // Always succeeds (there is no disk to fill) unless the path was made read-only.
  Status WriteFileAtomically(const std::string& path, std::string_view content) override;
  bool FileExists(const std::string& path) override;
  Date Today() override;

  void SetToday(Date today);
  // Later writes to `path` fail with PermissionDenied, as a read-only file would.
  void MakeReadOnly(const std::string& path);

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> files_;
  std::set<std::string> read_only_;
  Date today_;
};

}  // namespace kaizen

#endif  // KAIZEN_MEMORY_ENV_H_
