#ifndef TRADEOFF_DETAIL_GROUP_MULTI_KEY_HPP
#define TRADEOFF_DETAIL_GROUP_MULTI_KEY_HPP

/// @file
/// @brief group_by over several key columns: each column is factorized on its own into sorted
/// codes (so code order is that column's key order), the codes are combined column by column
/// into one 64-bit code per row (previous · groups_c + code_c, re-factorized after each column so
/// it stays below rows²), and the combined codes are factorized once more, sorted (lexicographic,
/// pandas' MultiIndex order) or in order of first appearance. Internal.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/group_factorize.hpp>
#include <tradeoff/key_table.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::detail {

/// Sorted codes of one key column for the selected rows (−1: not selected or a dropped NaN key).
template <typename Selected>
Eigen::ArrayXi column_codes(const key_column& c, Selected selected, bool dropna, Eigen::Index& groups) {
  const Eigen::Index rows = c.rows();
  Eigen::ArrayXi codes;
  switch (c.kind()) {
    case key_kind::text: {
      auto f = factorize_strings(
          rows, [&](Eigen::Index i) { return std::string_view(c.text()[static_cast<std::size_t>(i)]); }, selected,
          true);
      groups = static_cast<Eigen::Index>(f.keys.size());
      codes = std::move(f.codes);
      break;
    }
    case key_kind::real: {
      auto f = factorize_floats<double>(
          rows, [&](Eigen::Index i) { return c.reals()(i); }, selected, true, !dropna);
      groups = static_cast<Eigen::Index>(f.keys.size());
      codes = std::move(f.codes);
      break;
    }
    default: {  // integer, boolean
      auto f = factorize_integers<std::int64_t>(
          rows, [&](Eigen::Index i) { return c.integers()(i); }, selected, true);
      groups = static_cast<Eigen::Index>(f.keys.size());
      codes = std::move(f.codes);
      break;
    }
  }
  return codes;
}

/// The keys (one row per group), codes and sizes of a grouping over several key columns;
/// `selected(i)` says whether row i takes part. The columns have equal lengths (checked by the caller).
template <typename Selected>
factorized<Eigen::Index> factorize_key_columns(const std::vector<key_column>& columns, Selected selected,
                                               bool sort, bool dropna, std::vector<key_column>& keys_out) {
  const Eigen::Index rows = columns.front().rows();
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> combined = Eigen::Array<std::int64_t, Eigen::Dynamic, 1>::Zero(rows);
  std::int64_t combined_groups = 1;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    Eigen::Index groups = 0;
    const Eigen::ArrayXi codes = column_codes(columns[c], selected, dropna, groups);
    for (Eigen::Index i = 0; i < rows; ++i) {
      combined(i) = combined(i) < 0 || codes(i) < 0 ? -1 : combined(i) * groups + codes(i);
    }
    if (c + 1 < columns.size()) {  // renumber densely (sorted) so the next product stays below rows²
      auto f = factorize_integers<std::int64_t>(
          rows, [&](Eigen::Index i) { return combined(i); }, [&](Eigen::Index i) { return combined(i) >= 0; }, true);
      for (Eigen::Index i = 0; i < rows; ++i) {
        combined(i) = f.codes(i);
      }
      combined_groups = static_cast<std::int64_t>(f.keys.size());
    }
  }
  static_cast<void>(combined_groups);
  auto f = factorize_integers<std::int64_t>(
      rows, [&](Eigen::Index i) { return combined(i); }, [&](Eigen::Index i) { return combined(i) >= 0; }, sort);
  factorized<Eigen::Index> out;
  out.codes = std::move(f.codes);
  out.sizes = std::move(f.sizes);
  // The first row of each group holds its keys (for a float key, the −0.0 or +0.0 seen first, as pandas).
  std::vector<Eigen::Index> first(f.keys.size(), -1);
  for (Eigen::Index i = 0; i < rows; ++i) {
    const int code = out.codes(i);
    if (code >= 0 && first[static_cast<std::size_t>(code)] < 0) {
      first[static_cast<std::size_t>(code)] = i;
    }
  }
  keys_out.clear();
  for (const key_column& c : columns) {
    keys_out.push_back(c.rows_at(first));
  }
  out.keys = std::move(first);
  return out;
}

/// Throws unless there is at least one key column and all have the same length.
inline void check_key_columns(const std::vector<key_column>& columns, const char* function) {
  if (columns.empty()) {
    throw std::invalid_argument(error_prefix(function) + "keys has no columns (give at least one key column)");
  }
  for (std::size_t c = 1; c < columns.size(); ++c) {
    if (columns[c].rows() != columns[0].rows()) {
      throw std::invalid_argument(error_prefix(function) + "keys[" + std::to_string(c) + "] ('" +
                                  columns[c].name() + "') has " + std::to_string(columns[c].rows()) +
                                  " rows but keys[0] ('" + columns[0].name() + "') has " +
                                  std::to_string(columns[0].rows()));
    }
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_GROUP_MULTI_KEY_HPP
