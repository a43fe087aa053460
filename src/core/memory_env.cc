#include "kaizen/memory_env.h"

#include <utility>

#include "core/read_limited.h"

namespace kaizen {

Status MemoryEnv::ReadFile(const std::string& path, std::size_t max_bytes, std::string_view what,
                           std::string* out) {
  std::lock_guard<std::mutex> lock(mutex_);
  out->clear();
  const auto it = files_.find(path);
  if (it == files_.end()) {
    // The default Env's message for ENOENT.
    return Status::NotFound("cannot open " + std::string(what) + " '" + path +
                            "': No such file or directory");
  }
  if (it->second.size() > max_bytes) return InputTooLong(path, max_bytes, what);
  *out = it->second;
  return Status::Ok();
}

Status MemoryEnv::WriteFileAtomically(const std::string& path, std::string_view content) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (read_only_.count(path) != 0) {
    return Status::PermissionDenied(path + ": cannot write the file (read-only)");
  }
  files_[path] = std::string(content);
  return Status::Ok();
}

bool MemoryEnv::FileExists(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  return files_.count(path) != 0;
}

Date MemoryEnv::Today() {
  std::lock_guard<std::mutex> lock(mutex_);
  return today_;
}

void MemoryEnv::SetToday(Date today) {
  std::lock_guard<std::mutex> lock(mutex_);
  today_ = today;
}

void MemoryEnv::MakeReadOnly(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  read_only_.insert(path);
}

}  // namespace kaizen
