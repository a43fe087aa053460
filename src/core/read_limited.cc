#include "core/read_limited.h"

namespace kaizen {
namespace {

std::string Size(std::size_t bytes) {
  return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MiB"
                             : std::to_string(bytes) + " bytes";
}

}  // namespace

Status ReadFileLimited(const std::string& path, std::size_t max_bytes, std::string_view what,
                       std::string* out, Env* env) {
  return env->ReadFile(path, max_bytes, what, out);
}

Status InputTooLong(const std::string& path, std::size_t max_bytes, std::string_view what) {
  return Status::ResourceExhausted(std::string(what) + " '" + path + "' is longer than " +
                                   Size(max_bytes) +
                                   ", the limit (see 'Input limits' in docs/cli.md)");
}

}  // namespace kaizen
