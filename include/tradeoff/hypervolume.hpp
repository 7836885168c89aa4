#ifndef TRADEOFF_HYPERVOLUME_HPP
#define TRADEOFF_HYPERVOLUME_HPP

/// @file
/// @brief Exact hypervolume (S-metric) of a set of points with respect to a reference point.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/hypervolume_columns.hpp>
#include <tradeoff/detail/hypervolume_input.hpp>
#include <tradeoff/detail/hypervolume_monte_carlo.hpp>
#include <tradeoff/detail/hypervolume_sweep.hpp>
#include <tradeoff/detail/row_mask_apply.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief Options of tradeoff::hypervolume.
struct hypervolume_options {
  /// Upper bound on the work of the exact algorithms for d >= 4 (after constant objectives
  /// are dropped), in steps: one step is one front row visited by the 4-D sweep or one
  /// limit-set row built by the slicing, 15-300 ns each on a current x86 core, more in more
  /// objectives (docs/hypervolume.md has measured counts). Past it the call throws std::domain_error
  /// instead of running on. 0 (the default) means no bound.
  std::uint64_t max_work = 0;
};

/// @brief Exact hypervolume of the region dominated by `points` and bounded by `reference`.
///
/// The hypervolume (Zitzler's S-metric) is the Lebesgue measure of the union of the boxes
/// spanned by each point and the reference point, in the objectives' own directions: for a
/// minimised objective the box runs from the point's value up to the reference value, for
/// a maximised one from the reference value up to the point's value.
///
/// @param points    n x d Eigen array or matrix of float or double; one row per point,
///                  one column per objective (d >= 1). n = 0 gives 0.
/// @param reference d values (an Eigen vector, row or column), the reference point.
/// @param senses    one tradeoff::sense per column, or empty for "minimise every objective".
/// @param options   hypervolume_options: `max_work` bounds the exact d >= 4 work.
/// @return the hypervolume, >= 0; `+inf` when it exceeds the double range, or when a
///         contributing point has an infinite
///         coordinate (-inf in a minimised objective, +inf in a maximised one) or the
///         reference is infinite in a direction that some point is strictly better than.
/// @throws std::invalid_argument (message starting `tradeoff::hypervolume: `) if d is 0,
///         `reference` is not a vector of size d, `senses` is neither empty nor of size d,
///         or `reference` contains NaN.
///
/// Policies: a row contributes only if it is strictly better than the reference in every
/// objective (a row on the reference's boundary spans a box of zero volume). Rows with NaN
/// in any column contribute nothing. Dominated rows and duplicates contribute nothing
/// beyond the points that dominate them. ±inf are ordinary values. The inputs are never
/// modified.
///
/// Algorithms and complexity (n rows, h of them on the front): d = 1 O(n); d = 2 a one-pass
/// bucket pre-filter, a radix sort of the survivors on x and a sweep, O(n) (comparison sort,
/// O(n log n), below 2048 survivors); d = 3 a one-pass grid pre-filter, a radix sort on z and
/// the O(n log n) dimension sweep of Beume et al. (2009) over an ordered 2-D staircase (a
/// 64-ary bit tree of ranks, or std::map for small inputs); d >= 4 dominated rows removed
/// with pareto_front's algorithm, then for d = 4 one sweep over the 4th objective that keeps
/// the 3-D front of the points seen so far in two linked lists (the HV4D scheme of Guerreiro
/// and Fonseca 2018), O(n h3) for h3 the largest 3-D front met; for d >= 5 a sweep over the
/// last objective whose points add their box minus the hypervolume of their limit set over
/// the (d-1)-D front seen so far (WFG's limit sets, While, Bradstreet and Barone 2012), down
/// to the 4-D sweep — exponential in d in the worst case (see docs/hypervolume.md for the
/// measured curve; `options.max_work` bounds it). Constant objectives are factored out
/// before the algorithm is chosen. Memory O(n d).
///
/// Accuracy: exact on integer data below 2^53; otherwise the d >= 3 sums are accumulated in
/// x87 extended precision where long double has a 64-bit significand (relative error <=
/// 2e-15, seen <= 7e-17, on DTLZ-like fronts in 3-9 objectives), in double elsewhere. A
/// volume beyond the double range is +inf (never NaN).
///
/// @throws std::domain_error (message starting `tradeoff::hypervolume: work budget`) when
///         options.max_work is not 0 and the d >= 4 algorithms would take more steps.
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] double hypervolume(const Eigen::DenseBase<DerivedPoints>& points,
                                 const Eigen::DenseBase<DerivedReference>& reference,
                                 const std::vector<sense>& senses = {},
                                 const hypervolume_options& options = {}) {
  const detail::hv_input input = detail::hv_check(points, reference, senses, "tradeoff::hypervolume");
  const std::vector<double>& ref = input.reference;
  const std::size_t dims = ref.size();
  const auto& values = points.derived().eval();
  const auto n = static_cast<std::size_t>(values.rows());
  constexpr double infinity = std::numeric_limits<double>::infinity();
  if (dims == 1) {
    double best = infinity;
    bool any = false;
    const bool infinite = detail::hv_for_each_contributing(values, input, [&](const double* v) {
      any = true;
      best = std::min(best, v[0]);
    });
    if (infinite) {
      return infinity;
    }
    return any ? ref[0] - best : 0.0;
  }
  if (dims == 2) {
    std::vector<detail::hv_point2> kept;
    kept.reserve(n);
    const bool infinite = detail::hv_for_each_contributing(
        values, input, [&](const double* v) { kept.push_back({v[0], v[1]}); });
    if (infinite) {
      return infinity;
    }
    detail::hv_prefilter_2d(kept);
    return detail::hv_sweep_2d(kept, ref[0], ref[1]);
  }
  detail::hv_work work;
  work.limit = options.max_work;
  work.dimensions = dims;
  if (dims == 3) {
    std::vector<detail::hv_point3> kept;
    kept.reserve(n);
    const bool infinite = detail::hv_for_each_contributing(
        values, input, [&](const double* v) { kept.push_back({v[0], v[1], v[2]}); });
    if (infinite) {
      return infinity;
    }
    auto constant = [&kept](double detail::hv_point3::*coordinate) {
      for (const detail::hv_point3& p : kept) {
        if (p.*coordinate < kept[0].*coordinate || kept[0].*coordinate < p.*coordinate) {
          return false;
        }
      }
      return true;
    };
    if (!kept.empty() && !constant(&detail::hv_point3::x) && !constant(&detail::hv_point3::y) &&
        !constant(&detail::hv_point3::z)) {
      detail::hv_prefilter_3d(kept);
      const double volume = detail::hv_narrow(detail::hv_sweep_3d(kept, ref[0], ref[1], ref[2]));
      if (std::isfinite(volume)) {
        return volume;
      }
    }
    // A constant column, or an overflow: the general path (it retries rescaled).
    std::vector<double> rows;
    rows.reserve(kept.size() * 3);
    for (const detail::hv_point3& p : kept) {
      rows.insert(rows.end(), {p.x, p.y, p.z});
    }
    return detail::hv_reduced(std::move(rows), kept.size(), 3, ref, work);
  }
  std::vector<double> rows;
  rows.reserve(n * dims);
  const bool infinite = detail::hv_for_each_contributing(
      values, input, [&](const double* v) { rows.insert(rows.end(), v, v + dims); });
  if (infinite) {
    return infinity;
  }
  const std::size_t count = rows.size() / dims;
  return detail::hv_reduced(std::move(rows), count, dims, ref, work);
}

/// @brief A Monte Carlo estimate of the hypervolume with a distribution-free confidence
/// interval, for inputs where the exact computation is too slow (many objectives).
struct hypervolume_estimate_result {
  double value = 0.0;           ///< the estimate: box volume x the fraction of samples covered
  double standard_error = 0.0;  ///< box volume x sqrt(f (1 - f) / samples)
  double lower = 0.0;           ///< interval holding the hypervolume with probability >= confidence
  double upper = 0.0;
  std::size_t samples = 0;      ///< samples drawn
};

/// @brief Estimates the hypervolume by sampling the box between the contributing points'
/// per-objective best values and the reference uniformly.
///
/// @param points, reference, senses as for tradeoff::hypervolume.
/// @param samples number of uniform samples (>= 1).
/// @param seed seed of the std::mt19937_64 generator (the same seed gives the same result on
///        every platform: the uniform variates are the generator's top 53 bits).
/// @param confidence probability in (0, 1) that [lower, upper] holds the hypervolume.
/// @return the estimate; the interval is Hoeffding's: with f the covered fraction and V the
///         box volume, [V (f - e), V (f + e)] clamped to [0, V], e = sqrt(ln(2 / (1 -
///         confidence)) / (2 samples)); e is 0.0061 for 50,000 samples at 95 %.
/// @throws std::invalid_argument as tradeoff::hypervolume (message starting
///         `tradeoff::hypervolume_estimate: `), or if samples is 0 or confidence is not in
///         (0, 1).
///
/// Complexity O(n log n + samples h d) for h rows on the front (dominated rows removed
/// first); each sample stops at the first front row that covers it. The policies on NaN,
/// infinities and rows on the reference's boundary are those of tradeoff::hypervolume; an
/// infinite volume gives value, lower and upper = +inf.
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] hypervolume_estimate_result hypervolume_estimate(
    const Eigen::DenseBase<DerivedPoints>& points,
    const Eigen::DenseBase<DerivedReference>& reference, std::size_t samples,
    std::uint64_t seed = 0, const std::vector<sense>& senses = {}, double confidence = 0.95) {
  const detail::hv_input input =
      detail::hv_check(points, reference, senses, "tradeoff::hypervolume_estimate");
  if (samples == 0) {
    throw std::invalid_argument(detail::error_prefix("hypervolume_estimate") + "samples is 0 (need at least 1)");
  }
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument(detail::error_prefix("hypervolume_estimate") + "confidence = " +
                                std::to_string(confidence) + " is not in (0, 1)");
  }
  const std::size_t dims = input.reference.size();
  std::vector<double> rows;
  const bool infinite = detail::hv_for_each_contributing(
      points.derived().eval(), input, [&](const double* v) { rows.insert(rows.end(), v, v + dims); });
  return detail::hv_monte_carlo_of<hypervolume_estimate_result>(
      std::move(rows), dims, input.reference, infinite, samples, seed, confidence);
}

/// @brief hypervolume() of the rows of `points` where `mask` is true (the others add nothing).
/// @throws as hypervolume(), and std::invalid_argument (E134) if mask has another length.
template <typename DerivedPoints, typename DerivedReference, typename DerivedMask>
[[nodiscard]] double hypervolume(const Eigen::DenseBase<DerivedPoints>& points,
                                 const Eigen::DenseBase<DerivedReference>& reference,
                                 const std::vector<sense>& senses, const Eigen::DenseBase<DerivedMask>& mask,
                                 const hypervolume_options& options = {}) {
  detail::check_row_mask(mask, points.rows(), "tradeoff::hypervolume", "points");
  return hypervolume(detail::masked_matrix(points, mask), reference, senses, options);
}

}  // namespace tradeoff

#endif  // TRADEOFF_HYPERVOLUME_HPP
