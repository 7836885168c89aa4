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
/// Time O(n + K); memory K buckets (at most 1 MiB). bucket_prefilter_2d_grouped also hands
/// the survivors over grouped by bucket, which makes their sort by the first objective local.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <vector>

namespace tradeoff::detail {

/// The pre-filter's state after its first pass: the monotone bucket map of the first
/// objective and, per bucket, the smallest second objective strictly to its left.
struct prefilter_grid_2d {
  /// One bucket: after the first pass, `best` is the smallest second objective over the
  /// buckets strictly to the left and `count` the bucket's points; `start` is the first of the
  /// bucket's slots among the `bound` possible survivors.
  struct bucket {
    double best = std::numeric_limits<double>::infinity();
    std::uint32_t count = 0;
    std::uint32_t start = 0;
  };
  double low = 0.0;
  double scale = 0.0;
  double last_bucket = 0.0;
  std::vector<bucket> buckets;
  std::size_t bound = 0;  ///< at most this many points survive
  double cut = std::numeric_limits<double>::infinity();  ///< bucket 1's bound (see keep_survivors)
  bool use_cut = false;

  /// The bucket of first objective a: non-decreasing in a (NaN and -inf go to bucket 0, +inf to
  /// the last one). t = (a - low) * scale is the bucket as a real number.
  [[nodiscard]] static std::size_t bucket_at(double t, double last_bucket) noexcept {
    if (!(t > 0.0)) {
      return 0;
    }
    return static_cast<std::size_t>(t < last_bucket ? t : last_bucket);
  }
};

/// The first pass over points 0..n-1 (n >= 1), read through `first(i)` and `second(i)`.
template <typename First, typename Second>
[[nodiscard]] prefilter_grid_2d prefilter_grid(std::size_t n, const First& first, const Second& second) {
  constexpr double infinity = std::numeric_limits<double>::infinity();
  prefilter_grid_2d grid;
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
  grid.low = low;
  grid.scale = scale;
  const double last_bucket = static_cast<double>(bucket_count - 1);
  grid.last_bucket = last_bucket;
  grid.buckets.resize(bucket_count);
  prefilter_grid_2d::bucket* const buckets = grid.buckets.data();
  for (std::size_t i = 0; i < n; ++i) {
    const double a = first(i);
    const double b = second(i);
    if (!std::isnan(a)) {
      prefilter_grid_2d::bucket& slot = buckets[prefilter_grid_2d::bucket_at((a - low) * scale, last_bucket)];
      slot.best = b < slot.best ? b : slot.best;  // NaN b never wins
      ++slot.count;
    }
  }
  // best := smallest second objective over the buckets strictly to the left. A bucket
  // whose own best is above that has no survivor, so the others' counts bound the number
  // of survivors (the caller reserves that, with no counting pass).
  double running = infinity;
  std::size_t bound = 0;
  for (prefilter_grid_2d::bucket& slot : grid.buckets) {
    const double here = slot.best;
    slot.best = running;
    slot.start = static_cast<std::uint32_t>(bound);
    if (here <= running) {
      bound += slot.count;
    }
    running = here < running ? here : running;
  }
  grid.bound = bound;
  // The bounds are non-increasing from bucket 1 on, so a point of bucket >= 1 whose second
  // objective is above bucket 1's bound fails; only the others need their bucket's bound.
  // Bucket 0 (bound +inf) holds the points with t below 1 (or NaN). That early test pays
  // off when it rejects many points (random-like data), so a strided sample of 64 points
  // decides whether to use it; either way the same points are kept.
  grid.cut = bucket_count > 1 ? grid.buckets[1].best : infinity;
  const std::size_t sample_step = std::max<std::size_t>(1, n / 64);  // n may be below 64
  int above_cut = 0;
  for (std::size_t i = 0; i < n; i += sample_step) {
    above_cut += second(i) > grid.cut ? 1 : 0;
  }
  grid.use_cut = above_cut >= 16;
  return grid;
}

/// The second pass: keep(i, bucket) for each survivor i, in increasing i, with its bucket.
template <typename First, typename Second, typename Keep>
void keep_survivors(prefilter_grid_2d& grid, std::size_t n, const First& first, const Second& second,
                    const Keep& keep) {
  // the grid's numbers in locals: keep() stores doubles, which could alias the grid's members
  const double low = grid.low;
  const double scale = grid.scale;
  const double cut = grid.cut;
  const double last_bucket = grid.last_bucket;
  prefilter_grid_2d::bucket* const buckets = grid.buckets.data();
  const auto pass = [&](auto use_cut) {
    for (std::size_t i = 0; i < n; ++i) {
      const double a = first(i);
      const double b = second(i);
      const double t = (a - low) * scale;
      if (!decltype(use_cut)::value || b <= cut || !(t >= 1.0)) {
        prefilter_grid_2d::bucket& slot = buckets[prefilter_grid_2d::bucket_at(t, last_bucket)];
        if (!std::isnan(a) && b <= slot.best) {  // NaN b fails the comparison
          keep(i, slot);
        }
      }
    }
  };
  if (grid.use_cut) {
    pass(std::true_type{});
  } else {
    pass(std::false_type{});
  }
}

/// The pre-filter's survivors grouped by bucket, so that sorting them by the first objective
/// is a sort within each bucket (a few points on random-like data, in cache). Calls
/// `reserve(bound)`, then `keep(i, slot)` for each survivor in increasing i, where slot is in
/// [0, bound) and a bucket's survivors take consecutive slots in increasing i from the
/// bucket's first slot, buckets in the order of the first objective; then
/// `bucket_done(begin, end)` for each bucket with survivors, in that order, with its slots.
template <typename First, typename Second, typename Reserve, typename Keep, typename BucketDone>
void bucket_prefilter_2d_grouped(std::size_t n, const First& first, const Second& second, const Reserve& reserve,
                                 const Keep& keep, const BucketDone& bucket_done) {
  if (n == 0) {
    reserve(std::size_t{0});
    return;
  }
  prefilter_grid_2d grid = prefilter_grid(n, first, second);
  reserve(grid.bound);
  for (prefilter_grid_2d::bucket& slot : grid.buckets) {
    slot.count = 0;  // from here on: the survivors placed so far
  }
  keep_survivors(grid, n, first, second, [&keep](std::size_t i, prefilter_grid_2d::bucket& slot) {
    keep(i, static_cast<std::size_t>(slot.start) + slot.count++);
  });
  for (const prefilter_grid_2d::bucket& slot : grid.buckets) {
    if (slot.count != 0) {
      bucket_done(static_cast<std::size_t>(slot.start), static_cast<std::size_t>(slot.start) + slot.count);
    }
  }
}

/// Runs the pre-filter over points 0..n-1, read through `first(i)` and `second(i)` (both
/// double, minimise space; a NaN first objective drops the point, a NaN second objective
/// fails every comparison and drops it too). Calls `reserve(bound)` once with an upper
/// bound on the number of survivors, then `keep(i)` for each survivor in increasing i. The
/// calls to keep may overwrite the points below i (in-place compaction is safe).
template <typename First, typename Second, typename Reserve, typename Keep>
void bucket_prefilter_2d(std::size_t n, const First& first, const Second& second,
                         const Reserve& reserve, const Keep& keep) {
  bucket_prefilter_2d_grouped(
      n, first, second, reserve, [&keep](std::size_t i, std::size_t /*slot*/) { keep(i); },
      [](std::size_t /*begin*/, std::size_t /*end*/) {});
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_BUCKET_PREFILTER_2D_HPP
