#ifndef TRADEOFF_DETAIL_HYPERVOLUME_4D_HPP
#define TRADEOFF_DETAIL_HYPERVOLUME_4D_HPP

/// @file
/// @brief Internals of tradeoff::hypervolume for d = 4 (and the 4-D base case of WFG for
/// d >= 5): one sweep over the 4th objective that keeps the 3-D front of the points seen so
/// far and its 3-D hypervolume, updated by each point's exclusive 3-D contribution
/// (the scheme of HV4D, Guerreiro and Fonseca, IEEE TEVC 22(3), 2018).
///
/// Points are finite, in minimise space, strictly better than the finite reference in every
/// objective, stored row-major with stride 4. Dominated points and duplicates are allowed
/// (they contribute nothing and cost one walk each).
///
/// With the points in increasing 4th objective w, the volume is the sum over k of
/// V3(S_k) * (w_{k+1} - w_k), where S_k is the 3-D front of the first k + 1 points'
/// projections (w_n = the reference) and V3 its 3-D hypervolume. Inserting a point p adds
/// its exclusive contribution: its 3-D box minus the 3-D hypervolume of the limit set
/// {max(p, q) : q in S}, computed by a z sweep over S (kept as a list in z order) with the
/// 2-D staircase in a 64-ary bit tree of (x, y) ranks; points of S that p dominates are
/// unlinked on the way. Only the current front is visited per insertion: O(n h log64 n)
/// for h = the largest 3-D front met, O(n) memory.

#include <tradeoff/detail/hypervolume_sweep.hpp>  // hv_wide
#include <tradeoff/detail/integer_set.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

namespace tradeoff::detail {

/// Exact 4-D hypervolume, reusing its buffers across calls (WFG calls it once per slab).
class hypervolume_4d {
 public:
  /// Hypervolume of `count` rows (stride 4) with respect to reference[0..3]. `rows` is not
  /// modified. `work` is charged one step per front point visited.
  [[nodiscard]] hv_wide operator()(const double* rows, std::size_t count,
                                   const double* reference, hv_work& work) {
    if (count == 0) {
      return 0.0;
    }
    prepare(rows, count);
    rx_ = reference[0];
    ry_ = reference[1];
    rz_ = reference[2];
    const double rw = reference[3];
    hv_wide front_volume = 0.0;  // V3 of the current 3-D front
    hv_wide volume = 0.0;
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t i = by_w_[k];
      std::uint64_t visited = 0;
      front_volume += insert(z_rank_[i], visited);
      work.add(visited);
      const double w = rows[i * 4 + 3];
      const double next_w = k + 1 < count ? rows[by_w_[k + 1] * 4 + 3] : rw;
      volume += front_volume * (hv_widen(next_w) - w);
    }
    return volume;
  }

 private:
  static constexpr std::size_t none = integer_set::npos;

  /// One point, indexed by its rank in (z, x, y) order, with its links in the front's two
  /// lists (z order and (x, y) order; `none` ends a list, index count is each list's head).
  struct node {
    double x;
    double y;
    double z;
    std::size_t xy_rank;
    std::size_t next_z;
    std::size_t previous_z;
    std::size_t next_x;
    std::size_t previous_x;
  };

  /// A corner of the 2-D staircase inside p's (x, y) box: x increasing, y decreasing.
  struct corner {
    double x;
    double y;
  };

  void prepare(const double* rows, std::size_t count) {
    by_w_.resize(count);
    std::iota(by_w_.begin(), by_w_.end(), std::size_t{0});
    std::sort(by_w_.begin(), by_w_.end(), [rows](std::size_t a, std::size_t b) {
      return rows[a * 4 + 3] < rows[b * 4 + 3];
    });
    // Ties in z are broken by (x, y), so a point that p dominates always comes after p.
    std::vector<std::size_t>& order = scratch_;
    order.resize(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [rows](std::size_t a, std::size_t b) {
      const double* u = rows + a * 4;
      const double* v = rows + b * 4;
      return u[2] < v[2] || (!(v[2] < u[2]) && std::lexicographical_compare(u, u + 2, v, v + 2));
    });
    z_rank_.resize(count);
    nodes_.resize(count + 1);
    for (std::size_t r = 0; r < count; ++r) {
      const std::size_t i = order[r];
      z_rank_[i] = r;
      nodes_[r] = {rows[i * 4], rows[i * 4 + 1], rows[i * 4 + 2], 0, none, none, none, none};
    }
    nodes_[count] = {0.0, 0.0, 0.0, 0, none, none, none, none};  // the heads
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
      const node& u = nodes_[a];
      const node& v = nodes_[b];
      return u.x < v.x || (!(v.x < u.x) && u.y < v.y);
    });
    node_of_xy_rank_.resize(count);
    for (std::size_t r = 0; r < count; ++r) {
      nodes_[order[r]].xy_rank = r;
      node_of_xy_rank_[r] = order[r];
    }
    in_z_.reset(count);
    in_xy_.reset(count);
  }

  void unlink(std::size_t r) {
    node& q = nodes_[r];
    nodes_[q.previous_z].next_z = q.next_z;
    if (q.next_z != none) {
      nodes_[q.next_z].previous_z = q.previous_z;
    }
    nodes_[q.previous_x].next_x = q.next_x;
    if (q.next_x != none) {
      nodes_[q.next_x].previous_x = q.previous_x;
    }
    in_z_.erase(r);
    in_xy_.erase(q.xy_rank);
  }

  void link(std::size_t r) {
    const std::size_t head = nodes_.size() - 1;
    node& q = nodes_[r];
    const std::size_t found_z = r > 0 ? in_z_.predecessor(r - 1) : none;
    q.previous_z = found_z != none ? found_z : head;
    q.next_z = nodes_[q.previous_z].next_z;
    nodes_[q.previous_z].next_z = r;
    if (q.next_z != none) {
      nodes_[q.next_z].previous_z = r;
    }
    const std::size_t found_xy = q.xy_rank > 0 ? in_xy_.predecessor(q.xy_rank - 1) : none;
    q.previous_x = found_xy != none ? node_of_xy_rank_[found_xy] : head;
    q.next_x = nodes_[q.previous_x].next_x;
    nodes_[q.previous_x].next_x = r;
    if (q.next_x != none) {
      nodes_[q.next_x].previous_x = r;
    }
    in_z_.insert(r);
    in_xy_.insert(q.xy_rank);
  }

  /// Adds `c` to the staircase and returns the area it gains inside p's box (0 if a corner
  /// already covers it): the corners it covers are removed.
  hv_wide add_corner(corner c) {
    auto at = std::lower_bound(stair_.begin(), stair_.end(), c.x,
                               [](const corner& k, double x) { return k.x < x; });
    if (at != stair_.begin() && std::prev(at)->y <= c.y) {
      return 0.0;
    }
    if (at != stair_.end() && at->x <= c.x && at->y <= c.y) {
      return 0.0;
    }
    double height = at != stair_.begin() ? std::prev(at)->y : ry_;
    double start = c.x;
    hv_wide gained = 0.0;
    auto last = at;
    while (last != stair_.end() && last->y >= c.y) {
      gained += (hv_widen(last->x) - start) * (hv_widen(height) - c.y);
      start = last->x;
      height = last->y;
      ++last;
    }
    const double end = last != stair_.end() ? last->x : rx_;
    gained += (hv_widen(end) - start) * (hv_widen(height) - c.y);
    if (last != at) {
      *at = c;
      stair_.erase(at + 1, last);
    } else {
      stair_.insert(at, c);
    }
    return gained;
  }

  /// Adds the point of z rank `r` to the front and returns its exclusive 3-D contribution
  /// (0 if a front point weakly dominates it; then the front is unchanged).
  ///
  /// The part of p's box covered at z = pz is the staircase of the front points before p in
  /// z order, clamped to p's box: one walk of the front in (x, y) order builds it (a point
  /// counts if its clamped y is below every one to its left), and stops at the first
  /// clamped y = py (everything to its right is covered). Then the front points after p
  /// are swept in z order, each adding its clamped corner and the ones p dominates being
  /// unlinked, until one covers p's whole (x, y) box.
  hv_wide insert(std::size_t r, std::uint64_t& visited) {
    const std::size_t head = nodes_.size() - 1;
    const node& p = nodes_[r];
    const double px = p.x;
    const double py = p.y;
    const double pz = p.z;
    stair_.clear();
    double lowest = ry_;
    for (std::size_t s = nodes_[head].next_x; s != none; s = nodes_[s].next_x) {
      ++visited;
      const node& q = nodes_[s];
      if (s > r || !(q.y < lowest)) {
        continue;
      }
      const double y = std::max(py, q.y);
      if (!(y < lowest)) {
        continue;
      }
      const double x = std::max(px, q.x);
      if (!stair_.empty() && !(stair_.back().x < x)) {
        stair_.back().y = y;
      } else {
        stair_.push_back({x, y});
      }
      lowest = y;
      if (y <= py) {
        if (x <= px) {
          return 0;  // q weakly dominates p (q is before p in z order)
        }
        break;
      }
    }
    hv_wide area = 0.0;
    for (std::size_t k = 0; k < stair_.size(); ++k) {
      const double end = k + 1 < stair_.size() ? stair_[k + 1].x : rx_;
      area += (hv_widen(end) - stair_[k].x) * (hv_widen(ry_) - stair_[k].y);
    }
    hv_wide covered = 0.0;  // volume of p's box covered below previous_z
    double previous_z = pz;
    for (std::size_t s = in_z_.successor(r + 1); s != none;) {
      ++visited;
      const node& q = nodes_[s];
      const std::size_t following = q.next_z;
      if (q.x >= px && q.y >= py) {
        unlink(s);  // p dominates q (q.z >= pz); q still covers part of p's box
      }
      covered += area * (hv_widen(q.z) - previous_z);
      previous_z = q.z;
      const corner c{std::max(px, q.x), std::max(py, q.y)};
      if (c.x <= px && c.y <= py) {
        if (q.z <= pz) {
          link(s);  // q equals p: keep q, p adds nothing
          return 0;
        }
        // q covers p's whole (x, y) box from here on, and any later front point that p
        // dominated would be dominated by q too: the front has none, the walk ends.
        area = box_area(px, py);
        break;
      }
      area += add_corner(c);
      s = following;
    }
    covered += area * (hv_widen(rz_) - previous_z);
    link(r);
    return box_area(px, py) * (hv_widen(rz_) - pz) - covered;
  }

  [[nodiscard]] hv_wide box_area(double px, double py) const {
    return (hv_widen(rx_) - px) * (hv_widen(ry_) - py);
  }

  double rx_ = 0.0;
  double ry_ = 0.0;
  double rz_ = 0.0;
  std::vector<std::size_t> by_w_;
  std::vector<std::size_t> scratch_;
  std::vector<std::size_t> z_rank_;
  std::vector<node> nodes_;
  std::vector<std::size_t> node_of_xy_rank_;
  std::vector<corner> stair_;
  integer_set in_z_{0};
  integer_set in_xy_{0};
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_4D_HPP
