#ifndef TRADEOFF_CSV_HPP
#define TRADEOFF_CSV_HPP

/// @file
/// @brief Reads a CSV file into a table of columns whose values match pandas 1.5.3
/// (`pd.read_csv` with its defaults, then `pd.to_numeric(errors="coerce")`) bit for bit.
///
/// The only header of tradeoff that includes fast-cpp-csv-parser. Its `io::LineReader`
/// supplies the lines (buffering, a reader thread for files over 32 MiB, CRLF, a UTF-8 BOM, a
/// missing final newline); this header splits each line itself (RFC 4180 quoting) because
/// `io::CSVReader` fixes the number of columns at compile time. Numbers are converted on
/// demand, never with the parser's own float conversion. See docs/csv.md.

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

#include <Eigen/Core>

#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <istream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <tradeoff/detail/csv_number.hpp>
#include <tradeoff/detail/csv_storage.hpp>
#include <tradeoff/detail/keyed_hash.hpp>

namespace tradeoff {

/// @brief A problem with a CSV file or with a request for one of its columns.
///
/// `what()` reads `tradeoff::<function>: <file>:<line>:<column>: <message>`; the line and the
/// column are omitted when they do not apply (a missing file has neither, a duplicated column
/// name has both). Lines and columns count from 1, as editors do; columns count cells, not bytes,
/// except for a NUL byte, whose column is a byte position.
class csv_error : public std::runtime_error {
 public:
  /// @param function  the tradeoff function that failed, e.g. "read_csv"
  /// @param file      the file name (or the name given to the stream overload)
  /// @param line      1-based line in the file, 0 when not applicable
  /// @param column    1-based column (cell index), 0 when not applicable
  /// @param message   what was wrong
  csv_error(const std::string& function, std::string file, std::size_t line, std::size_t column,
            const std::string& message)
      : std::runtime_error(format(function, file, line, column, message)),
        file_(std::move(file)),
        line_(line),
        column_(column) {}

  /// @brief The file (or stream) name.
  [[nodiscard]] const std::string& file() const noexcept { return file_; }
  /// @brief 1-based line of the problem in the file; 0 when it has none.
  [[nodiscard]] std::size_t line() const noexcept { return line_; }
  /// @brief 1-based column (cell) of the problem; 0 when it has none.
  [[nodiscard]] std::size_t column() const noexcept { return column_; }

 private:
  static std::string format(const std::string& function, const std::string& file,
                            std::size_t line, std::size_t column, const std::string& message) {
    std::string text = "tradeoff::" + function + ": " + file;
    if (line != 0) {
      text += ':' + std::to_string(line);
      if (column != 0) {
        text += ':' + std::to_string(column);
      }
    } else if (column != 0) {
      text += ": column " + std::to_string(column);
    }
    return text + ": " + message;
  }

  std::string file_;
  std::size_t line_;
  std::size_t column_;
};

/// @brief Which decimal-to-double conversion `table::numeric` uses.
enum class float_precision {
  /// pandas 1.5.3's default converter ("high", `precise_xstrtod`): bit-identical to
  /// `pd.read_csv` + `pd.to_numeric`, but not correctly rounded (about a third of 17-digit
  /// values land one ulp away from the nearest double).
  pandas,
  /// Correctly rounded (`std::from_chars`): what `float()` / `strtod` return; the same as pandas'
  /// `float_precision="round_trip"` on columns without junk.
  round_trip
};

/// @brief A numeric column with the count of cells that were not numbers.
struct numeric_column {
  Eigen::ArrayXd values;       ///< one value per row; NaN for missing and for coerced cells
  Eigen::Index missing = 0;    ///< cells that are one of pandas' missing-value markers ("", "NA", "nan", …)
  Eigen::Index coerced = 0;    ///< other cells that are not numbers ("diverged", "1.2.3", "1e400"), now NaN
};

class table;

namespace detail {
class csv_builder;
}  // namespace detail

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

  /// @brief The 1-based line of the file that holds data row `row` (0-based). O(log blank lines).
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
      throw std::out_of_range("tradeoff::table::cell: column " + std::to_string(column) +
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
  /// 3. else every non-missing cell True/TRUE/true/False/FALSE/false: 1.0 and 0.0, NaN where missing;
  /// 4. else each cell on its own: a pandas missing-value marker ("", "#N/A", "#N/A N/A", "#NA",
  ///    "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL",
  ///    "NaN", "n/a", "nan", "null"; exact match, no trimming) → NaN, counted as missing; a
  ///    decimal number with optional sign, surrounding whitespace and exponent → its value
  ///    (see `float_precision`); inf/+inf/-inf/infinity/+infinity/-infinity in any letter case →
  ///    ±infinity; anything else → NaN, counted as coerced. That includes hexadecimal ("0x10"),
  ///    "None", "NAN", "1,5", "1_000" and numbers too large for a double ("1e400"), which pandas
  ///    also turns into NaN. Values below the smallest subnormal become ±0.
  /// @param name       column name
  /// @param precision  pandas' converter (default, bit-identical) or correctly rounded
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

  /// @brief Column `name` as booleans: True/true/TRUE/1 → true, False/false/FALSE/0 → false
  /// (exact match, no trimming).
  /// @throws csv_error naming file, line, column and the cell for any other cell, including an
  /// empty one; csv_error when there is no column `name`.
  /// @note Complexity O(rows).
  [[nodiscard]] Eigen::Array<bool, Eigen::Dynamic, 1> booleans(const std::string& name) const {
    const Eigen::Index column = find_column(name, "table::booleans");
    Eigen::Array<bool, Eigen::Dynamic, 1> out(rows_);
    for (Eigen::Index row = 0; row < rows_; ++row) {
      const std::string_view text = cell_unchecked(row, column);
      int value = detail::pandas_bool_token(text);
      if (value < 0 && text.size() == 1 && (text[0] == '0' || text[0] == '1')) {
        value = text[0] - '0';
      }
      if (value < 0) {
        throw csv_error("table::booleans", source_, line_of_row(row),
                        static_cast<std::size_t>(column) + 1,
                        "column \"" + name + "\": cell \"" + printable(text) +
                            "\" is not a boolean (expected True, False, true, false, TRUE, FALSE, "
                            "1 or 0)");
      }
      out[row] = value == 1;
    }
    return out;
  }

 private:
  friend class detail::csv_builder;

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
      throw std::out_of_range("tradeoff::" + std::string(function) + ": row " +
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

  /// Cell text for messages: at most 60 bytes, control bytes as \xNN.
  static std::string printable(std::string_view text) {
    std::string out;
    for (const char c : text.substr(0, 60)) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x20 || byte == 0x7F) {
        static constexpr char hex[] = "0123456789ABCDEF";
        out += "\\x";
        out += hex[byte >> 4U];
        out += hex[byte & 0xFU];
      } else {
        out += c;
      }
    }
    if (text.size() > 60) {
      out += "...";
    }
    return out;
  }

  std::string source_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, Eigen::Index, detail::keyed_string_hash> index_;  // keyed: no crafted collisions
  Eigen::Index rows_ = 0;
  detail::pod_buffer<char> arena_;               // unquoted cells, row after row, one separator byte between cells
  detail::pod_buffer<std::uint64_t> row_starts_;  // offset of each row in arena_
  detail::pod_buffer<std::uint32_t> cell_ends_;   // end of each cell relative to its row start
  std::vector<std::pair<Eigen::Index, std::size_t>> line_marks_;  // (row, its line) after blank lines
};

namespace detail {

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
    return static_cast<int>(count);
  }

 private:
  std::FILE* file_ = nullptr;
  std::istream* stream_ = nullptr;
  std::size_t line_ = 0;    // newlines before the current position
  std::size_t column_ = 0;  // bytes since the last newline
};

/// Fills a table from the lines of an io::LineReader.
class csv_builder {
 public:
  explicit csv_builder(std::string source) { table_.source_ = std::move(source); }

  /// @param size_hint expected byte count (0 if unknown), to size the cell buffer once.
  [[nodiscard]] table run(io::LineReader& reader, std::size_t size_hint) {
    if (size_hint != 0) {
      table_.arena_.reserve(size_hint + 1);
    }
    char* line = reader.next_line();
    while (line != nullptr && is_blank(line)) {
      line = reader.next_line();
    }
    if (line == nullptr) {
      fail(0, 0, "the file is empty (no header line)");
    }
    read_header(line, reader.get_file_line());
    columns_ = table_.names_.size();

    Eigen::Index rows = 0;
    std::size_t expected_line = reader.get_file_line() + 1;
    while ((line = reader.next_line()) != nullptr) {
      const std::size_t line_number = reader.get_file_line();
      if (is_blank(line)) {
        continue;
      }
      if (line_number != expected_line || rows == 0) {
        table_.line_marks_.emplace_back(rows, line_number);
      }
      expected_line = line_number + 1;
      append_row(line, std::strlen(line), line_number);
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

  [[nodiscard]] std::string column_label(std::size_t column) const {
    std::string label = "column " + std::to_string(column + 1);
    if (column < table_.names_.size()) {
      label += " (\"" + table_.names_[column] + "\")";
    }
    return label;
  }

  [[noreturn]] void unterminated_quote(std::size_t line, std::size_t column) const {
    fail(line, column + 1,
         "unterminated quoted field in " + column_label(column) +
             " (a closing \" is missing; quoted fields cannot span lines)");
  }

  void read_header(const char* line, std::size_t line_number) {
    const char* p = line;
    const char* const last = line + std::strlen(line);
    std::vector<std::string> names;
    for (;;) {
      std::string name;
      p = split_field(p, last, line_number, names.size(), name);
      names.push_back(std::move(name));
      if (p == last) {
        break;
      }
      ++p;  // the comma
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i].empty()) {
        names[i] = "Unnamed: " + std::to_string(i);
      }
      const auto [where, inserted] =
          table_.index_.emplace(names[i], static_cast<Eigen::Index>(i));
      if (!inserted) {
        fail(line_number, i + 1,
             "duplicated column name \"" + names[i] + "\" in columns " +
                 std::to_string(where->second + 1) + " and " + std::to_string(i + 1));
      }
    }
    table_.names_ = std::move(names);
  }

  // Reads one field starting at p into `out` (unquoted); returns the position of the comma that
  // ends it, or `last`. Quotes follow pandas' C tokenizer: a quote opens a quoted field only at
  // the start of a field; inside, "" is one quote; after the closing quote, text up to the next
  // comma is appended as is.
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
    const auto* comma =
        static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(last - p)));
    const char* const end = comma != nullptr ? comma : last;
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

  void append_row(const char* line, std::size_t length, std::size_t line_number) {
    const std::size_t row_start = table_.arena_.size();
    table_.row_starts_.push_back(row_start);
    std::uint32_t* const ends = table_.cell_ends_.extend(columns_);
    char* const row = table_.arena_.extend(length);
    const char* const last = line + length;
    std::size_t found = 0;

    if (std::memchr(line, '"', length) == nullptr) {
      // Fast path: the row is stored verbatim, commas included, and the commas are its cell ends.
      const auto* carriage_return = static_cast<const char*>(std::memchr(line, '\r', length));
      std::memcpy(row, line, length);
      for (const char* p = line;;) {
        const auto* comma =
            static_cast<const char*>(std::memchr(p, ',', static_cast<std::size_t>(last - p)));
        if (found == columns_) {
          wrong_cell_count(line_number, found + 1);
        }
        if (carriage_return != nullptr && carriage_return < (comma != nullptr ? comma : last)) {
          bare_carriage_return(line_number, found);
        }
        ends[found++] = static_cast<std::uint32_t>((comma != nullptr ? comma : last) - line);
        if (comma == nullptr) {
          break;
        }
        p = comma + 1;
      }
    } else {
      // Quoted cells: unquote into the arena (never longer than the line), one byte between cells.
      arena_sink sink{row};
      for (const char* p = line;;) {
        if (found == columns_) {
          wrong_cell_count(line_number, found + 1);
        }
        p = split_field(p, last, line_number, found, sink);
        ends[found++] = static_cast<std::uint32_t>(sink.cursor - row);
        if (p == last) {
          break;
        }
        sink.push_back(',');
        ++p;
      }
      table_.arena_.truncate(row_start + static_cast<std::size_t>(sink.cursor - row));
    }
    if (found != columns_) {
      wrong_cell_count(line_number, found);
    }
  }

  table table_;
  std::size_t columns_ = 0;
};

/// Runs the builder over a line reader made by `make_reader`, turning every error of
/// fast-cpp-csv-parser and of the byte source into a csv_error.
template <class MakeReader>
[[nodiscard]] table read_lines(const std::string& name, std::size_t size_hint,
                               MakeReader&& make_reader) {
  csv_builder builder(name);
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

}  // namespace detail

/// @brief Reads CSV text from a stream. See the file-path overload for the format and the errors.
/// @param in    the stream, read to its end (open binary streams in std::ios::binary)
/// @param name  the name used in error messages and returned by `table::source()`
/// @return the table of cells
/// @throws csv_error when the stream is not good() to begin with (e.g. an ifstream that failed
/// to open), and on any problem with the text (see `read_csv(const std::string&)`).
/// @note Complexity O(bytes); memory: the cells' text plus 4 bytes per cell and 8 per row, and
/// fast-cpp-csv-parser's 48 MiB line buffer while reading.
[[nodiscard]] inline table read_csv(std::istream& in, const std::string& name) {
  if (!in.good()) {
    throw csv_error("read_csv", name, 0, 0,
                    "the stream cannot be read (it is in a failed state; was the file opened?)");
  }
  return detail::read_lines(name, 0, [&] {
    return std::make_unique<io::LineReader>(
        name.c_str(), std::make_unique<detail::checked_byte_source>(in));
  });
}

/// @brief Reads a CSV file: a header line of column names, then one row per line.
///
/// Format: comma-separated; `"` quotes a field (commas and doubled quotes "" inside); LF or CRLF
/// line ends; a UTF-8 byte-order mark and a missing final newline are accepted; lines that are
/// empty or hold only spaces and tabs are skipped (as pandas does). Limits, from
/// fast-cpp-csv-parser's line reader: a quoted field cannot contain a newline, a carriage return
/// must be followed by a newline (except inside quotes), and a line may be at most 2^24 − 1 bytes
/// (16 MiB).
/// @param path  file name
/// @return the table of cells; a file with only a header has zero rows
/// @throws csv_error (what() names the file, and the line and column where they apply) when the
/// file cannot be opened or read; it is empty; two columns share a name (both positions given);
/// a row has too few or too many cells; a quoted field is not closed by the end of its line; a
/// carriage return is not followed by a newline outside quotes; a line exceeds the limit; or the
/// file contains a NUL byte.
/// @note Complexity O(bytes). Memory: see the stream overload.
[[nodiscard]] inline table read_csv(const std::string& path) {
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(path, size_error);
  const std::size_t size_hint = size_error ? 0 : static_cast<std::size_t>(size);
  return detail::read_lines(path, size_hint, [&] {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      io::error::can_not_open_file error;  // fast-cpp-csv-parser's own wording
      error.set_errno(errno);
      error.set_file_name(path.c_str());
      throw error;
    }
    auto source = std::make_unique<detail::checked_byte_source>(file);
    return std::make_unique<io::LineReader>(path.c_str(), std::move(source));
  });
}

// ------------------------------------------------------------------------------------------
// table::numeric_with_report

inline numeric_column table::numeric_with_report(const std::string& name,
                                                 float_precision precision) const {
  const Eigen::Index column = find_column(name, "table::numeric");
  numeric_column result;
  result.values.resize(rows_);
  Eigen::ArrayXd& values = result.values;

  const double nan = std::numeric_limits<double>::quiet_NaN();
  Eigen::Index missing = 0;

  // 1. int64 column (pandas' first choice): exact integers converted to double; missing cells
  //    are allowed (pandas then upcasts the integers to float64 exactly, with NaN).
  Eigen::Index row = 0;
  for (std::int64_t integer = 0; row < rows_; ++row) {
    const std::string_view text = cell_unchecked(row, column);
    if (detail::parse_pandas_int64(text, integer)) {
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
    if (!detail::parse_pandas_uint64(cell_unchecked(row, column), integer)) {
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
    if (token >= 0) {
      values[row] = token;
    } else if (detail::is_pandas_na(text)) {
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
    const bool parsed = precision == float_precision::pandas
                            ? detail::parse_pandas_double(text, value)
                            : detail::parse_round_trip_double(text, value);
    if (parsed || detail::parse_infinity(text, value)) {
      values[row] = value;
    } else if (detail::is_pandas_na(text)) {
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

#endif  // TRADEOFF_CSV_HPP
