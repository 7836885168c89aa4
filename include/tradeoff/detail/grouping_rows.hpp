#ifndef TRADEOFF_DETAIL_GROUPING_ROWS_HPP
#define TRADEOFF_DETAIL_GROUPING_ROWS_HPP

/// @file
/// @brief Row-wise access to a grouping for the functions that read several columns per row
/// (front_probability, empirical_attainment). Internal. The one place these headers read a
/// grouping's row codes, so a change of the grouping's representation touches only this file.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/group.hpp>

#include <Eigen/Core>

#include <stdexcept>
#include <string>

namespace tradeoff::detail {

/// The group of row i (in [0, g.groups())), or -1 if the grouping dropped the row.
template <typename Keys>
[[nodiscard]] int group_of_row(const grouping<Keys>& g, Eigen::Index i) {
  return g.codes()(i);
}

/// Checks that the grouping has `rows` rows (the rows of `argument`); its codes and sizes are
/// consistent by construction (group.hpp), so this is O(1).
template <typename Keys>
void check_grouping_rows(const grouping<Keys>& g, Eigen::Index rows, const char* function, const char* argument) {
  if (rows != g.rows()) {
    throw std::invalid_argument(error_prefix(function) + argument + " has " +
                                std::to_string(rows) + " rows but the grouping has " + std::to_string(g.rows()));
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_GROUPING_ROWS_HPP
