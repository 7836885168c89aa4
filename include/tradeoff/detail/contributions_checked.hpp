#ifndef TRADEOFF_DETAIL_CONTRIBUTIONS_CHECKED_HPP
#define TRADEOFF_DETAIL_CONTRIBUTIONS_CHECKED_HPP

/// @file
/// @brief hypervolume_contributions and least_contributor's shared body: the input checked once,
/// then every row's exclusive contribution (NaN for rows with NaN). Internal.

#include <tradeoff/detail/hypervolume_contributions.hpp>
#include <tradeoff/detail/hypervolume_input.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/sense.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff::detail {

/// The contributions of every row of `points` (NaN for rows with NaN), checked once.
template <typename DerivedPoints, typename DerivedReference>
[[nodiscard]] Eigen::ArrayXd hvc_of(const Eigen::DenseBase<DerivedPoints>& points,
                                    const Eigen::DenseBase<DerivedReference>& reference,
                                    const std::vector<sense>& senses, const char* function_name) {
  const hv_input input = hv_check(points, reference, senses, function_name);
  const std::size_t dims = input.reference.size();
  const auto& values = points.derived().eval();
  const Eigen::Index n = values.rows();
  Eigen::ArrayXd result = Eigen::ArrayXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < values.cols(); ++j) {
      if (std::isnan(static_cast<double>(values(i, j)))) {
        result(i) = std::numeric_limits<double>::quiet_NaN();
      }
    }
  }
  std::vector<double> rows;
  std::vector<Eigen::Index> index;
  const bool infinite =
      hv_for_each_contributing(values, input, [&](const double* v, Eigen::Index i) {
        rows.insert(rows.end(), v, v + dims);
        index.push_back(i);
      });
  if (infinite) {
    throw std::domain_error(error_prefix(function_name) +
                            "a contributing point has an infinite coordinate, or the reference "
                            "is infinite (the contributions would be inf - inf)");
  }
  const std::size_t count = index.size();
  if (count == 0) {
    return result;
  }
  if (dims == 1) {
    // Only a unique best value contributes: up to the second best (or the reference).
    std::size_t best = 0;
    for (std::size_t k = 1; k < count; ++k) {
      best = rows[k] < rows[best] ? k : best;
    }
    double second = input.reference[0];
    for (std::size_t k = 0; k < count; ++k) {
      if (k != best) {
        second = std::min(second, rows[k]);
      }
    }
    result(index[best]) = second - rows[best];
    return result;
  }
  const Eigen::Map<const Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
      matrix(rows.data(), static_cast<Eigen::Index>(count), static_cast<Eigen::Index>(dims));
  const Eigen::ArrayXi on_front = pareto_front(matrix);
  std::vector<std::size_t> front(static_cast<std::size_t>(on_front.size()));
  for (Eigen::Index k = 0; k < on_front.size(); ++k) {
    front[static_cast<std::size_t>(k)] = static_cast<std::size_t>(on_front(k));
  }
  const std::vector<double> contribution =
      hvc_contributions(rows, count, dims, front, input.reference);
  for (std::size_t k = 0; k < count; ++k) {
    result(index[k]) = contribution[k];
  }
  return result;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_CONTRIBUTIONS_CHECKED_HPP
