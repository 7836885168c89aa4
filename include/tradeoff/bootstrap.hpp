#ifndef TRADEOFF_BOOTSTRAP_HPP
#define TRADEOFF_BOOTSTRAP_HPP

/// @file
/// @brief Bootstrap confidence intervals with scipy 1.10.1's definitions (`scipy.stats.bootstrap`:
/// percentile, basic, BCa) for one-sample statistics (mean, median, any numpy quantile, IQR,
/// standard deviation), two-sample comparisons (difference or ratio of a statistic of two
/// independent samples) and one interval per group of a grouping, deterministic for a seed.
///
/// Generator: xoshiro256** seeded by SplitMix64, indices by Lemire's unbiased multiply-shift —
/// integer arithmetic only, so every platform draws the same resamples (docs/bootstrap.md states
/// the exact definition). Streams: a one-sample interval uses stream 0; a two-sample one draws x's
/// resamples from stream 0 and y's from stream 1; a grouped call gives group g (its position in
/// the grouping) stream g. Resample b is the next n indices of its stream.
///
/// Fed the same resample indices (bootstrap_interval_from_indices), the percentile and basic
/// endpoints equal scipy's bit for bit, and BCa's within a few ulp (scipy's normal CDF and its
/// inverse come from Cephes; see tests/golden/make_golden_bootstrap.py).
///
/// NaN policy: NaN values are dropped first, as pandas skips them; indices refer to the valid
/// values in row order. A sample needs at least 2 valid values (scipy's rule); in a grouped call
/// a group with fewer gets NaN endpoints instead of an error. Ties need no policy (equal values
/// are interchangeable). All-equal samples give the point interval [v, v] for percentile and
/// basic, and NaN endpoints for BCa (its acceleration is 0/0), as scipy does.

#include <tradeoff/bootstrap_types.hpp>
#include <tradeoff/detail/bootstrap_interval_core.hpp>
#include <tradeoff/detail/bootstrap_samples.hpp>
#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/random_stream.hpp>
#include <tradeoff/detail/resample_statistic.hpp>
#include <tradeoff/detail/valid_values.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/quantile.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief Bootstrap confidence interval of a one-sample statistic (scipy.stats.bootstrap).
///
/// Equals `scipy.stats.bootstrap((v,), stat, n_resamples=B, confidence_level=c, method=m)` run
/// on this library's resamples (see bootstrap_interval_from_indices for scipy's own).
/// @param values Any Eigen vector expression; NaN entries are skipped (pandas' policy).
/// @param s The statistic: statistic::mean(), median(), quantile(q, method), iqr(method),
///   standard_deviation(ddof).
/// @param options resamples (9999), confidence_level (0.95), method (BCa), seed (0); stream 0.
/// @return low, high, estimate (the statistic of the valid values), standard_error.
/// @throws std::domain_error if confidence_level is outside (0, 1) or a quantile level outside [0, 1].
/// @throws std::invalid_argument if resamples <= 0, values is not a vector, it has fewer than 2
///   valid values, or ddof < 0.
/// @note O(B n) time (order statistics by counting, no sort per resample) plus O(B log B) for the
///   distribution; BCa adds an O(n) jackknife (O(n^2) for mean/std up to n = 4096, numpy-exact).
///   Extra memory O(n + B).
template <typename DerivedValues>
[[nodiscard]] confidence_interval bootstrap_interval(const Eigen::ArrayBase<DerivedValues>& values,
                                                     const statistic& s, const bootstrap_options& options = {}) {
  const std::vector<double> valid = detail::checked_sample(values, s, options, "bootstrap_interval", true);
  return detail::one_sample_interval(valid, s, options.resamples, detail::stream_source{{options.seed, 0}}, options);
}

/// @brief Bootstrap confidence interval of s(x) − s(y) or s(x) / s(y) for independent samples.
///
/// scipy's two-sample bootstrap (`bootstrap((x, y), lambda x, y, axis: s(x, axis) - s(y, axis))`):
/// x and y are resampled independently, x from stream 0 and y from stream 1.
/// @param x, y Any Eigen vector expressions (lengths may differ); NaN entries are skipped.
/// @param s The statistic applied to each sample.
/// @param how comparison::difference or comparison::ratio.
/// @param options As for the one-sample overload.
/// @return low, high, estimate = s(x) ∘ s(y), standard_error.
/// @throws As the one-sample overload, for x and for y.
/// @note O(B (n_x + n_y)); BCa jackknifes each sample (scipy's two-sample acceleration).
template <typename DerivedX, typename DerivedY>
[[nodiscard]] confidence_interval bootstrap_interval(const Eigen::ArrayBase<DerivedX>& x,
                                                     const Eigen::ArrayBase<DerivedY>& y, const statistic& s,
                                                     comparison how, const bootstrap_options& options = {}) {
  detail::check_enum(how, comparison::ratio, "bootstrap_interval", "how", "comparison",
                     "comparison::difference or comparison::ratio");
  const auto [valid_x, valid_y] = detail::checked_samples(x, y, s, options, "bootstrap_interval", true);
  return detail::two_sample_interval(valid_x, valid_y, s, how, options.resamples,
                                     detail::stream_source{{options.seed, 0}},
                                     detail::stream_source{{options.seed, 1}}, options);
}

/// @brief One bootstrap interval per group of a grouping, in one call.
///
/// Group g's interval is the one-sample interval of its valid values in row order, drawn from
/// stream g of the seed (so adding rows to another group never changes it).
/// @param g A grouping from group_by over the same rows.
/// @param values One value per row; NaN skipped; rows with code −1 ignored.
/// @param s The statistic.
/// @param options As for the one-sample overload.
/// @return Arrays aligned with g.keys(); a group with fewer than 2 valid values gets NaN low, high
///   and standard_error (its estimate is the statistic of its one value, or NaN).
/// @throws std::invalid_argument if values does not have g.rows() entries, the grouping is
///   malformed, or as the one-sample overload for the options and the statistic.
/// @note O(B · rows) time; extra memory O(rows + B).
template <typename Keys, typename DerivedValues>
[[nodiscard]] group_intervals bootstrap_interval(const grouping<Keys>& g, const Eigen::ArrayBase<DerivedValues>& values,
                                                 const statistic& s, const bootstrap_options& options = {}) {
  constexpr const char* function = "bootstrap_interval";
  detail::check_bootstrap_options(options, function, true);
  detail::check_statistic(s, function);
  detail::check_values(g, values, function);
  const Eigen::Index groups = g.groups();
  std::vector<std::vector<double>> members(static_cast<std::size_t>(groups));
  detail::for_each_valid(g, values, [&](int c, double x) { members[static_cast<std::size_t>(c)].push_back(x); });
  const double nan = std::numeric_limits<double>::quiet_NaN();
  group_intervals result{Eigen::ArrayXd::Constant(groups, nan), Eigen::ArrayXd::Constant(groups, nan),
                         Eigen::ArrayXd::Constant(groups, nan), Eigen::ArrayXd::Constant(groups, nan),
                         Eigen::ArrayXi::Zero(groups)};
  for (Eigen::Index j = 0; j < groups; ++j) {
    const std::vector<double>& valid = members[static_cast<std::size_t>(j)];
    result.count(j) = static_cast<int>(valid.size());
    if (valid.size() == 1) {
      result.estimate(j) = detail::resample_statistic(valid.data(), 1, s).of_sample();
    }
    if (valid.size() < 2) {
      continue;
    }
    const confidence_interval interval = detail::one_sample_interval(
        valid, s, options.resamples,
        detail::stream_source{{options.seed, static_cast<std::uint64_t>(j)}}, options);
    result.low(j) = interval.low;
    result.high(j) = interval.high;
    result.estimate(j) = interval.estimate;
    result.standard_error(j) = interval.standard_error;
  }
  return result;
}

/// @brief Bootstrap interval of the origin's throughput ratio (s(t_a) / s(c_a)) / (s(t_b) / s(c_b))
/// between two groups of runs, e.g. tokens/s per MB of KV cache of type A over type B (figure 2).
///
/// Each group's rows are resampled as pairs (t, c) — scipy's `bootstrap((rows_a, rows_b), f)`
/// with f looking both columns up by the resampled row indices; group a from stream 0, b from
/// stream 1. BCa jackknifes rows of each group, as scipy does for two samples.
/// @param throughput_a, cache_a, throughput_b, cache_b Per-row columns of each group (the two
///   columns of a group have equal lengths); rows where either column is NaN are dropped.
/// @param s The statistic of each column; default the median (the origin's).
/// @param options As for bootstrap_interval.
/// @return low, high, estimate, standard_error.
/// @throws std::invalid_argument if a group's columns differ in length or a group has fewer than
///   2 complete rows; otherwise as bootstrap_interval.
/// @note O(B (n_a + n_b)).
template <typename DerivedTA, typename DerivedCA, typename DerivedTB, typename DerivedCB>
[[nodiscard]] confidence_interval bootstrap_throughput_ratio(const Eigen::ArrayBase<DerivedTA>& throughput_a,
                                                             const Eigen::ArrayBase<DerivedCA>& cache_a,
                                                             const Eigen::ArrayBase<DerivedTB>& throughput_b,
                                                             const Eigen::ArrayBase<DerivedCB>& cache_b,
                                                             const statistic& s = statistic::median(),
                                                             const bootstrap_options& options = {}) {
  constexpr const char* function = "bootstrap_throughput_ratio";
  detail::check_bootstrap_options(options, function, true);
  detail::check_statistic(s, function);
  const detail::sample_pair a = detail::valid_rows(throughput_a, cache_a, function, "throughput_a", "cache_a");
  const detail::sample_pair b = detail::valid_rows(throughput_b, cache_b, function, "throughput_b", "cache_b");
  detail::ratio_statistic of_a(a.x, a.y, s);
  detail::ratio_statistic of_b(b.x, b.y, s);
  return detail::two_sample_interval(of_a, of_b, comparison::ratio, options.resamples,
                                     detail::stream_source{{options.seed, 0}},
                                     detail::stream_source{{options.seed, 1}}, options);
}

/// @brief bootstrap_interval() on resamples given by the caller — to reproduce another tool's
/// resamples exactly (for scipy: `rng.integers(0, n, (B, n))` from the same numpy Generator).
/// @param values Any Eigen vector expression; NaN entries are skipped first.
/// @param s The statistic.
/// @param indices B × n integer array: row b holds resample b as positions among the n valid
///   values in row order.
/// @param options confidence_level and method (resamples and seed are not used).
/// @return As bootstrap_interval(values, s, options).
/// @throws std::invalid_argument if indices has no rows, has not n columns, or an entry is
///   outside [0, n); otherwise as bootstrap_interval.
/// @note O(B n).
template <typename DerivedValues, typename DerivedIndices>
[[nodiscard]] confidence_interval bootstrap_interval_from_indices(const Eigen::ArrayBase<DerivedValues>& values,
                                                                  const statistic& s,
                                                                  const Eigen::ArrayBase<DerivedIndices>& indices,
                                                                  const bootstrap_options& options = {}) {
  constexpr const char* function = "bootstrap_interval_from_indices";
  const std::vector<double> valid = detail::checked_sample(values, s, options, function, false);
  const auto& evaluated = indices.derived().eval();
  detail::check_indices(evaluated, valid.size(), function, "indices");
  using indices_type = std::decay_t<decltype(evaluated)>;
  return detail::one_sample_interval(valid, s, evaluated.rows(), detail::matrix_source<indices_type>{evaluated},
                                     options);
}

/// @brief The two-sample bootstrap_interval() on resamples given by the caller (scipy draws x's
/// B × n_x matrix first, then y's B × n_y matrix, from one Generator).
/// @param x_indices, y_indices B × n_x and B × n_y integer arrays (the same B).
/// @throws std::invalid_argument if the row counts differ, or as the one-sample overload.
template <typename DerivedX, typename DerivedY, typename DerivedIndicesX, typename DerivedIndicesY>
[[nodiscard]] confidence_interval bootstrap_interval_from_indices(
    const Eigen::ArrayBase<DerivedX>& x, const Eigen::ArrayBase<DerivedY>& y, const statistic& s, comparison how,
    const Eigen::ArrayBase<DerivedIndicesX>& x_indices, const Eigen::ArrayBase<DerivedIndicesY>& y_indices,
    const bootstrap_options& options = {}) {
  constexpr const char* function = "bootstrap_interval_from_indices";
  detail::check_enum(how, comparison::ratio, function, "how", "comparison", "comparison::difference or comparison::ratio");
  const auto [valid_x, valid_y] = detail::checked_samples(x, y, s, options, function, false);
  const auto& evaluated_x = x_indices.derived().eval();
  const auto& evaluated_y = y_indices.derived().eval();
  detail::check_indices(evaluated_x, valid_x.size(), function, "x_indices");
  detail::check_indices(evaluated_y, valid_y.size(), function, "y_indices");
  if (evaluated_x.rows() != evaluated_y.rows()) {
    throw std::invalid_argument(detail::error_prefix("bootstrap_interval_from_indices") + "x_indices has " +
                                std::to_string(evaluated_x.rows()) + " rows but y_indices has " +
                                std::to_string(evaluated_y.rows()) + " (one row per resample in both)");
  }
  using x_type = std::decay_t<decltype(evaluated_x)>;
  using y_type = std::decay_t<decltype(evaluated_y)>;
  return detail::two_sample_interval(valid_x, valid_y, s, how, evaluated_x.rows(),
                                     detail::matrix_source<x_type>{evaluated_x},
                                     detail::matrix_source<y_type>{evaluated_y}, options);
}

}  // namespace tradeoff

#endif  // TRADEOFF_BOOTSTRAP_HPP
