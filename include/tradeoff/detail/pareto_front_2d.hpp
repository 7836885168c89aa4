#ifndef TRADEOFF_DETAIL_PARETO_FRONT_2D_HPP
#define TRADEOFF_DETAIL_PARETO_FRONT_2D_HPP

/// @file
/// @brief Internals of pareto.hpp: the exact 2-D front (bucket pre-filter, radix sort, sweep).

#include <tradeoff/detail/bucket_prefilter_2d.hpp>
#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/pareto_sort.hpp>
#include <tradeoff/detail/pareto_thresholds.hpp>
#include <tradeoff/detail/pareto_views.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace tradeoff::detail {

/// Indices of the 2-D front of (sx * x, sy * y) in minimise space, ordered by the first
/// objective, ties by the second, then by index. NaN rows are skipped.
///
/// 1. Pre-filter (n >= pareto_thresholds::prefilter_2d_rows, 1024 by default):
///    bucket_prefilter_2d, two passes that keep every front point and, on uniform data,
///    O(log n) points in all.
/// 2. The survivors' first objectives are radix sorted (stable, so ties stay in index
///    order), and one sweep keeps, within each run of equal first objective, the points
///    with the run's smallest second objective if that is strictly below everything
///    seen before.
/// Time O(n) for the two passes plus an O(m) radix sort of the m survivors; extra memory at
/// most 24 bytes per point (8-byte key and 4-byte index per survivor, reserved from a bound
/// computed in pass 1, and the same again as the sort's scratch) + 1 MiB of buckets.
///
/// The senses are template parameters so that minimise columns are read as they are and
/// maximise columns are only negated: -0.0 may then reach the comparisons, which treat it
/// as +0.0, and ordered_key canonicalises it before it becomes a bit pattern.
template <bool NegateX, bool NegateY>
[[nodiscard]] Eigen::ArrayXi front_2d_senses(const vector_view& x, const vector_view& y,
                                             bool keep_first) {
  const Eigen::Index n = x.size();
  constexpr double infinity = std::numeric_limits<double>::infinity();
  std::vector<std::uint64_t> keys;
  std::vector<int> index;
  const auto first = [&x](Eigen::Index i) {
    const double v = x.coeff(i);
    return NegateX ? -v : v;
  };
  const auto second = [&y](Eigen::Index i) {
    const double v = y.coeff(i);
    return NegateY ? -v : v;
  };

  if (n < pareto_thresholds::prefilter_2d_rows) {
    keys.reserve(static_cast<std::size_t>(n));
    index.reserve(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
      const double a = first(i);
      const double b = second(i);
      if (!std::isnan(a) && !std::isnan(b)) {
        keys.push_back(ordered_key(a));
        index.push_back(static_cast<int>(i));
      }
    }
  } else {
    bucket_prefilter_2d(
        static_cast<std::size_t>(n),
        [&first](std::size_t i) { return first(static_cast<Eigen::Index>(i)); },
        [&second](std::size_t i) { return second(static_cast<Eigen::Index>(i)); },
        [&keys, &index](std::size_t bound) {
          keys.reserve(bound);
          index.reserve(bound);
        },
        [&keys, &index, &first](std::size_t i) {
          keys.push_back(ordered_key(first(static_cast<Eigen::Index>(i))));
          index.push_back(static_cast<int>(i));
        });
  }

  radix_sort_pairs(keys, index);

  std::vector<int> front;
  const std::size_t m = keys.size();
  double best_so_far = infinity;
  bool any = false;  // best_so_far is +inf before the first point; +inf points must pass once
  std::size_t start = 0;
  while (start < m) {
    std::size_t end = start + 1;
    while (end < m && keys[end] == keys[start]) {
      ++end;
    }
    double run_best = second(index[start]);
    for (std::size_t k = start + 1; k < end; ++k) {
      run_best = std::min(run_best, second(index[k]));
    }
    if (!any || run_best < best_so_far) {
      for (std::size_t k = start; k < end; ++k) {
        if (exact_equal(second(index[k]), run_best)) {
          front.push_back(index[k]);
          if (keep_first) {
            break;
          }
        }
      }
      best_so_far = run_best;
      any = true;
    }
    start = end;
  }
  return Eigen::Map<const Eigen::ArrayXi>(front.data(), static_cast<Eigen::Index>(front.size()));
}

/// front_2d_senses for the signs of sense_sign (+1 minimise, -1 maximise).
[[nodiscard]] inline Eigen::ArrayXi front_2d(const vector_view& x, const vector_view& y,
                                             double sign_x, double sign_y, bool keep_first) {
  if (sign_x < 0.0) {
    return sign_y < 0.0 ? front_2d_senses<true, true>(x, y, keep_first)
                        : front_2d_senses<true, false>(x, y, keep_first);
  }
  return sign_y < 0.0 ? front_2d_senses<false, true>(x, y, keep_first)
                      : front_2d_senses<false, false>(x, y, keep_first);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_PARETO_FRONT_2D_HPP
