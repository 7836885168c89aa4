#ifndef TRADEOFF_DETAIL_NDSET_SAMPLING_HPP
#define TRADEOFF_DETAIL_NDSET_SAMPLING_HPP

/// @file
/// @brief Internals of tradeoff::generate_ndset: uniform and normal variates from the
/// library's generator (detail::random_stream, xoshiro256** seeded by SplitMix64, stream 0 of
/// the seed, as docs/bootstrap.md states), and the points of each shape.
///
/// - uniform in (0, 1): ((x >> 11) + 0.5) / 2^53 for a 64-bit output x (never 0 or 1);
/// - standard normal: Box-Muller, sqrt(-2 ln u1) cos(2 pi u2) from two uniforms (one normal
///   per pair, so the sequence does not depend on caching);
/// - a point uniform on the simplex {x > 0, sum x = 1}: d values -ln u normalised by their sum
///   (the normalised exponentials are uniform on the simplex);
/// - a point uniform on the positive part of the unit sphere: d values |normal| normalised by
///   their Euclidean norm.

#include <tradeoff/detail/random_stream.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

namespace tradeoff::detail {

/// A uniform variate in (0, 1) from the top 53 bits of one output.
[[nodiscard]] inline double ndset_uniform(random_stream& random) noexcept {
  return (static_cast<double>(random.next64() >> 11U) + 0.5) * 0x1.0p-53;
}

/// A standard normal variate (Box-Muller, two uniforms).
[[nodiscard]] inline double ndset_normal(random_stream& random) {
  const double radius = std::sqrt(-2.0 * std::log(ndset_uniform(random)));
  const double angle = 6.283185307179586 * ndset_uniform(random);
  return radius * std::cos(angle);
}

/// Fills `point` (size d) with a uniform point of the simplex (sum 1).
inline void ndset_simplex_point(random_stream& random, std::vector<double>& point) {
  double sum = 0.0;
  for (double& v : point) {
    v = -std::log(ndset_uniform(random));
    sum += v;
  }
  for (double& v : point) {
    v /= sum;
  }
}

/// Fills `point` (size d) with a uniform point of the positive orthant of the unit sphere.
inline void ndset_sphere_point(random_stream& random, std::vector<double>& point) {
  double sum = 0.0;
  for (double& v : point) {
    v = std::abs(ndset_normal(random));
    sum += v * v;
  }
  const double norm = std::sqrt(sum);
  for (double& v : point) {
    v /= norm;
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_NDSET_SAMPLING_HPP
