#ifndef TRADEOFF_DETAIL_PARETO_RANKS_HPP
#define TRADEOFF_DETAIL_PARETO_RANKS_HPP

/// @file
/// @brief Internals of pareto.hpp: non-domination ranks (front numbers) by one sweep in
/// lexicographic order with a binary search over the fronts built so far (Jensen 2003).

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/pareto_front_nd.hpp>
#include <tradeoff/detail/pareto_sort.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <numeric>
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

/// d >= 4 ranks: the divide and conquer of Jensen (2003) in the form of Fortin, Grenier and
/// Parizeau (2013), on distinct rows in lexicographic order (so "dominates" is "<= in every
/// objective, earlier row" and ties need no special case).
///
/// rank_within(S, k) ranks S using objectives 0..k (objectives above k are constant in S): it
/// splits S at a median of objective k into L (<= m) and H (> m), ranks L, lets L raise the
/// ranks of H through raise_across(L, H, k-1), then ranks H. raise_across(L, H, k) raises the rank
/// of every h in H above every l in L with l <= h in objectives 0..k (the others are already
/// known to be <=), splitting on objective k in the same way. Both end in a two-objective
/// sweep (objectives 0 and 1, rows in lexicographic order) with a Fenwick tree of prefix
/// maxima over the dense ranks of objective 1, or all pairs when tiny. Lists stay sorted by
/// lexicographic position (stable partitions, merged back). O(m log^(d-1) m) time, O(m d)
/// memory.
class divide_and_conquer_ranks {
 public:
  explicit divide_and_conquer_ranks(const unique_rows& rows)
      : rows_(rows), m_(rows.size()), d_(rows.dims), rank_(m_, 0),
        fenwick_(m_ + 1, -1), scratch_index_(m_), scratch_values_(m_) {
    second_rank_ = dense_ranks(
        m_, [&rows](std::size_t u) { return rows.row(u)[1]; },
        std::size_t{1});  // Fenwick is 1-based
  }

  [[nodiscard]] std::vector<int> run() {
    std::vector<int> all(m_);
    std::iota(all.begin(), all.end(), 0);
    rank_within(all.data(), m_, d_ - 1);
    return rank_;
  }

 private:
  static constexpr std::size_t brute_force_pairs = 256;

  [[nodiscard]] double at(int u, std::size_t j) const noexcept {
    return rows_.row(static_cast<std::size_t>(u))[j];
  }

  // a <= b in objectives 0..k.
  [[nodiscard]] bool weakly_below_upto(int a, int b, std::size_t k) const noexcept {
    const double* ra = rows_.row(static_cast<std::size_t>(a));
    const double* rb = rows_.row(static_cast<std::size_t>(b));
    for (std::size_t j = 0; j <= k; ++j) {
      if (ra[j] > rb[j]) {
        return false;
      }
    }
    return true;
  }

  void raise(int u, int at_least) noexcept {
    int& r = rank_[static_cast<std::size_t>(u)];
    r = std::max(r, at_least);
  }

  // Fenwick tree of prefix maxima (positions 1..m), reset through `touched_`.
  void fenwick_update(std::size_t position, int value) {
    for (; position <= m_; position += position & (~position + 1)) {
      if (fenwick_[position] < value) {
        if (fenwick_[position] < 0) {
          touched_.push_back(position);
        }
        fenwick_[position] = value;
      }
    }
  }
  [[nodiscard]] int fenwick_query(std::size_t position) const noexcept {
    int best = -1;
    for (; position > 0; position -= position & (~position + 1)) {
      best = std::max(best, fenwick_[position]);
    }
    return best;
  }
  void fenwick_reset() noexcept {
    for (const std::size_t position : touched_) {
      fenwick_[position] = -1;
    }
    touched_.clear();
  }

  std::size_t stable_split(int* list, std::size_t count, std::size_t k, double split) {
    return detail::stable_split(
        list, count, [this, k](int u) { return at(u, k); }, split, scratch_index_.data());
  }

  // Restores lexicographic-position order of list[0, count) after stable_split.
  void merge_back(int* list, std::size_t middle, std::size_t count) {
    merge_split_back(list, middle, count, scratch_index_.data());
  }

  void rank_within(int* s, std::size_t n, std::size_t k) {
    if (n < 2) {
      return;
    }
    if (n * n <= 2 * brute_force_pairs) {
      for (std::size_t q = 1; q < n; ++q) {
        for (std::size_t p = 0; p < q; ++p) {
          if (weakly_below_upto(s[p], s[q], k)) {
            raise(s[q], rank_[static_cast<std::size_t>(s[p])] + 1);
          }
        }
      }
      return;
    }
    if (k == 1) {
      for (std::size_t i = 0; i < n; ++i) {
        const int q = s[i];
        const std::size_t position = second_rank_[static_cast<std::size_t>(q)];
        const int best = fenwick_query(position);
        if (best >= 0) {
          raise(q, best + 1);
        }
        fenwick_update(position, rank_[static_cast<std::size_t>(q)]);
      }
      fenwick_reset();
      return;
    }
    double split = 0.0;
    if (!choose_split(s, n, nullptr, 0, [this, k](int u) { return at(u, k); }, scratch_values_,
                      split)) {
      rank_within(s, n, k - 1);
      return;
    }
    const std::size_t n_low = stable_split(s, n, k, split);
    rank_within(s, n_low, k);
    raise_across(s, n_low, s + n_low, n - n_low, k - 1);
    rank_within(s + n_low, n - n_low, k);
    merge_back(s, n_low, n);
  }

  void raise_across(int* low, std::size_t nl, int* high, std::size_t nh, std::size_t k) {
    if (nl == 0 || nh == 0) {
      return;
    }
    if (nl * nh <= brute_force_pairs) {
      for (std::size_t i = 0; i < nh; ++i) {
        int best = -1;
        for (std::size_t j = 0; j < nl; ++j) {
          if (rank_[static_cast<std::size_t>(low[j])] > best && weakly_below_upto(low[j], high[i], k)) {
            best = rank_[static_cast<std::size_t>(low[j])];
          }
        }
        if (best >= 0) {
          raise(high[i], best + 1);
        }
      }
      return;
    }
    if (k == 0) {
      // Lexicographic order is ascending in objective 0: a running maximum.
      int best = -1;
      std::size_t j = 0;
      for (std::size_t i = 0; i < nh; ++i) {
        for (; j < nl && at(low[j], 0) <= at(high[i], 0); ++j) {
          best = std::max(best, rank_[static_cast<std::size_t>(low[j])]);
        }
        if (best >= 0) {
          raise(high[i], best + 1);
        }
      }
      return;
    }
    if (k == 1) {
      // Every low row that can be <= a high row in objectives 0 and 1 precedes it
      // lexicographically (objectives 2.. are already <=), so merge by position.
      std::size_t j = 0;
      for (std::size_t i = 0; i < nh; ++i) {
        const int h = high[i];
        for (; j < nl && low[j] < h; ++j) {
          fenwick_update(second_rank_[static_cast<std::size_t>(low[j])],
                         rank_[static_cast<std::size_t>(low[j])]);
        }
        const int best = fenwick_query(second_rank_[static_cast<std::size_t>(h)]);
        if (best >= 0) {
          raise(h, best + 1);
        }
      }
      fenwick_reset();
      return;
    }
    double split = 0.0;
    if (!choose_split(low, nl, high, nh, [this, k](int u) { return at(u, k); }, scratch_values_,
                      split)) {
      raise_across(low, nl, high, nh, k - 1);
      return;
    }
    const std::size_t nl_low = stable_split(low, nl, k, split);
    const std::size_t nh_low = stable_split(high, nh, k, split);
    raise_across(low, nl_low, high, nh_low, k);
    raise_across(low, nl_low, high + nh_low, nh - nh_low, k - 1);
    raise_across(low + nl_low, nl - nl_low, high + nh_low, nh - nh_low, k);
    merge_back(low, nl_low, nl);
    merge_back(high, nh_low, nh);
  }

  const unique_rows& rows_;
  std::size_t m_;
  std::size_t d_;
  std::vector<int> rank_;
  std::vector<std::size_t> second_rank_;
  std::vector<int> fenwick_;
  std::vector<std::size_t> touched_;
  std::vector<int> scratch_index_;
  std::vector<double> scratch_values_;
};

/// Rank of each distinct row (lexicographic order).
///
/// Rows are visited in lexicographic order, so every row that can dominate the current one
/// has already been given a rank. If front r holds a dominator, so does every front before
/// r (each member of front r is dominated by a member of front r - 1), so the rank is found
/// by binary search over the fronts: d = 2 compares with the last (smallest) second
/// objective of each front; d = 3 asks each front's (2nd, 3rd) staircase (std::map).
/// d >= 4 uses divide_and_conquer_ranks. d = 1 ranks the distinct values.
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
  return divide_and_conquer_ranks(rows).run();
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
    if (!std::isnan(a) && !std::isnan(b)) {
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
                  return bp < bq || (exact_equal(bp, bq) && p < q);
                });
    }
    start = end;
  }
  std::vector<double> last;  // smallest second objective of each front, non-decreasing
  for (std::size_t k = 0; k < m; ++k) {
    const int i = index[k];
    const double b = second(i);
    if (k > 0 && keys[k] == keys[k - 1] && exact_equal(b, second(index[k - 1]))) {
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
