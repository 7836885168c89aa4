#ifndef TRADEOFF_DETAIL_NUMPY_SUM_HPP
#define TRADEOFF_DETAIL_NUMPY_SUM_HPP

/// @file
/// @brief numpy 1.24's summation order for float64 (`np.sum`, `np.mean`, `np.std`), so that a
/// bootstrap distribution of means or standard deviations equals numpy's bit for bit. Internal.
///
/// numpy adds a contiguous run by pairwise summation: fewer than 8 values left to right from 0;
/// up to 128 values in 8 interleaved accumulators combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))
/// plus the tail left to right; longer runs split at n/2 rounded down to a multiple of 8. A
/// reduction along the last axis of a 2-D array (scipy's resample matrices) hands the ufunc loop
/// runs of at most 8192 values (the iterator's buffer size) and adds the runs' sums left to
/// right; a 1-D array is one run.

#include <cmath>
#include <cstddef>

namespace tradeoff::detail {

/// numpy's pairwise_sum of data[0, n).
inline double numpy_pairwise_sum(const double* data, std::size_t n) noexcept {
  if (n < 8) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      sum += data[i];
    }
    return sum;
  }
  if (n <= 128) {
    double r[8];
    for (std::size_t j = 0; j < 8; ++j) {
      r[j] = data[j];
    }
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8) {
      for (std::size_t j = 0; j < 8; ++j) {
        r[j] += data[i + j];
      }
    }
    double sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) {
      sum += data[i];
    }
    return sum;
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return numpy_pairwise_sum(data, half) + numpy_pairwise_sum(data + half, n - half);
}

/// numpy's run length for a reduction along the last axis of a 2-D array.
inline constexpr std::size_t numpy_buffer_size = 8192;

/// `np.sum` of a 1-D array (`rows_of_matrix` false) or of one row of a 2-D array reduced along
/// its last axis (`rows_of_matrix` true: runs of 8192).
inline double numpy_sum(const double* data, std::size_t n, bool rows_of_matrix) noexcept {
  if (!rows_of_matrix) {
    return 0.0 + numpy_pairwise_sum(data, n);
  }
  double sum = 0.0;
  for (std::size_t first = 0; first < n; first += numpy_buffer_size) {
    const std::size_t run = n - first < numpy_buffer_size ? n - first : numpy_buffer_size;
    sum += numpy_pairwise_sum(data + first, run);
  }
  return sum;
}

/// `np.mean`: numpy_sum / n.
inline double numpy_mean(const double* data, std::size_t n, bool rows_of_matrix) noexcept {
  return numpy_sum(data, n, rows_of_matrix) / static_cast<double>(n);
}

/// `np.std(ddof)`: sqrt(sum((x - mean)^2) / max(n - ddof, 0)), both sums in numpy's order;
/// `squares` is scratch space for n values.
inline double numpy_std(const double* data, std::size_t n, int ddof, bool rows_of_matrix, double* squares) noexcept {
  const double mean = numpy_mean(data, n, rows_of_matrix);
  for (std::size_t i = 0; i < n; ++i) {
    const double deviation = data[i] - mean;
    squares[i] = deviation * deviation;
  }
  const double divisor = static_cast<double>(n) - static_cast<double>(ddof);
  return std::sqrt(numpy_sum(squares, n, rows_of_matrix) / (divisor > 0.0 ? divisor : 0.0));
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_NUMPY_SUM_HPP
