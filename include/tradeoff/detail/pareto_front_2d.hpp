#ifndef TRADEOFF_DETAIL_PARETO_FRONT_2D_HPP
#define TRADEOFF_DETAIL_PARETO_FRONT_2D_HPP

/// @file
/// @brief Internals of pareto.hpp: the exact 2-D front (bucket pre-filter, per-bucket sorts, sweep).

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
#include <memory>
#include <optional>
#include <vector>

namespace tradeoff::detail {

/// A candidate of the 2-D front: its first objective's order-preserving key, its second
/// objective (minimise space) and its row.
struct front_candidate_2d {
  std::uint64_t key;
  double second;
  int index;
};

/// Sorts candidates[begin, end) by key, ties by index: insertion sort for the few candidates of
/// a pre-filter bucket, std::sort above that (the pairs are distinct, so no stability is needed).
inline void sort_candidates_2d(front_candidate_2d* begin, front_candidate_2d* end) {
  const auto before = [](const front_candidate_2d& a, const front_candidate_2d& b) {
    return a.key < b.key || (a.key == b.key && a.index < b.index);
  };
  if (end - begin > 24) {
    std::sort(begin, end, before);
    return;
  }
  for (front_candidate_2d* q = begin + 1; q < end; ++q) {
    const front_candidate_2d moving = *q;
    front_candidate_2d* to = q;
    for (; to > begin && before(moving, to[-1]); --to) {
      *to = to[-1];
    }
    *to = moving;
  }
}

/// The sweep of the 2-D front over candidates sorted by (key, index), in pieces: within each
/// run of equal first objective, it keeps the points with the run's smallest second objective
/// if that is strictly below everything seen before (in this piece or an earlier one). A run
/// never spans two pieces.
class front_sweep_2d {
 public:
  explicit front_sweep_2d(int* out) noexcept : out_(out) {}

  void add(const front_candidate_2d* begin, const front_candidate_2d* end, bool keep_first) noexcept {
    for (const front_candidate_2d* run = begin; run < end;) {
      const front_candidate_2d* run_end = run + 1;
      double run_best = run->second;
      for (; run_end < end && run_end->key == run->key; ++run_end) {
        run_best = std::min(run_best, run_end->second);
      }
      if (!any_ || run_best < best_so_far_) {  // +inf points must pass once
        for (const front_candidate_2d* c = run; c < run_end; ++c) {
          if (exact_equal(c->second, run_best)) {
            out_[size_++] = c->index;
            if (keep_first) {
              break;
            }
          }
        }
        best_so_far_ = run_best;
        any_ = true;
      }
      run = run_end;
    }
  }

  [[nodiscard]] Eigen::Index size() const noexcept { return size_; }

 private:
  int* out_;
  Eigen::Index size_ = 0;
  double best_so_far_ = std::numeric_limits<double>::infinity();
  bool any_ = false;  // best_so_far_ is +inf before the first point
};

/// Indices of the 2-D front of (sx * x, sy * y) in minimise space, ordered by the first
/// objective, ties by the second, then by index. NaN rows are skipped.
///
/// 1. Pre-filter (n >= pareto_thresholds::prefilter_2d_rows, 1024 by default):
///    bucket_prefilter_2d_grouped, two passes that keep every front point and, on uniform
///    data, O(log n) points in all, grouped by buckets of the first objective (a monotone
///    map of it, about 16 points per bucket when nothing is dropped).
/// 2. Each bucket's candidates (first objective's key, second objective, row) are sorted by
///    key and row, in cache, and one sweep (front_sweep_2d) runs over the buckets in order.
///    The second objective travels with the key, so nothing is gathered at random.
/// Time O(n) for the two passes plus the sorts of the buckets: O(m) for m survivors spread
/// over the buckets, O(m log m) at worst (all in a few buckets). Extra memory 24 bytes per
/// survivor (reserved from a bound computed in pass 1) + 1 MiB of buckets; the result is
/// written in place and shrunk.
///
/// The senses are template parameters so that minimise columns are read as they are and
/// maximise columns are only negated: -0.0 may then reach the comparisons, which treat it
/// as +0.0, and ordered_key canonicalises it before it becomes a bit pattern.
template <bool NegateX, bool NegateY>
[[nodiscard]] Eigen::ArrayXi front_2d_senses(const vector_view& x, const vector_view& y,
                                             bool keep_first) {
  const Eigen::Index n = x.size();
  const auto first = [&x](Eigen::Index i) {
    const double v = x.coeff(i);
    return NegateX ? -v : v;
  };
  const auto second = [&y](Eigen::Index i) {
    const double v = y.coeff(i);
    return NegateY ? -v : v;
  };
  const auto candidate = [&first, &second](Eigen::Index i) {
    return front_candidate_2d{ordered_key(first(i)), second(i), static_cast<int>(i)};
  };

  std::unique_ptr<front_candidate_2d[]> candidates;
  Eigen::ArrayXi front;
  if (n < pareto_thresholds::prefilter_2d_rows) {
    candidates.reset(new front_candidate_2d[static_cast<std::size_t>(n)]);
    std::size_t m = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (!std::isnan(first(i)) && !std::isnan(second(i))) {
        candidates[m++] = candidate(i);
      }
    }
    sort_candidates_2d(candidates.get(), candidates.get() + m);
    front.resize(static_cast<Eigen::Index>(m));
    front_sweep_2d sweep(front.data());
    sweep.add(candidates.get(), candidates.get() + m, keep_first);
    front.conservativeResize(sweep.size());
    return front;
  }
  std::optional<front_sweep_2d> sweep;
  bucket_prefilter_2d_grouped(
      static_cast<std::size_t>(n),
      [&first](std::size_t i) { return first(static_cast<Eigen::Index>(i)); },
      [&second](std::size_t i) { return second(static_cast<Eigen::Index>(i)); },
      [&](std::size_t bound) {
        candidates.reset(new front_candidate_2d[bound]);
        front.resize(static_cast<Eigen::Index>(bound));
        sweep.emplace(front.data());
      },
      [&](std::size_t i, std::size_t slot) { candidates[slot] = candidate(static_cast<Eigen::Index>(i)); },
      [&](std::size_t begin, std::size_t end) {
        sort_candidates_2d(candidates.get() + begin, candidates.get() + end);
        sweep->add(candidates.get() + begin, candidates.get() + end, keep_first);
      });
  candidates.reset();
  front.conservativeResize(sweep.has_value() ? sweep->size() : 0);
  return front;
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
