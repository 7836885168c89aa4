#ifndef TRADEOFF_DETAIL_FRONT_MEMBERSHIP_HPP
#define TRADEOFF_DETAIL_FRONT_MEMBERSHIP_HPP

/// @file
/// @brief How often each row is on the Pareto front of a sequence of perturbed tables
/// (bootstrap resamples or Monte Carlo draws), each front computed by pareto_front. Internal.

#include <tradeoff/detail/normal_distribution.hpp>
#include <tradeoff/detail/random_stream.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <limits>
#include <vector>

namespace tradeoff::detail {

/// For b = 0 .. draws − 1: fill(b, table) writes draw b's rows × d objectives into `table`
/// (NaN rows are on no front); returns, per row, the fraction of draws whose front holds it.
template <typename Fill>
[[nodiscard]] Eigen::ArrayXd front_frequency(Eigen::Index rows, Eigen::Index d, const std::vector<sense>& senses,
                                             Eigen::Index draws, Fill fill) {
  Eigen::ArrayXXd table(rows, d);
  std::vector<std::uint32_t> hits(static_cast<std::size_t>(rows), 0U);
  for (Eigen::Index b = 0; b < draws; ++b) {
    fill(b, table);
    const Eigen::ArrayXi front = pareto_front(table, senses);
    for (Eigen::Index k = 0; k < front.size(); ++k) {
      ++hits[static_cast<std::size_t>(front(k))];
    }
  }
  Eigen::ArrayXd frequency(rows);
  for (Eigen::Index i = 0; i < rows; ++i) {
    frequency(i) = static_cast<double>(hits[static_cast<std::size_t>(i)]) / static_cast<double>(draws);
  }
  return frequency;
}

/// A standard normal deviate from one 64-bit output: u = (top 53 bits + 1/2) / 2^53 in (0, 1),
/// then z = Φ⁻¹(u) by AS 241 (normal_quantile).
[[nodiscard]] inline double standard_normal(random_stream& stream) noexcept {
  constexpr double two_to_minus_53 = 1.0 / 9007199254740992.0;
  const double u = (static_cast<double>(stream.next64() >> 11U) + 0.5) * two_to_minus_53;
  return normal_quantile(u);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_FRONT_MEMBERSHIP_HPP
