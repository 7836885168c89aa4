#ifndef TRADEOFF_IDXMIN_HPP
#define TRADEOFF_IDXMIN_HPP

/// @file
/// @brief The row holding the smallest or largest value, of an array or per group: pandas'
/// `Series.idxmin()`/`idxmax()` and `df.groupby(key)[value].idxmin()` for a table with the
/// default RangeIndex (row labels 0, 1, …), e.g. "the best run of each attention type".
///
/// Row indices are `Eigen::Index` (signed, the type of every row index in tradeoff's results,
/// so `-Wsign-conversion` users index Eigen arrays without casts). NaN values are skipped
/// (pandas' skipna = True); where no value is valid pandas 1.5.3 returns NaN (and the grouped
/// result turns float); tradeoff returns −1. Ties: the first row wins, as pandas (numpy's
/// argmin/argmax); −0.0 and +0.0 are equal.

#include <tradeoff/detail/extreme_rows.hpp>
#include <tradeoff/group.hpp>

#include <Eigen/Core>

#include <cmath>
#include <vector>

namespace tradeoff {

/// @brief Row indices, one per group (idxmin/idxmax per group): `Eigen::ArrayXi`, the type every
/// array of row indices in tradeoff's results has (pareto_front, pareto_ranks' fronts,
/// front_probability's front), so they mix without casts; a grouping has at most INT_MAX rows.
/// A single row (idxmin of one array) is an `Eigen::Index`.
using row_indices = Eigen::ArrayXi;

/// @brief Index of the smallest non-NaN value (the first of equal ones), or −1 if there is none.
/// @param values Any Eigen vector expression (array, vector, map, `x.head(k)`).
/// @throws std::invalid_argument if values is not a vector.
/// @note O(n).
template <typename Derived>
[[nodiscard]] Eigen::Index idxmin(const Eigen::DenseBase<Derived>& values) {
  detail::check_vector(values, "idxmin", "values");
  const auto& v = values.derived().eval();
  return detail::extreme_row<false>(v, v.size());
}

/// @brief Index of the largest non-NaN value (the first of equal ones), or −1 if there is none.
/// @throws std::invalid_argument if values is not a vector.
template <typename Derived>
[[nodiscard]] Eigen::Index idxmax(const Eigen::DenseBase<Derived>& values) {
  detail::check_vector(values, "idxmax", "values");
  const auto& v = values.derived().eval();
  return detail::extreme_row<true>(v, v.size());
}

/// @brief idxmin() of a std::vector<double>.
[[nodiscard]] inline Eigen::Index idxmin(const std::vector<double>& values) {
  return detail::extreme_row<false>([&](Eigen::Index i) { return values[static_cast<std::size_t>(i)]; },
                                    static_cast<Eigen::Index>(values.size()));
}

/// @brief idxmax() of a std::vector<double>.
[[nodiscard]] inline Eigen::Index idxmax(const std::vector<double>& values) {
  return detail::extreme_row<true>([&](Eigen::Index i) { return values[static_cast<std::size_t>(i)]; },
                                   static_cast<Eigen::Index>(values.size()));
}

/// @brief Per group, the row (index into values) of its smallest non-NaN value, or −1 for a
/// group without one: `df.groupby(key)[value].idxmin()`.
/// @return row_indices aligned with g.keys().
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
/// @note O(n).
template <typename Keys, typename DerivedValues>
[[nodiscard]] row_indices idxmin(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_values(g, values, "idxmin");
  return detail::extreme_rows<false>(g, values);
}

/// @brief Per group, the row of its largest non-NaN value, or −1: `groupby(key)[value].idxmax()`.
/// @throws std::invalid_argument if values is not a vector of g.rows() entries.
template <typename Keys, typename DerivedValues>
[[nodiscard]] row_indices idxmax(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  detail::check_values(g, values, "idxmax");
  return detail::extreme_rows<true>(g, values);
}

}  // namespace tradeoff

#endif  // TRADEOFF_IDXMIN_HPP
