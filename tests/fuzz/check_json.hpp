#ifndef TRADEOFF_TESTS_FUZZ_CHECK_JSON_HPP
#define TRADEOFF_TESTS_FUZZ_CHECK_JSON_HPP

/// @file
/// @brief Property check for tradeoff/json.hpp and tradeoff/google_benchmark.hpp on an arbitrary
/// byte string taken as a whole file.
///
/// - read_json (detected layout, and each layout forced) may only succeed or throw
///   tradeoff::json_error, whose message starts "tradeoff::read_json: fuzz.json" and whose byte
///   offset lies in the input and agrees with its line and column (the line counts the newlines
///   before the offset; the column is the bytes since the last one, + 1);
/// - on success: no more columns than max_columns, every column reads as numbers, text and
///   booleans-with-mask (which may throw csv_error only) with one value per row; and when
///   nlohmann::json itself parses the input as an array of objects, json_format::records gives
///   one row per object;
/// - read_google_benchmark may only succeed or throw json_error or csv_error with the
///   "tradeoff::read_google_benchmark: fuzz.json" prefix; on success every row of `iterations`
///   has run_type "iteration" and every row of `aggregates` "aggregate".
/// Throws tradeoff_fuzz::check_failure on any disagreement.

#include "byte_reader.hpp"

#include <tradeoff/google_benchmark.hpp>
#include <tradeoff/json.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

namespace tradeoff_fuzz {

namespace json_detail {

inline void check_error_place(const std::string& text, const tradeoff::json_error& error) {
  if (error.line() == 0) {
    return;  // no place: a file that cannot be read or holds no JSON
  }
  expect(error.byte_offset() <= text.size(), "json_error: byte offset ", error.byte_offset(), " beyond ",
         text.size(), " bytes: ", error.what());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < error.byte_offset(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  expect(error.line() == line, "json_error: line ", error.line(), " but offset ", error.byte_offset(),
         " is on line ", line, ": ", error.what());
  expect(error.column() == error.byte_offset() - line_start + 1, "json_error: column ", error.column(),
         " does not match offset ", error.byte_offset(), ": ", error.what());
}

inline void check_table(const tradeoff::table& table, const tradeoff::json_options& options) {
  expect(static_cast<std::size_t>(table.columns()) <= options.max_columns, "more columns than max_columns");
  for (const std::string& name : table.column_names()) {
    const tradeoff::numeric_column numbers = table.numeric_with_report(name);
    expect(numbers.values.size() == table.rows(), "numeric: wrong length for ", name);
    expect(static_cast<Eigen::Index>(table.strings(name).size()) == table.rows(), "strings: wrong length");
    try {
      const tradeoff::boolean_column flags = table.booleans_with_mask(name);
      expect(flags.values.size() == table.rows(), "booleans_with_mask: wrong length");
    } catch (const tradeoff::csv_error&) {  // a cell that is not a boolean
    }
  }
}

}  // namespace json_detail

inline void check_json(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  for (const tradeoff::json_format format :
       {tradeoff::json_format::detect, tradeoff::json_format::records, tradeoff::json_format::lines}) {
    tradeoff::json_options options;
    options.format = format;
    options.max_columns = 64;
    std::istringstream in(text);
    try {
      const tradeoff::table table = tradeoff::read_json(in, "fuzz.json", options);
      json_detail::check_table(table, options);
      if (format == tradeoff::json_format::records) {
        const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
        if (!document.is_discarded() && document.is_array()) {
          expect(static_cast<std::size_t>(table.rows()) == document.size(), "records: ", table.rows(),
                 " rows for an array of ", document.size(), " objects");
        }
      }
    } catch (const tradeoff::json_error& error) {
      expect(std::string(error.what()).rfind("tradeoff::read_json: fuzz.json", 0) == 0, "json_error prefix: ",
             error.what());
      json_detail::check_error_place(text, error);
    }
  }
  std::istringstream in(text);
  try {
    const tradeoff::google_benchmark_results results = tradeoff::read_google_benchmark(in, "fuzz.json");
    for (const std::string& type : results.iterations.has_column("run_type") ? results.iterations.strings("run_type")
                                                                              : std::vector<std::string>{}) {
      expect(type == "iteration", "an iterations row has run_type ", type);
    }
    for (const std::string& type : results.aggregates.has_column("run_type") ? results.aggregates.strings("run_type")
                                                                              : std::vector<std::string>{}) {
      expect(type == "aggregate", "an aggregates row has run_type ", type);
    }
  } catch (const tradeoff::json_error& error) {
    expect(std::string(error.what()).rfind("tradeoff::read_google_benchmark: fuzz.json", 0) == 0,
           "json_error prefix: ", error.what());
    json_detail::check_error_place(text, error);
  } catch (const tradeoff::csv_error& error) {
    expect(std::string(error.what()).rfind("tradeoff::read_google_benchmark: fuzz.json", 0) == 0 ||
               std::string(error.what()).rfind("tradeoff::read_csv: fuzz.json", 0) == 0,
           "csv_error prefix: ", error.what());
  }
}

}  // namespace tradeoff_fuzz

#endif  // TRADEOFF_TESTS_FUZZ_CHECK_JSON_HPP
