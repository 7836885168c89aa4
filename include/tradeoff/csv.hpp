#ifndef TRADEOFF_CSV_HPP
#define TRADEOFF_CSV_HPP

/// @file
/// @brief Reads a CSV file into a table of columns whose values match pandas 1.5.3
/// (`pd.read_csv` with its defaults, then `pd.to_numeric(errors="coerce")`) bit for bit.
///
/// The only header of tradeoff that includes fast-cpp-csv-parser. Its `io::LineReader`
/// supplies the lines (buffering, a reader thread for files over 32 MiB, CRLF, a UTF-8 BOM, a
/// missing final newline); this header splits each line itself (RFC 4180 quoting; with
/// `csv_options::quoted_newlines`, a line that leaves a quote open is joined with the next ones)
/// because `io::CSVReader` fixes the number of columns at compile time and has no other
/// delimiters, comments or quoted line breaks. Numbers are converted on demand, never with the
/// parser's own float conversion. See docs/csv.md.

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

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <tradeoff/detail/csv_number.hpp>
#include <tradeoff/detail/csv_sniff.hpp>
#include <tradeoff/detail/csv_storage.hpp>
#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/error_prefix.hpp>
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
    std::string text = detail::error_prefix(function) + file;
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

/// @brief How `read_csv` splits a file; the defaults read what `read_csv(path)` has always read
/// (comma-separated, one header line, every row complete). Each field names the `pd.read_csv`
/// argument it mirrors; see docs/csv.md for the differences.
struct csv_options {
  /// Value of `delimiter` that asks for the delimiter to be guessed from the header line as
  /// `pd.read_csv(sep=None)` guesses it (Python's `csv.Sniffer`).
  static constexpr char sniff = '\0';
  /// Default maximum number of columns (`max_columns`).
  static constexpr std::size_t default_max_columns = 65536;

  /// The cell separator (`sep`): any byte but `"`, CR, LF and the comment character; `'\t'`
  /// for TSV; `csv_options::sniff` to guess it.
  char delimiter = ',';
  /// Lines to skip at the start of the file before looking for the header (`skiprows=n`);
  /// blank and comment lines among them count.
  std::size_t skip_rows = 0;
  /// The comment character (`comment`), `'\0'` for none: outside quotes it ends the line's
  /// content; a line that starts with it is skipped like a blank line.
  char comment = '\0';
  /// A quoted cell may hold line breaks (RFC 4180; pandas always allows them). When false, a
  /// quote still open at the end of its line is an error.
  bool quoted_newlines = false;
  /// A row with fewer cells than the header gets missing (empty) cells, as pandas pads with NaN.
  /// When false such a row is an error. Too many cells is always an error, as in pandas.
  bool fill_short_rows = false;
  /// Cells read as missing in addition to pandas' default markers (`na_values`, with
  /// `keep_default_na=True`); exact text, and numerically for numbers ("-999" also makes
  /// "-999.0" missing), as pandas matches them.
  std::vector<std::string> na_values;
  /// Header lines (`header=[0, …, n-1]`): the names of each column, one per line, are joined
  /// into one name with `header_join`, leaving out empty parts (pandas' "Unnamed: i_level_k").
  std::size_t header_rows = 1;
  /// What joins the parts of a name read from several header lines.
  std::string header_join = "_";
  /// Read only these columns (pandas' `usecols`, by name): the table keeps them in file order and stores
  /// no other cell. Empty: every column.
  std::vector<std::string> use_columns;
  /// A header with more cells than this is an error before any column is made (a line of
  /// millions of commas would otherwise take gigabytes).
  std::size_t max_columns = default_max_columns;
};

/// @brief A boolean column with its missing cells marked (`table::booleans_with_mask`).
struct boolean_column {
  Eigen::Array<bool, Eigen::Dynamic, 1> values;   ///< one value per row; false where missing
  Eigen::Array<bool, Eigen::Dynamic, 1> missing;  ///< true where the cell is a missing-value marker
  Eigen::Index missing_count = 0;                 ///< number of true entries of `missing`
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
class table_assembler;
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
                        "column \"" + name + "\": cell \"" + printable(text) +
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
  std::vector<std::string> na_values_;  // csv_options::na_values
  std::vector<double> na_numbers_;      // those of them that are numbers, as doubles
  // Decimal cells are read correctly rounded whatever the precision asked (tables from JSON,
  // whose numbers are stored as the shortest text of the value pandas' read_json gives).
  bool decimals_round_trip_ = false;
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
    throw std::invalid_argument("tradeoff::read_csv: " + what);
  };
  const auto byte = [](char c) {
    return "'\\x" + std::string(1, "0123456789ABCDEF"[static_cast<unsigned char>(c) >> 4U]) +
           std::string(1, "0123456789ABCDEF"[static_cast<unsigned char>(c) & 0xFU]) + "'";
  };
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

}  // namespace detail

/// @brief Reads CSV text from a stream. See the file-path overload for the format, the options
/// and the errors.
/// @param in       the stream, read to its end (open binary streams in std::ios::binary); its
///                 exception mask may include failbit and badbit: it is set aside while reading
///                 and restored, and the stream is left at its end (eofbit set unless the mask
///                 holds it)
/// @param name     the name used in error messages and returned by `table::source()`
/// @param options  how to split the text (defaults: comma-separated, one header line)
/// @return the table of cells
/// @throws csv_error when the stream is not good() to begin with (e.g. an ifstream that failed
/// to open), and on any problem with the text (see `read_csv(const std::string&, const
/// csv_options&)`); std::invalid_argument for options that make no sense.
/// @note Complexity O(bytes); memory: the cells' text plus 4 bytes per cell and 8 per row, and
/// fast-cpp-csv-parser's 48 MiB line buffer while reading.
[[nodiscard]] inline table read_csv(std::istream& in, const std::string& name,
                                    const csv_options& options = {}) {
  if (!in.good()) {
    throw csv_error("read_csv", name, 0, 0,
                    "the stream cannot be read (it is in a failed state; was the file opened?)");
  }
  const detail::stream_exceptions_guard guard(in);
  return detail::read_lines(name, 0, options, [&] {
    return std::make_unique<io::LineReader>(
        name.c_str(), std::make_unique<detail::checked_byte_source>(in));
  });
}

/// @brief Reads a CSV file: a header line of column names, then one row per line.
///
/// Format (defaults): comma-separated; `"` quotes a field (delimiters and doubled quotes ""
/// inside); LF or CRLF line ends; a UTF-8 byte-order mark and a missing final newline are
/// accepted; lines that are empty or hold only spaces and tabs are skipped (as pandas does).
/// `options` changes the delimiter (or guesses it like pandas' `sep=None`), skips lines before
/// the header, strips comments, lets quoted cells span lines, pads short rows, adds missing-value
/// markers, joins several header lines, and keeps only some columns (see `csv_options`).
/// Limits, from fast-cpp-csv-parser's line reader: a carriage return must be followed by a
/// newline (except inside quotes), and a line may be at most 2^24 − 1 bytes (16 MiB).
/// @param path     file name
/// @param options  how to split the text (defaults: comma-separated, one header line)
/// @return the table of cells; a file with only a header has zero rows
/// @throws csv_error (what() names the file, and the line and column where they apply) when the
/// file cannot be opened or read; it is empty (or nothing follows the skipped lines); two
/// columns share a name (both positions given); the header has more than
/// `options.max_columns` cells; header lines disagree in length; `options.use_columns` names a
/// column the file lacks; a row has too many cells, or too few without `fill_short_rows`; a
/// quoted field is not closed by the end of its line (of the file, with `quoted_newlines`); a
/// carriage return is not followed by a newline outside quotes; a line exceeds the limit; the
/// delimiter cannot be guessed; or the file contains a NUL byte. std::invalid_argument for
/// options that make no sense (a delimiter that is the quote character or a line break, or
/// equal to the comment character; `header_rows` or `max_columns` 0; a column named twice in
/// `use_columns`).
/// @note Complexity O(bytes). Memory: see the stream overload.
[[nodiscard]] inline table read_csv(const std::string& path, const csv_options& options = {}) {
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(path, size_error);
  const std::size_t size_hint = size_error ? 0 : static_cast<std::size_t>(size);
  return detail::read_lines(path, size_hint, options, [&] {
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

#endif  // TRADEOFF_CSV_HPP
