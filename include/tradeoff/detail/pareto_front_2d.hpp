#ifndef TRADEOFF_DETAIL_PARETO_FRONT_2D_HPP
#define TRADEOFF_DETAIL_PARETO_FRONT_2D_HPP

/// @file
/// @brief Internals of pareto.hpp: the exact 2-D front (bucket pre-filter, radix sort, sweep).

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
#include <type_traits>
#include <vector>

namespace tradeoff::detail {

/// Indices of the 2-D front of (sx * x, sy * y) in minimise space, ordered by the first
/// objective, ties by the second, then by index. NaN rows are skipped.
///
/// 1. Pre-filter (n >= pareto_thresholds::prefilter_2d_rows, 1024 by default): the first objective's range is estimated from a strided
///    sample of 4096 values and cut into K = min(n/16, 65536) buckets by a monotone map.
///    Pass 1 records the best second objective per bucket; pass 2 keeps a point only if
///    no point of a bucket strictly to its left has a strictly smaller second objective
///    (such a point dominates it). Uniform data keeps O(log n) points after two passes.
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
    const Eigen::Index step = std::max<Eigen::Index>(1, n / 4096);
    double low = infinity;
    double high = -infinity;
    for (Eigen::Index i = 0; i < n; i += step) {
      const double a = first(i);
      if (std::isfinite(a)) {
        low = std::min(low, a);
        high = std::max(high, a);
      }
    }
    const Eigen::Index bucket_count = std::clamp<Eigen::Index>(n / 16, 1, Eigen::Index{1} << 16);
    double scale = high > low ? static_cast<double>(bucket_count) / (high - low) : 0.0;
    if (!std::isfinite(scale)) {
      scale = 0.0;
    }
    const double last_bucket = static_cast<double>(bucket_count - 1);
    // Non-decreasing in a (NaN and -inf go to bucket 0, +inf to the last one).
    // t = (a - low) * scale is the bucket as a real number.
    const auto bucket_at = [last_bucket](double t) -> std::size_t {
      if (!(t > 0.0)) {
        return 0;
      }
      return static_cast<std::size_t>(t < last_bucket ? t : last_bucket);
    };
    const auto bucket_of = [low, scale, &bucket_at](double a) {
      return bucket_at((a - low) * scale);
    };
    struct bucket {
      double best = std::numeric_limits<double>::infinity();  // smallest second objective
      std::uint32_t count = 0;                                 // points (non-NaN first)
    };
    std::vector<bucket> buckets(static_cast<std::size_t>(bucket_count));
    for (Eigen::Index i = 0; i < n; ++i) {
      const double a = first(i);
      const double b = second(i);
      if (!std::isnan(a)) {
        bucket& slot = buckets[bucket_of(a)];
        slot.best = b < slot.best ? b : slot.best;  // NaN b never wins
        ++slot.count;
      }
    }
    // best := smallest second objective over the buckets strictly to the left. A bucket
    // whose own best is above that has no survivor, so the others' counts bound the number
    // of survivors: reserving that bound keeps the extra memory within 24 bytes per point
    // (12 for the survivors, 12 for the radix sort's scratch) without a counting pass.
    double running = infinity;
    std::size_t bound = 0;
    for (bucket& slot : buckets) {
      const double here = slot.best;
      slot.best = running;
      if (here <= running) {
        bound += slot.count;
      }
      running = here < running ? here : running;
    }
    keys.reserve(bound);
    index.reserve(bound);
    // The bounds are non-increasing from bucket 1 on, so a point of bucket >= 1 whose second
    // objective is above bucket 1's bound fails; only the others need their bucket's bound.
    // Bucket 0 (bound +inf) holds the points with t below 1 (or NaN). That early test pays
    // off when it rejects many points (random-like data), so a strided sample of 64 points
    // decides whether to use it; either way the same points are kept.
    const double cut = bucket_count > 1 ? buckets[1].best : infinity;
    const Eigen::Index sample_step = std::max<Eigen::Index>(1, n / 64);  // n may be below 64 (pareto_thresholds)
    int above_cut = 0;
    for (Eigen::Index i = 0; i < n; i += sample_step) {
      above_cut += second(i) > cut ? 1 : 0;
    }
    const auto keep_survivors = [&](auto use_cut) {
      for (Eigen::Index i = 0; i < n; ++i) {
        const double a = first(i);
        const double b = second(i);
        const double t = (a - low) * scale;
        if (!decltype(use_cut)::value || b <= cut || !(t >= 1.0)) {
          if (!std::isnan(a) && b <= buckets[bucket_at(t)].best) {  // NaN b fails the comparison
            keys.push_back(ordered_key(a));
            index.push_back(static_cast<int>(i));
          }
        }
      }
    };
    if (above_cut >= 16) {
      keep_survivors(std::true_type{});
    } else {
      keep_survivors(std::false_type{});
    }
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
