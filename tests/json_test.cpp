#include <tradeoff/json.hpp>

#include <tradeoff/pareto.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace {

tradeoff::table read_text(const std::string& text, const tradeoff::json_options& options = {}) {
  std::istringstream in(text);
  return tradeoff::read_json(in, "memory.json", options);
}

using tradeoff_test::from_hex;
using tradeoff_test::same_double;
using tradeoff_test::unhex;
using tradeoff_test::what_of;
using tradeoff_test::words;

std::string json_what(const std::string& text, const tradeoff::json_options& options = {}) {
  return what_of<tradeoff::json_error>([&] { return read_text(text, options); });
}

}  // namespace

// tests/golden/make_golden_json.py: pd.json_normalize of pandas' own JSON decoding, then
// pd.to_numeric(errors="coerce"), bit for bit.
TEST_CASE("read_json: names and values are pandas' on the JSON Lines and the array fixtures") {
  std::ifstream golden(std::string(TRADEOFF_TEST_DATA_DIR) + "/golden_json.txt");
  REQUIRE(golden.good());
  std::string line;
  std::getline(golden, line);  // comment
  int files = 0;
  std::vector<double> pandas_val_loss;
  while (std::getline(golden, line)) {
    std::vector<std::string> head = words(line);
    if (head[0] == "round_trip") {
      // The fixture holds numbers that pandas' ultrajson does not round correctly: the test
      // would catch a reader that used a correctly rounded conversion.
      REQUIRE(head.size() == pandas_val_loss.size() + 2);
      int differ = 0;
      for (std::size_t i = 0; i < pandas_val_loss.size(); ++i) {
        differ += same_double(pandas_val_loss[i], from_hex(head[i + 2])) ? 0 : 1;
      }
      CHECK(differ > 20);
      continue;
    }
    REQUIRE(head[0] == "file");
    const std::string file = head[1];
    CAPTURE(file);
    ++files;
    const tradeoff::table table = tradeoff::read_json(std::string(TRADEOFF_TEST_DATA_DIR) + "/json/" + file);
    std::getline(golden, line);
    std::vector<std::string> names = words(line);
    names.erase(names.begin());
    for (std::string& name : names) {
      name = unhex(name);
    }
    CHECK(table.column_names() == names);
    std::getline(golden, line);
    const Eigen::Index rows = std::stol(words(line)[1]);
    REQUIRE(table.rows() == rows);
    for (const std::string& name : names) {
      CAPTURE(name);
      std::getline(golden, line);
      const std::vector<std::string> numbers = words(line);
      if (numbers[1] != "skip") {
        REQUIRE(numbers.size() == static_cast<std::size_t>(rows) + 1);
        for (const tradeoff::float_precision precision :
             {tradeoff::float_precision::pandas, tradeoff::float_precision::round_trip}) {
          const Eigen::ArrayXd values = table.numeric(name, precision);
          int mismatches = 0;
          for (Eigen::Index row = 0; row < rows; ++row) {
            const double want = from_hex(numbers[static_cast<std::size_t>(row) + 1]);
            if (!same_double(values[row], want) && mismatches++ < 3) {
              FAIL_CHECK("row " << row << ": got " << values[row] << " want " << want << " (cell \""
                                << std::string(table.cell(row, table.column_index(name))) << "\")");
            }
          }
          CHECK(mismatches == 0);
          if (name == "val_loss" && file == "records.jsonl" && pandas_val_loss.empty()) {
            pandas_val_loss.assign(values.data(), values.data() + values.size());
          }
        }
      }
      std::getline(golden, line);
      const std::vector<std::string> texts = words(line);
      if (texts[1] != "skip") {
        REQUIRE(texts.size() == static_cast<std::size_t>(rows) + 1);
        const std::vector<std::string> cells = table.strings(name);
        for (Eigen::Index row = 0; row < rows; ++row) {
          const std::string& want = texts[static_cast<std::size_t>(row) + 1];
          CHECK(cells[static_cast<std::size_t>(row)] == (want == "-" ? std::string() : unhex(want)));
        }
      }
    }
  }
  CHECK(files == 2);
  CHECK(pandas_val_loss.size() == 300);
}

TEST_CASE("read_json: nested objects flatten in pandas' column order") {
  const tradeoff::table t = read_text(
      "{\"a\": 1, \"b\": {\"c\": 2.5, \"d\": {\"e\": \"x\"}}, \"l\": [1, \"s\", {\"q\": null}], \"z\": {}}\n"
      "{\"b\": {\"c\": null}, \"a\": 2, \"f\": true}\n"
      "\n"
      "{\"a\": 3, \"f\": false}\n");
  // the top-level scalars (a, l) first, then the flattened objects; z (empty) gives no column
  CHECK(t.column_names() == std::vector<std::string>{"a", "l", "b.c", "b.d.e", "f"});
  REQUIRE(t.rows() == 3);
  CHECK(t.cell(0, 1) == "[1,\"s\",{\"q\":null}]");
  CHECK(t.cell(1, 1).empty());
  CHECK(t.line_of_row(0) == 1);
  CHECK(t.line_of_row(1) == 2);
  CHECK(t.line_of_row(2) == 4);  // after the blank line
  const tradeoff::boolean_column f = t.booleans_with_mask("f");
  CHECK(f.missing_count == 1);
  CHECK(f.missing[0]);
  CHECK(f.values[1]);
  CHECK_FALSE(f.values[2]);
  CHECK(std::isnan(t.numeric("b.c")[1]));

  tradeoff::json_options options;
  options.separator = "_";
  CHECK(read_text("{\"b\": {\"c\": 1}}", options).column_names() == std::vector<std::string>{"b_c"});
}

TEST_CASE("read_json: NaN and Infinity are read and 0E0 1E0 -1E0 keep their values") {
  const tradeoff::table t =
      read_text("[{\"x\": NaN, \"y\": 0E0, \"s\": \"NaN Infinity\"},\n {\"x\": Infinity, \"y\": 1E0},\n"
                " {\"x\": -Infinity, \"y\": -1E0, \"l\": [NaN, -Infinity]}]");
  const Eigen::ArrayXd x = t.numeric("x");
  CHECK(std::isnan(x[0]));
  CHECK(x[1] == std::numeric_limits<double>::infinity());
  CHECK(x[2] == -std::numeric_limits<double>::infinity());
  const Eigen::ArrayXd y = t.numeric("y");
  CHECK(y[0] == 0.0);
  CHECK(y[1] == 1.0);
  CHECK(y[2] == -1.0);
  CHECK(t.cell(0, t.column_index("s")) == "NaN Infinity");
  CHECK(t.cell(2, t.column_index("l")) == "[NaN,-Infinity]");
  CHECK(t.line_of_row(1) == 2);
  CHECK(t.line_of_row(2) == 3);
}

TEST_CASE("read_json: a table from JSON is the table every downstream function takes") {
  const tradeoff::table t = read_text(
      "[{\"cache\": 1.0, \"tps\": 10}, {\"cache\": 2.0, \"tps\": 30}, {\"cache\": 3.0, \"tps\": 20}]");
  const Eigen::ArrayXi front = tradeoff::pareto_front(t.numeric("cache"), t.numeric("tps"),
                                                      tradeoff::sense::minimize, tradeoff::sense::maximize);
  CHECK(front.size() == 2);
  CHECK(t.numeric("cache")[1] == 2.0);
  CHECK(t.strings("cache")[1] == "2");  // a number's text is the shortest that reads back
  CHECK(read_text("{\"z\": -0.0}").cell(0, 0) == "-0.0");
  CHECK(std::signbit(read_text("{\"z\": -0.0}").numeric("z")[0]));
}

TEST_CASE("E150 an empty or blank JSON file: json_error") {
  CHECK(json_what("") == "tradeoff::read_json: memory.json: the file holds no JSON (it is empty or blank)");
  CHECK(json_what(" \n\t\n") == "tradeoff::read_json: memory.json: the file holds no JSON (it is empty or blank)");
}

TEST_CASE("E151 malformed JSON: json_error with the byte offset the line and the column") {
  // JSON Lines: the second line's 7th byte
  const std::string lines = "{\"a\": 1}\n{\"a\": tru}\n";
  try {
    static_cast<void>(read_text(lines));
    FAIL("no json_error");
  } catch (const tradeoff::json_error& error) {
    CHECK(error.line() == 2);
    CHECK(error.byte_offset() == lines.find("tru}") + 3);
    CHECK(error.column() == 10);
    CHECK(std::string(error.what()).rfind("tradeoff::read_json: memory.json:2:10: byte offset 18: malformed JSON: ", 0) == 0);
  }
  // an array: offsets count from the start of the file
  const std::string array = "[\n  {\"a\": 1},\n  {\"a\": 1,,}\n]";
  try {
    static_cast<void>(read_text(array));
    FAIL("no json_error");
  } catch (const tradeoff::json_error& error) {
    CHECK(error.line() == 3);
    CHECK(error.byte_offset() == array.find(",,") + 1);
    CHECK(error.column() == 11);
  }
  CHECK(json_what("[{\"a\": 1}") .find("memory.json:1:10: byte offset 9: malformed JSON: ") != std::string::npos);
}

TEST_CASE("E152 records that are not objects: json_error naming the record") {
  CHECK(json_what("{\"a\": 1}\n[1, 2]\n") ==
        "tradeoff::read_json: memory.json:2:1: byte offset 9: record 2 is an array; each record must be an object");
  CHECK(json_what("{\"a\": 1}\n3\n") ==
        "tradeoff::read_json: memory.json:2:1: byte offset 9: record 2 is not an object");
  CHECK(json_what("[{\"a\": 1}, 2]").find("record 2 is not an object") != std::string::npos);
  tradeoff::json_options options;
  options.format = tradeoff::json_format::records;
  CHECK(json_what("{\"a\": 1}", options).find("the top level must be an array of objects") != std::string::npos);
}

TEST_CASE("E153 an integer outside the 64-bit range: json_error as pandas raises") {
  CHECK(json_what("{\"a\": 18446744073709551616}").find(
            "the integer 18446744073709551616 is outside [-2^63, 2^64) (pandas' read_json raises") !=
        std::string::npos);
  CHECK(json_what("{\"a\": -9223372036854775809}").find("is outside [-2^63, 2^64)") != std::string::npos);
  CHECK(json_what("{\"a\": 123456789012345678901.5}").find("the integer part of 123456789012345678901.5") !=
        std::string::npos);
  CHECK(read_text("{\"a\": 18446744073709551615, \"b\": -9223372036854775808}").cell(0, 0) ==
        "18446744073709551615");
}

TEST_CASE("E154 more distinct columns than json_options::max_columns: json_error") {
  tradeoff::json_options options;
  options.max_columns = 2;
  CHECK(json_what("{\"a\": 1, \"b\": 2}\n{\"c\": 3}\n", options) ==
        "tradeoff::read_json: memory.json:2:1: byte offset 17: more than 2 distinct columns "
        "(json_options::max_columns)");
}

TEST_CASE("E155 a JSON file that cannot be opened: json_error naming it") {
  CHECK(what_of<tradeoff::json_error>([] { return tradeoff::read_json(std::string("/nonexistent/x.json")); }) ==
        "tradeoff::read_json: /nonexistent/x.json: cannot open the file: No such file or directory");
  std::ifstream closed("/nonexistent/x.json");
  CHECK(what_of<tradeoff::json_error>([&] { return tradeoff::read_json(closed, "closed.json"); })
            .find("the stream cannot be read") != std::string::npos);
}

TEST_CASE("E156 json_options that make no sense: std::invalid_argument") {
  tradeoff::json_options options;
  options.max_columns = 0;
  CHECK(what_of<std::invalid_argument>([&] { return read_text("{}", options); }) ==
        "tradeoff::read_json: argument 'options.max_columns' is 0 (use 1 or more)");
  options = {};
  options.format = static_cast<tradeoff::json_format>(7);
  CHECK(what_of<std::invalid_argument>([&] { return read_text("{}", options); }) ==
        "tradeoff::read_json: argument 'options.format' = 7 is not a tradeoff::json_format (use "
        "json_format::detect, json_format::records or json_format::lines)");
}
