#ifndef TRADEOFF_DETAIL_CSV_READER_HPP
#define TRADEOFF_DETAIL_CSV_READER_HPP

/// @file
/// @brief Internal: the CSV reader behind read_csv (csv.hpp, its only includer) — the one file of
/// tradeoff that includes fast-cpp-csv-parser. Its `io::LineReader` supplies the lines
/// (buffering, a reader thread for files over 32 MiB, CRLF, a UTF-8 BOM, a missing final
/// newline); this file splits each line itself (RFC 4180 quoting; with
/// `csv_options::quoted_newlines`, a line that leaves a quote open is joined with the next ones)
/// because `io::CSVReader` fixes the number of columns at compile time and has no other
/// delimiters, comments or quoted line breaks. Also: the byte source that rejects NUL bytes, the
/// option checks, and the translation of every parser error into a csv_error.

#include <limits>  // before csv.h, which uses std::numeric_limits without including it

#if defined(__GNUC__)
#pragma GCC diagnostic push
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#endif
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif
// fast-cpp-csv-parser's header is installed under different names: Debian's libfccp-dev as
// <libfccp/csv.h>, vcpkg and Conan as <fast-cpp-csv-parser/csv.h> or <csv.h>. The CMake package
// (tradeoff::fccp) names the one it found in TRADEOFF_FCCP_HEADER; without it the first that
// exists is used.
#if defined(TRADEOFF_FCCP_HEADER)
#include TRADEOFF_FCCP_HEADER
#elif __has_include(<libfccp/csv.h>)
#include <libfccp/csv.h>
#elif __has_include(<fast-cpp-csv-parser/csv.h>)
#include <fast-cpp-csv-parser/csv.h>
#elif __has_include(<csv.h>)
#include <csv.h>
#else
#error "tradeoff/csv.hpp needs fast-cpp-csv-parser: <libfccp/csv.h> (Debian: apt-get install libfccp-dev), <fast-cpp-csv-parser/csv.h> or <csv.h>"
#endif
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include <tradeoff/csv_types.hpp>
#include <tradeoff/detail/csv_number.hpp>
#include <tradeoff/detail/csv_sniff.hpp>
#include <tradeoff/detail/csv_storage.hpp>
#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/hex_escape.hpp>
#include <tradeoff/table.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <istream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tradeoff::detail {

/// Thrown by `checked_byte_source` when the data holds a NUL byte.
struct nul_byte_found {
  std::size_t line;
  std::size_t column;
};

/// The bytes of a file or stream for io::LineReader, checked on the way: a NUL byte would
/// silently end a line inside the line reader, so it is reported with its line and byte column;
/// a read error (EIO, a directory) is reported instead of looking like the end of the file.
class checked_byte_source final : public io::ByteSourceBase {
 public:
  explicit checked_byte_source(std::FILE* file) noexcept : file_(file) {
    std::setvbuf(file_, nullptr, _IONBF, 0);  // the line reader buffers
  }
  explicit checked_byte_source(std::istream& stream) noexcept : stream_(&stream) {}
  checked_byte_source(const checked_byte_source&) = delete;
  checked_byte_source& operator=(const checked_byte_source&) = delete;
  ~checked_byte_source() override {
    if (file_ != nullptr) {
      std::fclose(file_);
    }
  }

  int read(char* buffer, int size) override {
    std::size_t count = 0;
    if (file_ != nullptr) {
      count = std::fread(buffer, 1, static_cast<std::size_t>(size), file_);
      if (count == 0 && std::ferror(file_) != 0) {
        throw std::runtime_error(std::strerror(errno));
      }
    } else {
      stream_->read(buffer, size);
      count = static_cast<std::size_t>(stream_->gcount());
      if (stream_->bad()) {
        throw std::runtime_error("the stream reported an unrecoverable error");
      }
    }
    const char* const last = buffer + count;
    const char* const nul = static_cast<const char*>(std::memchr(buffer, '\0', count));
    const char* const scan_end = nul != nullptr ? nul : last;
    for (const char* p = buffer;;) {
      const auto* newline =
          static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(scan_end - p)));
      if (newline == nullptr) {
        column_ += static_cast<std::size_t>(scan_end - p);
        break;
      }
      ++line_;
      column_ = 0;
      p = newline + 1;
    }
    if (nul != nullptr) {
      throw nul_byte_found{line_ + 1, column_ + 1};
    }
    // io::LineReader looks at the byte just past the data it has: after a short read that byte
    // is whatever an earlier block left there, and a stale '\n' made a file over 48 MiB without a
    // final newline loop forever. The reader's buffer always has room for it.
    if (count < static_cast<std::size_t>(size)) {
      buffer[count] = '\0';
    }
    return static_cast<int>(count);
  }

 private:
  std::FILE* file_ = nullptr;
  std::istream* stream_ = nullptr;
  std::size_t line_ = 0;    // newlines before the current position
  std::size_t column_ = 0;  // bytes since the last newline
};

/// Why `delimiter` cannot separate cells (empty when it can), for option checks and sniffing.
[[nodiscard]] inline std::string delimiter_problem(char delimiter, char comment) {
  if (delimiter == '"') {
    return "is the quote character \"";
  }
  if (delimiter == '\n' || delimiter == '\r') {
    return "is a line break";
  }
  if (comment != '\0' && delimiter == comment) {
    return "is also the comment character";
  }
  return {};
}

/// Checks csv_options once at the public boundary.
inline void check_csv_options(const csv_options& options) {
  const auto reject = [](const std::string& what) {
    throw std::invalid_argument(detail::error_prefix("read_csv") + what);
  };
  const auto byte = [](char c) { return "'" + byte_escape(c) + "'"; };
  if (options.delimiter != csv_options::sniff) {
    const std::string problem = delimiter_problem(options.delimiter, options.comment);
    if (!problem.empty()) {
      reject("csv_options::delimiter " + byte(options.delimiter) + " " + problem);
    }
  }
  if (options.comment == '"' || options.comment == '\n' || options.comment == '\r') {
    reject("csv_options::comment " + byte(options.comment) +
           " cannot be the quote character or a line break");
  }
  if (options.header_rows == 0) {
    reject("csv_options::header_rows is 0 (a table needs a header line; use 1 or more)");
  }
  if (options.max_columns == 0) {
    reject("csv_options::max_columns is 0 (use 1 or more)");
  }
  for (std::size_t i = 0; i < options.use_columns.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (options.use_columns[i] == options.use_columns[j]) {
        reject("csv_options::use_columns names \"" + options.use_columns[i] + "\" twice (entries " +
               std::to_string(j) + " and " + std::to_string(i) + ")");
      }
    }
  }
}

/// One record: a row or a header line, possibly several file lines long (a quoted cell holding
/// line breaks), without its comment.
struct csv_record {
  const char* text = nullptr;
  std::size_t length = 0;
  std::size_t first_line = 0;  // 1-based file lines
  std::size_t last_line = 0;
};

/// Where a scan of a record's text stands (pandas' tokenizer states that matter for quotes).
struct record_scan {
  bool in_quotes = false;
  bool field_start = true;
  std::size_t field = 0;        // 0-based cell index
  std::size_t quote_field = 0;  // the cell whose quote is open
};

/// Fills a table from the lines of an io::LineReader.
class csv_builder {
 public:
  csv_builder(std::string source, const csv_options& options)
      : options_(options),
        delimiter_(options.delimiter),
        comment_(options.comment),
        plain_lines_(options.comment == '\0' && !options.quoted_newlines),
        every_column_(options.use_columns.empty()),
        fill_short_rows_(options.fill_short_rows) {
    table_.source_ = std::move(source);
  }

  /// @param size_hint expected byte count (0 if unknown), to size the cell buffer once.
  [[nodiscard]] table run(io::LineReader& reader, std::size_t size_hint) {
    if (size_hint != 0) {
      table_.arena_.reserve(size_hint + 1);
    }
    set_missing_markers();
    for (std::size_t skipped = 0; skipped < options_.skip_rows; ++skipped) {
      if (reader.next_line() == nullptr) {
        fail(0, 0,
             "the file has no header line after the " + std::to_string(options_.skip_rows) +
                 " lines skipped (csv_options::skip_rows)");
      }
    }
    csv_record record;
    if (!next_record(reader, record)) {
      fail(0, 0,
           options_.skip_rows == 0 ? std::string("the file is empty (no header line)")
                                   : "the file has no header line after the " +
                                         std::to_string(options_.skip_rows) +
                                         " lines skipped (csv_options::skip_rows)");
    }
    read_header(reader, record);

    Eigen::Index rows = 0;
    std::size_t expected_line = record.last_line + 1;
    while (next_record(reader, record)) {
      // line_of_row counts one line per row from the last mark: mark every row it would miss
      // (after blank or comment lines, and after a row spanning lines).
      if (record.first_line != expected_line || rows == 0) {
        table_.line_marks_.emplace_back(rows, record.first_line);
      }
      expected_line = record.first_line + 1;
      append_row(record);
      ++rows;
    }
    if (table_.line_marks_.empty()) {
      table_.line_marks_.emplace_back(0, expected_line);
    }
    table_.rows_ = rows;
    table_.arena_.shrink_to_fit();
    table_.row_starts_.shrink_to_fit();
    table_.cell_ends_.shrink_to_fit();
    return std::move(table_);
  }

  [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& message) const {
    throw csv_error("read_csv", table_.source_, line, column, message);
  }

 private:
  // pandas skips lines that are empty or hold only spaces and tabs (skip_blank_lines=True).
  static bool is_blank(const char* line) noexcept {
    for (; *line == ' ' || *line == '\t'; ++line) {
    }
    return *line == '\0';
  }

  void set_missing_markers() {
    table_.na_values_ = options_.na_values;
    for (const std::string& marker : options_.na_values) {
      double value = 0.0;
      if ((parse_round_trip_double(marker, value) || parse_infinity(marker, value)) &&
          !std::isnan(value)) {
        table_.na_numbers_.push_back(value);
      }
    }
  }

  // Scans [p, last) of a record, carrying the quote state over line breaks; returns where a
  // comment starts (outside quotes), or `last`.
  const char* scan(const char* p, const char* last, record_scan& state) const noexcept {
    for (; p < last; ++p) {
      const char c = *p;
      if (state.in_quotes) {
        if (c == '"') {
          if (p + 1 < last && p[1] == '"') {
            ++p;
          } else {
            state.in_quotes = false;
          }
        }
      } else if (c == delimiter_) {
        state.field_start = true;
        ++state.field;
      } else if (c == comment_ && comment_ != '\0') {
        return p;
      } else if (c == '"' && state.field_start) {
        state.in_quotes = true;
        state.field_start = false;
        state.quote_field = state.field;
      } else {
        state.field_start = false;
      }
    }
    return last;
  }

  // The delimiter pd.read_csv(sep=None) guesses from the first line it reads (comment removed).
  void sniff(const char* line, std::size_t line_number) {
    std::string_view text(line);
    if (comment_ != '\0') {
      text = text.substr(0, std::min(text.size(), text.find(comment_)));
    }
    delimiter_ = sniff_delimiter(text);
    if (delimiter_ == '\0') {
      fail(line_number, 0,
           "cannot guess the delimiter from this line (csv_options::sniff; pandas' sep=None "
           "raises \"Could not determine delimiter\")");
    }
    const std::string problem = delimiter_problem(delimiter_, comment_);
    if (!problem.empty()) {
      fail(line_number, 0,
           "the delimiter guessed from this line " + problem +
               " (csv_options::sniff); give csv_options::delimiter instead");
    }
  }

  // The next record that is not blank and not a comment line; false at the end of the data.
  bool next_record(io::LineReader& reader, csv_record& out) {
    for (;;) {
      char* const line = reader.next_line();
      if (line == nullptr) {
        return false;
      }
      const std::size_t line_number = reader.get_file_line();
      if (is_blank(line) || (comment_ != '\0' && line[0] == comment_)) {
        continue;
      }
      if (delimiter_ == csv_options::sniff) {
        sniff(line, line_number);
      }
      const std::size_t length = std::strlen(line);
      out = {line, length, line_number, line_number};
      if (plain_lines_) {
        return true;  // the plain path: nothing to scan
      }
      if (std::memchr(line, '"', length) == nullptr) {
        if (comment_ != '\0') {
          const auto* comment = static_cast<const char*>(std::memchr(line, comment_, length));
          out.length = comment != nullptr ? static_cast<std::size_t>(comment - line) : length;
        }
        return true;
      }
      record_scan state;
      const char* const stop = scan(line, line + length, state);
      if (!state.in_quotes || !options_.quoted_newlines) {
        // (an open quote without quoted_newlines is reported by split_field)
        out.length = state.in_quotes ? length : static_cast<std::size_t>(stop - line);
        return true;
      }
      join_lines(reader, out, state);
      return true;
    }
  }

  // Appends the following lines to `out` (joined by \n) until its open quote closes.
  void join_lines(io::LineReader& reader, csv_record& out, record_scan& state) {
    pending_.assign(out.text, out.length);
    for (;;) {
      const char* const next = reader.next_line();
      if (next == nullptr) {
        fail(out.first_line, state.quote_field + 1,
             "unterminated quoted field in " + column_label(state.quote_field) +
                 ": the file ends inside the quote opened on this line");
      }
      const std::size_t before = pending_.size();
      pending_ += '\n';
      pending_ += next;
      out.last_line = reader.get_file_line();
      if (pending_.size() >= std::numeric_limits<std::uint32_t>::max() - file_names_.size()) {
        fail(out.first_line, state.quote_field + 1,
             "a row longer than 4 GiB (a quote opened here is never closed?)");
      }
      const char* const text = pending_.data();
      const char* const stop = scan(text + before, text + pending_.size(), state);
      if (!state.in_quotes) {
        pending_.resize(static_cast<std::size_t>(stop - text));
        break;
      }
    }
    out.text = pending_.data();
    out.length = pending_.size();
  }

  [[nodiscard]] std::string column_label(std::size_t column) const {
    std::string label = "column " + std::to_string(column + 1);
    if (column < file_names_.size()) {
      label += " (\"" + file_names_[column] + "\")";
    }
    return label;
  }

  [[noreturn]] void unterminated_quote(std::size_t line, std::size_t column) const {
    fail(line, column + 1,
         "unterminated quoted field in " + column_label(column) +
             " (a closing \" is missing; quoted fields span lines only with "
             "csv_options::quoted_newlines)");
  }

  // The cells of one header record, after checking their number against max_columns.
  std::vector<std::string> split_header(const csv_record& record) const {
    record_scan state;
    scan(record.text, record.text + record.length, state);
    if (state.field >= options_.max_columns) {
      fail(record.first_line, options_.max_columns + 1,
           "the header has " + std::to_string(state.field + 1) +
               " cells, more than csv_options::max_columns = " +
               std::to_string(options_.max_columns) + "; raise it to read this file");
    }
    const char* p = record.text;
    const char* const last = record.text + record.length;
    std::vector<std::string> names;
    names.reserve(state.field + 1);
    for (;;) {
      std::string name;
      p = split_field(p, last, record.first_line, names.size(), name);
      names.push_back(std::move(name));
      if (p == last) {
        break;
      }
      ++p;  // the delimiter
    }
    return names;
  }

  void read_header(io::LineReader& reader, csv_record& record) {
    std::vector<std::string> names = split_header(record);
    const std::size_t first_line = record.first_line;
    for (std::size_t level = 1; level < options_.header_rows; ++level) {
      if (!next_record(reader, record)) {
        fail(0, 0,
             "the file ends after " + std::to_string(level) + " of its " +
                 std::to_string(options_.header_rows) + " header lines (csv_options::header_rows)");
      }
      const std::vector<std::string> parts = split_header(record);
      if (parts.size() != names.size()) {
        fail(record.first_line, 0,
             "header line " + std::to_string(level + 1) + " of " +
                 std::to_string(options_.header_rows) + " has " + std::to_string(parts.size()) +
                 " cells but the first has " + std::to_string(names.size()) +
                 " (csv_options::header_rows needs one cell per column on each)");
      }
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (!parts[i].empty()) {
          names[i] += (names[i].empty() ? "" : options_.header_join) + parts[i];
        }
      }
    }
    std::unordered_map<std::string, Eigen::Index, detail::keyed_string_hash> index;  // keyed: no crafted collisions
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i].empty()) {
        names[i] = "Unnamed: " + std::to_string(i);
      }
      const auto [where, inserted] = index.emplace(names[i], static_cast<Eigen::Index>(i));
      if (!inserted) {
        fail(first_line, i + 1,
             "duplicated column name \"" + names[i] + "\" in columns " +
                 std::to_string(where->second + 1) + " and " + std::to_string(i + 1));
      }
    }
    columns_ = names.size();
    keep_.assign(columns_, options_.use_columns.empty() ? 1 : 0);
    std::string not_found;
    for (const std::string& wanted : options_.use_columns) {
      const auto found = index.find(wanted);
      if (found == index.end()) {
        not_found += (not_found.empty() ? "\"" : ", \"") + wanted + "\"";
      } else {
        keep_[static_cast<std::size_t>(found->second)] = 1;
      }
    }
    file_names_ = std::move(names);
    if (!not_found.empty()) {
      fail(first_line, 0,
           "csv_options::use_columns names columns the header does not have: " + not_found +
               "; available columns: " + quoted_list(file_names_));
    }
    if (options_.use_columns.empty()) {
      table_.names_ = file_names_;
      table_.index_ = std::move(index);
    } else {
      for (std::size_t i = 0; i < columns_; ++i) {
        if (keep_[i] != 0) {
          table_.index_.emplace(file_names_[i], static_cast<Eigen::Index>(table_.names_.size()));
          table_.names_.push_back(file_names_[i]);
        }
      }
    }
    stored_ = table_.names_.size();
  }

  static std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) {
      out += (out.empty() ? "\"" : ", \"") + name + "\"";
    }
    return out;
  }

  // Reads one field starting at p into `out` (unquoted); returns the position of the delimiter
  // that ends it, or `last`. Quotes follow pandas' C tokenizer: a quote opens a quoted field
  // only at the start of a field; inside, "" is one quote; after the closing quote, text up to
  // the next delimiter is appended as is.
  template <class Sink>
  const char* split_field(const char* p, const char* last, std::size_t line_number,
                          std::size_t column, Sink& out) const {
    if (p < last && *p == '"') {
      ++p;
      for (;;) {
        const auto* quote =
            static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(last - p)));
        if (quote == nullptr) {
          unterminated_quote(line_number, column);
        }
        out.append(p, static_cast<std::size_t>(quote - p));
        p = quote + 1;
        if (p < last && *p == '"') {
          out.push_back('"');
          ++p;
        } else {
          break;
        }
      }
    }
    const auto* delimiter =
        static_cast<const char*>(std::memchr(p, delimiter_, static_cast<std::size_t>(last - p)));
    const char* const end = delimiter != nullptr ? delimiter : last;
    if (std::memchr(p, '\r', static_cast<std::size_t>(end - p)) != nullptr) {
      bare_carriage_return(line_number, column);
    }
    out.append(p, static_cast<std::size_t>(end - p));
    return end;
  }

  // pandas ends a line at a lone \r (old Mac line ends); the line reader does not, so the rows
  // would run together. Only \r inside quotes, or before \n (removed by the reader), is accepted.
  [[noreturn]] void bare_carriage_return(std::size_t line, std::size_t column) const {
    fail(line, column + 1,
         "carriage return (\\r) not followed by a newline in " + column_label(column) +
             " (old Mac line ends are not supported; outside quotes pandas would start a new "
             "line there)");
  }

  // Appends into the arena; a Sink for split_field.
  struct arena_sink {
    char* cursor;
    void append(const char* text, std::size_t size) noexcept {
      std::memcpy(cursor, text, size);
      cursor += size;
    }
    void push_back(char c) noexcept { *cursor++ = c; }
  };

  [[noreturn]] void wrong_cell_count(std::size_t line_number, std::size_t found) const {
    if (found > columns_) {
      fail(line_number, columns_ + 1,
           "too many cells: expected " + std::to_string(columns_) + " (the header's count), found " +
               std::to_string(found) + " or more");
    }
    fail(line_number, found + 1,
         "too few cells: expected " + std::to_string(columns_) + " (the header's count), found " +
             std::to_string(found) + "; " + column_label(found) + " is missing");
  }

  void append_row(const csv_record& record) {
    const char* const line = record.text;
    const std::size_t length = record.length;
    const std::size_t line_number = record.first_line;
    const std::size_t row_start = table_.arena_.size();
    table_.row_starts_.push_back(row_start);
    std::uint32_t* const ends = table_.cell_ends_.extend(stored_);
    // Room for the row, and for one separator byte per cell a short row is padded with.
    char* const row = table_.arena_.extend(length + (fill_short_rows_ ? columns_ : 0));
    const char* const last = line + length;
    std::size_t found = 0;   // cells in the file's row
    std::size_t stored = 0;  // cells kept (use_columns)
    char* cursor = row;

    if (every_column_ && std::memchr(line, '"', length) == nullptr) {
      // Fast path: the row is stored verbatim, delimiters included, and they are its cell ends.
      const auto* carriage_return = static_cast<const char*>(std::memchr(line, '\r', length));
      std::memcpy(row, line, length);
      for (const char* p = line;;) {
        const auto* delimiter = static_cast<const char*>(
            std::memchr(p, delimiter_, static_cast<std::size_t>(last - p)));
        if (found == columns_) {
          wrong_cell_count(line_number, found + 1);
        }
        if (carriage_return != nullptr &&
            carriage_return < (delimiter != nullptr ? delimiter : last)) {
          bare_carriage_return(line_number, found);
        }
        ends[found++] = static_cast<std::uint32_t>((delimiter != nullptr ? delimiter : last) - line);
        if (delimiter == nullptr) {
          break;
        }
        p = delimiter + 1;
      }
      stored = found;
      cursor = row + length;
    } else {
      // Quoted cells or use_columns: unquote into the arena (never longer than the line), one byte
      // between kept cells; a dropped cell is written and then taken back.
      arena_sink sink{row};
      for (const char* p = line;;) {
        if (found == columns_) {
          wrong_cell_count(line_number, found + 1);
        }
        char* const mark = sink.cursor;
        if (stored != 0) {
          sink.push_back(delimiter_);
        }
        p = split_field(p, last, line_number, found, sink);
        if (keep_[found++] != 0) {
          ends[stored++] = static_cast<std::uint32_t>(sink.cursor - row);
        } else {
          sink.cursor = mark;
        }
        if (p == last) {
          break;
        }
        ++p;
      }
      cursor = sink.cursor;
    }
    if (found != columns_) {
      if (!fill_short_rows_) {
        wrong_cell_count(line_number, found);
      }
      for (; found < columns_; ++found) {  // pandas pads a short row with NaN: empty cells
        if (keep_[found] != 0) {
          if (stored != 0) {
            *cursor++ = delimiter_;
          }
          ends[stored++] = static_cast<std::uint32_t>(cursor - row);
        }
      }
    }
    table_.arena_.truncate(row_start + static_cast<std::size_t>(cursor - row));
  }

  const csv_options& options_;
  char delimiter_;
  char comment_;
  bool plain_lines_;      // no comment character and no quoted line breaks: a line is a record
  bool every_column_;     // no use_columns
  bool fill_short_rows_;
  table table_;
  std::vector<std::string> file_names_;  // every column of the file (use_columns keeps some)
  std::vector<char> keep_;               // per file column: stored in the table
  std::size_t columns_ = 0;              // cells per row in the file
  std::size_t stored_ = 0;               // cells per row in the table
  std::string pending_;                  // a record spanning lines, joined
};

/// Restores a stream's exception mask when reading ends: read_csv reads with no exceptions
/// enabled (a mask with failbit would throw at the end of the data) and leaves the stream at
/// its end with eofbit (unless the mask holds eofbit) and the caller's mask.
class stream_exceptions_guard {
 public:
  explicit stream_exceptions_guard(std::istream& in) : in_(in), mask_(in.exceptions()) {
    in_.exceptions(std::ios::goodbit);
  }
  stream_exceptions_guard(const stream_exceptions_guard&) = delete;
  stream_exceptions_guard& operator=(const stream_exceptions_guard&) = delete;
  ~stream_exceptions_guard() {
    try {
      in_.clear(in_.rdstate() & ~std::ios::failbit & ~mask_);
      in_.exceptions(mask_);
    } catch (...) {  // cannot happen: no state bit of the mask is left set
    }
  }

 private:
  std::istream& in_;
  std::ios::iostate mask_;
};

/// Runs the builder over a line reader made by `make_reader`, turning every error of
/// fast-cpp-csv-parser and of the byte source into a csv_error.
template <class MakeReader>
[[nodiscard]] table read_lines(const std::string& name, std::size_t size_hint,
                               const csv_options& options, MakeReader&& make_reader) {
  check_csv_options(options);
  csv_builder builder(name, options);
  try {
    std::unique_ptr<io::LineReader> reader = make_reader();
    return builder.run(*reader, size_hint);
  } catch (const io::error::line_length_limit_exceeded& error) {
    builder.fail(static_cast<std::size_t>(error.file_line), 0,
                 "the line is longer than fast-cpp-csv-parser's limit of 2^24 - 1 bytes "
                 "(16 MiB - 1)");
  } catch (const io::error::base& error) {
    builder.fail(0, 0, error.what());
  } catch (const nul_byte_found& error) {
    builder.fail(error.line, error.column,
                 "NUL byte (a binary file, or text in UTF-16?); CSV text cannot contain it");
  } catch (const csv_error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::runtime_error& error) {
    builder.fail(0, 0, std::string("read error: ") + error.what());
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_CSV_READER_HPP
