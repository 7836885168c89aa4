#ifndef TRADEOFF_DETAIL_SERVING_NUMPY_HPP
#define TRADEOFF_DETAIL_SERVING_NUMPY_HPP

/// @file
/// @brief numpy 1.24's `linspace`, operation for operation, immune to FMA contraction.
/// Internal; not part of the API.

#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/float_exact.hpp>

#include <Eigen/Core>

#include <limits>

namespace tradeoff::detail {

/// @brief `numpy.linspace(start, stop, num)` (endpoint=True, float64) as numpy 1.24 computes it:
///
///     div = num - 1; delta = stop - start; y = arange(num)
///     if div > 0: step = delta / div
///                 if step == 0: y = (y / div) * delta      # denormal special case, gh-5437
///                 else:         y = y * step
///     else:       y = y * delta                           # num <= 1
///     y = y + start; if num > 1: y[-1] = stop
///
/// Each product is rounded before the addition (`rounded_product`), so `-ffp-contract=fast`
/// cannot fuse `i * step + start` into one FMA; the result is bit-identical to numpy.
inline Eigen::ArrayXd numpy_linspace(double start, double stop, Eigen::Index num) {
  Eigen::ArrayXd y(num);
  if (num == 0) return y;
  const Eigen::Index div = num - 1;
  const double delta = stop - start;
  if (div > 0) {
    const double divisor = static_cast<double>(div);
    const double step = delta / divisor;
    if (exact_equal(step, 0.0)) {
      for (Eigen::Index i = 0; i < num; ++i) {
        y(i) = rounded_product(fp_barrier(static_cast<double>(i) / divisor), delta) + start;
      }
    } else {
      for (Eigen::Index i = 0; i < num; ++i) y(i) = rounded_product(static_cast<double>(i), step) + start;
    }
    y(num - 1) = stop;
  } else {
    y(0) = rounded_product(0.0, delta) + start;
  }
  return y;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_SERVING_NUMPY_HPP
