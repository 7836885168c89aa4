// The Google Benchmark program whose outputs are the fixtures of tests/google_benchmark_test.cpp
// (tests/data/gbench/). Built against Debian's libbenchmark-dev 1.7.1 and run by
// tests/golden/make_gbench_fixtures.sh with repetitions, so the outputs hold iterations and
// aggregates (mean, median, stddev, cv and the user-defined "max"), user counters (a rate, a
// plain value, an average over threads), positional and named arguments, two time units,
// threads, and one run that fails.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace {

double work(std::int64_t n) {
  double sum = 0.0;
  for (std::int64_t i = 1; i <= n; ++i) {
    sum += std::sqrt(static_cast<double>(i));
  }
  return sum;
}

// BM_attn/<kind>/<tokens>/<dim>: positional arguments after a string part of the name.
void attention(benchmark::State& state, const std::string& kind) {
  const std::int64_t tokens = state.range(0);
  const std::int64_t dim = state.range(1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(work(tokens * dim / 64 + (kind == "MLA" ? 0 : 16)));
  }
  state.counters["tokens_per_s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["cache_mb"] = static_cast<double>(tokens * dim) * 4.0 / 1e6 * (kind == "MLA" ? 0.25 : 1.0);
  state.SetItemsProcessed(state.iterations() * tokens);
}

// BM_x/dim:<d>/heads:<h>: named arguments.
void named(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(work(state.range(0) / state.range(1) * 8));
  }
  state.counters["heads_seen"] = benchmark::Counter(static_cast<double>(state.range(1)), benchmark::Counter::kAvgThreads);
  state.SetBytesProcessed(state.iterations() * state.range(0) * 4);
}
BENCHMARK(named)->Name("BM_x")->ArgNames({"dim", "heads"})->Args({256, 8})->Args({512, 16})
    ->Unit(benchmark::kMicrosecond)
    ->ComputeStatistics("max", [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); });

// Threads, and a time unit of milliseconds.
void threaded(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(work(2000));
  }
}
BENCHMARK(threaded)->Name("BM_threads")->Threads(2)->Unit(benchmark::kMillisecond);

// A run that reports an error.
void failing(benchmark::State& state) {
  for (auto _ : state) {
    state.SkipWithError("out of memory, tried to allocate 2 GiB");
    break;
  }
}
BENCHMARK(failing)->Name("BM_fails");

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  for (const char* kind : {"MLA", "GQA"}) {
    benchmark::RegisterBenchmark((std::string("BM_attn/") + kind).c_str(), attention, std::string(kind))
        ->Args({128, 256})
        ->Args({512, 256});
  }
  benchmark::AddCustomContext("model", "deepseek-v2-lite");
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
