// Descriptive statistics over 10,000,000 values (issue "Analysis beyond control charts": large
// columns must summarise quickly). Input is built before timing; each iteration copies nothing
// itself (Describe copies internally, as it must to select order statistics).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "kaizen/stats.h"

namespace {

// Deterministic pseudo-normal values: a 64-bit LCG (Knuth MMIX constants) summed 12 times
// (Irwin–Hall approximation to a standard normal), as in spc_engine_bench.cc. Rounded to one
// decimal place, like most NHS measures, so that ties and modes occur.
std::vector<double> MakeValues(std::size_t n) {
  uint64_t state = 42;
  std::vector<double> v(n);
  for (double& x : v) {
    double s = 0;
    for (int i = 0; i < 12; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      s += static_cast<double>(state >> 11) * (1.0 / 9007199254740992.0);
    }
    x = static_cast<double>(static_cast<int64_t>((100 + 15 * (s - 6)) * 10)) / 10;
  }
  return v;
}

void RunDescribe(benchmark::State& state, bool find_modes) {
  const std::vector<double> values = MakeValues(static_cast<std::size_t>(state.range(0)));
  kaizen::DescribeOptions options;
  options.find_modes = find_modes;
  options.percentiles = {5, 95};
  for (auto _ : state) {
    kaizen::Result<kaizen::Descriptive> d = kaizen::Describe(values, options);
    if (!d.ok()) state.SkipWithError("describe failed");
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Moments, quartiles, percentiles by selection (nth_element); no modes.
void BM_DescribeSelect(benchmark::State& state) { RunDescribe(state, false); }
// Everything, modes included (a full sort of the copy).
void BM_DescribeWithModes(benchmark::State& state) { RunDescribe(state, true); }

BENCHMARK(BM_DescribeSelect)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DescribeWithModes)->Arg(10'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
