#ifndef TRADEOFF_RESULT_TABLE_HPP
#define TRADEOFF_RESULT_TABLE_HPP

/// @file
/// @brief A result with named columns (text, integers, bools, doubles) — what summaries,
/// descriptions, fronts and serving curves turn into — and its writers: CSV that `read_csv` and
/// pandas read back to the same values bit for bit, the Markdown pipe table pandas' `to_markdown`
/// writes, and JSON records. Each writes to a stream or to a file (all or nothing: a temporary
/// renamed over the path).
///
/// Arrays of row indices are `Eigen::ArrayXi` in every result (pareto_front, idxmin and idxmax per
/// group); `take` accepts any integer Eigen vector.

#include <tradeoff/detail/atomic_file.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/named_column.hpp>
#include <tradeoff/detail/result_format.hpp>
#include <tradeoff/detail/vector_shape.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/key_table.hpp>
#include <tradeoff/serving_config.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace tradeoff {

/// @brief One named column of a result: the same type as a key column (text, integer, boolean, real).
using result_column = key_column;

/// @brief A table of named, typed columns of equal length.
class result_table {
 public:
  result_table() = default;
  /// @brief A table of these columns.
  /// @throws std::invalid_argument (E135) if two columns differ in length or share a name.
  explicit result_table(std::vector<result_column> columns) {
    for (result_column& c : columns) {
      add(std::move(c));
    }
  }
  /// @brief Appends a column.
  /// @throws std::invalid_argument (E135) if its length differs from rows() or its name is taken.
  result_table& add(result_column column) {
    for (const result_column& c : columns_) {
      if (c.name() == column.name()) {
        throw std::invalid_argument("tradeoff::result_table::add: a column named '" + column.name() +
                                    "' exists already");
      }
    }
    if (!columns_.empty() && column.rows() != rows()) {
      throw std::invalid_argument("tradeoff::result_table::add: column '" + column.name() + "' has " +
                                  std::to_string(column.rows()) + " rows but the table has " +
                                  std::to_string(rows()));
    }
    columns_.push_back(std::move(column));
    return *this;
  }
  /// @brief Appends a numeric or bool column (kind from the scalar type: `Eigen::ArrayXi` counts
  /// are integers, `Eigen::ArrayXd` reals).
  template <typename Derived>
  result_table& add(std::string name, const Eigen::DenseBase<Derived>& values) {
    return add(result_column(std::move(name), values));
  }
  /// @brief Appends a text column.
  result_table& add(std::string name, std::vector<std::string> text) {
    return add(result_column(std::move(name), std::move(text)));
  }
  /// @brief Number of rows.
  [[nodiscard]] Eigen::Index rows() const noexcept { return columns_.empty() ? 0 : columns_.front().rows(); }
  /// @brief Number of columns.
  [[nodiscard]] Eigen::Index columns() const noexcept { return static_cast<Eigen::Index>(columns_.size()); }
  /// @brief The columns, in order.
  [[nodiscard]] const std::vector<result_column>& all() const noexcept { return columns_; }
  /// @brief Column `name`.
  /// @throws std::invalid_argument (E137) if there is none; the message lists the columns.
  [[nodiscard]] const result_column& column(const std::string& name) const {
    return detail::named_column(columns_, name, "result_table::column", "column");
  }
  /// @brief The columns `names`, in that order (pandas' `df[["run", "val_loss"]]`).
  /// @throws std::invalid_argument (E137) for an unknown name.
  [[nodiscard]] result_table select(const std::vector<std::string>& names) const {
    result_table out;
    for (const std::string& name : names) {
      out.add(column(name));
    }
    return out;
  }
  /// @brief The rows `at`, in that order (pandas' `iloc[at]`); any integer Eigen vector.
  /// @throws std::invalid_argument (E138) for an index outside [0, rows()).
  template <typename DerivedRows>
  [[nodiscard]] result_table take(const Eigen::DenseBase<DerivedRows>& at) const {
    static_assert(std::is_integral_v<typename DerivedRows::Scalar>, "tradeoff::result_table::take: integer row indices");
    const std::vector<Eigen::Index> rows_at = checked_rows(at, rows(), "result_table::take");
    result_table out;
    for (const result_column& c : columns_) {
      out.add(c.rows_at(rows_at));
    }
    return out;
  }

  /// @brief Row indices as a checked std::vector (E138). Internal helper shared with take_rows.
  template <typename DerivedRows>
  [[nodiscard]] static std::vector<Eigen::Index> checked_rows(const Eigen::DenseBase<DerivedRows>& at,
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

 private:
  std::vector<result_column> columns_;
};

/// @brief The keys of a grouping as columns (one row per group): its key columns for a grouping
/// over several keys, or one column named `name` for a single key.
template <typename Keys>
[[nodiscard]] result_table key_columns(const grouping<Keys>& g, const std::string& name = "key") {
  result_table out;
  if constexpr (std::is_same_v<Keys, key_table>) {
    static_cast<void>(name);
    for (const key_column& c : g.keys().all()) {
      out.add(c);
    }
  } else {
    out.add(name, g.keys());
  }
  return out;
}

/// @brief A summary as a table: the key columns, then size, count, sum, mean, std, min, max,
/// median, one column per quantile level (named as pandas' describe names them: "25%",
/// "33.3333%"), IQR.
template <typename Keys>
[[nodiscard]] result_table to_table(const grouping<Keys>& g, const group_summary& s, const std::string& key = "key") {
  result_table out = key_columns(g, key);
  out.add("size", s.size).add("count", s.count).add("sum", s.sum).add("mean", s.mean).add("std", s.stddev);
  out.add("min", s.min).add("max", s.max).add("median", s.median);
  for (std::size_t j = 0; j < s.levels.size(); ++j) {
    out.add(detail::general_format(s.levels[j] * 100.0) + "%", Eigen::ArrayXd(s.quantiles.col(static_cast<Eigen::Index>(j))));
  }
  out.add("IQR", s.iqr);
  return out;
}

/// @brief Descriptions of several value columns as one table, as pandas'
/// `df.groupby(k)[["a", "b"]].describe()` with its two-level columns joined by a space
/// ("a count", "a mean", "a std", "a min", "a 25%", "a 50%", "a 75%", "a max", then "b count", …);
/// the IQR is in each group_description, not a pandas describe column.
/// @param described (value name, describe(g, values)) pairs.
template <typename Keys>
[[nodiscard]] result_table describe_table(const grouping<Keys>& g,
                                          const std::vector<std::pair<std::string, group_description>>& described,
                                          const std::string& key = "key") {
  result_table out = key_columns(g, key);
  for (const auto& [name, d] : described) {
    out.add(name + " count", d.count).add(name + " mean", d.mean).add(name + " std", d.stddev);
    out.add(name + " min", d.min).add(name + " 25%", d.q25).add(name + " 50%", d.q50).add(name + " 75%", d.q75);
    out.add(name + " max", d.max);
  }
  return out;
}

/// @brief A serving throughput curve as a table, one row per budget: `budget` (the budgets given to
/// `serving_throughput_curve`, as given), then `concurrent_sequences` (integer), `step_seconds` and
/// `tokens_per_second` (real).
/// @param budgets the KV budgets the curve was computed for (any Eigen vector; integer budgets stay integers).
/// @param budget the name of the budget column.
/// @throws std::invalid_argument (E230) if `budgets` is not a vector or its length differs from the
///   curve's (a curve of other budgets, or arrays of unequal length).
/// Complexity: O(budgets).
template <typename DerivedBudgets>
[[nodiscard]] result_table to_table(const Eigen::DenseBase<DerivedBudgets>& budgets, const throughput_curve& curve,
                                    const std::string& budget = "budget") {
  detail::check_vector(budgets, "to_table", "budgets");
  const Eigen::Index n = budgets.size();
  if (curve.concurrent_sequences.size() != n || curve.step_seconds.size() != n ||
      curve.tokens_per_second.size() != n) {
    throw std::invalid_argument(detail::error_prefix("to_table") + "budgets has " + std::to_string(n) +
                                " values but the curve has " + std::to_string(curve.concurrent_sequences.size()) +
                                " concurrent_sequences, " + std::to_string(curve.step_seconds.size()) +
                                " step_seconds and " + std::to_string(curve.tokens_per_second.size()) +
                                " tokens_per_second");
  }
  result_table out;
  out.add(budget, budgets).add("concurrent_sequences", curve.concurrent_sequences);
  out.add("step_seconds", curve.step_seconds).add("tokens_per_second", curve.tokens_per_second);
  return out;
}

namespace detail {

/// pandas' read_csv dtype of column `name` of a tradeoff::table: object (text) if any cell is
/// neither a number nor missing; bool if every cell is true/false (any case); int64 if every cell
/// is an integer and none is missing; float64 otherwise.
template <typename Table>
result_column table_column(const Table& t, const std::string& name, const std::vector<Eigen::Index>& rows_at) {
  const auto report = t.numeric_with_report(name);  // pandas' converter: the values pandas holds
  const Eigen::Index c = t.column_index(name);
  if (report.coerced > 0) {
    std::vector<std::string> text;
    for (const Eigen::Index i : rows_at) {
      text.emplace_back(t.cell(i, c));
    }
    return result_column(name, std::move(text));
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
  return result_column(name, values, boolean ? key_kind::boolean : integer ? key_kind::integer : key_kind::real);
}

}  // namespace detail

/// @brief Rows `at` (in that order) and columns `names` of a tradeoff::table (from read_csv) as a
/// result_table: pandas' `df.loc[at, names]` / `df.iloc[at][names]` with pandas' column types
/// (text, bool, int64, float64 as read_csv infers them; numbers as pandas converts them).
/// @tparam Table tradeoff::table (a template so that this header does not need csv.hpp).
/// @throws tradeoff::csv_error for an unknown column (it lists the columns); std::invalid_argument
///   (E138) for a row index outside [0, t.rows()).
template <typename Table, typename DerivedRows>
[[nodiscard]] result_table take_rows(const Table& t, const Eigen::DenseBase<DerivedRows>& at,
                                     const std::vector<std::string>& names) {
  const std::vector<Eigen::Index> rows_at = result_table::checked_rows(at, t.rows(), "take_rows");
  result_table out;
  for (const std::string& name : names) {
    out.add(detail::table_column(t, name, rows_at));
  }
  return out;
}

namespace detail {

inline std::string cell_text(const result_column& c, Eigen::Index i, bool markdown) {
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

inline void csv_to(std::ostream& out, const result_table& t) {
  for (std::size_t c = 0; c < t.all().size(); ++c) {
    out << (c == 0 ? "" : ",") << csv_field(t.all()[c].name());
  }
  out << '\n';
  for (Eigen::Index i = 0; i < t.rows(); ++i) {
    for (std::size_t c = 0; c < t.all().size(); ++c) {
      out << (c == 0 ? "" : ",") << csv_field(cell_text(t.all()[c], i, false));
    }
    out << '\n';
  }
}

inline void markdown_to(std::ostream& out, const result_table& t) {
  const std::size_t columns = t.all().size();
  const auto rows = static_cast<std::size_t>(t.rows());
  std::vector<std::vector<std::string>> cells(columns, std::vector<std::string>(rows));
  std::vector<std::size_t> width(columns);
  std::vector<bool> numeric(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    const result_column& column = t.all()[c];
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
    out << "| " << padded(t.all()[c].name(), c) << ' ';
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

inline void json_to(std::ostream& out, const result_table& t) {
  out << '[';
  for (Eigen::Index i = 0; i < t.rows(); ++i) {
    out << (i == 0 ? "{" : ",{");
    for (std::size_t c = 0; c < t.all().size(); ++c) {
      const result_column& column = t.all()[c];
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

}  // namespace detail

/// @brief Writes `t` as CSV, as pandas' `to_csv(index=False)` writes it: header line, one line
/// per row, floats as Python's repr (the shortest text that reads back to the same double, so
/// `read_csv` with float_precision::round_trip and pandas read the same values), NaN as an empty
/// cell, bools True/False, text quoted only when needed.
inline void write_csv(const result_table& t, std::ostream& out) { detail::csv_to(out, t); }

/// @brief write_csv() to the file `path`, all or nothing (a temporary renamed over `path`).
/// @throws std::invalid_argument (E139) if `path` cannot be written; nothing is left half-written.
inline void write_csv(const result_table& t, const std::string& path) {
  detail::write_file_atomically(path, "write_csv", [&](std::ostream& out) { detail::csv_to(out, t); });
}

/// @brief Writes `t` as the Markdown pipe table of pandas 1.5.3's `to_markdown(index=False)`
/// (tabulate 0.8.9, tablefmt "pipe"): text and bools left-aligned, numbers right-aligned with
/// their decimal points lined up, floats as %g (six significant digits), NaN as "nan".
inline void write_markdown(const result_table& t, std::ostream& out) { detail::markdown_to(out, t); }

/// @brief write_markdown() to the file `path`, all or nothing.
/// @throws std::invalid_argument (E139) if `path` cannot be written.
inline void write_markdown(const result_table& t, const std::string& path) {
  detail::write_file_atomically(path, "write_markdown", [&](std::ostream& out) { detail::markdown_to(out, t); });
}

/// @brief Writes `t` as JSON records `[{"column":value,...},...]`, as
/// `json.dumps(df.to_dict("records"), separators=(",", ":"))`: floats as Python's repr (round
/// trip), NaN and ±inf as null, non-ASCII text as \\u escapes. (pandas' own `to_json` rounds
/// floats to 10 significant digits by default; this writer does not round.)
inline void write_json(const result_table& t, std::ostream& out) { detail::json_to(out, t); }

/// @brief write_json() to the file `path`, all or nothing.
/// @throws std::invalid_argument (E139) if `path` cannot be written.
inline void write_json(const result_table& t, const std::string& path) {
  detail::write_file_atomically(path, "write_json", [&](std::ostream& out) { detail::json_to(out, t); });
}

}  // namespace tradeoff

#endif  // TRADEOFF_RESULT_TABLE_HPP
