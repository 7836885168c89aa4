#ifndef TRADEOFF_NDSET_HPP
#define TRADEOFF_NDSET_HPP

/// @file
/// @brief Random sets of mutually non-dominated points on standard front shapes, for tests
/// and benchmarks, as moocore's `generate_ndset`.

#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/ndset_sampling.hpp>
#include <tradeoff/detail/random_stream.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief The shape of a generated front (moocore's method names in parentheses). Every
/// shape lies in (0, 1)^d and is a front when every objective is minimised.
enum class ndset_shape {
  linear,          ///< uniform on the simplex, sum x = 1 ("simplex", "linear")
  concave_sphere,  ///< uniform on the positive unit sphere, sum x^2 = 1 ("concave-sphere")
  convex_sphere,   ///< 1 - (a point of concave_sphere) ("convex-sphere")
  convex_simplex   ///< (a point of linear)^2, so sum sqrt(x) = 1 ("convex-simplex")
};

/// @brief n random points of dimension d on `shape`, mutually non-dominated (for minimisation),
/// the same for the same seed.
///
/// @param n     number of points (rows), >= 0.
/// @param d     number of objectives (columns), >= 1 (d = 1 gives 1 point's worth of
///              shape: every row is 1 for linear and concave_sphere, 0 for convex_sphere).
/// @param shape the shape.
/// @param seed  seed of the library's generator (stream 0 of detail::random_stream,
///              xoshiro256** seeded by SplitMix64, as docs/bootstrap.md states); rows are drawn in
///              order, so the first k rows of n > k points are the k points of n = k.
/// @return n x d Eigen::ArrayXXd. With probability 1 no two rows are equal; on each shape no
///         row dominates another except by rounding in the last bit.
/// @throws std::invalid_argument (message starting `tradeoff::generate_ndset: `) if n < 0 or
///         d < 1 (E218), or `shape` is not an ndset_shape (E219).
///
/// Determinism: the integer stream is identical on every platform; the uniforms are exact
/// functions of it; the logarithm, cosine and square root come from the C++ library, so
/// values may differ in the last bit between standard libraries. moocore's own generator
/// differs, so the points are not moocore's for the same seed (the distributions are the same).
///
/// Complexity O(n d).
[[nodiscard]] inline Eigen::ArrayXXd generate_ndset(Eigen::Index n, Eigen::Index d,
                                                    ndset_shape shape, std::uint64_t seed = 0) {
  constexpr const char* function_name = "tradeoff::generate_ndset";
  if (n < 0 || d < 1) {
    throw std::invalid_argument(detail::error_prefix(function_name) + "n = " + std::to_string(n) +
                                " and d = " + std::to_string(d) +
                                " must be n >= 0 points of d >= 1 objectives");
  }
  detail::check_enum(shape, ndset_shape::convex_simplex, function_name, "shape", "ndset_shape",
                     "ndset_shape::linear, concave_sphere, convex_sphere or convex_simplex");
  detail::random_stream random(seed, 0);
  std::vector<double> point(static_cast<std::size_t>(d));
  Eigen::ArrayXXd result(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (shape == ndset_shape::linear || shape == ndset_shape::convex_simplex) {
      detail::ndset_simplex_point(random, point);
    } else {
      detail::ndset_sphere_point(random, point);
    }
    for (Eigen::Index j = 0; j < d; ++j) {
      const double v = point[static_cast<std::size_t>(j)];
      result(i, j) = shape == ndset_shape::convex_sphere    ? 1.0 - v
                     : shape == ndset_shape::convex_simplex ? v * v
                                                            : v;
    }
  }
  return result;
}

}  // namespace tradeoff

#endif  // TRADEOFF_NDSET_HPP
