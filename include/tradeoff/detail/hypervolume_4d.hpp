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
/// {max(p, q) : q in S}. S is kept in two linked lists, in z order and in x order: one walk
/// in x order over the points below p in z gives the covered part of p's base (a 2-D
/// staircase, no search tree), a walk in z order over the points above p adds their clamped
/// corners to a small sorted staircase until p's (x, y) box is covered, unlinking on the
/// way the points that p dominates. O(n h) for h = the largest 3-D front met (with a
/// binary search per corner added), O(n) memory; no sorting when the caller supplies the
/// orders (presorted()).

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
    auto sorted_by = [rows, count](std::vector<std::size_t>& order, std::size_t column) {
      order.resize(count);
      std::iota(order.begin(), order.end(), std::size_t{0});
      std::sort(order.begin(), order.end(), [rows, column](std::size_t a, std::size_t b) {
        return rows[a * 4 + column] < rows[b * 4 + column];
      });
    };
    sorted_by(by_z_, 2);
    z_ordered_.resize(count * 4);
    position_.resize(count);
    for (std::size_t r = 0; r < count; ++r) {
      std::copy(rows + by_z_[r] * 4, rows + by_z_[r] * 4 + 4,
                z_ordered_.begin() + static_cast<std::ptrdiff_t>(r * 4));
      position_[by_z_[r]] = r;
    }
    sorted_by(by_x_, 0);
    sorted_by(by_w_, 3);
    for (std::size_t k = 0; k < count; ++k) {
      by_x_[k] = position_[by_x_[k]];
      by_w_[k] = position_[by_w_[k]];
    }
    return presorted(z_ordered_.data(), count, by_x_, by_w_, reference, work);
  }

  /// The same for rows already in non-decreasing z order, given the permutations of them in
  /// non-decreasing x and in non-decreasing w order (ties in any order). WFG's limit sets
  /// {max(p, q)} keep the orders of the q, so it never sorts.
  [[nodiscard]] hv_wide presorted(const double* rows, std::size_t count,
                                  const std::vector<std::size_t>& by_x,
                                  const std::vector<std::size_t>& by_w, const double* reference,
                                  hv_work& work) {
    if (count == 0) {
      return 0.0;
    }
    prepare(rows, count, by_x);
    rx_ = reference[0];
    ry_ = reference[1];
    rz_ = reference[2];
    const double rw = reference[3];
    hv_wide front_volume = 0.0;  // V3 of the current 3-D front
    hv_wide volume = 0.0;
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t r = by_w[k];
      std::uint64_t visited = 0;
      front_volume += insert(r, visited);
      work.add(visited);
      const double next_w = k + 1 < count ? rows[by_w[k + 1] * 4 + 3] : rw;
      volume += front_volume * (hv_widen(next_w) - rows[r * 4 + 3]);
    }
    return volume;
  }

 private:
  static constexpr std::size_t none = integer_set::npos;

  /// One point, indexed by its position in z order, with its links in the front's two
  /// lists (z order and x order; `none` ends a list, index count is each list's head).
  struct node {
    double x;
    double y;
    double z;
    std::size_t x_rank;
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

  void prepare(const double* rows, std::size_t count, const std::vector<std::size_t>& by_x) {
    nodes_.resize(count + 1);
    tie_start_.resize(count);
    for (std::size_t r = 0; r < count; ++r) {
      nodes_[r] = {rows[r * 4], rows[r * 4 + 1], rows[r * 4 + 2], 0, none, none, none, none};
      // First position with this z (rows[r * 4 + 2] >= the previous one).
      tie_start_[r] = r > 0 && !(rows[(r - 1) * 4 + 2] < rows[r * 4 + 2]) ? tie_start_[r - 1] : r;
    }
    nodes_[count] = {0.0, 0.0, 0.0, 0, none, none, none, none};  // the heads
    node_of_x_rank_.assign(by_x.begin(), by_x.begin() + static_cast<std::ptrdiff_t>(count));
    for (std::size_t k = 0; k < count; ++k) {
      nodes_[by_x[k]].x_rank = k;
    }
    in_z_.reset(count);
    in_x_.reset(count);
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
    in_x_.erase(q.x_rank);
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
    const std::size_t found_x = q.x_rank > 0 ? in_x_.predecessor(q.x_rank - 1) : none;
    q.previous_x = found_x != none ? node_of_x_rank_[found_x] : head;
    q.next_x = nodes_[q.previous_x].next_x;
    nodes_[q.previous_x].next_x = r;
    if (q.next_x != none) {
      nodes_[q.next_x].previous_x = r;
    }
    in_z_.insert(r);
    in_x_.insert(q.x_rank);
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

  /// Adds the point at z position `r` to the front and returns its exclusive 3-D
  /// contribution (0 if a front point weakly dominates it; then the front is unchanged).
  ///
  /// The part of p's box covered just above z = pz by the front points with z < pz is
  /// their staircase clamped to p's box: one walk of the front in x order builds it (a
  /// point counts if its clamped y is below every one to its left) and stops at the first
  /// clamped y = py (everything to its right is covered). Then the front points with
  /// z >= pz are swept in z order, each adding its clamped corner and the ones p dominates
  /// being unlinked, until one covers p's whole (x, y) box: a front point that p dominates
  /// beyond it would be dominated by that one too, and the front has none.
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
      if (!(q.z < pz) || !(q.y < lowest)) {
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
          return 0;  // q weakly dominates p
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
    for (std::size_t s = in_z_.successor(tie_start_[r]); s != none;) {
      ++visited;
      const node& q = nodes_[s];
      const std::size_t following = q.next_z;
      const bool dominated = q.x >= px && q.y >= py;  // by p (q.z >= pz)
      if (dominated) {
        unlink(s);  // q still covers part of p's box
      }
      covered += area * (hv_widen(q.z) - previous_z);
      previous_z = q.z;
      const corner c{std::max(px, q.x), std::max(py, q.y)};
      if (c.x <= px && c.y <= py) {
        if (q.z <= pz) {
          // q weakly dominates p (z ties come in any order): p adds nothing and dominates
          // no front point, q is kept (if p dominated it too, q equals p)
          if (dominated) {
            link(s);
          }
          return 0;
        }
        // q covers p's whole (x, y) box from here on: the walk ends.
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
  std::vector<std::size_t> by_z_;       // operator(): the orders it sorts
  std::vector<std::size_t> by_x_;
  std::vector<std::size_t> by_w_;
  std::vector<std::size_t> position_;
  std::vector<double> z_ordered_;
  std::vector<node> nodes_;
  std::vector<std::size_t> tie_start_;
  std::vector<std::size_t> node_of_x_rank_;
  std::vector<corner> stair_;
  integer_set in_z_{0};
  integer_set in_x_{0};
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_4D_HPP
