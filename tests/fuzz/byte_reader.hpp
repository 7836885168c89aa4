#ifndef TRADEOFF_TESTS_FUZZ_BYTE_READER_HPP
#define TRADEOFF_TESTS_FUZZ_BYTE_READER_HPP

/// @file
/// @brief Turns a fuzzer's byte string into structured test inputs, and the failure type the
/// property checks throw. Shared by the libFuzzer targets (tests/fuzz/fuzz_*.cpp) and by the
/// doctest replay of the corpus and the regressions (tests/fuzz_regressions_test.cpp), so it
/// compiles warning-free with GCC and clang under -Wall -Wextra -Wpedantic -Wconversion -Wshadow.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <sstream>
#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>

namespace tradeoff_fuzz {

/// @brief A property of the library did not hold for this input. The fuzz targets turn it
/// into abort() (a finding); the doctest replay turns it into a failed test.
struct check_failure : std::logic_error {
  using std::logic_error::logic_error;
};

/// @brief Text that is only built when a message needs it: the description of an input (its
/// values printed with 17 digits) costs more than many checks, and is needed only on failure.
struct lazy_text {
  std::function<std::string()> make;
};

inline std::ostream& operator<<(std::ostream& out, const lazy_text& text) { return out << text.make(); }

/// @brief Throws check_failure with a message built from the arguments when `ok` is false.
template <typename... Parts>
void expect(bool ok, const Parts&... parts) {
  if (ok) return;
  std::ostringstream message;
  message.precision(17);
  (message << ... << parts);
  throw check_failure(message.str());
}

/// @brief Calls f(); true iff it throws `Exception` whose what() starts with `prefix`.
template <typename Exception, typename F>
bool throws_with_prefix(F&& f, const std::string& prefix) {
  try {
    static_cast<void>(f());
  } catch (const Exception& e) {
    return std::string(e.what()).rfind(prefix, 0) == 0;
  }
  return false;
}

/// @brief True iff the two arrays have the same size and the same bytes (NaN payloads and the
/// sign of zero included). Safe for empty arrays, whose data() may be null.
template <typename A, typename B>
bool same_bits(const A& a, const B& b) {
  if (a.size() != b.size()) return false;
  if (a.size() == 0) return true;
  return std::memcmp(a.data(), b.data(), sizeof(*a.data()) * static_cast<std::size_t>(a.size())) == 0;
}

/// @brief Reads bytes from the front of the input; past the end every read yields zero, so a
/// short input is still a valid (small) test case.
class byte_reader {
 public:
  byte_reader(const std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}

  [[nodiscard]] bool empty() const noexcept { return position_ >= size_; }
  [[nodiscard]] std::size_t remaining() const noexcept { return empty() ? 0 : size_ - position_; }

  std::uint8_t byte() noexcept { return empty() ? std::uint8_t{0} : data_[position_++]; }

  std::uint16_t u16() noexcept {
    const auto low = byte();
    const auto high = byte();
    return static_cast<std::uint16_t>(low | (high << 8));
  }

  /// @brief Eight raw bytes reinterpreted as a double (any bit pattern: NaN payloads, subnormals).
  double raw_double() noexcept {
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) bits |= static_cast<std::uint64_t>(byte()) << (8 * i);
    double value = 0.0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  }

  /// @brief One value from a small alphabet chosen so that ties, duplicates and the special
  /// values are frequent: a tag byte selects a grid value 0..10 (most tags), NaN, ±inf, −0.0,
  /// ±DBL_MAX, the smallest subnormal, a half-integer, or eight raw bytes.
  double value() noexcept {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const std::uint8_t tag = byte();
    if (tag < 0xE0) return static_cast<double>(tag % 11);
    switch (tag) {
      case 0xE0: case 0xE1: case 0xE2: return std::numeric_limits<double>::quiet_NaN();
      case 0xE3: case 0xE4: return inf;
      case 0xE5: case 0xE6: return -inf;
      case 0xE7: case 0xE8: return -0.0;
      case 0xE9: return std::numeric_limits<double>::max();
      case 0xEA: return -std::numeric_limits<double>::max();
      case 0xEB: return std::numeric_limits<double>::denorm_min();
      case 0xEC: return -std::numeric_limits<double>::denorm_min();
      case 0xED: return static_cast<double>(byte()) / 2.0 - 64.0;
      case 0xEE: return static_cast<double>(u16()) * 1e-3 - 30.0;
      case 0xEF: return 0.1 * static_cast<double>(byte() % 16);
      default: return raw_double();  // 0xF0..0xFF
    }
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t position_ = 0;
};

}  // namespace tradeoff_fuzz

#endif  // TRADEOFF_TESTS_FUZZ_BYTE_READER_HPP
