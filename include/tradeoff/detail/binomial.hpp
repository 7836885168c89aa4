#ifndef TRADEOFF_DETAIL_BINOMIAL_HPP
#define TRADEOFF_DETAIL_BINOMIAL_HPP

/// @file
/// @brief The probability mass function of Binomial(n, p) for every k, accurately, without
/// lgamma. Internal.
///
/// The terms t_k = pmf(k) / pmf(mode) come from the ratio pmf(k + 1) / pmf(k) = (n − k) p /
/// ((k + 1)(1 − p)), walking outwards from the mode so that every term is at most 1 and the
/// walk never overflows; dividing by their sum normalises them. Each term carries a relative
/// error of about |k − mode| ulp, so a sum over the central terms (a coverage) is good to about
/// 1e-13 for n up to 10^5.

#include <tradeoff/detail/numpy_sum.hpp>

#include <cmath>
#include <cstddef>
#include <vector>

namespace tradeoff::detail {

/// pmf[k] = P(B = k) for B ~ Binomial(n, p), k = 0..n; 0 < p < 1.
inline std::vector<double> binomial_pmf(std::size_t n, double p) {
  std::vector<double> pmf(n + 1, 0.0);
  const auto mode = static_cast<std::size_t>(std::floor(static_cast<double>(n + 1) * p));
  const std::size_t top = mode > n ? n : mode;
  const double odds = p / (1.0 - p);
  pmf[top] = 1.0;
  for (std::size_t k = top; k < n; ++k) {  // upwards: pmf(k + 1) = pmf(k) (n − k) / (k + 1) · odds
    pmf[k + 1] = pmf[k] * (static_cast<double>(n - k) / static_cast<double>(k + 1) * odds);
    if (!(pmf[k + 1] > 0.0)) {
      break;
    }
  }
  for (std::size_t k = top; k > 0; --k) {  // downwards: pmf(k − 1) = pmf(k) k / (n − k + 1) / odds
    pmf[k - 1] = pmf[k] * (static_cast<double>(k) / static_cast<double>(n - k + 1) / odds);
    if (!(pmf[k - 1] > 0.0)) {
      break;
    }
  }
  const double total = numpy_pairwise_sum(pmf.data(), pmf.size());  // pairwise: error O(log n) ulp
  for (double& t : pmf) {
    t /= total;
  }
  return pmf;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_BINOMIAL_HPP
