#ifndef TRADEOFF_DETAIL_HYPERVOLUME_SWEEP_HPP
#define TRADEOFF_DETAIL_HYPERVOLUME_SWEEP_HPP

/// @file
/// @brief Internals of tradeoff::hypervolume: exact 2-D and 3-D sweeps over finite points in
/// minimise space, the radix sort they use, and the grid pre-filters that drop most
/// dominated points of random-like inputs in one pass.
///
/// Every function here works on rows that are already in minimise space, finite, and
/// strictly better than the (finite) reference in every objective; tradeoff::hypervolume
/// guarantees that before calling. Rows are stored row-major in a flat std::vector<double>.

#include <tradeoff/detail/bucket_prefilter_2d.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/integer_set.hpp>
#include <tradeoff/detail/pareto_sort.hpp>       // ordered_key, radix_sort_pairs
#include <tradeoff/detail/pareto_thresholds.hpp>

#include <algorithm>
#include <cassert>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace tradeoff::detail {

/// The accumulator of the sweeps (areas and volumes are long sums, and a front's volume in
/// 4-D and more grows by contributions that are differences of nearly equal volumes): x87 extended precision (64-bit significand)
/// where long double is that format, else double. Quadruple-precision long double (done in
/// software on AArch64 Linux) would cost more than it is worth here.
using hv_wide = std::conditional_t<std::numeric_limits<long double>::digits == 64, long double,
                                   double>;

/// `v` as an hv_wide (exact).
[[nodiscard]] inline hv_wide hv_widen(double v) noexcept { return v; }

/// An hv_wide rounded to double (no cast where hv_wide is double).
template <typename Wide>
[[nodiscard]] double hv_narrow(Wide v) noexcept {
  if constexpr (std::is_same_v<Wide, double>) {
    return v;
  } else {
    return static_cast<double>(v);
  }
}

/// The work meter of the d >= 4 algorithms: one step is one front point visited by the 4-D
/// sweep or one limit-set row built by the slicing (a few nanoseconds each). With a limit,
/// the computation stops with std::domain_error once it would take more steps.
struct hv_work {
  std::uint64_t used = 0;
  std::uint64_t limit = 0;       ///< 0: no limit
  std::size_t dimensions = 0;    ///< for the message: objectives left after dropping constant ones
  std::size_t front_rows = 0;    ///< for the message: rows left after the pre-filter

  void add(std::uint64_t steps) {
    used += steps;
    if (limit != 0 && used > limit) {
      throw std::domain_error(
          detail::error_prefix("hypervolume") + "work budget of " + std::to_string(limit) +
          " steps exhausted (" + std::to_string(dimensions) + " objectives, " +
          std::to_string(front_rows) +
          " rows after removing dominated ones); the exact hypervolume is exponential in the number of "
          "objectives: raise hypervolume_options::max_work or use "
          "tradeoff::hypervolume_estimate");
    }
  }
};

/// Two coordinates in minimise space.
struct hv_point2 {
  double x;
  double y;
};

/// Three coordinates in minimise space.
struct hv_point3 {
  double x;
  double y;
  double z;
};

/// Monotone bucket index of `v` in [0, buckets): `a < b` whenever bucket(a) < bucket(b).
/// (x - low) * scale is monotone non-decreasing in x, so is floor, so is the clamp.
[[nodiscard]] inline std::size_t hv_bucket(double v, double low, double scale,
                                           std::size_t buckets) noexcept {
  const auto b = static_cast<std::size_t>((v - low) * scale);
  return b < buckets ? b : buckets - 1;
}

/// Drops most dominated 2-D points in two passes (bucket_prefilter_2d, the 2-D front's
/// pre-filter), keeping every front point, from pareto_thresholds::prefilter_2d_rows points.
inline void hv_prefilter_2d(std::vector<hv_point2>& points) {
  const std::size_t n = points.size();
  if (n < static_cast<std::size_t>(pareto_thresholds::prefilter_2d_rows)) {
    return;
  }
  std::size_t kept = 0;
  bucket_prefilter_2d(
      n, [&points](std::size_t i) { return points[i].x; },
      [&points](std::size_t i) { return points[i].y; }, [](std::size_t) {},
      [&points, &kept](std::size_t i) { points[kept++] = points[i]; });
  points.resize(kept);
}

/// Sorts points by one coordinate (`coordinate(p)`, ties in index order): radix_sort_pairs of
/// its order-preserving 64-bit keys with the positions, then one gather of the points. O(n)
/// time; the keys, positions and one copy of the points as scratch.
template <typename Point, typename Coordinate>
void hv_radix_sort(std::vector<Point>& points, Coordinate coordinate) {
  const std::size_t n = points.size();
  if (n < 2) {
    return;
  }
  std::vector<std::uint64_t> keys(n);
  std::vector<int> order(n);
  for (std::size_t i = 0; i < n; ++i) {
    keys[i] = ordered_key(coordinate(points[i]));
    order[i] = static_cast<int>(i);
  }
  radix_sort_pairs(keys, order);
  std::vector<Point> sorted(n);
  for (std::size_t i = 0; i < n; ++i) {
    sorted[i] = points[static_cast<std::size_t>(order[i])];
  }
  points.swap(sorted);
}

/// Exact 2-D hypervolume of finite points strictly inside the reference box, in
/// O(n log n): sort by x (ties by y), then add each improving point's slab.
/// Reorders `points`.
[[nodiscard]] inline double hv_sweep_2d(std::vector<hv_point2>& points, double reference_x,
                                        double reference_y) {
  if (points.size() >= 2048) {
    // Radix sort on x only: among equal x the slabs telescope, so their order is irrelevant.
    hv_radix_sort(points, [](const hv_point2& p) { return p.x; });
  } else {
    std::sort(points.begin(), points.end(), [](const hv_point2& a, const hv_point2& b) {
      return a.x < b.x || (exact_equal(a.x, b.x) && a.y < b.y);
    });
  }
  double volume = 0.0;
  double level = reference_y;
  for (const hv_point2& p : points) {
    if (p.y < level) {
      volume += (reference_x - p.x) * (level - p.y);
      level = p.y;
    }
  }
  return volume;
}

/// Drops 3-D points dominated by a point in a grid cell strictly below-left in (x, y) with
/// no larger z: O(n + cells). Keeps every front point.
inline void hv_prefilter_3d(std::vector<hv_point3>& points) {
  const std::size_t n = points.size();
  if (n < 4096) {
    return;
  }
  double low_x = points[0].x;
  double high_x = points[0].x;
  double low_y = points[0].y;
  double high_y = points[0].y;
  for (const hv_point3& p : points) {
    low_x = std::min(low_x, p.x);
    high_x = std::max(high_x, p.x);
    low_y = std::min(low_y, p.y);
    high_y = std::max(high_y, p.y);
  }
  std::size_t side = 1;
  while (side * side * 16 < n && side < 512) {
    side *= 2;
  }
  const double scale_x = static_cast<double>(side) / (high_x - low_x);
  const double scale_y = static_cast<double>(side) / (high_y - low_y);
  if (!(scale_x > 0.0) || !std::isfinite(scale_x) || !(scale_y > 0.0) ||
      !std::isfinite(scale_y)) {
    return;
  }
  // below[(i + 1) * (side + 1) + (j + 1)] = min z over cells (i', j') with i' <= i, j' <= j.
  const std::size_t stride = side + 1;
  std::vector<double> below(stride * stride, HUGE_VAL);
  for (const hv_point3& p : points) {
    const std::size_t i = hv_bucket(p.x, low_x, scale_x, side);
    const std::size_t j = hv_bucket(p.y, low_y, scale_y, side);
    double& m = below[(i + 1) * stride + (j + 1)];
    m = std::min(m, p.z);
  }
  for (std::size_t i = 1; i <= side; ++i) {
    for (std::size_t j = 1; j <= side; ++j) {
      below[i * stride + j] = std::min({below[i * stride + j], below[(i - 1) * stride + j],
                                        below[i * stride + (j - 1)]});
    }
  }
  std::size_t kept = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const hv_point3 p = points[k];
    const std::size_t i = hv_bucket(p.x, low_x, scale_x, side);
    const std::size_t j = hv_bucket(p.y, low_y, scale_y, side);
    // Cells strictly left and strictly below: entry (i, j) of the shifted table.
    if (p.z < below[i * stride + j]) {
      points[kept++] = p;
    }
  }
  points.resize(kept);
}

/// Exact 3-D hypervolume in O(n log n) (Beume, Fonseca, López-Ibáñez, Paquete, Vahrenhold
/// 2009): sweep the points in increasing z, keep the 2-D staircase of (x, y) seen so far in
/// an ordered map (x increasing, y strictly decreasing) together with the area it
/// dominates, and add area × (next z − z) per step. Each insertion costs O(log n) plus
/// the points it removes. Dominated points and duplicates are harmless. `points` must be
/// sorted by z.
[[nodiscard]] inline hv_wide hv_sweep_3d_sorted(const std::vector<hv_point3>& points,
                                               double reference_x, double reference_y,
                                               double reference_z) {
  std::map<double, double> front;  // x -> y, x increasing, y strictly decreasing
  hv_wide area = 0.0;
  hv_wide volume = 0.0;
  const std::size_t n = points.size();
  for (std::size_t k = 0; k < n; ++k) {
    const double x = points[k].x;
    const double y = points[k].y;
    auto it = front.lower_bound(x);  // first with key >= x
    bool dominated = false;
    if (it != front.end() && exact_equal(it->first, x) && it->second <= y) {
      dominated = true;
    } else if (it != front.begin() && std::prev(it)->second <= y) {
      dominated = true;
    }
    if (!dominated) {
      // Height of the covered region just right of x before the insertion.
      double height = it != front.begin() ? std::prev(it)->second : reference_y;
      double start = x;
      auto erase_from = it;
      while (it != front.end() && it->second >= y) {
        area += (hv_widen(it->first) - start) * (hv_widen(height) - y);
        start = it->first;
        height = it->second;
        ++it;
      }
      const double end = it != front.end() ? it->first : reference_x;
      area += (hv_widen(end) - start) * (hv_widen(height) - y);
      front.erase(erase_from, it);
      front.emplace_hint(it, x, y);
    }
    const double next_z = k + 1 < n ? points[k + 1].z : reference_z;
    volume += area * (hv_widen(next_z) - points[k].z);
  }
  return volume;
}

/// The same sweep as hv_sweep_3d_sorted for large inputs: the 2-D staircase is a set of
/// dense ranks of (x, then y) in a 64-ary bit tree (detail::integer_set), with x and y
/// stored per rank, so predecessor/successor/insert/erase cost O(log64 n) word operations
/// and nothing is allocated during the sweep. Ranks order equal x by increasing y, so a
/// point with equal x and larger y always has a larger rank (it is dominated by its
/// predecessor, or it is a successor that the new point removes). `points` sorted by z.
[[nodiscard]] inline hv_wide hv_sweep_3d_ranked(const std::vector<hv_point3>& points,
                                               double reference_x, double reference_y,
                                               double reference_z) {
  const std::size_t n = points.size();
  // rank_of[k]: position of point k in (x, y) order, ties by k: a stable radix sort by x, then
  // a comparison sort of each run of equal x (rare) by y.
  std::vector<std::uint64_t> keys(n);
  std::vector<int> order(n);
  for (std::size_t k = 0; k < n; ++k) {
    keys[k] = ordered_key(points[k].x);
    order[k] = static_cast<int>(k);
  }
  radix_sort_pairs(keys, order);
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start + 1;
    while (end < n && keys[end] == keys[start]) {
      ++end;
    }
    if (end - start > 1) {
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(start), order.begin() + static_cast<std::ptrdiff_t>(end),
                [&points](int a, int b) {
                  const double ya = points[static_cast<std::size_t>(a)].y;
                  const double yb = points[static_cast<std::size_t>(b)].y;
                  return ya < yb || (!(yb < ya) && a < b);
                });
    }
    start = end;
  }
  std::vector<int> rank_of(n);
  std::vector<double> x_of(n);
  std::vector<double> y_of(n);
  for (std::size_t r = 0; r < n; ++r) {
    const auto k = static_cast<std::size_t>(order[r]);
    rank_of[k] = static_cast<int>(r);
    x_of[r] = points[k].x;
    y_of[r] = points[k].y;
  }
  integer_set front(n);
  constexpr std::size_t none = integer_set::npos;
  hv_wide area = 0.0;
  hv_wide volume = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    const auto r = static_cast<std::size_t>(rank_of[k]);
    const double x = x_of[r];
    const double y = y_of[r];
    const std::size_t before = r > 0 ? front.predecessor(r - 1) : none;
    if (before == none || y_of[before] > y) {
      double height = before != none ? y_of[before] : reference_y;
      double start = x;
      std::size_t next = front.successor(r + 1);
      while (next != none && y_of[next] >= y) {
        area += (hv_widen(x_of[next]) - start) * (hv_widen(height) - y);
        start = x_of[next];
        height = y_of[next];
        front.erase(next);
        next = front.successor(next + 1);
      }
      const double end = next != none ? x_of[next] : reference_x;
      area += (hv_widen(end) - start) * (hv_widen(height) - y);
      front.insert(r);
    }
    const double next_z = k + 1 < n ? points[k + 1].z : reference_z;
    volume += area * (hv_widen(next_z) - points[k].z);
  }
  return volume;
}

/// The 3-D sweep: from hv_ranked_sweep_points points on, hv_sweep_3d_ranked after a radix sort
/// by z, below that hv_sweep_3d_sorted (std::map) after std::sort. The bit tree wins from about
/// 300 points on (points on a sphere, -O3: 0.14 against 0.27 ms at n = 1,000, 0.068 against
/// 0.078 ms at 400, about even at 200 to 300).
inline constexpr std::size_t hv_ranked_sweep_points = 384;
[[nodiscard]] inline hv_wide hv_sweep_3d(std::vector<hv_point3>& points, double reference_x,
                                        double reference_y, double reference_z) {
  if (points.size() >= hv_ranked_sweep_points && points.size() <= static_cast<std::size_t>(INT_MAX)) {
    hv_radix_sort(points, [](const hv_point3& p) { return p.z; });
    return hv_sweep_3d_ranked(points, reference_x, reference_y, reference_z);
  }
  std::sort(points.begin(), points.end(),
            [](const hv_point3& a, const hv_point3& b) { return a.z < b.z; });
  return hv_sweep_3d_sorted(points, reference_x, reference_y, reference_z);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_SWEEP_HPP
