#ifndef TRADEOFF_GOOGLE_BENCHMARK_TYPES_HPP
#define TRADEOFF_GOOGLE_BENCHMARK_TYPES_HPP

/// @file
/// @brief The option and result types of google_benchmark.hpp: the time unit, the options, the
/// context Google Benchmark writes, and the two tables (runs and aggregates) of a read file.

#include <tradeoff/table.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tradeoff {

/// @brief The unit all times of a `google_benchmark_results` are given in.
enum class time_unit { ns, us, ms, s };

/// @brief How `read_google_benchmark` reads.
struct google_benchmark_options {
  /// The unit of `real_time` and `cpu_time` in both tables (the `time_unit` column says it).
  time_unit unit = time_unit::ns;
};

/// @brief One CPU cache as Google Benchmark describes it.
struct google_benchmark_cache {
  std::string type;             ///< "Data", "Instruction", "Unified"
  int level = 0;                ///< 1, 2, 3
  std::int64_t size_bytes = 0;  ///< bytes
  int num_sharing = 0;          ///< CPUs sharing one such cache (0 when unknown)
};

/// @brief The context Google Benchmark writes before the runs.
struct google_benchmark_context {
  std::string date;                ///< ISO 8601, as written
  std::string host_name;           ///< JSON only ("" from CSV)
  std::string executable;
  int num_cpus = 0;
  double mhz_per_cpu = 0.0;
  bool cpu_scaling_enabled = false;
  std::vector<google_benchmark_cache> caches;
  std::vector<double> load_avg;
  std::string library_build_type;  ///< "release" or "debug"
  /// Every context entry as text, in file order, including the custom ones
  /// (`benchmark::AddCustomContext`); arrays and objects as compact JSON.
  std::vector<std::pair<std::string, std::string>> fields;
};

/// @brief A Google Benchmark output, read.
struct google_benchmark_results {
  /// One row per run with `run_type` "iteration" (each repetition is a row).
  table iterations;
  /// One row per aggregate (`run_type` "aggregate": mean, median, stddev, cv and the user-defined
  /// ones), its statistic in `aggregate_name`.
  table aggregates;
  google_benchmark_context context;
  /// The unit of every `real_time` and `cpu_time` (except cv's, which are ratios).
  time_unit unit = time_unit::ns;
};

}  // namespace tradeoff

#endif  // TRADEOFF_GOOGLE_BENCHMARK_TYPES_HPP
