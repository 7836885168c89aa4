#ifndef TRADEOFF_INDICATORS_HPP
#define TRADEOFF_INDICATORS_HPP

/// @file
/// @brief Quality indicators of a set of points against a reference set: the additive and
/// multiplicative epsilon indicators, GD, IGD, IGD+ and the averaged Hausdorff distance, with
/// moocore's definitions.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/indicator_sets.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief Additive epsilon indicator (Zitzler, Thiele, Laumanns, Fonseca, Grunert da Fonseca
/// 2003), as moocore's `epsilon_additive`: max over r in R of min over a in A of max over
/// objectives i of (a_i - r_i) for a minimised objective, (r_i - a_i) for a maximised one —
/// the smallest amount every objective of A must improve by for A to weakly dominate R.
/// Lower is better; <= 0 iff A weakly dominates R.
///
/// @param points        n x d Eigen array or matrix of float or double (the set A).
/// @param reference_set m x d (the reference set R; a Pareto front approximation).
/// @param senses        one tradeoff::sense per column, or empty for "minimise every objective".
/// @return the indicator (±inf if values are infinite).
/// @throws std::invalid_argument (message starting `tradeoff::epsilon_additive: `) if d = 0,
///         reference_set has another number of columns (E211), either set has no row
///         without NaN (E212), or `senses` is neither empty nor of size d.
///
/// Rows with NaN in any column are left out of their set. Complexity O(n m d), memory O((n + m) d).
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] double epsilon_additive(const Eigen::DenseBase<DerivedPoints>& points,
                                      const Eigen::DenseBase<DerivedReference>& reference_set,
                                      const std::vector<sense>& senses = {}) {
  const detail::indicator_input input =
      detail::indicator_check(points, reference_set, senses, "tradeoff::epsilon_additive");
  const std::vector<double> nearest = detail::indicator_nearest(
      input.reference, input.points, [](std::size_t, double a, double r) { return a - r; },
      [](double acc, double v) { return std::max(acc, v); },
      -std::numeric_limits<double>::infinity());
  return *std::max_element(nearest.begin(), nearest.end());
}

/// @brief Multiplicative epsilon indicator (Zitzler et al. 2003), as moocore's
/// `epsilon_mult`: max over r in R of min over a in A of max over i of a_i / r_i for a
/// minimised objective, r_i / a_i for a maximised one — the smallest factor by which A must
/// be scaled (down in minimised, up in maximised objectives) to weakly dominate R. Lower is
/// better; <= 1 iff A weakly dominates R.
///
/// @param points, reference_set, senses as for tradeoff::epsilon_additive.
/// @return the indicator.
/// @throws as tradeoff::epsilon_additive (message starting `tradeoff::epsilon_multiplicative: `);
///         std::domain_error (E213) if a value of either set (outside its NaN rows) is not > 0,
///         naming the set, row and column.
///
/// Complexity O(n m d).
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] double epsilon_multiplicative(const Eigen::DenseBase<DerivedPoints>& points,
                                            const Eigen::DenseBase<DerivedReference>& reference_set,
                                            const std::vector<sense>& senses = {}) {
  constexpr const char* function_name = "tradeoff::epsilon_multiplicative";
  const detail::indicator_input input =
      detail::indicator_check(points, reference_set, senses, function_name);
  auto require_positive = [&](const auto& set, const char* argument) {
    const auto& values = set.derived().eval();
    for (Eigen::Index i = 0; i < values.rows(); ++i) {
      if (values.row(i).hasNaN()) {
        continue;
      }
      for (Eigen::Index j = 0; j < values.cols(); ++j) {
        const double v = static_cast<double>(values(i, j));
        if (!(v > 0.0)) {
          throw std::domain_error(detail::error_prefix(function_name) + argument + "(" +
                                  std::to_string(i) + ", " + std::to_string(j) + ") = " +
                                  detail::number_text(v) +
                                  " is not > 0 (the multiplicative epsilon needs positive values)");
        }
      }
    }
  };
  require_positive(points, "points");
  require_positive(reference_set, "reference_set");
  // In minimise space a maximised column holds -v: r / a = (-r) / (-a), exactly.
  const std::vector<double>& signs = input.signs;
  const std::vector<double> nearest = detail::indicator_nearest(
      input.reference, input.points,
      [&signs](std::size_t j, double a, double r) { return signs[j] > 0.0 ? a / r : r / a; },
      [](double acc, double v) { return std::max(acc, v); },
      -std::numeric_limits<double>::infinity());
  return *std::max_element(nearest.begin(), nearest.end());
}

/// @brief Generational distance, as moocore's `gd` (p = 1): the mean over a in A of the
/// Euclidean distance from a to its nearest r in R (Van Veldhuizen and Lamont 1998).
///
/// @param points, reference_set, senses as for tradeoff::epsilon_additive (distances do not
///        depend on the senses; they are accepted for a uniform interface and checked).
/// @throws as tradeoff::epsilon_additive (message starting `tradeoff::gd: `).
///
/// Complexity O(n m d).
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] double gd(const Eigen::DenseBase<DerivedPoints>& points,
                        const Eigen::DenseBase<DerivedReference>& reference_set,
                        const std::vector<sense>& senses = {}) {
  const detail::indicator_input input =
      detail::indicator_check(points, reference_set, senses, "tradeoff::gd");
  return detail::generational_distance(input.points, input.reference, 1.0);
}

/// @brief Inverted generational distance, as moocore's `igd` (p = 1): the mean over r in R of
/// the Euclidean distance from r to its nearest a in A (IGD(A, R) = GD(R, A)).
///
/// @throws as tradeoff::gd (message starting `tradeoff::igd: `). Complexity O(n m d).
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] double igd(const Eigen::DenseBase<DerivedPoints>& points,
                         const Eigen::DenseBase<DerivedReference>& reference_set,
                         const std::vector<sense>& senses = {}) {
  const detail::indicator_input input =
      detail::indicator_check(points, reference_set, senses, "tradeoff::igd");
  return detail::generational_distance(input.reference, input.points, 1.0);
}

/// @brief IGD+ (Ishibuchi, Masuda, Tanigaki, Nojima 2015), as moocore's `igd_plus`: the mean
/// over r in R of min over a in A of d+(r, a) = sqrt(sum_i max(a_i - r_i, 0)^2) in minimise
/// space (only the objectives where a is worse than r count). Weakly Pareto compliant; 0 iff
/// A weakly dominates R.
///
/// @throws as tradeoff::gd (message starting `tradeoff::igd_plus: `).
///
/// Complexity O(n m d): for each reference row one contiguous pass per objective over a block
/// of A's rows (vectorised by the compiler), no sorting.
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] double igd_plus(const Eigen::DenseBase<DerivedPoints>& points,
                              const Eigen::DenseBase<DerivedReference>& reference_set,
                              const std::vector<sense>& senses = {}) {
  const detail::indicator_input input =
      detail::indicator_check(points, reference_set, senses, "tradeoff::igd_plus");
  std::vector<double> nearest = detail::indicator_nearest(
      input.reference, input.points,
      [](std::size_t, double a, double r) {
        const double t = std::max(a - r, 0.0);
        return t * t;
      },
      [](double acc, double v) { return acc + v; }, 0.0);
  for (double& v : nearest) {
    v = std::sqrt(v);
  }
  return detail::indicator_power_mean(nearest, 1.0);
}

/// @brief Averaged Hausdorff distance Delta_p (Schütze, Esquivel, Lara, Coello Coello 2012), as
/// moocore's `avg_hausdorff_dist`: max(GD_p(A, R), IGD_p(A, R)) with GD_p(A, R) = (mean over
/// a in A of (min over r of d(a, r))^p)^(1/p), Euclidean d. moocore's default is p = 1.
///
/// @param p the exponent, finite and > 0 (default 1, moocore's default).
/// @throws as tradeoff::gd (message starting `tradeoff::avg_hausdorff_distance: `), and
///         std::invalid_argument (E214) if p is not finite and > 0.
///
/// Complexity O(n m d).
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] double avg_hausdorff_distance(const Eigen::DenseBase<DerivedPoints>& points,
                                            const Eigen::DenseBase<DerivedReference>& reference_set,
                                            const std::vector<sense>& senses = {}, double p = 1.0) {
  constexpr const char* function_name = "tradeoff::avg_hausdorff_distance";
  detail::check_exponent(p, function_name);
  const detail::indicator_input input =
      detail::indicator_check(points, reference_set, senses, function_name);
  return std::max(detail::generational_distance(input.points, input.reference, p),
                  detail::generational_distance(input.reference, input.points, p));
}

}  // namespace tradeoff

#endif  // TRADEOFF_INDICATORS_HPP
