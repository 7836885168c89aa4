#ifndef TRADEOFF_DETAIL_HYPERVOLUME_MONTE_CARLO_HPP
#define TRADEOFF_DETAIL_HYPERVOLUME_MONTE_CARLO_HPP

/// @file
/// @brief Internals of tradeoff::hypervolume_estimate: uniform sampling of the box between
/// the front's best values and the reference, with Hoeffding's bound on the covered fraction.

#include <tradeoff/detail/hypervolume_sweep.hpp>  // hv_wide
#include <tradeoff/detail/hypervolume_wfg.hpp>    // hv_keep_nondominated

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace tradeoff::detail {

/// The estimate (a tradeoff::hypervolume_estimate_result, passed as `Result` so that this
/// header needs no public one) from the covered fraction of `samples` uniform points of the box [lowest, reference) (one
/// std::mt19937_64 draw per coordinate, its top 53 bits as the variate) and the box volume.
/// `rows` (row-major, minimise space) must be non-empty.
template <typename Result>
Result hv_monte_carlo_of(std::vector<double> rows, std::size_t dims,
                         const std::vector<double>& reference, bool infinite, std::size_t samples,
                         std::uint64_t seed, double confidence) {
  Result result;
  result.samples = samples;
  const std::size_t count = rows.size() / dims;
  if (count == 0) {
    return result;
  }
  if (infinite) {
    result.value = result.lower = result.upper = std::numeric_limits<double>::infinity();
    return result;
  }
  // Dominated rows never decide a sample; the best rows (lexicographically first) come first.
  const std::size_t h = count > 1 ? hv_keep_nondominated(rows, count, dims) : count;
  std::vector<double> lowest(reference);
  hv_wide box = 1.0;
  for (std::size_t j = 0; j < dims; ++j) {
    for (std::size_t i = 0; i < h; ++i) {
      lowest[j] = std::min(lowest[j], rows[i * dims + j]);
    }
    box *= hv_widen(reference[j]) - lowest[j];
  }
  std::mt19937_64 generator(seed);
  std::vector<double> sample(dims);
  std::size_t covered = 0;
  for (std::size_t s = 0; s < samples; ++s) {
    for (std::size_t j = 0; j < dims; ++j) {
      const double u = static_cast<double>(generator() >> 11U) * 0x1.0p-53;
      sample[j] = lowest[j] + u * (reference[j] - lowest[j]);
    }
    for (std::size_t i = 0; i < h; ++i) {
      const double* row = rows.data() + i * dims;
      std::size_t j = 0;
      while (j < dims && row[j] <= sample[j]) {
        ++j;
      }
      if (j == dims) {
        ++covered;
        break;
      }
    }
  }
  const double volume = hv_narrow(box);
  const double fraction = static_cast<double>(covered) / static_cast<double>(samples);
  const double margin =
      std::sqrt(std::log(2.0 / (1.0 - confidence)) / (2.0 * static_cast<double>(samples)));
  result.value = volume * fraction;
  result.standard_error =
      volume * std::sqrt(fraction * (1.0 - fraction) / static_cast<double>(samples));
  result.lower = volume * std::max(0.0, fraction - margin);
  result.upper = volume * std::min(1.0, fraction + margin);
  return result;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_MONTE_CARLO_HPP
