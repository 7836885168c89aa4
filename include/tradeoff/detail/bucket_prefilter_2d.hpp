#ifndef TRADEOFF_DETAIL_BUCKET_PREFILTER_2D_HPP
#define TRADEOFF_DETAIL_BUCKET_PREFILTER_2D_HPP

/// @file
/// @brief Internals of the 2-D front (pareto.hpp) and the 2-D hypervolume (hypervolume.hpp):
/// the one-pass bucket pre-filter that drops most dominated points of random-like inputs
/// before the sort.
///
/// The first objective's range is estimated from a strided sample of 4096 values and cut
/// into K = min(n/16, 65536) buckets by a monotone map. Pass 1 records the smallest second
/// objective per bucket; pass 2 keeps a point only if no point of a bucket strictly to its
/// left has a strictly smaller second objective (such a point has a strictly smaller first
/// objective too, so it dominates it). Every front point survives, weakly dominated ties
/// included. Uniform data keeps O(log n) points after the two passes.
/// Time O(n + K); memory K buckets (at most 1 MiB).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

namespace tradeoff::detail {

/// Runs the pre-filter over points 0..n-1, read through `first(i)` and `second(i)` (both
/// double, minimise space; a NaN first objective drops the point, a NaN second objective
/// fails every comparison and drops it too). Calls `reserve(bound)` once with an upper
/// bound on the number of survivors, then `keep(i)` for each survivor in increasing i. The
/// calls to keep may overwrite the points below i (in-place compaction is safe).
template <typename First, typename Second, typename Reserve, typename Keep>
void bucket_prefilter_2d(std::size_t n, const First& first, const Second& second,
                         const Reserve& reserve, const Keep& keep) {
  constexpr double infinity = std::numeric_limits<double>::infinity();
  if (n == 0) {
    reserve(std::size_t{0});
    return;
  }
  const std::size_t step = std::max<std::size_t>(1, n / 4096);
  double low = infinity;
  double high = -infinity;
  for (std::size_t i = 0; i < n; i += step) {
    const double a = first(i);
    if (std::isfinite(a)) {
      low = std::min(low, a);
      high = std::max(high, a);
    }
  }
  const std::size_t bucket_count = std::clamp<std::size_t>(n / 16, 1, std::size_t{1} << 16);
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
  struct bucket {
    double best = std::numeric_limits<double>::infinity();  // smallest second objective
    std::uint32_t count = 0;                                 // points (non-NaN first)
  };
  std::vector<bucket> buckets(bucket_count);
  for (std::size_t i = 0; i < n; ++i) {
    const double a = first(i);
    const double b = second(i);
    if (!std::isnan(a)) {
      bucket& slot = buckets[bucket_at((a - low) * scale)];
      slot.best = b < slot.best ? b : slot.best;  // NaN b never wins
      ++slot.count;
    }
  }
  // best := smallest second objective over the buckets strictly to the left. A bucket
  // whose own best is above that has no survivor, so the others' counts bound the number
  // of survivors (the caller reserves that, with no counting pass).
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
  reserve(bound);
  // The bounds are non-increasing from bucket 1 on, so a point of bucket >= 1 whose second
  // objective is above bucket 1's bound fails; only the others need their bucket's bound.
  // Bucket 0 (bound +inf) holds the points with t below 1 (or NaN). That early test pays
  // off when it rejects many points (random-like data), so a strided sample of 64 points
  // decides whether to use it; either way the same points are kept.
  const double cut = bucket_count > 1 ? buckets[1].best : infinity;
  const std::size_t sample_step = std::max<std::size_t>(1, n / 64);  // n may be below 64
  int above_cut = 0;
  for (std::size_t i = 0; i < n; i += sample_step) {
    above_cut += second(i) > cut ? 1 : 0;
  }
  const auto keep_survivors = [&](auto use_cut) {
    for (std::size_t i = 0; i < n; ++i) {
      const double a = first(i);
      const double b = second(i);
      const double t = (a - low) * scale;
      if (!decltype(use_cut)::value || b <= cut || !(t >= 1.0)) {
        if (!std::isnan(a) && b <= buckets[bucket_at(t)].best) {  // NaN b fails the comparison
          keep(i);
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

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_BUCKET_PREFILTER_2D_HPP
