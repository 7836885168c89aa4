#ifndef TRADEOFF_DETAIL_HYPERVOLUME_CONTRIBUTIONS_HPP
#define TRADEOFF_DETAIL_HYPERVOLUME_CONTRIBUTIONS_HPP

/// @file
/// @brief Internals of tradeoff::hypervolume_contributions: the exclusive contribution
/// HV(S) - HV(S \ {p}) of every row, from the front of S.
///
/// Rows are row-major, in minimise space, finite and strictly better than the finite
/// reference in every objective. The caller gives the indices of the rows on the front
/// (pareto_front with duplicates kept, in its lexicographic order). Then:
/// - a row off the front is weakly dominated by a front row, so removing it changes nothing:
///   0; so is a front row with an exact copy (the copy stays), the policy moocore states;
/// - the region that only p covers is p's box minus the boxes of the distinct front rows
///   other than p, minus the boxes of the dominated rows whose only dominator is p (a row
///   dominated by two front rows lies in both boxes and takes nothing from either). The
///   front part is computed for all front rows at once (d = 2: neighbours in x order, d = 3:
///   hvc_sweep_3d); for d >= 4, and for the front rows that alone dominate some row, it is
///   box(p) minus the hypervolume of the limit set {max(p, q)} (WFG's limit sets, While,
///   Bradstreet and Barone 2012), by the library's hypervolume (constant columns dropped,
///   the 4-D sweep or the slicing).

#include <tradeoff/detail/hypervolume_columns.hpp>  // hv_reduced
#include <tradeoff/detail/hypervolume_contributions_3d.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/hypervolume_sweep.hpp>

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <utility>
#include <vector>

namespace tradeoff::detail {

/// The volume of p's box up to the reference.
[[nodiscard]] inline hv_wide hvc_box(const double* p, const std::vector<double>& reference) {
  hv_wide volume = 1.0;
  for (std::size_t j = 0; j < reference.size(); ++j) {
    volume *= hv_widen(reference[j]) - p[j];
  }
  return volume;
}

/// box(p) minus the hypervolume of {max(p, q) : q in `others`} (row indices into `rows`),
/// clamped at 0 (rounding of nearly equal volumes).
[[nodiscard]] inline double hvc_by_limit_set(const std::vector<double>& rows, std::size_t dims,
                                             std::size_t p, const std::vector<std::size_t>& others,
                                             const std::vector<double>& reference) {
  const double* point = rows.data() + p * dims;
  std::vector<double> limit;
  limit.reserve(others.size() * dims);
  for (const std::size_t q : others) {
    if (q == p) {
      continue;
    }
    const double* other = rows.data() + q * dims;
    for (std::size_t j = 0; j < dims; ++j) {
      limit.push_back(std::max(point[j], other[j]));
    }
  }
  const std::size_t count = limit.size() / dims;
  hv_work work;
  const double covered = hv_reduced(std::move(limit), count, dims, reference, work);
  return std::max(0.0, hv_narrow(hvc_box(point, reference) - covered));
}

/// Exclusive contributions of `count` rows of `dims` >= 2 objectives; `front` holds the
/// indices of the rows on the front (duplicates kept). Returns one value per row.
[[nodiscard]] inline std::vector<double> hvc_contributions(const std::vector<double>& rows,
                                                           std::size_t count, std::size_t dims,
                                                           const std::vector<std::size_t>& front,
                                                           const std::vector<double>& reference) {
  std::vector<double> result(count, 0.0);
  if (front.empty()) {
    return result;
  }
  // Distinct front rows: the front is in lexicographic order, so copies are neighbours.
  const double* data = rows.data();
  auto same_row = [data, dims](std::size_t a, std::size_t b) {
    for (std::size_t j = 0; j < dims; ++j) {
      if (!exact_equal(data[a * dims + j], data[b * dims + j])) {
        return false;
      }
    }
    return true;
  };
  std::vector<std::size_t> distinct;  // one row per group of copies, in front order
  std::vector<char> copied(count, 0);
  for (std::size_t k = 0; k < front.size();) {
    std::size_t end = k + 1;
    while (end < front.size() && same_row(front[k], front[end])) {
      ++end;
    }
    distinct.push_back(front[k]);
    if (end - k > 1) {
      for (std::size_t m = k; m < end; ++m) {
        copied[front[m]] = 1;
      }
    }
    k = end;
  }
  // Front rows that alone weakly dominate some row off the front.
  std::vector<char> on_front(count, 0);
  for (const std::size_t f : front) {
    on_front[f] = 1;
  }
  std::vector<char> sole_dominator(count, 0);
  // `distinct` is in lexicographic order, so its first objective never decreases: a dominator of
  // row q is among the distinct rows before the first whose first objective exceeds q's. In 2-D
  // the second objective then strictly decreases, so q's dominators are one contiguous run,
  // found by two binary searches (O(log h) a row); in more objectives that prefix is scanned until
  // a second dominator is found.
  auto objective = [data, dims](std::size_t row, std::size_t j) { return data[row * dims + j]; };
  std::vector<std::pair<std::size_t, std::size_t>> owned;  // 2-D: (position in distinct, row) of each solely dominated row
  for (std::size_t q = 0; q < count; ++q) {
    if (on_front[q] != 0) {
      continue;
    }
    const double* row = data + q * dims;
    const auto end = static_cast<std::size_t>(
        std::upper_bound(distinct.begin(), distinct.end(), row[0],
                         [&](double value, std::size_t k) { return value < objective(k, 0); }) -
        distinct.begin());
    if (dims == 2) {
      const auto first = static_cast<std::size_t>(
          std::partition_point(distinct.begin(), distinct.begin() + static_cast<std::ptrdiff_t>(end),
                               [&](std::size_t k) { return objective(k, 1) > row[1]; }) -
          distinct.begin());
      if (end - first == 1) {
        owned.push_back({first, q});
      }
      continue;
    }
    std::size_t dominators = 0;
    std::size_t which = 0;
    for (std::size_t k = 0; k < end && dominators < 2; ++k) {
      const double* f = data + distinct[k] * dims;
      bool below = true;
      for (std::size_t j = 1; j < dims; ++j) {
        below &= f[j] <= row[j];
      }
      if (below) {
        ++dominators;
        which = distinct[k];
      }
    }
    if (dominators == 1) {
      sole_dominator[which] = 1;
    }
  }
  // The front part, for every distinct front row.
  if (dims == 2) {
    const std::vector<std::size_t>& by_x = distinct;  // lexicographic: x increasing, y decreasing
    for (std::size_t k = 0; k < by_x.size(); ++k) {
      const double* p = data + by_x[k] * 2;
      const double right = k + 1 < by_x.size() ? data[by_x[k + 1] * 2] : reference[0];
      const double above = k > 0 ? data[by_x[k - 1] * 2 + 1] : reference[1];
      result[by_x[k]] = hv_narrow((hv_widen(right) - p[0]) * (hv_widen(above) - p[1]));
    }
    // A row dominated by front point k alone lies in k's box [x_k, right) x [y_k, above) (a
    // row dominated by k and below a neighbour's edge would be dominated by the neighbour too),
    // so k's exclusive area is its box minus the area those rows dominate inside it: per k, one
    // sweep of its rows in x order. O(n log n) in all.
    std::sort(owned.begin(), owned.end(), [data](const auto& a, const auto& b) {
      if (a.first != b.first) {
        return a.first < b.first;
      }
      return data[a.second * 2] < data[b.second * 2] ||
             (exact_equal(data[a.second * 2], data[b.second * 2]) && data[a.second * 2 + 1] < data[b.second * 2 + 1]);
    });
    for (std::size_t at = 0; at < owned.size();) {
      const std::size_t k = owned[at].first;
      const double right = k + 1 < by_x.size() ? data[by_x[k + 1] * 2] : reference[0];
      const double above = k > 0 ? data[by_x[k - 1] * 2 + 1] : reference[1];
      const double* p = data + by_x[k] * 2;
      hv_wide covered = 0.0;
      double lowest = above;  // the lowest y among the rows swept so far
      for (; at < owned.size() && owned[at].first == k; ++at) {
        const double* q = data + owned[at].second * 2;
        if (q[1] < lowest && q[0] < right) {
          covered += (hv_widen(right) - q[0]) * (hv_widen(lowest) - q[1]);
          lowest = q[1];
        }
      }
      const hv_wide box = (hv_widen(right) - p[0]) * (hv_widen(above) - p[1]);
      result[by_x[k]] = std::max(0.0, hv_narrow(box - covered));
    }
  } else if (dims == 3) {
    std::vector<hvc_point3> points;
    points.reserve(distinct.size());
    for (std::size_t k = 0; k < distinct.size(); ++k) {
      const double* p = data + distinct[k] * 3;
      points.push_back({p[0], p[1], p[2], k});  // in (x, then y) order
    }
    std::vector<hv_wide> wide(distinct.size(), 0.0);
    hvc_sweep_3d(points, reference[0], reference[1], reference[2], wide);
    for (std::size_t k = 0; k < distinct.size(); ++k) {
      result[distinct[k]] = hv_narrow(wide[k]);
    }
  } else {
    for (const std::size_t p : distinct) {
      if (copied[p] == 0 && sole_dominator[p] == 0) {
        result[p] = hvc_by_limit_set(rows, dims, p, distinct, reference);
      }
    }
  }
  // In 3 or more objectives, the rows that alone dominate others: over every other row. (2-D
  // marks none: its part above subtracted what such rows cover.)
  std::vector<std::size_t> everyone;
  for (const std::size_t p : distinct) {
    if (copied[p] == 0 && sole_dominator[p] != 0) {
      if (everyone.empty()) {
        everyone.resize(count);
        std::iota(everyone.begin(), everyone.end(), std::size_t{0});
      }
      result[p] = hvc_by_limit_set(rows, dims, p, everyone, reference);
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    if (copied[i] != 0) {
      result[i] = 0.0;
    }
  }
  return result;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_CONTRIBUTIONS_HPP
