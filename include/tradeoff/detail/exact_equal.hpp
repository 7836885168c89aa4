#ifndef TRADEOFF_DETAIL_EXACT_EQUAL_HPP
#define TRADEOFF_DETAIL_EXACT_EQUAL_HPP

/// @file
/// @brief Exact floating-point equality where it is meant: ties in fronts and sorts, pandas'
/// rules on fractions that are exactly 0 or 0.5. The same as `a == b` (NaN equals nothing,
/// -0 equals +0) and as fast, but it does not trip a user's `-Wfloat-equal` when tradeoff's
/// headers are not system headers in their build. Internal; not part of the API.

#include <functional>

namespace tradeoff::detail {

/// @brief `a == b`, exactly.
template <typename T>
[[nodiscard]] constexpr bool exact_equal(const T& a, const T& b) noexcept {
  return std::equal_to<T>{}(a, b);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_EXACT_EQUAL_HPP
