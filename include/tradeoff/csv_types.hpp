#ifndef TRADEOFF_CSV_TYPES_HPP
#define TRADEOFF_CSV_TYPES_HPP

/// @file
/// @brief The option, error and column types of csv.hpp and table.hpp: `csv_error` (file, line,
/// column), `float_precision`, `csv_options`, and the typed columns a table gives. Needs no
/// CSV parser.

#include <tradeoff/detail/error_prefix.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

}  // namespace tradeoff

#endif  // TRADEOFF_CSV_TYPES_HPP
