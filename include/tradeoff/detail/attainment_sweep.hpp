#ifndef TRADEOFF_DETAIL_ATTAINMENT_SWEEP_HPP
#define TRADEOFF_DETAIL_ATTAINMENT_SWEEP_HPP

/// @file
/// @brief The 2-D empirical attainment function by one sweep (the idea of Fonseca, Guerreiro,
/// López-Ibáñez & Paquete, EMO 2011, §3; own implementation). Internal.
///
/// In minimise space a goal (x, y) is attained by set s iff some point of s is <= it in both
/// objectives. Sweep the points by x; after all points with x <= t are seen, let best(s) be the
/// smallest y of set s so far. The goal (t, y) is attained by at least k sets iff y >= the k-th
/// smallest best(s) — call it u_k(t), defined once k sets have a point. u_k is a non-increasing
/// step function of t, and the minimal goals attained k times (the k-attainment surface) are the
/// points (t, u_k(t)) where u_k first becomes defined or strictly drops. The bests are kept in a
/// sorted array, so each point costs O(m) and each distinct x O(m): O(n log n + n m) in all.

#include <Eigen/Core>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <numeric>
#include <vector>

namespace tradeoff::detail {

/// One point in minimise space and its set (0 .. sets - 1).
struct attainment_point {
  double x;
  double y;
  int set;
};

/// Surfaces of levels 1 .. sets in minimise space: level k's vertices are
/// x[start[k-1] .. start[k]) (and y likewise), ordered by increasing x (so decreasing y).
struct attainment_sweep_result {
  std::vector<double> x;
  std::vector<double> y;
  std::vector<Eigen::Index> start;  // sets + 1 offsets
};

/// The k-attainment surfaces of `points` (no NaN) for k = 1 .. sets.
[[nodiscard]] inline attainment_sweep_result attainment_sweep(std::vector<attainment_point> points, int sets) {
  std::sort(points.begin(), points.end(),
            [](const attainment_point& a, const attainment_point& b) { return a.x < b.x; });
  const auto m = static_cast<std::size_t>(sets);
  constexpr double infinity = std::numeric_limits<double>::infinity();
  std::vector<double> best(m, infinity);
  std::vector<char> started(m, 0);
  std::vector<double> sorted;  // best(s) of the sets seen so far, ascending
  sorted.reserve(m);
  std::vector<std::vector<double>> level_x(m);
  std::vector<std::vector<double>> level_y(m);
  std::vector<double> last(m, infinity);  // u_k at the previous distinct x (valid for k <= defined)
  std::size_t defined = 0;                // levels defined before this x
  std::size_t i = 0;
  while (i < points.size()) {
    const double t = points[i].x;
    for (; i < points.size() && !(t < points[i].x); ++i) {  // every point with x equal to t
      const auto s = static_cast<std::size_t>(points[i].set);
      const double y = points[i].y;
      if (started[s] != 0 && !(y < best[s])) {
        continue;
      }
      if (started[s] != 0) {  // remove the old best of s (any equal copy will do)
        sorted.erase(std::lower_bound(sorted.begin(), sorted.end(), best[s]));
      }
      started[s] = 1;
      best[s] = y;
      sorted.insert(std::upper_bound(sorted.begin(), sorted.end(), y), y);
    }
    for (std::size_t k = 0; k < sorted.size(); ++k) {
      const double u = sorted[k];
      if (k >= defined || u < last[k]) {
        level_x[k].push_back(t);
        level_y[k].push_back(u);
        last[k] = u;
      }
    }
    defined = sorted.size();
  }
  attainment_sweep_result result;
  result.start.assign(m + 1, 0);
  for (std::size_t k = 0; k < m; ++k) {
    result.start[k + 1] = result.start[k] + static_cast<Eigen::Index>(level_x[k].size());
  }
  result.x.reserve(static_cast<std::size_t>(result.start[m]));
  result.y.reserve(static_cast<std::size_t>(result.start[m]));
  for (std::size_t k = 0; k < m; ++k) {
    result.x.insert(result.x.end(), level_x[k].begin(), level_x[k].end());
    result.y.insert(result.y.end(), level_y[k].begin(), level_y[k].end());
  }
  return result;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_ATTAINMENT_SWEEP_HPP
