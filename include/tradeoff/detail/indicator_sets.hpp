#ifndef TRADEOFF_DETAIL_INDICATOR_SETS_HPP
#define TRADEOFF_DETAIL_INDICATOR_SETS_HPP

/// @file
/// @brief Internals of the quality indicators (tradeoff/indicators.hpp): reading a set and a
/// reference set into minimise-space columns without their NaN rows, checked once, and the
/// nearest-row reduction every indicator is built from.

#include <tradeoff/detail/dominance.hpp>  // sense_signs, to_minimize, static_check_scalar
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/exact_equal.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff::detail {

/// The rows without NaN of one set, column by column (columns[j][i]), in minimise space.
struct indicator_columns {
  std::vector<std::vector<double>> columns;
  std::size_t rows = 0;
};

/// The set and the reference set of an indicator, checked.
struct indicator_input {
  indicator_columns points;
  indicator_columns reference;
  std::vector<double> signs;
};

template <typename Derived>
[[nodiscard]] indicator_columns indicator_read(const Eigen::DenseBase<Derived>& set,
                                               const std::vector<double>& signs) {
  const auto& values = set.derived().eval();
  const std::size_t d = signs.size();
  indicator_columns result;
  result.columns.assign(d, {});
  for (Eigen::Index i = 0; i < values.rows(); ++i) {
    bool valid = true;
    for (std::size_t j = 0; j < d && valid; ++j) {
      valid = !std::isnan(static_cast<double>(values(i, static_cast<Eigen::Index>(j))));
    }
    if (!valid) {
      continue;
    }
    for (std::size_t j = 0; j < d; ++j) {
      result.columns[j].push_back(
          to_minimize(static_cast<double>(values(i, static_cast<Eigen::Index>(j))), signs[j]));
    }
    ++result.rows;
  }
  return result;
}

/// Checks the shapes (E211), the senses and that both sets have a row without NaN (E212),
/// then reads both into minimise space.
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] indicator_input indicator_check(const Eigen::DenseBase<DerivedPoints>& points,
                                              const Eigen::DenseBase<DerivedReference>& reference_set,
                                              const std::vector<sense>& senses,
                                              const char* function_name) {
  static_check_scalar<DerivedPoints>();
  static_check_scalar<DerivedReference>();
  const std::string prefix = error_prefix(function_name);
  if (points.cols() < 1) {
    throw std::invalid_argument(prefix + "points has 0 columns (need at least one objective)");
  }
  if (reference_set.cols() != points.cols()) {
    throw std::invalid_argument(prefix + "reference_set has " +
                                std::to_string(reference_set.cols()) + " columns but points has " +
                                std::to_string(points.cols()) + " (one column per objective in both)");
  }
  indicator_input input;
  input.signs = sense_signs(senses, points.cols(), function_name);
  input.points = indicator_read(points, input.signs);
  input.reference = indicator_read(reference_set, input.signs);
  if (input.reference.rows == 0) {
    throw std::invalid_argument(prefix + "reference_set has no row without NaN (" +
                                std::to_string(reference_set.rows()) + " rows)");
  }
  if (input.points.rows == 0) {
    throw std::invalid_argument(prefix + "points has no row without NaN (" +
                                std::to_string(points.rows()) + " rows)");
  }
  return input;
}

/// For each row o of `outer`: the smallest over the rows i of `inner` of
/// fold_j term(j, inner_j, outer_j) with fold = `combine` from `start` (max for epsilon, + for
/// squared distances). Columns are scanned one at a time over a block of inner rows, so the
/// inner loop is a contiguous, vectorisable pass. O(|outer| |inner| d).
template <typename Term, typename Combine>
[[nodiscard]] std::vector<double> indicator_nearest(const indicator_columns& outer,
                                                    const indicator_columns& inner, Term term,
                                                    Combine combine, double start) {
  const std::size_t d = outer.columns.size();
  const std::size_t m = inner.rows;
  std::vector<double> result(outer.rows, std::numeric_limits<double>::infinity());
  constexpr std::size_t block = 2048;
  std::vector<double> value(block);
  for (std::size_t begin = 0; begin < m; begin += block) {
    const std::size_t size = std::min(block, m - begin);
    for (std::size_t o = 0; o < outer.rows; ++o) {
      std::fill(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(size), start);
      for (std::size_t j = 0; j < d; ++j) {
        const double target = outer.columns[j][o];
        const double* column = inner.columns[j].data() + begin;
        double* v = value.data();
        for (std::size_t i = 0; i < size; ++i) {
          v[i] = combine(v[i], term(j, column[i], target));
        }
      }
      double best = result[o];
      for (std::size_t i = 0; i < size; ++i) {
        best = std::min(best, value[i]);
      }
      result[o] = best;
    }
  }
  return result;
}

/// (mean of values^p)^(1/p), p > 0 (p = 1: the mean).
[[nodiscard]] inline double indicator_power_mean(const std::vector<double>& values, double p) {
  const bool plain = exact_equal(p, 1.0);
  double sum = 0.0;
  for (const double v : values) {
    sum += plain ? v : std::pow(v, p);
  }
  const double mean = sum / static_cast<double>(values.size());
  return plain ? mean : std::pow(mean, 1.0 / p);
}

/// GD_p(from, to): the power mean of the Euclidean distances from each row of `from` to its
/// nearest row of `to`.
[[nodiscard]] inline double generational_distance(const indicator_columns& from,
                                                  const indicator_columns& to, double p) {
  std::vector<double> nearest = indicator_nearest(
      from, to,
      [](std::size_t, double a, double b) {
        const double t = a - b;
        return t * t;
      },
      [](double acc, double v) { return acc + v; }, 0.0);
  for (double& v : nearest) {
    v = std::sqrt(v);
  }
  return indicator_power_mean(nearest, p);
}

inline void check_exponent(double p, const char* function_name) {
  if (!(p > 0.0) || !std::isfinite(p)) {
    throw std::invalid_argument(error_prefix(function_name) + "p = " + detail::number_text(p) +
                                " is not a finite value > 0");
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_INDICATOR_SETS_HPP
