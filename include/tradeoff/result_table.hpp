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
#include <tradeoff/detail/result_writers.hpp>
#include <tradeoff/detail/table_column.hpp>
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
        throw std::invalid_argument(detail::error_prefix("result_table::add") + "a column named '" + column.name() +
                                    "' exists already");
      }
    }
    if (!columns_.empty() && column.rows() != rows()) {
      throw std::invalid_argument(detail::error_prefix("result_table::add") + "column '" + column.name() + "' has " +
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
    const std::vector<Eigen::Index> rows_at = detail::checked_rows(at, rows(), "result_table::take");
    result_table out;
    for (const result_column& c : columns_) {
      out.add(c.rows_at(rows_at));
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

/// @brief Rows `at` (in that order) and columns `names` of a tradeoff::table (from read_csv) as a
/// result_table: pandas' `df.loc[at, names]` / `df.iloc[at][names]` with pandas' column types
/// (text, bool, int64, float64 as read_csv infers them; numbers as pandas converts them).
/// @tparam Table tradeoff::table (a template so that this header does not need csv.hpp).
/// @throws tradeoff::csv_error for an unknown column (it lists the columns); std::invalid_argument
///   (E138) for a row index outside [0, t.rows()).
template <typename Table, typename DerivedRows>
[[nodiscard]] result_table take_rows(const Table& t, const Eigen::DenseBase<DerivedRows>& at,
                                     const std::vector<std::string>& names) {
  const std::vector<Eigen::Index> rows_at = detail::checked_rows(at, t.rows(), "take_rows");
  result_table out;
  for (const std::string& name : names) {
    out.add(detail::table_column(t, name, rows_at));
  }
  return out;
}

/// @brief Writes `t` as CSV, as pandas' `to_csv(index=False)` writes it: header line, one line
/// per row, floats as Python's repr (the shortest text that reads back to the same double, so
/// `read_csv` with float_precision::round_trip and pandas read the same values), NaN as an empty
/// cell, bools True/False, text quoted only when needed.
inline void write_csv(const result_table& t, std::ostream& out) { detail::csv_to(out, t.all()); }

/// @brief write_csv() to the file `path`, all or nothing (a temporary renamed over `path`).
/// @throws std::invalid_argument (E139) if `path` cannot be written; nothing is left half-written.
inline void write_csv(const result_table& t, const std::string& path) {
  detail::write_file_atomically(path, "write_csv", [&](std::ostream& out) { detail::csv_to(out, t.all()); });
}

/// @brief Writes `t` as the Markdown pipe table of pandas 1.5.3's `to_markdown(index=False)`
/// (tabulate 0.8.9, tablefmt "pipe"): text and bools left-aligned, numbers right-aligned with
/// their decimal points lined up, floats as %g (six significant digits), NaN as "nan".
inline void write_markdown(const result_table& t, std::ostream& out) { detail::markdown_to(out, t.all()); }

/// @brief write_markdown() to the file `path`, all or nothing.
/// @throws std::invalid_argument (E139) if `path` cannot be written.
inline void write_markdown(const result_table& t, const std::string& path) {
  detail::write_file_atomically(path, "write_markdown", [&](std::ostream& out) { detail::markdown_to(out, t.all()); });
}

/// @brief Writes `t` as JSON records `[{"column":value,...},...]`, as
/// `json.dumps(df.to_dict("records"), separators=(",", ":"))`: floats as Python's repr (round
/// trip), NaN and ±inf as null, non-ASCII text as \\u escapes. (pandas' own `to_json` rounds
/// floats to 10 significant digits by default; this writer does not round.)
inline void write_json(const result_table& t, std::ostream& out) { detail::json_to(out, t.all()); }

/// @brief write_json() to the file `path`, all or nothing.
/// @throws std::invalid_argument (E139) if `path` cannot be written.
inline void write_json(const result_table& t, const std::string& path) {
  detail::write_file_atomically(path, "write_json", [&](std::ostream& out) { detail::json_to(out, t.all()); });
}

}  // namespace tradeoff

#endif  // TRADEOFF_RESULT_TABLE_HPP
