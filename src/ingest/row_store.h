// RowStore: the rows of a long-format table held as columns while they wait to become series.
//
// A row of the mapper carries a period, its series, its line, an optional comment and up to three
// numbers, but most files fill only some of them: one series per file, no comments, values and
// no numerators (or the reverse). A column that has held one value only (every row's series is
// the same, every numerator is missing) is kept as that value and a count, and is written out
// only when a row differs (LazyColumn). A 10-million-row single series of values so costs
// 12 + 4 + 8 = 24 bytes a row here, not the 48 of a row struct (issue 14: "hold a series as its
// columns, not as rows").
#ifndef KAIZEN_INGEST_ROW_STORE_H_
#define KAIZEN_INGEST_ROW_STORE_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include "ingest/dates.h"
#include "kaizen/model.h"

namespace kaizen::ingest {

// A column that stays one value and a count until a different value arrives. NaNs count as
// equal to each other (a column of missing numbers stays constant).
template <typename T>
class LazyColumn {
 public:
  void push_back(T x) {
    if (data_.empty()) {
      if (size_ == 0) fill_ = x;
      if (Same(x, fill_)) {
        ++size_;
        return;
      }
      data_.assign(size_, fill_);
    }
    data_.push_back(x);
    ++size_;
  }
  T operator[](std::size_t i) const { return data_.empty() ? fill_ : data_[i]; }
  std::size_t size() const { return size_; }
  bool constant() const { return data_.empty(); }
  void clear() {
    data_.clear();
    size_ = 0;
  }
  // Releases the memory (clear() keeps it for the next series while streaming).
  void release() {
    std::vector<T>().swap(data_);
    size_ = 0;
  }
  // The whole column as a vector, leaving this one empty.
  std::vector<T> Take() {
    std::vector<T> out = data_.empty() ? std::vector<T>(size_, fill_) : std::move(data_);
    release();
    return out;
  }

 private:
  static bool Same(T a, T b) {
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isnan(a) && std::isnan(b)) return true;
    }
    return a == b;
  }

  std::vector<T> data_;
  std::size_t size_ = 0;
  T fill_{};
};

// One read row, as the mapper builds it before storing it.
struct StoredRow {
  RawPeriod period;
  int32_t key = 0;
  int32_t line = 0;
  int32_t comment = -1;  // index into the mapper's comments, or -1
  double value = kMissing;
  double numerator = kMissing;
  double denominator = kMissing;
};

class RowStore {
 public:
  void Append(const StoredRow& row) {
    periods.push_back(row.period);
    keys.push_back(row.key);
    lines.push_back(row.line);
    comments.push_back(row.comment);
    values.push_back(row.value);
    numerators.push_back(row.numerator);
    denominators.push_back(row.denominator);
  }
  std::size_t size() const { return lines.size(); }
  void clear() {
    periods.clear();
    keys.clear();
    lines.clear();
    comments.clear();
    values.clear();
    numerators.clear();
    denominators.clear();
  }
  void release() {
    std::vector<RawPeriod>().swap(periods);
    keys.release();
    lines.clear();
    lines.shrink_to_fit();
    comments.release();
    values.release();
    numerators.release();
    denominators.release();
  }

  std::vector<RawPeriod> periods;  // every row's period differs in a series: never constant
  LazyColumn<int32_t> keys;
  std::vector<int32_t> lines;
  LazyColumn<int32_t> comments;
  LazyColumn<double> values, numerators, denominators;
};

// Which rows of a RowStore make one series, in file order: rows begin..end, or, when the rows of
// several series interleave, order[begin..end).
struct RowSelection {
  std::size_t begin = 0, end = 0;
  const std::vector<uint32_t>* order = nullptr;

  std::size_t size() const { return end - begin; }
  std::size_t operator[](std::size_t i) const {
    return order != nullptr ? (*order)[begin + i] : begin + i;
  }
};

}  // namespace kaizen::ingest

#endif  // KAIZEN_INGEST_ROW_STORE_H_
