#include "kaizen/file_util.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace kaizen {

std::string TemporaryPathBeside(const std::string& path) {
  return path + ".tmp-" + std::to_string(::getpid());
}

Status CommitTemporary(const std::string& temporary, const std::string& path) {
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(temporary.c_str());
    return Status::InvalidArgument(path + ": cannot write the file (" + reason + ")");
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  const std::string temporary = TemporaryPathBeside(path);
  std::FILE* f = std::fopen(temporary.c_str(), "wb");
  if (!f)
    return Status::InvalidArgument(path + ": cannot write the file (" + std::strerror(errno) + ")");
  const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) {
    std::remove(temporary.c_str());
    return Status::InvalidArgument(path + ": cannot write the file (disk full?)");
  }
  return CommitTemporary(temporary, path);
}

}  // namespace kaizen
