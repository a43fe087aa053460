#include "kaizen/file_util.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

#include "core/errno_status.h"
#include "core/temporary_cleanup.h"

namespace kaizen {
namespace {

std::string SystemReason() { return std::strerror(errno); }

std::string ParentOf(const std::string& path) {
  const std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

// 12 characters from 62: about 71 bits, so another user cannot guess the name to plant a file
// or a link there first (O_EXCL refuses it anyway; the randomness keeps that from being a
// denial of service).
std::string RandomSuffix() {
  static constexpr char kAlphabet[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char bytes[12];
  if (::getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    std::random_device device;
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(device());
  }
  std::string suffix;
  for (unsigned char b : bytes) suffix += kAlphabet[b % (sizeof kAlphabet - 1)];
  return suffix;
}

// The kernel's fs.protected_symlinks rule, which realpath() (readlink) does not apply: in a
// sticky world-writable directory (/tmp), follow a link only if it is ours or the directory's
// owner's, so another user cannot aim our output at a file of ours.
bool MayFollow(const std::string& link, const struct stat& link_info) {
  struct stat dir {};
  if (::stat(ParentOf(link).c_str(), &dir) != 0) return false;
  const bool shared = (dir.st_mode & S_ISVTX) && (dir.st_mode & S_IWOTH);
  return !shared || link_info.st_uid == ::geteuid() || link_info.st_uid == dir.st_uid;
}

// True when `info` is the file open as standard output (reached through /dev/stdout).
bool IsStandardOutput(const struct stat& info) {
  struct stat out {};
  return ::fstat(STDOUT_FILENO, &out) == 0 && out.st_dev == info.st_dev &&
         out.st_ino == info.st_ino;
}

bool IsDevice(const struct stat& info) { return S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode); }

}  // namespace

OutputFile::~OutputFile() {
  RemoveTemporary();
  if (fd_ >= 0) ::close(fd_);
}

void OutputFile::RemoveTemporary() {
  if (temporary_.empty()) return;
  ::unlink(temporary_.c_str());
  internal::DisarmTemporaryCleanup(cleanup_slot_);
  cleanup_slot_ = -1;
  temporary_.clear();
}

Status OutputFile::Fail(StatusCode code, const std::string& reason) {
  failed_ = true;
  RemoveTemporary();
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  return {code, path_ + ": cannot write the file (" + reason + ")"};
}

// Read before anything else can change errno (RemoveTemporary's unlink).
Status OutputFile::FailFromErrno(const std::string& context) {
  const int error = errno;
  return Fail(StatusCodeFromErrno(error), context + std::strerror(error));
}

Status OutputFile::Refuse(const std::string& reason) {
  return Fail(StatusCode::kPermissionDenied, reason);
}

Status OutputFile::Open(const std::string& path) {
  path_ = path;
  target_ = path;
  struct stat info {};
  const bool exists = ::lstat(path.c_str(), &info) == 0;
  if (!exists && errno != ENOENT) return FailFromErrno();
  if (!exists) return CreateTemporary(nullptr);
  if (S_ISLNK(info.st_mode)) {
    if (Status st = FollowLink(&info); !st.ok() || fd_ >= 0) return st;
  }
  if (IsDevice(info)) return OpenDevice();
  if (S_ISDIR(info.st_mode)) return Refuse("it is a directory");
  if (!S_ISREG(info.st_mode)) return Refuse("not a regular file, a character device or a FIFO");
  // access() alone would let root replace a file whose owner made it read-only.
  if (::access(target_.c_str(), W_OK) != 0 || (info.st_mode & 0222) == 0)
    return Refuse("the file is read-only; make it writable or choose another name");
  return CreateTemporary(&info);
}

Status OutputFile::FollowLink(struct stat* info) {
  if (!MayFollow(path_, *info))
    return Refuse("a symbolic link owned by another user in a shared directory");
  if (::stat(path_.c_str(), info) != 0) return Refuse("a symbolic link to a missing file");
  if (!S_ISREG(info->st_mode)) return Status::Ok();  // a device or worse: Open decides
  if (IsStandardOutput(*info)) {
    // `-o /dev/stdout >> log.csv`: write where the shell pointed it, with its append mode,
    // instead of replacing the file.
    fd_ = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 0);
    target_.clear();
    return fd_ >= 0 ? Status::Ok() : FailFromErrno();
  }
  char resolved[PATH_MAX];
  if (!::realpath(path_.c_str(), resolved)) return FailFromErrno();
  target_ = resolved;
  return Status::Ok();
}

Status OutputFile::OpenDevice() {
  target_.clear();
  // No O_TRUNC and no O_CREAT: nothing is made or cut short if the path changed since lstat.
  fd_ = ::open(path_.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd_ < 0) return FailFromErrno();
  struct stat info {};
  if (::fstat(fd_, &info) != 0 || !IsDevice(info))
    return Refuse("it changed while being opened");  // never write into a file in place
  return Status::Ok();
}

Status OutputFile::CreateTemporary(const struct stat* replaced) {
  for (int attempt = 0; attempt < 100 && fd_ < 0; ++attempt) {
    const std::string candidate = target_ + ".tmp-" + RandomSuffix();
    // Armed before the file exists: a signal between creating it and arming the cleanup would
    // leave it behind (seen in the SIGTERM test). The name is unpredictable, so a file that
    // already has it is no one's but an attacker's, and removing it on a signal harms no one.
    const int slot = internal::ArmTemporaryCleanup(candidate);
    // 0666 less the umask for a new file, as any other program would create it.
    fd_ = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    const int open_error = errno;
    if (fd_ >= 0) {
      temporary_ = candidate;
      cleanup_slot_ = slot;
      continue;
    }
    internal::DisarmTemporaryCleanup(slot);
    errno = open_error;
    if (errno != EEXIST) {
      // Usually a directory the user may not write: the file itself may well be writable.
      return FailFromErrno("cannot create a file in " + ParentOf(target_) + ": ");
    }
  }
  if (fd_ < 0) return Fail(StatusCode::kIOError, "no unused temporary name beside it");
  // The replacement keeps the old file's permissions (a report readable only by its team).
  if (replaced && ::fchmod(fd_, replaced->st_mode & 0777) != 0) return FailFromErrno();
  return Status::Ok();
}

// A call after a failure gives no reason: the first failure gave it.
Status OutputFile::Write(std::string_view bytes) {
  if (failed_ || fd_ < 0) return Status::IOError(path_ + ": cannot write the file");
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FailFromErrno();
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::Ok();
}

Status OutputFile::Commit() {
  if (failed_ || fd_ < 0) return Status::IOError(path_ + ": cannot write the file");
  // Some file systems (NFS, quotas) report a full disk only here: check both.
  if (!temporary_.empty() && ::fsync(fd_) != 0) return FailFromErrno();
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return FailFromErrno();
  if (temporary_.empty()) return Status::Ok();
  if (::rename(temporary_.c_str(), target_.c_str()) != 0) return FailFromErrno();
  internal::DisarmTemporaryCleanup(cleanup_slot_);
  cleanup_slot_ = -1;
  temporary_.clear();
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view content, Env* env) {
  return env->WriteFileAtomically(path, content);
}

Status WriteToStandardOutput(std::string_view content) {
  auto failure = [] {
    return Status::IOError("standard output: cannot write (" + SystemReason() + ")");
  };
  if (std::fflush(stdout) != 0) return failure();
  while (!content.empty()) {
    const ssize_t n = ::write(STDOUT_FILENO, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return failure();
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::Ok();
}

}  // namespace kaizen
