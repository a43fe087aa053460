// Pareto analysis over 10,000,000 raw records (issue: "Analysis beyond control charts",
// item 3). Records are built before timing: 40 category names drawn with a skewed
// (roughly Zipf) frequency, as incident categories are, from a fixed-seed LCG.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "kaizen/pareto.h"

namespace {

std::vector<std::string> MakeRecords(int64_t count) {
  std::vector<std::string> names;
  for (int i = 0; i < 40; ++i) names.push_back("harm category " + std::to_string(i));
  std::vector<std::string> records;
  records.reserve(static_cast<std::size_t>(count));
  uint64_t state = 42;  // 64-bit LCG, Knuth MMIX constants: reproducible on any machine
  for (int64_t i = 0; i < count; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const double u = static_cast<double>(state >> 11) * (1.0 / 9007199254740992.0);
    // u² concentrates mass on the first categories (a Pareto-like spread).
    records.push_back(names[static_cast<std::size_t>(u * u * 40)]);
  }
  return records;
}

void BM_ParetoFromRecords(benchmark::State& state) {
  const std::vector<std::string> records = MakeRecords(state.range(0));
  for (auto _ : state) {
    kaizen::Result<kaizen::ParetoResult> r = kaizen::ParetoFromRecords(records);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ParetoFromRecords)->Arg(10'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
