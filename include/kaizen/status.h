// Status and Result<T>: how every fallible kaizen function reports failure.
//
// No exception crosses include/kaizen/. A function that can fail returns Status (no value)
// or Result<T> (a value or a Status). Both are plain values: cheap to move, safe to copy,
// no shared state, so they may be passed between threads freely.
#ifndef KAIZEN_STATUS_H_
#define KAIZEN_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace kaizen {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input makes no sense (a bad value, an unknown name)
  kNotFound,            // a named thing (profile, indicator, file) does not exist
  kFailedPrecondition,  // the input is valid but the operation cannot apply to it
  kInternal,            // a bug in kaizen: please report it
};

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

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value of type T, or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(data_); }
  // The status: Ok() when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(data_); }
  // Precondition: ok().
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace kaizen

#endif  // KAIZEN_STATUS_H_
