#ifndef TRADEOFF_DETAIL_RESAMPLE_STATISTIC_HPP
#define TRADEOFF_DETAIL_RESAMPLE_STATISTIC_HPP

/// @file
/// @brief One-sample statistics evaluated on bootstrap resamples and jackknife (leave-one-out)
/// samples, with numpy 1.24's arithmetic. Internal; the type `statistic`
/// is in <tradeoff/bootstrap_types.hpp>.
///
/// Order statistics (median, quantile, IQR): the sample is sorted once; a resample is a count per
/// sorted position (the drawn indices are histogrammed), and the needed order statistics are read
/// off the running count (16 counts at a time where no needed rank falls among them), so a
/// resample costs O(n) without comparing doubles. The values, and
/// so numpy's lerp of them, are the ones numpy's partition would pick. A leave-one-out sample
/// reads sorted[k] or sorted[k + 1]. Mean and standard deviation gather the resample in drawn
/// order and sum it in numpy's order (numpy_sum.hpp).

#include <tradeoff/bootstrap_types.hpp>
#include <tradeoff/detail/numpy_sum.hpp>
#include <tradeoff/detail/quantile_core.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <vector>

namespace tradeoff {

namespace detail {

/// The order statistics a statistic reads from a sample of size m, and how it combines them.
struct order_plan {
  quantile_position first;   // median: lower/upper of the middle pair; quantile; iqr: Q1
  quantile_position second;  // iqr: Q3
  std::vector<Eigen::Index> ranks;  // sorted, distinct
};

inline order_plan plan_order_statistics(const statistic& s, Eigen::Index m) {
  order_plan plan;
  switch (s.kind) {
    case statistic_kind::median:
      plan.first.lower = (m - 1) / 2;
      plan.first.upper = m / 2;
      add_median_needed(m, plan.ranks);
      break;
    case statistic_kind::quantile:
      plan.first = locate_quantile(m, s.level, s.method);
      add_needed(plan.first, plan.ranks);
      break;
    default:  // iqr
      plan.first = locate_quantile(m, 0.25, s.method);
      plan.second = locate_quantile(m, 0.75, s.method);
      add_needed(plan.first, plan.ranks);
      add_needed(plan.second, plan.ranks);
      break;
  }
  std::sort(plan.ranks.begin(), plan.ranks.end());
  plan.ranks.erase(std::unique(plan.ranks.begin(), plan.ranks.end()), plan.ranks.end());
  return plan;
}

/// A statistic of one sample (its valid values in row order) on the sample, on resamples and on
/// leave-one-out samples.
class resample_statistic {
 public:
  resample_statistic(const double* values, std::size_t n, const statistic& s) : values_(values, values + n), s_(s) {
    gathered_.resize(n);
    squares_.resize(n);
    if (is_order_statistic()) {
      std::vector<std::uint32_t> order(n);
      std::iota(order.begin(), order.end(), 0U);
      std::stable_sort(order.begin(), order.end(),
                       [&](std::uint32_t a, std::uint32_t b) { return values_[a] < values_[b]; });
      sorted_.resize(n);
      rank_of_.resize(n);
      for (std::size_t r = 0; r < n; ++r) {
        sorted_[r] = values_[order[r]];
        rank_of_[order[r]] = static_cast<std::uint32_t>(r);
      }
      counts_.assign(n, 0U);
      full_plan_ = plan_order_statistics(s, static_cast<Eigen::Index>(n));
      picked_.resize(full_plan_.ranks.size());
    }
  }

  [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }

  /// The statistic of the sample itself: as a 1-D array to numpy, or (`rows_of_matrix`) as a row
  /// of a 2-D array reduced along its last axis.
  [[nodiscard]] double of_sample(bool rows_of_matrix = false) {
    if (is_order_statistic()) {
      return combine(full_plan_, [&](Eigen::Index k) { return sorted_[static_cast<std::size_t>(k)]; });
    }
    return of_values(values_.data(), values_.size(), rows_of_matrix);
  }

  /// The statistic of the resample values[index[0]], ..., values[index[n-1]] (a row of numpy's
  /// resample matrix).
  [[nodiscard]] double of_resample(const std::uint32_t* index) {
    const std::size_t n = values_.size();
    if (!is_order_statistic()) {
      for (std::size_t i = 0; i < n; ++i) {
        gathered_[i] = values_[index[i]];
      }
      return of_values(gathered_.data(), n, true);
    }
    for (std::size_t i = 0; i < n; ++i) {
      ++counts_[rank_of_[index[i]]];
    }
    return of_counts();
  }

  /// The statistic of the next resample of `stream` (the n indices stream.fill_below(n, …) would
  /// give), each index counted as it is drawn: the same value as of_resample of those indices.
  template <typename Stream>
  [[nodiscard]] double of_drawn_resample(Stream& stream) {
    const std::size_t n = values_.size();
    if (!is_order_statistic()) {
      drawn_.resize(n);
      stream.fill_below(static_cast<std::uint32_t>(n), drawn_.data(), n);
      return of_resample(drawn_.data());
    }
    stream.for_each_below(static_cast<std::uint32_t>(n), n,
                          [this](std::uint32_t i) noexcept { ++counts_[rank_of_[i]]; });
    return of_counts();
  }
  /// The order statistic of the counted resample (counts_ per sorted position); clears the counts.
  [[nodiscard]] double of_counts() {
    const std::size_t n = values_.size();
    // walk the running count up to the last needed rank, a block of counts at a time where no
    // needed rank falls in the block (a block's sum is one vector reduction)
    constexpr std::size_t block = 16;
    std::size_t next = 0;
    std::uint32_t below = 0;
    const std::size_t needed = full_plan_.ranks.size();
    for (std::size_t r = 0; r < n && next < needed;) {
      if (r + block <= n) {
        std::uint32_t sum = 0;
        for (std::size_t j = 0; j < block; ++j) {
          sum += counts_[r + j];
        }
        if (below + sum <= static_cast<std::uint32_t>(full_plan_.ranks[next])) {
          below += sum;
          r += block;
          continue;
        }
      }
      for (const std::size_t end = std::min(n, r + block); r < end && next < needed; ++r) {
        below += counts_[r];
        while (next < needed && static_cast<std::uint32_t>(full_plan_.ranks[next]) < below) {
          picked_[next++] = sorted_[r];
        }
      }
    }
    std::fill(counts_.begin(), counts_.end(), 0U);
    return combine(full_plan_, [&](Eigen::Index k) {
      const auto at = std::lower_bound(full_plan_.ranks.begin(), full_plan_.ranks.end(), k);
      return picked_[static_cast<std::size_t>(at - full_plan_.ranks.begin())];
    });
  }

  /// out[i] = the statistic without value i (scipy's jackknife rows, in row order).
  void jackknife(double* out) {
    const std::size_t n = values_.size();
    if (is_order_statistic()) {
      const order_plan plan = plan_order_statistics(s_, static_cast<Eigen::Index>(n - 1));
      for (std::size_t i = 0; i < n; ++i) {
        const auto removed = static_cast<Eigen::Index>(rank_of_[i]);
        out[i] = combine(plan, [&](Eigen::Index k) {
          return sorted_[static_cast<std::size_t>(k < removed ? k : k + 1)];
        });
      }
      return;
    }
    if (n <= exact_jackknife_limit) {
      for (std::size_t i = 0; i < n; ++i) {
        std::copy(values_.begin(), values_.begin() + static_cast<std::ptrdiff_t>(i), gathered_.begin());
        std::copy(values_.begin() + static_cast<std::ptrdiff_t>(i + 1), values_.end(),
                  gathered_.begin() + static_cast<std::ptrdiff_t>(i));
        out[i] = of_values(gathered_.data(), n - 1, true);
      }
      return;
    }
    // large samples: O(n) downdates of the sum and of the sum of squared deviations
    const double total = numpy_sum(values_.data(), n, false);
    const double mean = total / static_cast<double>(n);
    double squares = 0.0;
    for (const double x : values_) {
      squares += (x - mean) * (x - mean);
    }
    const double m = static_cast<double>(n - 1);
    for (std::size_t i = 0; i < n; ++i) {
      const double x = values_[i];
      if (s_.kind == statistic_kind::mean) {
        out[i] = (total - x) / m;
      } else {
        const double remaining = squares - (x - mean) * (x - mean) * static_cast<double>(n) / m;
        const double divisor = m - static_cast<double>(s_.ddof);
        out[i] = std::sqrt(std::max(remaining, 0.0) / (divisor > 0.0 ? divisor : 0.0));
      }
    }
  }

  /// Up to this size the jackknife of a mean or standard deviation is numpy's exact one (O(n^2)).
  static constexpr std::size_t exact_jackknife_limit = 4096;

 private:
  [[nodiscard]] bool is_order_statistic() const noexcept {
    return s_.kind == statistic_kind::median || s_.kind == statistic_kind::quantile ||
           s_.kind == statistic_kind::iqr;
  }

  [[nodiscard]] double of_values(const double* data, std::size_t n, bool rows_of_matrix) {
    if (s_.kind == statistic_kind::mean) {
      return numpy_mean(data, n, rows_of_matrix);
    }
    return numpy_std(data, n, s_.ddof, rows_of_matrix, squares_.data());
  }

  template <typename ValueAt>
  [[nodiscard]] double combine(const order_plan& plan, ValueAt value_at) const {
    auto quantile_of = [&](const quantile_position& p) {
      if (!p.interpolates) {
        return value_at(p.lower);
      }
      return numpy_lerp(value_at(p.lower), value_at(p.upper), p.gamma);
    };
    switch (s_.kind) {
      case statistic_kind::median:
        if (plan.first.lower == plan.first.upper) {
          return value_at(plan.first.lower);
        }
        return (value_at(plan.first.lower) + value_at(plan.first.upper)) / 2.0;
      case statistic_kind::quantile:
        return quantile_of(plan.first);
      default:
        return quantile_of(plan.second) - quantile_of(plan.first);
    }
  }

  std::vector<double> values_;
  statistic s_;
  std::vector<double> gathered_;
  std::vector<double> squares_;
  std::vector<double> sorted_;
  std::vector<std::uint32_t> rank_of_;
  std::vector<std::uint32_t> counts_;
  order_plan full_plan_;
  std::vector<double> picked_;
  std::vector<std::uint32_t> drawn_;  // of_drawn_resample's indices for mean and std
};

}  // namespace detail

}  // namespace tradeoff

#endif  // TRADEOFF_DETAIL_RESAMPLE_STATISTIC_HPP
