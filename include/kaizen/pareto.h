// Pareto analysis: which few categories account for most of the problem (DMAIC Analyse).
//
// From category counts, or from raw records (one category string per record, optionally a
// weight such as cost or harm severity), the bars sorted by size, their cumulative shares,
// the "vital few" and an optional "other" bucket. Pure computation: no I/O; results are plain
// values, safe to share between threads once built.
//
// Conventions (docs/formulas.md, "Pareto analysis"):
//   - Bars are sorted by value, largest first; ties are broken by category name in ascending
//     byte order, so the order never depends on the input order.
//   - The vital few are the smallest set of leading bars whose cumulative share reaches the
//     cut (default 80 %, Juran's rule). The "other" bucket never counts as a vital-few bar.
//   - Categories whose share is below `other_threshold` are merged into one "other" bar,
//     always kept last whatever its size.
//   - A record with an empty category or a NaN weight is missing: skipped and counted.
#ifndef KAIZEN_PARETO_H_
#define KAIZEN_PARETO_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kaizen/status.h"

namespace kaizen {

struct ParetoOptions {
  double vital_few_cut = 0.8;    // share in (0, 1]
  double other_threshold = 0.0;  // share in [0, 1); 0 keeps every category as its own bar
  std::string other_label = "All other categories";
};

struct ParetoBar {
  std::string category;         // other_label for the merged bar
  double value = 0;             // count, or sum of weights
  int64_t records = 0;          // records in the bar (for counts input: 0)
  double share = 0;             // value / total
  double cumulative_share = 0;  // this bar and all before it
  bool vital_few = false;
  bool is_other = false;
  int32_t categories = 1;  // categories merged into this bar
};

struct ParetoResult {
  std::vector<ParetoBar> bars;
  double total = 0;
  int32_t vital_few_count = 0;  // leading bars marked vital_few
  // True when the named bars never reach the cut on their own (the "other" bucket is needed):
  // every named bar is then vital and the cut is not strictly met.
  bool cut_needs_other = false;
  int64_t missing_records = 0;  // empty category or NaN weight, skipped
};

// From one count (or weighted total) per category. `categories` and `values` are parallel;
// a category may repeat (its values are added). Returns InvalidArgument when the lengths
// differ, a value is negative or infinite, or an option is out of range; FailedPrecondition
// when nothing is left or the total is zero (shares are undefined).
Result<ParetoResult> ParetoFromCounts(std::span<const std::string> categories,
                                      std::span<const double> values,
                                      const ParetoOptions& options = {});

// From raw records: one category per record; `weights` empty counts records, otherwise it is
// parallel to `categories` and each record adds its weight. Same failures as above.
Result<ParetoResult> ParetoFromRecords(std::span<const std::string> categories,
                                       std::span<const double> weights = {},
                                       const ParetoOptions& options = {});

}  // namespace kaizen

#endif  // KAIZEN_PARETO_H_
