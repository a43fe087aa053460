// Writing output so that a run never loses data, never leaves a half-written file and never
// writes where it should not. The one place kaizen opens an output: every writer (HTML, SVG,
// PNG, PDF, JSON, CSV) goes through OutputFile or WriteToStandardOutput.
//
// What OutputFile::Open does depends on what is at the path (docs/cli.md, "Output"):
//  - nothing, or a regular file the user may write: the content goes to a new temporary in the
//    same directory (an unpredictable name created with O_CREAT|O_EXCL|O_NOFOLLOW, so nothing
//    planted there is followed or reused), with the permissions of the file it replaces; Commit
//    flushes it to disk and renames it over the target. Until then the old file is untouched.
//  - a symbolic link to a regular file: the same, beside the link's target, so the link stays.
//    As the kernel does (fs.protected_symlinks), a link in a shared sticky directory such as
//    /tmp is followed only if it belongs to the user or to the directory's owner. A link to the
//    file open as standard output (/dev/stdout >> log) writes standard output instead.
//  - a character device or a FIFO (/dev/null, /dev/stdout, a terminal, a pipe): written to
//    directly; nothing is renamed over it.
//  - anything else (a directory, a block device, a socket, a dangling link) or a read-only
//    file: refused.
// A temporary is removed on failure, by the destructor of an uncommitted OutputFile, and on
// SIGINT, SIGTERM or SIGHUP.
//
// Failures name their class (kaizen/status.h): PermissionDenied when kaizen refuses the path
// (the cases above) or the system does (EACCES, EPERM, EROFS), NotFound when the directory
// does not exist, IOError for any other failure of the system (a full disk, a quota, EIO).
// Never FailedPrecondition or InvalidArgument, which are about the input, not the output.
//
// Not thread-safe per object; distinct objects may be used from different threads.
#ifndef KAIZEN_FILE_UTIL_H_
#define KAIZEN_FILE_UTIL_H_

#include <string>
#include <string_view>

#include "kaizen/env.h"
#include "kaizen/status.h"

struct stat;

namespace kaizen {

class OutputFile {
 public:
  OutputFile() = default;
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();  // an uncommitted temporary is removed

  // Returns PermissionDenied, NotFound or IOError naming the path and the reason when it
  // cannot be written there (see above); nothing is created then.
  Status Open(const std::string& path);

  // Appends `bytes`. Returns IOError with the system's reason (disk full, quota, file size
  // limit); the temporary is then removed and later calls fail too (IOError).
  Status Write(std::string_view bytes);

  // Makes the output visible: flushes it to disk and renames the temporary over the target
  // (or closes the device). Returns IOError when that fails; the target is then untouched (a
  // device may have received part of the output).
  Status Commit();

 private:
  // Open's steps. FollowLink resolves a link in *info (and may open standard output);
  // CreateTemporary copies the permissions of `replaced` when there is one.
  Status FollowLink(struct stat* info);
  Status OpenDevice();
  Status CreateTemporary(const struct stat* replaced);
  // Fail removes the temporary and returns `code` with "PATH: cannot write the file (reason)";
  // FailFromErrno takes the code and the reason from errno; Refuse is kaizen's own refusal.
  Status Fail(StatusCode code, const std::string& reason);
  Status FailFromErrno(const std::string& context = "");
  Status Refuse(const std::string& reason);
  void RemoveTemporary();

  std::string path_;       // as given, for messages
  std::string target_;     // what Commit renames over (a link's target); empty for a device
  std::string temporary_;  // empty when writing to a device
  int fd_ = -1;
  int cleanup_slot_ = -1;
  bool failed_ = false;
};

// Writes `content` to `path` through `env` (the default Env: through OutputFile). Fails as
// OutputFile does; the target is then untouched.
Status WriteFileAtomically(const std::string& path, std::string_view content,
                           Env* env = Env::Default());

// Writes all of `content` to standard output (after anything stdio buffered), retrying short
// writes. Returns IOError "standard output: cannot write (reason)" on failure.
Status WriteToStandardOutput(std::string_view content);

}  // namespace kaizen

#endif  // KAIZEN_FILE_UTIL_H_
