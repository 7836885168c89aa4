#ifndef TRADEOFF_DETAIL_PARETO_THRESHOLDS_HPP
#define TRADEOFF_DETAIL_PARETO_THRESHOLDS_HPP

/// @file
/// @brief The table sizes at which the Pareto engines switch strategy (pre-filters, radix sort,
/// median split). Internal.
///
/// The defaults were chosen on the benchmarks (docs/performance.md). Results never depend on
/// them, only speed does. TRADEOFF_DETAIL_SMALL_THRESHOLDS, defined by the fuzz targets and
/// nowhere else, divides every threshold by 32, so that generated tables of tens
/// of rows reach every strategy and its boundaries in a fraction of the time (docs/fuzzing.md).

#include <cstddef>

namespace tradeoff::detail::pareto_thresholds {

#ifdef TRADEOFF_DETAIL_SMALL_THRESHOLDS
inline constexpr std::ptrdiff_t divisor = 32;
#else
inline constexpr std::ptrdiff_t divisor = 1;
#endif

/// 2-D fronts: the bucket pre-filter runs from this many rows on.
inline constexpr std::ptrdiff_t prefilter_2d_rows = 1024 / divisor;
/// d >= 3 fronts: the pivot pre-filter runs from this many rows on ...
inline constexpr std::ptrdiff_t prefilter_nd_rows = 2048 / divisor;
/// ... on a strided sample of max(this, 4 sqrt(n)) rows.
inline constexpr std::ptrdiff_t prefilter_nd_sample_rows = 512 / divisor;
/// The radix sort of packed keys runs from this many keys on (std::stable_sort below).
inline constexpr std::size_t radix_sort_keys = 384 / divisor;
/// Bits per digit of that radix sort from radix_wide_digit_keys keys on (11: six passes over
/// 64-bit keys with 2,048 buckets; 8 bits below; the small thresholds use 4-bit digits,
/// sixteen passes of 16 buckets, so that a sort of tens of keys does not pay for clearing
/// 12,288 counters).
#ifdef TRADEOFF_DETAIL_SMALL_THRESHOLDS
inline constexpr unsigned radix_digit_bits = 4;
#else
inline constexpr unsigned radix_digit_bits = 11;
#endif
/// From this many keys on the radix sort uses radix_digit_bits-bit digits (8 below).
inline constexpr std::size_t radix_wide_digit_keys = 4096;
/// The divide-and-conquer split falls back from the sample's median to the exact one when a
/// side would get under 1/16 of more than this many rows.
inline constexpr std::size_t exact_median_rows = 1024 / divisor;

}  // namespace tradeoff::detail::pareto_thresholds

#endif  // TRADEOFF_DETAIL_PARETO_THRESHOLDS_HPP
