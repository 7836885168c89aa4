#ifndef TRADEOFF_TESTS_FUZZ_CHECK_CSV_HPP
#define TRADEOFF_TESTS_FUZZ_CHECK_CSV_HPP

/// @file
/// @brief Property check for tradeoff/csv.hpp on an arbitrary byte string taken as a whole file.
///
/// read_csv(istream, name) may only succeed or throw tradeoff::csv_error (anything else is a
/// bug). Its outcome is compared with an independent, deliberately naive reader of the format
/// that csv.hpp documents (NUL bytes rejected; UTF-8 BOM skipped; lines split at LF, one
/// trailing CR dropped, any other CR outside quotes rejected; lines of only spaces and tabs
/// skipped; the first line is the header;
/// RFC 4180 quotes at the start of a field, "" inside, no newline inside; empty header cells
/// named "Unnamed: <i>"; duplicated names, ragged rows and unterminated quotes rejected):
/// - both fail, at the same line; or both succeed with the same names and the same cells;
/// - on success every column is read as strings, numbers (both precisions, with the missing and
///   coerced counts) and booleans (which may throw csv_error only for a non-boolean cell, at its
///   line), and the results are consistent with the cells (sizes, NaN counts, values equal to
///   strtod's, exactly for the round-trip converter, within 8 ulps for pandas' converter on
///   mantissas of at most 17 digits and exponents of at most 9); every cell scans the same with
///   pandas' word-at-a-time number scan as with the character-by-character one, bit for bit;
/// - read_csv(path) on the same bytes written to a file gives the same table or the same error
///   (inputs whose size is a multiple of 4);
/// - no csv_error lacks the "tradeoff::<function>: <file>" prefix;
/// - booleans_with_mask agrees with the cells, and csv_options keep their promises (see
///   check_options).
/// Throws tradeoff_fuzz::check_failure on any disagreement.

#include "byte_reader.hpp"

#include <tradeoff/csv.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>  // mkstemp, close

namespace tradeoff_fuzz {

namespace csv_detail {

/// What the naive reader makes of the bytes: an error line (0 when the error has no line, as
/// for an empty file) or the names and the cells.
struct naive_table {
  bool ok = false;
  std::size_t error_line = 0;
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> row_lines;  // 1-based line of each row
};

/// Splits one line into unquoted fields; false for an unterminated quote or a CR outside quotes.
inline bool split_line(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::size_t i = 0;
  for (;;) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      ++i;
      for (;;) {
        if (i >= line.size()) return false;
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += line[i++];
      }
    }
    while (i < line.size() && line[i] != ',') {
      if (line[i] == '\r') return false;  // a CR outside quotes (not before LF) is an error
      field += line[i++];
    }
    fields.push_back(field);
    if (i >= line.size()) return true;
    ++i;  // the comma
  }
}

inline naive_table naive_read(std::string_view bytes) {
  naive_table t;
  if (bytes.find('\0') != std::string_view::npos) {
    t.error_line = static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(bytes.find('\0')), '\n')) + 1;
    return t;
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::vector<std::string_view> lines;
  while (!bytes.empty()) {
    const std::size_t newline = bytes.find('\n');
    std::string_view line = bytes.substr(0, newline);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (newline == std::string_view::npos) break;
    bytes.remove_prefix(newline + 1);
  }
  auto blank = [](std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; };
  std::size_t i = 0;
  while (i < lines.size() && blank(lines[i])) ++i;
  if (i == lines.size()) return t;  // empty: error without a line
  std::vector<std::string> fields;
  if (!split_line(lines[i], fields)) {
    t.error_line = i + 1;
    return t;
  }
  t.names = fields;
  for (std::size_t c = 0; c < t.names.size(); ++c) {
    if (t.names[c].empty()) t.names[c] = "Unnamed: " + std::to_string(c);
  }
  for (std::size_t a = 0; a < t.names.size(); ++a) {
    for (std::size_t b = 0; b < a; ++b) {
      if (t.names[a] == t.names[b]) {
        t.error_line = i + 1;
        return t;
      }
    }
  }
  for (++i; i < lines.size(); ++i) {
    if (blank(lines[i])) continue;
    if (!split_line(lines[i], fields) || fields.size() != t.names.size()) {
      t.error_line = i + 1;
      return t;
    }
    t.rows.push_back(fields);
    t.row_lines.push_back(i + 1);
  }
  t.ok = true;
  return t;
}

/// The outcome of one read_csv call: a table or a csv_error.
struct outcome {
  std::optional<tradeoff::table> table;
  std::string error;
  std::size_t error_line = 0;
};

template <typename Read>
outcome attempt(Read&& read, const std::string& name, const std::string& function_prefix) {
  outcome result;
  try {
    result.table.emplace(read());
  } catch (const tradeoff::csv_error& e) {
    result.error = e.what();
    result.error_line = e.line();
    expect(result.error.rfind(function_prefix + name, 0) == 0, "csv_error without the prefix \"", function_prefix,
           name, "\": ", result.error);
    expect(e.file() == name, "csv_error::file() is \"", e.file(), "\", expected \"", name, "\"");
  }
  return result;
}

inline bool strtod_whole(const std::string& text, double& value) {
  if (text.empty()) return false;
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  value = std::strtod(begin, &end);
  if (end == begin) return false;
  for (const char* p = end; *p != '\0'; ++p) {
    if (std::strchr(" \t\n\v\f\r", *p) == nullptr) return false;
  }
  return true;
}

/// Digits before the exponent (leading zeros included): what pandas' converter counts.
inline std::size_t mantissa_digits(const std::string& text) {
  std::size_t digits = 0;
  for (const char c : text) {
    if (c == 'e' || c == 'E') break;
    if (c >= '0' && c <= '9') ++digits;
  }
  return digits;
}

/// Digits of the exponent (after e/E and its sign), 0 without one.
inline std::size_t exponent_digits(const std::string& text) {
  const std::size_t mark = text.find_first_of("eE");
  if (mark == std::string::npos) return 0;
  std::size_t digits = 0;
  for (std::size_t i = mark + 1; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') ++digits;
  }
  return digits;
}

inline double ulp_distance(double a, double b) {
  if (a == b) return 0.0;
  return std::fabs(a - b) / std::fabs(std::nextafter(a, b) - a);
}

/// pandas 1.5.3's boolean cells (true/false in any letter case, its strcasecmp), and 1 / 0.
inline bool bool_token(const std::string& text, bool& value) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; });
  if (lower == "true" || text == "1") {
    value = true;
    return true;
  }
  if (lower == "false" || text == "0") {
    value = false;
    return true;
  }
  return false;
}

/// pandas 1.5.3's default missing-value markers (exact).
inline bool na_token(const std::string& text) {
  static const char* const markers[] = {"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
                                        "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan",
                                        "null"};
  return std::any_of(std::begin(markers), std::end(markers), [&](const char* m) { return text == m; });
}

/// The checks on a successful read: the table against the naive reader's, every accessor.
inline void check_table(const tradeoff::table& t, const naive_table& expected, const std::string& input) {
  const auto rows = static_cast<std::size_t>(t.rows());
  expect(t.column_names() == expected.names, "column names differ from the naive reader's\ninput: ", input);
  expect(rows == expected.rows.size(), "rows() = ", rows, ", the naive reader found ", expected.rows.size(),
         "\ninput: ", input);
  expect(t.columns() == static_cast<Eigen::Index>(expected.names.size()), "columns() inconsistent");
  for (std::size_t r = 0; r < rows; ++r) {
    expect(t.line_of_row(static_cast<Eigen::Index>(r)) == expected.row_lines[r], "line_of_row(", r, ") = ",
           t.line_of_row(static_cast<Eigen::Index>(r)), ", expected ", expected.row_lines[r], "\ninput: ", input);
  }
  for (std::size_t c = 0; c < expected.names.size(); ++c) {
    const std::string& name = expected.names[c];
    const auto column = static_cast<Eigen::Index>(c);
    expect(t.has_column(name) && t.column_index(name) == column, "has_column/column_index wrong for \"", name, "\"");
    const std::vector<std::string> text = t.strings(name);
    expect(text.size() == rows, "strings(\"", name, "\").size() = ", text.size());
    for (std::size_t r = 0; r < rows; ++r) {
      expect(text[r] == expected.rows[r][c], "cell (", r, ", ", c, ") is \"", text[r], "\", the naive reader has \"",
             expected.rows[r][c], "\"\ninput: ", input);
      expect(t.cell(static_cast<Eigen::Index>(r), column) == text[r], "cell() and strings() disagree");
    }

    const tradeoff::numeric_column pandas = t.numeric_with_report(name);
    const tradeoff::numeric_column exact = t.numeric_with_report(name, tradeoff::float_precision::round_trip);
    expect(pandas.values.size() == t.rows() && exact.values.size() == t.rows(), "numeric size wrong");
    expect(same_bits(t.numeric(name), pandas.values), "numeric() differs from numeric_with_report().values");
    expect(t.coerced(name) == pandas.coerced, "coerced() differs from numeric_with_report().coerced");
    expect(pandas.missing >= 0 && pandas.coerced >= 0 && pandas.missing + pandas.coerced <= t.rows(),
           "missing/coerced counts out of range");
    const auto nan_count = static_cast<Eigen::Index>(pandas.values.isNaN().count());
    expect(nan_count == pandas.missing + pandas.coerced, "numeric(\"", name, "\"): ", nan_count,
           " NaN but missing + coerced = ", pandas.missing + pandas.coerced, "\ninput: ", input);
    expect(static_cast<Eigen::Index>(exact.values.isNaN().count()) == exact.missing + exact.coerced,
           "numeric(round_trip): NaN count differs from missing + coerced\ninput: ", input);
    // Each converter on its own (they may disagree on NaN: pandas' rejects an exponent beyond
    // ±308 even for a zero mantissa, "0e400" -> NaN as pd.to_numeric gives, the correctly rounded
    // one reads 0): a non-NaN value is 1/0 for a boolean token, else what strtod reads from the
    // whole cell, exactly (round_trip) or, for pandas' converter, which keeps the first 17 digits
    // (leading zeros included) and scales once, within 8 ulps when the mantissa has at most 17
    // digits (pandas 1.5.3 itself is 2 ulps off for "922337201018427387904" and up to 3 ulps on
    // 20,000 random cells), only no larger in magnitude and of the same sign otherwise, and not at
    // all when the exponent has more than 9 digits (pandas' int exponent wraps).
    for (const std::string& cell : text) {  // the word-at-a-time scan agrees with the general one
      tradeoff::detail::decimal_scan fast;
      tradeoff::detail::decimal_scan general;
      const bool fast_ok = tradeoff::detail::scan_decimal(cell, fast);
      expect(fast_ok == tradeoff::detail::scan_decimal_general(cell, general) &&
                 (!fast_ok || (fast.negative == general.negative && std::memcmp(&fast.number, &general.number, sizeof(double)) == 0 &&
                               fast.exponent == general.exponent && fast.core_first == general.core_first &&
                               fast.core_last == general.core_last)),
             "scan_decimal and scan_decimal_general differ on \"", cell, "\"\ninput: ", input);
    }
    for (const auto* converted : {&pandas, &exact}) {
      const bool correctly_rounded = converted == &exact;
      const char* label = correctly_rounded ? "numeric(round_trip)" : "numeric(pandas)";
      for (std::size_t r = 0; r < rows; ++r) {
        const double value = converted->values(static_cast<Eigen::Index>(r));
        const std::string& cell = text[r];
        if (std::isnan(value)) continue;
        bool flag = false;
        double parsed = 0.0;
        if (bool_token(cell, flag) && !strtod_whole(cell, parsed)) {
          expect(value == (flag ? 1.0 : 0.0), label, ": boolean cell \"", cell, "\" gave ", value);
          continue;
        }
        expect(strtod_whole(cell, parsed), label, " of \"", name, "\" row ", r, ": \"", cell, "\" gave ", value,
               " but strtod does not read it as a number\ninput: ", input);
        if (!correctly_rounded && exponent_digits(cell) > 9) {
          // pandas reads the exponent into a C int that wraps ("1e4294967296" reads as 1 in pandas
          // 1.5.3, "3.1e+410584124650308" as 0): nothing to compare with.
          continue;
        }
        if (correctly_rounded || mantissa_digits(cell) <= 17) {
          expect(correctly_rounded ? value == parsed : ulp_distance(value, parsed) <= 8.0, label, " row ", r, ": \"",
                 cell, "\" gave ", value, ", strtod gives ", parsed, "\ninput: ", input);
        } else {
          // More than 17 digits: pandas drops the rest, leading zeros included ("000000000000000000000001"
          // reads as 0 in pandas 1.5.3), so only the sign and an upper bound on the magnitude hold.
          expect(value == 0.0 || std::signbit(value) == std::signbit(parsed), label, " row ", r, ": \"", cell,
                 "\" gave ", value, ", whose sign differs from strtod's ", parsed, "\ninput: ", input);
          expect(std::fabs(value) <= std::fabs(parsed) * (1.0 + 1e-15), label, " row ", r, ": \"", cell, "\" gave ",
                 value, ", larger than strtod's ", parsed, "\ninput: ", input);
        }
      }
    }

    // booleans: all cells boolean tokens -> their values; else csv_error at the first other cell.
    std::size_t first_bad = rows;
    std::vector<bool> flags(rows, false);
    for (std::size_t r = 0; r < rows; ++r) {
      bool flag = false;
      if (!bool_token(text[r], flag)) {
        first_bad = r;
        break;
      }
      flags[r] = flag;
    }
    try {
      const auto booleans = t.booleans(name);
      expect(first_bad == rows, "booleans(\"", name, "\") accepted the cell \"", first_bad < rows ? text[first_bad] : "",
             "\"\ninput: ", input);
      expect(static_cast<std::size_t>(booleans.size()) == rows, "booleans size wrong");
      for (std::size_t r = 0; r < rows; ++r) {
        expect(booleans(static_cast<Eigen::Index>(r)) == flags[r], "booleans(\"", name, "\") row ", r, " wrong");
      }
    } catch (const tradeoff::csv_error& e) {
      expect(first_bad < rows, "booleans(\"", name, "\") threw on an all-boolean column: ", e.what());
      expect(e.line() == expected.row_lines[first_bad] && e.column() == c + 1, "booleans(\"", name,
             "\") reported line ", e.line(), " column ", e.column(), ", expected ", expected.row_lines[first_bad],
             " and ", c + 1, ": ", e.what());
      expect(std::string(e.what()).rfind("tradeoff::table::booleans: ", 0) == 0, "booleans: bad prefix: ", e.what());
    }
  }
  // booleans_with_mask: booleans where every cell is a boolean token or a missing marker, the
  // missing ones marked (and false); else csv_error at the first other cell.
  for (std::size_t c = 0; c < expected.names.size(); ++c) {
    const std::string& name = expected.names[c];
    std::size_t first_bad = rows;
    for (std::size_t r = 0; r < rows && first_bad == rows; ++r) {
      bool flag = false;
      if (!bool_token(expected.rows[r][c], flag) && !na_token(expected.rows[r][c])) first_bad = r;
    }
    try {
      const tradeoff::boolean_column b = t.booleans_with_mask(name);
      expect(first_bad == rows, "booleans_with_mask(\"", name, "\") accepted \"",
             first_bad < rows ? expected.rows[first_bad][c] : std::string(), "\"");
      Eigen::Index missing = 0;
      for (std::size_t r = 0; r < rows; ++r) {
        bool flag = false;
        const bool is_flag = bool_token(expected.rows[r][c], flag);
        const auto i = static_cast<Eigen::Index>(r);
        expect(b.missing(i) == !is_flag && b.values(i) == (is_flag && flag), "booleans_with_mask(\"", name,
               "\") row ", r, " wrong for \"", expected.rows[r][c], "\"\ninput: ", input);
        missing += b.missing(i) ? 1 : 0;
      }
      expect(b.missing_count == missing, "booleans_with_mask missing_count wrong");
    } catch (const tradeoff::csv_error& e) {
      expect(first_bad < rows && e.line() == expected.row_lines[first_bad] && e.column() == c + 1,
             "booleans_with_mask(\"", name, "\") threw wrongly: ", e.what(), "\ninput: ", input);
    }
  }
  // A column that does not exist: csv_error listing the available ones.
  std::string absent = "\x01no such column";  // the header may hold it (fuzz finding 11): lengthen it until absent
  while (std::find(expected.names.begin(), expected.names.end(), absent) != expected.names.end()) {
    absent += '\x01';
  }
  try {
    static_cast<void>(t.numeric(absent));
    expect(false, "numeric() of a missing column did not throw");
  } catch (const tradeoff::csv_error& e) {
    const std::string what = e.what();
    for (const auto& name : expected.names) {
      expect(what.find("\"" + name + "\"") != std::string::npos, "missing-column error does not list \"", name,
             "\": ", what);
    }
  }
  // Out-of-range cells: std::out_of_range, never a read out of bounds.
  for (const auto& [r, c] : {std::pair<Eigen::Index, Eigen::Index>{-1, 0}, {t.rows(), 0}, {0, -1}, {0, t.columns()}}) {
    bool threw = false;
    try {
      static_cast<void>(t.cell(r, c));
    } catch (const std::out_of_range&) {
      threw = true;
    }
    expect(threw, "cell(", r, ", ", c, ") did not throw std::out_of_range");
  }
}

/// The input for messages: at most 300 bytes, escaped.
inline std::string printable(std::string_view bytes) {
  std::string out = "\"";
  for (const char ch : bytes.substr(0, 300)) {
    const auto byte = static_cast<unsigned char>(ch);
    if (byte >= 0x20 && byte < 0x7F && ch != '"' && ch != '\\') {
      out += ch;
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", byte);
      out += escaped;
    }
  }
  return out + (bytes.size() > 300 ? "\"..." : "\"");
}

/// A per-process scratch file for the path overload.
inline const std::string& scratch_path() {
  static const std::string path = [] {
    char name[] = "/tmp/tradeoff_fuzz_csv_XXXXXX";
    const int fd = mkstemp(name);
    if (fd >= 0) close(fd);
    return std::string(name);
  }();
  return path;
}

}  // namespace csv_detail

namespace csv_detail {

/// The cells of two tables, the second's with `from` bytes read as `to` and its lines `shift`
/// further down.
inline bool same_cells(const tradeoff::table& a, const tradeoff::table& b, char from = '\0', char to = '\0',
                       std::size_t shift = 0) {
  const auto mapped = [&](std::string_view text) {
    std::string out(text);
    std::replace(out.begin(), out.end(), from, to);
    return out;
  };
  if (a.rows() != b.rows() || a.columns() != b.columns()) return false;
  for (Eigen::Index c = 0; c < a.columns(); ++c) {
    if (mapped(b.column_names()[static_cast<std::size_t>(c)]) != a.column_names()[static_cast<std::size_t>(c)]) {
      return false;
    }
    for (Eigen::Index r = 0; r < a.rows(); ++r) {
      if (mapped(b.cell(r, c)) != a.cell(r, c) || a.line_of_row(r) + shift != b.line_of_row(r)) return false;
    }
  }
  return true;
}

/// csv_options, by metamorphic properties against the default read (one of them per input, by
/// its size, since each read allocates the line reader's buffer):
/// - quoted_newlines and fill_short_rows change nothing on a file the default read accepts,
///   and never make an error where there was none (they only accept more);
/// - use_columns of the first and last column keeps exactly those cells;
/// - on an input without ';', the delimiter ';' on the bytes with ',' and ';' swapped gives the
///   same outcome (cells with the bytes swapped back, the same error line), and skip_rows = 1 on
///   one more line in front gives the same table;
/// - header_rows = 2, comment and sniffing give a table or a csv_error, nothing else.
inline void check_options(const std::string& bytes, const outcome& plain, const std::string& shown) {
  const std::string name = "fuzz.csv";
  const std::string prefix = "tradeoff::read_csv: ";
  const auto read = [&](const std::string& text, const tradeoff::csv_options& options) {
    std::istringstream in(text, std::ios::binary);
    return attempt([&] { return tradeoff::read_csv(in, name, options); }, name, prefix);
  };
  switch (bytes.size() % 4) {
    case 0: {
      tradeoff::csv_options lenient;
      lenient.quoted_newlines = true;
      lenient.fill_short_rows = true;
      const outcome more = read(bytes, lenient);
      expect(!plain.table || (more.table && same_cells(*plain.table, *more.table)),
             "quoted_newlines + fill_short_rows changed an accepted file: ", more.error, "\ninput: ", shown);
      break;
    }
    case 1: {
      if (!plain.table) break;
      const auto& names = plain.table->column_names();
      tradeoff::csv_options some;
      some.use_columns = {names.front(), names.back()};
      if (names.size() == 1) some.use_columns.pop_back();
      const outcome subset = read(bytes, some);
      expect(subset.table.has_value(), "use_columns failed on an accepted file: ", subset.error, "\ninput: ", shown);
      if (!subset.table) break;
      const Eigen::Index last = plain.table->columns() - 1;
      expect(subset.table->column_names() == some.use_columns && subset.table->rows() == plain.table->rows(),
             "use_columns: wrong columns\ninput: ", shown);
      for (Eigen::Index r = 0; r < subset.table->rows(); ++r) {
        expect(subset.table->cell(r, 0) == plain.table->cell(r, 0) &&
                   subset.table->cell(r, subset.table->columns() - 1) == plain.table->cell(r, last),
               "use_columns: cells differ at row ", r, "\ninput: ", shown);
      }
      break;
    }
    case 2: {
      if (bytes.find(';') != std::string::npos || bytes.rfind("\xEF\xBB\xBF", 0) == 0) break;  // a BOM counts only first
      std::string swapped = bytes;
      std::replace(swapped.begin(), swapped.end(), ',', ';');
      tradeoff::csv_options semicolon;
      semicolon.delimiter = ';';
      semicolon.skip_rows = 1;
      const outcome other = read("skipped, line\n" + swapped, semicolon);
      expect(other.table.has_value() == plain.table.has_value(), "delimiter ';' disagrees on success: ", other.error,
             " / ", plain.error, "\ninput: ", shown);
      if (plain.table && other.table) {
        expect(same_cells(*plain.table, *other.table, ';', ',', 1), "delimiter ';' gives other cells\ninput: ", shown);
      }
      if (!plain.table && !other.table && plain.error_line != 0) {
        expect(other.error_line == plain.error_line + 1, "delimiter ';' error at line ", other.error_line,
               ", the default's at ", plain.error_line, "\ninput: ", shown);
      }
      break;
    }
    default: {
      tradeoff::csv_options odd;
      odd.header_rows = 2;
      odd.comment = '#';
      odd.delimiter = tradeoff::csv_options::sniff;
      odd.quoted_newlines = true;
      static_cast<void>(read(bytes, odd));
      break;
    }
  }
}

}  // namespace csv_detail

/// @brief Runs every CSV property on the input; throws check_failure on a disagreement.
inline void check_csv(const std::uint8_t* data, std::size_t size) {
  using namespace csv_detail;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const std::string shown = printable(bytes);
  const std::string name = "fuzz.csv";
  std::istringstream stream(bytes, std::ios::binary);
  const outcome from_stream =
      attempt([&] { return tradeoff::read_csv(stream, name); }, name, "tradeoff::read_csv: ");
  const naive_table expected = naive_read(bytes);

  if (from_stream.table) {
    expect(expected.ok, "read_csv accepted what the naive reader rejects at line ", expected.error_line, "\ninput: ",
           shown);
    check_table(*from_stream.table, expected, shown);
  } else {
    expect(!expected.ok, "read_csv rejected a file the naive reader accepts: ", from_stream.error, "\ninput: ", shown);
    expect(from_stream.error_line == expected.error_line, "read_csv's error is at line ", from_stream.error_line,
           ", the naive reader's at line ", expected.error_line, ": ", from_stream.error, "\ninput: ", shown);
  }

  check_options(bytes, from_stream, shown);

  // The path overload reads the same bytes the same way. Checked for one input in four (by
  // size), because each read_csv call costs fast-cpp-csv-parser's 48 MiB buffer.
  if (size % 4 != 0) return;
  const std::string& path = scratch_path();
  {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  const outcome from_file = attempt([&] { return tradeoff::read_csv(path); }, path, "tradeoff::read_csv: ");
  expect(from_file.table.has_value() == from_stream.table.has_value(), "read_csv(path) and read_csv(stream) disagree",
         " on success: ", from_file.error, from_stream.error, "\ninput: ", shown);
  if (from_file.table) {
    const tradeoff::table& a = *from_stream.table;
    const tradeoff::table& b = *from_file.table;
    expect(a.column_names() == b.column_names() && a.rows() == b.rows(), "read_csv(path) table differs");
    for (Eigen::Index r = 0; r < a.rows(); ++r) {
      for (Eigen::Index c = 0; c < a.columns(); ++c) {
        expect(a.cell(r, c) == b.cell(r, c), "read_csv(path) cell (", r, ", ", c, ") differs");
      }
    }
  } else {
    const std::string tail_stream = from_stream.error.substr(std::string("tradeoff::read_csv: ").size() + name.size());
    const std::string tail_file = from_file.error.substr(std::string("tradeoff::read_csv: ").size() + path.size());
    expect(tail_stream == tail_file, "read_csv(path) and read_csv(stream) report different errors:\n  ",
           from_stream.error, "\n  ", from_file.error);
  }
}

}  // namespace tradeoff_fuzz

#endif  // TRADEOFF_TESTS_FUZZ_CHECK_CSV_HPP
