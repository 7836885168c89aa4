#include <tradeoff/google_benchmark.hpp>

#include <tradeoff/pareto.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace {

using tradeoff_test::from_hex;
using tradeoff_test::same_double;
using tradeoff_test::unhex;
using tradeoff_test::what_of;
using tradeoff_test::words;

std::string fixture(const std::string& file) { return std::string(TRADEOFF_TEST_DATA_DIR) + "/gbench/" + file; }

tradeoff::google_benchmark_results read_text(const std::string& text) {
  std::istringstream in(text);
  return tradeoff::read_google_benchmark(in, "memory.json");
}

}  // namespace

// Fixtures: real runs of tests/data/gbench/fixture_bench.cpp (tests/golden/make_gbench_fixtures.sh);
// expected values: pd.json_normalize(json.load(f)["benchmarks"]) (tests/golden/make_golden_gbench.py).
TEST_CASE("read_google_benchmark: JSON fixtures give pandas' columns split by run_type") {
  std::ifstream golden(std::string(TRADEOFF_TEST_DATA_DIR) + "/golden_gbench.txt");
  REQUIRE(golden.good());
  std::string line;
  std::getline(golden, line);
  int parts = 0;
  int checked_columns = 0;
  std::string file;
  tradeoff::google_benchmark_results results;
  const tradeoff::table* table = nullptr;
  while (std::getline(golden, line)) {
    const std::vector<std::string> head = words(line);
    if (head[0] == "file") {
      if (head[1] != file) {
        file = head[1];
        results = tradeoff::read_google_benchmark(fixture(file));
      }
      table = head[2] == "iteration" ? &results.iterations : &results.aggregates;
      CAPTURE(file);
      CAPTURE(head[2]);
      REQUIRE(table->rows() == std::stol(head[3]));
      ++parts;
      continue;
    }
    REQUIRE(table != nullptr);
    const std::string& column = head[1];
    CAPTURE(file);
    CAPTURE(column);
    REQUIRE(table->has_column(column));
    REQUIRE(head.size() == static_cast<std::size_t>(table->rows()) + 2);
    if (head[0] == "numeric") {
      const Eigen::ArrayXd values = table->numeric(column);
      for (Eigen::Index row = 0; row < table->rows(); ++row) {
        CHECK_MESSAGE(same_double(values[row], from_hex(head[static_cast<std::size_t>(row) + 2])), "row " << row);
      }
    } else {
      const std::vector<std::string> cells = table->strings(column);
      for (Eigen::Index row = 0; row < table->rows(); ++row) {
        const std::string& want = head[static_cast<std::size_t>(row) + 2];
        CHECK(cells[static_cast<std::size_t>(row)] == (want == "-" ? std::string() : unhex(want)));
      }
    }
    ++checked_columns;
  }
  CHECK(parts == 4);
  CHECK(checked_columns > 60);
}

TEST_CASE("read_google_benchmark: aggregates stay apart and times share one unit") {
  const tradeoff::google_benchmark_results r = tradeoff::read_google_benchmark(fixture("repetitions.json"));
  // 8 benchmark instances x 3 repetitions; the 7 that ran x (mean median stddev cv) + 2 user-defined max
  CHECK(r.iterations.rows() == 24);
  CHECK(r.aggregates.rows() == 30);
  for (const std::string& type : r.iterations.strings("run_type")) {
    CHECK(type == "iteration");
  }
  int max_rows = 0;
  const std::vector<std::string> statistic = r.aggregates.strings("aggregate_name");
  for (const std::string& name : statistic) {
    max_rows += name == "max" ? 1 : 0;
  }
  CHECK(max_rows == 2);
  const std::vector<std::string> units = r.iterations.strings("time_unit");
  for (const std::string& unit : units) {
    CHECK(unit == "ns");
  }
  CHECK(r.unit == tradeoff::time_unit::ns);
  // a failed run has no times (so it cannot land on a front) and keeps its message
  const Eigen::ArrayXd real = r.iterations.numeric("real_time");
  const std::vector<std::string> errors = r.iterations.strings("error_message");
  int failed = 0;
  for (Eigen::Index row = 0; row < r.iterations.rows(); ++row) {
    if (!errors[static_cast<std::size_t>(row)].empty()) {
      ++failed;
      CHECK(std::isnan(real[row]));
      CHECK(errors[static_cast<std::size_t>(row)] == "out of memory, tried to allocate 2 GiB");
    }
  }
  CHECK(failed == 3);
  // user counters are numeric columns
  CHECK(r.iterations.numeric_with_report("tokens_per_s").coerced == 0);
  CHECK(r.iterations.has_column("cache_mb"));
  // the front of the iterations alone: aggregates are never among its rows
  const tradeoff::google_benchmark_results in_us =
      tradeoff::read_google_benchmark(fixture("repetitions.json"), {tradeoff::time_unit::us});
  const Eigen::ArrayXd real_us = in_us.iterations.numeric("real_time");
  for (Eigen::Index row = 0; row < real.size(); ++row) {
    if (!std::isnan(real[row])) {
      CHECK(real_us[row] == doctest::Approx(real[row] / 1000.0).epsilon(1e-15));
    }
  }
}

TEST_CASE("read_google_benchmark: context beside the tables") {
  const tradeoff::google_benchmark_results r = tradeoff::read_google_benchmark(fixture("repetitions.json"));
  CHECK(r.context.num_cpus >= 1);
  CHECK(r.context.caches.size() >= 2);
  CHECK(r.context.caches[0].level == 1);
  CHECK(r.context.caches[0].size_bytes > 0);
  CHECK(r.context.load_avg.size() == 3);
  CHECK((r.context.library_build_type == "debug" || r.context.library_build_type == "release"));
  CHECK(r.context.date.rfind("20", 0) == 0);
  bool custom = false;
  for (const auto& field : r.context.fields) {
    custom = custom || (field.first == "model" && field.second == "deepseek-v2-lite");
  }
  CHECK(custom);
}

TEST_CASE("read_google_benchmark: the CSV of a run matches the JSON of the same run") {
  const tradeoff::google_benchmark_results json = tradeoff::read_google_benchmark(fixture("console.json"));
  const tradeoff::google_benchmark_results csv = tradeoff::read_google_benchmark(fixture("repetitions.csv"));
  CHECK(csv.context.num_cpus == json.context.num_cpus);
  CHECK(csv.context.caches.size() == json.context.caches.size());
  CHECK(csv.context.library_build_type == json.context.library_build_type);
  for (const bool aggregates : {false, true}) {
    const tradeoff::table& a = aggregates ? json.aggregates : json.iterations;
    const tradeoff::table& b = aggregates ? csv.aggregates : csv.iterations;
    CAPTURE(aggregates);
    REQUIRE(a.rows() == b.rows());
    CHECK(a.strings("name") == b.strings("name"));
    for (const char* column : {"family", "args", "dim", "heads", "run_name", "run_type", "threads"}) {
      CAPTURE(column);
      CHECK(a.strings(column) == b.strings(column));
    }
    if (aggregates) {
      CHECK(a.strings("aggregate_name") == b.strings("aggregate_name"));
    }
    // CSV prints 6 significant digits; cv's CSV value is undone from Google Benchmark's scaling
    for (const char* column : {"real_time", "cpu_time", "heads_seen", "bytes_per_second", "iterations"}) {
      CAPTURE(column);
      const Eigen::ArrayXd x = a.numeric(column);
      const Eigen::ArrayXd y = b.numeric(column);
      for (Eigen::Index row = 0; row < x.size(); ++row) {
        CAPTURE(row);
        if (std::string(column) == "iterations" && std::isnan(y[row])) {
          continue;  // a failed run: the CSV leaves its iterations empty, the JSON says 1
        }
        CHECK(std::isnan(x[row]) == std::isnan(y[row]));
        if (!std::isnan(x[row])) {
          CHECK(y[row] == doctest::Approx(x[row]).epsilon(1e-5));
        }
      }
    }
  }
  // positional arguments from the CSV of BM_attn
  const tradeoff::google_benchmark_results attention = tradeoff::read_google_benchmark(fixture("attention.csv"));
  CHECK(attention.iterations.rows() == 8);
  CHECK(attention.aggregates.rows() == 16);
  CHECK(attention.iterations.strings("arg1")[0] == "MLA");
  CHECK(attention.iterations.numeric("arg2")[0] == 128.0);
  CHECK(attention.iterations.numeric("arg3")[0] == 256.0);
  CHECK(attention.iterations.line_of_row(0) == 13);  // after 11 context lines and the header
}

TEST_CASE("E160 a file that is not a Google Benchmark output says which field it lacks") {
  CHECK(what_of<tradeoff::json_error>([] { return read_text("{\"benchmarks\": []}"); }) ==
        "tradeoff::read_google_benchmark: memory.json: no object field \"context\" at the top level (not a "
        "Google Benchmark output, or a version this reader does not know; it reads the JSON and CSV of Google "
        "Benchmark 1.5 and later)");
  CHECK(what_of<tradeoff::json_error>([] {
          return read_text("{\"context\": {}, \"benchmarks\": [{\"name\": \"BM_a\", \"iterations\": 1, "
                           "\"real_time\": 1, \"cpu_time\": 1, \"time_unit\": \"ns\"}]}");
        }).find("benchmark 1 (\"BM_a\") has no field \"run_name\"") != std::string::npos);
  CHECK(what_of<tradeoff::json_error>([] { return read_text("{\"context\": {}}"); })
            .find("no array field \"benchmarks\"") != std::string::npos);
  CHECK(what_of<tradeoff::json_error>([] { return read_text("name_x,1\n"); })
            .find("no header line beginning \"name,\"") != std::string::npos);
  CHECK(what_of<tradeoff::json_error>([] { return read_text("name,iterations\nBM_a,1\n"); })
            .find("the CSV header has no column \"real_time\"") != std::string::npos);
}

TEST_CASE("E161 an unknown time unit: json_error or csv_error naming it") {
  CHECK(what_of<tradeoff::json_error>([] {
          return read_text("{\"context\": {}, \"benchmarks\": [{\"name\": \"BM_a\", \"run_name\": \"BM_a\", "
                           "\"run_type\": \"iteration\", \"iterations\": 1, \"real_time\": 1, \"cpu_time\": 1, "
                           "\"time_unit\": \"fortnights\"}]}");
        }).find("benchmark 1 has time_unit \"fortnights\" (expected ns, us, ms or s)") != std::string::npos);
  CHECK(what_of<tradeoff::csv_error>([] {
          return read_text("name,iterations,real_time,cpu_time,time_unit\nBM_a,1,2,3,ns\nBM_b,1,2,3,h\n");
        }) == "tradeoff::read_google_benchmark: memory.json:3: time_unit \"h\" (expected ns, us, ms or s)");
}

TEST_CASE("E162 malformed Google Benchmark JSON: json_error with byte offset and line") {
  CHECK(what_of<tradeoff::json_error>([] { return read_text("{\"context\": {},\n \"benchmarks\": [}"); })
            .find("memory.json:2:17: byte offset 32: malformed JSON: ") != std::string::npos);
  CHECK(what_of<tradeoff::json_error>([] { return read_text(""); }) ==
        "tradeoff::read_google_benchmark: memory.json: the file is empty");
}

TEST_CASE("E163 google_benchmark_options with a unit outside the enum: std::invalid_argument") {
  tradeoff::google_benchmark_options options;
  options.unit = static_cast<tradeoff::time_unit>(9);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::read_google_benchmark(fixture("console.json"), options); }) ==
        "tradeoff::read_google_benchmark: argument 'options.unit' = 9 is not a tradeoff::time_unit (use "
        "time_unit::ns, time_unit::us, time_unit::ms or time_unit::s)");
}

TEST_CASE("read_google_benchmark: NaN and Infinity counters are read") {
  const tradeoff::google_benchmark_results r = read_text(
      "{\"context\": {\"date\": \"x\"}, \"benchmarks\": [{\"name\": \"BM_a/4\", \"run_name\": \"BM_a/4\", "
      "\"run_type\": \"iteration\", \"iterations\": 1, \"real_time\": 2.5e+00, \"cpu_time\": 1, \"time_unit\": "
      "\"us\", \"c\": NaN, \"d\": -Infinity}]}");
  CHECK(std::isnan(r.iterations.numeric("c")[0]));
  CHECK(r.iterations.numeric("d")[0] == -std::numeric_limits<double>::infinity());
  CHECK(r.iterations.numeric("real_time")[0] == 2500.0);
  CHECK(r.iterations.numeric("arg1")[0] == 4.0);
}
