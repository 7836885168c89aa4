#ifndef TRADEOFF_DETAIL_PARETO_FRONT_ND_HPP
#define TRADEOFF_DETAIL_PARETO_FRONT_ND_HPP

/// @file
/// @brief Internals of pareto.hpp: fronts for d >= 3 (and the packed-row machinery shared
/// with the ranks): pivot pre-filter, lexicographic sort with duplicate groups, a 3-D
/// sweep over an ordered staircase, and Kung–Luccio–Preparata divide and conquer.

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/rank_staircase.hpp>
#include <tradeoff/detail/pareto_sort.hpp>
#include <tradeoff/detail/pareto_thresholds.hpp>
#include <tradeoff/detail/pareto_views.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <vector>

namespace tradeoff::detail {

/// Rows in minimise space, packed row-major, with their original row numbers.
struct packed_rows {
  std::size_t dims = 0;
  std::vector<double> values;
  std::vector<int> index;

  [[nodiscard]] std::size_t size() const noexcept { return index.size(); }
  [[nodiscard]] const double* row(std::size_t i) const noexcept { return values.data() + i * dims; }
};

/// Reads row i of `points` into `out` in minimise space; false if it holds a NaN.
inline bool load_row(const matrix_view& points, Eigen::Index i, const std::vector<double>& signs,
                     double* out) noexcept {
  bool valid = true;
  const auto d = static_cast<Eigen::Index>(signs.size());
  for (Eigen::Index j = 0; j < d; ++j) {
    const double v = to_minimize(points.coeff(i, j), signs[static_cast<std::size_t>(j)]);
    out[j] = v;
    valid = valid && !std::isnan(v);
  }
  return valid;
}

/// Every valid row (no NaN) of `points` in minimise space, in index order.
[[nodiscard]] inline packed_rows pack_valid_rows(const matrix_view& points,
                                                 const std::vector<double>& signs) {
  packed_rows packed;
  packed.dims = signs.size();
  const Eigen::Index n = points.rows();
  packed.values.resize(static_cast<std::size_t>(n) * packed.dims);
  packed.index.reserve(static_cast<std::size_t>(n));
  double* out = packed.values.data();
  for (Eigen::Index i = 0; i < n; ++i) {
    if (load_row(points, i, signs, out)) {
      packed.index.push_back(static_cast<int>(i));
      out += packed.dims;
    }
  }
  packed.values.resize(packed.index.size() * packed.dims);
  return packed;
}

/// Distinct rows in lexicographic order, each with the positions (into the packed rows,
/// ascending) of its exact copies.
struct unique_rows {
  std::size_t dims = 0;
  std::vector<double> values;        ///< distinct rows, lexicographic ascending, row-major
  std::vector<int> order;            ///< packed positions grouped by distinct row
  std::vector<std::size_t> group;    ///< group u is order[group[u] .. group[u + 1])

  [[nodiscard]] std::size_t size() const noexcept { return group.empty() ? 0 : group.size() - 1; }
  [[nodiscard]] const double* row(std::size_t u) const noexcept { return values.data() + u * dims; }
};

[[nodiscard]] inline unique_rows make_unique_rows(const packed_rows& packed) {
  unique_rows out;
  out.dims = packed.dims;
  const std::size_t d = packed.dims;
  out.order = lexicographic_order(packed.values.data(), packed.size(), d);
  out.group.reserve(packed.size() + 1);
  out.values.reserve(packed.values.size());
  const double* previous = nullptr;
  for (std::size_t k = 0; k < out.order.size(); ++k) {
    const double* r = packed.row(static_cast<std::size_t>(out.order[k]));
    if (previous == nullptr || !std::equal(r, r + d, previous)) {
      out.group.push_back(k);
      out.values.insert(out.values.end(), r, r + d);
      previous = r;
    }
  }
  out.group.push_back(out.order.size());
  return out;
}

/// Dense rank of each of the values `value_of(0)`, ..., `value_of(count - 1)` (non-NaN):
/// equal values share a rank, the smallest value gets `first`, and ranks go up by one.
/// O(count) radix sort.
template <typename Rank, typename ValueOf>
[[nodiscard]] std::vector<Rank> dense_ranks(std::size_t count, ValueOf value_of, Rank first) {
  std::vector<std::uint64_t> keys(count);
  std::vector<int> order(count);
  for (std::size_t i = 0; i < count; ++i) {
    keys[i] = ordered_key(value_of(i));
    order[i] = static_cast<int>(i);
  }
  radix_sort_pairs(keys, order);
  std::vector<Rank> ranks(count);
  Rank rank = first;
  for (std::size_t k = 0; k < count; ++k) {
    if (k > 0 && keys[k] != keys[k - 1]) {
      ++rank;
    }
    ranks[static_cast<std::size_t>(order[k])] = rank;
  }
  return ranks;
}

/// 3-D: marks each distinct row (lexicographic order) non-dominated or not with one sweep.
/// A row is dominated iff an earlier distinct row is <= in the 2nd and 3rd objectives; the
/// earlier rows' minimal (2nd, 3rd) pairs form a staircase over the dense ranks of the 2nd
/// objective (rank_staircase).
/// O(m) radix sort + O(m log64 m) sweep (each row inserted and erased at most once).
[[nodiscard]] inline std::vector<char> nondominated_3d(const unique_rows& rows) {
  const std::size_t m = rows.size();
  std::vector<char> keep(m, 0);
  // Dense rank of the second objective (equal values share a rank).
  const std::vector<std::uint32_t> second_rank = dense_ranks(
      m, [&rows](std::size_t u) { return rows.row(u)[1]; }, std::uint32_t{0});
  rank_staircase staircase(m);
  for (std::size_t u = 0; u < m; ++u) {
    keep[u] = static_cast<char>(staircase.insert(second_rank[u], rows.row(u)[2]));
  }
  return keep;
}

/// Where to split objective values over two id lists `a` and `b` (`value_of(id)` gives the
/// value): the median of an evenly spaced sample of up to 31 values, replaced by the exact
/// median when the sample misleads (one side would get under 1/16 of more than pareto_thresholds::exact_median_rows, 1024 by default),
/// and moved just below the maximum when it is the maximum, so that both {<= split} and
/// {> split} are non-empty. Returns false when the objective is constant over the lists.
/// `scratch` must hold na + nb values.
template <typename ValueOf>
[[nodiscard]] bool choose_split(const int* a, std::size_t na, const int* b, std::size_t nb,
                                ValueOf value_of, std::vector<double>& scratch, double& split) {
  const std::size_t total = na + nb;
  const auto value = [&](std::size_t i) { return i < na ? value_of(a[i]) : value_of(b[i - na]); };
  double* values = scratch.data();
  const std::size_t samples = std::min<std::size_t>(total, 31);
  for (std::size_t s = 0; s < samples; ++s) {
    values[s] = value(s * total / samples);
  }
  std::nth_element(values, values + samples / 2, values + samples);
  split = values[samples / 2];
  double largest = -std::numeric_limits<double>::infinity();
  std::size_t at_or_below = 0;
  for (std::size_t i = 0; i < total; ++i) {
    const double v = value(i);
    largest = std::max(largest, v);
    at_or_below += static_cast<std::size_t>(v <= split);
  }
  if (total > pareto_thresholds::exact_median_rows && (at_or_below < total / 16 || total - at_or_below < total / 16)) {
    for (std::size_t i = 0; i < total; ++i) {
      values[i] = value(i);
    }
    std::nth_element(values, values + total / 2, values + total);
    split = values[total / 2];
  }
  if (split < largest) {
    return true;
  }
  bool found = false;  // the median is the maximum: take the largest value below it
  for (std::size_t i = 0; i < total; ++i) {
    const double v = value(i);
    if (v < largest && (!found || v > split)) {
      split = v;
      found = true;
    }
  }
  return found;
}

/// Stable partition of the ids list[0, count) into those with `value_of(id) <= split`, then
/// the others; `spill` is scratch room for `count` ids. Returns the size of the first part.
/// Branch-free, as the outcome is a coin flip. O(count).
template <typename ValueOf>
std::size_t stable_split(int* list, std::size_t count, ValueOf value_of, double split,
                         int* spill) {
  std::size_t low = 0;
  std::size_t high = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const int u = list[i];
    const bool is_low = value_of(u) <= split;
    list[low] = u;
    spill[high] = u;
    low += static_cast<std::size_t>(is_low);
    high += static_cast<std::size_t>(!is_low);
  }
  std::copy(spill, spill + high, list + low);
  return low;
}

/// Undoes stable_split: list[0, middle) and list[middle, count) are each sorted increasing
/// (distinct ids); merges them back into one increasing list, with `spill` as scratch room
/// for `count` ids. Branch-free merge step. O(count).
inline void merge_split_back(int* list, std::size_t middle, std::size_t count, int* spill) {
  std::size_t a = 0;
  std::size_t b = middle;
  std::size_t o = 0;
  while (a < middle && b < count) {
    const int x = list[a];
    const int y = list[b];
    const bool take_b = y < x;
    spill[o++] = take_b ? y : x;
    b += static_cast<std::size_t>(take_b);
    a += static_cast<std::size_t>(!take_b);
  }
  std::copy(list + a, list + middle, spill + o);
  o += middle - a;
  std::copy(list + b, list + count, spill + o);
  std::copy(spill, spill + count, list);
}

/// d >= 4: Kung, Luccio and Preparata (1975) divide and conquer over distinct rows in
/// lexicographic order. Because rows are distinct and sorted, "dominates" reduces to
/// "<= in every objective" for an earlier row, so ties need no special cases.
///
/// front(range) halves the range (by lexicographic position), solves both halves and removes
/// from the right half's front every row that a left-half front row weakly dominates in
/// objectives 1..d-1 (filter). filter splits objective k at a median value into four
/// quadrant subproblems, three of which remain (one in a lower dimension), until three
/// objectives are left; those are decided by one sweep along objective d-3 over a staircase
/// of (d-2, d-1) held in a rank_staircase (as in the 3-D front). Tiny subproblems use all
/// pairs. Rows are renamed by their order in objective d-3 and lists are kept sorted by
/// that id (partitions are stable and merged back, fronts are merged), so the sweep needs no
/// sort. Time O(m log m log64 m) for d = 4 and O(m log^(d-3) m log64 m) above; O(m d) memory.
class klp_front {
 public:
  explicit klp_front(const unique_rows& rows)
      : rows_(rows.size()), dims_(rows.dims), columns_(rows.size() * rows.dims),
        id_of_row_(rows.size()), dominated_(rows.size(), 0), scratch_values_(rows.size()),
        scratch_index_(rows.size()),
        staircase_(rows.size()) {
    // Rows are renamed by their rank in objective d-3 (ties by lexicographic position), so
    // that every list sorted "by objective d-3" is simply sorted by id, and the objectives
    // are stored column by column in that order.
    std::vector<std::uint64_t> keys(rows_);
    std::vector<int> by_sweep(rows_);
    for (std::size_t u = 0; u < rows_; ++u) {
      keys[u] = ordered_key(rows.row(u)[dims_ - 3]);
      by_sweep[u] = static_cast<int>(u);
    }
    radix_sort_pairs(keys, by_sweep);
    for (std::size_t id = 0; id < rows_; ++id) {
      const auto u = static_cast<std::size_t>(by_sweep[id]);
      id_of_row_[u] = static_cast<int>(id);
      for (std::size_t j = 0; j < dims_; ++j) {
        columns_[j * rows_ + id] = rows.row(u)[j];
      }
    }
    // Dense ranks of objective d-2: the keys of the staircase in the three-objective sweep.
    second_rank_ = dense_ranks(
        rows_, [this](std::size_t id) { return at(static_cast<int>(id), dims_ - 2); },
        std::uint32_t{0});
  }

  [[nodiscard]] std::vector<char> run() {
    static_cast<void>(front(0, rows_));
    std::vector<char> keep(rows_);
    for (std::size_t u = 0; u < rows_; ++u) {
      keep[u] = static_cast<char>(dominated_[static_cast<std::size_t>(id_of_row_[u])] == 0);
    }
    return keep;
  }

 private:
  static constexpr std::size_t brute_force_rows = 16;

  [[nodiscard]] double at(int id, std::size_t j) const noexcept {
    return columns_[j * rows_ + static_cast<std::size_t>(id)];
  }

  [[nodiscard]] bool weakly_below_from(int a, int b, std::size_t k) const noexcept {
    for (std::size_t j = k; j < dims_; ++j) {
      if (at(a, j) > at(b, j)) {
        return false;
      }
    }
    return true;
  }

  // Order used for every list: objective d-3, then lexicographic position = the id order.
  [[nodiscard]] static bool sweep_less(int a, int b) noexcept { return a < b; }

  // Marks the dominated rows among [low, high); returns the others sorted by sweep_less.
  std::vector<int> front(std::size_t low, std::size_t high) {
    if (high - low <= brute_force_rows) {
      std::vector<int> survivors;
      for (std::size_t q = low; q < high; ++q) {
        const int q_id = id_of_row_[q];
        bool dominated = false;
        for (std::size_t p = low; p < q && !dominated; ++p) {
          const int p_id = id_of_row_[p];
          dominated = dominated_[static_cast<std::size_t>(p_id)] == 0 &&
                      weakly_below_from(p_id, q_id, 1);
        }
        if (dominated) {
          dominated_[static_cast<std::size_t>(q_id)] = 1;
        } else {
          survivors.push_back(q_id);
        }
      }
      std::sort(survivors.begin(), survivors.end());
      return survivors;
    }
    const std::size_t middle = low + (high - low) / 2;
    std::vector<int> left = front(low, middle);
    std::vector<int> right = front(middle, high);
    {
      std::vector<int> left_work = left;
      std::vector<int> right_work = right;
      filter(left_work.data(), left_work.size(), right_work.data(), right_work.size(), 1);
    }
    std::vector<int> merged;
    merged.reserve(left.size() + right.size());
    std::size_t r = 0;
    for (const int l : left) {
      for (; r < right.size() && sweep_less(right[r], l); ++r) {
        if (dominated_[static_cast<std::size_t>(right[r])] == 0) {
          merged.push_back(right[r]);
        }
      }
      merged.push_back(l);
    }
    for (; r < right.size(); ++r) {
      if (dominated_[static_cast<std::size_t>(right[r])] == 0) {
        merged.push_back(right[r]);
      }
    }
    return merged;
  }

  // Adds row `id` to the (d-2, d-1) staircase unless a step already covers it.
  void insert_step(int id) {
    const std::size_t b = second_rank_[static_cast<std::size_t>(id)];
    if (staircase_.insert(b, at(id, dims_ - 1))) {
      touched_.push_back(b);
    }
  }

  // Stable partition of list[0, count) into (objective k <= split) then (> split); returns
  // the size of the first part.
  std::size_t stable_split(int* list, std::size_t count, std::size_t k, double split) {
    return detail::stable_split(
        list, count, [this, k](int id) { return at(id, k); }, split, scratch_index_.data());
  }

  // Marks rows of `right` weakly dominated in objectives k.. by a row of `left`
  // (every left row is already <= every right row in objectives 0..k-1). Both lists are
  // sorted by sweep_less on entry and again on return.
  void filter(int* left, std::size_t nl, int* right, std::size_t nr, std::size_t k) {
    if (nl == 0 || nr == 0) {
      return;
    }
    if (k + 1 == dims_) {
      double best = std::numeric_limits<double>::infinity();
      for (std::size_t i = 0; i < nl; ++i) {
        best = std::min(best, at(left[i], k));
      }
      for (std::size_t i = 0; i < nr; ++i) {
        if (at(right[i], k) >= best) {
          dominated_[static_cast<std::size_t>(right[i])] = 1;
        }
      }
      return;
    }
    if (nl * nr <= 256) {
      for (std::size_t i = 0; i < nr; ++i) {
        if (dominated_[static_cast<std::size_t>(right[i])] != 0) {
          continue;
        }
        for (std::size_t l = 0; l < nl; ++l) {
          if (weakly_below_from(left[l], right[i], k)) {
            dominated_[static_cast<std::size_t>(right[i])] = 1;
            break;
          }
        }
      }
      return;
    }
    if (k + 3 == dims_) {
      // Objectives d-3, d-2, d-1 left: sweep both lists (sorted by objective d-3; at equal
      // values left rows come first since their ids are smaller) keeping the left rows'
      // (d-2, d-1) staircase; a right row is covered iff the staircase step at or before its
      // objective d-2 has objective d-1 <= its own.
      std::size_t l = 0;
      for (std::size_t i = 0; i < nr; ++i) {
        const int r = right[i];
        for (; l < nl && left[l] < r; ++l) {
          insert_step(left[l]);
        }
        if (staircase_.covers(second_rank_[static_cast<std::size_t>(r)], at(r, dims_ - 1))) {
          dominated_[static_cast<std::size_t>(r)] = 1;
        }
      }
      for (const std::size_t b : touched_) {
        staircase_.erase(b);
      }
      touched_.clear();
      return;
    }
    // Here k < d - 3: the recursion below only moves k up to d - 3, never past it.
    // Split objective k at a median value: left rows above it cannot dominate right rows at
    // or below it; left rows at or below it beat right rows above it in objective k.
    double split = 0.0;
    if (!choose_split(left, nl, right, nr, [this, k](int id) { return at(id, k); },
                      scratch_values_, split)) {
      filter(left, nl, right, nr, k + 1);  // objective k is constant here
      return;
    }
    const std::size_t nl_low = stable_split(left, nl, k, split);
    const std::size_t nr_low = stable_split(right, nr, k, split);
    filter(left, nl_low, right, nr_low, k);
    filter(left + nl_low, nl - nl_low, right + nr_low, nr - nr_low, k);
    filter(left, nl_low, right + nr_low, nr - nr_low, k + 1);
    merge_back(left, nl_low, nl);
    merge_back(right, nr_low, nr);
  }

  // Restores sweep_less order (= id order) of list[0, count) after stable_split.
  void merge_back(int* list, std::size_t middle, std::size_t count) {
    merge_split_back(list, middle, count, scratch_index_.data());
  }

  std::size_t rows_;
  std::size_t dims_;
  std::vector<double> columns_;  // objective j of row id at [j * rows_ + id]
  std::vector<int> id_of_row_;   // lexicographic position -> id
  std::vector<char> dominated_;  // by id
  std::vector<double> scratch_values_;
  std::vector<int> scratch_index_;
  std::vector<std::uint32_t> second_rank_;  // dense rank of objective d-2, by id
  rank_staircase staircase_;     // three-objective sweep: (rank of objective d-2, objective d-1)
  std::vector<std::size_t> touched_;
};

/// Non-dominated flags for distinct rows (d >= 2) in lexicographic order.
[[nodiscard]] inline std::vector<char> nondominated_flags(const unique_rows& rows) {
  const std::size_t m = rows.size();
  if (rows.dims == 2) {
    std::vector<char> keep(m, 0);
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t u = 0; u < m; ++u) {
      const double b = rows.row(u)[1];
      if (u == 0 || b < best) {
        keep[u] = 1;
        best = b;
      }
    }
    return keep;
  }
  if (rows.dims == 3) {
    return nondominated_3d(rows);
  }
  return klp_front(rows).run();
}

/// Original row numbers of the front of `packed` (d >= 2), lexicographic order then index.
[[nodiscard]] inline std::vector<int> front_of_packed(const packed_rows& packed, bool keep_first) {
  const unique_rows rows = make_unique_rows(packed);
  const std::vector<char> keep = nondominated_flags(rows);
  std::vector<int> front;
  for (std::size_t u = 0; u < rows.size(); ++u) {
    if (keep[u] == 0) {
      continue;
    }
    for (std::size_t k = rows.group[u]; k < rows.group[u + 1]; ++k) {
      front.push_back(packed.index[static_cast<std::size_t>(rows.order[k])]);
      if (keep_first) {
        break;
      }
    }
  }
  return front;
}

/// Front for d >= 3 with a pivot pre-filter.
///
/// For n >= pareto_thresholds::prefilter_nd_rows (2048 by default) the exact front of a
/// strided sample of max(pareto_thresholds::prefilter_nd_sample_rows, 4 sqrt(n)) rows (512 by
/// default) is computed;
/// unless that front is dense (> 1/4 of the sample, e.g. points on a sphere), up to 32 of
/// its rows (smallest normalised sum first) become pivots, and one pass keeps only the rows
/// that no pivot dominates. The exact front of the survivors follows (sort + sweep or KLP).
[[nodiscard]] inline Eigen::ArrayXi front_nd(const matrix_view& points,
                                             const std::vector<double>& signs, bool keep_first) {
  const Eigen::Index n = points.rows();
  const std::size_t d = signs.size();
  packed_rows survivors;
  bool filtered = false;
  if (n >= pareto_thresholds::prefilter_nd_rows) {
    const auto wanted = std::max<Eigen::Index>(
        pareto_thresholds::prefilter_nd_sample_rows, static_cast<Eigen::Index>(4.0 * std::sqrt(static_cast<double>(n))));
    const Eigen::Index step = std::max<Eigen::Index>(1, n / std::min(n / 4, wanted));
    packed_rows sample;
    sample.dims = d;
    std::vector<double> row(d);
    for (Eigen::Index i = 0; i < n; i += step) {
      if (load_row(points, i, signs, row.data())) {
        sample.values.insert(sample.values.end(), row.begin(), row.end());
        sample.index.push_back(static_cast<int>(sample.index.size()));
      }
    }
    const std::vector<int> sample_front = front_of_packed(sample, true);
    if (!sample_front.empty() && sample_front.size() * 4 <= sample.size()) {
      // Normalise by the sample's range so that "smallest sum" favours central pivots.
      std::vector<double> low(d, std::numeric_limits<double>::infinity());
      std::vector<double> high(d, -std::numeric_limits<double>::infinity());
      for (std::size_t i = 0; i < sample.size(); ++i) {
        for (std::size_t j = 0; j < d; ++j) {
          const double v = sample.row(i)[j];
          if (std::isfinite(v)) {
            low[j] = std::min(low[j], v);
            high[j] = std::max(high[j], v);
          }
        }
      }
      std::vector<std::pair<double, int>> ranked;
      for (const int s : sample_front) {
        double sum = 0.0;
        for (std::size_t j = 0; j < d; ++j) {
          const double width = high[j] - low[j];
          const double v = sample.row(static_cast<std::size_t>(s))[j];
          sum += (width > 0.0 && std::isfinite(width) && std::isfinite(v)) ? (v - low[j]) / width : 0.0;
        }
        ranked.emplace_back(sum, s);
      }
      std::sort(ranked.begin(), ranked.end());
      const std::size_t pivot_count = std::min<std::size_t>(32, ranked.size());
      std::vector<double> pivots(pivot_count * d);
      for (std::size_t p = 0; p < pivot_count; ++p) {
        const double* src = sample.row(static_cast<std::size_t>(ranked[p].second));
        std::copy(src, src + d, pivots.begin() + static_cast<std::ptrdiff_t>(p * d));
      }
      survivors.dims = d;
      for (Eigen::Index i = 0; i < n; ++i) {
        if (!load_row(points, i, signs, row.data())) {
          continue;
        }
        bool dominated = false;
        for (std::size_t p = 0; p < pivot_count; ++p) {
          if (dominates(pivots.data() + p * d, row.data(), static_cast<Eigen::Index>(d))) {
            dominated = true;
            break;
          }
        }
        if (!dominated) {
          survivors.values.insert(survivors.values.end(), row.begin(), row.end());
          survivors.index.push_back(static_cast<int>(i));
        }
      }
      filtered = true;
    }
  }
  if (!filtered) {
    survivors = pack_valid_rows(points, signs);
  }
  const std::vector<int> front = front_of_packed(survivors, keep_first);
  return Eigen::Map<const Eigen::ArrayXi>(front.data(), static_cast<Eigen::Index>(front.size()));
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_PARETO_FRONT_ND_HPP
