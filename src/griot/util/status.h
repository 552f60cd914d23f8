// Status and Result<T>: errors as values at every API boundary.
//
//   Result<KnowledgeBase> kb = KnowledgeBase::Load("kb/en");
//   if (!kb.ok()) { std::cerr << kb.status().message() << "\n"; return 2; }
//   GRIOT_RETURN_IF_ERROR(kb->Validate());
//
// Only main() decides to exit; library code returns a Status whose message
// names the file, the line and what to do.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace griot {

enum class StatusCode { kOk = 0, kInvalidArgument, kNotFound, kDataLoss, kIo, kInternal, kDeadlineExceeded };

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status DataLoss(std::string m) { return {StatusCode::kDataLoss, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIo, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }
// A query ran past the store's time limit (Store::SetQueryTimeout).
inline Status DeadlineExceeded(std::string m) { return {StatusCode::kDeadlineExceeded, std::move(m)}; }

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}    // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace griot

#define GRIOT_RETURN_IF_ERROR(expr)              \
  do {                                           \
    ::griot::Status griot_status_ = (expr);      \
    if (!griot_status_.ok()) return griot_status_; \
  } while (0)
