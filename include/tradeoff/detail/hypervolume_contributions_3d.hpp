#ifndef TRADEOFF_DETAIL_HYPERVOLUME_CONTRIBUTIONS_3D_HPP
#define TRADEOFF_DETAIL_HYPERVOLUME_CONTRIBUTIONS_3D_HPP

/// @file
/// @brief Internals of tradeoff::hypervolume_contributions for d = 3: every point's exclusive
/// contribution in one sweep over z, O(n log n) (the scheme of Emmerich and Fonseca 2011,
/// "Computing hypervolume contributions in low dimensions: asymptotically optimal algorithm
/// and complexity results", EMO 2011; the same bound as HVC3D of Guerreiro, Fonseca and
/// Emmerich 2012).
///
/// Input: distinct points of a 3-D front (no point weakly dominates another), finite, in
/// minimise space, strictly better than the finite reference in every objective.
///
/// The sweep visits the points in increasing z and keeps the 2-D staircase of the (x, y)
/// projections seen so far (x increasing, y decreasing; a 64-ary bit tree of the (x, y) ranks the caller's order gives).
/// At a height z the part of a staircase point p's box that no other point covers is p's
/// rectangle [px, x of its right neighbour) x [py, y of its left neighbour) minus the boxes of
/// the points p pushed off the staircase (they came earlier, below p in z, and still cover
/// the upper right of that rectangle). That region is kept as a list of vertical strips in x
/// order, each [x_begin, x_end) x [py, top) with the height z_start at which it last changed;
/// a strip that changes at height z is "closed": its area x (z - z_start) is added to p's
/// contribution. Inserting u (its left neighbour L, right neighbour R, the run u dominates
/// between them):
/// - each point of the run is covered from z_u on: its strips are closed and dropped;
/// - L loses everything right of x_u (its strips there are closed, one is cut);
/// - R loses everything above y_u (the strips taller than y_u, a prefix, are closed and
///   merged into one strip of top y_u);
/// - u's region is its rectangle minus the staircase of the run: one strip per step.
/// Each insertion creates O(1 + run length) strips and every strip is closed once, so the
/// sweep is O(n log64 n) after a radix sort on z; at the end the strips are closed at the reference.

#include <tradeoff/detail/hypervolume_sweep.hpp>  // hv_wide, hv_widen, hv_radix_sort
#include <tradeoff/detail/integer_set.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tradeoff::detail {

/// A 3-D point with its position in (x, then y) order.
struct hvc_point3 {
  double x;
  double y;
  double z;
  std::size_t rank;
};

/// Adds to contribution[r] the exclusive 3-D contribution of the point at position r of
/// `points`, distinct front points (see the file comment) in increasing x, ties by
/// increasing y (pareto_front's lexicographic order).
inline void hvc_sweep_3d(const std::vector<hvc_point3>& points, double reference_x,
                         double reference_y, double reference_z,
                         std::vector<hv_wide>& contribution) {
  const std::size_t n = points.size();
  if (n == 0) {
    return;
  }
  std::vector<hvc_point3> by_z = points;
  if (n >= 2048) {
    hv_radix_sort(by_z, [](const hvc_point3& p) { return p.z; });
  } else {
    std::sort(by_z.begin(), by_z.end(),
              [](const hvc_point3& a, const hvc_point3& b) { return a.z < b.z; });
  }
  std::vector<double> x_of(n);
  std::vector<double> y_of(n);
  for (std::size_t r = 0; r < n; ++r) {
    x_of[r] = points[r].x;
    y_of[r] = points[r].y;
  }

  // Strips in a pool, one doubly linked list per rank in x order.
  constexpr std::size_t none = integer_set::npos;
  struct strip {
    double x_begin;
    double x_end;
    double top;
    double z_start;
    std::size_t previous;
    std::size_t next;
  };
  std::vector<strip> pool;
  pool.reserve(3 * n);
  std::vector<std::size_t> free_list;
  std::vector<std::size_t> first(n, none);
  std::vector<std::size_t> last(n, none);
  auto close = [&](std::size_t r, const strip& s, double z) {
    contribution[r] +=
        (hv_widen(s.x_end) - s.x_begin) * (hv_widen(s.top) - y_of[r]) * (hv_widen(z) - s.z_start);
  };
  auto release = [&](std::size_t r, std::size_t k) {
    const strip& s = pool[k];
    if (s.previous != none) {
      pool[s.previous].next = s.next;
    } else {
      first[r] = s.next;
    }
    if (s.next != none) {
      pool[s.next].previous = s.previous;
    } else {
      last[r] = s.previous;
    }
    free_list.push_back(k);
  };
  auto append = [&](std::size_t r, double x_begin, double x_end, double top, double z) {
    std::size_t k;
    if (!free_list.empty()) {
      k = free_list.back();
      free_list.pop_back();
    } else {
      k = pool.size();
      pool.emplace_back();
    }
    pool[k] = {x_begin, x_end, top, z, last[r], none};
    if (last[r] != none) {
      pool[last[r]].next = k;
    } else {
      first[r] = k;
    }
    last[r] = k;
  };

  integer_set staircase(n);
  std::vector<std::size_t> run;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t u = by_z[k].rank;
    const double ux = x_of[u];
    const double uy = y_of[u];
    const double uz = by_z[k].z;
    const std::size_t left = u > 0 ? staircase.predecessor(u - 1) : none;
    // (left, if any, has x < ux and y > uy: the input has no weakly dominated point.)
    run.clear();
    std::size_t right = staircase.successor(u + 1);
    while (right != none && y_of[right] >= uy) {
      for (std::size_t s = first[right]; s != none;) {
        const std::size_t following = pool[s].next;
        close(right, pool[s], uz);
        free_list.push_back(s);
        s = following;
      }
      first[right] = none;
      last[right] = none;
      staircase.erase(right);
      run.push_back(right);
      right = staircase.successor(right + 1);
    }
    if (left != none) {
      // Everything of left's region right of ux is covered by u from here on.
      for (std::size_t s = last[left]; s != none;) {
        strip& piece = pool[s];
        if (!(piece.x_end > ux)) {
          break;
        }
        const std::size_t previous = piece.previous;
        close(left, piece, uz);
        if (piece.x_begin < ux) {
          piece.x_end = ux;
          piece.z_start = uz;
          break;
        }
        release(left, s);
        s = previous;
      }
    }
    if (right != none) {
      // Everything of right's region above uy is covered by u from here on: the strips taller
      // than uy (a prefix) become one strip of top uy.
      const std::size_t head = first[right];
      if (head != none && pool[head].top > uy) {
        close(right, pool[head], uz);
        for (std::size_t s = pool[head].next; s != none && pool[s].top > uy;) {
          const std::size_t following = pool[s].next;
          close(right, pool[s], uz);
          pool[head].x_end = pool[s].x_end;
          release(right, s);
          s = following;
        }
        pool[head].top = uy;
        pool[head].z_start = uz;
      }
    }
    // u's region: its rectangle minus the staircase of the run it pushed off.
    double start = ux;
    double top = left != none ? y_of[left] : reference_y;
    for (const std::size_t d : run) {
      if (x_of[d] > start) {
        append(u, start, x_of[d], top, uz);
        start = x_of[d];
      }
      top = y_of[d];
    }
    const double end = right != none ? x_of[right] : reference_x;
    if (end > start) {
      append(u, start, end, top, uz);
    }
    staircase.insert(u);
  }
  for (std::size_t r = staircase.successor(0); r != none; r = staircase.successor(r + 1)) {
    for (std::size_t s = first[r]; s != none; s = pool[s].next) {
      close(r, pool[s], reference_z);
    }
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_CONTRIBUTIONS_3D_HPP
