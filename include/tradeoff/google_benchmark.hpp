#ifndef TRADEOFF_GOOGLE_BENCHMARK_HPP
#define TRADEOFF_GOOGLE_BENCHMARK_HPP

/// @file
/// @brief Reads Google Benchmark's JSON and CSV outputs into two tables, the runs and the
/// aggregates, with the benchmark name split into family and arguments, times in one unit, user
/// counters as columns and the context beside. Needs tradeoff::json (nlohmann/json). See
/// docs/google_benchmark.md.

#include <tradeoff/detail/google_benchmark_reader.hpp>
#include <tradeoff/google_benchmark_types.hpp>

#include <istream>
#include <string>

namespace tradeoff {

/// @brief Reads a Google Benchmark output file: JSON (`--benchmark_format=json` on stdout, or
/// `--benchmark_out=f --benchmark_out_format=json`) or CSV (`--benchmark_out_format=csv`, its
/// context lines before the header), told apart by the first byte.
///
/// Each table has, in order: `name`; `family` (the name up to the first `/`); `args` (the rest);
/// one column per argument — `arg<i>` for a positional one (its 1-based place after the family:
/// `BM_attn/MLA/128/256` → arg1 MLA, arg2 128, arg3 256), the key for a named one
/// (`BM_x/dim:256/heads:8` → `dim` 256, `heads` 8; Google Benchmark's own `threads:`,
/// `iterations:`, `repeats:`, `min_time:` parts and `real_time`/`manual_time` flags are not
/// arguments); then the run's fields as the file has them (`run_name`, `run_type`,
/// `repetition_index`, `threads`, `iterations`, `real_time`, `cpu_time`, `time_unit`,
/// `bytes_per_second`, `items_per_second`, `label`, `error_occurred`, `error_message`,
/// `aggregate_name`, `aggregate_unit`, …) and each user counter as a numeric column.
/// `real_time` and `cpu_time` are converted to `options.unit` (one exact division or
/// multiplication by a power of ten) and `time_unit` says it — except in a cv aggregate, whose
/// times are ratios. A run that failed (`SkipWithError`) keeps its error columns and has no times
/// (missing), so a 0 never lands on a front. JSON numbers are read correctly rounded, as Python's
/// `json.load` reads them; CSV numbers as `pd.read_csv` does.
/// @param path     the file
/// @param options  the time unit of the tables (ns by default)
/// @return the runs (`iterations`), the aggregates and the context
/// @throws json_error for malformed JSON (byte offset, line and column), and for a file that is
/// not a Google Benchmark output or of a version this reader does not know, naming the field it
/// could not find; csv_error for a malformed CSV part; std::invalid_argument for an out-of-range
/// `options.unit`.
/// @note Complexity O(bytes + runs × columns) (CSV: O(runs²) to pair aggregates with their runs).
[[nodiscard]] inline google_benchmark_results read_google_benchmark(const std::string& path,
                                                                    const google_benchmark_options& options = {}) {
  detail::check_enum(options.unit, time_unit::s, "read_google_benchmark", "options.unit", "time_unit",
                     "time_unit::ns, time_unit::us, time_unit::ms or time_unit::s");
  return detail::google_benchmark_reader(path, options).read(detail::read_whole_file(path, "read_google_benchmark"));
}

/// @brief Reads a Google Benchmark output from a stream; see the file overload.
/// @param name  the name used in errors and returned by the tables' `source()`
[[nodiscard]] inline google_benchmark_results read_google_benchmark(std::istream& in, const std::string& name,
                                                                    const google_benchmark_options& options = {}) {
  detail::check_enum(options.unit, time_unit::s, "read_google_benchmark", "options.unit", "time_unit",
                     "time_unit::ns, time_unit::us, time_unit::ms or time_unit::s");
  return detail::google_benchmark_reader(name, options)
      .read(detail::read_whole_stream(in, name, "read_google_benchmark"));
}

}  // namespace tradeoff

#endif  // TRADEOFF_GOOGLE_BENCHMARK_HPP
