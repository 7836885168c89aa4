#ifndef TRADEOFF_PARETO_HPP
#define TRADEOFF_PARETO_HPP

/// @file
/// @brief Exact Pareto fronts (2-D and n x d) and non-domination ranks.
///
/// Definitions shared by every function here (docs/pareto.md has the details):
/// - Row a dominates row b iff a is no worse than b in every objective and strictly better
///   in at least one (in each objective's direction, see tradeoff::sense).
/// - The front is every row that no other row dominates. Exact duplicates do not dominate
///   each other, so all copies of a front row are on the front (duplicates::keep_first keeps
///   only the lowest index of each group of identical rows).
/// - A row with NaN in any objective is on no front, has rank -1 and dominates nothing.
///   +inf and -inf are ordinary values; -0.0 equals +0.0.
/// - Inputs are never modified; empty input gives an empty result.
/// - Indices are returned as Eigen::ArrayXi (int); more than INT_MAX rows is rejected.

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/pareto_columns.hpp>
#include <tradeoff/detail/pareto_front_2d.hpp>
#include <tradeoff/detail/pareto_front_nd.hpp>
#include <tradeoff/detail/pareto_ranks.hpp>
#include <tradeoff/detail/pareto_views.hpp>
#include <tradeoff/detail/row_mask_apply.hpp>
#include <tradeoff/duplicates.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief Indices of the 2-D Pareto front of the points (x[i], y[i]).
///
/// @param x first objective; any 1-D Eigen array or vector expression of float or double
///        (`x.head(k)`, `2 * y`, a column of a matrix).
/// @param y second objective; same length as `x`.
/// @param sense_x direction of x (default sense::minimize).
/// @param sense_y direction of y (default sense::minimize).
/// @param keep duplicates::keep_all (default) or duplicates::keep_first.
/// @return Eigen::ArrayXi of row indices of every non-dominated point, ordered by x in its
///         objective's direction (best first), ties by y in its direction, then by index.
///         Rows with NaN in x or y are never included. Empty input gives an empty result.
/// @throws std::invalid_argument if the lengths differ, an argument is not 1-D, or n > INT_MAX.
///
/// Dominance: a dominates b iff a is no worse in both objectives and strictly better in one.
/// Tied x is handled (of (1, 2) and (1, 1) only (1, 1) is on a minimise/minimise front);
/// exact duplicates do not dominate each other.
///
/// Complexity: O(n) expected for random-like data (two linear passes of a bucket
/// pre-filter, then a radix sort of the survivors), O(n) radix sort in the worst case (the
/// keys are 64-bit, so it is linear with a constant of 6 passes); extra memory at most
/// 24 bytes per point plus 1 MiB (no copy of x and y when they are double arrays with
/// direct access).
template <typename DerivedX, typename DerivedY>
[[nodiscard]] Eigen::ArrayXi pareto_front(const Eigen::DenseBase<DerivedX>& x,
                                          const Eigen::DenseBase<DerivedY>& y,
                                          sense sense_x = sense::minimize,
                                          sense sense_y = sense::minimize,
                                          duplicates keep = duplicates::keep_all) {
  const detail::column_pair columns = detail::checked_columns(x, y, "tradeoff::pareto_front");
  const double sign_x = detail::checked_sense_sign(sense_x, "tradeoff::pareto_front", "sense_x");
  const double sign_y = detail::checked_sense_sign(sense_y, "tradeoff::pareto_front", "sense_y");
  detail::check_duplicates(keep, "tradeoff::pareto_front");
  if (columns.x.size() == 0) {
    return {};
  }
  return detail::front_2d(columns.x, columns.y, sign_x, sign_y, keep == duplicates::keep_first);
}

/// @brief Indices of the Pareto front of the rows of an n x d array or matrix.
///
/// @param points n x d Eigen array or matrix expression of float or double; rows are points,
///        columns objectives (d >= 1).
/// @param senses one tradeoff::sense per column, or empty (default) for all-minimize.
/// @param keep duplicates::keep_all (default) or duplicates::keep_first.
/// @return Eigen::ArrayXi of row indices of every non-dominated row in lexicographic order of
///         the objectives, each in its direction (best first), then by index. Rows with NaN
///         in any column are never included. n = 0 gives an empty result.
/// @throws std::invalid_argument if `senses` is neither empty nor of size d, if d = 0 with
///         n > 0, or if n > INT_MAX.
///
/// Complexity: d = 1 O(n); d = 2 as the 2-D overload; d = 3 O(n log n) (radix sort, then a
/// sweep over a 64-ary bit-tree staircase); d >= 4 Kung-Luccio-Preparata divide and conquer
/// ending in three-objective sweeps, O(n log n log64 n) for d = 4 and one more log n factor
/// per extra objective. For d >= 3 and n >= 2048 a pivot pre-filter first drops, in one pass,
/// most dominated rows of random-like data. For d >= 3, columns that are constant (over the
/// rows without NaN) or repeat an earlier column in minimise space are dropped first, in
/// O(n d) with an early exit at the first difference, and the algorithm is chosen by the
/// number of columns left. Extra memory O(n d).
template <typename Derived>
[[nodiscard]] Eigen::ArrayXi pareto_front(const Eigen::DenseBase<Derived>& points,
                                          const std::vector<sense>& senses = {},
                                          duplicates keep = duplicates::keep_all) {
  constexpr const char* function_name = "tradeoff::pareto_front";
  detail::static_check_scalar<Derived>();
  const std::vector<double> signs = detail::sense_signs(senses, points.cols(), function_name);
  detail::check_duplicates(keep, function_name);
  detail::check_fits_int(points.rows(), function_name);
  const Eigen::Index n = points.rows();
  if (n == 0) {
    return {};
  }
  if (points.cols() == 0) {
    throw std::invalid_argument(detail::error_prefix(function_name) +
                                "points has no columns (need at least one objective)");
  }
  const bool keep_first = keep == duplicates::keep_first;
  const detail::matrix_view view = detail::make_matrix_view(points);
  if (signs.size() == 1) {
    double best = 0.0;
    bool any = false;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double v = detail::to_minimize(view.coeff(i, 0), signs[0]);
      if (!std::isnan(v) && (!any || v < best)) {
        best = v;
        any = true;
      }
    }
    std::vector<int> front;
    for (Eigen::Index i = 0; any && i < n; ++i) {
      if (detail::exact_equal(detail::to_minimize(view.coeff(i, 0), signs[0]), best)) {
        front.push_back(static_cast<int>(i));
        if (keep_first) {
          break;
        }
      }
    }
    return Eigen::Map<const Eigen::ArrayXi>(front.data(), static_cast<Eigen::Index>(front.size()));
  }
  if (signs.size() == 2) {
    return detail::front_2d(view.col(0), view.col(1), signs[0], signs[1], keep_first);
  }
  // Constant and repeated objectives decide nothing: the front of the others, by the
  // algorithm for their number (a 2-D front padded with constant columns costs a 2-D front).
  detail::column_subset informative;
  if (detail::drop_uninformative_columns(view, signs, informative)) {
    return pareto_front(informative.values, informative.senses, keep);
  }
  return detail::front_nd(view, signs, keep_first);
}

/// @brief Non-domination rank of every 2-D point (x[i], y[i]): 0 for the front, 1 for the
/// front of the rest, ...
///
/// @param x first objective; 1-D Eigen array or vector expression of float or double.
/// @param y second objective; same length as `x`.
/// @param sense_x direction of x (default sense::minimize).
/// @param sense_y direction of y (default sense::minimize).
/// @return Eigen::ArrayXi of size n aligned with the inputs; -1 where x or y is NaN. Exact
///         duplicates share a rank.
/// @throws std::invalid_argument if the lengths differ, an argument is not 1-D, or n > INT_MAX.
///
/// Same as pareto_ranks on the n x 2 matrix [x y], without building it. Complexity: O(n)
/// radix sort + O(n log R) sweep (R fronts, Jensen 2003); 16 bytes per point of extra memory.
template <typename DerivedX, typename DerivedY>
[[nodiscard]] Eigen::ArrayXi pareto_ranks(const Eigen::DenseBase<DerivedX>& x,
                                          const Eigen::DenseBase<DerivedY>& y,
                                          sense sense_x = sense::minimize,
                                          sense sense_y = sense::minimize) {
  const detail::column_pair columns = detail::checked_columns(x, y, "tradeoff::pareto_ranks");
  return detail::ranks_2d(columns.x, columns.y,
                          detail::checked_sense_sign(sense_x, "tradeoff::pareto_ranks", "sense_x"),
                          detail::checked_sense_sign(sense_y, "tradeoff::pareto_ranks", "sense_y"));
}

/// @brief Non-domination rank of every row: 0 for the front, 1 for the front of the rest, ...
///
/// @param points n x d Eigen array or matrix expression of float or double (d >= 1).
/// @param senses one tradeoff::sense per column, or empty (default) for all-minimize.
/// @return Eigen::ArrayXi of size n (aligned with the rows): the rank of each row, or -1
///         for rows with NaN in any column. Exact duplicates get the same rank.
/// @throws std::invalid_argument if `senses` is neither empty nor of size d, if d = 0 with
///         n > 0, or if n > INT_MAX.
///
/// Complexity (m valid rows, R fronts): a lexicographic sort, then for d <= 3 one sweep that
/// places each row by binary search over the fronts (Jensen 2003): d = 1 and 2 O(m log m);
/// d = 3 O(m log m log R) with one balanced-tree staircase per front. d >= 4: Jensen's divide
/// and conquer as generalised by Fortin et al. (2013), O(m log^(d-1) m). For d >= 3,
/// constant and repeated objectives are dropped first (as for pareto_front). Memory O(m d).
template <typename Derived>
[[nodiscard]] Eigen::ArrayXi pareto_ranks(const Eigen::DenseBase<Derived>& points,
                                          const std::vector<sense>& senses = {}) {
  constexpr const char* function_name = "tradeoff::pareto_ranks";
  detail::static_check_scalar<Derived>();
  const std::vector<double> signs = detail::sense_signs(senses, points.cols(), function_name);
  detail::check_fits_int(points.rows(), function_name);
  if (points.rows() == 0) {
    return {};
  }
  if (points.cols() == 0) {
    throw std::invalid_argument(detail::error_prefix(function_name) +
                                "points has no columns (need at least one objective)");
  }
  const detail::matrix_view view = detail::make_matrix_view(points);
  detail::column_subset informative;
  if (signs.size() >= 3 && detail::drop_uninformative_columns(view, signs, informative)) {
    return detail::ranks_nd(detail::matrix_view(informative.values), informative.signs);
  }
  return detail::ranks_nd(view, signs);
}

/// @brief pareto_front() of the rows where `mask` is true (rows outside it are on no front):
/// `pareto(d.x, d.y)` of a filtered frame `d = df[mask]`, with the original row indices.
/// @param mask Bool vector expression of x.size() entries (e.g. a tradeoff::row_mask).
/// @throws as pareto_front(x, y, ...), and std::invalid_argument (E134) if mask has another length.
/// @note O(n) extra: one masked copy of x and y.
template <typename DerivedX, typename DerivedY, typename DerivedMask>
[[nodiscard]] Eigen::ArrayXi pareto_front(const Eigen::DenseBase<DerivedX>& x, const Eigen::DenseBase<DerivedY>& y,
                                          const Eigen::DenseBase<DerivedMask>& mask, sense sense_x = sense::minimize,
                                          sense sense_y = sense::minimize, duplicates keep = duplicates::keep_all) {
  detail::check_row_mask(mask, x.size(), "tradeoff::pareto_front", "x");
  detail::check_row_mask(mask, y.size(), "tradeoff::pareto_front", "y");
  return pareto_front(detail::masked_vector(x, mask), detail::masked_vector(y, mask), sense_x, sense_y, keep);
}

/// @brief The 2-D front as a mask: true for the rows of pareto_front(x, y, ...), aligned with x.
/// @throws as pareto_front(x, y, ...).
template <typename DerivedX, typename DerivedY>
[[nodiscard]] Eigen::Array<bool, Eigen::Dynamic, 1> pareto_front_mask(const Eigen::DenseBase<DerivedX>& x,
                                                                      const Eigen::DenseBase<DerivedY>& y,
                                                                      sense sense_x = sense::minimize,
                                                                      sense sense_y = sense::minimize) {
  return detail::front_as_mask(pareto_front(x, y, sense_x, sense_y), x.size());
}

/// @brief The 2-D front of the rows where `mask` is true, as a mask aligned with x.
/// @throws as pareto_front(x, y, mask, ...).
template <typename DerivedX, typename DerivedY, typename DerivedMask>
[[nodiscard]] Eigen::Array<bool, Eigen::Dynamic, 1> pareto_front_mask(const Eigen::DenseBase<DerivedX>& x,
                                                                      const Eigen::DenseBase<DerivedY>& y,
                                                                      const Eigen::DenseBase<DerivedMask>& mask,
                                                                      sense sense_x = sense::minimize,
                                                                      sense sense_y = sense::minimize) {
  return detail::front_as_mask(pareto_front(x, y, mask, sense_x, sense_y), x.size());
}

/// @brief pareto_front() of the rows of `points` where `mask` is true (the others are on no front).
/// The mask follows `senses` (`{}` for all-minimize), so the call cannot be read as the 2-D
/// pareto_front(x, y, ...).
/// @throws as pareto_front(points, ...), and std::invalid_argument (E134) if mask has another length.
template <typename Derived, typename DerivedMask>
[[nodiscard]] Eigen::ArrayXi pareto_front(const Eigen::DenseBase<Derived>& points,
                                          const std::vector<sense>& senses, const Eigen::DenseBase<DerivedMask>& mask,
                                          duplicates keep = duplicates::keep_all) {
  detail::check_row_mask(mask, points.rows(), "tradeoff::pareto_front", "points");
  return pareto_front(detail::masked_matrix(points, mask), senses, keep);
}

/// @brief pareto_ranks() of the rows where `mask` is true; rows outside it get −1 (as NaN rows).
/// @throws as pareto_ranks(x, y, ...), and std::invalid_argument (E134) if mask has another length.
template <typename DerivedX, typename DerivedY, typename DerivedMask>
[[nodiscard]] Eigen::ArrayXi pareto_ranks(const Eigen::DenseBase<DerivedX>& x, const Eigen::DenseBase<DerivedY>& y,
                                          const Eigen::DenseBase<DerivedMask>& mask, sense sense_x = sense::minimize,
                                          sense sense_y = sense::minimize) {
  detail::check_row_mask(mask, x.size(), "tradeoff::pareto_ranks", "x");
  detail::check_row_mask(mask, y.size(), "tradeoff::pareto_ranks", "y");
  return pareto_ranks(detail::masked_vector(x, mask), detail::masked_vector(y, mask), sense_x, sense_y);
}

/// @brief pareto_ranks() of the rows of `points` where `mask` is true; the others get −1.
/// @throws as pareto_ranks(points, ...), and std::invalid_argument (E134) if mask has another length.
template <typename Derived, typename DerivedMask>
[[nodiscard]] Eigen::ArrayXi pareto_ranks(const Eigen::DenseBase<Derived>& points,
                                          const std::vector<sense>& senses, const Eigen::DenseBase<DerivedMask>& mask) {
  detail::check_row_mask(mask, points.rows(), "tradeoff::pareto_ranks", "points");
  return pareto_ranks(detail::masked_matrix(points, mask), senses);
}

}  // namespace tradeoff

#endif  // TRADEOFF_PARETO_HPP
