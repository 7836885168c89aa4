#ifndef TRADEOFF_DETAIL_PARETO_SORT_HPP
#define TRADEOFF_DETAIL_PARETO_SORT_HPP

/// @file
/// @brief Internals of pareto.hpp: order-preserving 64-bit keys for doubles, a stable LSD
/// radix sort of (key, index) pairs, and a lexicographic order of packed rows.

#include <tradeoff/detail/pareto_thresholds.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace tradeoff::detail {

/// Maps a non-NaN double to an unsigned key with the same order (u < v iff key(u) < key(v));
/// -0.0 and +0.0 map to the same key. NaN must be filtered out by the caller.
[[nodiscard]] inline std::uint64_t ordered_key(double v) noexcept {
  v += 0.0;  // -0.0 -> +0.0, so equal values have equal keys
  std::uint64_t u = 0;
  std::memcpy(&u, &v, sizeof u);
  constexpr std::uint64_t sign_bit = std::uint64_t{1} << 63U;
  return (u & sign_bit) != 0 ? ~u : (u | sign_bit);
}

/// The digits of an LSD radix sort of m 64-bit keys: pareto_thresholds::radix_digit_bits bits
/// (11: six passes with 2,048 buckets) from pareto_thresholds::radix_wide_digit_keys keys on,
/// 8 bits (eight passes with 256 buckets) below that, where clearing and summing 2,048
/// counters per pass would cost more than the two passes they save (the small thresholds of
/// the fuzz targets always use their 4-bit digits).
struct radix_digits {
  unsigned bits;
  unsigned passes;
  std::size_t buckets;
  std::uint64_t mask;

  explicit radix_digits(std::size_t m) noexcept
      : bits(m >= pareto_thresholds::radix_wide_digit_keys || pareto_thresholds::radix_digit_bits < 8
                 ? pareto_thresholds::radix_digit_bits
                 : 8U),
        passes((64 + bits - 1) / bits),
        buckets(std::size_t{1} << bits),
        mask(buckets - 1) {}

  /// The digit of `key` in pass p.
  [[nodiscard]] std::uint64_t digit(std::uint64_t key, unsigned p) const noexcept {
    return (key >> (p * bits)) & mask;
  }
};

/// Digit counts of every radix pass over the keys `key_at(0)`, ..., `key_at(n - 1)`: the
/// counts of pass p start at p * digits.buckets. O(n) time.
template <typename KeyAt>
[[nodiscard]] std::vector<std::size_t> radix_histograms(const radix_digits& digits, std::size_t n, KeyAt key_at) {
  std::vector<std::size_t> histogram(digits.passes * digits.buckets, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t k = key_at(i);
    for (unsigned p = 0; p < digits.passes; ++p) {
      ++histogram[p * digits.buckets + digits.digit(k, p)];
    }
  }
  return histogram;
}

/// Turns the digit counts of one radix pass over `n` keys into the first output position of
/// each digit. Returns false (and leaves `count` alone) when every key has the digit
/// `digit_of_any_key` in this pass, so the pass would not move anything.
[[nodiscard]] inline bool radix_offsets(const radix_digits& digits, std::size_t* count, std::uint64_t digit_of_any_key,
                                        std::size_t n) noexcept {
  if (count[digit_of_any_key] == n) {
    return false;
  }
  std::size_t sum = 0;
  for (std::size_t b = 0; b < digits.buckets; ++b) {
    const std::size_t c = count[b];
    count[b] = sum;
    sum += c;
  }
  return true;
}

/// Stable ascending sort of `values` by `keys` (both reordered together).
///
/// LSD radix sort with the digits of radix_digits (passes whose digit is constant are
/// skipped): O(m) time, 12 bytes of scratch per element. Small inputs use std::stable_sort.
inline void radix_sort_pairs(std::vector<std::uint64_t>& keys, std::vector<int>& values) {
  const std::size_t m = keys.size();
  if (m < 2) {
    return;
  }
  if (m < pareto_thresholds::radix_sort_keys) {
    std::vector<std::pair<std::uint64_t, int>> pairs(m);
    for (std::size_t i = 0; i < m; ++i) {
      pairs[i] = {keys[i], values[i]};
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < m; ++i) {
      keys[i] = pairs[i].first;
      values[i] = pairs[i].second;
    }
    return;
  }
  const radix_digits digits(m);
  std::vector<std::size_t> histogram =
      radix_histograms(digits, m, [&keys](std::size_t i) { return keys[i]; });
  std::vector<std::uint64_t> keys_out(m);
  std::vector<int> values_out(m);
  for (unsigned p = 0; p < digits.passes; ++p) {
    std::size_t* count = histogram.data() + p * digits.buckets;
    if (!radix_offsets(digits, count, digits.digit(keys[0], p), m)) {
      continue;  // every key has the same digit here
    }
    for (std::size_t i = 0; i < m; ++i) {
      const std::uint64_t k = keys[i];
      const std::size_t to = count[digits.digit(k, p)]++;
      keys_out[to] = k;
      values_out[to] = values[i];
    }
    keys.swap(keys_out);
    values.swap(values_out);
  }
}

/// Lexicographic ascending order of `m` packed rows of `d` non-NaN doubles (row-major),
/// ties (identical rows) broken by position. Returns the positions in that order.
///
/// Radix sort on the first column, then a comparison sort inside each run of equal
/// first values (rare for continuous data): O(m) typical, O(m log m) worst case.
[[nodiscard]] inline std::vector<int> lexicographic_order(const double* rows, std::size_t m,
                                                          std::size_t d) {
  std::vector<std::uint64_t> keys(m);
  std::vector<int> order(m);
  for (std::size_t i = 0; i < m; ++i) {
    keys[i] = ordered_key(rows[i * d]);
    order[i] = static_cast<int>(i);
  }
  radix_sort_pairs(keys, order);
  if (d < 2) {
    return order;
  }
  const auto less = [rows, d](int a, int b) {
    const double* ra = rows + static_cast<std::size_t>(a) * d;
    const double* rb = rows + static_cast<std::size_t>(b) * d;
    for (std::size_t j = 1; j < d; ++j) {
      if (ra[j] < rb[j]) {
        return true;
      }
      if (rb[j] < ra[j]) {
        return false;
      }
    }
    return a < b;
  };
  std::size_t start = 0;
  while (start < m) {
    std::size_t end = start + 1;
    while (end < m && keys[end] == keys[start]) {
      ++end;
    }
    if (end - start > 1) {
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(start),
                order.begin() + static_cast<std::ptrdiff_t>(end), less);
    }
    start = end;
  }
  return order;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_PARETO_SORT_HPP
