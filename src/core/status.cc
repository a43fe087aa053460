#include "kaizen/status.h"

#include <cstdio>
#include <cstdlib>

namespace kaizen {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid_argument";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kFailedPrecondition:
      return "failed_precondition";
    case StatusCode::kInternal:
      return "internal";
    case StatusCode::kIOError:
      return "io_error";
    case StatusCode::kCorruption:
      return "corruption";
    case StatusCode::kUnavailable:
      return "unavailable";
    case StatusCode::kBusy:
      return "busy";
    case StatusCode::kPermissionDenied:
      return "permission_denied";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kAlreadyExists:
      return "already_exists";
    case StatusCode::kResourceExhausted:
      return "resource_exhausted";
  }
  return "unknown";  // a value cast from an integer out of range
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

namespace internal {

void DieOfValueOnError(const Status& status) {
  std::fprintf(stderr, "kaizen: Result::value() on an error: %s\n", status.ToString().c_str());
  std::abort();
}

Status OkStatusGivenToResult() { return Status::Internal("Result built from an OK status"); }

}  // namespace internal
}  // namespace kaizen
