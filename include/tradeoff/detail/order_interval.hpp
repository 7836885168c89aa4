#ifndef TRADEOFF_DETAIL_ORDER_INTERVAL_HPP
#define TRADEOFF_DETAIL_ORDER_INTERVAL_HPP

/// @file
/// @brief Internal: the binomial order-statistic interval behind quantile_interval and
/// median_interval (quantile_interval.hpp states the method); `function` names the caller in errors.

#include <tradeoff/detail/binomial.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/quantile_interval_types.hpp>
#include <tradeoff/quantile.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff::detail {

template <typename DerivedValues>
order_statistic_interval order_interval(const Eigen::ArrayBase<DerivedValues>& values, double level,
                                        double confidence_level, const char* function) {
  check_vector(values, function, "values");
  if (!(level > 0.0 && level < 1.0)) {
    throw std::domain_error(detail::error_prefix(function) + "level = " + number_text(level) +
                            " is outside (0, 1)");
  }
  if (!(confidence_level > 0.0 && confidence_level < 1.0)) {
    throw std::domain_error(detail::error_prefix(function) + "confidence_level = " +
                            number_text(confidence_level) + " is outside (0, 1)");
  }
  scratch_buffer buffer;
  copy_valid_values(values, buffer);
  const Eigen::Index n = buffer.size();
  if (n == 0) {
    throw std::invalid_argument(detail::error_prefix(function) + "values has no valid (non-NaN) value");
  }
  const std::vector<double> pmf = binomial_pmf(static_cast<std::size_t>(n), level);
  const double tail = (1.0 - confidence_level) / 2.0;
  order_statistic_interval result;
  result.n = n;
  // lower rank: the largest l with P(B <= l - 1) <= tail
  double below = 0.0;  // P(B <= l - 1) for the current l
  Eigen::Index l = 0;
  while (l < n && below + pmf[static_cast<std::size_t>(l)] <= tail) {
    below += pmf[static_cast<std::size_t>(l)];
    ++l;
  }
  // upper rank: the smallest u with P(B >= u) <= tail
  double above = 0.0;  // P(B >= u) for the current u
  Eigen::Index u = n + 1;
  while (u > 1 && above + pmf[static_cast<std::size_t>(u - 1)] <= tail) {
    above += pmf[static_cast<std::size_t>(u - 1)];
    --u;
  }
  result.lower_rank = l;
  result.upper_rank = u;
  double coverage = 0.0;
  for (Eigen::Index k = l; k < u; ++k) {
    coverage += pmf[static_cast<std::size_t>(k)];
  }
  result.coverage = std::min(coverage, 1.0);
  std::vector<Eigen::Index> needed;
  if (l >= 1) {
    needed.push_back(l - 1);
  }
  if (u <= n) {
    needed.push_back(u - 1);
  }
  select_order_statistics(buffer.data(), n, needed);
  if (l >= 1) {
    result.low = buffer.data()[l - 1];
  }
  if (u <= n) {
    result.high = buffer.data()[u - 1];
  }
  return result;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_ORDER_INTERVAL_HPP
