#ifndef TRADEOFF_DETAIL_STAIRCASE_FRONT_HPP
#define TRADEOFF_DETAIL_STAIRCASE_FRONT_HPP

/// @file
/// @brief The checked inputs of staircase and lower_hull: a front given as row indices into x
/// and y, validated and returned as Eigen::Index rows. Internal.

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/vector_shape.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace tradeoff::detail {

/// Element i of a 1-D Eigen expression (row or column), as double; no copy of the data.
template <typename Derived>
[[nodiscard]] double vector_coefficient(const Eigen::DenseBase<Derived>& v, Eigen::Index i) {
  return static_cast<double>(v.cols() == 1 ? v.derived().coeff(i, 0) : v.derived().coeff(0, i));
}

/// Validates x, y and front for staircase/lower_hull and returns the front as indices.
/// Errors: x and y not 1-D or of different sizes, front not 1-D, an index outside [0, n),
/// a front row with NaN in x or y.
template <typename DerivedX, typename DerivedY, typename DerivedFront>
[[nodiscard]] std::vector<Eigen::Index> checked_front(const Eigen::DenseBase<DerivedX>& x,
                                                      const Eigen::DenseBase<DerivedY>& y,
                                                      const Eigen::DenseBase<DerivedFront>& front,
                                                      const char* function_name) {
  static_check_scalar<DerivedX>();
  static_check_scalar<DerivedY>();
  static_assert(std::is_integral_v<typename DerivedFront::Scalar>,
                "tradeoff: front must be an integer index array (e.g. from pareto_front)");
  check_vector(x, function_name, "x", "one-dimensional");
  check_vector(y, function_name, "y", "one-dimensional");
  check_vector(front, function_name, "front", "one-dimensional");
  const std::string prefix = error_prefix(function_name);
  if (x.size() != y.size()) {
    throw std::invalid_argument(prefix + "x has " + std::to_string(x.size()) +
                                " values but y has " + std::to_string(y.size()));
  }
  std::vector<Eigen::Index> rows(static_cast<std::size_t>(front.size()));
  for (Eigen::Index k = 0; k < front.size(); ++k) {
    const auto raw = front.cols() == 1 ? front.derived().coeff(k, 0) : front.derived().coeff(0, k);
    const auto index = static_cast<long long>(raw);
    if (index < 0 || index >= static_cast<long long>(x.size())) {
      throw std::invalid_argument(prefix + "front[" + std::to_string(k) + "] = " +
                                  std::to_string(index) + " is outside [0, " +
                                  std::to_string(x.size()) + ")");
    }
    const auto i = static_cast<Eigen::Index>(index);
    if (std::isnan(vector_coefficient(x, i)) || std::isnan(vector_coefficient(y, i))) {
      throw std::invalid_argument(prefix + "front[" + std::to_string(k) + "] = " +
                                  std::to_string(index) +
                                  " is a row with NaN (rows with NaN are on no front)");
    }
    rows[static_cast<std::size_t>(k)] = i;
  }
  return rows;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_STAIRCASE_FRONT_HPP
