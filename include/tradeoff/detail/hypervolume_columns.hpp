#ifndef TRADEOFF_DETAIL_HYPERVOLUME_COLUMNS_HPP
#define TRADEOFF_DETAIL_HYPERVOLUME_COLUMNS_HPP

/// @file
/// @brief Internals of tradeoff::hypervolume for d >= 3: the choice of algorithm by the number
/// of informative columns, with constant columns factored out first, and a rescaled retry
/// when the volume overflows.
///
/// Rows are row-major, in minimise space, finite and strictly better than the finite
/// reference in every objective.
///
/// - A column on which every row has the same value c multiplies the volume by
///   (reference - c) and changes nothing else, so it is dropped before the algorithm is
///   chosen: a 2-D front padded with constant objectives costs what the 2-D front costs.
/// - Scaling a column by a power of two scales every difference, product and sum of the
///   sweeps exactly (no rounding changes), so a volume beyond the double range is computed
///   on columns scaled into [0.5, 1) wide ranges and scaled back with std::ldexp: +inf
///   when the volume itself overflows, never NaN from inf - inf or inf * 0 inside.

#include <tradeoff/detail/hypervolume_sweep.hpp>
#include <tradeoff/detail/hypervolume_wfg.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace tradeoff::detail {

/// Removes from `rows` (count >= 1 rows of `dims`, row-major) and `reference` the columns
/// on which every row has the same value, multiplying `factor` by (reference - value) for
/// each; returns the number of columns left.
inline std::size_t hv_drop_constant_columns(std::vector<double>& rows, std::size_t count,
                                            std::size_t dims, std::vector<double>& reference,
                                            hv_wide& factor) {
  std::vector<std::size_t> kept;
  for (std::size_t j = 0; j < dims; ++j) {
    const double first = rows[j];
    bool constant = true;
    for (std::size_t i = 1; i < count && constant; ++i) {
      const double v = rows[i * dims + j];
      constant = !(v < first) && !(first < v);
    }
    if (constant) {
      factor *= hv_widen(reference[j]) - first;
    } else {
      kept.push_back(j);
    }
  }
  const std::size_t e = kept.size();
  if (e == dims) {
    return dims;
  }
  for (std::size_t i = 0; i < count; ++i) {
    for (std::size_t k = 0; k < e; ++k) {
      rows[i * e + k] = rows[i * dims + kept[k]];
    }
  }
  rows.resize(count * e);
  for (std::size_t k = 0; k < e; ++k) {
    reference[k] = reference[kept[k]];
  }
  reference.resize(e);
  return e;
}

/// Exact hypervolume of `count` rows of `dims` objectives (any dims >= 0; 0 gives 1, the
/// empty product), by the algorithm for that number of objectives. Reorders and filters
/// `rows`; `work` meters and bounds the d >= 4 algorithms.
[[nodiscard]] inline hv_wide hv_rows(std::vector<double>& rows, std::size_t count, std::size_t dims,
                                     const std::vector<double>& reference, hv_work& work) {
  if (count == 0) {
    return 0.0;
  }
  if (dims == 0) {
    return 1.0;
  }
  std::size_t m = count;
  if (dims >= 5 || (dims == 4 && count >= 2048)) {
    // Drop weakly dominated rows and repeated copies first: the cost grows with n. (The 4-D
    // sweep meets a dominated row as a walk that ends at its dominator; below 2048 rows that
    // is cheaper than the pre-filter, on fronts and on uniform data alike.)
    m = hv_keep_nondominated(rows, count, dims);
  }
  work.dimensions = dims;
  work.front_rows = m;
  wfg_hypervolume wfg(reference, &work);
  return wfg(rows.data(), m, dims);
}

/// The hypervolume of `count` rows of `dims` >= 1 objectives with constant columns
/// factored out, retried on power-of-two rescaled columns if the result is not finite.
[[nodiscard]] inline double hv_reduced(std::vector<double> rows, std::size_t count,
                                       std::size_t dims, std::vector<double> reference,
                                       hv_work& work) {
  if (count == 0) {
    return 0.0;
  }
  // Scale exponents per column, used only if the direct computation overflows: the range
  // (reference - lowest value), halved first so that it cannot overflow itself.
  std::vector<int> exponents(dims, 0);
  bool overflowed = false;
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::vector<double> scaled = rows;
    std::vector<double> scaled_reference = reference;
    int total_exponent = 0;
    if (overflowed) {
      for (std::size_t j = 0; j < dims; ++j) {
        double lowest = reference[j];
        for (std::size_t i = 0; i < count; ++i) {
          lowest = std::min(lowest, rows[i * dims + j]);
        }
        static_cast<void>(std::frexp(reference[j] / 2 - lowest / 2, &exponents[j]));
        ++exponents[j];
        total_exponent += exponents[j];
        for (std::size_t i = 0; i < count; ++i) {
          scaled[i * dims + j] = std::ldexp(scaled[i * dims + j], -exponents[j]);
        }
        scaled_reference[j] = std::ldexp(scaled_reference[j], -exponents[j]);
      }
    }
    hv_wide factor = 1.0;
    const std::size_t e = hv_drop_constant_columns(scaled, count, dims, scaled_reference, factor);
    const double volume = hv_narrow(factor * hv_rows(scaled, count, e, scaled_reference, work));
    if (overflowed) {
      return std::ldexp(volume, total_exponent);
    }
    if (std::isfinite(volume)) {
      return volume;
    }
    overflowed = true;
  }
  return 0.0;  // not reached
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_COLUMNS_HPP
