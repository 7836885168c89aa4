#ifndef TRADEOFF_DETAIL_GOOGLE_BENCHMARK_ROWS_HPP
#define TRADEOFF_DETAIL_GOOGLE_BENCHMARK_ROWS_HPP

/// @file
/// @brief Internal: turns Google Benchmark runs (from its JSON or its CSV output) into table rows:
/// the name split into family and arguments, times in one unit, iterations and aggregates in two
/// tables. Not API.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/json_flatten.hpp>
#include <tradeoff/detail/table_assembly.hpp>

namespace tradeoff::detail {

/// The power of ten of one of Google Benchmark's time units ("ns" → -9 …); nullopt if unknown.
[[nodiscard]] inline std::optional<int> gbench_unit_exponent(std::string_view unit) noexcept {
  if (unit == "ns") {
    return -9;
  }
  if (unit == "us") {
    return -6;
  }
  if (unit == "ms") {
    return -3;
  }
  if (unit == "s") {
    return 0;
  }
  return std::nullopt;
}

/// `value` in 10^from seconds as 10^to seconds: one multiplication or division by an exact power
/// of ten (so ns → us divides by 1000 rather than multiplying by the inexact 0.001).
[[nodiscard]] inline double gbench_convert(double value, int from, int to) noexcept {
  double power = 1.0;
  for (int k = 0; k < (from > to ? from - to : to - from); ++k) {
    power *= 10.0;
  }
  return from >= to ? value * power : value / power;
}

/// The N of a "/threads:N" part of a run's name, "1" when there is none (Google Benchmark's
/// default).
[[nodiscard]] inline std::string gbench_threads_in_name(const std::string& run_name) {
  const std::size_t at = run_name.find("/threads:");
  if (at == std::string::npos) {
    return "1";
  }
  const std::size_t first = at + 9;
  return run_name.substr(first, run_name.find('/', first) == std::string::npos ? std::string::npos
                                                                               : run_name.find('/', first) - first);
}

/// One field of a run: its name and its cell text (numbers already as text).
struct gbench_field {
  std::string name;
  std::string text;
};

/// Gathers the rows of both tables.
class gbench_rows {
 public:
  gbench_rows(int unit_exponent, std::string unit_name)
      : unit_exponent_(unit_exponent), unit_name_(std::move(unit_name)), iterations_(65536), aggregates_(65536) {}

  /// Adds one run. `run_name`: the name without the aggregate suffix; `aggregate`: whether it is
  /// an aggregate; `fields`: the file's fields in order (the name first). Times are converted
  /// (except a "percentage" aggregate's, which are ratios) and removed for a run that failed.
  void add(std::size_t line, const std::string& run_name, bool aggregate, std::vector<gbench_field>& fields,
           bool failed, bool percentage) {
    table_assembler& out = aggregate ? aggregates_ : iterations_;
    out.begin_row(line);
    std::size_t next = 0;
    const auto cell = [&](std::string_view name, std::string_view text) {
      const std::uint32_t id = out.column(name);
      if (id == table_assembler::npos) {
        throw std::length_error(detail::error_prefix("read_google_benchmark") + "more than 65536 distinct columns");
      }
      out.cell(id, text);
    };
    if (!fields.empty()) {
      cell(fields[0].name, fields[0].text);  // name
      next = 1;
    }
    // family and arguments, from the run's name
    const std::size_t slash = run_name.find('/');
    cell("family", run_name.substr(0, slash));
    cell("args", slash == std::string::npos ? std::string() : run_name.substr(slash + 1));
    std::size_t position = 0;
    for (std::size_t first = slash; first != std::string::npos;) {
      const std::size_t last = run_name.find('/', first + 1);
      const std::string segment = run_name.substr(first + 1, last == std::string::npos ? std::string::npos : last - first - 1);
      first = last;
      ++position;
      const std::size_t colon = segment.find(':');
      if (colon == std::string::npos) {
        if (segment != "real_time" && segment != "manual_time" && segment != "process_time") {
          cell("arg" + std::to_string(position), segment);
        }
        continue;
      }
      const std::string key = segment.substr(0, colon);
      if (key == "threads" || key == "iterations" || key == "repeats" || key == "min_time" ||
          key == "min_warmup_time") {
        continue;  // Google Benchmark's own options, which are fields of the run too
      }
      cell(key, segment.substr(colon + 1));
    }
    for (; next < fields.size(); ++next) {
      gbench_field& field = fields[next];
      if (field.name == "real_time" || field.name == "cpu_time") {
        if (failed) {
          field.text.clear();
        } else if (!percentage && row_exponent_.has_value() && !field.text.empty()) {
          double value = 0.0;
          if (parse_round_trip_double(field.text, value)) {
            field.text.clear();
            append_shortest(field.text, gbench_convert(value, *row_exponent_, unit_exponent_));
          }
        }
      } else if (field.name == "time_unit" && !percentage) {
        field.text = unit_name_;
      }
      cell(field.name, field.text);
    }
  }

  /// The unit of the run about to be added (its time_unit field); nullopt if unknown.
  void set_row_unit(std::optional<int> exponent) noexcept { row_exponent_ = exponent; }

  [[nodiscard]] table iterations(const std::string& source) { return iterations_.finish(source, true); }
  [[nodiscard]] table aggregates(const std::string& source) { return aggregates_.finish(source, true); }

 private:
  int unit_exponent_;
  std::string unit_name_;
  std::optional<int> row_exponent_;
  table_assembler iterations_;
  table_assembler aggregates_;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_GOOGLE_BENCHMARK_ROWS_HPP
