#ifndef TRADEOFF_ROW_MASK_HPP
#define TRADEOFF_ROW_MASK_HPP

/// @file
/// @brief Row masks from columns: `df.type == "MHA"`, `df.type.isin([...])`, as Eigen bool
/// arrays, so they compose with Eigen's `&&`, `||`, `!` and numeric comparisons
/// (`t.numeric("tps_512") > 100`), and every function taking a mask (group_by, pareto_front,
/// pareto_ranks, hypervolume) accepts them.
///
/// NaN: a NaN value equals nothing (pandas' `==` and `isin`); text compares exactly (byte for
/// byte, no trimming, missing-value markers as written).

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff {

/// @brief One entry per row: true if the row is selected.
using row_mask = Eigen::Array<bool, Eigen::Dynamic, 1>;

/// @brief `column == value` per row (pandas' `df.type == "MHA"`). O(total text).
[[nodiscard]] inline row_mask equals(const std::vector<std::string>& column, std::string_view value) {
  row_mask m(static_cast<Eigen::Index>(column.size()));
  for (std::size_t i = 0; i < column.size(); ++i) {
    m(static_cast<Eigen::Index>(i)) = column[i] == value;
  }
  return m;
}

/// @brief Whether each row's text is one of `values` (pandas' `isin`). O(n log m).
[[nodiscard]] inline row_mask is_in(const std::vector<std::string>& column, std::vector<std::string> values) {
  std::sort(values.begin(), values.end());
  row_mask m(static_cast<Eigen::Index>(column.size()));
  for (std::size_t i = 0; i < column.size(); ++i) {
    m(static_cast<Eigen::Index>(i)) = std::binary_search(values.begin(), values.end(), column[i]);
  }
  return m;
}

/// @brief is_in() with the values as string literals: `is_in(type, {"GQA", "MLA"})`.
[[nodiscard]] inline row_mask is_in(const std::vector<std::string>& column, std::initializer_list<const char*> values) {
  return is_in(column, std::vector<std::string>(values.begin(), values.end()));
}

/// @brief Whether each row's number equals one of `values` (pandas' `isin`; NaN is in no set,
/// −0.0 equals +0.0). `column` is any Eigen vector expression. O(n log m).
template <typename Derived>
[[nodiscard]] row_mask is_in(const Eigen::DenseBase<Derived>& column, std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double x) { return std::isnan(x); }), values.end());
  std::sort(values.begin(), values.end());
  const auto& c = column.derived().eval();
  row_mask m(c.size());
  for (Eigen::Index i = 0; i < c.size(); ++i) {
    const auto x = static_cast<double>(c(i));
    m(i) = !std::isnan(x) && std::binary_search(values.begin(), values.end(), x);
  }
  return m;
}

}  // namespace tradeoff

#endif  // TRADEOFF_ROW_MASK_HPP
