#ifndef TRADEOFF_DETAIL_BOOTSTRAP_INTERVAL_CORE_HPP
#define TRADEOFF_DETAIL_BOOTSTRAP_INTERVAL_CORE_HPP

/// @file
/// @brief scipy 1.10.1's `stats.bootstrap` interval arithmetic (percentile, basic, BCa) applied
/// to a bootstrap distribution, and the loop that builds the distribution from a source of
/// resample indices. Internal; `interval_method` and
/// `confidence_interval` are in <tradeoff/bootstrap_types.hpp>.
///
/// Following scipy step by step: alpha = (1 − confidence) / 2; the levels go through
/// `np.percentile(theta_b, level * 100)` (numpy divides by 100 again, linear method). BCa
/// (Efron & Tibshirani 1993, §14.3 and eq. 14.15): z0 = Φ⁻¹((#{θ*_b < θ̂} + #{θ*_b ≤ θ̂}) / 2B);
/// per sample j, U_ji = (n_j − 1)(mean_i θ_(j,i) − θ_(j,i)) from the jackknife; â = (1/6) Σ_j
/// (Σ_i U³/n_j³) / (Σ_j Σ_i U²/n_j²)^(3/2); α₁ = Φ(z0 + (z0 + z_α) / (1 − â (z0 + z_α))) and
/// α₂ likewise with z_(1−α). A NaN level (for example 0/0 in â when every jackknife value is
/// equal) gives a NaN endpoint, as scipy does; a NaN in the distribution makes both endpoints
/// NaN, as np.percentile does.

#include <tradeoff/bootstrap_types.hpp>
#include <tradeoff/detail/float_exact.hpp>
#include <tradeoff/detail/normal_distribution.hpp>
#include <tradeoff/detail/numpy_sum.hpp>
#include <tradeoff/detail/quantile_core.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace tradeoff {

namespace detail {

/// np.percentile(sorted, level * 100) of sorted values (linear method); NaN for a NaN level.
inline double percentile_of_sorted(const std::vector<double>& sorted, double level) {
  if (std::isnan(level)) {
    return level;
  }
  const double numpy_level = rounded_product(level, 100.0) / 100.0;
  const quantile_position position =
      locate_quantile(static_cast<Eigen::Index>(sorted.size()), numpy_level, quantile_method::linear);
  return evaluate_quantile(position, sorted.data());
}

/// scipy's acceleration â from the jackknife values of each sample (python's sum() over samples).
inline double bca_acceleration(const std::vector<std::vector<double>>& jackknives) {
  double numerator = 0.0;
  double denominator = 0.0;
  std::vector<double> powers;
  for (const std::vector<double>& theta : jackknives) {
    const std::size_t n = theta.size();
    const double mean = numpy_mean(theta.data(), n, false);
    const double scale = static_cast<double>(n - 1);
    std::vector<double> u(n);
    for (std::size_t i = 0; i < n; ++i) {
      u[i] = scale * (mean - theta[i]);
    }
    powers.resize(n);
    const double count = static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i) {
      powers[i] = std::pow(u[i], 3.0);
    }
    numerator += numpy_sum(powers.data(), n, false) / (count * count * count);
    for (std::size_t i = 0; i < n; ++i) {
      powers[i] = u[i] * u[i];
    }
    denominator += numpy_sum(powers.data(), n, false) / (count * count);
  }
  return (1.0 / 6.0) * numerator / std::pow(denominator, 1.5);
}

/// The interval from the bootstrap distribution `theta` (reordered), the statistic of the data
/// and, for BCa, the jackknife values of each sample.
inline confidence_interval interval_from_distribution(std::vector<double>& theta, double estimate,
                                                      interval_method method, double confidence_level,
                                                      const std::vector<std::vector<double>>& jackknives) {
  confidence_interval result;
  result.estimate = estimate;
  const std::size_t resamples = theta.size();
  {
    const double mean = numpy_mean(theta.data(), resamples, false);
    double squares = 0.0;
    std::vector<double> deviations(resamples);
    for (std::size_t b = 0; b < resamples; ++b) {
      deviations[b] = (theta[b] - mean) * (theta[b] - mean);
    }
    squares = numpy_sum(deviations.data(), resamples, false);
    result.standard_error = std::sqrt(squares / (static_cast<double>(resamples) - 1.0));
  }
  if (std::any_of(theta.begin(), theta.end(), [](double x) { return std::isnan(x); })) {
    return result;  // np.percentile of data with NaN is NaN
  }
  std::sort(theta.begin(), theta.end());
  const double alpha = (1.0 - confidence_level) / 2.0;
  double low_level = alpha;
  double high_level = 1.0 - alpha;
  if (method == interval_method::bca) {
    const auto below = std::lower_bound(theta.begin(), theta.end(), estimate) - theta.begin();
    const auto at_most = std::upper_bound(theta.begin(), theta.end(), estimate) - theta.begin();
    const double share = static_cast<double>(below + at_most) / static_cast<double>(2 * resamples);
    const double z0 = normal_quantile(share);
    const double acceleration = bca_acceleration(jackknives);
    const double z_alpha = normal_quantile(alpha);
    const double sum_low = z0 + z_alpha;
    const double sum_high = z0 + (-z_alpha);
    low_level = normal_cdf(z0 + sum_low / subtract_product(1.0, acceleration, sum_low));
    high_level = normal_cdf(z0 + sum_high / subtract_product(1.0, acceleration, sum_high));
  }
  const double low = percentile_of_sorted(theta, low_level);
  const double high = percentile_of_sorted(theta, high_level);
  if (method == interval_method::basic) {
    result.low = 2.0 * estimate - high;
    result.high = 2.0 * estimate - low;
  } else {
    result.low = low;
    result.high = high;
  }
  return result;
}

}  // namespace detail

}  // namespace tradeoff

#endif  // TRADEOFF_DETAIL_BOOTSTRAP_INTERVAL_CORE_HPP
