#ifndef TRADEOFF_DETAIL_GOOGLE_BENCHMARK_READER_HPP
#define TRADEOFF_DETAIL_GOOGLE_BENCHMARK_READER_HPP

/// @file
/// @brief Internal: the reader behind `read_google_benchmark` — a JSON or CSV output of Google
/// Benchmark split into runs and aggregates, names into family and arguments, times into one unit.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <istream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <tradeoff/csv.hpp>
#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/google_benchmark_json.hpp>
#include <tradeoff/detail/google_benchmark_rows.hpp>
#include <tradeoff/detail/json_flatten.hpp>
#include <tradeoff/google_benchmark_types.hpp>
#include <tradeoff/json.hpp>

namespace tradeoff::detail {

[[nodiscard]] inline const char* time_unit_name(time_unit unit) noexcept {
  switch (unit) {
    case time_unit::ns:
      return "ns";
    case time_unit::us:
      return "us";
    case time_unit::ms:
      return "ms";
    case time_unit::s:
      break;
  }
  return "s";
}

/// A JSON value as cell text (numbers correctly rounded, as Python's json module reads them).
[[nodiscard]] inline std::string gbench_cell(const nlohmann::ordered_json& value) {
  std::string text;
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_boolean()) {
    return value.get<bool>() ? "True" : "False";
  }
  if (value.is_number_unsigned()) {
    append_integer(text, value.get<std::uint64_t>());
  } else if (value.is_number_integer()) {
    append_integer(text, value.get<std::int64_t>());
  } else if (value.is_number_float()) {
    append_shortest(text, value.get<double>());
  } else if (!value.is_null()) {
    text = value.dump();
  }
  return text;
}

class google_benchmark_reader {
 public:
  google_benchmark_reader(std::string name, const google_benchmark_options& options)
      : name_(std::move(name)),
        unit_(options.unit),
        rows_(*gbench_unit_exponent(time_unit_name(options.unit)), time_unit_name(options.unit)) {}

  [[nodiscard]] google_benchmark_results read(std::string text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string::npos) {
      throw json_error("read_google_benchmark", name_, 0, 0, 0, false, "the file is empty");
    }
    if (text[first] == '{') {
      read_json_output(text);
    } else {
      read_csv_output(text);
    }
    google_benchmark_results out;
    out.iterations = rows_.iterations(name_);
    out.aggregates = rows_.aggregates(name_);
    out.context = std::move(context_);
    out.unit = unit_;
    return out;
  }

 private:
  [[noreturn]] void missing(const std::string& what) const {
    throw json_error("read_google_benchmark", name_, 0, 0, 0, false,
                     what + " (not a Google Benchmark output, or a version this reader does not know; it reads "
                            "the JSON and CSV of Google Benchmark 1.5 and later)");
  }

  // --- JSON ---
  void read_json_output(std::string& text) {
    nlohmann::ordered_json root;
    std::size_t offset = 0;
    std::string message;
    if (!parse_gbench_json(text, root, offset, message)) {
      const json_place place = json_place_of(text, offset);
      throw json_error("read_google_benchmark", name_, place.line, place.column, place.offset, true,
                       "malformed JSON: " + message);
    }
    if (!root.is_object() || !root.contains("context") || !root["context"].is_object()) {
      missing("no object field \"context\" at the top level");
    }
    if (!root.contains("benchmarks") || !root["benchmarks"].is_array()) {
      missing("no array field \"benchmarks\" at the top level");
    }
    read_json_context(root["context"]);
    std::size_t index = 0;
    for (const auto& run : root["benchmarks"]) {
      ++index;
      read_json_run(run, index);
    }
  }

  void read_json_context(const nlohmann::ordered_json& context) {
    for (const auto& item : context.items()) {
      const nlohmann::ordered_json& value = item.value();
      context_.fields.emplace_back(item.key(), gbench_cell(value));
      const std::string& key = item.key();
      if (key == "date" && value.is_string()) {
        context_.date = value.get<std::string>();
      } else if (key == "host_name" && value.is_string()) {
        context_.host_name = value.get<std::string>();
      } else if (key == "executable" && value.is_string()) {
        context_.executable = value.get<std::string>();
      } else if (key == "num_cpus" && value.is_number()) {
        context_.num_cpus = detail::json_integer_or(value, 0);
      } else if (key == "mhz_per_cpu" && value.is_number()) {
        context_.mhz_per_cpu = value.get<double>();
      } else if (key == "cpu_scaling_enabled" && value.is_boolean()) {
        context_.cpu_scaling_enabled = value.get<bool>();
      } else if (key == "library_build_type" && value.is_string()) {
        context_.library_build_type = value.get<std::string>();
      } else if (key == "load_avg" && value.is_array()) {
        for (const auto& load : value) {
          if (load.is_number()) {
            context_.load_avg.push_back(load.get<double>());
          }
        }
      } else if (key == "caches" && value.is_array()) {
        for (const auto& cache : value) {
          if (!cache.is_object()) {
            continue;
          }
          google_benchmark_cache entry;
          const auto field = [&cache](const char* name) -> const nlohmann::ordered_json& {
            static const nlohmann::ordered_json absent;
            const auto found = cache.find(name);
            return found != cache.end() ? *found : absent;
          };
          const nlohmann::ordered_json& type = field("type");
          entry.type = type.is_string() ? type.get<std::string>() : std::string();
          entry.level = detail::json_integer_or(field("level"), 0);
          entry.size_bytes = detail::json_integer_or(field("size"), std::int64_t{0});
          entry.num_sharing = detail::json_integer_or(field("num_sharing"), 0);
          context_.caches.push_back(entry);
        }
      }
    }
  }

  void read_json_run(const nlohmann::ordered_json& run, std::size_t index) {
    if (!run.is_object()) {
      missing("benchmark " + std::to_string(index) + " is not an object");
    }
    const auto required = [&](const char* field) -> const nlohmann::ordered_json& {
      if (!run.contains(field)) {
        const std::string name = run.contains("name") ? gbench_cell(run["name"]) : std::string("?");
        missing("benchmark " + std::to_string(index) + " (\"" + name + "\") has no field \"" + field + "\"");
      }
      return run[field];
    };
    for (const char* field : {"name", "run_name", "run_type", "iterations", "real_time", "cpu_time", "time_unit"}) {
      static_cast<void>(required(field));
    }
    const std::string run_type = gbench_cell(run["run_type"]);
    if (run_type != "iteration" && run_type != "aggregate") {
      missing("benchmark " + std::to_string(index) + " has run_type \"" + run_type +
              "\" (expected \"iteration\" or \"aggregate\")");
    }
    const bool aggregate = run_type == "aggregate";
    if (aggregate) {
      static_cast<void>(required("aggregate_name"));
    }
    const std::string unit = gbench_cell(run["time_unit"]);
    const std::optional<int> exponent = gbench_unit_exponent(unit);
    if (!exponent.has_value()) {
      missing("benchmark " + std::to_string(index) + " has time_unit \"" + unit + "\" (expected ns, us, ms or s)");
    }
    std::vector<gbench_field> fields;
    for (const auto& item : run.items()) {
      fields.push_back({item.key(), gbench_cell(item.value())});
    }
    const bool failed = run.contains("error_occurred") && run["error_occurred"].is_boolean() &&
                        run["error_occurred"].get<bool>();
    const auto aggregate_unit = run.find("aggregate_unit");
    const bool percentage = aggregate && aggregate_unit != run.end() && aggregate_unit->is_string() &&
                            aggregate_unit->get<std::string>() == "percentage";
    rows_.set_row_unit(exponent);
    rows_.add(0, gbench_cell(run["run_name"]), aggregate, fields, failed, percentage);
  }

  // --- CSV ---
  void read_csv_output(const std::string& text) {
    std::size_t header = 0;
    std::size_t line_number = 0;
    bool in_caches = false;
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      std::string line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
      ++line_number;
      if (line.rfind("name,", 0) == 0) {
        header = start;
        break;
      }
      read_csv_context_line(line, line_number, in_caches);
      start = end + 1;
    }
    if (header == 0 && text.rfind("name,", 0) != 0) {
      missing("no header line beginning \"name,\"");
    }
    std::istringstream body(text.substr(header));
    csv_options options;
    options.fill_short_rows = true;  // Google Benchmark leaves out the empty counters at a row's end
    const table runs = read_csv(body, name_, options);
    for (const char* column : {"name", "iterations", "real_time", "cpu_time", "time_unit"}) {
      if (!runs.has_column(column)) {
        missing(std::string("the CSV header has no column \"") + column + "\"");
      }
    }
    // a name that is an earlier iteration's name plus "_<statistic>" is that statistic's aggregate
    std::vector<std::string> seen;
    const std::vector<std::string> names = runs.column_names();
    const std::size_t first_line = line_number;
    for (Eigen::Index row = 0; row < runs.rows(); ++row) {
      const std::string name(runs.cell(row, runs.column_index("name")));
      std::string run_name = name;
      std::string statistic;
      for (const std::string& earlier : seen) {  // the longest earlier name that is a prefix
        const bool prefix = name.size() > earlier.size() + 1 && name.compare(0, earlier.size(), earlier) == 0 &&
                            name[earlier.size()] == '_';
        if (prefix && (statistic.empty() || earlier.size() > run_name.size())) {
          run_name = earlier;
          statistic = name.substr(earlier.size() + 1);
        }
      }
      const bool aggregate = !statistic.empty();
      if (!aggregate && (seen.empty() || seen.back() != name)) {
        seen.push_back(name);
      }
      const std::string unit(runs.cell(row, runs.column_index("time_unit")));
      const std::optional<int> exponent = gbench_unit_exponent(unit);
      const bool failed = runs.has_column("error_occurred") &&
                          runs.cell(row, runs.column_index("error_occurred")) == "true";
      if (!exponent.has_value() && !failed) {
        throw csv_error("read_google_benchmark", name_, runs.line_of_row(row) + first_line - 1, 0,
                        "time_unit \"" + unit + "\" (expected ns, us, ms or s)");
      }
      std::vector<gbench_field> fields;
      fields.push_back({"name", name});
      fields.push_back({"run_name", run_name});
      fields.push_back({"run_type", aggregate ? "aggregate" : "iteration"});
      if (aggregate) {
        fields.push_back({"aggregate_name", statistic});
        fields.push_back({"aggregate_unit", statistic == "cv" ? "percentage" : "time"});
      }
      fields.push_back({"threads", gbench_threads_in_name(run_name)});
      const std::string iterations(runs.cell(row, runs.column_index("iterations")));
      for (std::size_t column = 1; column < names.size(); ++column) {
        std::string text_value(runs.cell(row, static_cast<Eigen::Index>(column)));
        double value = 0.0;
        if (names[column] != "label" && names[column] != "error_message" && names[column] != "time_unit" &&
            parse_pandas_double(text_value, value)) {
          if (statistic == "cv" && exponent.has_value() && (names[column] == "real_time" || names[column] == "cpu_time")) {
            // Google Benchmark 1.7's CSV reporter prints cv's ratio times the unit's multiplier
            // over the repetitions: undo it
            double count = 0.0;
            if (parse_pandas_double(iterations, count)) {
              value = gbench_convert(value, *exponent, 0) * count;
            }
          }
          text_value.clear();
          append_shortest(text_value, value);  // the value pandas reads, as text that reads back exactly
        } else if (names[column] == "error_occurred" && !text_value.empty()) {
          text_value = text_value == "true" ? "True" : "False";
        }
        fields.push_back({names[column], text_value});
      }
      rows_.set_row_unit(exponent);
      rows_.add(runs.line_of_row(row) + first_line - 1, run_name, aggregate, fields, failed,
                statistic == "cv");
    }
  }

  void read_csv_context_line(const std::string& line, std::size_t number, bool& in_caches) {
    if (line.empty()) {
      return;
    }
    if (number == 1) {
      context_.date = line;
      context_.fields.emplace_back("date", line);
      return;
    }
    if (in_caches && line.rfind("  ", 0) == 0) {
      // "  L1 Data 48 KiB (x2)"
      std::istringstream in(line);
      std::string level;
      std::string type;
      double size = 0.0;
      std::string scale;
      std::string count;
      in >> level >> type >> size >> scale >> count;
      google_benchmark_cache cache;
      cache.type = type;
      cache.level = level.size() > 1 ? detail::integer_or(std::strtod(level.c_str() + 1, nullptr), 0) : 0;
      const double multiplier = scale == "KiB" ? 1024.0 : scale == "MiB" ? 1048576.0 : scale == "GiB" ? 1073741824.0 : 1.0;
      cache.size_bytes = detail::integer_or(size * multiplier, std::int64_t{0});
      const int copies = count.size() > 3 ? detail::integer_or(std::strtod(count.c_str() + 2, nullptr), 0) : 0;
      cache.num_sharing = copies > 0 && context_.num_cpus % copies == 0 ? context_.num_cpus / copies : 0;
      context_.caches.push_back(cache);
      return;
    }
    in_caches = false;
    if (line.rfind("Running ", 0) == 0) {
      context_.executable = line.substr(8);
      context_.fields.emplace_back("executable", context_.executable);
    } else if (line.rfind("Run on (", 0) == 0) {
      // "Run on (2 X 2300 MHz CPU s)"
      std::istringstream in(line.substr(8));
      std::string times;
      in >> context_.num_cpus >> times >> context_.mhz_per_cpu;
      context_.fields.emplace_back("num_cpus", std::to_string(context_.num_cpus));
    } else if (line == "CPU Caches:") {
      in_caches = true;
    } else if (line.rfind("Load Average: ", 0) == 0) {
      std::istringstream in(line.substr(14));
      for (std::string value; std::getline(in, value, ',');) {
        context_.load_avg.push_back(std::strtod(value.c_str(), nullptr));
      }
      context_.fields.emplace_back("load_avg", line.substr(14));
    } else if (line.find("Library was built as DEBUG") != std::string::npos) {
      context_.library_build_type = "debug";
    } else if (line.find("CPU scaling is enabled") != std::string::npos) {
      context_.cpu_scaling_enabled = true;
    } else if (line.find(": ") != std::string::npos && line.rfind("***", 0) != 0) {
      const std::size_t colon = line.find(": ");
      context_.fields.emplace_back(line.substr(0, colon), line.substr(colon + 2));  // custom context
    }
    if (context_.library_build_type.empty()) {
      context_.library_build_type = "release";  // the CSV names only a debug build
    }
  }

  std::string name_;
  time_unit unit_;
  gbench_rows rows_;
  google_benchmark_context context_;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_GOOGLE_BENCHMARK_READER_HPP
