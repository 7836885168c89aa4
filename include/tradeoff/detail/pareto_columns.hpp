#ifndef TRADEOFF_DETAIL_PARETO_COLUMNS_HPP
#define TRADEOFF_DETAIL_PARETO_COLUMNS_HPP

/// @file
/// @brief Internals of pareto.hpp: the objectives that can change a front. A column that is
/// constant over the rows without NaN, or equal (in minimise space) to an earlier column on
/// all of them, decides no comparison that the other columns leave open, and never breaks
/// a lexicographic tie, so the front and its order are those of the other columns.

#include <tradeoff/detail/dominance.hpp>     // to_minimize
#include <tradeoff/detail/pareto_views.hpp>  // matrix_view
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace tradeoff::detail {

/// The columns of `points` worth comparing: the first of each group of columns that are
/// equal in minimise space on every row without NaN, leaving out constant ones; at least
/// one column (column 0 when every column is constant or there is no such row).
[[nodiscard]] inline std::vector<Eigen::Index> informative_columns(const matrix_view& points,
                                                                   const std::vector<double>& signs) {
  const Eigen::Index n = points.rows();
  const auto d = static_cast<Eigen::Index>(signs.size());
  auto value = [&](Eigen::Index i, Eigen::Index j) {
    return to_minimize(points.coeff(i, j), signs[static_cast<std::size_t>(j)]);
  };
  auto valid = [&](Eigen::Index i) {
    for (Eigen::Index j = 0; j < d; ++j) {
      if (std::isnan(points.coeff(i, j))) {
        return false;
      }
    }
    return true;
  };
  auto same = [](double a, double b) { return !(a < b) && !(b < a); };
  Eigen::Index first = 0;
  while (first < n && !valid(first)) {
    ++first;
  }
  std::vector<Eigen::Index> kept;
  for (Eigen::Index j = 0; j < d && first < n; ++j) {
    // Constant: every valid row equals the first valid row in column j.
    bool constant = true;
    for (Eigen::Index i = first + 1; i < n && constant; ++i) {
      constant = !valid(i) || same(value(i, j), value(first, j));
    }
    bool repeated = false;
    for (std::size_t k = 0; k < kept.size() && !constant && !repeated; ++k) {
      bool equal = true;
      for (Eigen::Index i = first; i < n && equal; ++i) {
        equal = !valid(i) || same(value(i, j), value(i, kept[k]));
      }
      repeated = equal;
    }
    if (!constant && !repeated) {
      kept.push_back(j);
    }
  }
  if (kept.empty()) {
    kept.push_back(0);
  }
  return kept;
}

/// The informative columns of `points` (informative_columns) as a new array, in the
/// objectives' own units, with their signs and senses; a row with NaN in a dropped column
/// gets NaN in the first kept one, so that it stays excluded.
struct column_subset {
  Eigen::ArrayXXd values;
  std::vector<double> signs;
  std::vector<sense> senses;
};

/// Fills `out` and returns true if some column of `points` can be dropped.
inline bool drop_uninformative_columns(const matrix_view& points, const std::vector<double>& signs,
                                       column_subset& out) {
  const std::vector<Eigen::Index> columns = informative_columns(points, signs);
  if (columns.size() == signs.size()) {
    return false;
  }
  const Eigen::Index n = points.rows();
  const auto e = static_cast<Eigen::Index>(columns.size());
  out.values.resize(n, e);
  out.signs.clear();
  out.senses.clear();
  for (Eigen::Index k = 0; k < e; ++k) {
    const auto j = static_cast<std::size_t>(columns[static_cast<std::size_t>(k)]);
    out.values.col(k) = points.col(static_cast<Eigen::Index>(j));
    out.signs.push_back(signs[j]);
    out.senses.push_back(signs[j] < 0.0 ? sense::maximize : sense::minimize);
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    if (points.row(i).isNaN().any()) {
      out.values(i, 0) = std::numeric_limits<double>::quiet_NaN();
    }
  }
  return true;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_PARETO_COLUMNS_HPP
