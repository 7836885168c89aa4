#ifndef TRADEOFF_HYPERVOLUME_HPP
#define TRADEOFF_HYPERVOLUME_HPP

/// @file
/// @brief Exact hypervolume (S-metric) of a set of points with respect to a reference point.

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/hypervolume_sweep.hpp>
#include <tradeoff/detail/hypervolume_wfg.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

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
/// @return the hypervolume, >= 0; `+inf` when a contributing point has an infinite
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
/// (O(n log n + n h d)), then the WFG algorithm of While, Bradstreet and Barone (2012),
/// sliced on the last objective down to the 3-D sweep — exact, exponential in d in the worst
/// case, O(h^2 log h) for d = 4; practical for a few thousand mutually non-dominated
/// points in 4-D/5-D. Memory O(n d). Results are exact up to the rounding of sums of
/// products (exact on integer data below 2^53).
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] double hypervolume(const Eigen::DenseBase<DerivedPoints>& points,
                                 const Eigen::DenseBase<DerivedReference>& reference,
                                 const std::vector<sense>& senses = {}) {
  detail::static_check_scalar<DerivedPoints>();
  detail::static_check_scalar<DerivedReference>();
  constexpr const char* function_name = "tradeoff::hypervolume";
  const Eigen::Index n = points.rows();
  const Eigen::Index d = points.cols();
  if (d < 1) {
    throw std::invalid_argument(
        "tradeoff::hypervolume: points has 0 columns (need at least one objective)");
  }
  if ((reference.rows() != 1 && reference.cols() != 1) || reference.size() != d) {
    throw std::invalid_argument("tradeoff::hypervolume: reference has " +
                                std::to_string(reference.rows()) + "x" +
                                std::to_string(reference.cols()) +
                                " entries but must be a vector of size " + std::to_string(d) +
                                " (one value per column of points)");
  }
  const std::vector<double> signs = detail::sense_signs(senses, d, function_name);
  const auto dims = static_cast<std::size_t>(d);
  std::vector<double> ref(dims);
  for (std::size_t j = 0; j < dims; ++j) {
    const double r = static_cast<double>(reference.derived().coeff(static_cast<Eigen::Index>(j)));
    if (std::isnan(r)) {
      throw std::invalid_argument("tradeoff::hypervolume: reference(" + std::to_string(j) +
                                  ") is NaN");
    }
    ref[j] = detail::to_minimize(r, signs[j]);
  }

  // Keep the rows strictly better than the reference in every objective (NaN fails the test).
  const auto& values = points.derived().eval();
  constexpr double infinity = std::numeric_limits<double>::infinity();
  bool infinite = false;
  auto contributes = [&](Eigen::Index i, double* out) {
    for (std::size_t j = 0; j < dims; ++j) {
      const double v =
          detail::to_minimize(static_cast<double>(values(i, static_cast<Eigen::Index>(j))),
                              signs[j]);
      if (!(v < ref[j])) {
        return false;
      }
      out[j] = v;
    }
    for (std::size_t j = 0; j < dims; ++j) {
      if (out[j] == -infinity || ref[j] == infinity) {
        infinite = true;
      }
    }
    return true;
  };

  if (dims == 1) {
    double best = infinity;
    bool any = false;
    for (Eigen::Index i = 0; i < n; ++i) {
      double v = 0.0;
      if (contributes(i, &v)) {
        any = true;
        best = std::min(best, v);
      }
    }
    if (infinite) {
      return infinity;
    }
    return any ? ref[0] - best : 0.0;
  }
  if (dims == 2) {
    std::vector<detail::hv_point2> kept;
    kept.reserve(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
      double v[2];
      if (contributes(i, v)) {
        kept.push_back({v[0], v[1]});
      }
    }
    if (infinite) {
      return infinity;
    }
    detail::hv_prefilter_2d(kept);
    return detail::hv_sweep_2d(kept, ref[0], ref[1]);
  }
  if (dims == 3) {
    std::vector<detail::hv_point3> kept;
    kept.reserve(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
      double v[3];
      if (contributes(i, v)) {
        kept.push_back({v[0], v[1], v[2]});
      }
    }
    if (infinite) {
      return infinity;
    }
    detail::hv_prefilter_3d(kept);
    return detail::hv_narrow(detail::hv_sweep_3d(kept, ref[0], ref[1], ref[2]));
  }
  std::vector<double> kept;
  kept.reserve(static_cast<std::size_t>(n) * dims);
  std::vector<double> row(dims);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (contributes(i, row.data())) {
      kept.insert(kept.end(), row.begin(), row.end());
    }
  }
  if (infinite) {
    return infinity;
  }
  // Drop weakly dominated rows and repeated copies first: WFG's cost grows quickly with n.
  const std::size_t m = detail::hv_keep_nondominated(kept, kept.size() / dims, dims);
  detail::wfg_hypervolume wfg(ref);
  return detail::hv_narrow(wfg(kept.data(), m, dims));
}

}  // namespace tradeoff

#endif  // TRADEOFF_HYPERVOLUME_HPP
