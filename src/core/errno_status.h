// The Status class of a failed system call, from its errno: one rule for every reader and
// writer that talks to the file system directly (the Env, OutputFile, the CSV reader).
#ifndef KAIZEN_CORE_ERRNO_STATUS_H_
#define KAIZEN_CORE_ERRNO_STATUS_H_

#include <string>

#include "kaizen/status.h"

namespace kaizen {

// NotFound for ENOENT and ENOTDIR (nothing at the path), PermissionDenied for EACCES, EPERM
// and EROFS (something is there, and the system refuses), IOError for anything else (EIO,
// ENOSPC, EDQUOT, EFBIG, EPIPE...).
StatusCode StatusCodeFromErrno(int error);

// A Status of StatusCodeFromErrno(error); `message` is the whole message, reason included.
Status StatusFromErrno(int error, std::string message);

}  // namespace kaizen

#endif  // KAIZEN_CORE_ERRNO_STATUS_H_
