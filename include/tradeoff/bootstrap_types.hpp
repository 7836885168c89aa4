#ifndef TRADEOFF_BOOTSTRAP_TYPES_HPP
#define TRADEOFF_BOOTSTRAP_TYPES_HPP

/// @file
/// @brief The option and result types of bootstrap.hpp (and of front_probability.hpp's
/// resampling): which statistic, which interval method, the options, and the intervals.

#include <tradeoff/quantile_method.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <limits>

namespace tradeoff {

/// @brief Which one-sample statistic a bootstrap interval is for.
enum class statistic_kind { mean, median, quantile, iqr, standard_deviation };

/// @brief A one-sample statistic, as numpy computes it. Build one with the factories.
struct statistic {
  statistic_kind kind = statistic_kind::median;
  double level = 0.5;                                ///< quantile: the level in [0, 1].
  quantile_method method = quantile_method::linear;  ///< quantile and iqr: numpy's method.
  int ddof = 1;                                      ///< standard_deviation: delta degrees of freedom.

  /// `np.mean` (pairwise summation, numpy's order).
  [[nodiscard]] static statistic mean() noexcept { return {statistic_kind::mean, 0.5, quantile_method::linear, 1}; }
  /// `np.median`: the middle value or (a + b) / 2 of the middle pair.
  [[nodiscard]] static statistic median() noexcept {
    return {statistic_kind::median, 0.5, quantile_method::linear, 1};
  }
  /// `np.quantile(x, level, method=method)`.
  [[nodiscard]] static statistic quantile(double level, quantile_method method = quantile_method::linear) noexcept {
    return {statistic_kind::quantile, level, method, 1};
  }
  /// Q3 − Q1 with `np.quantile(x, [0.25, 0.75], method=method)`.
  [[nodiscard]] static statistic iqr(quantile_method method = quantile_method::linear) noexcept {
    return {statistic_kind::iqr, 0.5, method, 1};
  }
  /// `np.std(x, ddof=ddof)`; default 1 as pandas (numpy's default is 0).
  [[nodiscard]] static statistic standard_deviation(int ddof = 1) noexcept {
    return {statistic_kind::standard_deviation, 0.5, quantile_method::linear, ddof};
  }
};

/// @brief How a bootstrap interval is read off the bootstrap distribution (scipy's `method=`).
enum class interval_method {
  percentile,  ///< the α and 1 − α quantiles of the distribution
  basic,       ///< "reverse percentile": 2θ̂ − the 1 − α and α quantiles
  bca          ///< bias-corrected and accelerated (scipy's default)
};

/// @brief A bootstrap confidence interval.
struct confidence_interval {
  double low = std::numeric_limits<double>::quiet_NaN();       ///< lower endpoint
  double high = std::numeric_limits<double>::quiet_NaN();      ///< upper endpoint
  double estimate = std::numeric_limits<double>::quiet_NaN();  ///< the statistic of the data (θ̂)
  /// The standard deviation (ddof 1) of the bootstrap distribution, scipy's `standard_error`.
  double standard_error = std::numeric_limits<double>::quiet_NaN();
};

/// @brief Options of a bootstrap interval (scipy's `n_resamples`, `confidence_level`, `method`).
struct bootstrap_options {
  Eigen::Index resamples = 9999;                ///< bootstrap resamples B (> 0); scipy's default.
  double confidence_level = 0.95;               ///< in (0, 1).
  interval_method method = interval_method::bca;  ///< scipy's default.
  std::uint64_t seed = 0;                       ///< generator seed; see the file comment for streams.
};

/// @brief How a two-sample statistic compares the two samples' statistics.
enum class comparison {
  difference,  ///< s(x) − s(y)
  ratio        ///< s(x) / s(y) (±inf or NaN where s(y) is 0, as numpy divides)
};

/// @brief One bootstrap interval per group (arrays aligned with the grouping's keys).
struct group_intervals {
  Eigen::ArrayXd low;             ///< lower endpoints; NaN where count < 2
  Eigen::ArrayXd high;            ///< upper endpoints; NaN where count < 2
  Eigen::ArrayXd estimate;        ///< the statistic of each group's valid values (NaN if none)
  Eigen::ArrayXd standard_error;  ///< std (ddof 1) of each group's bootstrap distribution
  Eigen::ArrayXi count;           ///< valid (non-NaN) values per group
};

}  // namespace tradeoff

#endif  // TRADEOFF_BOOTSTRAP_TYPES_HPP
