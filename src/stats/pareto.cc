// Pareto analysis (include/kaizen/pareto.h). Juran's "vital few and useful many": sort the
// categories by size and find the smallest leading set that accounts for the cut (80 %).
#include "kaizen/pareto.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace kaizen {
namespace {

struct Tally {
  std::string_view category;
  double value = 0;
  int64_t records = 0;
};

Status CheckOptions(const ParetoOptions& o) {
  if (!(o.vital_few_cut > 0 && o.vital_few_cut <= 1)) {
    return Status::InvalidArgument("Pareto: the vital-few cut must be a share in (0, 1]");
  }
  if (!(o.other_threshold >= 0 && o.other_threshold < 1)) {
    return Status::InvalidArgument("Pareto: the 'other' threshold must be a share in [0, 1)");
  }
  return Status::Ok();
}

// Accumulates into `index`/`tallies`; returns InvalidArgument for a negative or infinite value.
class Accumulator {
 public:
  explicit Accumulator(std::size_t expected) {
    index_.reserve(std::min<std::size_t>(expected, 1024));
  }

  Status Add(std::size_t row, std::string_view category, double value, int64_t records) {
    if (category.empty() || std::isnan(value)) {
      ++missing_;
      return Status::Ok();
    }
    if (std::isinf(value) || value < 0) {
      return Status::InvalidArgument("Pareto: row " + std::to_string(row + 1) + " (" +
                                     std::string(category) +
                                     ") has a negative or infinite value; counts and weights "
                                     "must be finite and non-negative");
    }
    // Every bar's share divides by the total: past the largest double it is infinite, and every
    // share would read 0 while the vital few "reach 80 %".
    if (std::isinf(total_ + value)) {
      return Status::InvalidArgument(
          "Pareto: row " + std::to_string(row + 1) + " (" + std::string(category) +
          ") brings the total past the largest number a double holds (1.8e308); expected "
          "values whose sum is below that (rescale them, e.g. to thousands)");
    }
    total_ += value;
    auto [it, inserted] = index_.try_emplace(category, tallies_.size());
    if (inserted) tallies_.push_back({category, 0, 0});
    Tally& t = tallies_[it->second];
    t.value += value;
    t.records += records;
    return Status::Ok();
  }

  Result<ParetoResult> Finish(const ParetoOptions& options) {
    ParetoResult out;
    out.missing_records = missing_;
    if (tallies_.empty()) {
      return Status::FailedPrecondition("Pareto: no records with a category to analyse");
    }
    double total = 0;
    for (const Tally& t : tallies_) total += t.value;
    if (!(total > 0)) {
      return Status::FailedPrecondition("Pareto: every value is zero, so shares are undefined");
    }
    out.total = total;
    // Largest first; equal values by name, so the result does not depend on input order.
    std::sort(tallies_.begin(), tallies_.end(), [](const Tally& a, const Tally& b) {
      if (a.value != b.value) return a.value > b.value;
      return a.category < b.category;
    });
    ParetoBar other{.category = options.other_label, .value = 0, .is_other = true, .categories = 0};
    for (const Tally& t : tallies_) {
      const double share = t.value / total;
      if (options.other_threshold > 0 && share < options.other_threshold) {
        other.value += t.value;
        other.records += t.records;
        ++other.categories;
        continue;
      }
      out.bars.push_back({.category = std::string(t.category),
                          .value = t.value,
                          .records = t.records,
                          .share = share});
    }
    if (other.categories > 0) {
      other.share = other.value / total;
      out.bars.push_back(std::move(other));
    }
    // Cumulative shares are summed from values, not shares, so the last bar reaches exactly 1.
    double running = 0;
    bool reached = false;
    // A small tolerance so that a cumulative share of exactly 80 % made of decimal fractions
    // (0.3 + 0.5) still reaches the cut despite rounding.
    constexpr double kEps = 1e-12;
    for (ParetoBar& bar : out.bars) {
      running += bar.value;
      bar.cumulative_share = running / total;
      if (!reached && !bar.is_other) {
        bar.vital_few = true;
        ++out.vital_few_count;
        reached = bar.cumulative_share >= options.vital_few_cut - kEps;
      }
    }
    out.cut_needs_other = !reached;
    return out;
  }

 private:
  std::unordered_map<std::string_view, std::size_t> index_;
  std::vector<Tally> tallies_;
  double total_ = 0;  // running, to refuse a total beyond a double at the row that overflows it
  int64_t missing_ = 0;
};

}  // namespace

Result<ParetoResult> ParetoFromCounts(std::span<const std::string> categories,
                                      std::span<const double> values,
                                      const ParetoOptions& options) {
  if (Status s = CheckOptions(options); !s.ok()) return s;
  if (categories.size() != values.size()) {
    return Status::InvalidArgument("Pareto: " + std::to_string(categories.size()) +
                                   " categories but " + std::to_string(values.size()) + " counts");
  }
  Accumulator acc(categories.size());
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (Status s = acc.Add(i, categories[i], values[i], 0); !s.ok()) return s;
  }
  return acc.Finish(options);
}

Result<ParetoResult> ParetoFromRecords(std::span<const std::string> categories,
                                       std::span<const double> weights,
                                       const ParetoOptions& options) {
  if (Status s = CheckOptions(options); !s.ok()) return s;
  if (!weights.empty() && weights.size() != categories.size()) {
    return Status::InvalidArgument("Pareto: " + std::to_string(categories.size()) +
                                   " records but " + std::to_string(weights.size()) + " weights");
  }
  Accumulator acc(categories.size());
  const bool weighted = !weights.empty();
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (Status s = acc.Add(i, categories[i], weighted ? weights[i] : 1.0, 1); !s.ok()) return s;
  }
  return acc.Finish(options);
}

}  // namespace kaizen
