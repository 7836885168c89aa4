/// @file
/// @brief Google Benchmark suite for tradeoff's hot paths, on self-made inputs (no files needed).
///
///   build/bench/bench/tradeoff_gbench [--benchmark_filter=REGEX] [--benchmark_min_time=0.2]
///
/// The side-by-side comparison with the peers is bench/run.sh; this suite is for working on the
/// library itself (perf, callgrind, before/after a change). Inputs come from a fixed-seed
/// std::mt19937_64 and are built before the timed loop.

#include <tradeoff/hypervolume.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/quantile.hpp>
#if __has_include(<tradeoff/group.hpp>)
#include <tradeoff/group.hpp>
#define TRADEOFF_BENCH_HAS_GROUP 1
#endif

#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

enum class shape { uniform, anti_correlated, line, sphere };

/// n × d points: uniform in the unit cube, anti-correlated 2-D (x + y = 1 + N(0, 1e-4)), on the
/// line y = −x (all on the front), or on the positive unit sphere (all on the front).
Eigen::ArrayXXd make_points(Eigen::Index n, Eigen::Index d, shape kind) {
  std::mt19937_64 engine(42);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::normal_distribution<double> normal(0.0, 1.0);
  Eigen::ArrayXXd points(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < d; ++j) {
      points(i, j) = kind == shape::sphere ? std::fabs(normal(engine)) : uniform(engine);
    }
    if (kind == shape::anti_correlated) {
      points(i, 1) = 1.0 - points(i, 0) + 1e-4 * normal(engine);
    } else if (kind == shape::line) {
      points(i, 1) = -points(i, 0);
    } else if (kind == shape::sphere) {
      points.row(i) /= points.row(i).matrix().norm();
    }
  }
  return points;
}

template <shape Kind>
void front_2d(benchmark::State& state) {
  const Eigen::ArrayXXd points = make_points(state.range(0), 2, Kind);
  const Eigen::ArrayXd x = points.col(0);
  const Eigen::ArrayXd y = points.col(1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(tradeoff::pareto_front(x, y));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(front_2d<shape::uniform>)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(front_2d<shape::anti_correlated>)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(front_2d<shape::line>)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

template <shape Kind>
void front_nd(benchmark::State& state) {
  const Eigen::ArrayXXd points = make_points(state.range(0), state.range(1), Kind);
  for (auto _ : state) {
    benchmark::DoNotOptimize(tradeoff::pareto_front(points));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(front_nd<shape::uniform>)->Args({40000, 3})->Args({1000000, 3})->Args({100000, 4})->Unit(benchmark::kMillisecond);
BENCHMARK(front_nd<shape::sphere>)->Args({40000, 3})->Args({25000, 4})->Unit(benchmark::kMillisecond);

template <shape Kind>
void ranks(benchmark::State& state) {
  const Eigen::ArrayXXd points = make_points(state.range(0), state.range(1), Kind);
  for (auto _ : state) {
    benchmark::DoNotOptimize(tradeoff::pareto_ranks(points));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(ranks<shape::uniform>)->Args({100000, 2})->Args({20000, 3})->Unit(benchmark::kMillisecond);

template <shape Kind>
void hypervolume(benchmark::State& state) {
  const Eigen::ArrayXXd points = make_points(state.range(0), state.range(1), Kind);
  const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(state.range(1), 1.1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(tradeoff::hypervolume(points, reference));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(hypervolume<shape::uniform>)->Args({1000000, 2})->Args({100000, 3})->Unit(benchmark::kMillisecond);
BENCHMARK(hypervolume<shape::sphere>)
    ->Args({10000, 3})
    ->Args({1000, 4})
    ->Args({5000, 4})
    ->Args({25000, 4})
    ->Args({500, 5})
    ->Args({2000, 5})
    ->Unit(benchmark::kMillisecond);

Eigen::ArrayXd make_values(Eigen::Index n) {
  std::mt19937_64 engine(7);
  std::normal_distribution<double> normal(100.0, 20.0);
  Eigen::ArrayXd values(n);
  for (auto& value : values) {
    value = normal(engine);
  }
  return values;
}

void quantiles_1d(benchmark::State& state) {
  const Eigen::ArrayXd values = make_values(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(tradeoff::quantiles(values, std::vector<double>{0.25, 0.5, 0.75}));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(quantiles_1d)->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond);

#ifdef TRADEOFF_BENCH_HAS_GROUP
Eigen::Array<std::int64_t, Eigen::Dynamic, 1> make_keys(Eigen::Index n, std::int64_t groups) {
  std::mt19937_64 engine(11);
  std::vector<std::int64_t> ids(static_cast<std::size_t>(groups));
  for (auto& id : ids) {
    id = static_cast<std::int64_t>(engine() % 1000000000000ULL);
  }
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> keys(n);
  for (auto& key : keys) {
    key = ids[engine() % ids.size()];
  }
  return keys;
}

void group_by_int(benchmark::State& state) {
  const auto keys = make_keys(state.range(0), state.range(1));
  for (auto _ : state) {
    benchmark::DoNotOptimize(tradeoff::group_by(keys));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(group_by_int)->Args({10000000, 3})->Args({10000000, 10000})->Unit(benchmark::kMillisecond);

void summarize(benchmark::State& state) {
  const auto grouping = tradeoff::group_by(make_keys(state.range(0), state.range(1)));
  const Eigen::ArrayXd values = make_values(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(tradeoff::summarize(grouping, values));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(summarize)->Args({10000000, 3})->Args({10000000, 10000})->Unit(benchmark::kMillisecond);
#endif

}  // namespace

BENCHMARK_MAIN();
