#ifndef TRADEOFF_DETAIL_JSON_READ_HPP
#define TRADEOFF_DETAIL_JSON_READ_HPP

/// @file
/// @brief Internal: what `read_json` does after its boundary — the option check, the whole text
/// of a file or stream, and the records of that text assembled into a table.

#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/json_flatten.hpp>
#include <tradeoff/detail/json_records.hpp>
#include <tradeoff/detail/table_assembly.hpp>
#include <tradeoff/json_types.hpp>
#include <tradeoff/table.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <istream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace tradeoff::detail {

inline void check_json_options(const json_options& options) {
  check_enum(options.format, json_format::lines, "read_json", "options.format", "json_format",
             "json_format::detect, json_format::records or json_format::lines");
  if (options.max_columns == 0) {
    throw std::invalid_argument(detail::error_prefix("read_json") + "argument 'options.max_columns' is 0 (use 1 or more)");
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

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_JSON_READ_HPP
