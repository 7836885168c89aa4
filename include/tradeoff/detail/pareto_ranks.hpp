#ifndef TRADEOFF_DETAIL_PARETO_RANKS_HPP
#define TRADEOFF_DETAIL_PARETO_RANKS_HPP

/// @file
/// @brief Internals of pareto.hpp: non-domination ranks (front numbers) by one sweep in
/// lexicographic order with a binary search over the fronts built so far (Jensen 2003).

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/pareto_front_2d.hpp>
#include <tradeoff/detail/pareto_front_nd.hpp>
#include <tradeoff/detail/pareto_sort.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <vector>

namespace tradeoff::detail {

/// Position of the first element of the non-decreasing `values` that is greater than `v`
/// (std::upper_bound without unpredictable branches).
[[nodiscard]] inline std::size_t branchless_upper_bound(const std::vector<double>& values,
                                                        double v) noexcept {
  std::size_t count = values.size();
  if (count == 0) {
    return 0;
  }
  const double* base = values.data();
  while (count > 1) {
    const std::size_t half = count / 2;
    base = base[half] <= v ? base + half : base;
    count -= half;
  }
  return static_cast<std::size_t>(base - values.data()) + static_cast<std::size_t>(*base <= v);
}

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
      const std::size_t r = branchless_upper_bound(last, b);
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

/// 2-D ranks straight from the columns: radix sort by the first objective (ties by the
/// second, then index), then Jensen's sweep with a binary search over the fronts' last
/// (smallest) second objective. Exact duplicates take the rank of their first copy.
/// O(n) sort + O(n log R) sweep; 16 bytes per row of extra memory.
[[nodiscard]] inline Eigen::ArrayXi ranks_2d(const vector_view& x, const vector_view& y,
                                             double sign_x, double sign_y) {
  const Eigen::Index n = x.size();
  Eigen::ArrayXi out = Eigen::ArrayXi::Constant(n, -1);
  std::vector<std::uint64_t> keys;
  std::vector<int> index;
  keys.reserve(static_cast<std::size_t>(n));
  index.reserve(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const double a = to_minimize(x.coeff(i), sign_x);
    const double b = to_minimize(y.coeff(i), sign_y);
    if (a == a && b == b) {
      keys.push_back(ordered_key(a));
      index.push_back(static_cast<int>(i));
    }
  }
  radix_sort_pairs(keys, index);
  const auto second = [&](int i) { return to_minimize(y.coeff(i), sign_y); };
  const std::size_t m = keys.size();
  for (std::size_t start = 0; start < m;) {  // ties in the first objective: sort by second
    std::size_t end = start + 1;
    while (end < m && keys[end] == keys[start]) {
      ++end;
    }
    if (end - start > 1) {
      std::sort(index.begin() + static_cast<std::ptrdiff_t>(start),
                index.begin() + static_cast<std::ptrdiff_t>(end), [&](int p, int q) {
                  const double bp = second(p);
                  const double bq = second(q);
                  return bp < bq || (bp == bq && p < q);
                });
    }
    start = end;
  }
  std::vector<double> last;  // smallest second objective of each front, non-decreasing
  for (std::size_t k = 0; k < m; ++k) {
    const int i = index[k];
    const double b = second(i);
    if (k > 0 && keys[k] == keys[k - 1] && b == second(index[k - 1])) {
      out(i) = out(index[k - 1]);  // exact duplicate
      continue;
    }
    const std::size_t r = branchless_upper_bound(last, b);  // fronts before r dominate
    if (r == last.size()) {
      last.push_back(b);
    } else {
      last[r] = b;
    }
    out(i) = static_cast<int>(r);
  }
  return out;
}

/// Ranks of all n rows of `points` (-1 for rows with NaN).
[[nodiscard]] inline Eigen::ArrayXi ranks_nd(const matrix_view& points,
                                             const std::vector<double>& signs) {
  if (signs.size() == 2) {
    return ranks_2d(points.col(0), points.col(1), signs[0], signs[1]);
  }
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
