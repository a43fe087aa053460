#include "core/read_limited.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace kaizen {
namespace {

std::string Size(std::size_t bytes) {
  return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MiB"
                             : std::to_string(bytes) + " bytes";
}

}  // namespace

Status ReadFileLimited(const std::string& path, std::size_t max_bytes, std::string_view what,
                       std::string* out) {
  out->clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::NotFound("cannot open " + std::string(what) + " '" + path +
                            "': " + std::strerror(errno));
  }
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
    ::close(fd);
    return Status::InvalidArgument(std::string(what) + " '" + path +
                                   "' is a directory (expected a file)");
  }
  std::vector<char> block(1 << 16);
  for (;;) {
    const ssize_t n = ::read(fd, block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      return Status::InvalidArgument("cannot read " + std::string(what) + " '" + path +
                                     "': " + reason);
    }
    if (n == 0) break;
    if (out->size() + static_cast<std::size_t>(n) > max_bytes) {
      ::close(fd);
      out->clear();
      return Status::InvalidArgument(std::string(what) + " '" + path + "' is longer than " +
                                     Size(max_bytes) +
                                     ", the limit (see 'Input limits' in docs/cli.md)");
    }
    out->append(block.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  return Status::Ok();
}

}  // namespace kaizen
