#ifndef TRADEOFF_TESTS_FUZZ_NUMPY_REFERENCE_HPP
#define TRADEOFF_TESTS_FUZZ_NUMPY_REFERENCE_HPP

/// @file
/// @brief Sort-based reference implementations of numpy 1.24's quantile methods and of pandas
/// 1.5.3's median, groupby sum and mean (Kahan, row order), var (Welford), min and max, written independently of the
/// library from numpy's `_quantile`/`_lerp`/`_get_indexes` and pandas' Cython group kernels.
/// Used by the fuzz_stats target. Deliberately simple: a full std::sort, no selection, every
/// intermediate stored in a volatile double so no compiler can fuse a product into a sum.
/// tests/fuzz/reference_check.py compares this file with numpy/pandas themselves.

#include <tradeoff/quantile.hpp>  // only for the quantile_method enumeration

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace tradeoff_fuzz::reference {

/// The 13 methods, by the library's names (numpy's names and order).
using method = tradeoff::quantile_method;
inline constexpr int method_count = 13;

/// A double forced through memory: the value is rounded to double and cannot be fused.
inline double stored(double x) {
  volatile double keep = x;
  return keep;
}

inline double nan() { return std::numeric_limits<double>::quiet_NaN(); }

/// The non-NaN values, sorted ascending (ties in any order: they are equal).
inline std::vector<double> sorted_valid(const std::vector<double>& values) {
  std::vector<double> out;
  for (const double v : values) {
    if (!std::isnan(v)) out.push_back(v);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// numpy.around: round half to even.
inline double around(double x) {
  const double f = std::floor(x);
  const double r = stored(x - f);
  if (r < 0.5) return f;
  if (r > 0.5) return f + 1.0;
  return std::fmod(f, 2.0) == 0.0 ? f : f + 1.0;
}

/// numpy's _discret_interpolation_to_boundaries(index, condition) with its clip of negatives.
inline std::size_t discrete(double index, bool closest) {
  const double previous = std::floor(index);
  const double next = previous + 1.0;
  const double gamma = stored(index - previous);
  bool take_previous = gamma == 0.0;
  if (closest) take_previous = take_previous && std::fmod(previous, 2.0) == 0.0;
  double chosen = take_previous ? previous : next;
  if (chosen < 0.0) chosen = 0.0;
  return static_cast<std::size_t>(chosen);
}

/// numpy's _compute_virtual_index: n*q + (alpha + q*(1 - alpha - beta)) - 1.
inline double virtual_index(double n, double q, double alpha, double beta) {
  const double slope = stored(stored(1.0 - alpha) - beta);
  const double inner = stored(alpha + stored(q * slope));
  return stored(stored(stored(n * q) + inner) - 1.0);
}

/// numpy's _lerp(a, b, t).
inline double lerp(double a, double b, double t) {
  const double diff = stored(b - a);
  if (t >= 0.5) return stored(b - stored(diff * stored(1.0 - t)));
  return stored(a + stored(diff * t));
}

/// numpy.quantile(sorted, q, method=m) for a sorted NaN-free sample; NaN for an empty one.
inline double quantile_sorted(const std::vector<double>& s, double q, method m) {
  if (s.empty()) return nan();
  const double n = static_cast<double>(s.size());
  const double last_index = static_cast<double>(s.size() - 1);
  auto pick = [&](std::size_t i) { return s.at(i); };  // at(): a bad index is a reference bug
  double vi = 0.0;
  switch (m) {
    case method::inverted_cdf: return pick(discrete(stored(stored(n * q) - 1.0), false));
    case method::closest_observation: return pick(discrete(stored(stored(stored(n * q) - 1.0) - 0.5), true));
    case method::lower: return pick(static_cast<std::size_t>(std::floor(stored(last_index * q))));
    case method::higher: return pick(static_cast<std::size_t>(std::ceil(stored(last_index * q))));
    case method::nearest: return pick(static_cast<std::size_t>(around(stored(last_index * q))));
    case method::averaged_inverted_cdf: vi = stored(stored(n * q) - 1.0); break;
    case method::interpolated_inverted_cdf: vi = virtual_index(n, q, 0.0, 1.0); break;
    case method::hazen: vi = virtual_index(n, q, 0.5, 0.5); break;
    case method::weibull: vi = virtual_index(n, q, 0.0, 0.0); break;
    case method::linear: vi = stored(last_index * q); break;
    case method::median_unbiased: vi = virtual_index(n, q, 1 / 3.0, 1 / 3.0); break;
    case method::normal_unbiased: vi = virtual_index(n, q, 3 / 8.0, 3 / 8.0); break;
    case method::midpoint: {
      const double h = stored(last_index * q);
      vi = stored(0.5 * stored(std::floor(h) + std::ceil(h)));
      break;
    }
  }
  // _get_indexes: previous = floor(vi), next = previous + 1; vi >= n - 1 -> both -1 (the last);
  // vi < 0 -> both 0. gamma = vi - previous with the *adjusted* previous (-1 counts as -1).
  double previous = std::floor(vi);
  std::size_t lo = 0;
  std::size_t hi = 0;
  if (vi >= last_index) {
    previous = -1.0;
    lo = hi = s.size() - 1;
  } else if (vi < 0.0) {
    previous = 0.0;
    lo = hi = 0;
  } else {
    lo = static_cast<std::size_t>(previous);
    hi = lo + 1;
  }
  double gamma = stored(vi - previous);
  if (m == method::averaged_inverted_cdf) gamma = gamma == 0.0 ? 0.5 : 1.0;
  if (m == method::midpoint) gamma = std::fmod(vi, 1.0) == 0.0 ? 0.0 : 0.5;
  return lerp(pick(lo), pick(hi), gamma);
}

/// pandas' median (numpy.median of the valid values): the middle value or the mean of the pair.
inline double median_sorted(const std::vector<double>& s) {
  if (s.empty()) return nan();
  const std::size_t n = s.size();
  if (n % 2 == 1) return s[n / 2];
  return stored(stored(s[n / 2 - 1] + s[n / 2]) / 2.0);
}

/// pandas 1.5.3 group_sum: Kahan-compensated sum in row order, NaN skipped; 0 for no valid value.
/// `count` receives the number of valid values.
inline double kahan_sum(const std::vector<double>& values_in_row_order, long& count) {
  double sum = 0.0;
  double compensation = 0.0;
  count = 0;
  for (const double v : values_in_row_order) {
    if (std::isnan(v)) continue;
    ++count;
    const double y = stored(v - compensation);
    const double t = stored(sum + y);
    compensation = stored(stored(t - sum) - y);
    sum = t;
  }
  return sum;
}

/// pandas 1.5.3 group_mean: the Kahan sum divided by the count; NaN for no valid value.
inline double kahan_mean(const std::vector<double>& values_in_row_order) {
  long count = 0;
  const double sum = kahan_sum(values_in_row_order, count);
  if (count == 0) return nan();
  return stored(sum / static_cast<double>(count));
}

/// pandas 1.5.3 group_var: Welford's update in row order, NaN skipped, / (count - ddof); NaN when
/// count <= ddof.
inline double welford_var(const std::vector<double>& values_in_row_order, int ddof = 1) {
  double mean = 0.0;
  double squares = 0.0;
  long count = 0;
  for (const double v : values_in_row_order) {
    if (std::isnan(v)) continue;
    ++count;
    const double old_mean = mean;
    mean = stored(mean + stored(stored(v - old_mean) / static_cast<double>(count)));
    squares = stored(squares + stored(stored(v - mean) * stored(v - old_mean)));
  }
  if (count <= ddof) return nan();
  return stored(squares / static_cast<double>(count - ddof));
}

/// pandas group_min / group_max: start at ±inf, replace on a strict improvement, NaN skipped;
/// no valid value -> NaN.
inline double group_min(const std::vector<double>& values_in_row_order) {
  double best = std::numeric_limits<double>::infinity();
  bool any = false;
  for (const double v : values_in_row_order) {
    if (std::isnan(v)) continue;
    any = true;
    if (v < best) best = v;
  }
  return any ? best : nan();
}
inline double group_max(const std::vector<double>& values_in_row_order) {
  double best = -std::numeric_limits<double>::infinity();
  bool any = false;
  for (const double v : values_in_row_order) {
    if (std::isnan(v)) continue;
    any = true;
    if (v > best) best = v;
  }
  return any ? best : nan();
}

}  // namespace tradeoff_fuzz::reference

#endif  // TRADEOFF_TESTS_FUZZ_NUMPY_REFERENCE_HPP
