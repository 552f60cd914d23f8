// BoundedQueue: a blocking multi-producer, multi-consumer queue with a limit
// on items and on bytes, and InFlight: a counting budget of the same kind.
//
//   BoundedQueue<Job> q(/*max_items=*/8, /*max_bytes=*/64 << 20);
//   producer:  q.Push(std::move(job), job.size());  ...  q.Close();
//   consumer:  while (std::optional<Job> job = q.Pop()) Work(*job);
//
// Push blocks while the queue is full, so a fast producer cannot outrun slow
// consumers and memory stays flat whatever the input size. An item larger
// than max_bytes on its own is still admitted when the queue is empty: the
// limit bounds memory, it never deadlocks the pipeline.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace griot {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t max_items, size_t max_bytes = SIZE_MAX)
      : max_items_(max_items < 1 ? 1 : max_items), max_bytes_(max_bytes) {}

  // Blocks while full; false (item dropped) when the queue was closed.
  bool Push(T item, size_t bytes = 0) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || HasRoom(bytes); });
    if (closed_) return false;
    items_.emplace_back(std::move(item), bytes);
    bytes_ += bytes;
    not_empty_.notify_one();
    return true;
  }

  // Blocks while empty and open; nullopt once closed and drained.
  std::optional<T> Pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    std::pair<T, size_t> front = std::move(items_.front());
    items_.pop_front();
    bytes_ -= front.second;
    not_full_.notify_one();
    return std::move(front.first);
  }

  // No more pushes; consumers drain what is queued, then Pop returns nullopt.
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

  size_t size() const {
    std::lock_guard lock(mutex_);
    return items_.size();
  }

 private:
  bool HasRoom(size_t bytes) const {
    if (items_.empty()) return true;
    return items_.size() < max_items_ && bytes_ + bytes <= max_bytes_;
  }

  const size_t max_items_;
  const size_t max_bytes_;
  mutable std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::pair<T, size_t>> items_;
  size_t bytes_ = 0;
  bool closed_ = false;
};

// How much work may be between two points of a pipeline at once: Acquire
// blocks while `max_items` or `max_bytes` are taken (one oversized item is
// let through alone), Release gives them back.
class InFlight {
 public:
  InFlight(size_t max_items, size_t max_bytes)
      : max_items_(max_items < 1 ? 1 : max_items), max_bytes_(max_bytes) {}

  void Acquire(size_t bytes) {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] {
      return items_ == 0 || (items_ < max_items_ && bytes_ + bytes <= max_bytes_);
    });
    ++items_;
    bytes_ += bytes;
  }
  void Release(size_t bytes) {
    std::lock_guard lock(mutex_);
    --items_;
    bytes_ -= bytes;
    freed_.notify_all();
  }
  size_t items() const {
    std::lock_guard lock(mutex_);
    return items_;
  }

 private:
  const size_t max_items_;
  const size_t max_bytes_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  size_t items_ = 0;
  size_t bytes_ = 0;
};

}  // namespace griot
