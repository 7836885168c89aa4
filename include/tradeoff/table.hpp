#ifndef TRADEOFF_TABLE_HPP
#define TRADEOFF_TABLE_HPP

/// @file
/// @brief The table of cells that read_csv (csv.hpp), read_json (json.hpp) and
/// read_google_benchmark return: names, rows, the text of each cell, and typed columns converted
/// on demand with pandas 1.5.3's rules (numbers, booleans, text). Needs no parser. See docs/csv.md.

#include <tradeoff/csv_types.hpp>
#include <tradeoff/detail/csv_number.hpp>
#include <tradeoff/detail/csv_storage.hpp>
#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/hex_escape.hpp>
#include <tradeoff/detail/keyed_hash.hpp>
#include <tradeoff/detail/table_friends.hpp>

#include <Eigen/Core>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tradeoff {

/// @brief The cells of a CSV file, by column, as read by `read_csv`.
///
/// Cells are kept as unquoted text in one contiguous buffer (plus a 4-byte end offset per cell
/// and an 8-byte start offset per row) and converted when a typed column is requested, so a
/// column that is never used costs no conversion. A table is immutable; its const member
/// functions may be called from several threads at once.
class table {
 public:
  table() = default;

  /// @brief Column names in file order. An empty header cell is named "Unnamed: <i>" (0-based
  /// position), as pandas names it. O(1).
  [[nodiscard]] const std::vector<std::string>& column_names() const noexcept { return names_; }

  /// @brief Number of data rows (blank lines are skipped, as pandas does). O(1).
  [[nodiscard]] Eigen::Index rows() const noexcept { return rows_; }

  /// @brief Number of columns. O(1).
  [[nodiscard]] Eigen::Index columns() const noexcept {
    return static_cast<Eigen::Index>(names_.size());
  }

  /// @brief The name given to `read_csv` (path or stream name). O(1).
  [[nodiscard]] const std::string& source() const noexcept { return source_; }

  /// @brief Whether a column is called `name` (exact, case-sensitive). O(1) expected.
  [[nodiscard]] bool has_column(const std::string& name) const { return index_.count(name) != 0; }

  /// @brief 0-based position of column `name`.
  /// @throws csv_error listing the available columns when there is no such column.
  [[nodiscard]] Eigen::Index column_index(const std::string& name) const {
    return find_column(name, "table::column_index");
  }

  /// @brief The 1-based line of the file where data row `row` (0-based) starts (a row whose quoted
  /// cell spans lines starts at its first). O(log of the number of skipped stretches).
  /// @throws std::out_of_range if `row` is not in [0, rows()).
  [[nodiscard]] std::size_t line_of_row(Eigen::Index row) const {
    check_row(row, "table::line_of_row");
    std::size_t first = 0;
    std::size_t last = line_marks_.size();
    while (last - first > 1) {  // the last mark at or before `row`
      const std::size_t middle = first + (last - first) / 2;
      if (line_marks_[middle].first <= row) {
        first = middle;
      } else {
        last = middle;
      }
    }
    return line_marks_[first].second + static_cast<std::size_t>(row - line_marks_[first].first);
  }

  /// @brief The unquoted text of one cell (a doubled quote "" inside quotes becomes one ").
  /// The view stays valid as long as the table. O(1).
  /// @throws std::out_of_range when `row` or `column` is out of range.
  [[nodiscard]] std::string_view cell(Eigen::Index row, Eigen::Index column) const {
    check_row(row, "table::cell");
    if (column < 0 || column >= columns()) {
      throw std::out_of_range(detail::error_prefix("table::cell") + "column " + std::to_string(column) +
                              " is out of range for a table of " + std::to_string(columns()) +
                              " columns");
    }
    return cell_unchecked(row, column);
  }

  /// @brief Column `name` as numbers, exactly as `pd.to_numeric(pd.read_csv(f)[name],
  /// errors="coerce")` gives them, with the count of missing and of coerced cells.
  ///
  /// pandas first infers the column's type; this function follows the same order:
  /// 1. every cell an integer (optional sign and surrounding whitespace) that fits int64 or a
  ///    missing-value marker: the exact integers converted to double (round to nearest even),
  ///    NaN where missing;
  /// 2. else every cell an integer in [0, 2^64) (none missing): the same with uint64;
  /// 3. else every non-missing cell true or false in any letter case (True, FALSE, tRuE: pandas
  ///    1.5.3 compares with strcasecmp): 1.0 and 0.0, NaN where missing;
  /// 4. else each cell on its own: a pandas missing-value marker ("", "#N/A", "#N/A N/A", "#NA",
  ///    "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL",
  ///    "NaN", "n/a", "nan", "null"; exact match, no trimming) → NaN, counted as missing; a
  ///    decimal number with optional sign, surrounding whitespace and exponent → its value
  ///    (see `float_precision`); inf/+inf/-inf/infinity/+infinity/-infinity in any letter case →
  ///    ±infinity; anything else → NaN, counted as coerced. That includes hexadecimal ("0x10"),
  ///    "None", "NAN", "1,5", "1_000" and numbers too large for a double ("1e400"), which pandas
  ///    also turns into NaN. Values below the smallest subnormal become ±0.
  /// The `csv_options::na_values` given to read_csv are missing in every step, before any
  /// conversion (exact text; a number among them also matches cells of the same value in step 4,
  /// as pandas' `na_fvalues` do).
  /// @param name       column name
  /// @param precision  pandas' converter (default, bit-identical) or correctly rounded; a table
  ///                   from `read_json` or `read_google_benchmark` stores its numbers as the
  ///                   shortest text of the value pandas gives and reads decimals correctly
  ///                   rounded with either (see docs/json.md)
  /// @return the values and the counts
  /// @throws csv_error when there is no column `name` (the message lists the available ones)
  /// @note Complexity O(rows × cell length); at most four passes over the column (usually one).
  [[nodiscard]] numeric_column numeric_with_report(
      const std::string& name, float_precision precision = float_precision::pandas) const;

  /// @brief Column `name` as numbers; `numeric_with_report(name, precision).values`.
  /// @throws csv_error when there is no column `name`.
  [[nodiscard]] Eigen::ArrayXd numeric(const std::string& name,
                                       float_precision precision = float_precision::pandas) const {
    return numeric_with_report(name, precision).values;
  }

  /// @brief How many cells of column `name` are neither numbers nor missing-value markers (and
  /// so become NaN in `numeric`). Useful for a warning such as "3 junk losses ignored".
  /// @throws csv_error when there is no column `name`.
  [[nodiscard]] Eigen::Index coerced(const std::string& name) const {
    return numeric_with_report(name).coerced;
  }

  /// @brief Column `name` as text: each cell unquoted, otherwise verbatim (no trimming, and
  /// missing-value markers such as "NA" or "" are returned as written).
  /// @throws csv_error when there is no column `name`.
  /// @note Complexity O(total text of the column).
  [[nodiscard]] std::vector<std::string> strings(const std::string& name) const {
    const Eigen::Index column = find_column(name, "table::strings");
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(rows_));
    for (Eigen::Index row = 0; row < rows_; ++row) {
      out.emplace_back(cell_unchecked(row, column));
    }
    return out;
  }

  /// @brief Column `name` as booleans: `true` in any letter case (`True`, `TRUE`, `tRuE`, as
  /// pandas 1.5.3 reads them) or `1` → true, `false` in any letter case or `0` → false (no
  /// trimming).
  /// @throws csv_error naming file, line, column and the cell for any other cell, including a
  /// missing one (use `booleans_with_mask` to read those); csv_error when there is no column
  /// `name`.
  /// @note Complexity O(rows).
  [[nodiscard]] Eigen::Array<bool, Eigen::Dynamic, 1> booleans(const std::string& name) const {
    return read_booleans(name, "table::booleans", false).values;
  }

  /// @brief Column `name` as booleans with its missing cells marked, never read as false:
  /// cells as in `booleans`, and pandas' missing-value markers ("", "nan", "NA", … and the
  /// `na_values` given to `read_csv`) → `missing` true and `values` false. pandas reads such a
  /// column as an object column of True, False and NaN.
  /// @throws csv_error naming file, line, column and the cell for a cell that is neither a
  /// boolean nor missing; csv_error when there is no column `name`.
  /// @note Complexity O(rows).
  [[nodiscard]] boolean_column booleans_with_mask(const std::string& name) const {
    return read_booleans(name, "table::booleans_with_mask", true);
  }

 private:
  friend class detail::csv_builder;
  friend class detail::table_assembler;  // tables read from JSON (tradeoff/json.hpp)

  [[nodiscard]] boolean_column read_booleans(const std::string& name, const char* function,
                                             bool allow_missing) const {
    const Eigen::Index column = find_column(name, function);
    boolean_column out;
    out.values.resize(rows_);
    out.missing.resize(rows_);
    for (Eigen::Index row = 0; row < rows_; ++row) {
      const std::string_view text = cell_unchecked(row, column);
      int value = detail::pandas_bool_token(text);
      if (value < 0 && text.size() == 1 && (text[0] == '0' || text[0] == '1')) {
        value = text[0] - '0';
      }
      const bool missing = value < 0 && allow_missing && is_missing(text);
      if (value < 0 && !missing) {
        throw csv_error(function, source_, line_of_row(row), static_cast<std::size_t>(column) + 1,
                        "column \"" + name + "\": cell \"" + detail::printable_bytes(text) +
                            "\" is not a boolean (expected true or false in any letter case, 1 "
                            "or 0" +
                            (allow_missing ? std::string(", or a missing-value marker)")
                                           : std::string("; booleans_with_mask reads missing "
                                                         "cells)")));
      }
      out.values[row] = value == 1;
      out.missing[row] = missing;
      out.missing_count += missing ? 1 : 0;
    }
    return out;
  }

  /// pandas' default markers, then the `na_values` given to read_csv (exact text).
  [[nodiscard]] bool is_missing(std::string_view text) const {
    return detail::is_pandas_na(text) || is_extra_na(text);
  }
  [[nodiscard]] bool is_extra_na(std::string_view text) const {
    for (const std::string& marker : na_values_) {
      if (text == marker) {
        return true;
      }
    }
    return false;
  }
  /// A parsed number equal to a numeric `na_values` entry (pandas' `na_fvalues`).
  [[nodiscard]] bool is_na_number(double value) const {
    for (const double marker : na_numbers_) {
      if (std::equal_to<>{}(value, marker)) {
        return true;
      }
    }
    return false;
  }

  [[nodiscard]] std::string_view cell_unchecked(Eigen::Index row, Eigen::Index column) const {
    const std::size_t cell_index =
        static_cast<std::size_t>(row) * names_.size() + static_cast<std::size_t>(column);
    const std::size_t row_start = row_starts_[static_cast<std::size_t>(row)];
    const std::size_t first = column == 0 ? 0 : std::size_t{cell_ends_[cell_index - 1]} + 1;
    const std::size_t last = cell_ends_[cell_index];
    return {arena_.data() + row_start + first, last - first};
  }

  void check_row(Eigen::Index row, const char* function) const {
    if (row < 0 || row >= rows_) {
      throw std::out_of_range(detail::error_prefix(function) + "row " +
                              std::to_string(row) + " is out of range for a table of " +
                              std::to_string(rows_) + " rows");
    }
  }

  [[nodiscard]] Eigen::Index find_column(const std::string& name, const char* function) const {
    const auto found = index_.find(name);
    if (found != index_.end()) {
      return found->second;
    }
    std::string available;
    for (const std::string& column : names_) {
      available += available.empty() ? "\"" : ", \"";
      available += column + "\"";
    }
    throw csv_error(function, source_, 0, 0,
                    "no column \"" + name + "\"; available columns: " + available);
  }

  std::string source_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, Eigen::Index, detail::keyed_string_hash> index_;  // keyed: no crafted collisions
  Eigen::Index rows_ = 0;
  detail::pod_buffer<char> arena_;               // unquoted cells, row after row, one separator byte between cells
  detail::pod_buffer<std::uint64_t> row_starts_;  // offset of each row in arena_
  detail::pod_buffer<std::uint32_t> cell_ends_;   // end of each cell relative to its row start
  std::vector<std::pair<Eigen::Index, std::size_t>> line_marks_;  // (row, its line) after blank lines
  std::vector<std::string> na_values_;  // csv_options::na_values
  std::vector<double> na_numbers_;      // those of them that are numbers, as doubles
  // Decimal cells are read correctly rounded whatever the precision asked (tables from JSON,
  // whose numbers are stored as the shortest text of the value pandas' read_json gives).
  bool decimals_round_trip_ = false;
};

inline numeric_column table::numeric_with_report(const std::string& name,
                                                 float_precision precision) const {
  detail::check_enum(precision, float_precision::round_trip, "table::numeric", "precision", "float_precision",
                     "float_precision::pandas or float_precision::round_trip");
  const Eigen::Index column = find_column(name, "table::numeric");
  numeric_column result;
  result.values.resize(rows_);
  Eigen::ArrayXd& values = result.values;

  const double nan = std::numeric_limits<double>::quiet_NaN();
  Eigen::Index missing = 0;

  // The `na_values` given to read_csv come first: pandas tests its NA set before converting.
  const bool extra = !na_values_.empty();

  // 1. int64 column (pandas' first choice): exact integers converted to double; missing cells
  //    are allowed (pandas then upcasts the integers to float64 exactly, with NaN).
  Eigen::Index row = 0;
  for (std::int64_t integer = 0; row < rows_; ++row) {
    const std::string_view text = cell_unchecked(row, column);
    if (extra && is_extra_na(text)) {
      values[row] = nan;
      ++missing;
    } else if (detail::parse_pandas_int64(text, integer)) {
      values[row] = static_cast<double>(integer);
    } else if (detail::is_pandas_na(text)) {
      values[row] = nan;
      ++missing;
    } else {
      break;
    }
  }
  if (row == rows_) {
    result.missing = missing;
    return result;
  }
  // 2. uint64 column (no missing cells: pandas leaves such a column to to_numeric's float path).
  row = 0;
  for (std::uint64_t integer = 0; row < rows_; ++row) {
    const std::string_view text = cell_unchecked(row, column);
    if ((extra && is_extra_na(text)) || !detail::parse_pandas_uint64(text, integer)) {
      break;
    }
    values[row] = static_cast<double>(integer);
  }
  if (row == rows_) {
    return result;
  }
  // 3. bool column (missing cells allowed; they become NaN).
  missing = 0;
  for (row = 0; row < rows_; ++row) {
    const std::string_view text = cell_unchecked(row, column);
    const int token = detail::pandas_bool_token(text);
    if (token >= 0 && !(extra && is_extra_na(text))) {
      values[row] = token;
    } else if (is_missing(text)) {
      values[row] = nan;
      ++missing;
    } else {
      break;
    }
  }
  if (row == rows_ && missing < rows_) {
    result.missing = missing;
    return result;
  }
  // 4. floats, cell by cell.
  missing = 0;
  Eigen::Index coerced = 0;
  for (row = 0; row < rows_; ++row) {
    const std::string_view text = cell_unchecked(row, column);
    double value = 0.0;
    if (extra && is_extra_na(text)) {
      values[row] = nan;
      ++missing;
      continue;
    }
    const bool parsed = precision == float_precision::pandas && !decimals_round_trip_
                            ? detail::parse_pandas_double(text, value)
                            : detail::parse_round_trip_double(text, value);
    if ((parsed || detail::parse_infinity(text, value)) && !(extra && is_na_number(value))) {
      values[row] = value;
    } else if (parsed || detail::is_pandas_na(text)) {
      values[row] = nan;
      ++missing;
    } else {
      values[row] = nan;
      ++coerced;
    }
  }
  result.missing = missing;
  result.coerced = coerced;
  return result;
}

}  // namespace tradeoff

#endif  // TRADEOFF_TABLE_HPP
