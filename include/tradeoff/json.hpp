#ifndef TRADEOFF_JSON_HPP
#define TRADEOFF_JSON_HPP

/// @file
/// @brief Reads JSON records (an array of objects, or JSON Lines) into the same `tradeoff::table`
/// that `read_csv` returns, nested objects flattened to dotted column names as
/// `pandas.json_normalize` does, numbers as pandas 1.5.3's `read_json` gives them.
///
/// The only header of tradeoff that includes nlohmann/json (CMake target `tradeoff::json`;
/// Debian: nlohmann-json3-dev). See docs/json.md.

#include <tradeoff/detail/json_read.hpp>
#include <tradeoff/json_types.hpp>
#include <tradeoff/table.hpp>

#include <istream>
#include <string>

namespace tradeoff {

/// @brief Reads a JSON file of records into a table, as
/// `pd.json_normalize(pd.read_json(path, lines=…, convert_dates=False).to_dict("records"))`
/// would: one row per record (an object), one column per flattened key.
///
/// - Nested objects become dotted names (`{"b": {"c": 1}}` → column `b.c`); an empty object
///   gives no column; an array is kept as compact JSON text (`[1,2]`).
/// - Column order is pandas': per record the top-level keys whose values are not objects, then
///   the flattened objects; across records, first appearance. A record without a column has a
///   missing (empty) cell there.
/// - Numbers: integers exactly; others with pandas' ultrajson arithmetic, which is not correctly
///   rounded (docs/json.md). `table::numeric` then gives pandas' values bit for bit with either
///   `float_precision`; `table::strings` gives a number as the shortest text of that value.
///   `NaN`, `Infinity` and `-Infinity` (Python's and Google Benchmark's spelling) are read.
/// - true/false are the cells `True`/`False` (read by `table::booleans`), null an empty cell.
/// @param path     file name
/// @param options  layout (detected by default), separator, column limit
/// @return the table; `table::line_of_row` gives the line each record starts on
/// @throws json_error naming the byte offset, line and column for malformed JSON (as
/// nlohmann::json describes it), a record that is not an object, a top level that is not an
/// array of objects (records layout), an integer outside [-2^63, 2^64) (pandas raises too), or
/// more than `options.max_columns` columns; json_error when the file cannot be read or holds no
/// JSON. std::invalid_argument for an out-of-range `options.format` or `max_columns` 0.
/// @note Complexity O(bytes + rows × columns); the file is read into memory whole.
[[nodiscard]] inline table read_json(const std::string& path, const json_options& options = {}) {
  detail::check_json_options(options);
  return detail::read_json_text(detail::read_whole_file(path, "read_json"), path, options,
                                detail::json_number_rule::ujson, "read_json");
}

/// @brief Reads JSON records from a stream (to its end); see the file overload.
/// @param name  the name used in errors and returned by `table::source()`
[[nodiscard]] inline table read_json(std::istream& in, const std::string& name,
                                     const json_options& options = {}) {
  detail::check_json_options(options);
  return detail::read_json_text(detail::read_whole_stream(in, name, "read_json"), name, options,
                                detail::json_number_rule::ujson, "read_json");
}

}  // namespace tradeoff

#endif  // TRADEOFF_JSON_HPP
