#ifndef TRADEOFF_DETAIL_PARETO_RANKS_HPP
#define TRADEOFF_DETAIL_PARETO_RANKS_HPP

/// @file
/// @brief Internals of pareto.hpp: non-domination ranks (front numbers) by one sweep in
/// lexicographic order with a binary search over the fronts built so far (Jensen 2003).

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/pareto_front_nd.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <iterator>
#include <map>
#include <vector>

namespace tradeoff::detail {

/// Smallest front number r in [0, fronts) such that `dominated_by(r)` is false, assuming
/// it is true for every front before r and false from r on (returns `fronts` if none).
template <typename Predicate>
[[nodiscard]] std::size_t first_front_not_dominating(std::size_t fronts, Predicate dominated_by) {
  std::size_t low = 0;
  std::size_t high = fronts;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (dominated_by(middle)) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/// Rank of each distinct row (lexicographic order).
///
/// Rows are visited in lexicographic order, so every row that can dominate the current one
/// has already been given a rank. If front r holds a dominator, so does every front before
/// r (each member of front r is dominated by a member of front r - 1), so the rank is found
/// by binary search over the fronts: d = 2 compares with the last (smallest) second
/// objective of each front; d = 3 asks each front's (2nd, 3rd) staircase (std::map);
/// d >= 4 scans the front's members. d = 1 ranks the distinct values.
[[nodiscard]] inline std::vector<int> ranks_of_unique(const unique_rows& rows) {
  const std::size_t m = rows.size();
  const std::size_t d = rows.dims;
  std::vector<int> rank(m, 0);
  if (d == 1) {
    for (std::size_t u = 0; u < m; ++u) {
      rank[u] = static_cast<int>(u);
    }
    return rank;
  }
  if (d == 2) {
    std::vector<double> last;  // smallest second objective of each front, non-decreasing
    for (std::size_t u = 0; u < m; ++u) {
      const double b = rows.row(u)[1];
      // Front r dominates the row iff last[r] <= b.
      const auto r = static_cast<std::size_t>(
          std::upper_bound(last.begin(), last.end(), b) - last.begin());
      if (r == last.size()) {
        last.push_back(b);
      } else {
        last[r] = b;
      }
      rank[u] = static_cast<int>(r);
    }
    return rank;
  }
  if (d == 3) {
    std::vector<std::map<double, double>> staircases;
    for (std::size_t u = 0; u < m; ++u) {
      const double b = rows.row(u)[1];
      const double c = rows.row(u)[2];
      const std::size_t r = first_front_not_dominating(staircases.size(), [&](std::size_t f) {
        const auto& stairs = staircases[f];
        auto above = stairs.upper_bound(b);
        return above != stairs.begin() && std::prev(above)->second <= c;
      });
      if (r == staircases.size()) {
        staircases.emplace_back();
      }
      auto& stairs = staircases[r];
      auto it = stairs.lower_bound(b);
      while (it != stairs.end() && it->second >= c) {
        it = stairs.erase(it);
      }
      stairs.emplace_hint(it, b, c);
      rank[u] = static_cast<int>(r);
    }
    return rank;
  }
  std::vector<std::vector<int>> members;
  for (std::size_t u = 0; u < m; ++u) {
    const double* q = rows.row(u);
    const std::size_t r = first_front_not_dominating(members.size(), [&](std::size_t f) {
      for (const int p : members[f]) {
        if (weakly_dominates(rows.row(static_cast<std::size_t>(p)), q,
                             static_cast<Eigen::Index>(d))) {
          return true;
        }
      }
      return false;
    });
    if (r == members.size()) {
      members.emplace_back();
    }
    members[r].push_back(static_cast<int>(u));
    rank[u] = static_cast<int>(r);
  }
  return rank;
}

/// Ranks of all n rows of `points` (-1 for rows with NaN).
[[nodiscard]] inline Eigen::ArrayXi ranks_nd(const matrix_view& points,
                                             const std::vector<double>& signs) {
  Eigen::ArrayXi out = Eigen::ArrayXi::Constant(points.rows(), -1);
  const packed_rows packed = pack_valid_rows(points, signs);
  const unique_rows rows = make_unique_rows(packed);
  const std::vector<int> rank = ranks_of_unique(rows);
  for (std::size_t u = 0; u < rows.size(); ++u) {
    for (std::size_t k = rows.group[u]; k < rows.group[u + 1]; ++k) {
      out(packed.index[static_cast<std::size_t>(rows.order[k])]) = rank[u];
    }
  }
  return out;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_PARETO_RANKS_HPP
