// Funnel plot of 10,000 providers (issue: "Analysis beyond control charts", item 6): exact
// limits for every provider, z-scores, winsorised overdispersion and adjusted limits.
// Inputs are built before timing from a fixed-seed LCG.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "kaizen/funnel.h"

namespace {

struct Inputs {
  std::vector<std::string> names;
  std::vector<double> numerators, denominators;
};

Inputs MakeInputs(int count, kaizen::FunnelType type) {
  Inputs in;
  uint64_t state = 42;  // 64-bit LCG, Knuth MMIX constants
  auto uniform = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * (1.0 / 9007199254740992.0);
  };
  for (int i = 0; i < count; ++i) {
    in.names.push_back("provider " + std::to_string(i));
    const double n = std::floor(200 + 20000 * uniform());
    in.denominators.push_back(n);
    const double rate =
        type == kaizen::FunnelType::kProportion ? 0.75 + 0.1 * uniform() : 0.8 + 0.4 * uniform();
    in.numerators.push_back(type == kaizen::FunnelType::kProportion ? std::floor(n * rate)
                                                                    : std::round(n * rate));
  }
  return in;
}

void RunFunnel(benchmark::State& state, kaizen::FunnelType type, bool adjust) {
  const Inputs in = MakeInputs(static_cast<int>(state.range(0)), type);
  kaizen::FunnelOptions o;
  o.type = type;
  o.adjust_overdispersion = adjust;
  for (auto _ : state) {
    kaizen::Result<kaizen::FunnelResult> r =
        kaizen::AnalyseFunnel(in.names, in.numerators, in.denominators, o);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_FunnelRatioExact(benchmark::State& s) { RunFunnel(s, kaizen::FunnelType::kRatio, false); }
void BM_FunnelRatioAdjusted(benchmark::State& s) { RunFunnel(s, kaizen::FunnelType::kRatio, true); }
void BM_FunnelProportionExact(benchmark::State& s) {
  RunFunnel(s, kaizen::FunnelType::kProportion, false);
}
BENCHMARK(BM_FunnelRatioExact)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FunnelRatioAdjusted)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FunnelProportionExact)->Arg(10'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
