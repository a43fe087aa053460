// The POSIX Env: Env::Default().
#include "kaizen/env.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <vector>

#include "core/errno_status.h"
#include "core/read_limited.h"
#include "kaizen/file_util.h"

namespace kaizen {
namespace {

// Closes a descriptor on every return path.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

class PosixEnv final : public Env {
 public:
  Status ReadFile(const std::string& path, std::size_t max_bytes, std::string_view what,
                  std::string* out) override;
  Status WriteFileAtomically(const std::string& path, std::string_view content) override;
  bool FileExists(const std::string& path) override;
  Date Today() override;
};

Status PosixEnv::ReadFile(const std::string& path, std::size_t max_bytes, std::string_view what,
                          std::string* out) {
  out->clear();
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    const int error = errno;
    return StatusFromErrno(
        error, "cannot open " + std::string(what) + " '" + path + "': " + std::strerror(error));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) == 0 && S_ISDIR(info.st_mode)) {
    return Status::InvalidArgument(std::string(what) + " '" + path +
                                   "' is a directory (expected a file)");
  }
  // A device or a pipe has no size to check first: the limit is applied as the bytes come.
  std::vector<char> block(1 << 16);
  for (;;) {
    const ssize_t n = ::read(fd.get(), block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      return StatusFromErrno(
          error, "cannot read " + std::string(what) + " '" + path + "': " + std::strerror(error));
    }
    if (n == 0) return Status::Ok();
    if (out->size() + static_cast<std::size_t>(n) > max_bytes) {
      out->clear();
      return InputTooLong(path, max_bytes, what);
    }
    out->append(block.data(), static_cast<std::size_t>(n));
  }
}

Status PosixEnv::WriteFileAtomically(const std::string& path, std::string_view content) {
  OutputFile file;
  KAIZEN_RETURN_IF_ERROR(file.Open(path));
  KAIZEN_RETURN_IF_ERROR(file.Write(content));
  return file.Commit();
}

bool PosixEnv::FileExists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

Date PosixEnv::Today() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  // FromCivil cannot fail on a day the C library produced.
  return Date::FromCivil(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday).value();
}

}  // namespace

Env::~Env() = default;

Env* Env::Default() {
  // Built once, thread-safely (a function-local static), and never destroyed, so that a
  // thread still running at exit never uses a destroyed Env.
  static Env* const env = new PosixEnv;
  return env;
}

}  // namespace kaizen
