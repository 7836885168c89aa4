#ifndef TRADEOFF_DETAIL_HYPERVOLUME_WFG_HPP
#define TRADEOFF_DETAIL_HYPERVOLUME_WFG_HPP

/// @file
/// @brief Internals of tradeoff::hypervolume for d >= 4: the WFG algorithm (While,
/// Bradstreet, Barone 2012) with the exact 3-D sweep as its base case.
///
/// Points are finite, in minimise space, strictly better than the finite reference in every
/// objective, stored row-major with a stride equal to the current number of objectives.
///
/// The volume is sliced along the last objective: with the points sorted from worst to best
/// in that objective, point k owns the slab between its last coordinate and the reference,
/// times its exclusive (d-1)-dimensional contribution with respect to the better points
/// after it. That exclusive part is its box minus the hypervolume of the "limit set"
/// {max(p_k, p_j) : j > k} (WFG), computed recursively after removing dominated points.

#include <tradeoff/detail/hypervolume_sweep.hpp>

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <utility>
#include <vector>

namespace tradeoff::detail {

/// Keeps, in place and in lexicographic order, the rows of `rows` (count x dimensions,
/// row-major) that no other row weakly dominates, one copy of repeated rows; returns how
/// many remain. A row can only be weakly dominated by one before it in lexicographic
/// order, so each row is compared with the rows kept so far: O(count log count +
/// count h dimensions) for h kept rows.
inline std::size_t hv_keep_nondominated(std::vector<double>& rows, std::size_t count,
                                        std::size_t dimensions) {
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const double* data = rows.data();
  std::sort(order.begin(), order.end(), [data, dimensions](std::size_t a, std::size_t b) {
    return std::lexicographical_compare(data + a * dimensions, data + a * dimensions + dimensions,
                                        data + b * dimensions, data + b * dimensions + dimensions);
  });
  std::vector<double> kept;
  kept.reserve(rows.size());
  std::size_t m = 0;
  for (const std::size_t i : order) {
    const double* candidate = data + i * dimensions;
    bool covered = false;
    for (std::size_t k = 0; k < m; ++k) {
      const double* q = kept.data() + k * dimensions;
      bool le = true;  // branch-free: almost every pair is incomparable
      for (std::size_t c = 0; c < dimensions; ++c) {
        le &= q[c] <= candidate[c];
      }
      if (le) {
        covered = true;
        break;
      }
    }
    if (!covered) {
      kept.insert(kept.end(), candidate, candidate + dimensions);
      ++m;
    }
  }
  std::copy(kept.begin(), kept.end(), rows.begin());
  return m;
}

/// Exact hypervolume for any number of objectives, reusing its buffers across the recursion.
class wfg_hypervolume {
 public:
  /// `reference` is in minimise space, one finite value per objective.
  explicit wfg_hypervolume(std::vector<double> reference)
      : reference_(std::move(reference)),
        sorted_(reference_.size() + 1),
        limit_(reference_.size() + 1),
        order_(reference_.size() + 1) {}

  /// Hypervolume of `count` rows of `dimensions` objectives (the first `dimensions` entries
  /// of the reference apply). `points` is not modified.
  [[nodiscard]] double operator()(const double* points, std::size_t count,
                                  std::size_t dimensions) {
    if (count == 0) {
      return 0.0;
    }
    if (count == 1) {
      return box(points, dimensions);
    }
    switch (dimensions) {
      case 1: {
        double best = points[0];
        for (std::size_t i = 1; i < count; ++i) {
          best = std::min(best, points[i]);
        }
        return reference_[0] - best;
      }
      case 2: {
        planar_.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
          planar_[i] = {points[2 * i], points[2 * i + 1]};
        }
        return hv_sweep_2d(planar_, reference_[0], reference_[1]);
      }
      case 3: {
        spatial_.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
          spatial_[i] = {points[3 * i], points[3 * i + 1], points[3 * i + 2]};
        }
        return hv_sweep_3d(spatial_, reference_[0], reference_[1], reference_[2]);
      }
      default:
        return slices(points, count, dimensions);
    }
  }

 private:
  [[nodiscard]] double box(const double* p, std::size_t dimensions) const {
    double volume = 1.0;
    for (std::size_t j = 0; j < dimensions; ++j) {
      volume *= reference_[j] - p[j];
    }
    return volume;
  }

  [[nodiscard]] double slices(const double* points, std::size_t count, std::size_t d) {
    const std::size_t last = d - 1;
    // Sort worst-first in the last objective (ties: any order).
    std::vector<std::size_t>& order = order_[d];
    order.resize(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [points, d, last](std::size_t a, std::size_t b) {
      return points[a * d + last] > points[b * d + last];
    });
    std::vector<double>& sorted = sorted_[d];
    sorted.resize(count * d);
    for (std::size_t i = 0; i < count; ++i) {
      std::copy(points + order[i] * d, points + order[i] * d + d, sorted.begin() +
                static_cast<std::ptrdiff_t>(i * d));
    }
    const std::size_t e = d - 1;  // dimensions of the slices
    if (e == 3) {
      // 4-D: order the rows once by their third objective, so that every limit set comes
      // out already sorted for the 3-D sweep (max(p_k, q) keeps that order).
      by_third_.resize(count);
      std::iota(by_third_.begin(), by_third_.end(), std::size_t{0});
      const double* rows = sorted.data();
      std::stable_sort(by_third_.begin(), by_third_.end(), [rows](std::size_t a, std::size_t b) {
        return rows[a * 4 + 2] < rows[b * 4 + 2];
      });
    }
    double volume = 0.0;
    for (std::size_t k = 0; k < count; ++k) {
      const double* p = sorted.data() + k * d;
      const double depth = reference_[last] - p[last];
      double exclusive = box(p, e);
      if (e == 3) {
        if (k + 1 < count) {
          const double covered = sorted_limit_3d(sorted.data(), k);
          if (covered < 0.0) {
            continue;
          }
          exclusive -= covered;
        }
        volume += depth * exclusive;
        continue;
      }
      if (k + 1 < count) {
        const std::size_t limited = limit_set(sorted.data(), count, d, k);
        if (limited == static_cast<std::size_t>(-1)) {
          continue;  // a later point covers p's whole (d-1)-box: no exclusive part
        }
        exclusive -= (*this)(limit_[e].data(), limited, e);
      }
      volume += depth * exclusive;
    }
    return volume;
  }

  /// 4-D case: the 3-D hypervolume of the limit set of row k of `sorted` (stride 4), built
  /// in the order of by_third_; returns -1 if p_k's whole 3-D box is covered.
  double sorted_limit_3d(const double* sorted, std::size_t k) {
    const double* p = sorted + k * 4;
    spatial_.clear();
    for (const std::size_t j : by_third_) {
      if (j <= k) {
        continue;
      }
      const double* q = sorted + j * 4;
      const hv_point3 r{std::max(p[0], q[0]), std::max(p[1], q[1]), std::max(p[2], q[2])};
      if (r.x == p[0] && r.y == p[1] && r.z == p[2]) {
        return -1.0;
      }
      spatial_.push_back(r);
      if (r.x == p[0] && r.y == p[1]) {
        break;  // from this z on, p's whole (x, y) box is covered: later points add nothing
      }
    }
    return hv_sweep_3d_sorted(spatial_, reference_[0], reference_[1], reference_[2]);
  }

  /// Builds into limit_[d - 1] the non-dominated part of {max(p_k, p_j) : j > k} projected
  /// on the first d - 1 objectives; returns its size, or size_t(-1) if one of them equals
  /// the projection of p_k (then p_k has no exclusive volume).
  std::size_t limit_set(const double* sorted, std::size_t count, std::size_t d, std::size_t k) {
    const std::size_t e = d - 1;
    const double* p = sorted + k * d;
    std::vector<double>& out = limit_[e];
    out.resize((count - k - 1) * e);
    std::size_t m = 0;
    for (std::size_t j = k + 1; j < count; ++j) {
      const double* q = sorted + j * d;
      double* r = out.data() + m * e;
      bool same = true;
      for (std::size_t c = 0; c < e; ++c) {
        r[c] = std::max(p[c], q[c]);
        same = same && r[c] == p[c];
      }
      if (same) {
        return static_cast<std::size_t>(-1);
      }
      ++m;
    }
    if (e <= 3) {
      return m;  // the 2-D and 3-D sweeps ignore dominated points at no extra cost
    }
    return hv_keep_nondominated(out, m, e);
  }

  std::vector<double> reference_;
  std::vector<std::vector<double>> sorted_;  // per dimension count: rows sorted worst-first
  std::vector<std::vector<double>> limit_;   // per dimension count: the limit set
  std::vector<std::vector<std::size_t>> order_;
  std::vector<hv_point2> planar_;
  std::vector<hv_point3> spatial_;
  std::vector<std::size_t> by_third_;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_WFG_HPP
