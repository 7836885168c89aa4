#ifndef TRADEOFF_DETAIL_VECTOR_SHAPE_HPP
#define TRADEOFF_DETAIL_VECTOR_SHAPE_HPP

/// @file
/// @brief What a vector argument is (a row, a column, or empty) and the error when it is not:
/// the one shape check of every function that takes a 1-D Eigen expression. Internal.

#include <tradeoff/detail/error_prefix.hpp>

#include <Eigen/Core>

#include <stdexcept>
#include <string>

namespace tradeoff::detail {

/// @brief Whether `values` is one-dimensional: one row, one column, or no element at all.
template <typename Derived>
[[nodiscard]] bool is_vector(const Eigen::DenseBase<Derived>& values) noexcept {
  return values.rows() == 1 || values.cols() == 1 || values.size() == 0;
}

/// @brief "<rows> x <cols>", as the shape errors print it.
template <typename Derived>
[[nodiscard]] std::string shape_text(const Eigen::DenseBase<Derived>& values) {
  return std::to_string(values.rows()) + " x " + std::to_string(values.cols());
}

/// @brief Throws `std::invalid_argument("tradeoff::<function>: <name> must be <expected>, got R x C")`
/// unless `values` is a vector (is_vector).
template <typename Derived>
void check_vector(const Eigen::DenseBase<Derived>& values, const char* function, const std::string& name,
                  const char* expected = "a vector") {
  if (!is_vector(values)) {
    throw std::invalid_argument(error_prefix(function) + name + " must be " + expected + ", got " +
                                shape_text(values));
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_VECTOR_SHAPE_HPP
