#ifndef TRADEOFF_CSV_HPP
#define TRADEOFF_CSV_HPP

/// @file
/// @brief Reads a CSV file into a table of columns whose values match pandas 1.5.3
/// (`pd.read_csv` with its defaults, then `pd.to_numeric(errors="coerce")`) bit for bit.
///
/// The only public header of tradeoff that includes fast-cpp-csv-parser (through
/// detail/csv_reader.hpp, which splits the lines itself). The table and its typed columns are in
/// table.hpp, the options and the error type in csv_types.hpp; numbers are converted on demand,
/// never with the parser's own float conversion. See docs/csv.md.

#include <tradeoff/csv_types.hpp>
#include <tradeoff/detail/csv_reader.hpp>
#include <tradeoff/table.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <system_error>

namespace tradeoff {

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

}  // namespace tradeoff

#endif  // TRADEOFF_CSV_HPP
