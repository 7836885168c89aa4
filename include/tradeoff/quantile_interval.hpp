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

#include <tradeoff/detail/order_interval.hpp>
#include <tradeoff/quantile_interval_types.hpp>

#include <Eigen/Core>

namespace tradeoff {

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

}  // namespace tradeoff

#endif  // TRADEOFF_QUANTILE_INTERVAL_HPP
