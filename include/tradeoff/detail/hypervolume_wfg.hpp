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
/// For 4 objectives the 3-D hypervolume of each limit set is swept in place over the rows
/// (no limit set is built), with the staircase in the rank bit tree of pareto_front_nd.hpp.

#include <tradeoff/detail/hypervolume_sweep.hpp>
#include <tradeoff/detail/integer_set.hpp>

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
      prepare_4d(sorted.data(), count);
    }
    double volume = 0.0;
    for (std::size_t k = 0; k < count; ++k) {
      const double* p = sorted.data() + k * d;
      const double depth = reference_[last] - p[last];
      double exclusive = box(p, e);
      if (e == 3) {
        if (k + 1 < count) {
          const double covered = limit_hypervolume_3d(sorted.data(), k);
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

  /// 4-D: orders the rows (stride 4) once by their third objective (the sweep order of
  /// every limit set: max(p_k, q) keeps it) and once by (x, then y) to give each row a
  /// dense rank for the staircase bit tree.
  void prepare_4d(const double* rows, std::size_t count) {
    by_third_.resize(count);
    std::iota(by_third_.begin(), by_third_.end(), std::size_t{0});
    std::stable_sort(by_third_.begin(), by_third_.end(), [rows](std::size_t a, std::size_t b) {
      return rows[a * 4 + 2] < rows[b * 4 + 2];
    });
    std::vector<std::size_t> by_xy(count);
    std::iota(by_xy.begin(), by_xy.end(), std::size_t{0});
    std::sort(by_xy.begin(), by_xy.end(), [rows](std::size_t a, std::size_t b) {
      return rows[a * 4] < rows[b * 4] ||
             (rows[a * 4] == rows[b * 4] && rows[a * 4 + 1] < rows[b * 4 + 1]);
    });
    rank_of_.resize(count);
    x_of_rank_.resize(count);
    y_of_rank_.resize(count);
    for (std::size_t r = 0; r < count; ++r) {
      rank_of_[by_xy[r]] = r;
      x_of_rank_[r] = rows[by_xy[r] * 4];
      y_of_rank_[r] = rows[by_xy[r] * 4 + 1];
    }
    staircase_ = integer_set(count);
  }

  /// 4-D: the 3-D hypervolume of the limit set {max(p_k, q_j) : j > k} of row k (stride 4),
  /// or -1 if some q_j <= p_k in the first three objectives (then p_k has no exclusive part).
  ///
  /// The 3-D sweep of hv_sweep_3d_sorted, run directly on the rows in by_third_ order
  /// without building the limit set: a row q with q.x > p.x keeps its x and its (x, y) rank
  /// (clamping y to >= p.y keeps the rank order), so the staircase is the shared bit tree of
  /// ranks; rows with q.x <= p.x all land on the column x = p.x, of which only the lowest y
  /// matters (`left_y`). Once a row covers p's whole (x, y) box the rest adds nothing.
  double limit_hypervolume_3d(const double* sorted, std::size_t k) {
    const double* p = sorted + k * 4;
    const double px = p[0];
    const double py = p[1];
    const double pz = p[2];
    const double rx = reference_[0];
    const double ry = reference_[1];
    const double rz = reference_[2];
    constexpr std::size_t none = integer_set::npos;
    auto clamped_y = [this, py](std::size_t r) { return std::max(py, y_of_rank_[r]); };
    bool has_left = false;
    double left_y = ry;
    double area = 0.0;
    double volume = 0.0;
    double previous_z = pz;
    bool closed = false;
    bool covered = false;
    inserted_.clear();
    // Removes the staircase entries from `next` on with y >= y and returns the area gained
    // by a new corner at (start, y) whose left neighbour has height `height`.
    auto gain = [&](std::size_t next, double start, double height, double y) {
      double gained = 0.0;
      while (next != none && clamped_y(next) >= y) {
        gained += (x_of_rank_[next] - start) * (height - y);
        start = x_of_rank_[next];
        height = clamped_y(next);
        staircase_.erase(next);
        next = staircase_.successor(next + 1);
      }
      const double end = next != none ? x_of_rank_[next] : rx;
      return gained + (end - start) * (height - y);
    };
    for (const std::size_t j : by_third_) {
      if (j <= k) {
        continue;
      }
      const double* q = sorted + j * 4;
      const double z = std::max(pz, q[2]);
      volume += area * (z - previous_z);
      previous_z = z;
      const double y = std::max(py, q[1]);
      if (q[0] <= px) {
        if (y == py && z == pz) {
          covered = true;
          break;
        }
        if (has_left && left_y <= y) {
          continue;
        }
        area += gain(staircase_.successor(0), px, has_left ? left_y : ry, y);
        has_left = true;
        left_y = y;
        if (y == py) {
          volume += area * (rz - z);  // p's whole (x, y) box is covered from here on
          closed = true;
          break;
        }
      } else {
        const std::size_t r = rank_of_[j];
        const std::size_t before = r > 0 ? staircase_.predecessor(r - 1) : none;
        const double before_y = before != none ? clamped_y(before) : (has_left ? left_y : ry);
        if ((before != none || has_left) && before_y <= y) {
          continue;
        }
        area += gain(staircase_.successor(r + 1), q[0], before_y, y);
        staircase_.insert(r);
        inserted_.push_back(r);
      }
    }
    if (!closed && !covered) {
      volume += area * (rz - previous_z);
    }
    for (const std::size_t r : inserted_) {
      staircase_.erase(r);  // erasing an absent rank is harmless
    }
    return covered ? -1.0 : volume;
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
  std::vector<std::size_t> rank_of_;
  std::vector<double> x_of_rank_;
  std::vector<double> y_of_rank_;
  std::vector<std::size_t> inserted_;
  integer_set staircase_{0};
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_WFG_HPP
