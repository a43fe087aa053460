#include "core/errno_status.h"

#include <cerrno>
#include <utility>

namespace kaizen {

StatusCode StatusCodeFromErrno(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return StatusCode::kNotFound;
    case EACCES:
    case EPERM:
    case EROFS:
      return StatusCode::kPermissionDenied;
    default:
      return StatusCode::kIOError;
  }
}

Status StatusFromErrno(int error, std::string message) {
  return {StatusCodeFromErrno(error), std::move(message)};
}

}  // namespace kaizen
