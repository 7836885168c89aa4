#ifndef TRADEOFF_DETAIL_CYTHON_QUANTILE_HPP
#define TRADEOFF_DETAIL_CYTHON_QUANTILE_HPP

/// @file
/// @brief Where pandas 1.5.3's Cython group_quantile reads a level in a sorted group, and its
/// interpolation between the neighbours (group.hpp's pandas_groupby_quantiles). Internal.

#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/float_exact.hpp>
#include <tradeoff/quantile_method.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace tradeoff::detail {

/// Where pandas 1.5.3's Cython group_quantile reads level q in a group of n >= 1 sorted valid
/// values: q_idx = q (n - 1), idx = trunc(q_idx), frac = q_idx mod 1.
struct cython_quantile_position {
  Eigen::Index index = 0;
  double fraction = 0.0;
};

inline cython_quantile_position locate_cython_quantile(Eigen::Index n, double q) noexcept {
  const double q_index = rounded_product(q, static_cast<double>(n - 1));
  return {static_cast<Eigen::Index>(q_index), std::fmod(q_index, 1.0)};
}

/// pandas' interpolation between the neighbours of a cython_quantile_position.
inline double evaluate_cython_quantile(const cython_quantile_position& p, double q, quantile_method method,
                                       const double* selected) noexcept {
  const double value = selected[p.index];
  if (detail::exact_equal(p.fraction, 0.0) || method == quantile_method::lower) {
    return value;
  }
  const double next = selected[p.index + 1];
  switch (method) {
    case quantile_method::higher:
      return next;
    case quantile_method::midpoint:
      return (value + next) / 2.0;
    case quantile_method::nearest:
      return p.fraction > 0.5 || (detail::exact_equal(p.fraction, 0.5) && q > 0.5) ? next : value;
    default:  // linear: v + (w - v) f, one-sided (unlike numpy's lerp)
      return add_product(value, next - value, p.fraction);
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_CYTHON_QUANTILE_HPP
