#ifndef TRADEOFF_TESTS_FUZZ_CHECK_INTERVALS_HPP
#define TRADEOFF_TESTS_FUZZ_CHECK_INTERVALS_HPP

/// @file
/// @brief Property check for tradeoff/bootstrap.hpp, quantile_interval.hpp and rank_test.hpp on an
/// arbitrary byte string, against brute-force definitions: the bootstrap's counting evaluation
/// against sorting every resample; the order-statistic interval's ranks against binomial sums by
/// Pascal's triangle; U, Cliff's delta and the Hodges–Lehmann shift against all pairs; exact
/// Mann–Whitney p-values against enumeration of all rank assignments; Holm's adjusted p-values
/// against their defining inequalities. Throws tradeoff_fuzz::check_failure on a disagreement.
///
/// Byte layout: [flags] [n_x] [n_y] [level] then n_x + n_y values (byte_reader::value: ties,
/// NaN, ±inf, −0.0, extremes), then resample indices (one byte each).

#include "byte_reader.hpp"

#include <tradeoff/bootstrap.hpp>
#include <tradeoff/quantile_interval.hpp>
#include <tradeoff/rank_test.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tradeoff_fuzz {

namespace intervals_detail {

inline bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

inline std::vector<double> valid(const Eigen::ArrayXd& v) {
  std::vector<double> out;
  for (Eigen::Index i = 0; i < v.size(); ++i)
    if (!std::isnan(v(i))) out.push_back(v(i));
  return out;
}

inline Eigen::ArrayXd as_array(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::ArrayXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

/// The order-statistic interval's ranks by Pascal's triangle in long double.
inline void check_quantile_interval(const Eigen::ArrayXd& x, double level) {
  std::vector<double> sorted = valid(x);
  if (sorted.empty()) return;
  std::sort(sorted.begin(), sorted.end());
  const std::size_t n = sorted.size();
  std::vector<long double> pmf(n + 1);
  for (std::size_t k = 0; k <= n; ++k) {
    long double choose = 1.0L;
    for (std::size_t i = 0; i < k; ++i) choose = choose * static_cast<long double>(n - i) / static_cast<long double>(i + 1);
    pmf[k] = choose * std::pow(static_cast<long double>(level), static_cast<long double>(k)) *
             std::pow(1.0L - static_cast<long double>(level), static_cast<long double>(n - k));
  }
  const long double tail = (1.0L - 0.9L) / 2.0L;
  std::size_t lower = 0;
  long double below = 0.0L;
  while (lower < n && below + pmf[lower] <= tail) below += pmf[lower++];
  std::size_t upper = n + 1;
  long double above = 0.0L;
  while (upper > 1 && above + pmf[upper - 1] <= tail) above += pmf[--upper];
  const auto got = tradeoff::quantile_interval(x, level, 0.9);
  // a cumulative sum within 1e-12 of the tail may round either way
  const bool near_boundary = std::fabs(static_cast<double>(below + pmf[std::min(lower, n)] - tail)) < 1e-12 ||
                             std::fabs(static_cast<double>(above + pmf[upper - 1] - tail)) < 1e-12;
  if (!near_boundary) {
    expect(got.lower_rank == static_cast<Eigen::Index>(lower), "quantile_interval lower rank ", got.lower_rank,
           " expected ", lower, " n=", n, " level=", level);
    expect(got.upper_rank == static_cast<Eigen::Index>(upper), "quantile_interval upper rank ", got.upper_rank,
           " expected ", upper);
  }
  if (got.lower_rank >= 1) expect(same(got.low, sorted[static_cast<std::size_t>(got.lower_rank) - 1]), "low value");
  if (got.upper_rank <= static_cast<Eigen::Index>(n))
    expect(same(got.high, sorted[static_cast<std::size_t>(got.upper_rank) - 1]), "high value");
}

/// Percentile endpoints from the counting evaluation against gathering and quantile().
inline void check_bootstrap(const Eigen::ArrayXd& x, std::uint8_t flags, double level, byte_reader& in) {
  const std::vector<double> values = valid(x);
  if (values.size() < 2) return;
  const Eigen::Index n = static_cast<Eigen::Index>(values.size());
  const Eigen::Index resamples = 1 + flags % 5;
  Eigen::ArrayXXi indices(resamples, n);
  for (Eigen::Index b = 0; b < resamples; ++b)
    for (Eigen::Index i = 0; i < n; ++i) indices(b, i) = static_cast<int>(in.byte() % n);
  const auto method = static_cast<tradeoff::quantile_method>((flags >> 3) % 13);
  const int which = (flags >> 1) % 3;
  const tradeoff::statistic s = which == 0   ? tradeoff::statistic::quantile(level, method)
                                : which == 1 ? tradeoff::statistic::median()
                                             : tradeoff::statistic::iqr(method);
  Eigen::ArrayXd distribution(resamples);
  bool any_nan = false;
  for (Eigen::Index b = 0; b < resamples; ++b) {
    Eigen::ArrayXd resample(n);
    for (Eigen::Index i = 0; i < n; ++i) resample(i) = values[static_cast<std::size_t>(indices(b, i))];
    distribution(b) = which == 0   ? tradeoff::quantile(resample, level, method)
                      : which == 1 ? tradeoff::median(resample)
                                   : tradeoff::iqr(resample, method);
    any_nan = any_nan || std::isnan(distribution(b));
  }
  tradeoff::bootstrap_options options;
  options.method = tradeoff::interval_method::percentile;
  options.confidence_level = 0.9;
  const auto got = tradeoff::bootstrap_interval_from_indices(x, s, indices, options);
  const double alpha = (1.0 - 0.9) / 2.0;
  const double low = any_nan ? std::nan("") : tradeoff::quantile(distribution, tradeoff::pandas_level(alpha));
  const double high = any_nan ? std::nan("") : tradeoff::quantile(distribution, tradeoff::pandas_level(1.0 - alpha));
  expect(same(got.low, low), "bootstrap low ", got.low, " expected ", low, " n=", n);
  expect(same(got.high, high), "bootstrap high ", got.high, " expected ", high);
  options.method = tradeoff::interval_method::bca;  // must not crash or hang
  static_cast<void>(tradeoff::bootstrap_interval_from_indices(x, s, indices, options));
}

/// U, Cliff's delta, common-language effect and the Hodges–Lehmann shift by all pairs; exact
/// p-values by enumeration when the pooled sample is small and tie-free.
inline void check_rank_statistics(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) {
  const std::vector<double> vx = valid(x), vy = valid(y);
  if (vx.empty() || vy.empty()) return;
  double u = 0.0, balance = 0.0;
  std::vector<double> differences;
  bool ties = false, nan_difference = false;
  for (const double a : vx) {
    for (const double b : vy) {
      u += a > b ? 1.0 : (a == b ? 0.5 : 0.0);
      balance += a > b ? 1.0 : (a < b ? -1.0 : 0.0);
      ties = ties || a == b;
      differences.push_back(a - b);
      nan_difference = nan_difference || std::isnan(differences.back());
    }
  }
  const double pairs = static_cast<double>(differences.size());
  const auto test = tradeoff::mann_whitney_u(x, y);
  expect(test.statistic == u, "U ", test.statistic, " expected ", u);
  expect(std::isnan(test.p_value) || (test.p_value >= 0.0 && test.p_value <= 1.0), "p outside [0, 1]");
  expect(tradeoff::cliffs_delta(x, y) == balance / pairs, "cliffs_delta");
  expect(tradeoff::common_language_effect(x, y) == u / pairs, "common_language_effect");
  std::sort(differences.begin(), differences.end());
  const std::size_t m = differences.size();
  const double shift = nan_difference ? std::nan("")
                       : m % 2 == 1   ? differences[m / 2]
                                      : (differences[m / 2 - 1] + differences[m / 2]) / 2.0;
  expect(same(tradeoff::hodges_lehmann_shift(x, y), shift), "hodges_lehmann_shift");
  static_cast<void>(tradeoff::hodges_lehmann_interval(x, y, 0.9));
  // ties within one sample count too
  std::vector<double> pooled(vx);
  pooled.insert(pooled.end(), vy.begin(), vy.end());
  std::sort(pooled.begin(), pooled.end());
  ties = ties || std::adjacent_find(pooled.begin(), pooled.end()) != pooled.end();
  const std::size_t total = pooled.size();
  if (ties || total > 14) return;
  // Every way to give the x sample |x| of the pooled ranks (subsets of that size, in Gosper's
  // order): U counts the (x, y) pairs with the x rank above, i.e. for the x rank at position a,
  // the y ranks below it (a minus the x ranks below it).
  std::vector<int> histogram(vx.size() * vy.size() + 1, 0);
  int subsets = 0;
  const unsigned full = 1U << total;
  for (unsigned mask = (1U << vx.size()) - 1U; mask < full;) {
    int count = 0, x_below = 0;
    for (std::size_t a = 0; a < total; ++a) {
      if (((mask >> a) & 1U) == 0) continue;
      count += static_cast<int>(a) - x_below;
      ++x_below;
    }
    ++histogram[static_cast<std::size_t>(count)];
    ++subsets;
    const unsigned lowest = mask & (~mask + 1U);
    const unsigned ripple = mask + lowest;
    mask = ripple | (((mask ^ ripple) >> 2) / lowest);
  }
  tradeoff::mann_whitney_options options;
  options.method = tradeoff::rank_test_method::exact;
  options.alternative = tradeoff::alternative::greater;
  const auto exact = tradeoff::mann_whitney_u(x, y, options);
  int at_least = 0;
  for (std::size_t k = static_cast<std::size_t>(u); k < histogram.size(); ++k) at_least += histogram[k];
  const double expected = static_cast<double>(at_least) / subsets;
  expect(std::fabs(exact.p_value - expected) <= 1e-13 * expected, "exact p ", exact.p_value, " expected ", expected);
}

/// Holm: adjusted >= raw, <= 1, and ordered as the raw p-values.
inline void check_holm(const Eigen::ArrayXd& x) {
  Eigen::ArrayXd p(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i)
    p(i) = std::isnan(x(i)) ? x(i) : (std::isinf(x(i)) ? 1.0 : std::fabs(x(i)) / (1.0 + std::fabs(x(i))));
  const Eigen::ArrayXd adjusted = tradeoff::holm_adjust(p);
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    if (std::isnan(p(i))) {
      expect(std::isnan(adjusted(i)), "holm NaN");
      continue;
    }
    expect(adjusted(i) >= p(i) && adjusted(i) <= 1.0, "holm bounds");
    for (Eigen::Index j = 0; j < p.size(); ++j)
      if (!std::isnan(p(j)) && p(i) < p(j)) expect(adjusted(i) <= adjusted(j), "holm order");
  }
}

}  // namespace intervals_detail

/// The property check of the fuzz_intervals target (see the file comment for the layout).
inline void check_intervals(const std::uint8_t* data, std::size_t size) {
  byte_reader in(data, size);
  const std::uint8_t flags = in.byte();
  const Eigen::Index n_x = in.byte() % 24;
  const Eigen::Index n_y = in.byte() % 24;
  const double level = (1.0 + static_cast<double>(in.byte() % 98)) / 100.0;
  Eigen::ArrayXd x(n_x), y(n_y);
  for (Eigen::Index i = 0; i < n_x; ++i) x(i) = in.value();
  for (Eigen::Index i = 0; i < n_y; ++i) y(i) = in.value();
  intervals_detail::check_quantile_interval(x, level);
  intervals_detail::check_bootstrap(x, flags, level, in);
  intervals_detail::check_rank_statistics(x, y);
  intervals_detail::check_holm(x);
}

}  // namespace tradeoff_fuzz

#endif  // TRADEOFF_TESTS_FUZZ_CHECK_INTERVALS_HPP
