#ifndef TRADEOFF_NORMALISE_HPP
#define TRADEOFF_NORMALISE_HPP

/// @file
/// @brief Scaling each objective to a target range from given bounds or the data's own, as
/// moocore's `normalise`.

#include <tradeoff/detail/dominance.hpp>  // sense_signs, static_check_scalar
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff {

/// @brief The target range of tradeoff::normalise: a minimised objective's lower bound goes to
/// `low` and its upper bound to `high`; a maximised objective's the other way round (its best
/// value, the upper bound, goes to `low`), so that after normalising every objective is
/// minimised. moocore's R default is (1, 2), its Python default (0, 1); this one is (0, 1).
struct normalise_range {
  double low = 0.0;
  double high = 1.0;
};

/// @brief Each column scaled linearly so that [lower(j), upper(j)] maps onto the target range.
///
/// @param points n x d Eigen array or matrix of float or double.
/// @param lower  d bounds (an Eigen vector), or empty: a NaN entry or an empty vector means the
///               column's smallest value (over the rows without NaN in any column).
/// @param upper  d bounds likewise; NaN or empty means the column's largest value.
/// @param senses one tradeoff::sense per column, or empty for "minimise every objective".
/// @param range  the target range (default (0, 1)).
/// @return n x d Eigen::ArrayXXd: for a minimised column low + (v - lower) (high - low) /
///         (upper - lower), for a maximised one high - (v - lower) (high - low) / (upper -
///         lower). Values outside the bounds map outside the range (no clamping). NaN stays
///         NaN; rows with NaN do not count for the data's bounds. A column whose bounds come from
///         the data and are equal (a constant column) maps to `range.low`, as moocore does.
/// @throws std::invalid_argument (message starting `tradeoff::normalise: `) if lower or upper
///         is neither empty nor of size d (E216), if a column with a bound the caller gave
///         ends with upper(j) <= lower(j) or an infinite bound (E215: zero-width or inverted), if range.low or range.high is
///         not finite or they are equal (E217), or `senses` is neither empty nor of size d.
///
/// Complexity O(n d); the input is never modified.
template <typename DerivedPoints, typename DerivedLower, typename DerivedUpper>
[[nodiscard]] Eigen::ArrayXXd normalise(const Eigen::DenseBase<DerivedPoints>& points,
                                        const Eigen::DenseBase<DerivedLower>& lower,
                                        const Eigen::DenseBase<DerivedUpper>& upper,
                                        const std::vector<sense>& senses = {},
                                        normalise_range range = {}) {
  constexpr const char* function_name = "tradeoff::normalise";
  const std::string prefix = detail::error_prefix(function_name);
  detail::static_check_scalar<DerivedPoints>();
  const Eigen::Index d = points.cols();
  const std::vector<double> signs = detail::sense_signs(senses, d, function_name);
  auto check_size = [&](Eigen::Index size, const char* argument) {
    if (size != 0 && size != d) {
      throw std::invalid_argument(prefix + argument + " has " + std::to_string(size) +
                                  " entries but points has " + std::to_string(d) +
                                  " columns (give one bound per column, or none)");
    }
  };
  check_size(lower.size(), "lower");
  check_size(upper.size(), "upper");
  if (!std::isfinite(range.low) || !std::isfinite(range.high) ||
      !(range.low < range.high || range.high < range.low)) {
    throw std::invalid_argument(prefix + "range = (" + detail::number_text(range.low) + ", " +
                                detail::number_text(range.high) +
                                ") must be two different finite values");
  }
  const auto& values = points.derived().eval();
  const Eigen::Index n = values.rows();
  Eigen::ArrayXXd result(n, d);
  for (Eigen::Index j = 0; j < d; ++j) {
    double low = lower.size() == 0 ? std::numeric_limits<double>::quiet_NaN()
                                   : static_cast<double>(lower.derived().coeff(j));
    double high = upper.size() == 0 ? std::numeric_limits<double>::quiet_NaN()
                                    : static_cast<double>(upper.derived().coeff(j));
    const bool given = !std::isnan(low) || !std::isnan(high);  // a bound the caller chose
    if (std::isnan(low) || std::isnan(high)) {
      double smallest = std::numeric_limits<double>::infinity();
      double largest = -std::numeric_limits<double>::infinity();
      for (Eigen::Index i = 0; i < n; ++i) {
        if (values.row(i).hasNaN()) {
          continue;
        }
        const double v = static_cast<double>(values(i, j));
        smallest = std::min(smallest, v);
        largest = std::max(largest, v);
      }
      low = std::isnan(low) ? smallest : low;
      high = std::isnan(high) ? largest : high;
    }
    if (given && (!(low < high) || !std::isfinite(low) || !std::isfinite(high))) {
      throw std::invalid_argument(prefix + "lower(" + std::to_string(j) + ") = " +
                                  detail::number_text(low) + " and upper(" + std::to_string(j) +
                                  ") = " + detail::number_text(high) +
                                  " are not finite bounds with lower < upper (a zero-width or "
                                  "inverted range cannot be normalised)");
    }
    const double width = high - low;
    const double scale = (range.high - range.low) / width;
    const bool constant = !(low < high);  // from the data: a constant column (or no valid row)
    const bool maximised = signs[static_cast<std::size_t>(j)] < 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double v = static_cast<double>(values(i, j));
      if (std::isnan(v)) {
        result(i, j) = v;
      } else if (constant) {
        result(i, j) = range.low;
      } else {
        const double t = (v - low) * scale;
        result(i, j) = maximised ? range.high - t : range.low + t;
      }
    }
  }
  return result;
}

/// @brief tradeoff::normalise with the data's own bounds in every column.
template <typename DerivedPoints>
[[nodiscard]] Eigen::ArrayXXd normalise(const Eigen::DenseBase<DerivedPoints>& points,
                                        const std::vector<sense>& senses = {},
                                        normalise_range range = {}) {
  return normalise(points, Eigen::ArrayXd(), Eigen::ArrayXd(), senses, range);
}

}  // namespace tradeoff

#endif  // TRADEOFF_NORMALISE_HPP
