#ifndef TRADEOFF_DETAIL_PARETO_VIEWS_HPP
#define TRADEOFF_DETAIL_PARETO_VIEWS_HPP

/// @file
/// @brief Internals of pareto.hpp: Eigen expressions seen as double columns / column-major
/// double arrays, without copies when the data already has that layout, plus the argument
/// checks of the 2-D overloads.

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/error_prefix.hpp>

#include <Eigen/Core>

#include <stdexcept>
#include <string>

namespace tradeoff::detail {

/// A double column seen without copying when it has direct access (strided is fine).
using vector_view = Eigen::Ref<const Eigen::ArrayXd, 0, Eigen::InnerStride<>>;

/// An n x d double array seen without copying when it is column-major with direct access.
using matrix_view = Eigen::Ref<const Eigen::ArrayXXd, 0, Eigen::OuterStride<>>;

/// A 1-D expression as a double column view (no copy for direct-access double data).
template <typename Derived>
[[nodiscard]] vector_view make_vector_view(const Eigen::DenseBase<Derived>& x,
                                           const char* function_name, const char* argument_name) {
  static_check_scalar<Derived>();
  if constexpr (Derived::ColsAtCompileTime == 1) {
    return vector_view(as_array(x.derived()).template cast<double>());
  } else if constexpr (Derived::RowsAtCompileTime == 1) {
    return vector_view(as_array(x.derived()).transpose().template cast<double>());
  } else {
    if (x.cols() == 1) {
      return vector_view(as_array(x.derived()).col(0).template cast<double>());
    }
    if (x.rows() == 1) {
      return vector_view(as_array(x.derived()).row(0).transpose().template cast<double>());
    }
    throw std::invalid_argument(error_prefix(function_name) + argument_name +
                                " must be one-dimensional, got " + std::to_string(x.rows()) +
                                " x " + std::to_string(x.cols()));
  }
}

/// Two 1-D objectives of the same length, checked and viewed as double columns.
struct column_pair {
  vector_view x;
  vector_view y;
};

/// Checks that x and y are 1-D, of equal length, and index-able by int; returns their views
/// (built in place: a Ref that owns a temporary must not be copied).
template <typename DerivedX, typename DerivedY>
[[nodiscard]] column_pair checked_columns(const Eigen::DenseBase<DerivedX>& x,
                                          const Eigen::DenseBase<DerivedY>& y,
                                          const char* function_name) {
  if (x.size() != y.size()) {
    throw std::invalid_argument(error_prefix(function_name) + "x has " +
                                std::to_string(x.size()) + " values but y has " +
                                std::to_string(y.size()));
  }
  check_fits_int(x.size(), function_name, "x");
  return {make_vector_view(x, function_name, "x"), make_vector_view(y, function_name, "y")};
}

/// An n x d expression as a column-major double view (copied only when necessary).
template <typename Derived>
[[nodiscard]] matrix_view make_matrix_view(const Eigen::DenseBase<Derived>& points) {
  static_check_scalar<Derived>();
  return matrix_view(as_array(points.derived()).template cast<double>());
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_PARETO_VIEWS_HPP
