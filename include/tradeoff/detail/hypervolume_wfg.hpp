#ifndef TRADEOFF_DETAIL_HYPERVOLUME_WFG_HPP
#define TRADEOFF_DETAIL_HYPERVOLUME_WFG_HPP

/// @file
/// @brief Internals of tradeoff::hypervolume for d >= 4: the WFG algorithm (While,
/// Bradstreet, Barone 2012) for d >= 5, whose base cases are the 3-D sweep and the 4-D sweep
/// of hypervolume_4d.hpp (a 4-D input goes straight to the latter).
///
/// Points are finite, in minimise space, strictly better than the finite reference in every
/// objective, stored row-major with a stride equal to the current number of objectives.
///
/// The volume is sliced along the last objective: with the points sorted from worst to best
/// in that objective, point k owns the slab between its last coordinate and the reference,
/// times its exclusive (d-1)-dimensional contribution with respect to the better points
/// after it. That exclusive part is its box minus the hypervolume of the "limit set"
/// {max(p_k, p_j) : j > k} (WFG), computed recursively after removing dominated points.
/// When a limit set has 4 objectives its volume is hypervolume_4d's (presorted, so that the
/// limit sets come out in the orders that sweep needs).

#include <tradeoff/detail/hypervolume_4d.hpp>
#include <tradeoff/detail/hypervolume_sweep.hpp>
#include <tradeoff/detail/pareto_front_nd.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace tradeoff::detail {

/// Keeps, in place and in lexicographic order, the rows of `rows` (count x dimensions,
/// row-major, minimise space, no NaN) that no other row weakly dominates, one copy of
/// repeated rows; returns how many remain. Above 256 rows the front is
/// tradeoff::pareto_front's own (detail::front_nd: pivot pre-filter, then a 3-D sweep or
/// Kung-Luccio-Preparata divide and conquer), O(count log count log64 count) for 4
/// objectives; below, a sort and a scan against the rows kept, O(count h dimensions).
inline std::size_t hv_keep_nondominated(std::vector<double>& rows, std::size_t count,
                                        std::size_t dimensions) {
  if (count < 2) {
    return count;
  }
  if (count <= 256) {
    // Small sets (WFG's limit sets in many objectives): a lexicographic sort, then each row
    // against the rows kept so far (only an earlier row can weakly dominate a later one).
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    const double* data = rows.data();
    std::sort(order.begin(), order.end(), [data, dimensions](std::size_t a, std::size_t b) {
      return std::lexicographical_compare(data + a * dimensions, data + (a + 1) * dimensions,
                                          data + b * dimensions, data + (b + 1) * dimensions);
    });
    std::vector<double> kept;
    kept.reserve(count * dimensions);
    for (const std::size_t i : order) {
      const double* candidate = data + i * dimensions;
      bool covered = false;
      for (std::size_t k = 0; k < kept.size() && !covered; k += dimensions) {
        bool below = true;  // branch-free: most pairs are incomparable
        for (std::size_t c = 0; c < dimensions; ++c) {
          below &= kept[k + c] <= candidate[c];
        }
        covered = below;
      }
      if (!covered) {
        kept.insert(kept.end(), candidate, candidate + dimensions);
      }
    }
    std::copy(kept.begin(), kept.end(), rows.begin());
    return kept.size() / dimensions;
  }
  using row_major = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const Eigen::Map<const row_major> map(rows.data(), static_cast<Eigen::Index>(count),
                                        static_cast<Eigen::Index>(dimensions));
  const Eigen::ArrayXXd columns = map;
  const Eigen::ArrayXi front =
      front_nd(matrix_view(columns), std::vector<double>(dimensions, 1.0), true);
  std::vector<double> kept(static_cast<std::size_t>(front.size()) * dimensions);
  for (Eigen::Index k = 0; k < front.size(); ++k) {
    const double* source = rows.data() + static_cast<std::size_t>(front(k)) * dimensions;
    std::copy(source, source + dimensions,
              kept.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(k) * dimensions));
  }
  std::copy(kept.begin(), kept.end(), rows.begin());
  return static_cast<std::size_t>(front.size());
}

/// Exact hypervolume for any number of objectives, reusing its buffers across the recursion.
class wfg_hypervolume {
 public:
  /// `reference` is in minimise space, one finite value per objective.
  /// `work` meters (and may bound) the limit-set rows built and the 4-D sweeps' steps.
  wfg_hypervolume(std::vector<double> reference, hv_work* work)
      : reference_(std::move(reference)),
        work_(work),
        sorted_(reference_.size() + 1),
        limit_(reference_.size() + 1),
        order_(reference_.size() + 1),
        fronts_(reference_.size() + 1) {}

  /// Hypervolume of `count` rows of `dimensions` objectives (the first `dimensions` entries
  /// of the reference apply). `points` is not modified.
  [[nodiscard]] hv_wide operator()(const double* points, std::size_t count,
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
        return hv_widen(reference_[0]) - best;
      }
      case 2: {
        planar_.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
          planar_[i] = {points[2 * i], points[2 * i + 1]};
        }
        hv_prefilter_2d(planar_);
        return hv_sweep_2d(planar_, reference_[0], reference_[1]);
      }
      case 3: {
        spatial_.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
          spatial_[i] = {points[3 * i], points[3 * i + 1], points[3 * i + 2]};
        }
        hv_prefilter_3d(spatial_);
        return hv_sweep_3d(spatial_, reference_[0], reference_[1], reference_[2]);
      }
      case 4:
        return base_4d_(points, count, reference_.data(), *work_);
      default:
        return slices(points, count, dimensions);
    }
  }

 private:
  [[nodiscard]] hv_wide box(const double* p, std::size_t dimensions) const {
    hv_wide volume = 1.0;
    for (std::size_t j = 0; j < dimensions; ++j) {
      volume *= hv_widen(reference_[j]) - p[j];
    }
    return volume;
  }

  /// d >= 5: sweeps the last objective from best to worst, keeping the (d-1)-D front of the
  /// points seen so far (projected) and its (d-1)-D hypervolume; each point adds its
  /// exclusive (d-1)-D contribution, its box minus the hypervolume of the limit set
  /// {max(p, q) : q in that front} (WFG's limit set, over the front only).
  [[nodiscard]] hv_wide slices(const double* points, std::size_t count, std::size_t d) {
    const std::size_t last = d - 1;
    std::vector<std::size_t>& order = order_[d];
    order.resize(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [points, d, last](std::size_t a, std::size_t b) {
      return points[a * d + last] < points[b * d + last];
    });
    std::vector<double>& sorted = sorted_[d];
    sorted.resize(count * d);
    for (std::size_t i = 0; i < count; ++i) {
      std::copy(points + order[i] * d, points + order[i] * d + d, sorted.begin() +
                static_cast<std::ptrdiff_t>(i * d));
    }
    const std::size_t e = d - 1;  // dimensions of the slices
    fronts_[d].clear();
    front_by_x_.clear();
    front_by_w_.clear();
    hv_wide front_volume = 0.0;
    hv_wide volume = 0.0;
    for (std::size_t k = 0; k < count; ++k) {
      const double* p = sorted.data() + k * d;
      const std::size_t limited = limit_set(sorted.data(), d, k);
      if (limited != static_cast<std::size_t>(-1)) {
        // (otherwise a front point covers p's whole (d-1)-box: p adds nothing)
        hv_wide covered = 0.0;
        if (limited > 0 && e == 4) {
          covered = base_4d_.presorted(limit_[e].data(), limited, limit_by_x_, limit_by_w_,
                                       reference_.data(), *work_);
        } else if (limited > 0) {
          covered = (*this)(limit_[e].data(), limited, e);
        }
        front_volume += box(p, e) - covered;
        update_front(sorted.data(), d, k);
      }
      const double next = k + 1 < count ? sorted[(k + 1) * d + last] : reference_[last];
      volume += front_volume * (hv_widen(next) - p[last]);
    }
    return volume;
  }

  /// Removes from the front (fronts_[d]) the rows that row k dominates in the first d - 1
  /// objectives and adds row k. For d = 5 the front is kept in non-decreasing order of the
  /// 3rd objective, with its permutations in 1st- and 4th-objective order, so that the 4-D
  /// limit sets come out in the orders hypervolume_4d::presorted needs.
  void update_front(const double* sorted, std::size_t d, std::size_t k) {
    const std::size_t e = d - 1;
    const double* p = sorted + k * d;
    auto survivors = [&](std::vector<std::size_t>& list) {
      std::size_t kept = 0;
      for (const std::size_t j : list) {
        if (!dominated_by(p, sorted + j * d, e)) {
          list[kept++] = j;
        }
      }
      list.resize(kept);
    };
    auto insert_by = [&](std::vector<std::size_t>& list, std::size_t column) {
      const auto at = std::upper_bound(list.begin(), list.end(), p[column],
                                       [sorted, d, column](double v, std::size_t j) {
                                         return v < sorted[j * d + column];
                                       });
      list.insert(at, k);
    };
    std::vector<std::size_t>& front = fronts_[d];
    survivors(front);
    if (e != 4) {
      front.push_back(k);
      return;
    }
    insert_by(front, 2);
    survivors(front_by_x_);
    insert_by(front_by_x_, 0);
    survivors(front_by_w_);
    insert_by(front_by_w_, 3);
  }

  /// True if q >= p in the first e objectives.
  [[nodiscard]] static bool dominated_by(const double* p, const double* q, std::size_t e) {
    bool all = true;
    for (std::size_t c = 0; c < e; ++c) {
      all &= p[c] <= q[c];
    }
    return all;
  }

  /// Builds into limit_[d - 1] the limit set {max(p_k, q) : q in the current front}
  /// projected on the first d - 1 objectives (non-dominated part only for d - 1 >= 5);
  /// returns its size, or size_t(-1) if one of them equals the projection of p_k (then
  /// p_k has no exclusive volume).
  std::size_t limit_set(const double* sorted, std::size_t d, std::size_t k) {
    const std::size_t e = d - 1;
    const double* p = sorted + k * d;
    const std::vector<std::size_t>& front = fronts_[d];
    std::vector<double>& out = limit_[e];
    out.resize(front.size() * e);
    std::size_t m = 0;
    for (const std::size_t j : front) {
      const double* q = sorted + j * d;
      double* r = out.data() + m * e;
      bool same = true;
      for (std::size_t c = 0; c < e; ++c) {
        r[c] = std::max(p[c], q[c]);
        same = same && !(p[c] < r[c]);  // r >= p
      }
      if (same) {
        return static_cast<std::size_t>(-1);
      }
      ++m;
    }
    work_->add(m);
    if (e == 4) {
      // The limit rows are in the front's z order; max(p, q) keeps the x and w orders.
      position_.resize(sorted_[d].size() / d);
      for (std::size_t t = 0; t < m; ++t) {
        position_[front[t]] = t;
      }
      limit_by_x_.resize(m);
      limit_by_w_.resize(m);
      for (std::size_t t = 0; t < m; ++t) {
        limit_by_x_[t] = position_[front_by_x_[t]];
        limit_by_w_[t] = position_[front_by_w_[t]];
      }
    }
    if (e <= 4) {
      return m;  // the 2-D, 3-D and 4-D sweeps skip dominated points at little extra cost
    }
    return hv_keep_nondominated(out, m, e);
  }

  std::vector<double> reference_;
  hv_work* work_;
  std::vector<std::vector<double>> sorted_;  // per dimension count: rows sorted best-first
  std::vector<std::vector<double>> limit_;   // per dimension count: the limit set
  std::vector<std::vector<std::size_t>> order_;
  std::vector<std::vector<std::size_t>> fronts_;  // per dimension count: the sweep's front
  std::vector<hv_point2> planar_;
  std::vector<hv_point3> spatial_;
  hypervolume_4d base_4d_;
  std::vector<std::size_t> front_by_x_;  // d = 5: the front in 1st- and 4th-objective order
  std::vector<std::size_t> front_by_w_;
  std::vector<std::size_t> position_;     // d = 5: position of a front row in the limit set
  std::vector<std::size_t> limit_by_x_;
  std::vector<std::size_t> limit_by_w_;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_WFG_HPP
