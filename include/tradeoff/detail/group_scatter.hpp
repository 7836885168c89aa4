#ifndef TRADEOFF_DETAIL_GROUP_SCATTER_HPP
#define TRADEOFF_DETAIL_GROUP_SCATTER_HPP

/// @file
/// @brief The one pass behind grouped quantiles: scatter each group's valid values into its own
/// contiguous slice of one buffer (a counting sort by group code whose counts are the grouping's
/// sizes), while accumulating pandas' Kahan sum, min and max per group in row order. Internal.

#include <tradeoff/detail/quantile_core.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace tradeoff::detail {

/// Per-group running state, kept together so one row touches one cache line.
struct group_accumulator {
  double sum = 0.0;           // Kahan sum, pandas' group_sum / group_mean
  double compensation = 0.0;  // Kahan compensation
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  std::int64_t fill = 0;  // next free slot of the group in the buffer
  double running_mean = 0.0;  // Welford's update in row order, pandas' group_var
  double squares = 0.0;       // Welford's M2
  std::int64_t valid = 0;     // values seen so far (Welford's n)
};

/// Welford's update as pandas' group_var (1.5.3): mean += (x - old) / n; M2 += (x - mean)(x - old),
/// with the product rounded before it is added (no contraction).
inline void welford_add(double& running_mean, double& squares, std::int64_t& valid, double x) noexcept {
  ++valid;
  const double old_mean = running_mean;
  running_mean += (x - old_mean) / static_cast<double>(valid);
  squares = add_product(squares, x - running_mean, x - old_mean);
}

/// pandas' Kahan step (group_sum, group_mean in _libs/groupby.pyx, 1.5.3): y = x - c;
/// t = s + y; c = (t - s) - y; s = t. No products, so no contraction can alter it.
inline void kahan_add(double& sum, double& compensation, double x) noexcept {
  const double y = x - compensation;
  const double t = sum + y;
  compensation = (t - sum) - y;
  sum = t;
}

/// Welford's M2 / (n − ddof), NaN when n <= ddof (pandas' group_var).
inline double welford_variance(double squares, std::int64_t valid, int ddof) noexcept {
  return valid <= ddof ? std::numeric_limits<double>::quiet_NaN()
                       : squares / (static_cast<double>(valid) - static_cast<double>(ddof));
}

/// Scatter result: group g's valid values are buffer[offset[g], offset[g] + count[g]).
struct scattered {
  scratch_buffer buffer;
  std::vector<std::int64_t> offset;
  std::vector<group_accumulator> state;  // fill - offset = count of valid values
  std::int64_t count(Eigen::Index g) const {
    const auto i = static_cast<std::size_t>(g);
    return state[i].fill - offset[i];
  }
};

/// One pass over the rows: codes < 0 and NaN values are skipped.
template <bool Accumulate, typename Values>
scattered scatter_groups(const Eigen::ArrayXi& codes, const Eigen::ArrayXi& sizes, const Values& values) {
  scattered s;
  const auto groups = static_cast<std::size_t>(sizes.size());
  s.offset.resize(groups + 1);
  s.state.resize(groups);
  std::int64_t total = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    s.offset[g] = total;
    s.state[g].fill = total;
    total += sizes(static_cast<Eigen::Index>(g));
  }
  s.offset[groups] = total;
  s.buffer = scratch_buffer(total);
  double* buffer = s.buffer.data();
  group_accumulator* state = s.state.data();
  const int* code = codes.data();
  const Eigen::Index rows = codes.size();
  for (Eigen::Index i = 0; i < rows; ++i) {
    const int c = code[i];
    if (c < 0) {
      continue;
    }
    const auto x = static_cast<double>(values(i));
    if (std::isnan(x)) {
      continue;
    }
    group_accumulator& a = state[c];
    buffer[a.fill++] = x;
    if constexpr (Accumulate) {
      kahan_add(a.sum, a.compensation, x);
      if (x < a.min) {
        a.min = x;
      }
      if (x > a.max) {
        a.max = x;
      }
      welford_add(a.running_mean, a.squares, a.valid, x);
    }
  }
  return s;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_GROUP_SCATTER_HPP
