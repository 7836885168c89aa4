#ifndef TRADEOFF_DETAIL_INTEGER_CAST_HPP
#define TRADEOFF_DETAIL_INTEGER_CAST_HPP

/// @file
/// @brief A conversion between integer types that may be the same type on one platform and not
/// on another (`std::uint64_t` and `std::size_t`, `std::uintptr_t`): a `static_cast` where they
/// differ, nothing where they are the same, so a user's `-Wuseless-cast` stays quiet everywhere.
/// Internal; not part of the API.

#include <type_traits>

namespace tradeoff::detail {

/// @brief `static_cast<To>(value)`, or `value` itself when it already is a `To`.
template <typename To, typename From>
[[nodiscard]] constexpr To integer_cast(From value) noexcept {
  static_assert(std::is_integral_v<To> && std::is_integral_v<From>, "integer_cast: integers only");
  if constexpr (std::is_same_v<To, From>) {
    return value;
  } else {
    return static_cast<To>(value);
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_INTEGER_CAST_HPP
