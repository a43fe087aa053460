// The SPC engine alone: 10,000 series of 60 monthly points under the mdc profile (issue: "aim
// for at least 20 million points per second on one core"). Inputs are built before timing;
// one SpcEngine and one SeriesResult are reused, as a batch run would.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

#include "kaizen/spc.h"

// Counts heap allocations, so the benchmark can show how many the engine makes per point.
static std::atomic<int64_t> g_allocations{0};

// GCC 12 warns that free() meets memory from operator new; here both are replaced together, so
// every such pointer came from malloc.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

using namespace kaizen;

// Deterministic pseudo-normal values: a 64-bit LCG (Knuth MMIX constants) summed 12 times
// (Irwin–Hall approximation to a standard normal), so runs are reproducible on any machine.
struct Rng {
  uint64_t state;
  double Uniform() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * (1.0 / 9007199254740992.0);
  }
  double Normal() {
    double s = 0;
    for (int i = 0; i < 12; ++i) s += Uniform();
    return s - 6.0;
  }
};

std::vector<Series> MakeSeries(int count, int points) {
  std::vector<Series> all(count);
  Rng rng{42};
  const Date start = *Date::FromCivil(2019, 1, 1);
  for (int k = 0; k < count; ++k) {
    Series& s = all[k];
    s.indicator_id = "bench";
    s.organisation = "org" + std::to_string(k);
    const double level = 50 + 10 * rng.Normal();
    for (int i = 0; i < points; ++i) {
      const CivilDay c = start.ToCivil();
      const int month = c.month - 1 + i;
      const Date period = *Date::FromCivil(c.year + month / 12, month % 12 + 1, 1);
      // A step change in the last third of some series, so rules have signals to find.
      const double shift = (k % 4 == 0 && i > 2 * points / 3) ? 3.0 : 0.0;
      const double denominator = 1000 + std::floor(200 * rng.Uniform());
      const double p = 0.8 + 0.02 * rng.Normal() + shift / 100;
      s.Add({.period = period,
             .value = level + rng.Normal() + shift,
             .numerator = std::floor(denominator * std::min(1.0, std::max(0.0, p))),
             .denominator = denominator});
    }
  }
  return all;
}

void RunEngine(benchmark::State& state, ChartType chart, bool sentences = true) {
  const int series_count = static_cast<int>(state.range(0));
  const int points = static_cast<int>(state.range(1));
  const std::vector<Series> all = MakeSeries(series_count, points);
  Indicator indicator;
  indicator.id = "bench";
  indicator.chart = chart;
  indicator.direction = Direction::kHigherIsBetter;
  indicator.targets = {{.from = Date(0), .value = chart == ChartType::kXmr ? 50.0 : 0.8}};
  const Profile profile = *FindProfile("mdc");
  SpcEngine engine;
  engine.set_signal_sentences(sentences);
  SeriesResult result;
  int64_t signals = 0;
  // Warm up: the first pass grows the reused buffers to their working size.
  for (const Series& s : all) (void)engine.Analyse(indicator, profile, s, &result);
  const int64_t allocations_before = g_allocations.load();
  for (auto _ : state) {
    for (const Series& s : all) {
      if (!engine.Analyse(indicator, profile, s, &result).ok()) state.SkipWithError("failed");
      signals += static_cast<int64_t>(result.signals.size());
    }
    benchmark::DoNotOptimize(signals);
  }
  const double points_analysed = static_cast<double>(state.iterations()) * series_count * points;
  // Per point: strings for warnings and sentences are per series, so this tends to 0 as series
  // grow longer; it must not grow with the number of points.
  state.counters["allocs/point"] =
      static_cast<double>(g_allocations.load() - allocations_before) / points_analysed;
  state.SetItemsProcessed(state.iterations() * series_count * points);
  state.counters["points/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * series_count * points, benchmark::Counter::kIsRate);
}

void BM_EngineXmrMdc(benchmark::State& state) { RunEngine(state, ChartType::kXmr); }
void BM_EnginePMdc(benchmark::State& state) { RunEngine(state, ChartType::kP); }
// As a batch summary runs it: signal episodes without their sentences.
void BM_EngineXmrMdcNoSentences(benchmark::State& state) {
  RunEngine(state, ChartType::kXmr, false);
}

// Linearity in the number of points: 10,000 × 60 and 1,000 × 600 process the same number of
// points and should take about the same time; 10,000 × 120 twice as long.
BENCHMARK(BM_EngineXmrMdc)
    ->Args({10000, 60})
    ->Args({10000, 120})
    ->Args({1000, 600})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EnginePMdc)->Args({10000, 60})->Unit(benchmark::kMillisecond);
void BM_EnginePMdcNoSentences(benchmark::State& state) { RunEngine(state, ChartType::kP, false); }
BENCHMARK(BM_EngineXmrMdcNoSentences)
    ->Args({10000, 60})
    ->Args({1000, 600})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EnginePMdcNoSentences)->Args({10000, 60})->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
