#ifndef TRADEOFF_QUANTILE_METHOD_HPP
#define TRADEOFF_QUANTILE_METHOD_HPP

/// @file
/// @brief Which of numpy's 13 sample-quantile definitions a quantile uses (quantile.hpp,
/// group.hpp, bootstrap.hpp, quantile_interval.hpp).

namespace tradeoff {

/// @brief The 13 sample-quantile definitions of numpy.quantile (numpy >= 1.22), by numpy's names.
///
/// The first nine are Hyndman & Fan's (1996) types 1-9: `inverted_cdf` (1),
/// `averaged_inverted_cdf` (2), `closest_observation` (3), `interpolated_inverted_cdf` (4),
/// `hazen` (5), `weibull` (6), `linear` (7, numpy's and pandas' default), `median_unbiased` (8),
/// `normal_unbiased` (9). The other four pick from the sorted sample at h = (n - 1) q:
/// `lower` (floor), `higher` (ceil), `midpoint` (mean of both), `nearest` (round half to even).
enum class quantile_method {
  inverted_cdf,
  averaged_inverted_cdf,
  closest_observation,
  interpolated_inverted_cdf,
  hazen,
  weibull,
  linear,
  median_unbiased,
  normal_unbiased,
  lower,
  higher,
  midpoint,
  nearest
};

}  // namespace tradeoff

#endif  // TRADEOFF_QUANTILE_METHOD_HPP
