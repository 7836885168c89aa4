#ifndef TRADEOFF_DETAIL_NUMBER_TEXT_HPP
#define TRADEOFF_DETAIL_NUMBER_TEXT_HPP

/// @file
/// @brief Internal: numbers as text for error messages — integers exactly, floating point as the
/// shortest text that reads back to the same value ("0.1", "-1e-09", "nan", "inf"), so a
/// message never shows a level of -1e-9 as "-0.000000".

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>
#include <type_traits>

namespace tradeoff::detail {

template <typename T>
[[nodiscard]] std::string number_text(T value) {
  static_assert(std::is_arithmetic_v<T>, "number_text: arithmetic types only");
  if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_floating_point_v<T>) {
    if (std::isnan(value)) {
      return "nan";
    }
    char buffer[64];
    const std::to_chars_result result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return result.ec == std::errc{} ? std::string(buffer, result.ptr) : std::string("?");
  } else {
    return std::to_string(value);
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_NUMBER_TEXT_HPP
