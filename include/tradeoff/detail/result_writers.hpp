#ifndef TRADEOFF_DETAIL_RESULT_WRITERS_HPP
#define TRADEOFF_DETAIL_RESULT_WRITERS_HPP

/// @file
/// @brief Internal: the CSV, Markdown and JSON texts of a result table's columns, as pandas'
/// `to_csv`, `to_markdown` and `json.dumps(to_dict("records"))` write them (result_table.hpp
/// states each format; the number and text formatting is in result_format.hpp).

#include <tradeoff/detail/result_format.hpp>
#include <tradeoff/key_table.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace tradeoff::detail {

/// The number of rows of a table made of these columns (all have the same length).
inline Eigen::Index rows_of(const std::vector<key_column>& table_columns) noexcept {
  return table_columns.empty() ? 0 : table_columns.front().rows();
}


inline std::string cell_text(const key_column& c, Eigen::Index i, bool markdown) {
  switch (c.kind()) {
    case key_kind::text:
      return c.text()[static_cast<std::size_t>(i)];
    case key_kind::integer:
      return std::to_string(c.integers()(i));
    case key_kind::boolean:
      return c.integers()(i) != 0 ? "True" : "False";
    default:
      return markdown ? general_format(c.reals()(i)) : std::isnan(c.reals()(i)) ? "" : python_float_repr(c.reals()(i));
  }
}

inline void csv_to(std::ostream& out, const std::vector<key_column>& table_columns) {
  for (std::size_t c = 0; c < table_columns.size(); ++c) {
    out << (c == 0 ? "" : ",") << csv_field(table_columns[c].name());
  }
  out << '\n';
  for (Eigen::Index i = 0; i < rows_of(table_columns); ++i) {
    for (std::size_t c = 0; c < table_columns.size(); ++c) {
      out << (c == 0 ? "" : ",") << csv_field(cell_text(table_columns[c], i, false));
    }
    out << '\n';
  }
}

inline void markdown_to(std::ostream& out, const std::vector<key_column>& table_columns) {
  const std::size_t columns = table_columns.size();
  const auto rows = static_cast<std::size_t>(rows_of(table_columns));
  std::vector<std::vector<std::string>> cells(columns, std::vector<std::string>(rows));
  std::vector<std::size_t> width(columns);
  std::vector<bool> numeric(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    const key_column& column = table_columns[c];
    numeric[c] = column.kind() == key_kind::integer || column.kind() == key_kind::real;
    int decimals = -1;
    for (std::size_t i = 0; i < rows; ++i) {
      cells[c][i] = cell_text(column, static_cast<Eigen::Index>(i), true);
      decimals = std::max(decimals, after_point(cells[c][i]));
    }
    width[c] = code_points(column.name()) + 2;  // tabulate's minimum padding of headers
    for (std::size_t i = 0; i < rows; ++i) {
      if (numeric[c]) {  // tabulate's decimal alignment: pad to the same digits after the point
        cells[c][i] += std::string(static_cast<std::size_t>(decimals - after_point(cells[c][i])), ' ');
      }
      width[c] = std::max(width[c], code_points(cells[c][i]));
    }
  }
  auto padded = [&](const std::string& text, std::size_t c) {
    const std::string fill(width[c] - std::min(width[c], code_points(text)), ' ');
    return numeric[c] ? fill + text : text + fill;
  };
  for (std::size_t c = 0; c < columns; ++c) {
    out << "| " << padded(table_columns[c].name(), c) << ' ';
  }
  out << "|\n";
  for (std::size_t c = 0; c < columns; ++c) {
    out << '|' << (numeric[c] ? std::string(width[c] + 1, '-') + ":" : ":" + std::string(width[c] + 1, '-'));
  }
  out << "|\n";
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t c = 0; c < columns; ++c) {
      out << "| " << padded(cells[c][i], c) << ' ';
    }
    out << "|\n";
  }
}

inline void json_to(std::ostream& out, const std::vector<key_column>& table_columns) {
  out << '[';
  for (Eigen::Index i = 0; i < rows_of(table_columns); ++i) {
    out << (i == 0 ? "{" : ",{");
    for (std::size_t c = 0; c < table_columns.size(); ++c) {
      const key_column& column = table_columns[c];
      out << (c == 0 ? "" : ",") << json_string(column.name()) << ':';
      switch (column.kind()) {
        case key_kind::text:
          out << json_string(column.text()[static_cast<std::size_t>(i)]);
          break;
        case key_kind::boolean:
          out << (column.integers()(i) != 0 ? "true" : "false");
          break;
        case key_kind::integer:
          out << column.integers()(i);
          break;
        default:
          out << (std::isfinite(column.reals()(i)) ? python_float_repr(column.reals()(i)) : std::string("null"));
      }
    }
    out << '}';
  }
  out << "]\n";
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_RESULT_WRITERS_HPP
