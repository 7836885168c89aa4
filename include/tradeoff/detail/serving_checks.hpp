#ifndef TRADEOFF_DETAIL_SERVING_CHECKS_HPP
#define TRADEOFF_DETAIL_SERVING_CHECKS_HPP

/// @file
/// @brief Argument checks and overflow-checked integer arithmetic shared by kv_cache.hpp,
/// serving.hpp and gpu.hpp. Internal; not part of the API.

#include <tradeoff/detail/argument_name.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/number_text.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace tradeoff::detail {

/// @brief Throws `std::invalid_argument("tradeoff::<function>: argument '<argument>' <what>")`;
/// `argument` is a name or a detail::field_name.
template <typename Name>
[[noreturn]] void throw_bad_argument(const char* function, const Name& argument, const std::string& what) {
  throw std::invalid_argument(error_prefix(function) + "argument '" + argument_text(argument) +
                              "' " + what);
}


/// @brief Requires `value > 0`.
template <typename Name>
void require_positive(const char* function, const Name& argument, std::int64_t value) {
  if (value <= 0) throw_bad_argument(function, argument, "must be positive (got " + number_text(value) + ")");
}

/// @brief Requires `value >= 0`.
template <typename Name>
void require_non_negative(const char* function, const Name& argument, std::int64_t value) {
  if (value < 0) throw_bad_argument(function, argument, "must be non-negative (got " + number_text(value) + ")");
}

/// @brief Requires a finite `value > 0` (rejects NaN and infinities).
template <typename Name>
void require_positive_finite(const char* function, const Name& argument, double value) {
  if (!(std::isfinite(value) && value > 0.0)) {
    throw_bad_argument(function, argument, "must be finite and positive (got " + number_text(value) + ")");
  }
}

/// @brief Requires a finite `value >= 0` (rejects NaN and infinities).
template <typename Name>
void require_non_negative_finite(const char* function, const Name& argument, double value) {
  if (!(std::isfinite(value) && value >= 0.0)) {
    throw_bad_argument(function, argument, "must be finite and non-negative (got " + number_text(value) + ")");
  }
}

/// @brief Requires `0 < value <= 1` (a utilisation or efficiency fraction).
template <typename Name>
void require_fraction(const char* function, const Name& argument, double value) {
  if (!(value > 0.0 && value <= 1.0)) {
    throw_bad_argument(function, argument, "must lie in (0, 1] (got " + number_text(value) + ")");
  }
}

/// @brief `a * b` for non-negative operands; throws `std::domain_error` naming `function` on overflow.
inline std::int64_t checked_multiply(const char* function, std::int64_t a, std::int64_t b) {
  if (a != 0 && b > std::numeric_limits<std::int64_t>::max() / a) {
    throw std::domain_error(error_prefix(function) + "byte count overflows std::int64_t (" +
                            number_text(a) + " * " + number_text(b) + ")");
  }
  return a * b;
}

/// @brief `a + b` for non-negative operands; throws `std::domain_error` naming `function` on overflow.
inline std::int64_t checked_add(const char* function, std::int64_t a, std::int64_t b) {
  if (b > std::numeric_limits<std::int64_t>::max() - a) {
    throw std::domain_error(error_prefix(function) + "byte count overflows std::int64_t (" +
                            number_text(a) + " + " + number_text(b) + ")");
  }
  return a + b;
}

/// @brief ceil(a / b) for a >= 0, b > 0.
constexpr std::int64_t ceil_divide(std::int64_t a, std::int64_t b) noexcept { return a / b + (a % b != 0 ? 1 : 0); }

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_SERVING_CHECKS_HPP
