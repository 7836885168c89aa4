#ifndef TRADEOFF_BENCH_HARNESS_HPP
#define TRADEOFF_BENCH_HARNESS_HPP

/// @file
/// @brief What every C++ program of the peer driver shares: `--key value` options, timing
/// (median of repeated runs, wall clock) and the one-line result protocol that bench/run.sh reads.
///
/// Protocol: each measured computation prints one line
///   RESULT <tab> workload <tab> implementation <tab> median seconds <tab> min seconds <tab> runs
///          <tab> median CPU seconds <tab> note
/// and writes its answer as .npy files named `<answers>.<part>.npy` for bench/report.py to compare.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace bench {

/// @brief `program task --key value ...` parsed into the task and a key → value map.
struct options {
  std::string task;
  std::map<std::string, std::string> values;

  options(int argc, char** argv) {
    if (argc < 2) {
      throw std::invalid_argument("usage: program <task> [--key value]...");
    }
    task = argv[1];
    for (int i = 2; i + 1 < argc; i += 2) {
      std::string key = argv[i];
      if (key.rfind("--", 0) != 0) {
        throw std::invalid_argument("expected --key, got " + key);
      }
      values[key.substr(2)] = argv[i + 1];
    }
  }
  [[nodiscard]] bool has(const std::string& key) const { return values.count(key) != 0; }
  [[nodiscard]] std::string get(const std::string& key) const {
    const auto found = values.find(key);
    if (found == values.end()) {
      throw std::invalid_argument("missing option --" + key);
    }
    return found->second;
  }
  [[nodiscard]] std::string get(const std::string& key, const std::string& fallback) const {
    return has(key) ? get(key) : fallback;
  }
  [[nodiscard]] int runs() const { return std::stoi(get("runs", "3")); }
};

/// @brief "1.5,2,3" → {1.5, 2, 3} (the --reference option).
[[nodiscard]] inline std::vector<double> parse_doubles(const std::string& text) {
  std::vector<double> values;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    values.push_back(std::stod(item));
  }
  return values;
}

/// @brief main() of every program: parse the options, run the task, turn errors into exit code 1.
inline int run_main(int argc, char** argv, const char* program, const std::function<int(const options&)>& task) {
  try {
    return task(options(argc, argv));
  } catch (const std::exception& error) {
    std::cerr << program << ": " << error.what() << '\n';
    return 1;
  }
}

/// @brief Seconds of each run: wall clock, and CPU time of the whole process (all threads) —
/// a CPU time well below the wall time means the machine was busy with something else.
struct timings {
  std::vector<double> wall;
  std::vector<double> cpu;
};

/// @brief Times `runs` calls of `body`, which returns the computed answer; the last answer is kept
/// in `answer` so the work cannot be optimised away and can be checked.
template <typename Answer, typename Body>
[[nodiscard]] timings time_runs(int runs, Answer& answer, Body&& body) {
  timings seconds;
  for (int run = 0; run < runs; ++run) {
    const std::clock_t cpu_start = std::clock();
    const auto start = std::chrono::steady_clock::now();
    answer = body();
    const auto stop = std::chrono::steady_clock::now();
    const std::clock_t cpu_stop = std::clock();
    seconds.wall.push_back(std::chrono::duration<double>(stop - start).count());
    seconds.cpu.push_back(static_cast<double>(cpu_stop - cpu_start) / CLOCKS_PER_SEC);
  }
  return seconds;
}

[[nodiscard]] inline double median_of(std::vector<double> seconds) {
  std::sort(seconds.begin(), seconds.end());
  const std::size_t n = seconds.size();
  return n % 2 == 1 ? seconds[n / 2] : 0.5 * (seconds[n / 2 - 1] + seconds[n / 2]);
}

/// @brief Prints the RESULT line for one measured computation.
inline void report(const std::string& workload, const std::string& implementation, const timings& seconds,
                   const std::string& note = "") {
  std::printf("RESULT\t%s\t%s\t%.9g\t%.9g\t%zu\t%.9g\t%s\n", workload.c_str(), implementation.c_str(),
              median_of(seconds.wall), *std::min_element(seconds.wall.begin(), seconds.wall.end()),
              seconds.wall.size(), median_of(seconds.cpu), note.c_str());
  std::fflush(stdout);
}

/// @brief Prints a SKIP line: the driver records that this implementation did not run, and why.
inline void report_skip(const std::string& workload, const std::string& implementation,
                        const std::string& why) {
  std::printf("SKIP\t%s\t%s\t%s\n", workload.c_str(), implementation.c_str(), why.c_str());
  std::fflush(stdout);
}

/// @brief Peak extra memory of a computation (Linux): start() resets the process's peak RSS
/// (writing 5 to /proc/self/clear_refs) and notes the current RSS; extra_bytes() is the peak
/// since then minus that baseline. Returns -1 where /proc does not allow it.
class memory_probe {
 public:
  void start() {
    std::ofstream("/proc/self/clear_refs") << "5";
    baseline_ = status_kib("VmRSS:");
  }
  [[nodiscard]] long long extra_bytes() const {
    const long long peak = status_kib("VmHWM:");
    return peak < 0 || baseline_ < 0 ? -1 : (peak - baseline_) * 1024;
  }

 private:
  static long long status_kib(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind(field, 0) == 0) {
        return std::stoll(line.substr(field.size()));
      }
    }
    return -1;
  }
  long long baseline_ = -1;
};

/// @brief Prints the MEMORY line: extra peak bytes of the measured computation beyond its inputs.
inline void report_memory(const std::string& workload, const std::string& implementation, long long bytes,
                          std::size_t items) {
  std::printf("MEMORY\t%s\t%s\t%lld\t%zu\n", workload.c_str(), implementation.c_str(), bytes, items);
  std::fflush(stdout);
}

}  // namespace bench

#endif  // TRADEOFF_BENCH_HARNESS_HPP
