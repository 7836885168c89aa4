#ifndef TRADEOFF_FIXED_VRAM_HPP
#define TRADEOFF_FIXED_VRAM_HPP

/// @file
/// @brief The origin's fixed-VRAM serving model, bit for bit as its numpy code computes it:
/// sequences that fit = budget / cache per sequence (a real number), each at its batch-1 speed;
/// the budget grid, the IQR band and the "× vs baseline" ratio.
///
/// Units are the caller's: budget and cache only need to agree (the origin uses decimal MB,
/// 1 MB = 1e6 bytes); throughput comes out in the unit of `tps_per_seq` (tokens/s). The
/// capacity model and roofline that refine it are in serving.hpp. See docs/serving.md.

#include <tradeoff/detail/fixed_vram_checks.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/detail/serving_numpy.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>

namespace tradeoff {

/// @brief `numpy.logspace(start_exponent, stop_exponent, n)` (base 10, endpoint included).
///
/// The exponents are numpy 1.24's `linspace`, reproduced bit for bit (see
/// detail::numpy_linspace; no FMA contraction even under `-march=native -ffp-contract=fast`);
/// each value is then `std::pow(10.0, exponent)`. numpy evaluates that power with its own
/// (SIMD/SVML) `power` loop on CPUs with AVX-512, which is not always correctly rounded, while
/// glibc's `pow` nearly always is: results equal numpy's to within 1 ulp, and equal
/// `[math.pow(10, e) for e in numpy.linspace(...)]` bit for bit on glibc.
/// @param start_exponent first exponent (finite)
/// @param stop_exponent  last exponent (finite)
/// @param n              number of values (≥ 0)
/// @return n values, 10^exponent
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
[[nodiscard]] inline Eigen::ArrayXd log_space(double start_exponent, double stop_exponent, Eigen::Index n) {
  constexpr const char* fn = "log_space";
  if (!std::isfinite(start_exponent)) detail::throw_bad_argument(fn, "start_exponent", "must be finite");
  if (!std::isfinite(stop_exponent)) detail::throw_bad_argument(fn, "stop_exponent", "must be finite");
  detail::require_non_negative(fn, "n", n);
  Eigen::ArrayXd y = detail::numpy_linspace(start_exponent, stop_exponent, n);
  for (Eigen::Index i = 0; i < n; ++i) y(i) = std::pow(10.0, y(i));
  return y;
}

/// @brief The origin's budget grid: `numpy.logspace(numpy.log10(lo), numpy.log10(hi), n)`,
/// e.g. `log_budgets(500, 80000, 300)` in MB.
///
/// The exponents are `std::log10(lo)` and `std::log10(hi)` (glibc), then `log_space`. numpy's
/// own scalar `log10` differs from glibc's in the last bit for a few per cent of inputs; where it
/// does, the result moves by a few ulps. For the origin's (500, 80000, 300) both agree and every
/// value is within 1 ulp of numpy (tests/data/golden_serving_logspace.txt).
/// @param lo first budget (> 0, finite), any unit
/// @param hi last budget (> 0, finite), same unit; lo > hi gives a descending grid as numpy does
/// @param n  number of budgets (≥ 0)
/// @return n budgets in the unit of lo and hi
/// @throws std::invalid_argument naming the bad argument (non-positive, NaN or infinite bound,
/// negative n).
/// @note O(n).
[[nodiscard]] inline Eigen::ArrayXd log_budgets(double lo, double hi, Eigen::Index n) {
  constexpr const char* fn = "log_budgets";
  detail::require_positive_finite(fn, "lo", lo);
  detail::require_positive_finite(fn, "hi", hi);
  detail::require_non_negative(fn, "n", n);
  return log_space(std::log10(lo), std::log10(hi), n);
}


/// @brief The origin's aggregate throughput: `(budgets / cache_per_seq) * tps_per_seq`,
/// element by element, in exactly that order (the origin's `(budgets_mb / cache) * tps`).
///
/// The number of sequences that fit is taken as the real number budget / cache (no floor, no
/// weights, no paging), each running at its batch-1 speed.
/// @param budgets       KV-cache budgets (finite, ≥ 0), same unit as cache_per_seq (origin: MB)
/// @param cache_per_seq KV cache of one sequence (finite, > 0)
/// @param tps_per_seq   tokens/s of one sequence (finite, ≥ 0)
/// @return aggregate tokens/s per budget (unit of tps_per_seq)
/// @throws std::invalid_argument naming the bad argument (NaN, infinite, negative budget;
/// cache ≤ 0 or NaN; tps negative or NaN).
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] Eigen::ArrayXd aggregate_throughput(const Eigen::DenseBase<DerivedBudgets>& budgets,
                                                  double cache_per_seq, double tps_per_seq) {
  constexpr const char* fn = "aggregate_throughput";
  detail::validate_budgets(fn, budgets);
  detail::require_positive_finite(fn, "cache_per_seq", cache_per_seq);
  detail::require_non_negative_finite(fn, "tps_per_seq", tps_per_seq);
  Eigen::ArrayXd out(budgets.size());
  for (Eigen::Index i = 0; i < budgets.size(); ++i) {
    out(i) = (static_cast<double>(budgets.derived().coeff(i)) / cache_per_seq) * tps_per_seq;
  }
  return out;
}

/// @brief The origin's uncertainty band.
struct throughput_band_result {
  Eigen::ArrayXd lo;  ///< budget / cache_q3 × tps_q1 (pessimistic)
  Eigen::ArrayXd hi;  ///< budget / cache_q1 × tps_q3 (optimistic)
};

/// @brief The origin's IQR band: lo = (budget / cache_q3) × tps_q1, hi = (budget / cache_q1) × tps_q3.
/// @param budgets  budgets (finite, ≥ 0), unit of the caches
/// @param tps_q1   first quartile of tokens/s per sequence (finite, ≥ 0)
/// @param tps_q3   third quartile (finite, ≥ tps_q1)
/// @param cache_q1 first quartile of cache per sequence (finite, > 0)
/// @param cache_q3 third quartile (finite, ≥ cache_q1)
/// @return {lo, hi}, each of the size of budgets
/// @throws std::invalid_argument naming the bad argument (also when a q1 exceeds its q3).
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] throughput_band_result throughput_band(const Eigen::DenseBase<DerivedBudgets>& budgets, double tps_q1,
                                                     double tps_q3, double cache_q1, double cache_q3) {
  constexpr const char* fn = "throughput_band";
  detail::validate_budgets(fn, budgets);
  detail::require_non_negative_finite(fn, "tps_q1", tps_q1);
  detail::require_non_negative_finite(fn, "tps_q3", tps_q3);
  detail::require_positive_finite(fn, "cache_q1", cache_q1);
  detail::require_positive_finite(fn, "cache_q3", cache_q3);
  if (tps_q1 > tps_q3) {
    detail::throw_bad_argument(fn, "tps_q1", "must not exceed tps_q3 (got " + detail::number_text(tps_q1) + " > " +
                                                 detail::number_text(tps_q3) + ")");
  }
  if (cache_q1 > cache_q3) {
    detail::throw_bad_argument(fn, "cache_q1", "must not exceed cache_q3 (got " + detail::number_text(cache_q1) +
                                                   " > " + detail::number_text(cache_q3) + ")");
  }
  throughput_band_result band{Eigen::ArrayXd(budgets.size()), Eigen::ArrayXd(budgets.size())};
  for (Eigen::Index i = 0; i < budgets.size(); ++i) {
    const double b = static_cast<double>(budgets.derived().coeff(i));
    band.lo(i) = (b / cache_q3) * tps_q1;
    band.hi(i) = (b / cache_q1) * tps_q3;
  }
  return band;
}

/// @brief The origin's "× vs MHA": `((B / cache) * tps) / ((B / baseline_cache) * baseline_tps)`
/// at B = 1. Mathematically (tps / cache) / (baseline_tps / baseline_cache): the budget cancels,
/// which is why the origin's ratio panel is a flat line.
/// @param cache          cache per sequence of the type (finite, > 0)
/// @param tps            tokens/s per sequence of the type (finite, ≥ 0)
/// @param baseline_cache cache per sequence of the baseline (finite, > 0), same unit
/// @param baseline_tps   tokens/s of the baseline (finite, > 0)
/// @throws std::invalid_argument naming the bad argument.
/// @note O(1).
[[nodiscard]] inline double throughput_ratio(double cache, double tps, double baseline_cache, double baseline_tps) {
  detail::validate_ratio_arguments(cache, tps, baseline_cache, baseline_tps);
  return ((1.0 / cache) * tps) / ((1.0 / baseline_cache) * baseline_tps);
}

/// @brief The origin's ratio curve, per budget, in its operation order:
/// `((budgets / cache) * tps) / ((budgets / baseline_cache) * baseline_tps)`. Equal to the
/// scalar overload up to rounding (a few ulps); a zero budget gives NaN (0/0), as numpy does.
/// @throws std::invalid_argument naming the bad argument.
/// @note O(n).
template <typename DerivedBudgets>
[[nodiscard]] Eigen::ArrayXd throughput_ratio(const Eigen::DenseBase<DerivedBudgets>& budgets, double cache, double tps,
                                              double baseline_cache, double baseline_tps) {
  detail::validate_budgets("throughput_ratio", budgets);
  detail::validate_ratio_arguments(cache, tps, baseline_cache, baseline_tps);
  Eigen::ArrayXd out(budgets.size());
  for (Eigen::Index i = 0; i < budgets.size(); ++i) {
    const double b = static_cast<double>(budgets.derived().coeff(i));
    out(i) = ((b / cache) * tps) / ((b / baseline_cache) * baseline_tps);
  }
  return out;
}

}  // namespace tradeoff

#endif  // TRADEOFF_FIXED_VRAM_HPP
