#ifndef TRADEOFF_DETAIL_TABLE_COLUMN_HPP
#define TRADEOFF_DETAIL_TABLE_COLUMN_HPP

/// @file
/// @brief Internal: the checked row indices of result_table::take and take_rows, and one
/// column of a tradeoff::table (read_csv, read_json) as a typed key column with the dtype
/// pandas' read_csv would give it.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/key_table.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff::detail {

/// Row indices `at` as a std::vector, each checked to be in [0, rows) (E138).
template <typename DerivedRows>
[[nodiscard]] std::vector<Eigen::Index> checked_rows(const Eigen::DenseBase<DerivedRows>& at,
                                                     Eigen::Index rows, const char* function) {
  const auto& a = at.derived().eval();
  std::vector<Eigen::Index> out(static_cast<std::size_t>(a.size()));
  for (Eigen::Index j = 0; j < a.size(); ++j) {
    const auto i = static_cast<Eigen::Index>(a(j));
    if (i < 0 || i >= rows) {
      throw std::invalid_argument(detail::error_prefix(function) + "row index " + std::to_string(i) +
                                  " at position " + std::to_string(j) + " is outside [0, " + std::to_string(rows) +
                                  ")");
    }
    out[static_cast<std::size_t>(j)] = i;
  }
  return out;
}

/// pandas' read_csv dtype of column `name` of a tradeoff::table: object (text) if any cell is
/// neither a number nor missing; bool if every cell is true/false (any case); int64 if every cell
/// is an integer and none is missing; float64 otherwise.
template <typename Table>
key_column table_column(const Table& t, const std::string& name, const std::vector<Eigen::Index>& rows_at) {
  const auto report = t.numeric_with_report(name);  // pandas' converter: the values pandas holds
  const Eigen::Index c = t.column_index(name);
  if (report.coerced > 0) {
    std::vector<std::string> text;
    for (const Eigen::Index i : rows_at) {
      text.emplace_back(t.cell(i, c));
    }
    return key_column(name, std::move(text));
  }
  bool boolean = report.missing == 0 && t.rows() > 0;
  bool integer = report.missing == 0 && t.rows() > 0;
  for (Eigen::Index i = 0; i < t.rows() && (boolean || integer); ++i) {
    std::string cell(t.cell(i, c));
    std::transform(cell.begin(), cell.end(), cell.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    boolean = boolean && (cell == "true" || cell == "false");
    const auto first = cell.find_first_not_of(" \t");
    const auto last = cell.find_last_not_of(" \t");
    const std::string trimmed = first == std::string::npos ? "" : cell.substr(first, last - first + 1);
    const std::size_t digits_from = !trimmed.empty() && (trimmed[0] == '-' || trimmed[0] == '+') ? 1 : 0;
    integer = integer && trimmed.size() > digits_from &&
              trimmed.find_first_not_of("0123456789", digits_from) == std::string::npos;
  }
  Eigen::ArrayXd values(static_cast<Eigen::Index>(rows_at.size()));
  for (std::size_t j = 0; j < rows_at.size(); ++j) {
    values(static_cast<Eigen::Index>(j)) = report.values(rows_at[j]);
  }
  return key_column(name, values, boolean ? key_kind::boolean : integer ? key_kind::integer : key_kind::real);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_TABLE_COLUMN_HPP
