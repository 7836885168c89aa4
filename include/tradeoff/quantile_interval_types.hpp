#ifndef TRADEOFF_QUANTILE_INTERVAL_TYPES_HPP
#define TRADEOFF_QUANTILE_INTERVAL_TYPES_HPP

/// @file
/// @brief The result type of quantile_interval and median_interval (quantile_interval.hpp): an
/// interval between two order statistics, their ranks and the coverage it achieves.

#include <Eigen/Core>

#include <limits>

namespace tradeoff {

/// @brief An exact order-statistic interval and what it achieves.
struct order_statistic_interval {
  double low = -std::numeric_limits<double>::infinity();  ///< X_(lower_rank), or −inf if lower_rank is 0
  double high = std::numeric_limits<double>::infinity();  ///< X_(upper_rank), or +inf if upper_rank is n + 1
  Eigen::Index lower_rank = 0;                           ///< 1-based rank l in the sorted valid values (0: none)
  Eigen::Index upper_rank = 0;                           ///< 1-based rank u (n + 1: none)
  double coverage = 0.0;  ///< P(l <= B <= u − 1), B ~ Binomial(n, level): the achieved confidence
  Eigen::Index n = 0;     ///< number of valid values
};

}  // namespace tradeoff

#endif  // TRADEOFF_QUANTILE_INTERVAL_TYPES_HPP
