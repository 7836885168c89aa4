#ifndef TRADEOFF_ATTAINMENT_HPP
#define TRADEOFF_ATTAINMENT_HPP

/// @file
/// @brief The empirical attainment function (EAF) of a set of 2-D fronts, one per run or seed:
/// its k-attainment surfaces for k = 1 .. m, exactly as moocore's `eaf` defines them
/// (López-Ibáñez, Paquete & Stützle 2010; Fonseca, Guerreiro, López-Ibáñez & Paquete 2011).
///
/// A goal z is attained by a set A iff some point of A is at least as good as z in both
/// objectives (weak dominance, in each objective's direction). The EAF at z is the fraction of
/// the m sets that attain z; the k-attainment surface is the set of minimal goals attained by
/// at least k sets (k = 1: the front of all points together; k = m: what every run reached;
/// the median surface is level ceil(m / 2), moocore's 50th percentile). Each surface is a list
/// of mutually non-dominated vertices ordered by the first objective, best first — the points
/// moocore prints for that percentile, and what tradeoff::staircase turns into a step path.
///
/// NaN policy: a row with NaN in x or y is skipped (it attains nothing); rows the grouping
/// dropped (code −1) likewise. Every group of the grouping is one set and counts in m, even if
/// all its rows are skipped (so a run that produced nothing lowers the EAF, as it should).
/// Ties and duplicates need no policy: equal points attain the same goals, and each surface
/// lists each vertex once. ±inf are ordinary values; −0.0 is returned as +0.0.

#include <tradeoff/detail/attainment_sweep.hpp>
#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/grouping_rows.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/vector_shape.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/sense.hpp>
#include <tradeoff/staircase.hpp>

#include <Eigen/Core>

#include <climits>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief The k-attainment surfaces of m sets, k = 1 .. m, in one table (moocore's layout).
///
/// Row r is the vertex (x(r), y(r)) of the surface of level(r); surface k occupies rows
/// start(k − 1) .. start(k) − 1, ordered by x best first. percentile(r) is moocore's last
/// column, level(r) · (100 / m).
struct attainment_surfaces {
  Eigen::ArrayXd x;           ///< first objective of each vertex (the caller's values)
  Eigen::ArrayXd y;           ///< second objective of each vertex
  Eigen::ArrayXi level;       ///< k: the number of sets attaining the vertex's goal at least
  Eigen::ArrayXd percentile;  ///< level · (100 / sets), as moocore computes it
  Eigen::ArrayXi start;       ///< sets + 1 offsets: surface k is rows [start(k − 1), start(k))
  int sets = 0;               ///< m: the number of groups of the grouping
};

/// @brief moocore's attainment level of a percentile: ceil(p · m / 100), at least 1, at most m.
/// @param percentile In [0, 100]; 0 gives level 1 (the best surface), 50 the median, 100 level m.
/// @param sets m >= 1.
/// @throws std::domain_error if percentile is outside [0, 100] or NaN; std::invalid_argument
///   if sets < 1.
[[nodiscard]] inline int attainment_level(double percentile, int sets) {
  if (!(percentile >= 0.0 && percentile <= 100.0)) {
    throw std::domain_error(detail::error_prefix("attainment_level") + "percentile = " + detail::number_text(percentile) +
                            " is outside [0, 100]");
  }
  if (sets < 1) {
    throw std::invalid_argument(detail::error_prefix("attainment_level") + "sets = " + std::to_string(sets) + " must be positive");
  }
  const double scaled = static_cast<double>(sets) * percentile / 100.0;
  const double level = std::ceil(scaled);
  if (level < 1.0) {
    return 1;
  }
  return level > static_cast<double>(sets) ? sets : static_cast<int>(level);
}

/// @brief The level of the median attainment surface, ceil(m / 2) (moocore's 50th percentile).
/// @throws std::invalid_argument if sets < 1.
[[nodiscard]] inline int median_attainment_level(int sets) { return attainment_level(50.0, sets); }

/// @brief The empirical attainment function of the 2-D fronts of m runs: every k-attainment
/// surface, k = 1 .. m.
///
/// Equals moocore's `eaf(cbind(x, y), sets)` (all percentiles) row for row, with maximised
/// objectives handled as moocore's `maximise` does.
/// @param runs A grouping of the rows by run (e.g. group_by of the seed column); each group is one set.
/// @param x, y The two objectives, one entry per row (any 1-D Eigen expressions of float or double).
/// @param sense_x, sense_y Each objective's direction (default minimize).
/// @return attainment_surfaces with sets = runs.groups(); no vertices if every row is skipped.
/// @throws std::invalid_argument if x or y is not 1-D, their lengths differ from runs.rows(),
///   the grouping is malformed, a sense is not a tradeoff::sense, or the grouping has more than
///   INT_MAX rows.
/// @note O(n log n + n m) time for n rows and m sets, O(n + m^2) extra memory in the worst case
///   (the output has at most n vertices per level).
template <typename Keys, typename DerivedX, typename DerivedY>
[[nodiscard]] attainment_surfaces empirical_attainment(const grouping<Keys>& runs, const Eigen::DenseBase<DerivedX>& x,
                                                       const Eigen::DenseBase<DerivedY>& y,
                                                       sense sense_x = sense::minimize,
                                                       sense sense_y = sense::minimize) {
  constexpr const char* function = "empirical_attainment";
  detail::check_vector(x, "tradeoff::empirical_attainment", "x", "one-dimensional");
  detail::check_vector(y, "tradeoff::empirical_attainment", "y", "one-dimensional");
  detail::check_grouping_rows(runs, x.size(), function, "x");
  detail::check_grouping_rows(runs, y.size(), function, "y");
  detail::check_fits_int(runs.rows(), "tradeoff::empirical_attainment", "runs");
  const double sign_x = detail::checked_sense_sign(sense_x, "tradeoff::empirical_attainment", "sense_x");
  const double sign_y = detail::checked_sense_sign(sense_y, "tradeoff::empirical_attainment", "sense_y");
  const auto sets = static_cast<int>(runs.groups());
  std::vector<detail::attainment_point> points;
  points.reserve(static_cast<std::size_t>(runs.rows()));
  for (Eigen::Index i = 0; i < runs.rows(); ++i) {
    const int set = detail::group_of_row(runs, i);
    const double a = detail::to_minimize(detail::vector_coefficient(x, i), sign_x);
    const double b = detail::to_minimize(detail::vector_coefficient(y, i), sign_y);
    if (set >= 0 && !std::isnan(a) && !std::isnan(b)) {
      points.push_back({a, b, set});
    }
  }
  const detail::attainment_sweep_result sweep = detail::attainment_sweep(std::move(points), sets);
  attainment_surfaces result;
  result.sets = sets;
  const auto vertices = static_cast<Eigen::Index>(sweep.x.size());
  result.x.resize(vertices);
  result.y.resize(vertices);
  result.level.resize(vertices);
  result.percentile.resize(vertices);
  result.start.resize(sets + 1);
  const double step = sets > 0 ? 100.0 / static_cast<double>(sets) : 0.0;
  for (int k = 0; k <= sets; ++k) {
    result.start(k) = static_cast<int>(sweep.start[static_cast<std::size_t>(k)]);
  }
  for (int k = 1; k <= sets; ++k) {
    for (Eigen::Index r = result.start(k - 1); r < result.start(k); ++r) {
      const auto at = static_cast<std::size_t>(r);
      result.x(r) = sign_x * sweep.x[at] + 0.0;
      result.y(r) = sign_y * sweep.y[at] + 0.0;
      result.level(r) = k;
      result.percentile(r) = static_cast<double>(k) * step;
    }
  }
  return result;
}

/// @brief The step path of one attainment surface, ready for a line plot: its vertices joined
/// by the corners that take the worse x and the worse y of each neighbouring pair (the
/// boundary of the goals attained `level` times), as tradeoff::staircase draws a front.
/// @param surfaces The result of empirical_attainment.
/// @param level k in [1, surfaces.sets]; median_attainment_level(surfaces.sets) for the median.
/// @return staircase_path with 2h − 1 vertices for a surface of h vertices (none if h = 0).
///   The path starts and ends at the outermost vertices; extend it to the plot's edges if wanted.
/// @throws std::invalid_argument if level is outside [1, sets].
[[nodiscard]] inline staircase_path attainment_step_path(const attainment_surfaces& surfaces, int level) {
  if (level < 1 || level > surfaces.sets) {
    throw std::invalid_argument(detail::error_prefix("attainment_step_path") + "level = " + std::to_string(level) +
                                " is outside [1, " + std::to_string(surfaces.sets) + "]");
  }
  const Eigen::Index first = surfaces.start(level - 1);
  const Eigen::Index count = surfaces.start(level) - first;
  const Eigen::ArrayXd x = surfaces.x.segment(first, count);
  const Eigen::ArrayXd y = surfaces.y.segment(first, count);
  const Eigen::ArrayXi order = Eigen::ArrayXi::LinSpaced(count, 0, static_cast<int>(count) - 1);
  return staircase(x, y, order);
}

}  // namespace tradeoff

#endif  // TRADEOFF_ATTAINMENT_HPP
