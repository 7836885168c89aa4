#ifndef TRADEOFF_JSON_TYPES_HPP
#define TRADEOFF_JSON_TYPES_HPP

/// @file
/// @brief The option and error types of json.hpp: the layout of the records, the options of
/// `read_json`, and `json_error` with the file, line, column and byte offset of a problem.
/// Needs no JSON library.

#include <tradeoff/detail/error_prefix.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

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

}  // namespace tradeoff

#endif  // TRADEOFF_JSON_TYPES_HPP
