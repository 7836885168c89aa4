#ifndef TRADEOFF_QUANTILE_METHOD_HPP
#define TRADEOFF_QUANTILE_METHOD_HPP

/// @file
/// @brief Which of numpy's 13 sample-quantile definitions a quantile uses (quantile.hpp,
/// group.hpp, bootstrap.hpp, quantile_interval.hpp), and numpy's name of each.

#include <tradeoff/detail/error_prefix.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace tradeoff {

/// @brief The 13 sample-quantile definitions of numpy.quantile (numpy >= 1.22), by numpy's names.
///
/// The first nine are Hyndman & Fan's (1996) types 1-9: `inverted_cdf` (1),
/// `averaged_inverted_cdf` (2), `closest_observation` (3), `interpolated_inverted_cdf` (4),
/// `hazen` (5), `weibull` (6), `linear` (7, numpy's and pandas' default), `median_unbiased` (8),
/// `normal_unbiased` (9). The other four pick from the sorted sample at h = (n - 1) q:
/// `lower` (floor), `higher` (ceil), `midpoint` (mean of both), `nearest` (round half to even).
enum class quantile_method {
  inverted_cdf,
  averaged_inverted_cdf,
  closest_observation,
  interpolated_inverted_cdf,
  hazen,
  weibull,
  linear,
  median_unbiased,
  normal_unbiased,
  lower,
  higher,
  midpoint,
  nearest
};

/// @brief numpy's name of a quantile method ("linear", "hazen", ...).
/// @note O(1).
[[nodiscard]] inline const char* quantile_method_name(quantile_method method) noexcept {
  switch (method) {
    case quantile_method::inverted_cdf: return "inverted_cdf";
    case quantile_method::averaged_inverted_cdf: return "averaged_inverted_cdf";
    case quantile_method::closest_observation: return "closest_observation";
    case quantile_method::interpolated_inverted_cdf: return "interpolated_inverted_cdf";
    case quantile_method::hazen: return "hazen";
    case quantile_method::weibull: return "weibull";
    case quantile_method::linear: return "linear";
    case quantile_method::median_unbiased: return "median_unbiased";
    case quantile_method::normal_unbiased: return "normal_unbiased";
    case quantile_method::lower: return "lower";
    case quantile_method::higher: return "higher";
    case quantile_method::midpoint: return "midpoint";
    case quantile_method::nearest: return "nearest";
  }
  return "linear";
}

/// @brief The quantile method with numpy's name `name` (as numpy.quantile's `method=`).
/// @param name One of numpy's 13 names, exactly (case-sensitive).
/// @return The method.
/// @throws std::invalid_argument for any other name; the message lists the valid ones.
/// @note O(1).
[[nodiscard]] inline quantile_method parse_quantile_method(std::string_view name) {
  std::string valid;
  for (int m = 0; m <= static_cast<int>(quantile_method::nearest); ++m) {
    const auto method = static_cast<quantile_method>(m);
    if (name == quantile_method_name(method)) {
      return method;
    }
    valid += valid.empty() ? "" : ", ";
    valid += quantile_method_name(method);
  }
  throw std::invalid_argument(detail::error_prefix("parse_quantile_method") + "\"" + std::string(name) +
                              "\" is not a numpy quantile method; use one of " + valid);
}

}  // namespace tradeoff

#endif  // TRADEOFF_QUANTILE_METHOD_HPP
