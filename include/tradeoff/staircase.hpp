#ifndef TRADEOFF_STAIRCASE_HPP
#define TRADEOFF_STAIRCASE_HPP

/// @file
/// @brief Plotting geometry of a 2-D Pareto front: the step path through it (staircase) and
/// the points on its convex "efficient frontier" (lower_hull).

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/orientation.hpp>
#include <tradeoff/detail/staircase_front.hpp>
#include <tradeoff/detail/vector_shape.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace tradeoff {

/// @brief Vertices of a step path, ready for a line plot: point k is (x[k], y[k]).
struct staircase_path {
  Eigen::ArrayXd x;  ///< horizontal coordinates of the vertices, in path order
  Eigen::ArrayXd y;  ///< vertical coordinates of the vertices, in path order
};

/// @brief The step path through a 2-D Pareto front, as the origin script draws it: from the
/// first front point go horizontally to the next point's x, then vertically to its y.
///
/// With front = (f_0, …, f_{h-1}) the path is (x[f_0], y[f_0]), then for k = 1 … h-1 the
/// corner (x[f_k], y[f_{k-1}]) followed by (x[f_k], y[f_k]): 2h - 1 vertices (none for an
/// empty front, one for a single point). Equal consecutive points give repeated vertices.
///
/// Senses: the path follows `front` in the given order and never reorders it. In the order
/// pareto_front returns (x from best to worst in x's own direction, so y from worst to best)
/// every corner takes the worse x and the worse y of its two neighbours, so the path is the
/// boundary of the region the front dominates (its attainment surface) for every combination
/// of senses — e.g. for minimise/minimise it goes right, then down; for maximise/maximise it
/// goes left, then up. Reversing `front` gives the path through the opposite corners.
///
/// @param x     first objective, any 1-D Eigen expression of float or double.
/// @param y     second objective, same length as x.
/// @param front indices into x and y (an integer 1-D Eigen expression), typically
///              `pareto_front(x, y, sense_x, sense_y)`.
/// @return staircase_path with 2h - 1 vertices (0 if front is empty).
/// @throws std::invalid_argument (message starting `tradeoff::staircase: `) if x or y is not
///         1-D, their sizes differ, an index is outside [0, n), or a front row has NaN in
///         x or y (such a row is on no front). ±inf are copied as they are.
///
/// Complexity: O(h) time and memory for h = front.size(); the inputs are never modified.
template <typename DerivedX, typename DerivedY, typename DerivedFront>
[[nodiscard]] staircase_path staircase(const Eigen::DenseBase<DerivedX>& x,
                                       const Eigen::DenseBase<DerivedY>& y,
                                       const Eigen::DenseBase<DerivedFront>& front) {
  const std::vector<Eigen::Index> rows = detail::checked_front(x, y, front, "tradeoff::staircase");
  const auto h = static_cast<Eigen::Index>(rows.size());
  staircase_path path;
  const Eigen::Index vertices = h == 0 ? 0 : 2 * h - 1;
  path.x.resize(vertices);
  path.y.resize(vertices);
  for (Eigen::Index k = 0; k < h; ++k) {
    const Eigen::Index i = rows[static_cast<std::size_t>(k)];
    const double xi = detail::vector_coefficient(x, i);
    const double yi = detail::vector_coefficient(y, i);
    if (k > 0) {
      path.x(2 * k - 1) = xi;
      path.y(2 * k - 1) = path.y(2 * k - 2);
    }
    path.x(2 * k) = xi;
    path.y(2 * k) = yi;
  }
  return path;
}

/// @brief Indices of the front points on its convex "efficient frontier": the vertices of
/// the lower-left convex hull (in the objectives' own directions) of the given points.
///
/// In minimise space (maximised objectives negated) the points are sorted by x, then y,
/// and Andrew's monotone chain builds the lower convex hull; the result is the part of it
/// from the leftmost point (lowest y among ties) to the first point of minimum y. These
/// are exactly the points that minimise some weighting w_x·x + w_y·y with w_x, w_y > 0
/// (the "supported" Pareto points), so each segment between consecutive results is a
/// trade-off that no mix of other points beats.
///
/// Collinear and duplicate policy: only hull vertices are returned — a point lying exactly
/// on a segment between two others (collinear) is not, and of equal points only the first
/// in `front` order is. The orientation test is exact for all finite coordinates (a
/// floating-point filter, then exact integer arithmetic where it cannot decide; see
/// detail/orientation.hpp), so no vertex is lost to rounding or overflow at any magnitude.
///
/// @param x       first objective, any 1-D Eigen expression of float or double.
/// @param y       second objective, same length as x.
/// @param front   indices into x and y (integer 1-D Eigen expression), typically
///                `pareto_front(x, y, sense_x, sense_y)`; any subset works (dominated
///                points are never hull vertices of the lower-left part).
/// @param sense_x direction of x (default sense::minimize).
/// @param sense_y direction of y (default sense::minimize).
/// @return Eigen::ArrayXi of indices (values taken from front) ordered along the frontier,
///         from the best x to the best y. Empty front gives an empty result.
/// @throws std::invalid_argument (message starting `tradeoff::lower_hull: `) for the
///         argument errors of staircase (sizes, index range, NaN rows) and if x has more
///         than INT_MAX rows (indices are returned as int);
///         std::domain_error if a front point has an infinite coordinate (no finite hull).
///
/// Complexity: O(h log h) time, O(h) memory; the inputs are never modified.
template <typename DerivedX, typename DerivedY, typename DerivedFront>
[[nodiscard]] Eigen::ArrayXi lower_hull(const Eigen::DenseBase<DerivedX>& x,
                                        const Eigen::DenseBase<DerivedY>& y,
                                        const Eigen::DenseBase<DerivedFront>& front,
                                        sense sense_x = sense::minimize,
                                        sense sense_y = sense::minimize) {
  constexpr const char* function_name = "tradeoff::lower_hull";
  const std::vector<Eigen::Index> rows = detail::checked_front(x, y, front, function_name);
  detail::check_fits_int(x.size(), function_name, "x");
  const double sign_x = detail::checked_sense_sign(sense_x, function_name, "sense_x");
  const double sign_y = detail::checked_sense_sign(sense_y, function_name, "sense_y");
  struct vertex {
    double x;
    double y;
    Eigen::Index row;
  };
  std::vector<vertex> points;
  points.reserve(rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const double xi = detail::to_minimize(detail::vector_coefficient(x, rows[k]), sign_x);
    const double yi = detail::to_minimize(detail::vector_coefficient(y, rows[k]), sign_y);
    if (std::isinf(xi) || std::isinf(yi)) {
      throw std::domain_error(detail::error_prefix(function_name) + "front[" + std::to_string(k) +
                              "] = " + std::to_string(rows[k]) +
                              " has an infinite coordinate (a convex hull needs finite points)");
    }
    points.push_back({xi, yi, rows[k]});
  }
  // Stable: equal points keep their front order, so the first copy comes first.
  std::stable_sort(points.begin(), points.end(), [](const vertex& a, const vertex& b) {
    return a.x < b.x || (detail::exact_equal(a.x, b.x) && a.y < b.y);
  });
  std::vector<vertex> hull;
  hull.reserve(points.size());
  for (std::size_t k = 0; k < points.size(); ++k) {
    const vertex& p = points[k];
    if (k > 0 && detail::exact_equal(p.x, points[k - 1].x) && detail::exact_equal(p.y, points[k - 1].y)) {
      continue;  // a later copy of the previous point
    }
    // Pop while the last turn is not strictly counter-clockwise (drops collinear points).
    while (hull.size() >= 2) {
      const vertex& o = hull[hull.size() - 2];
      const vertex& a = hull[hull.size() - 1];
      if (detail::orientation_sign(o.x, o.y, a.x, a.y, p.x, p.y) > 0) {
        break;
      }
      hull.pop_back();
    }
    hull.push_back(p);
  }
  // Keep the decreasing part: up to the first vertex of minimum y.
  std::size_t last = 0;
  for (std::size_t k = 1; k < hull.size(); ++k) {
    if (hull[k].y < hull[last].y) {
      last = k;
    }
  }
  Eigen::ArrayXi result(hull.empty() ? 0 : static_cast<Eigen::Index>(last + 1));
  for (Eigen::Index k = 0; k < result.size(); ++k) {
    result(k) = static_cast<int>(hull[static_cast<std::size_t>(k)].row);
  }
  return result;
}

}  // namespace tradeoff

#endif  // TRADEOFF_STAIRCASE_HPP
