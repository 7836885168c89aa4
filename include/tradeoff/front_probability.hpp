#ifndef TRADEOFF_FRONT_PROBABILITY_HPP
#define TRADEOFF_FRONT_PROBABILITY_HPP

/// @file
/// @brief Pareto fronts under noise: the probability that each configuration is on the front,
/// (a) by bootstrap when a configuration has repeated runs, (b) by Monte Carlo when each run
/// has one measurement and a stated noise scale per objective. Deterministic for a seed.
///
/// (a) front_probability: the runs of each configuration (a group of a grouping) are resampled
/// with replacement, as whole rows (a run's objectives stay together); the configuration's
/// point is the statistic (median by default, or mean, …) of its resampled runs per objective;
/// the front of those points is computed by pareto_front; the probability is the fraction of
/// resamples whose front holds the configuration. Configuration g draws from stream g of the
/// seed (bootstrap.hpp's generator and stream layout, docs/bootstrap.md): resample b is the
/// next n_g indices of that stream, so adding runs to one configuration never changes another's
/// resamples.
///
/// (b) front_probability_noise: draw b perturbs row i's objective j to v(i, j) + σ_j z with z
/// standard normal, then takes the front. Row i draws from stream i of the seed: per draw, one
/// 64-bit output per objective in column order, turned into u = (top 53 bits + ½) / 2^53 and
/// z = Φ⁻¹(u) (AS 241). The uniforms are integer-exact on every platform; z goes through
/// std::log and std::sqrt, so results agree bit for bit wherever the C library's log does.
///
/// NaN policy: a run (row) with NaN in any objective is skipped, as are rows the grouping
/// dropped; a configuration without valid runs (a row with NaN, in (b)) is on no front and
/// gets probability NaN. Ties: duplicates do not dominate each other (pareto_front's
/// definition), so configurations tied on the front are all on it.

#include <tradeoff/bootstrap.hpp>
#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/float_exact.hpp>
#include <tradeoff/detail/front_membership.hpp>
#include <tradeoff/detail/front_probability_steps.hpp>
#include <tradeoff/detail/grouping_rows.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/random_stream.hpp>
#include <tradeoff/detail/resample_statistic.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief Options of front_probability and front_probability_noise.
struct front_probability_options {
  Eigen::Index resamples = 1000;  ///< bootstrap resamples or Monte Carlo draws (> 0)
  std::uint64_t seed = 0;         ///< generator seed; see the file comment for the streams
};

/// @brief Per configuration (group, or row for the noise model): how likely it is on the front.
struct front_probability_result {
  Eigen::ArrayXd probability;  ///< fraction of resamples (draws) whose front holds it; NaN if it has no valid run
  Eigen::ArrayXXd estimate;    ///< configurations × objectives: the statistic of its valid runs (measured rows in (b))
  Eigen::ArrayXi front;        ///< indices of the configurations on the front of `estimate` (pareto_front's order)
  Eigen::ArrayXi count;        ///< valid runs (rows without NaN) per configuration; 0 or 1 in (b)
};

/// @brief Probability that each configuration is on the Pareto front, by bootstrap of its runs.
///
/// @param configurations A grouping of the rows (runs) by configuration, e.g. group_by of a key column.
/// @param points Rows = runs, columns = objectives (an n × d Eigen array or matrix expression, d >= 1).
/// @param senses One tradeoff::sense per column, or empty for all-minimize.
/// @param s The per-configuration statistic of each objective: statistic::median() (default),
///   statistic::mean(), or any other tradeoff::statistic (numpy's arithmetic, as bootstrap_interval).
/// @param options resamples (1000) and seed (0).
/// @return probability, estimate (statistic of the valid runs), front of the estimates, count,
///   aligned with the grouping's groups. A configuration with one run has a fixed point; with
///   none, probability NaN and a NaN estimate row.
/// @throws std::invalid_argument if points has a different number of rows than the grouping,
///   the grouping is malformed, senses has the wrong size or holds a value that is not a
///   tradeoff::sense, resamples <= 0, points has no columns, or statistic.ddof < 0;
///   std::domain_error if a quantile statistic's level is outside [0, 1].
/// @note O(B (n d + F)) time for B resamples, n runs, d objectives and F the cost of one front of
///   the configurations (pareto_front: O(G) to O(G log G) for G configurations); O(n d + G d) memory.
template <typename Keys, typename DerivedPoints>
[[nodiscard]] front_probability_result front_probability(const grouping<Keys>& configurations,
                                                         const Eigen::DenseBase<DerivedPoints>& points,
                                                         const std::vector<sense>& senses = {},
                                                         const statistic& s = statistic::median(),
                                                         const front_probability_options& options = {}) {
  constexpr const char* function = "front_probability";
  detail::check_grouping_rows(configurations, points.rows(), function, "points");
  detail::check_draws(options.resamples, function);
  detail::check_statistic(s, function);
  const Eigen::Index d = points.cols();
  if (d < 1) {
    throw std::invalid_argument(detail::error_prefix("front_probability") + "points has no columns (need at least one objective)");
  }
  static_cast<void>(detail::sense_signs(senses, d, "tradeoff::front_probability"));
  const Eigen::Index groups = configurations.groups();
  const auto& values = points.derived().eval();
  // runs[c][j]: objective j of configuration c's valid runs, in row order
  std::vector<std::vector<std::vector<double>>> runs(static_cast<std::size_t>(groups),
                                                     std::vector<std::vector<double>>(static_cast<std::size_t>(d)));
  for (Eigen::Index i = 0; i < points.rows(); ++i) {
    const int c = detail::group_of_row(configurations, i);
    bool valid = c >= 0;
    for (Eigen::Index j = 0; valid && j < d; ++j) {
      valid = !std::isnan(static_cast<double>(values(i, j)));
    }
    if (!valid) {
      continue;
    }
    for (Eigen::Index j = 0; j < d; ++j) {
      runs[static_cast<std::size_t>(c)][static_cast<std::size_t>(j)].push_back(static_cast<double>(values(i, j)));
    }
  }
  const double nan = std::numeric_limits<double>::quiet_NaN();
  front_probability_result result{Eigen::ArrayXd::Zero(groups), Eigen::ArrayXXd::Constant(groups, d, nan),
                                  Eigen::ArrayXi(), Eigen::ArrayXi::Zero(groups)};
  std::vector<std::vector<detail::resample_statistic>> statistics(static_cast<std::size_t>(groups));
  std::vector<detail::random_stream> streams;
  streams.reserve(static_cast<std::size_t>(groups));
  for (Eigen::Index c = 0; c < groups; ++c) {
    streams.emplace_back(options.seed, static_cast<std::uint64_t>(c));
    const auto& columns = runs[static_cast<std::size_t>(c)];
    const std::size_t n = columns[0].size();
    result.count(c) = static_cast<int>(n);
    if (n == 0) {
      continue;
    }
    auto& of_group = statistics[static_cast<std::size_t>(c)];
    of_group.reserve(static_cast<std::size_t>(d));
    for (Eigen::Index j = 0; j < d; ++j) {
      of_group.emplace_back(columns[static_cast<std::size_t>(j)].data(), n, s);
      result.estimate(c, j) = of_group.back().of_sample();
    }
  }
  std::vector<std::uint32_t> index;
  result.probability = detail::front_frequency(groups, d, senses, options.resamples,
                                               [&](Eigen::Index, Eigen::ArrayXXd& table) {
    for (Eigen::Index c = 0; c < groups; ++c) {
      auto& of_group = statistics[static_cast<std::size_t>(c)];
      if (of_group.empty()) {
        table.row(c).setConstant(nan);
        continue;
      }
      const std::size_t n = of_group[0].size();
      index.resize(n);
      streams[static_cast<std::size_t>(c)].fill_below(static_cast<std::uint32_t>(n), index.data(), n);
      for (Eigen::Index j = 0; j < d; ++j) {
        table(c, j) = of_group[static_cast<std::size_t>(j)].of_resample(index.data());
      }
    }
  });
  detail::finish_front_probability(result, senses);
  return result;
}

/// @brief Probability that each row is on the Pareto front when each objective carries normal
/// measurement noise of a stated scale (Monte Carlo).
///
/// Noise model: the measured value v(i, j) is the true value plus independent N(0, σ_j²) noise,
/// so each draw takes v(i, j) + σ_j z(i, j, b) with z standard normal (the file comment gives the
/// exact stream); the probability is the fraction of draws whose front holds row i.
/// @param points Rows = runs (one measurement each), columns = objectives (n × d, d >= 1).
/// @param noise_scale σ_j per objective (d entries, finite, >= 0; 0 means exact).
/// @param senses One tradeoff::sense per column, or empty for all-minimize.
/// @param options resamples = number of draws (1000), seed (0).
/// @return probability per row (NaN for a row with NaN), estimate = the measured rows, the
///   front of the measured rows, count (1, or 0 for a row with NaN).
/// @throws std::invalid_argument if noise_scale is not a vector of d entries, senses has the
///   wrong size or holds a value that is not a tradeoff::sense, resamples <= 0, or points has
///   no columns; std::domain_error if a noise scale is negative, infinite or NaN.
/// @note O(B (n d + F)) time for B draws and F the cost of one front of n rows; O(n d) memory.
template <typename DerivedPoints, typename DerivedScale>
[[nodiscard]] front_probability_result front_probability_noise(const Eigen::DenseBase<DerivedPoints>& points,
                                                               const Eigen::DenseBase<DerivedScale>& noise_scale,
                                                               const std::vector<sense>& senses = {},
                                                               const front_probability_options& options = {}) {
  constexpr const char* function = "front_probability_noise";
  detail::check_draws(options.resamples, function);
  const Eigen::Index d = points.cols();
  if (d < 1) {
    throw std::invalid_argument(
        detail::error_prefix("front_probability_noise") + "points has no columns (need at least one objective)");
  }
  static_cast<void>(detail::sense_signs(senses, d, "tradeoff::front_probability_noise"));
  if ((noise_scale.rows() != 1 && noise_scale.cols() != 1) || noise_scale.size() != d) {
    throw std::invalid_argument(detail::error_prefix("front_probability_noise") + "noise_scale has " +
                                std::to_string(noise_scale.rows()) + " x " + std::to_string(noise_scale.cols()) +
                                " entries but points has " + std::to_string(d) +
                                " columns (give one scale per objective)");
  }
  const auto& scale_values = noise_scale.derived().eval();
  std::vector<double> scale(static_cast<std::size_t>(d));
  for (Eigen::Index j = 0; j < d; ++j) {
    const auto sigma = static_cast<double>(scale_values(j));
    if (!(sigma >= 0.0) || std::isinf(sigma)) {
      throw std::domain_error(detail::error_prefix("front_probability_noise") + "noise_scale(" + std::to_string(j) +
                              ") = " + detail::number_text(sigma) + " must be finite and non-negative");
    }
    scale[static_cast<std::size_t>(j)] = sigma;
  }
  const Eigen::Index n = points.rows();
  detail::check_fits_int(n, "tradeoff::front_probability_noise");
  const Eigen::ArrayXXd measured = detail::as_array(points.derived()).template cast<double>();
  front_probability_result result{Eigen::ArrayXd::Zero(n), measured, Eigen::ArrayXi(), Eigen::ArrayXi::Zero(n)};
  std::vector<detail::random_stream> streams;
  streams.reserve(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    streams.emplace_back(options.seed, static_cast<std::uint64_t>(i));
    result.count(i) = measured.row(i).isNaN().any() ? 0 : 1;
  }
  result.probability = detail::front_frequency(n, d, senses, options.resamples,
                                               [&](Eigen::Index, Eigen::ArrayXXd& table) {
    for (Eigen::Index i = 0; i < n; ++i) {
      detail::random_stream& stream = streams[static_cast<std::size_t>(i)];
      for (Eigen::Index j = 0; j < d; ++j) {
        // v + σ z with the product rounded first (no FMA contraction): the same bits on every build
        const double z = detail::standard_normal(stream);
        table(i, j) = detail::add_product(measured(i, j), scale[static_cast<std::size_t>(j)], z);
      }
    }
  });
  detail::finish_front_probability(result, senses);
  return result;
}

}  // namespace tradeoff

#endif  // TRADEOFF_FRONT_PROBABILITY_HPP
