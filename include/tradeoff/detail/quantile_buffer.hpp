#ifndef TRADEOFF_DETAIL_QUANTILE_BUFFER_HPP
#define TRADEOFF_DETAIL_QUANTILE_BUFFER_HPP

/// @file
/// @brief The valid (non-NaN) values of an expression copied into a scratch buffer, and the
/// quantiles read from that buffer by selection (quantile.hpp, group.hpp). Internal.

#include <tradeoff/detail/quantile_core.hpp>
#include <tradeoff/quantile_method.hpp>

#include <Eigen/Core>

#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::detail {

/// Copies the non-NaN values of an expression (evaluated once) into `buffer`, as doubles.
template <typename Derived>
void copy_valid_values(const Eigen::DenseBase<Derived>& values, scratch_buffer& buffer) {
  const auto& evaluated = values.derived().eval();
  buffer = scratch_buffer(evaluated.size());
  double* out = buffer.data();
  Eigen::Index valid = 0;
  for (Eigen::Index i = 0; i < evaluated.size(); ++i) {  // branch-free: write, advance if not NaN
    const double x = static_cast<double>(evaluated(i));
    out[valid] = x;
    valid += std::isnan(x) ? 0 : 1;
  }
  buffer.shrink(valid);
}

/// A std::vector<double> seen as an Eigen array, without a copy.
inline Eigen::Map<const Eigen::ArrayXd> vector_map(const std::vector<double>& values) {
  return {values.data(), static_cast<Eigen::Index>(values.size())};
}

inline Eigen::ArrayXd quantiles_of_buffer(scratch_buffer& buffer, const std::vector<double>& levels,
                                          quantile_method method) {
  const Eigen::Index n = buffer.size();
  Eigen::ArrayXd result(static_cast<Eigen::Index>(levels.size()));
  if (n == 0) {
    result.setConstant(std::numeric_limits<double>::quiet_NaN());
    return result;
  }
  std::vector<quantile_position> positions;
  std::vector<Eigen::Index> needed;
  for (const double q : levels) {
    positions.push_back(locate_quantile(n, q, method));
    add_needed(positions.back(), needed);
  }
  select_order_statistics(buffer.data(), n, needed);
  for (std::size_t j = 0; j < levels.size(); ++j) {
    result(static_cast<Eigen::Index>(j)) = evaluate_quantile(positions[j], buffer.data());
  }
  return result;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_QUANTILE_BUFFER_HPP
