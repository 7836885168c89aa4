#include <tradeoff/csv.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ios>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

tradeoff::table read_text(const std::string& text, const std::string& name = "memory.csv") {
  std::istringstream in(text);
  return tradeoff::read_csv(in, name);
}

/// The csv_error thrown by reading `text`; fails the test when nothing is thrown.
tradeoff::csv_error error_of(const std::string& text, const std::string& name = "bad.csv") {
  try {
    static_cast<void>(read_text(text, name));
  } catch (const tradeoff::csv_error& error) {
    return error;
  }
  FAIL("no csv_error for: " << text.substr(0, 80));
  return tradeoff::csv_error("none", "", 0, 0, "");
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::uint64_t bits(double value) {
  std::uint64_t out = 0;
  std::memcpy(&out, &value, sizeof out);
  return out;
}

using tradeoff_test::same_double;

std::string temporary_path(const std::string& stem) {
  const auto suffix = std::to_string(std::random_device{}());
  return (std::filesystem::temp_directory_path() / (stem + "_" + suffix + ".csv")).string();
}

}  // namespace

TEST_CASE("read_csv: values are pandas' bit for bit on the golden file") {
  const std::string input = std::string(TRADEOFF_TEST_DATA_DIR) + "/golden_csv_input.csv";
  const tradeoff::table table = tradeoff::read_csv(input);
  std::ifstream expected(std::string(TRADEOFF_TEST_DATA_DIR) + "/golden_csv_expected.txt");
  REQUIRE(expected.good());
  std::string line;
  std::getline(expected, line);  // comment
  int columns_checked = 0;
  while (expected >> line) {
    REQUIRE(line == "column");
    std::string name;
    Eigen::Index rows = 0;
    Eigen::Index missing = 0;
    Eigen::Index coerced = 0;
    expected >> name >> rows >> missing >> coerced;
    CAPTURE(name);
    REQUIRE(table.has_column(name));
    REQUIRE(table.rows() == rows);
    const tradeoff::numeric_column pandas = table.numeric_with_report(name);
    const tradeoff::numeric_column exact =
        table.numeric_with_report(name, tradeoff::float_precision::round_trip);
    CHECK(pandas.missing == missing);
    CHECK(pandas.coerced == coerced);
    CHECK(table.coerced(name) == coerced);
    int pandas_mismatches = 0;
    int exact_mismatches = 0;
    for (Eigen::Index row = 0; row < rows; ++row) {
      std::string pandas_text;
      std::string exact_text;
      expected >> pandas_text >> exact_text;
      const double want_pandas = std::strtod(pandas_text.c_str(), nullptr);
      const double want_exact = std::strtod(exact_text.c_str(), nullptr);
      if (!same_double(pandas.values[row], want_pandas) && pandas_mismatches++ < 5) {
        CAPTURE(row);
        CAPTURE(table.cell(row, table.column_index(name)));
        CHECK(pandas.values[row] == want_pandas);
      }
      if (!same_double(exact.values[row], want_exact) && exact_mismatches++ < 5) {
        CAPTURE(row);
        CAPTURE(table.cell(row, table.column_index(name)));
        CHECK(exact.values[row] == want_exact);
      }
    }
    CHECK(pandas_mismatches == 0);
    CHECK(exact_mismatches == 0);
    ++columns_checked;
  }
  CHECK(columns_checked == table.columns());
}

TEST_CASE("read_csv: cells as text are pandas' cells (quotes / commas / spaces / tabs / UTF-8)") {
  const tradeoff::table table =
      tradeoff::read_csv(std::string(TRADEOFF_TEST_DATA_DIR) + "/golden_csv_input.csv");
  std::ifstream expected(std::string(TRADEOFF_TEST_DATA_DIR) + "/golden_csv_strings.txt");
  REQUIRE(expected.good());
  std::string line;
  std::getline(expected, line);  // comment
  std::vector<std::vector<std::string>> columns;
  for (const std::string& name : table.column_names()) {
    columns.push_back(table.strings(name));
  }
  const auto unhex = [](const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; hex != "-" && i + 1 < hex.size(); i += 2) {
      out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    }
    return out;
  };
  int mismatches = 0;
  for (Eigen::Index row = 0; row < table.rows(); ++row) {
    for (std::size_t column = 0; column < columns.size(); ++column) {
      std::string hex;
      REQUIRE(static_cast<bool>(expected >> hex));
      if (columns[column][static_cast<std::size_t>(row)] != unhex(hex) && mismatches++ < 5) {
        CAPTURE(row);
        CAPTURE(column);
        CHECK(columns[column][static_cast<std::size_t>(row)] == unhex(hex));
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("read_csv: mangled input gives a table or a csv_error / never a crash") {
  const std::string valid =
      "run,\"note, with comma\",loss\r\n"
      "a,\"x \"\"q\"\"\",1.5\r\n"
      "b,plain,nan\r\n"
      "\"c\",\"\",2e3\r\n";
  const char inserts[] = {'"', ',', '\n', '\r', '\0', ' ', 'x', '\xEF', '\xBB', '\xBF'};
  std::mt19937 random(42);
  int tables = 0;
  int errors = 0;
  for (int trial = 0; trial < 400; ++trial) {  // each read allocates fccp's 48 MiB buffer: slow under ASan
    std::string text = valid;
    const int edits = 1 + static_cast<int>(random() % 4U);
    for (int edit = 0; edit < edits; ++edit) {
      const std::size_t at = random() % (text.size() + 1);
      const char c = inserts[random() % sizeof inserts];
      switch (random() % 3U) {
        case 0: text.insert(at, 1, c); break;
        case 1: if (at < text.size()) { text.erase(at, 1); } break;
        default: text = text.substr(0, at); break;
      }
    }
    try {
      const tradeoff::table table = read_text(text);
      ++tables;
      for (const std::string& name : table.column_names()) {
        CHECK(table.numeric(name).size() == table.rows());
        CHECK(table.strings(name).size() == static_cast<std::size_t>(table.rows()));
      }
      if (table.rows() > 0) {
        CHECK(table.line_of_row(table.rows() - 1) >= static_cast<std::size_t>(table.rows()) + 1);
      }
    } catch (const tradeoff::csv_error& error) {
      ++errors;
      CHECK(contains(error.what(), "memory.csv"));
    }
  }
  CHECK(tables > 20);
  CHECK(errors > 20);
}

TEST_CASE("read_csv: a stream that cannot be read") {
  std::ifstream missing("/nonexistent/file.csv");
  try {
    static_cast<void>(tradeoff::read_csv(missing, "/nonexistent/file.csv"));
    FAIL("no error");
  } catch (const tradeoff::csv_error& error) {
    CHECK(contains(error.what(), "/nonexistent/file.csv"));
    CHECK(contains(error.what(), "stream"));
  }
}

TEST_CASE("read_csv: pandas' converter differs from correct rounding where pandas does") {
  const tradeoff::table table = read_text("x\n0.3\n-9223372036854775809\n0.1\n");
  const Eigen::ArrayXd pandas = table.numeric("x");
  const Eigen::ArrayXd exact = table.numeric("x", tradeoff::float_precision::round_trip);
  CHECK(bits(pandas[0]) == bits(0.3));  // short decimals agree
  CHECK(bits(exact[0]) == bits(0.3));
  CHECK(exact[1] == -9223372036854775808.0);          // correctly rounded: -2^63
  CHECK(pandas[1] == std::nextafter(-0x1p63, -1e300));  // pandas: one ulp further (as pd.read_csv)
}

TEST_CASE("pandas' number scan: the word-at-a-time path equals the character-by-character one") {
  // scan_decimal takes [-|+] digits [. digits] (at most 17 digits) eight bytes at a time and
  // defers everything else to scan_decimal_general; both must agree on every cell, bit for bit.
  std::mt19937_64 random(20261202);
  const std::string alphabet = "0123456789012345678901234567890123456789..--++eE  \t\r9x";
  const auto agree = [](const std::string& cell) {
    tradeoff::detail::decimal_scan fast;
    tradeoff::detail::decimal_scan general;
    const bool fast_ok = tradeoff::detail::scan_decimal(cell, fast);
    const bool general_ok = tradeoff::detail::scan_decimal_general(cell, general);
    bool same = fast_ok == general_ok;
    if (same && fast_ok) {
      std::uint64_t fast_bits = 0;
      std::uint64_t general_bits = 0;
      std::memcpy(&fast_bits, &fast.number, sizeof fast_bits);
      std::memcpy(&general_bits, &general.number, sizeof general_bits);
      same = fast.negative == general.negative && fast_bits == general_bits && fast.exponent == general.exponent &&
             fast.core_first == general.core_first && fast.core_last == general.core_last;
    }
    return same;
  };
  std::size_t accepted = 0;
  for (int trial = 0; trial < 200000; ++trial) {
    std::string cell;
    const auto length = static_cast<std::size_t>(random() % 24U);
    const bool plain = trial % 2 == 0;  // half of them in the fast path's shape: digits, one '.', a sign
    for (std::size_t i = 0; i < length; ++i) {
      cell += plain ? static_cast<char>('0' + random() % 10U) : alphabet[random() % alphabet.size()];
    }
    if (plain && length > 0 && random() % 3U != 0U) {
      cell.insert(static_cast<std::size_t>(random() % (length + 1U)), 1, '.');
    }
    if (plain && random() % 4U == 0U) {
      cell.insert(0, 1, random() % 2U == 0U ? '-' : '+');
    }
    tradeoff::detail::decimal_scan scan;
    accepted += tradeoff::detail::scan_decimal_general(cell, scan) ? 1U : 0U;
    const bool same = agree(cell);
    CHECK_MESSAGE(same, "cell '" << cell << "'");
    if (!same) {
      break;
    }
  }
  CHECK(accepted > 80000);  // the trials reach both paths' accepting shapes
  for (const char* cell : {"99999999999999999", "12345678.12345678", "0.00000000000000001", "00000000000000000001",
                           "1234567890123456.5", "+.5", "5.", ".", "-", "", "12345678", "1234567890123456789",
                           "1.5e3", " 1.5", "1.5 ", "1..5", "12345678a", "12345678.1234567x"}) {
    CHECK_MESSAGE(agree(cell), "cell '" << cell << "'");
  }
}

TEST_CASE("read_csv: the column type decides like pandas' inference") {
  // All integers: exact int64, even beyond 2^53 (pandas reads an int64 column).
  const tradeoff::table ints = read_text("a\n12345678901234567\n-3\n");
  CHECK(ints.numeric("a")[0] == 12345678901234568.0);
  // Booleans with a missing cell: 1, 0, NaN and nothing coerced.
  const tradeoff::numeric_column flags = read_text("b\nTrue\nFALSE\nNA\n").numeric_with_report("b");
  CHECK(flags.values[0] == 1.0);
  CHECK(flags.values[1] == 0.0);
  CHECK(std::isnan(flags.values[2]));
  CHECK(flags.missing == 1);
  CHECK(flags.coerced == 0);
  // "True" among numbers is junk.
  const tradeoff::numeric_column mixed = read_text("c\nTrue\n1\n").numeric_with_report("c");
  CHECK(std::isnan(mixed.values[0]));
  CHECK(mixed.values[1] == 1.0);
  CHECK(mixed.coerced == 1);
}

TEST_CASE("read_csv: missing markers / infinities / whitespace and junk") {
  const tradeoff::table table = read_text(
      "v\n"
      " 1.5 \n\t2\n+3\ninf\n-Infinity\n+INF\nnan\nNaN\n\"\"\nN/A\nNULL\n<NA>\n1.#IND\n"
      "None\nNAN\ndiverged\n1.2.3\n0x10\n1e400\n1e-400\n\" 7\"\n");
  const tradeoff::numeric_column v = table.numeric_with_report("v");
  REQUIRE(v.values.size() == 21);
  CHECK(v.values[0] == 1.5);
  CHECK(v.values[1] == 2.0);
  CHECK(v.values[2] == 3.0);
  CHECK(v.values[3] == HUGE_VAL);
  CHECK(v.values[4] == -HUGE_VAL);
  CHECK(v.values[5] == HUGE_VAL);
  for (Eigen::Index i = 6; i < 13; ++i) {
    CHECK(std::isnan(v.values[i]));
  }
  for (Eigen::Index i = 13; i < 19; ++i) {
    CHECK(std::isnan(v.values[i]));
  }
  CHECK(v.values[19] == 0.0);
  CHECK(v.values[20] == 7.0);
  CHECK(v.missing == 7);
  CHECK(v.coerced == 6);
}

TEST_CASE("read_csv: quoting / CRLF / BOM / blank lines / missing final newline") {
  const tradeoff::table table = read_text(
      "\xEF\xBB\xBFname,note,value\r\n"
      "\"a,b\",\"say \"\"hi\"\"\",1\r\n"
      "\r\n"
      "   \r\n"
      "plain,\"\",2\r\n"
      "\"x\"tail,mid\"dle,3");
  REQUIRE(table.column_names() == std::vector<std::string>{"name", "note", "value"});
  REQUIRE(table.rows() == 3);
  CHECK(table.strings("name") == std::vector<std::string>{"a,b", "plain", "xtail"});
  CHECK(table.strings("note") == std::vector<std::string>{"say \"hi\"", "", "mid\"dle"});
  const Eigen::ArrayXd value = table.numeric("value");
  CHECK(value[0] == 1.0);
  CHECK(value[2] == 3.0);
  CHECK(table.line_of_row(0) == 2);
  CHECK(table.line_of_row(1) == 5);
  CHECK(table.line_of_row(2) == 6);
  CHECK(table.source() == "memory.csv");
  CHECK(table.has_column("note"));
  CHECK_FALSE(table.has_column("Note"));
  CHECK(table.cell(1, 0) == "plain");
  CHECK_THROWS_AS(static_cast<void>(table.cell(3, 0)), std::out_of_range);
}

TEST_CASE("read_csv: header only / empty header cells / trailing commas") {
  const tradeoff::table empty = read_text("a,b\n");
  CHECK(empty.rows() == 0);
  CHECK(empty.columns() == 2);
  CHECK(empty.numeric("a").size() == 0);
  CHECK(empty.strings("b").empty());
  CHECK(empty.booleans("b").size() == 0);

  const tradeoff::table unnamed = read_text(",x,\n0,1,\n1,2,\n");
  CHECK(unnamed.column_names() == std::vector<std::string>{"Unnamed: 0", "x", "Unnamed: 2"});
  CHECK(std::isnan(unnamed.numeric("Unnamed: 2")[1]));
  CHECK(unnamed.numeric("Unnamed: 0")[1] == 1.0);
}

TEST_CASE("booleans: the accepted spellings / and an error naming the cell") {
  const tradeoff::table table =
      read_text("moe,bad\nTrue,1\nFalse,0\ntrue,x\nfalse,1\nTRUE,1\nFALSE,1\n1,1\n0,1\n", "runs.csv");
  const Eigen::Array<bool, Eigen::Dynamic, 1> moe = table.booleans("moe");
  REQUIRE(moe.size() == 8);
  const bool want[] = {true, false, true, false, true, false, true, false};
  for (Eigen::Index i = 0; i < 8; ++i) {
    CHECK(moe[i] == want[i]);
  }
  try {
    static_cast<void>(table.booleans("bad"));
    FAIL("no error");
  } catch (const tradeoff::csv_error& error) {
    CHECK(error.file() == "runs.csv");
    CHECK(error.line() == 4);
    CHECK(error.column() == 2);
    CHECK(contains(error.what(), "runs.csv:4:2"));
    CHECK(contains(error.what(), "\"x\""));
    CHECK(contains(error.what(), "\"bad\""));
  }
  CHECK_THROWS_AS(static_cast<void>(read_text("b\n\"\"\n").booleans("b")), tradeoff::csv_error);
  CHECK_THROWS_AS(static_cast<void>(read_text("b\n yes\n").booleans("b")), tradeoff::csv_error);
}

TEST_CASE("a missing column: csv_error listing the available ones") {
  const tradeoff::table table = read_text("alpha,beta\n1,2\n", "runs.csv");
  for (int which = 0; which < 4; ++which) {
    try {
      switch (which) {
        case 0: static_cast<void>(table.numeric("gamma")); break;
        case 1: static_cast<void>(table.strings("gamma")); break;
        case 2: static_cast<void>(table.booleans("gamma")); break;
        default: static_cast<void>(table.column_index("gamma")); break;
      }
      FAIL("no error");
    } catch (const tradeoff::csv_error& error) {
      const std::string what = error.what();
      CHECK(contains(what, "runs.csv"));
      CHECK(contains(what, "\"gamma\""));
      CHECK(contains(what, "\"alpha\", \"beta\""));
      CHECK(error.line() == 0);
    }
  }
  CHECK_THROWS_AS(static_cast<void>(table.numeric("gamma")), std::runtime_error);
}

TEST_CASE("read_csv errors: file / line and column in the message") {
  SUBCASE("missing file") {
    try {
      static_cast<void>(tradeoff::read_csv("/nonexistent/dir/runs.csv"));
      FAIL("no error");
    } catch (const tradeoff::csv_error& error) {
      CHECK(error.file() == "/nonexistent/dir/runs.csv");
      CHECK(contains(error.what(), "/nonexistent/dir/runs.csv"));
      CHECK(contains(error.what(), "No such file"));
    }
  }
  SUBCASE("a directory") {
    CHECK_THROWS_AS(static_cast<void>(tradeoff::read_csv(TRADEOFF_TEST_DATA_DIR)),
                    tradeoff::csv_error);
  }
  SUBCASE("empty and blank files") {
    for (const std::string text : {"", "\n\n", "  \r\n\t\n", "\xEF\xBB\xBF"}) {
      const tradeoff::csv_error error = error_of(text);
      CHECK(contains(error.what(), "bad.csv"));
      CHECK(contains(error.what(), "empty"));
    }
  }
  SUBCASE("too few cells") {
    const tradeoff::csv_error error = error_of("a,b,c\n1,2,3\n\n4,5\n");
    CHECK(error.line() == 4);
    CHECK(error.column() == 3);
    CHECK(contains(error.what(), "bad.csv:4:3"));
    CHECK(contains(error.what(), "too few"));
    CHECK(contains(error.what(), "\"c\""));
  }
  SUBCASE("too many cells") {
    const tradeoff::csv_error error = error_of("a,b\n1,2\n1,2,3,4\n");
    CHECK(error.line() == 3);
    CHECK(error.column() == 3);
    CHECK(contains(error.what(), "bad.csv:3:3"));
    CHECK(contains(error.what(), "too many"));
  }
  SUBCASE("too many cells in a quoted row") {
    const tradeoff::csv_error error = error_of("a,b\n\"1\",\"2\",\"3\"\n");
    CHECK(error.line() == 2);
    CHECK(error.column() == 3);
  }
  SUBCASE("unterminated quote / also a quoted newline") {
    const tradeoff::csv_error error = error_of("a,b\n1,\"two\n  lines\"\n");
    CHECK(error.line() == 2);
    CHECK(error.column() == 2);
    CHECK(contains(error.what(), "bad.csv:2:2"));
    CHECK(contains(error.what(), "unterminated"));
    const tradeoff::csv_error header = error_of("a,\"b\n1,2\n");
    CHECK(header.line() == 1);
    CHECK(header.column() == 2);
  }
  SUBCASE("a carriage return without newline (old Mac line ends)") {
    const tradeoff::csv_error error = error_of("a,b\r1,2\r3,4\r");
    CHECK(error.line() == 1);
    CHECK(error.column() == 2);
    CHECK(contains(error.what(), "carriage return"));
    const tradeoff::csv_error quoted = error_of("a,b\n\"x\"\r,2\n");
    CHECK(quoted.line() == 2);
    CHECK(quoted.column() == 1);
    const tradeoff::table inside = read_text("a,b\n\"x\ry\",2\r\n");
    CHECK(inside.strings("a")[0] == "x\ry");
  }
  SUBCASE("duplicated column names") {
    const tradeoff::csv_error error = error_of("run,loss,x,loss\n1,2,3,4\n");
    CHECK(error.line() == 1);
    CHECK(error.column() == 4);
    CHECK(contains(error.what(), "\"loss\""));
    CHECK(contains(error.what(), "columns 2 and 4"));
  }
  SUBCASE("NUL byte") {
    const tradeoff::csv_error error = error_of(std::string("a,b\n1,2\n3,4\0x\n", 15));
    CHECK(error.line() == 3);
    CHECK(error.column() == 4);
    CHECK(contains(error.what(), "NUL"));
  }
  SUBCASE("a line over fast-cpp-csv-parser's 16 MiB limit") {
    std::string text = "a,b\n1,2\n3,";
    text.append(std::size_t{1} << 24U, '7');
    text += "\n5,6\n";
    const tradeoff::csv_error error = error_of(text);
    CHECK(error.line() == 3);
    CHECK(contains(error.what(), "bad.csv:3"));
    CHECK(contains(error.what(), "2^24"));
  }
  SUBCASE("binary garbage") {
    std::string garbage;
    std::uint32_t state = 12345;
    for (int i = 0; i < 100000; ++i) {
      state = state * 1664525U + 1013904223U;
      garbage += static_cast<char>(state >> 24U);
    }
    CHECK_THROWS_AS(static_cast<void>(read_text(garbage)), tradeoff::csv_error);
  }
}

TEST_CASE("read_csv: a file on disk / over 32 MiB (the line reader's thread) / 23 columns") {
  // The benchmark schema; the reader thread of fast-cpp-csv-parser starts above 32 MiB.
  const std::string header =
      "run,type,params_m,moe,num_blocks,dim,n_heads,kv_heads,max_context,down_dim_kv,"
      "theoretical_cache_mb,measured_cache_mb,prefill_ms,val_loss,decode_gflops,prefill_gflops,"
      "decode_arith_int,prefill_arith_int,decode_tflops_s,tps_64,tps_128,tps_256,tps_512";
  const std::string path = temporary_path("tradeoff_csv_test_large");
  const int rows = 240000;
  {
    std::ofstream out(path, std::ios::binary);
    out << header << "\r\n";
    const char* const types[] = {"MLA", "GQA", "MHA"};
    for (int i = 0; i < rows; ++i) {
      const int dim = 128 + 64 * (i % 11);
      out << "run_" << i << ',' << types[i % 3] << ',' << 10.7 + 0.001 * i << ','
          << (i % 2 == 0 ? "True" : "False") << ',' << 8 + 4 * (i % 3) << ',' << dim << ','
          << dim / 32 << ',' << std::max(1, dim / 128) << ",512," << 32 + 16 * (i % 10) << ','
          << 1.5 + 1e-6 * i << ",12.25," << 3.5 << ',' << (i % 97 == 0 ? "diverged" : "2.25")
          << ",1.0,2.0,3.0,4.0,0.5,90.5,88.25,85.0," << (i % 5 == 0 ? "" : "80.125") << "\r\n";
    }
  }
  const tradeoff::table table = tradeoff::read_csv(path);
  std::remove(path.c_str());
  REQUIRE(table.columns() == 23);
  REQUIRE(table.rows() == rows);
  CHECK(table.column_names().back() == "tps_512");
  CHECK(table.strings("run")[rows - 1] == "run_" + std::to_string(rows - 1));
  CHECK(table.booleans("moe")[1] == false);
  CHECK(table.line_of_row(rows - 1) == static_cast<std::size_t>(rows) + 1);
  const tradeoff::numeric_column loss = table.numeric_with_report("val_loss");
  CHECK(loss.coerced == (rows + 96) / 97);
  const tradeoff::numeric_column tps = table.numeric_with_report("tps_512");
  CHECK(tps.missing == rows / 5);
  CHECK(tps.values[1] == 80.125);
  const Eigen::ArrayXd dim = table.numeric("dim");
  CHECK(dim[rows - 1] == 128 + 64 * ((rows - 1) % 11));
}

TEST_CASE("read_csv: a file over 48 MiB without a final newline ends (no stale newline)") {
  // Lines of 64 bytes and a last line of 63 without its newline: after the line reader's second
  // refill, the byte just past the data is the '\n' an earlier 16 MiB block left at the same
  // offset. fast-cpp-csv-parser took it for the end of the last line and never finished.
  const std::string path = temporary_path("tradeoff_csv_test_no_final_newline");
  const std::string line(63, 'a');
  const int lines = 52 * 1024 * 1024 / 64;
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < lines - 1; ++i) {
      out << line << '\n';
    }
    out << line;  // no final newline
  }
  const tradeoff::table table = tradeoff::read_csv(path);
  std::remove(path.c_str());
  REQUIRE(table.columns() == 1);
  CHECK(table.rows() == lines - 1);
  CHECK(table.strings(line).back() == line);
}

TEST_CASE("read_csv: a NUL byte found by the reader thread / past 32 MiB") {
  std::string text = "a,b\n";
  const std::string row = "12345.678,87654.321\n";
  const std::size_t rows = (std::size_t{40} << 20U) / row.size();
  text.reserve(rows * row.size() + 64);
  for (std::size_t i = 0; i < rows; ++i) {
    text += row;
  }
  text += std::string("1,\0\n", 4);
  const tradeoff::csv_error error = error_of(text);
  CHECK(error.line() == rows + 2);
  CHECK(error.column() == 3);
}

TEST_CASE("csv_error: a std::runtime_error with its parts") {
  const tradeoff::csv_error error("read_csv", "f.csv", 3, 4, "bad");
  CHECK(std::string(error.what()) == "tradeoff::read_csv: f.csv:3:4: bad");
  CHECK(std::string(tradeoff::csv_error("x", "f.csv", 0, 0, "m").what()) == "tradeoff::x: f.csv: m");
  const std::runtime_error& base = error;
  CHECK(contains(base.what(), "f.csv:3:4"));
}

TEST_CASE("read_csv: a header of names crafted for one std::hash value costs what random names cost") {
  // Issue 21, row 1: the duplicate-name check used std::unordered_map with std::hash (a fixed,
  // public seed), so names of equal hash made it quadratic (80k names: 14.6 s).
  const std::size_t n = 20000;
  const std::vector<std::string> crafted = tradeoff_test::std_hash_colliding_strings(n, true);
  std::mt19937_64 generator(21);
  std::uniform_int_distribution<int> letter('a', 'z');
  std::string crafted_header;
  std::string random_header;
  for (std::size_t i = 0; i < n; ++i) {
    std::string name(16, 'a');
    for (char& c : name) {
      c = static_cast<char>(letter(generator));
    }
    crafted_header += (i == 0 ? "" : ",") + crafted[i];
    random_header += (i == 0 ? "" : ",") + name;
  }
  crafted_header += "\n";
  random_header += "\n";
  std::size_t columns = 0;
  const auto cost = [&](const std::string& text) {
    return tradeoff_test::fastest_seconds([&] {
      std::istringstream in(text, std::ios::binary);
      columns += tradeoff::read_csv(in, "header.csv").column_names().size();
    }, 3);
  };
  const double random_cost = cost(random_header);
  const double crafted_cost = cost(crafted_header);
  INFO("random names " << random_cost << " s, crafted names " << crafted_cost << " s");
  CHECK(crafted_cost < 5.0 * random_cost + 2e-3);
  CHECK(columns == 6 * n);
}

// ------------------------------------------------------------------------------------------
// csv_options, compared with pandas 1.5.3 (tests/golden/make_golden_csv_options.py)

namespace {

using tradeoff_test::unhex;

using tradeoff_test::words;

std::vector<std::string> unhex_list(const std::string& value) {
  std::vector<std::string> out;
  std::size_t first = 0;
  for (std::size_t bar = value.find('|'); ; bar = value.find('|', first)) {
    out.push_back(unhex(value.substr(first, bar - first)));
    if (bar == std::string::npos) {
      break;
    }
    first = bar + 1;
  }
  return out;
}

/// The csv_options of an "options key=value ..." line of the golden file.
tradeoff::csv_options options_of(const std::vector<std::string>& fields) {
  tradeoff::csv_options options;
  for (std::size_t i = 1; i < fields.size(); ++i) {
    const std::size_t equals = fields[i].find('=');
    REQUIRE(equals != std::string::npos);
    const std::string key = fields[i].substr(0, equals);
    const std::string value = fields[i].substr(equals + 1);
    if (key == "delimiter") {
      options.delimiter = static_cast<char>(std::stoi(value));
    } else if (key == "skip_rows") {
      options.skip_rows = std::stoul(value);
    } else if (key == "comment") {
      options.comment = static_cast<char>(std::stoi(value));
    } else if (key == "quoted_newlines") {
      options.quoted_newlines = value == "1";
    } else if (key == "fill_short_rows") {
      options.fill_short_rows = value == "1";
    } else if (key == "header_rows") {
      options.header_rows = std::stoul(value);
    } else if (key == "na_values") {
      options.na_values = unhex_list(value);
    } else if (key == "use_columns") {
      options.use_columns = unhex_list(value);
    } else {
      FAIL("unknown option " << key);
    }
  }
  return options;
}

using tradeoff_test::from_hex;

/// A golden file of tests/data, opened after its first line (a comment).
std::ifstream open_golden(const std::string& file) {
  std::ifstream golden(std::string(TRADEOFF_TEST_DATA_DIR) + "/" + file);
  REQUIRE(golden.good());
  std::string comment;
  std::getline(golden, comment);
  return golden;
}

}  // namespace

TEST_CASE("csv_options: names and values are pandas' on every fixture") {
  std::ifstream golden = open_golden("golden_csv_options.txt");
  std::string line;
  int cases = 0;
  while (std::getline(golden, line)) {
    const std::vector<std::string> head = words(line);
    REQUIRE(head.size() == 3);
    REQUIRE(head[0] == "case");
    CAPTURE(head[1]);
    std::getline(golden, line);
    const tradeoff::csv_options options = options_of(words(line));
    std::getline(golden, line);  // sep: what pandas sniffed, checked through the names below
    std::getline(golden, line);
    std::vector<std::string> names = words(line);
    names.erase(names.begin());
    for (std::string& name : names) {
      name = unhex(name);
    }
    std::getline(golden, line);
    const Eigen::Index rows = std::stol(words(line)[1]);

    const tradeoff::table table =
        tradeoff::read_csv(std::string(TRADEOFF_TEST_DATA_DIR) + "/csv_options/" + head[2], options);
    CHECK(table.column_names() == names);
    CHECK(table.rows() == rows);
    for (const std::string& name : names) {
      CAPTURE(name);
      std::getline(golden, line);
      const std::vector<std::string> numbers = words(line);
      std::getline(golden, line);
      const std::vector<std::string> texts = words(line);
      REQUIRE(static_cast<Eigen::Index>(numbers.size()) == rows + 1);
      REQUIRE(static_cast<Eigen::Index>(texts.size()) == rows + 1);
      if (!table.has_column(name) || table.rows() != rows) {
        continue;
      }
      const Eigen::ArrayXd values = table.numeric(name);
      const std::vector<std::string> cells = table.strings(name);
      for (Eigen::Index row = 0; row < rows; ++row) {
        CAPTURE(row);
        const auto r = static_cast<std::size_t>(row) + 1;
        CHECK(same_double(values[row], from_hex(numbers[r])));
        if (texts[r] != "-" && texts[r] != "*") {
          CHECK(cells[r - 1] == unhex(texts[r]));
        }
      }
    }
    ++cases;
  }
  CHECK(cases == 18);
}

TEST_CASE("csv_options: the sniffed delimiter is csv.Sniffer's") {
  std::ifstream golden = open_golden("golden_csv_sniff.txt");
  std::string line;
  int lines = 0;
  while (std::getline(golden, line)) {
    const std::vector<std::string> fields = words(line);
    REQUIRE(fields.size() == 2);
    const std::string header = unhex(fields[0]);
    CAPTURE(header);
    const char expected = fields[1] == "ERR" ? '\0' : static_cast<char>(std::stoi(fields[1]));
    CHECK(tradeoff::detail::sniff_delimiter(header) == expected);
    ++lines;
  }
  CHECK(lines == 39);
  // End to end: the guessed delimiter splits the rows; a guess of the quote character is an error.
  tradeoff::csv_options sniff;
  sniff.delimiter = tradeoff::csv_options::sniff;
  std::istringstream tsv("a\tb c\n1\t2,3\n");
  const tradeoff::table table = tradeoff::read_csv(tsv, "t.tsv", sniff);
  CHECK(table.column_names() == std::vector<std::string>{"a", "b c"});
  CHECK(table.cell(0, 1) == "2,3");
  std::istringstream quoted("\"x\"\n1\n");
  CHECK_THROWS_AS(static_cast<void>(tradeoff::read_csv(quoted, "q.csv", sniff)), tradeoff::csv_error);
}

TEST_CASE("csv_options: quoted cells spanning lines keep the line numbers right") {
  tradeoff::csv_options options;
  options.quoted_newlines = true;
  std::istringstream in("a,b\n1,\"x\n\ny\"\n\n2,\"z\"\"\n\"\n3,w\n");
  const tradeoff::table table = tradeoff::read_csv(in, "m.csv", options);
  REQUIRE(table.rows() == 3);
  CHECK(table.cell(0, 1) == "x\n\ny");
  CHECK(table.cell(1, 1) == "z\"\n");
  CHECK(table.cell(2, 1) == "w");
  CHECK(table.line_of_row(0) == 2);
  CHECK(table.line_of_row(1) == 6);
  CHECK(table.line_of_row(2) == 8);
  // An error after a multi-line cell names its own line; a quote left open names where it opened.
  std::istringstream bad("a,b\n1,\"x\ny\"\n2,3,4\n");
  try {
    static_cast<void>(tradeoff::read_csv(bad, "m.csv", options));
    FAIL("no error");
  } catch (const tradeoff::csv_error& error) {
    CHECK(error.line() == 4);
  }
  std::istringstream open_quote("a,b\n1,2\n3,\"never\nclosed\n");
  try {
    static_cast<void>(tradeoff::read_csv(open_quote, "m.csv", options));
    FAIL("no error");
  } catch (const tradeoff::csv_error& error) {
    CHECK(error.line() == 3);
    CHECK(error.column() == 2);
    CHECK(contains(error.what(), "the file ends inside the quote"));
  }
  // CRLF inside a multi-line cell becomes LF (the line reader drops the CR; pandas keeps it).
  std::istringstream crlf("a\r\n\"x\r\ny\"\r\n");
  CHECK(tradeoff::read_csv(crlf, "m.csv", options).cell(0, 0) == "x\ny");
  // Without the option the quote must close on its line, as before.
  std::istringstream strict("a,b\n1,\"x\ny\"\n");
  CHECK_THROWS_AS(static_cast<void>(tradeoff::read_csv(strict, "m.csv")), tradeoff::csv_error);
}

TEST_CASE("csv_options: use_columns keeps file order and only its cells") {
  tradeoff::csv_options options;
  options.use_columns = {"c", "a"};
  options.fill_short_rows = true;
  std::istringstream in("a,b,c,d\n\"1\",\"2,2\",3,4\n5,6\n7,\"x\"\"y\",9,\n");
  const tradeoff::table table = tradeoff::read_csv(in, "u.csv", options);
  CHECK(table.column_names() == std::vector<std::string>{"a", "c"});
  CHECK(table.strings("a") == std::vector<std::string>{"1", "5", "7"});
  CHECK(table.strings("c") == std::vector<std::string>{"3", "", "9"});
  CHECK(table.column_index("c") == 1);
  options.use_columns = {"d", "zz"};
  std::istringstream again("a,b,c,d\n1,2,3,4\n");
  try {
    static_cast<void>(tradeoff::read_csv(again, "u.csv", options));
    FAIL("no error");
  } catch (const tradeoff::csv_error& error) {
    CHECK(contains(error.what(), "\"zz\""));
    CHECK(!contains(error.what(), "\"d\";"));
  }
}

TEST_CASE("csv_options: short rows padded and still counted as the pandas missing") {
  tradeoff::csv_options options;
  options.fill_short_rows = true;
  std::istringstream in("a,b,c\n1\n\"2\",\"x\"\n3,4,5\n");
  const tradeoff::table table = tradeoff::read_csv(in, "s.csv", options);
  const tradeoff::numeric_column c = table.numeric_with_report("c");
  CHECK(c.missing == 2);
  CHECK(c.values[2] == 5.0);
  CHECK(table.cell(0, 1).empty());
  CHECK(table.cell(1, 1) == "x");
  std::istringstream too_many("a,b\n1,2,3\n");
  CHECK_THROWS_AS(static_cast<void>(tradeoff::read_csv(too_many, "s.csv", options)),
                  tradeoff::csv_error);
}

TEST_CASE("csv_options: comments and skipped lines") {
  tradeoff::csv_options options;
  options.comment = '#';
  options.skip_rows = 2;
  std::istringstream in("junk,,,\n\n#c\na,b#x\n1,\"#2\"#y\n#z\n3,4\n");
  const tradeoff::table table = tradeoff::read_csv(in, "c.csv", options);
  CHECK(table.column_names() == std::vector<std::string>{"a", "b"});
  CHECK(table.strings("b") == std::vector<std::string>{"#2", "4"});
  CHECK(table.line_of_row(1) == 7);
  std::istringstream short_file("x\n");
  CHECK_THROWS_AS(static_cast<void>(tradeoff::read_csv(short_file, "c.csv", options)),
                  tradeoff::csv_error);
}

TEST_CASE("csv_options: na_values by text and by number") {
  tradeoff::csv_options options;
  options.na_values = {"-999", "n.a."};
  std::istringstream in("i,f,b\n-999,-999.0,True\n2,1.5,n.a.\n");
  const tradeoff::table table = tradeoff::read_csv(in, "n.csv", options);
  CHECK(std::isnan(table.numeric("i")[0]));
  CHECK(table.numeric("i")[1] == 2.0);
  CHECK(table.numeric_with_report("f").missing == 1);
  CHECK(table.numeric("b")[0] == 1.0);
  CHECK(std::isnan(table.numeric("b")[1]));
  const tradeoff::boolean_column b = table.booleans_with_mask("b");
  CHECK(b.missing_count == 1);
  CHECK(b.missing[1]);
}

TEST_CASE("csv_options: header lines joined") {
  tradeoff::csv_options options;
  options.header_rows = 3;
  options.header_join = ".";
  std::istringstream in("a,,c\nx,y,\n,,\n1,2,3\n");
  const tradeoff::table table = tradeoff::read_csv(in, "h.csv", options);
  CHECK(table.column_names() == std::vector<std::string>{"a.x", "y", "c"});
  CHECK(table.line_of_row(0) == 4);
  std::istringstream ragged("a,b\nx\n1,2\n");
  CHECK_THROWS_AS(static_cast<void>(tradeoff::read_csv(ragged, "h.csv", options)), tradeoff::csv_error);
}

TEST_CASE("booleans_with_mask: missing is never false") {
  const tradeoff::table table =
      read_text("moe\nTrue\n\"\"\nfAlSe\nnan\ntRuE\nNA\n0\n", "b.csv");
  const tradeoff::boolean_column moe = table.booleans_with_mask("moe");
  REQUIRE(moe.values.size() == 7);
  const bool values[] = {true, false, false, false, true, false, false};
  const bool missing[] = {false, true, false, true, false, true, false};
  for (Eigen::Index i = 0; i < 7; ++i) {
    CHECK(moe.values[i] == values[i]);
    CHECK(moe.missing[i] == missing[i]);
  }
  CHECK(moe.missing_count == 3);
  CHECK_THROWS_AS(static_cast<void>(table.booleans("moe")), tradeoff::csv_error);
  CHECK_THROWS_AS(static_cast<void>(read_text("b\nyes\n").booleans_with_mask("b")),
                  tradeoff::csv_error);
  // pandas 1.5.3 reads true/false in any letter case (strcasecmp), the column stays boolean.
  const Eigen::ArrayXd numbers = read_text("b\ntRuE\nFALSE\nTrue\n").numeric("b");
  CHECK(numbers[0] == 1.0);
  CHECK(numbers[1] == 0.0);
  CHECK(numbers[2] == 1.0);
}

TEST_CASE("read_csv: a stream whose exception mask has failbit and badbit") {
  std::istringstream in("a,b\n1,2\n");
  in.exceptions(std::ios::failbit | std::ios::badbit);
  const tradeoff::table table = tradeoff::read_csv(in, "x.csv");
  CHECK(table.rows() == 1);
  CHECK(in.exceptions() == (std::ios::failbit | std::ios::badbit));
  CHECK(in.eof());
  CHECK(!in.fail());
  std::istringstream all("a\n1\n");
  all.exceptions(std::ios::failbit | std::ios::badbit | std::ios::eofbit);
  CHECK(tradeoff::read_csv(all, "x.csv").rows() == 1);
  CHECK(all.exceptions() == (std::ios::failbit | std::ios::badbit | std::ios::eofbit));
  CHECK(all.rdstate() == std::ios::goodbit);
}

TEST_CASE("read_csv: a header of more than max_columns cells fails fast") {
  const std::string commas(std::size_t{1} << 20U, ',');
  std::istringstream in(commas + "\n");
  try {
    static_cast<void>(tradeoff::read_csv(in, "wide.csv"));
    FAIL("no error");
  } catch (const tradeoff::csv_error& error) {
    CHECK(error.line() == 1);
    CHECK(contains(error.what(), "max_columns = 65536"));
  }
  tradeoff::csv_options options;
  options.max_columns = 3;
  std::istringstream three("a,b,c\n1,2,3\n");
  CHECK(tradeoff::read_csv(three, "ok.csv", options).columns() == 3);
  std::istringstream four("a,\"b,\",c,d\n");
  CHECK_THROWS_AS(static_cast<void>(tradeoff::read_csv(four, "x.csv", options)), tradeoff::csv_error);
}

TEST_CASE("csv_options: nonsense is rejected before reading") {
  const auto rejects = [](const tradeoff::csv_options& options) {
    std::istringstream in("a\n1\n");
    CHECK_THROWS_AS(static_cast<void>(tradeoff::read_csv(in, "o.csv", options)),
                    std::invalid_argument);
  };
  tradeoff::csv_options options;
  options.delimiter = '"';
  rejects(options);
  options.delimiter = '\n';
  rejects(options);
  options.delimiter = '#';
  options.comment = '#';
  rejects(options);
  options = {};
  options.comment = '"';
  rejects(options);
  options = {};
  options.header_rows = 0;
  rejects(options);
  options = {};
  options.max_columns = 0;
  rejects(options);
  options = {};
  options.use_columns = {"a", "a"};
  rejects(options);
}
