// Status and Result<T>: how every fallible kaizen function reports failure.
//
// No exception crosses include/kaizen/. A function that can fail returns Status (no value)
// or Result<T> (a value or a Status). Both are plain values: cheap to move, safe to copy,
// no shared state, so they may be passed between threads freely.
//
// The code names the class of failure so that a caller (the CLI's exit code, the HTTP API's
// status, a user's script) can branch on it; the message says what failed for a person.
// StatusCodeName gives each code a stable lower_snake name (docs/api.md, "Status codes").
#ifndef KAIZEN_STATUS_H_
#define KAIZEN_STATUS_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kaizen {

// Codes are never renumbered or renamed (their names are an interface); a new class of
// failure gets a new code at the end. kLastStatusCode names the last one.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input makes no sense (a bad value, an unknown name)
  kNotFound,            // a named thing (profile, indicator, file) does not exist
  kFailedPrecondition,  // the input is valid but the operation cannot apply to it (no points)
  kInternal,            // a bug in kaizen: please report it
  kIOError,             // the system failed a read or a write (disk full, EIO, a closed pipe)
  kCorruption,          // stored data is damaged (a workbook or a workspace that cannot be read)
  kUnavailable,         // a service (database, server) cannot be reached now: retrying may help
  kBusy,                // a resource is locked by another user or process: retry later
  kPermissionDenied,    // the caller may not do this here (a read-only file, a refused path)
  kUnauthenticated,     // the caller did not prove who they are (HTTP API, workspace)
  kAlreadyExists,       // the thing to create exists already (a workspace, a user name)
  kResourceExhausted,   // an input or a request beyond a documented limit (docs/cli.md)
};
inline constexpr StatusCode kLastStatusCode = StatusCode::kResourceExhausted;

// "ok", "invalid_argument", "io_error", ...: the code's stable name. Never empty; an
// out-of-range value is "unknown".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status FailedPrecondition(std::string m) {
    return {StatusCode::kFailedPrecondition, std::move(m)};
  }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
  static Status IOError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status Busy(std::string m) { return {StatusCode::kBusy, std::move(m)}; }
  static Status PermissionDenied(std::string m) {
    return {StatusCode::kPermissionDenied, std::move(m)};
  }
  static Status Unauthenticated(std::string m) {
    return {StatusCode::kUnauthenticated, std::move(m)};
  }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "io_error: report.html: cannot write the file (No space left on device)"; "ok" when ok.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

namespace internal {
// Prints "kaizen: Result::value() on an error: <status>" to standard error and aborts. Out of
// line so that this header needs no <cstdio>.
[[noreturn]] void DieOfValueOnError(const Status& status);
// The Status that a Result built from an OK status holds instead (see Result).
Status OkStatusGivenToResult();
}  // namespace internal

// A value of type T, or the Status saying why there is none.
//
// Built from an OK status (a bug: there is neither a value nor a reason), a Result holds
// kInternal "Result built from an OK status" instead, as abseil's StatusOr does, in every
// build: the caller then sees a failure it reports (exit 1, HTTP 500) rather than a server or
// a batch run dying for one bad request, and ok() stays true only when there is a value.
//
// value() on an error is a checked precondition in every build: it prints the status and
// aborts (never a std::bad_variant_access that nothing catches, or a garbage value).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status)                         // NOLINT: implicit by design
      : data_(status.ok() ? internal::OkStatusGivenToResult() : std::move(status)) {}

  bool ok() const { return std::holds_alternative<T>(data_); }
  // The status: Ok() when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }
  // Precondition: ok(); otherwise the process aborts with the status on standard error.
  const T& value() const& { return CheckedValue(*this); }
  T& value() & { return CheckedValue(*this); }
  T&& value() && { return std::move(CheckedValue(*this)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  template <typename Self>
  static auto& CheckedValue(Self& self) {
    if (!self.ok()) internal::DieOfValueOnError(std::get<Status>(self.data_));
    return *std::get_if<T>(&self.data_);
  }

  std::variant<T, Status> data_;
};

namespace internal {
inline Status AsStatus(Status status) { return status; }
template <typename T>
Status AsStatus(const Result<T>& result) {
  return result.status();
}
}  // namespace internal

}  // namespace kaizen

// Early return on failure, as abseil's RETURN_IF_ERROR and leveldb's pattern of
// `if (!s.ok()) return s;`. Macros because a function cannot return from its caller.
//
// KAIZEN_RETURN_IF_ERROR(expr): evaluates `expr` (a Status or a Result<T>) once; when it
// failed, returns its Status from the enclosing function (which returns Status or Result<U>).
//   KAIZEN_RETURN_IF_ERROR(file.Write(bytes));
#define KAIZEN_RETURN_IF_ERROR(expr)                                          \
  do {                                                                        \
    if (::kaizen::Status kaizen_status_ = ::kaizen::internal::AsStatus(expr); \
        !kaizen_status_.ok()) {                                               \
      return kaizen_status_;                                                  \
    }                                                                         \
  } while (false)

// KAIZEN_ASSIGN_OR_RETURN(lhs, expr): evaluates `expr` (a Result<T>) once; when it failed,
// returns its Status from the enclosing function, else moves the value into `lhs`, which may
// declare a variable. It expands to several statements: do not use it as the body of an
// unbraced if or loop.
//   KAIZEN_ASSIGN_OR_RETURN(const Date today, env->Today());
#define KAIZEN_ASSIGN_OR_RETURN(lhs, expr) \
  KAIZEN_ASSIGN_OR_RETURN_IMPL_(KAIZEN_STATUS_CONCAT_(kaizen_result_, __LINE__), lhs, expr)

#define KAIZEN_STATUS_CONCAT_INNER_(a, b) a##b
#define KAIZEN_STATUS_CONCAT_(a, b) KAIZEN_STATUS_CONCAT_INNER_(a, b)
#define KAIZEN_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                  \
  if (!result.ok()) return result.status();              \
  lhs = std::move(result).value()

#endif  // KAIZEN_STATUS_H_
