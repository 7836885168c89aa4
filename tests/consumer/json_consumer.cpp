// A consumer of tradeoff::json (json.hpp and google_benchmark.hpp, with nlohmann_json), compiled by the consumer tests
// with the strict warning set and -Werror, and run: it checks known answers.
#include <tradeoff/google_benchmark.hpp>
#include <tradeoff/json.hpp>

#include <cstdio>
#include <sstream>
#include <string>

int main() {
  int failures = 0;
  const auto check = [&](bool ok, const char* what) {
    if (!ok) {
      std::printf("FAILED: %s\n", what);
      ++failures;
    }
  };
  std::istringstream lines("{\"run\": 1, \"model\": {\"type\": \"MLA\"}, \"val_loss\": 0.1}\n"
                           "{\"run\": 2, \"model\": {\"type\": \"GQA\"}, \"val_loss\": 0.3}\n");
  const tradeoff::table runs = tradeoff::read_json(lines, "consumer.jsonl");
  check(runs.rows() == 2, "two records");
  check(runs.has_column("model.type"), "model.type flattened");
  const Eigen::ArrayXd loss = runs.numeric("val_loss");
  // pandas' read_json (ultrajson) reads 0.3 as 3 * 0.1 = 0.30000000000000004, one ulp above 0.3
  check(loss[1] > 0.3 && loss[1] < 0.3000000000000001, "ultrajson's value");
  try {
    std::istringstream bad("{\"a\": tru}");
    static_cast<void>(tradeoff::read_json(bad, "bad.jsonl"));
    check(false, "malformed JSON throws");
  } catch (const tradeoff::json_error& error) {
    check(error.byte_offset() == 9 && error.line() == 1, "malformed JSON: byte offset 9, line 1");
  }
  std::istringstream gbench("name,iterations,real_time,cpu_time,time_unit\n\"BM_x/dim:256\",10,1.5,1.25,us\n");
  const tradeoff::google_benchmark_results results = tradeoff::read_google_benchmark(gbench, "gbench.csv");
  check(results.iterations.rows() == 1, "one Google Benchmark run");
  check(results.iterations.numeric("real_time")[0] > 1499.99 && results.iterations.numeric("real_time")[0] < 1500.01,
        "1.5 us in ns");
  check(results.iterations.strings("dim")[0] == "256", "named argument dim");
  std::printf("tradeoff json consumer: %d failures\n", failures);
  return failures == 0 ? 0 : 1;
}
