#ifndef TRADEOFF_RANK_TEST_HPP
#define TRADEOFF_RANK_TEST_HPP

/// @file
/// @brief Two-sample rank statistics: the Mann–Whitney U test with scipy 1.10.1's
/// `scipy.stats.mannwhitneyu` semantics, Cliff's delta, the common-language effect size, the
/// Hodges–Lehmann shift, and Holm's step-down correction for many comparisons.
///
/// NaN policy: NaN values are skipped, as pandas skips them (scipy's `nan_policy='omit'`; scipy's
/// default 'propagate' would return NaN). Ties get average ranks and the tie-corrected variance,
/// as scipy.

#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/mann_whitney_core.hpp>
#include <tradeoff/detail/normal_distribution.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/rank_sample.hpp>
#include <tradeoff/detail/valid_values.hpp>
#include <tradeoff/quantile.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief The alternative hypothesis of a two-sample test (scipy's `alternative=`).
enum class alternative {
  two_sided,  ///< the distributions differ
  less,       ///< x tends to be smaller than y
  greater     ///< x tends to be larger than y
};

/// @brief How a rank test computes its p-value (scipy's `method=`).
enum class rank_test_method {
  automatic,   ///< scipy's 'auto': exact if one sample has at most 8 values and there are no ties
  exact,       ///< the exact null distribution (ties are then ignored, as scipy)
  asymptotic   ///< the normal approximation with tie correction
};

/// @brief Options of mann_whitney_u (scipy's defaults).
struct mann_whitney_options {
  tradeoff::alternative alternative = tradeoff::alternative::two_sided;
  rank_test_method method = rank_test_method::automatic;
  bool continuity = true;  ///< subtract 0.5 from |U − mean| in the normal approximation
};

/// @brief Result of mann_whitney_u.
struct mann_whitney_result {
  double statistic = 0.0;  ///< U of x (scipy's `statistic`): the number of pairs x_i > y_j, ties counting 1/2
  double p_value = 1.0;    ///< scipy's `pvalue`
  rank_test_method method = rank_test_method::asymptotic;  ///< the method used (never `automatic`)
};

/// @brief Mann–Whitney U test of two independent samples, as scipy 1.10.1's `mannwhitneyu`.
///
/// U1 = R1 − n1(n1 + 1)/2 from average ranks; for `greater` the p-value is P(U ≥ U1), for `less`
/// P(U ≥ U2) with U2 = n1 n2 − U1, two-sided 2 P(U ≥ max(U1, U2)), clipped to 1. Exact: the null
/// distribution of U by Mann & Whitney's recurrence (scipy's `_mwu_state`); asymptotic:
/// z = (U − n1 n2/2 − 0.5 continuity) / σ with σ² = n1 n2/12 ((n + 1) − Σ(t³ − t)/(n(n − 1))) and
/// p = Φ(−z). `automatic`: asymptotic if both samples have more than 8 values or there are ties,
/// else exact.
/// @param x, y Any Eigen vector expressions; NaN entries are skipped.
/// @param options alternative (two-sided), method (automatic), continuity (true).
/// @return U of x, the p-value, the method used.
/// @throws std::invalid_argument if x or y has no valid value, or is not a vector.
/// @note O(N log N) for N = n1 + n2 (asymptotic); exact O(n1 n2 · n1 n2 / 2) time and
///   O(n2 · n1 n2) memory (scipy's recurrence), meant for small samples.
template <typename DerivedX, typename DerivedY>
[[nodiscard]] mann_whitney_result mann_whitney_u(const Eigen::ArrayBase<DerivedX>& x, const Eigen::ArrayBase<DerivedY>& y,
                                                 const mann_whitney_options& options = {}) {
  constexpr const char* function = "mann_whitney_u";
  detail::check_enum(options.alternative, alternative::greater, function, "options.alternative", "alternative",
                     "alternative::two_sided, less or greater");
  detail::check_rank_test_method(options.method, function, "options.method");
  const std::vector<double> vx = detail::valid_sample(x, function, "x");
  const std::vector<double> vy = detail::valid_sample(y, function, "y");
  const std::size_t n1 = vx.size();
  const std::size_t n2 = vy.size();
  const detail::rank_sums sums = detail::pooled_rank_sums(vx, vy);
  const double product = static_cast<double>(n1 * n2);
  const double u1 = sums.u_first;
  const double u2 = product - u1;
  double u = u1;
  double factor = 1.0;
  if (options.alternative == alternative::less) {
    u = u2;
  } else if (options.alternative == alternative::two_sided) {
    u = std::max(u1, u2);
    factor = 2.0;
  }
  rank_test_method method = options.method;
  if (method == rank_test_method::automatic) {
    method = (n1 > 8 && n2 > 8) || sums.has_ties ? rank_test_method::asymptotic : rank_test_method::exact;
  }
  double p = 0.0;
  if (method == rank_test_method::exact) {
    p = detail::mann_whitney_exact_sf(u, n1, n2);
  } else {
    const double mean = product / 2.0;
    const double n = static_cast<double>(n1 + n2);
    const double sigma =
        std::sqrt(product / 12.0 * ((n + 1.0) - sums.tie_term / static_cast<double>((n1 + n2) * (n1 + n2 - 1))));
    double numerator = u - mean;
    if (options.continuity) {
      numerator -= 0.5;
    }
    const double z = numerator / sigma;
    p = detail::normal_cdf(-z);
  }
  p *= factor;
  p = std::min(std::max(p, 0.0), 1.0);
  return {u1, p, method};
}

/// @brief Cliff's delta: (#{x_i > y_j} − #{x_i < y_j}) / (n1 n2), in [−1, 1] (Cliff 1993).
/// @param x, y Any Eigen vector expressions; NaN entries are skipped; ties count as neither.
/// @return The delta; positive when x tends to be larger.
/// @throws std::invalid_argument if x or y has no valid value.
/// @note O(N log N).
template <typename DerivedX, typename DerivedY>
[[nodiscard]] double cliffs_delta(const Eigen::ArrayBase<DerivedX>& x, const Eigen::ArrayBase<DerivedY>& y) {
  std::vector<double> vx = detail::valid_sample(x, "cliffs_delta", "x");
  std::vector<double> vy = detail::valid_sample(y, "cliffs_delta", "y");
  const double pairs = static_cast<double>(vx.size() * vy.size());
  return detail::dominance_balance(std::move(vx), std::move(vy)) / pairs;
}

/// @brief Common-language effect size (McGraw & Wong 1992; Vargha–Delaney A): P(X > Y) + P(X = Y)/2
/// over all pairs, = U1 / (n1 n2) = (1 + Cliff's delta) / 2.
/// @throws std::invalid_argument if x or y has no valid value.
/// @note O(N log N).
template <typename DerivedX, typename DerivedY>
[[nodiscard]] double common_language_effect(const Eigen::ArrayBase<DerivedX>& x, const Eigen::ArrayBase<DerivedY>& y) {
  const std::vector<double> vx = detail::valid_sample(x, "common_language_effect", "x");
  const std::vector<double> vy = detail::valid_sample(y, "common_language_effect", "y");
  return detail::pooled_rank_sums(vx, vy).u_first / static_cast<double>(vx.size() * vy.size());
}

/// @brief Hodges–Lehmann shift estimate: the median of all n1 n2 differences x_i − y_j (Hodges &
/// Lehmann 1963), as `np.median(np.subtract.outer(x, y))`: NaN if a difference is NaN (inf − inf).
/// @throws std::invalid_argument if x or y has no valid value.
/// @note O(n1 n2) time and memory (selection over the differences).
template <typename DerivedX, typename DerivedY>
[[nodiscard]] double hodges_lehmann_shift(const Eigen::ArrayBase<DerivedX>& x, const Eigen::ArrayBase<DerivedY>& y) {
  const std::vector<double> vx = detail::valid_sample(x, "hodges_lehmann_shift", "x");
  const std::vector<double> vy = detail::valid_sample(y, "hodges_lehmann_shift", "y");
  Eigen::ArrayXd differences(static_cast<Eigen::Index>(vx.size() * vy.size()));
  Eigen::Index k = 0;
  for (const double a : vx) {
    for (const double b : vy) {
      differences(k++) = a - b;
    }
  }
  if (differences.isNaN().any()) {
    return std::numeric_limits<double>::quiet_NaN();  // inf − inf: np.median of NaN is NaN
  }
  return median(differences);
}

/// @brief The Hodges–Lehmann shift with its distribution-free confidence interval.
struct shift_interval {
  double estimate = std::numeric_limits<double>::quiet_NaN();  ///< hodges_lehmann_shift(x, y)
  double low = -std::numeric_limits<double>::infinity();       ///< D_(C), or −inf if C = 0
  double high = std::numeric_limits<double>::infinity();       ///< D_(N + 1 − C), or +inf if C = 0
  Eigen::Index rank = 0;  ///< C: the interval is [D_(C), D_(N + 1 − C)] of the N = n1 n2 sorted differences
  double coverage = 1.0;  ///< achieved confidence 1 − 2 P(U <= C − 1) (exact or normal, see `exact`)
  bool exact = true;      ///< true: from the exact null distribution of U; false: normal approximation
};

/// @brief Hodges–Lehmann shift x − y and its confidence interval from the ordered pairwise
/// differences (Moses's interval; Lehmann, *Nonparametrics*, 1975, §2.6; Hollander, Wolfe &
/// Chicken, *Nonparametric Statistical Methods*, 3rd ed., §4.3): the set of shifts d that the
/// two-sided Mann–Whitney test of (x − d, y) does not reject.
///
/// C is the largest c >= 1 with P(U <= c − 1) <= α/2 under the null (exact distribution when
/// n1 n2 <= 10,000; above, C = floor(n1 n2/2 − z_(1−α/2) σ), σ² = n1 n2 (n1 + n2 + 1)/12, and the
/// coverage is the continuity-corrected normal value); C = 0 (too few pairs) gives (−inf, +inf).
/// @param x, y Any Eigen vector expressions; NaN entries are skipped.
/// @param confidence_level In (0, 1); default 0.95.
/// @return estimate, low, high, C, the achieved coverage, whether it is exact.
/// @throws std::domain_error if confidence_level is outside (0, 1); std::invalid_argument if x or
///   y has no valid value.
/// @note Ties: the null distribution assumes none; with ties the coverage is approximate. A NaN
///   difference (inf − inf) makes estimate, low and high NaN. O(n1 n2) memory; exact adds O(n1 n2 · n1 n2 / 2) time.
template <typename DerivedX, typename DerivedY>
[[nodiscard]] shift_interval hodges_lehmann_interval(const Eigen::ArrayBase<DerivedX>& x,
                                                     const Eigen::ArrayBase<DerivedY>& y,
                                                     double confidence_level = 0.95) {
  constexpr const char* function = "hodges_lehmann_interval";
  if (!(confidence_level > 0.0 && confidence_level < 1.0)) {
    throw std::domain_error(detail::error_prefix(function) + "confidence_level = " +
                            detail::number_text(confidence_level) + " is outside (0, 1)");
  }
  const std::vector<double> vx = detail::valid_sample(x, function, "x");
  const std::vector<double> vy = detail::valid_sample(y, function, "y");
  const std::size_t pairs = vx.size() * vy.size();
  std::vector<double> differences;
  differences.reserve(pairs);
  for (const double a : vx) {
    for (const double b : vy) {
      differences.push_back(a - b);
    }
  }
  shift_interval result;
  const double tail = (1.0 - confidence_level) / 2.0;
  const double half = static_cast<double>(pairs) / 2.0;
  std::size_t rank = 0;
  if (pairs <= 10000) {
    const std::vector<double> cdf = detail::mann_whitney_null_cdf(vx.size(), vy.size(), pairs / 2);
    while (rank < pairs / 2 && cdf[rank] <= tail) {  // cdf[rank] = P(U <= (rank + 1) − 1)
      ++rank;
    }
    result.coverage = rank == 0 ? 1.0 : 1.0 - 2.0 * cdf[rank - 1];
  } else {
    result.exact = false;
    const double sigma = std::sqrt(static_cast<double>(pairs) * static_cast<double>(vx.size() + vy.size() + 1) / 12.0);
    const double bound = std::floor(half - detail::normal_quantile(1.0 - tail) * sigma);
    rank = bound < 1.0 ? 0 : static_cast<std::size_t>(bound);
    result.coverage = rank == 0 ? 1.0 : 1.0 - 2.0 * detail::normal_cdf((static_cast<double>(rank) - 0.5 - half) / sigma);
  }
  result.rank = static_cast<Eigen::Index>(rank);
  const Eigen::Map<const Eigen::ArrayXd> all(differences.data(), static_cast<Eigen::Index>(pairs));
  if (all.isNaN().any()) {  // inf − inf: no order, so no interval
    result.estimate = result.low = result.high = std::numeric_limits<double>::quiet_NaN();
    return result;
  }
  result.estimate = median(all);
  if (rank >= 1) {
    std::vector<double> sorted(differences);
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(rank - 1), sorted.end());
    result.low = sorted[rank - 1];
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(pairs - rank), sorted.end());
    result.high = sorted[pairs - rank];
  }
  return result;
}

/// @brief Holm's step-down adjusted p-values (Holm 1979), as statsmodels' `multipletests(p,
/// method='holm')`: sorted ascending, p_(j) × (m − j) for j = 0 … m − 1, running maximum, capped at 1.
/// @param p_values Any Eigen vector expression of p-values in [0, 1]; NaN entries stay NaN and do
///   not count in m.
/// @return The adjusted p-values, in the order of the input. Reject hypothesis i at level α when
///   result(i) <= α (this controls the family-wise error rate at α).
/// @throws std::domain_error if a p-value is outside [0, 1].
/// @note O(m log m).
template <typename DerivedP>
[[nodiscard]] Eigen::ArrayXd holm_adjust(const Eigen::ArrayBase<DerivedP>& p_values) {
  detail::check_vector(p_values, "holm_adjust", "p_values");
  const auto& p = p_values.derived().eval();
  Eigen::ArrayXd adjusted = Eigen::ArrayXd::Constant(p.size(), std::numeric_limits<double>::quiet_NaN());
  std::vector<Eigen::Index> order;
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    const auto v = static_cast<double>(p(i));
    if (std::isnan(v)) {
      continue;
    }
    if (v < 0.0 || v > 1.0) {
      throw std::domain_error(detail::error_prefix("holm_adjust") + "p_values(" + std::to_string(i) + ") = " +
                              detail::number_text(v) + " is outside [0, 1]");
    }
    order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](Eigen::Index a, Eigen::Index b) { return static_cast<double>(p(a)) < static_cast<double>(p(b)); });
  const auto m = static_cast<double>(order.size());
  double running = 0.0;
  for (std::size_t j = 0; j < order.size(); ++j) {
    running = std::max(running, static_cast<double>(p(order[j])) * (m - static_cast<double>(j)));
    adjusted(order[j]) = std::min(running, 1.0);
  }
  return adjusted;
}

}  // namespace tradeoff

#endif  // TRADEOFF_RANK_TEST_HPP
