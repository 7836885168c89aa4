#ifndef TRADEOFF_JSON_HPP
#define TRADEOFF_JSON_HPP

/// @file
/// @brief Reads JSON records (an array of objects, or JSON Lines) into the same `tradeoff::table`
/// that `read_csv` returns, nested objects flattened to dotted column names as
/// `pandas.json_normalize` does, numbers as pandas 1.5.3's `read_json` gives them.
///
/// The only header of tradeoff that includes nlohmann/json (CMake target `tradeoff::json`;
/// Debian: nlohmann-json3-dev). See docs/json.md.

#include <cstddef>
#include <cstdio>
#include <cerrno>
#include <cstring>
#include <istream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>

#include <tradeoff/csv.hpp>
#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/json_flatten.hpp>
#include <tradeoff/detail/json_records.hpp>
#include <tradeoff/detail/table_assembly.hpp>

namespace tradeoff {

/// @brief A JSON file that cannot be read: malformed text, or records of the wrong shape.
///
/// `what()` reads `tradeoff::<function>: <file>:<line>:<column>: byte offset <n>: <message>`
/// (no place when none applies, e.g. a missing file). The offset counts bytes from 0 at the
/// start of the file; the line and the column count from 1, the column in bytes.
class json_error : public std::runtime_error {
 public:
  json_error(const std::string& function, std::string file, std::size_t line, std::size_t column,
             std::size_t byte_offset, bool placed, const std::string& message)
      : std::runtime_error(detail::error_prefix(function) + file +
                           (placed ? ":" + std::to_string(line) + ":" + std::to_string(column) +
                                         ": byte offset " + std::to_string(byte_offset)
                                   : std::string()) +
                           ": " + message),
        file_(std::move(file)),
        line_(line),
        column_(column),
        byte_offset_(byte_offset) {}

  /// @brief The file (or stream) name.
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  /// @brief 1-based line of the problem; 0 when it has none.
  [[nodiscard]] std::size_t line() const noexcept { return line_; }
  /// @brief 1-based byte column of the problem in its line; 0 when it has none.
  [[nodiscard]] std::size_t column() const noexcept { return column_; }
  /// @brief 0-based byte offset of the problem from the start of the file.
  [[nodiscard]] std::size_t byte_offset() const noexcept { return byte_offset_; }

 private:
  std::string file_;
  std::size_t line_;
  std::size_t column_;
  std::size_t byte_offset_;
};

/// @brief How the records are laid out in the text.
enum class json_format {
  detect,  ///< `[` as the first non-blank byte: `records`; otherwise `lines`
  records, ///< one JSON array of objects (`pd.read_json(f)`, `orient="records"`)
  lines    ///< JSON Lines: one object per line, blank lines skipped (`pd.read_json(f, lines=True)`)
};

/// @brief How `read_json` reads.
struct json_options {
  /// Default maximum number of distinct columns (`max_columns`).
  static constexpr std::size_t default_max_columns = 65536;

  /// The layout of the records.
  json_format format = json_format::detect;
  /// What joins the keys of a nested object's path into a column name (`json_normalize`'s sep).
  std::string separator = ".";
  /// More distinct column names than this is an error (a file of ever new keys would otherwise
  /// make one column per record).
  std::size_t max_columns = default_max_columns;
};

namespace detail {

inline void check_json_options(const json_options& options) {
  check_enum(options.format, json_format::lines, "read_json", "options.format", "json_format",
             "json_format::detect, json_format::records or json_format::lines");
  if (options.max_columns == 0) {
    throw std::invalid_argument("tradeoff::read_json: argument 'options.max_columns' is 0 (use 1 or more)");
  }
}

/// The table of the records in `text` (the whole file); `function` names the caller in errors.
[[nodiscard]] inline table read_json_text(std::string text, const std::string& name, const json_options& options,
                                          json_number_rule rule, const char* function) {
  const auto fail = [&](const json_place& place, const std::string& message) {
    throw json_error(function, name, place.line, place.column, place.offset, true, message);
  };
  std::size_t begin = 0;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    begin = 3;  // a UTF-8 byte-order mark
  }
  const std::size_t first = text.find_first_not_of(" \t\r\n", begin);
  if (first == std::string::npos) {
    throw json_error(function, name, 0, 0, 0, false, "the file holds no JSON (it is empty or blank)");
  }
  json_layout layout = json_layout::lines;
  if (options.format == json_format::records ||
      (options.format == json_format::detect && text[first] == '[')) {
    layout = json_layout::document;
  }
  table_assembler out(options.max_columns);
  read_json_records(text, begin, layout, options.separator, rule, out, fail);
  return out.finish(name, true);
}

/// The whole content of a file, or a json_error naming it.
[[nodiscard]] inline std::string read_whole_file(const std::string& path, const char* function) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    throw json_error(function, path, 0, 0, 0, false,
                     std::string("cannot open the file: ") + std::strerror(errno));
  }
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const std::size_t count = std::fread(buffer, 1, sizeof buffer, file);
    text.append(buffer, count);
    if (count < sizeof buffer) {
      break;
    }
  }
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) {
    throw json_error(function, path, 0, 0, 0, false, "read error (is it a directory?)");
  }
  return text;
}

/// The rest of a stream, or a json_error naming it.
[[nodiscard]] inline std::string read_whole_stream(std::istream& in, const std::string& name, const char* function) {
  if (!in.good()) {
    throw json_error(function, name, 0, 0, 0, false,
                     "the stream cannot be read (it is in a failed state; was the file opened?)");
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    throw json_error(function, name, 0, 0, 0, false, "the stream reported an unrecoverable error");
  }
  return text;
}

}  // namespace detail

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
