#ifndef TRADEOFF_DETAIL_MANN_WHITNEY_CORE_HPP
#define TRADEOFF_DETAIL_MANN_WHITNEY_CORE_HPP

/// @file
/// @brief scipy 1.10.1's `mannwhitneyu` arithmetic: average ranks, U, the tie term, the normal
/// approximation and the exact null distribution by the recurrence of Mann & Whitney (1947,
/// Theorem 2.5 in scipy's reference [3]: f(m, n, k) = f(m − 1, n, k − n) + f(m, n − 1, k)),
/// computed in double in the same way, so the counts are the same doubles as scipy's even where
/// they exceed 2^53. Internal.

#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/float_exact.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

namespace tradeoff::detail {

/// The one check of a rank_test_method argument (mann_whitney_u, tied_for_best): a template
/// so that this header needs only the enum's enumerator names, not rank_test.hpp.
template <typename Method>
void check_rank_test_method(Method method, const char* function, const char* argument) {
  check_enum(method, Method::asymptotic, function, argument, "rank_test_method",
             "rank_test_method::automatic, exact or asymptotic");
}

/// U of the first sample, the tie term Σ(t³ − t) over groups of equal values of the pooled
/// sample, and whether there are ties.
struct rank_sums {
  double u_first = 0.0;
  double tie_term = 0.0;
  bool has_ties = false;
};

/// Average ranks of the pooled sample x ++ y (scipy.stats.rankdata, method 'average'), summed
/// over x; O(N log N).
inline rank_sums pooled_rank_sums(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n1 = x.size();
  const std::size_t total = n1 + y.size();
  std::vector<double> pooled(x);
  pooled.insert(pooled.end(), y.begin(), y.end());
  std::vector<std::size_t> order(total);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pooled[a] < pooled[b]; });
  rank_sums sums;
  double rank_sum_first = 0.0;  // sums of half-integers: exact in any order
  std::int64_t ties = 0;
  for (std::size_t first = 0; first < total;) {
    std::size_t last = first + 1;
    while (last < total && !(pooled[order[first]] < pooled[order[last]])) {
      ++last;
    }
    const auto t = static_cast<std::int64_t>(last - first);
    ties += t * t * t - t;
    // ranks first + 1 .. last, average (first + 1 + last) / 2
    const double average = 0.5 * static_cast<double>(first + 1 + last);
    for (std::size_t k = first; k < last; ++k) {
      if (order[k] < n1) {
        rank_sum_first += average;
      }
    }
    first = last;
  }
  const double count = static_cast<double>(n1);
  sums.u_first = rank_sum_first - count * (count + 1.0) / 2.0;
  sums.tie_term = static_cast<double>(ties);
  sums.has_ties = ties != 0;
  return sums;
}

/// scipy's `special.binom(n, k)` for integers: the product loop (exact to a few ulp).
inline double binomial_coefficient(std::size_t n, std::size_t k) {
  const std::size_t smaller = std::min(k, n - k);
  const double top = static_cast<double>(n);
  const double kx = static_cast<double>(smaller);
  double numerator = 1.0;
  double denominator = 1.0;
  for (std::size_t i = 1; i <= smaller; ++i) {
    numerator *= static_cast<double>(i) + top - kx;
    denominator *= static_cast<double>(i);
    if (std::fabs(numerator) > 1e50) {
      numerator /= denominator;
      denominator = 1.0;
    }
  }
  return numerator / denominator;
}

/// P(U <= k) under the null for sample sizes m, n and every k = 0 .. top (top <= mn): scipy's
/// `_mwu_state.cdf`, the sequential sum of f(m, n, k) / binom(m + n, m), where f(m, n, k), the
/// number of rank assignments with U = k, is the coefficient of q^k in the Gaussian binomial
/// [m + n choose m]_q = prod_{i=1..s} (1 - q^(l+i)) / (1 - q^i), s = min(m, n), l = max(m, n)
/// (Andrews, "The Theory of Partitions", 3.3; the generating function of Mann and Whitney's
/// recursion f(m, n, k) = f(m - 1, n, k - n) + f(m, n - 1, k)). Each factor is one pass over the
/// coefficients 0..top, so O(min(m, n) * top) instead of the recursion's O(m * n * top); the
/// counts are integers, exact (hence equal to scipy's bit for bit) while below 2^53.
inline std::vector<double> mann_whitney_null_cdf(std::size_t m, std::size_t n, std::size_t top) {
  const std::size_t width = top + 1;
  const std::size_t smaller = std::min(m, n);
  const std::size_t larger = std::max(m, n);
  std::vector<double> count(width, 0.0);
  count[0] = 1.0;
  for (std::size_t i = 1; i <= smaller; ++i) {
    const std::size_t step = larger + i;
    for (std::size_t k = top; k >= step; --k) {  // times (1 - q^step): old values below k
      count[k] -= count[k - step];
    }
    for (std::size_t k = i; k <= top; ++k) {  // divided by (1 - q^i): new values below k
      count[k] += count[k - i];
    }
  }
  const double all = binomial_coefficient(m + n, m);
  std::vector<double> cdf(width);
  double cumulative = 0.0;
  for (std::size_t k = 0; k <= top; ++k) {
    cumulative += count[k] / all;
    cdf[k] = cumulative;
  }
  return cdf;
}

/// P(U >= u) under the null for sample sizes m, n: scipy's `_mwu_state.sf(int(u), m, n)`, which
/// by symmetry is P(U <= mn − int(u)).
inline double mann_whitney_exact_sf(double u, std::size_t m, std::size_t n) {
  const std::size_t product = m * n;
  const auto truncated = static_cast<std::size_t>(u);
  return mann_whitney_null_cdf(m, n, product - std::min(truncated, product)).back();
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_MANN_WHITNEY_CORE_HPP
