#ifndef TRADEOFF_DETAIL_UJSON_NUMBER_HPP
#define TRADEOFF_DETAIL_UJSON_NUMBER_HPP

/// @file
/// @brief Internal: the value pandas 1.5.3's `read_json` gives a JSON number with a fraction or
/// an exponent. Not API.
///
/// pandas decodes JSON with its bundled ultrajson (`ujson_loads`, `precise_float=False` by
/// default), which does not round correctly: it accumulates the integer digits in a uint64, at
/// most 15 fraction digits in a double (later ones are dropped, not rounded), then computes
/// `(integer + fraction * 10^-count) * sign`, and multiplies that by `pow(10, exponent)`. About
/// one value in seven that Python's `float()` reads differently (tests/golden/json_numbers.py
/// measures it). This file repeats those steps, each rounded as in C.

#include <cmath>
#include <cstdint>
#include <string_view>

#include <tradeoff/detail/float_exact.hpp>

namespace tradeoff::detail {

/// Why `ujson_double` could not give a value.
enum class ujson_number_status { ok, integer_part_too_big, integer_part_too_small };

/// `text` is a JSON number (already checked by the JSON parser): [-] digits [. digits]
/// [e|E [+|-] digits]. Sets `value` as pandas' ultrajson decodes it.
[[nodiscard]] inline ujson_number_status ujson_double(std::string_view text, double& value) noexcept {
  // 10^-0 … 10^-15 as C literals (ultrajson's g_pow10).
  static constexpr double negative_powers[] = {1.0,
                                               0.1,
                                               0.01,
                                               0.001,
                                               0.0001,
                                               0.00001,
                                               0.000001,
                                               0.0000001,
                                               0.00000001,
                                               0.000000001,
                                               0.0000000001,
                                               0.00000000001,
                                               0.000000000001,
                                               0.0000000000001,
                                               0.00000000000001,
                                               0.000000000000001};
  constexpr int max_fraction_digits = 15;
  std::size_t i = 0;
  const std::size_t size = text.size();
  double sign = 1.0;
  if (i < size && text[i] == '-') {
    sign = -1.0;
    ++i;
  }
  std::uint64_t integer = 0;
  for (; i < size && text[i] >= '0' && text[i] <= '9'; ++i) {
    const auto digit = static_cast<std::uint64_t>(text[i] - '0');
    // ultrajson errors at a uint64 wrap ("Value is too big!") and, for a negative number, above
    // 2^63 ("Value is too small"); it misses some wraps, which are errors here too.
    if (integer > (UINT64_MAX - digit) / 10) {
      return sign > 0 ? ujson_number_status::integer_part_too_big
                      : ujson_number_status::integer_part_too_small;
    }
    integer = integer * 10 + digit;
    if (sign < 0 && integer > (std::uint64_t{1} << 63U)) {
      return ujson_number_status::integer_part_too_small;
    }
  }
  double fraction = 0.0;
  int count = 0;
  if (i < size && text[i] == '.') {
    for (++i; i < size && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (count < max_fraction_digits) {
        fraction = fp_barrier(fraction * 10.0) + static_cast<double>(text[i] - '0');
        ++count;
      }
    }
  }
  value = (static_cast<double>(integer) + rounded_product(fraction, negative_powers[count])) * sign;
  if (i < size && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    double exponent_sign = 1.0;
    if (i < size && (text[i] == '-' || text[i] == '+')) {
      exponent_sign = text[i] == '-' ? -1.0 : 1.0;
      ++i;
    }
    double exponent = 0.0;
    for (; i < size && text[i] >= '0' && text[i] <= '9'; ++i) {
      exponent = fp_barrier(exponent * 10.0) + static_cast<double>(text[i] - '0');
    }
    value = value * std::pow(10.0, exponent * exponent_sign);
  }
  return ujson_number_status::ok;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_UJSON_NUMBER_HPP
