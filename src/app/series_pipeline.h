// A bounded hand-over of series from the reading thread to one analysing thread, so that on a
// large file reading (parsing) and analysing overlap on two cores. One producer, one consumer;
// order is preserved. The bound keeps memory flat however many series the file holds.
#ifndef KAIZEN_APP_SERIES_PIPELINE_H_
#define KAIZEN_APP_SERIES_PIPELINE_H_

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "kaizen/model.h"

namespace kaizen::app {

class SeriesPipeline {
 public:
  explicit SeriesPipeline(std::size_t capacity) : capacity_(capacity) {}

  // Producer: waits while the queue is full. Returns false once the consumer has stopped.
  bool Push(Series&& s) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return queue_.size() < capacity_ || stopped_; });
    if (stopped_) return false;
    queue_.push_back(std::move(s));
    not_empty_.notify_one();
    return true;
  }

  // Producer: no more series will come.
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_one();
  }

  // Consumer: the next series, or nullopt when the producer has closed and all are taken.
  std::optional<Series> Pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
    if (queue_.empty()) return std::nullopt;
    Series s = std::move(queue_.front());
    queue_.pop_front();
    not_full_.notify_one();
    return s;
  }

  // Consumer: stop early (after an error); the producer's next Push returns false.
  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    not_full_.notify_all();
  }

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Series> queue_;
  bool closed_ = false, stopped_ = false;
};

}  // namespace kaizen::app

#endif  // KAIZEN_APP_SERIES_PIPELINE_H_
