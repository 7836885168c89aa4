#ifndef TRADEOFF_QUANTILE_INTERVAL_HPP
#define TRADEOFF_QUANTILE_INTERVAL_HPP

/// @file
/// @brief Distribution-free confidence intervals for a population median or quantile from order
/// statistics (the binomial method), with the coverage they actually achieve.
///
/// For n valid values and level p, the number B of values below the population p-quantile is
/// Binomial(n, p) for a continuous distribution, so [X_(l), X_(u)] (1-based order statistics)
/// covers it with probability P(l <= B <= u − 1) whatever the distribution (Thompson 1936;
/// Conover, *Practical Nonparametric Statistics*, 3rd ed., §3.2; Hahn & Meeker, *Statistical
/// Intervals*, §5.2). The interval is equal-tailed and conservative: l is the largest rank with
/// P(B <= l − 1) <= α/2 and u the smallest with P(B >= u) <= α/2, α = 1 − confidence. When no
/// order statistic is far enough out (small n) the bound is ±inf (rank 0 or n + 1) and the
/// coverage says what is achieved.
///
/// NaN policy: NaN values are skipped, as pandas does. Ties: with ties (discrete data) the
/// coverage is at least the reported one.

#include <tradeoff/detail/binomial.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/quantile.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

struct order_statistic_interval;

namespace detail {
template <typename DerivedValues>
order_statistic_interval order_interval(const Eigen::ArrayBase<DerivedValues>& values, double level,
                                        double confidence_level, const char* function);
}  // namespace detail

/// @brief An exact order-statistic interval and what it achieves.
struct order_statistic_interval {
  double low = -std::numeric_limits<double>::infinity();  ///< X_(lower_rank), or −inf if lower_rank is 0
  double high = std::numeric_limits<double>::infinity();  ///< X_(upper_rank), or +inf if upper_rank is n + 1
  Eigen::Index lower_rank = 0;                           ///< 1-based rank l in the sorted valid values (0: none)
  Eigen::Index upper_rank = 0;                           ///< 1-based rank u (n + 1: none)
  double coverage = 0.0;  ///< P(l <= B <= u − 1), B ~ Binomial(n, level): the achieved confidence
  Eigen::Index n = 0;     ///< number of valid values
};

/// @brief Distribution-free confidence interval for the population `level`-quantile.
/// @param values Any Eigen vector expression; NaN entries are skipped.
/// @param level The quantile level p in (0, 1); 0.5 for the median.
/// @param confidence_level Nominal confidence 1 − α in (0, 1); default 0.95.
/// @return low, high, their ranks, the achieved coverage (>= confidence_level whenever both
///   bounds are finite) and n.
/// @throws std::domain_error if level or confidence_level is outside (0, 1) or NaN.
/// @throws std::invalid_argument if values is not a vector or has no valid value.
/// @note O(n) for the binomial terms plus expected O(n) selection of the two order statistics.
template <typename DerivedValues>
[[nodiscard]] order_statistic_interval quantile_interval(const Eigen::ArrayBase<DerivedValues>& values, double level,
                                                         double confidence_level = 0.95) {
  return detail::order_interval(values, level, confidence_level, "quantile_interval");
}

/// @brief quantile_interval(values, 0.5, confidence_level): the distribution-free median interval.
/// @throws As quantile_interval (naming median_interval).
template <typename DerivedValues>
[[nodiscard]] order_statistic_interval median_interval(const Eigen::ArrayBase<DerivedValues>& values,
                                                       double confidence_level = 0.95) {
  return detail::order_interval(values, 0.5, confidence_level, "median_interval");
}

namespace detail {

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

}  // namespace detail

}  // namespace tradeoff

#endif  // TRADEOFF_QUANTILE_INTERVAL_HPP
