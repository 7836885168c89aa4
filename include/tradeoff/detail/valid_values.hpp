#ifndef TRADEOFF_DETAIL_VALID_VALUES_HPP
#define TRADEOFF_DETAIL_VALID_VALUES_HPP

/// @file
/// @brief The non-NaN values of a vector expression in row order, as doubles (pandas' NaN
/// policy), for the functions that keep the sample order. Internal.

#include <tradeoff/quantile.hpp>

#include <Eigen/Core>

#include <cmath>
#include <vector>

namespace tradeoff::detail {

/// The valid values of `values` in row order; throws as check_vector if it is not a vector.
template <typename Derived>
std::vector<double> valid_values(const Eigen::ArrayBase<Derived>& values, const char* function, const char* name) {
  check_vector(values, function, name);
  const auto& evaluated = values.derived().eval();
  std::vector<double> valid;
  valid.reserve(static_cast<std::size_t>(evaluated.size()));
  for (Eigen::Index i = 0; i < evaluated.size(); ++i) {
    const auto x = static_cast<double>(evaluated(i));
    if (!std::isnan(x)) {
      valid.push_back(x);
    }
  }
  return valid;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_VALID_VALUES_HPP
