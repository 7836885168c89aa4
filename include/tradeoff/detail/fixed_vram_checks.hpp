#ifndef TRADEOFF_DETAIL_FIXED_VRAM_CHECKS_HPP
#define TRADEOFF_DETAIL_FIXED_VRAM_CHECKS_HPP

/// @file
/// @brief Argument checks of the origin's fixed-VRAM model (fixed_vram.hpp), also used by the
/// capacity model's budget curves. Internal; not part of the API.

#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/vector_shape.hpp>

#include <Eigen/Core>

#include <cmath>

namespace tradeoff::detail {

/// @brief Requires a vector: one row or one column (Eigen arrays, vectors, maps, expressions).
template <typename Derived>
void require_vector(const char* function, const char* argument, const Eigen::DenseBase<Derived>& values) {
  if (!is_vector(values)) {
    throw_bad_argument(function, argument, "must be a vector, got " + shape_text(values));
  }
}

/// @brief Requires a vector whose every budget is finite and non-negative; names the first
/// bad one by index.
template <typename Derived>
void validate_budgets(const char* function, const Eigen::DenseBase<Derived>& budgets) {
  require_vector(function, "budgets", budgets);
  for (Eigen::Index i = 0; i < budgets.size(); ++i) {
    const double b = static_cast<double>(budgets.derived().coeff(i));
    if (!(std::isfinite(b) && b >= 0.0)) {
      throw_bad_argument(function, "budgets",
                         "must be finite and non-negative (got " + number_text(b) + " at index " + number_text(i) + ")");
    }
  }
}

/// @brief The checks of both `throughput_ratio` overloads.
inline void validate_ratio_arguments(double cache, double tps, double baseline_cache, double baseline_tps) {
  constexpr const char* fn = "throughput_ratio";
  require_positive_finite(fn, "cache", cache);
  require_non_negative_finite(fn, "tps", tps);
  require_positive_finite(fn, "baseline_cache", baseline_cache);
  require_positive_finite(fn, "baseline_tps", baseline_tps);
}
}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_FIXED_VRAM_CHECKS_HPP
