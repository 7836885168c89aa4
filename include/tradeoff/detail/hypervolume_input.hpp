#ifndef TRADEOFF_DETAIL_HYPERVOLUME_INPUT_HPP
#define TRADEOFF_DETAIL_HYPERVOLUME_INPUT_HPP

/// @file
/// @brief Internals of tradeoff::hypervolume and tradeoff::hypervolume_estimate: checking
/// the reference and the senses once, and reading the rows that contribute (strictly
/// better than the reference in every objective) into minimise space.

#include <tradeoff/detail/dominance.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace tradeoff::detail {

/// The checked reference in minimise space and the per-column signs.
struct hv_input {
  std::vector<double> signs;
  std::vector<double> reference;
};

/// Checks d >= 1, the reference's shape and NaN, and the senses; `function_name` starts
/// every message.
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] hv_input hv_check(const Eigen::DenseBase<DerivedPoints>& points,
                                const Eigen::DenseBase<DerivedReference>& reference,
                                const std::vector<sense>& senses, const char* function_name) {
  static_check_scalar<DerivedPoints>();
  static_check_scalar<DerivedReference>();
  const Eigen::Index d = points.cols();
  const std::string prefix = error_prefix(function_name);
  if (d < 1) {
    throw std::invalid_argument(prefix + "points has 0 columns (need at least one objective)");
  }
  if ((reference.rows() != 1 && reference.cols() != 1) || reference.size() != d) {
    throw std::invalid_argument(prefix + "reference has " + std::to_string(reference.rows()) +
                                "x" + std::to_string(reference.cols()) +
                                " entries but must be a vector of size " + std::to_string(d) +
                                " (one value per column of points)");
  }
  hv_input input;
  input.signs = sense_signs(senses, d, function_name);
  const auto dims = static_cast<std::size_t>(d);
  input.reference.resize(dims);
  for (std::size_t j = 0; j < dims; ++j) {
    const double r = static_cast<double>(reference.derived().coeff(static_cast<Eigen::Index>(j)));
    if (std::isnan(r)) {
      throw std::invalid_argument(prefix + "reference(" + std::to_string(j) + ") is NaN");
    }
    input.reference[j] = to_minimize(r, input.signs[j]);
  }
  return input;
}

/// Calls `emit(row)` with each row of `values` (an evaluated Eigen object) that is strictly
/// better than the reference in every objective (NaN fails the test), in minimise space
/// (`emit(row, i)` with the row's index i when `emit` takes two arguments);
/// returns true if one of them makes the volume infinite (a coordinate of -inf, or an
/// infinite reference).
template <typename Values, typename Emit>
bool hv_for_each_contributing(const Values& values, const hv_input& input, Emit emit) {
  const std::size_t dims = input.reference.size();
  constexpr double infinity = std::numeric_limits<double>::infinity();
  std::vector<double> row(dims);
  bool infinite = false;
  for (Eigen::Index i = 0; i < values.rows(); ++i) {
    bool inside = true;
    for (std::size_t j = 0; j < dims && inside; ++j) {
      const double v = to_minimize(
          static_cast<double>(values(i, static_cast<Eigen::Index>(j))), input.signs[j]);
      inside = v < input.reference[j];
      row[j] = v;
    }
    if (!inside) {
      continue;
    }
    for (std::size_t j = 0; j < dims; ++j) {
      infinite = infinite || !(-infinity < row[j]) || !(input.reference[j] < infinity);
    }
    if constexpr (std::is_invocable_v<Emit&, const double*, Eigen::Index>) {
      emit(static_cast<const double*>(row.data()), i);
    } else {
      emit(row.data());
    }
  }
  return infinite;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HYPERVOLUME_INPUT_HPP
