// Env: everything kaizen asks of the outside world — reading a whole file, writing one
// atomically, asking whether a path exists, and today's date — behind one interface, as
// leveldb's Env. Code that takes an `Env*` can be tested against an in-memory world
// (kaizen/memory_env.h) with a clock set by the test; the workspace and the server use it the
// same way.
//
// Env::Default() is the POSIX one: a process-lifetime singleton, never destroyed, safe to use
// from any thread. An implementation must be safe for concurrent use by several threads.
//
// Not behind Env: the streaming CSV reader (src/ingest/csv) opens and maps its file itself,
// because its speed on multi-gigabyte files matters (issue 13); the xlsx reader, whose libzip
// needs a path or a descriptor; and OutputFile's streaming writes (kaizen/file_util.h), which
// PNG and PDF output use. Those read and write through the same POSIX rules as the default
// Env.
#ifndef KAIZEN_ENV_H_
#define KAIZEN_ENV_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "kaizen/date.h"
#include "kaizen/status.h"

namespace kaizen {

class Env {
 public:
  Env() = default;
  Env(const Env&) = delete;
  Env& operator=(const Env&) = delete;
  virtual ~Env();

  // The POSIX Env: the real file system and the system clock. Never null; never deleted.
  static Env* Default();

  // Reads all of `path` (a file, a device or a pipe) into *out. `what` names the input in
  // messages ("the indicator catalogue"). Returns NotFound when nothing is at the path,
  // PermissionDenied when it may not be read, InvalidArgument when it is a directory, IOError
  // when reading fails, ResourceExhausted when it is longer than `max_bytes` (the message
  // gives the limit and points to docs/cli.md, "Input limits"); *out is then unspecified.
  virtual Status ReadFile(const std::string& path, std::size_t max_bytes, std::string_view what,
                          std::string* out) = 0;

  // Replaces `path` with `content` so that a reader sees the old file or the new one, never a
  // part (POSIX: OutputFile's rules, kaizen/file_util.h). Returns PermissionDenied when the
  // path may not be written (read-only, a refused link, not a regular file or a device),
  // NotFound when its directory does not exist and IOError when the system fails the write
  // (a full disk); the old content is then untouched.
  virtual Status WriteFileAtomically(const std::string& path, std::string_view content) = 0;

  // True when something (a file, a directory, a device) is at `path`; a dangling link is not.
  virtual bool FileExists(const std::string& path) = 0;

  // Today's calendar date in UTC, for "is this series stale?" when no --as-of is given.
  virtual Date Today() = 0;
};

}  // namespace kaizen

#endif  // KAIZEN_ENV_H_
