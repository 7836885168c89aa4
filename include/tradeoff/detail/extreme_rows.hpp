#ifndef TRADEOFF_DETAIL_EXTREME_ROWS_HPP
#define TRADEOFF_DETAIL_EXTREME_ROWS_HPP

/// @file
/// @brief The first row holding the smallest or largest valid value, overall and per group
/// (idxmin.hpp). Internal.

#include <tradeoff/group.hpp>

#include <Eigen/Core>

#include <cmath>
#include <vector>

namespace tradeoff::detail {


template <bool Max, typename Values>
Eigen::Index extreme_row(const Values& v, Eigen::Index n) {
  Eigen::Index best = -1;
  double best_value = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto x = static_cast<double>(v(i));
    if (!std::isnan(x) && (best < 0 || (Max ? x > best_value : x < best_value))) {
      best = i;
      best_value = x;
    }
  }
  return best;
}

template <bool Max, typename Keys, typename DerivedValues>
Eigen::ArrayXi extreme_rows(const grouping<Keys>& g, const Eigen::DenseBase<DerivedValues>& values) {
  Eigen::ArrayXi best = Eigen::ArrayXi::Constant(g.groups(), -1);
  Eigen::ArrayXd best_value(g.groups());
  const auto& v = evaluated(values);
  for (Eigen::Index i = 0; i < g.rows(); ++i) {
    const int c = g.codes()(i);
    const auto x = static_cast<double>(v(i));
    if (c >= 0 && !std::isnan(x) && (best(c) < 0 || (Max ? x > best_value(c) : x < best_value(c)))) {
      best(c) = static_cast<int>(i);  // i < g.rows() <= INT_MAX (group_by checks it)
      best_value(c) = x;
    }
  }
  return best;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_EXTREME_ROWS_HPP
