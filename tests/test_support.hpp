#ifndef TRADEOFF_TESTS_TEST_SUPPORT_HPP
#define TRADEOFF_TESTS_TEST_SUPPORT_HPP

/// @file
/// @brief Helpers shared by the test files (not part of the library): exception messages and
/// the golden data that more than one test reads.

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff_test {

/// Runs f, expects std::invalid_argument, returns its message (fails the test if none).
template <typename F>
std::string invalid_argument_message(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  FAIL("no std::invalid_argument thrown");
  return {};
}

/// The fastest of `repeats` runs of f, in seconds. The minimum is what the algorithm costs; the
/// other engineers' processes on a shared machine only ever add to it. For the few tests that
/// compare the cost of a hostile input with an ordinary one as a generous ratio (issue 21).
template <typename F>
double fastest_seconds(F&& f, int repeats = 5) {
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    f();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
  }
  return best;
}

/// One row of the golden DataFrame (tests/data/golden_stats_rows.txt): group key and value.
struct golden_stats_row {
  long long key;
  double value;  // NaN where pandas has a missing value
};

/// The rows of the golden DataFrame in file (= row) order; needs TRADEOFF_TEST_DATA_DIR.
inline std::vector<golden_stats_row> read_golden_stats_rows() {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_stats_rows.txt");
  REQUIRE(in.good());
  std::vector<golden_stats_row> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    std::istringstream fields(line);
    long long key = 0;
    std::string value;
    fields >> key >> value;
    rows.push_back({key, std::strtod(value.c_str(), nullptr)});
  }
  return rows;
}

}  // namespace tradeoff_test

#endif  // TRADEOFF_TESTS_TEST_SUPPORT_HPP
