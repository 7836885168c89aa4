#ifndef TRADEOFF_TESTS_TEST_SUPPORT_HPP
#define TRADEOFF_TESTS_TEST_SUPPORT_HPP

/// @file
/// @brief Helpers shared by the test files (not part of the library): exception messages and
/// the golden data that more than one test reads.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <limits>
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

/// The what() of the `Exception` that f() throws; fails the check (and returns a marker) when f
/// returns normally or throws something else.
template <typename Exception, typename F>
std::string what_of(F&& f) {
  try {
    static_cast<void>(f());
  } catch (const Exception& e) {
    return e.what();
  } catch (const std::exception& e) {
    FAIL_CHECK("threw a different exception type: " << std::string(e.what()));
    return "<different exception>";
  }
  FAIL_CHECK("did not throw");
  return "<no exception>";
}

/// Both NaN, or the same bits (so 0.0 and -0.0 differ).
inline bool same_double(double a, double b) {
  std::uint64_t x = 0;
  std::uint64_t y = 0;
  std::memcpy(&x, &a, sizeof x);
  std::memcpy(&y, &b, sizeof y);
  return (std::isnan(a) && std::isnan(b)) || x == y;
}

/// The whitespace-separated words of a golden-file line.
inline std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string word; in >> word;) {
    out.push_back(word);
  }
  return out;
}

/// Hex-encoded bytes of a golden file back to text ("=" is the empty text).
inline std::string unhex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; hex != "=" && i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

/// A golden file's float.hex text ("nan" for NaN) as a double.
inline double from_hex(const std::string& text) {
  return text == "nan" ? std::numeric_limits<double>::quiet_NaN() : std::strtod(text.c_str(), nullptr);
}

/// The fastest of `repeats` runs of f, in seconds of the process's CPU time (std::clock: what
/// other processes on a shared machine do moves it far less than wall time, and the minimum is
/// what the algorithm costs). For the few tests that compare the cost of a hostile input with an
/// ordinary one as a generous ratio (issue 21).
template <typename F>
double fastest_seconds(F&& f, int repeats = 5) {
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const std::clock_t start = std::clock();
    f();
    const double took = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
    best = std::min(best, took);
  }
  return best;
}

/// The inverse of an odd number modulo 2^64 (Newton's iteration).
inline std::uint64_t inverse_mod_2_64(std::uint64_t odd) {
  std::uint64_t x = odd;
  for (int i = 0; i < 6; ++i) {
    x *= 2 - odd * x;
  }
  return x;
}

/// n distinct 64-bit patterns that group_by's old table sent to one slot: its slot was the top bits
/// of h ^ (h >> 29) with h = bits * 0x9E3779B97F4A7C15, so bits = j * that multiplier's inverse
/// gives h = j < 2^29 and slot 0 at every capacity. Patterns that are NaN or ±0.0 as doubles are
/// skipped, so the same patterns serve as int64 and as double keys (issue 21, row 1).
inline std::vector<std::uint64_t> fibonacci_colliding_patterns(std::size_t n) {
  const std::uint64_t inverse = inverse_mod_2_64(0x9E3779B97F4A7C15ULL);
  std::vector<std::uint64_t> patterns;
  for (std::uint64_t j = 1; patterns.size() < n; ++j) {
    const std::uint64_t bits = j * inverse;
    double as_double = 0.0;
    std::memcpy(&as_double, &bits, sizeof as_double);
    if (!std::isnan(as_double) && std::fpclassify(as_double) != FP_ZERO) {
      patterns.push_back(bits);
    }
  }
  return patterns;
}

/// n distinct 16-byte strings with one libstdc++ std::hash<std::string> value. libstdc++ hashes
/// with a fixed seed, block by block: state = (state ^ f(block)) * m with an invertible f, so for
/// any first block the second one can be solved for a chosen state (issue 21, row 1).
/// `csv_cells` skips strings with a byte that a CSV cell cannot hold unquoted (NUL, CR, LF, a
/// comma, a quote), so that they can be column names.
inline std::vector<std::string> std_hash_colliding_strings(std::size_t n, bool csv_cells = false) {
  const std::uint64_t m = 0xC6A4A7935BD1E995ULL;
  const std::uint64_t m_inverse = inverse_mod_2_64(m);
  const auto shift_mix = [](std::uint64_t v) { return v ^ (v >> 47U); };  // its own inverse
  std::vector<std::string> keys;
  for (std::uint64_t counter = 1; keys.size() < n; ++counter) {
    // a first block without NUL bytes: the counter in base 255, each digit + 1
    std::uint64_t first = 0;
    for (std::uint64_t rest = counter, shift = 0; shift < 64; rest /= 255, shift += 8) {
      first |= (rest % 255 + 1) << shift;
    }
    std::uint64_t state = 0xC70F6907ULL ^ (16 * m);
    state ^= shift_mix(first * m) * m;
    state *= m;
    const std::uint64_t second = shift_mix(state * m_inverse) * m_inverse;  // makes the next state 0
    std::string key(16, '\0');
    std::memcpy(&key[0], &first, 8);
    std::memcpy(&key[8], &second, 8);
    if (!csv_cells || key.find_first_of(std::string("\0\r\n,\"", 5)) == std::string::npos) {
      keys.push_back(key);
    }
  }
  return keys;
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
