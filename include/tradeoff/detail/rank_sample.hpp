#ifndef TRADEOFF_DETAIL_RANK_SAMPLE_HPP
#define TRADEOFF_DETAIL_RANK_SAMPLE_HPP

/// @file
/// @brief The samples of the rank tests: the valid values of an argument (at least one), and the
/// balance of pairs above and below (the Cliff's delta numerator). Internal.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/valid_values.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff::detail {

template <typename Derived>
std::vector<double> valid_sample(const Eigen::ArrayBase<Derived>& values, const char* function, const char* name) {
  std::vector<double> valid = valid_values(values, function, name);
  if (valid.empty()) {
    throw std::invalid_argument(detail::error_prefix(function) + name +
                                " has no valid (non-NaN) value");
  }
  return valid;
}

/// (#{x_i > y_j} − #{x_i < y_j}) over all pairs, from sorted copies in O((n + m) log(n + m)).
inline double dominance_balance(std::vector<double> x, std::vector<double> y) {
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  double balance = 0.0;
  for (const double v : x) {
    const auto below = std::lower_bound(y.begin(), y.end(), v) - y.begin();
    const auto above = y.end() - std::upper_bound(y.begin(), y.end(), v);
    balance += static_cast<double>(below - above);
  }
  return balance;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_RANK_SAMPLE_HPP
