#ifndef TRADEOFF_HYPERVOLUME_CONTRIBUTIONS_HPP
#define TRADEOFF_HYPERVOLUME_CONTRIBUTIONS_HPP

/// @file
/// @brief Exclusive hypervolume contributions HV(S) - HV(S \ {p}) of every point, and the
/// least contributor.

#include <tradeoff/detail/contributions_checked.hpp>
#include <tradeoff/detail/hypervolume_contributions.hpp>
#include <tradeoff/detail/hypervolume_input.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief The exclusive hypervolume contribution of every row: HV(S) - HV(S \ {row}), the
/// volume that only that row dominates (moocore's `hv_contributions`, pagmo2's
/// `hypervolume::contributions`).
///
/// @param points    n x d Eigen array or matrix of float or double (d >= 1).
/// @param reference d values, the reference point (as for tradeoff::hypervolume).
/// @param senses    one tradeoff::sense per column, or empty for "minimise every objective".
/// @return Eigen::ArrayXd of n values, >= 0: NaN for a row with NaN in any column (it is no
///         member of S); 0 for a row not strictly better than the reference in every
///         objective, for a row weakly dominated by another row, and for each of several
///         identical rows (removing one copy leaves the volume unchanged: moocore's policy).
///         A dominated row still covers part of its dominator's box: a row that alone
///         dominates others contributes only what they leave uncovered, exactly as the
///         definition says.
/// @throws std::invalid_argument as tradeoff::hypervolume (message starting
///         `tradeoff::hypervolume_contributions: `); std::domain_error (E210) when a
///         contributing row has an infinite coordinate or the reference is infinite.
///
/// Complexity, for h rows on the front and m rows off it: the front O(n log n) (pareto_front),
/// the dominators of the rows off it O(m log h) in 2-D and O(m h d) at worst in more; then
/// d = 2 O(h + m log m) (neighbours in x order, minus what the rows a front row alone dominates
/// cover in its box),
/// d = 3 O(h log h) (one sweep over z keeping each front row's exclusive region as strips,
/// Emmerich and Fonseca 2011), d >= 4 one limit-set hypervolume per front row (box(p) minus
/// the hypervolume of {max(p, q)}, WFG's limit sets), O(h) hypervolumes of at most h rows by
/// tradeoff::hypervolume's algorithms. For d >= 3 a front row that alone dominates another row
/// costs one limit-set hypervolume over all rows. Memory O(n d). The inputs are never modified.
///
/// Accuracy: d = 2, 3 sum the exclusive boxes directly (x87 extended precision where available);
/// d >= 4 and the sole dominators subtract two volumes, so the absolute error is that of the
/// hypervolume of the point's box (about 1e-16 of it), clamped at 0.
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] Eigen::ArrayXd hypervolume_contributions(
    const Eigen::DenseBase<DerivedPoints>& points,
    const Eigen::DenseBase<DerivedReference>& reference, const std::vector<sense>& senses = {}) {
  return detail::hvc_of(points, reference, senses, "tradeoff::hypervolume_contributions");
}

/// @brief The row whose exclusive hypervolume contribution is smallest (what a size-limited
/// archive removes; pagmo2's `hypervolume::least_contributor`).
///
/// @param points, reference, senses as for tradeoff::hypervolume_contributions.
/// @return the row index, ties to the lowest index; rows with NaN are skipped; -1 when every
///         row has NaN or n = 0. A row outside the reference box or weakly dominated has
///         contribution 0 and so is a least contributor.
/// @throws as tradeoff::hypervolume_contributions (message starting `tradeoff::least_contributor: `).
///
/// Complexity: that of tradeoff::hypervolume_contributions plus O(n).
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] Eigen::Index least_contributor(const Eigen::DenseBase<DerivedPoints>& points,
                                             const Eigen::DenseBase<DerivedReference>& reference,
                                             const std::vector<sense>& senses = {}) {
  const Eigen::ArrayXd contribution =
      detail::hvc_of(points, reference, senses, "tradeoff::least_contributor");
  Eigen::Index least = -1;
  for (Eigen::Index i = 0; i < contribution.size(); ++i) {
    if (!std::isnan(contribution(i)) && (least < 0 || contribution(i) < contribution(least))) {
      least = i;
    }
  }
  return least;
}

}  // namespace tradeoff

#endif  // TRADEOFF_HYPERVOLUME_CONTRIBUTIONS_HPP
