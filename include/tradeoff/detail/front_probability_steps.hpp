#ifndef TRADEOFF_DETAIL_FRONT_PROBABILITY_STEPS_HPP
#define TRADEOFF_DETAIL_FRONT_PROBABILITY_STEPS_HPP

/// @file
/// @brief The steps front_probability and front_probability_noise share: the check of the draw
/// count and the finish (NaN for configurations without a valid run, then the front). Internal.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff::detail {

inline void check_draws(Eigen::Index resamples, const char* function) {
  if (resamples <= 0) {
    throw std::invalid_argument(detail::error_prefix(function) + "resamples = " + std::to_string(resamples) +
                                " must be positive");
  }
}

/// Marks configurations without a valid run as NaN and returns the front of the estimates.
/// `Result` is front_probability_result (front_probability.hpp, which includes this header first).
template <typename Result>
void finish_front_probability(Result& result, const std::vector<sense>& senses) {
  for (Eigen::Index c = 0; c < result.count.size(); ++c) {
    if (result.count(c) == 0) {
      result.probability(c) = std::numeric_limits<double>::quiet_NaN();
    }
  }
  result.front = pareto_front(result.estimate, senses);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_FRONT_PROBABILITY_STEPS_HPP
