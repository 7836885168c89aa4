// The catalogue of bad inputs (docs/errors.md): one TEST_CASE per entry, numbered as in the
// document. Each checks what the library does with the input — the exception type and the
// content of its message, or the documented result (NaN, an empty result, a flag) — so the
// document cannot drift from the code.
#include <tradeoff/bootstrap.hpp>
#include <tradeoff/csv.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/hypervolume.hpp>
#include <tradeoff/kv_cache.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/pareto_archive.hpp>
#include <tradeoff/quantile.hpp>
#include <tradeoff/quantile_interval.hpp>
#include <tradeoff/rank_test.hpp>
#include <tradeoff/serving.hpp>
#include <tradeoff/staircase.hpp>
#include <tradeoff/tied_for_best.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <climits>
#include <clocale>
#include <cmath>
#include <ios>
#include <random>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

using tradeoff_test::what_of;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

tradeoff::table csv_text(const std::string& text) {
  std::istringstream in(text, std::ios::binary);
  return tradeoff::read_csv(in, "bad.csv");
}

/// The csv_error that reading `text` throws.
tradeoff::csv_error csv_error_of(const std::string& text) {
  try {
    static_cast<void>(csv_text(text));
  } catch (const tradeoff::csv_error& e) {
    return e;
  }
  FAIL_CHECK("read_csv accepted the text");
  return tradeoff::csv_error("none", "none", 0, 0, "none");
}

Eigen::ArrayXd values_of(std::initializer_list<double> list) {
  Eigen::ArrayXd out(static_cast<Eigen::Index>(list.size()));
  Eigen::Index i = 0;
  for (const double v : list) out(i++) = v;
  return out;
}

tradeoff::serving_model small_model() {
  tradeoff::serving_model model;
  model.layout = tradeoff::kv_layout::gqa(8, 128);
  model.n_layers = 32;
  model.weight_bytes = 14e9;
  model.flops_per_token = 14e9;
  return model;
}

tradeoff::engine_config small_engine() {
  tradeoff::engine_config engine;
  engine.max_model_len = 4096;
  return engine;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Files (tradeoff/csv.hpp)

TEST_CASE("E01 a missing file: csv_error naming the path and the system's reason") {
  const std::string path = std::string(TRADEOFF_SOURCE_DIR) + "/tests/no-such-dir/missing.csv";
  try {
    static_cast<void>(tradeoff::read_csv(path));
    FAIL_CHECK("read_csv opened a missing file");
  } catch (const tradeoff::csv_error& e) {
    const std::string what = e.what();
    CHECK(what.rfind("tradeoff::read_csv: " + path + ": ", 0) == 0);
    CHECK(contains(what, "Can not open file"));
    CHECK(contains(what, "No such file or directory"));
    CHECK(e.file() == path);
    CHECK(e.line() == 0);
  }
}

TEST_CASE("E02 a directory given as the file: csv_error with the read error") {
  const std::string path = std::string(TRADEOFF_SOURCE_DIR) + "/tests";
  const std::string what = what_of<tradeoff::csv_error>([&] { return tradeoff::read_csv(path); });
  CHECK(what.rfind("tradeoff::read_csv: " + path + ": ", 0) == 0);
  CHECK(contains(what, "read error: Is a directory"));
}

TEST_CASE("E03 an empty file (0 bytes): csv_error / no header line") {
  const auto e = csv_error_of("");
  CHECK(std::string(e.what()) == "tradeoff::read_csv: bad.csv: the file is empty (no header line)");
  CHECK(e.line() == 0);
}

TEST_CASE("E04 a file of blank lines only: the same as an empty file") {
  const auto e = csv_error_of("\n  \n\t\r\n\n");
  CHECK(contains(e.what(), "the file is empty (no header line)"));
}

TEST_CASE("E05 binary garbage with a NUL byte: csv_error at the NUL's line and byte column") {
  const auto e = csv_error_of(std::string("a,b\n1,\0" "2\n", 8));
  CHECK(contains(e.what(), "bad.csv:2:3: NUL byte"));
  CHECK(e.line() == 2);
  CHECK(e.column() == 3);
}

TEST_CASE("E06 UTF-16 text: csv_error / NUL byte on line 1") {
  const std::string utf16("\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0" "2\0\n\0", 18);
  const auto e = csv_error_of(utf16);
  CHECK(contains(e.what(), "bad.csv:1:4: NUL byte (a binary file, or text in UTF-16?)"));
}

TEST_CASE("E07 binary garbage without NUL (bytes 1..255): csv_error / never a crash or a table") {
  std::string garbage;
  for (int byte = 1; byte < 256; ++byte) garbage += static_cast<char>(byte);
  const auto e = csv_error_of(garbage);
  // Line 1 is bytes 1..9 (a one-column header); line 2 starts 0x0B 0x0C 0x0D: a bare CR.
  CHECK(contains(e.what(), "bad.csv:2:1: carriage return (\\r) not followed by a newline"));
}

TEST_CASE("E08 a ragged row with too few cells: csv_error naming the missing column") {
  const auto e = csv_error_of("a,b,c\n1,2,3\n4,5\n");
  CHECK(std::string(e.what()) ==
        "tradeoff::read_csv: bad.csv:3:3: too few cells: expected 3 (the header's count), found 2; "
        "column 3 (\"c\") is missing");
}

TEST_CASE("E09 a ragged row with too many cells: csv_error at the first extra cell") {
  const auto e = csv_error_of("a,b\n1,2\n3,4,5\n");
  CHECK(contains(e.what(), "bad.csv:3:3: too many cells: expected 2 (the header's count)"));
  CHECK(e.line() == 3);
  CHECK(e.column() == 3);
}

TEST_CASE("E10 an unterminated quote: csv_error naming the line and the column") {
  const auto e = csv_error_of("a,b\n1,\"open\n2,3\n");
  CHECK(contains(e.what(), "bad.csv:2:2: unterminated quoted field in column 2 (\"b\")"));
  CHECK(contains(e.what(), "quoted fields span lines only with csv_options::quoted_newlines"));
}

TEST_CASE("E11 a UTF-8 byte-order mark: accepted and removed from the first name") {
  const auto t = csv_text("\xEF\xBB\xBFx,y\n1,2\n");
  CHECK(t.column_names() == std::vector<std::string>{"x", "y"});
  CHECK(t.has_column("x"));
  CHECK(t.numeric("x")(0) == 1.0);
  // A file holding only the mark is empty.
  CHECK(contains(csv_error_of("\xEF\xBB\xBF").what(), "the file is empty"));
}

TEST_CASE("E12 a line longer than 2^24 - 1 bytes: csv_error naming the limit") {
  const std::string text = "a\n" + std::string((std::size_t{1} << 24U) + 16, '7') + "\n";
  const auto e = csv_error_of(text);
  CHECK(std::string(e.what()) ==
        "tradeoff::read_csv: bad.csv:2: the line is longer than fast-cpp-csv-parser's limit of 2^24 - 1 bytes "
        "(16 MiB - 1)");
}

TEST_CASE("E13 duplicated column names: csv_error giving both positions") {
  const auto e = csv_error_of("a,b,a\n1,2,3\n");
  CHECK(std::string(e.what()) ==
        "tradeoff::read_csv: bad.csv:1:3: duplicated column name \"a\" in columns 1 and 3");
}

TEST_CASE("E14 empty header cells: named \"Unnamed: <i>\" as pandas names them") {
  const auto t = csv_text(",b,\n1,2,3\n");
  CHECK(t.column_names() == std::vector<std::string>{"Unnamed: 0", "b", "Unnamed: 2"});
}

TEST_CASE("E15 an empty header cell whose pandas name is taken: duplicated-name csv_error") {
  const auto e = csv_error_of("x,Unnamed: 2,\n1,2,3\n");
  CHECK(contains(e.what(), "bad.csv:1:3: duplicated column name \"Unnamed: 2\" in columns 2 and 3"));
}

TEST_CASE("E16 old Mac line ends (a CR without LF): csv_error instead of rows run together") {
  const auto e = csv_error_of("a,b\r1,2\r");
  CHECK(contains(e.what(), "bad.csv:1:2: carriage return (\\r) not followed by a newline in column 2"));
  // CRLF is fine, and a CR inside quotes is kept.
  const auto t = csv_text("a,b\r\n\"x\ry\",2\r\n");
  CHECK(t.strings("a") == std::vector<std::string>{"x\ry"});
}

TEST_CASE("E17 a header-only file: zero rows / not an error") {
  const auto t = csv_text("a,b\n");
  CHECK(t.rows() == 0);
  CHECK(t.columns() == 2);
  CHECK(t.numeric("a").size() == 0);
  CHECK(t.strings("b").empty());
  CHECK(t.booleans("a").size() == 0);
}

TEST_CASE("E18 a column that does not exist: csv_error listing the available ones") {
  const auto t = csv_text("a,b\n1,2\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return t.numeric("c"); }) ==
        "tradeoff::table::numeric: bad.csv: no column \"c\"; available columns: \"a\", \"b\"");
  CHECK(contains(what_of<tradeoff::csv_error>([&] { return t.strings("A"); }), "tradeoff::table::strings: "));
  CHECK(contains(what_of<tradeoff::csv_error>([&] { return t.booleans(""); }), "no column \"\""));
}

TEST_CASE("E19 booleans() of a cell that is not a boolean: csv_error naming the cell") {
  const auto t = csv_text("moe,x\nTrue,1\nyes,2\n,3\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return t.booleans("moe"); }) ==
        "tradeoff::table::booleans: bad.csv:3:1: column \"moe\": cell \"yes\" is not a boolean (expected true "
        "or false in any letter case, 1 or 0; booleans_with_mask reads missing cells)");
  const auto empty_cell = csv_text("moe\nTrue\n\"\"\n");
  CHECK(contains(what_of<tradeoff::csv_error>([&] { return empty_cell.booleans("moe"); }), "cell \"\" is not"));
}

TEST_CASE("E20 junk in a numeric column: NaN / counted as coerced (not an error)") {
  const auto t = csv_text("loss\n1.5\ndiverged\n\n1.2.3\nNA\n1e400\n");
  const auto report = t.numeric_with_report("loss");
  REQUIRE(report.values.size() == 5);
  CHECK(report.values(0) == 1.5);
  CHECK(std::isnan(report.values(1)));
  CHECK(std::isnan(report.values(2)));
  CHECK(std::isnan(report.values(3)));
  CHECK(std::isnan(report.values(4)));
  CHECK(report.coerced == 3);  // "diverged", "1.2.3", "1e400"
  CHECK(report.missing == 1);  // "NA" (the blank line is skipped, not a row)
  CHECK(t.coerced("loss") == 3);
}

TEST_CASE("E21 cell() outside the table: std::out_of_range / never a read out of bounds") {
  const auto t = csv_text("a\n1\n");
  CHECK(what_of<std::out_of_range>([&] { return t.cell(5, 0); }) ==
        "tradeoff::table::cell: row 5 is out of range for a table of 1 rows");
  CHECK(contains(what_of<std::out_of_range>([&] { return t.cell(0, -1); }), "column -1 is out of range"));
  CHECK(contains(what_of<std::out_of_range>([&] { return t.line_of_row(1); }), "row 1 is out of range"));
}

TEST_CASE("E60 csv_options that make no sense: std::invalid_argument before reading") {
  const auto what = [](const tradeoff::csv_options& options) {
    return what_of<std::invalid_argument>([&] {
      std::istringstream in("a\n1\n");
      return tradeoff::read_csv(in, "bad.csv", options);
    });
  };
  tradeoff::csv_options options;
  options.delimiter = '"';
  CHECK(what(options) == "tradeoff::read_csv: csv_options::delimiter '\\x22' is the quote character \"");
  options.delimiter = ';';
  options.comment = ';';
  CHECK(what(options) == "tradeoff::read_csv: csv_options::delimiter '\\x3B' is also the comment character");
  options = {};
  options.header_rows = 0;
  CHECK(what(options) ==
        "tradeoff::read_csv: csv_options::header_rows is 0 (a table needs a header line; use 1 or more)");
  options = {};
  options.use_columns = {"a", "b", "a"};
  CHECK(what(options) == "tradeoff::read_csv: csv_options::use_columns names \"a\" twice (entries 0 and 2)");
}

TEST_CASE("E61 a delimiter that cannot be guessed: csv_error at the header line") {
  tradeoff::csv_options options;
  options.delimiter = tradeoff::csv_options::sniff;
  std::istringstream in("\"x\"\n1\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return tradeoff::read_csv(in, "bad.csv", options); }) ==
        "tradeoff::read_csv: bad.csv:1: the delimiter guessed from this line is the quote character \" "
        "(csv_options::sniff); give csv_options::delimiter instead");
}

TEST_CASE("E62 use_columns naming a column the file lacks: csv_error listing the columns") {
  tradeoff::csv_options options;
  options.use_columns = {"b", "zz"};
  std::istringstream in("a,b\n1,2\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return tradeoff::read_csv(in, "bad.csv", options); }) ==
        "tradeoff::read_csv: bad.csv:1: csv_options::use_columns names columns the header does not have: "
        "\"zz\"; available columns: \"a\", \"b\"");
}

TEST_CASE("E63 header lines that disagree or run out: csv_error") {
  tradeoff::csv_options options;
  options.header_rows = 2;
  std::istringstream ragged("a,b\nx\n1,2\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return tradeoff::read_csv(ragged, "bad.csv", options); }) ==
        "tradeoff::read_csv: bad.csv:2: header line 2 of 2 has 1 cells but the first has 2 "
        "(csv_options::header_rows needs one cell per column on each)");
  std::istringstream one_line("a,b\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return tradeoff::read_csv(one_line, "bad.csv", options); }) ==
        "tradeoff::read_csv: bad.csv: the file ends after 1 of its 2 header lines (csv_options::header_rows)");
}

TEST_CASE("E64 a quote still open at the end of the file: csv_error where it opened") {
  tradeoff::csv_options options;
  options.quoted_newlines = true;
  std::istringstream in("a,b\n1,2\n3,\"open\n4,5\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return tradeoff::read_csv(in, "bad.csv", options); }) ==
        "tradeoff::read_csv: bad.csv:3:2: unterminated quoted field in column 2 (\"b\"): the file ends "
        "inside the quote opened on this line");
}

TEST_CASE("E65 a header of millions of commas: csv_error before any column is made") {
  std::istringstream in(std::string((std::size_t{1} << 24U) - 2, ',') + "\n1\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return tradeoff::read_csv(in, "bad.csv"); }) ==
        "tradeoff::read_csv: bad.csv:1:65537: the header has 16777215 cells, more than "
        "csv_options::max_columns = 65536; raise it to read this file");
}

TEST_CASE("E66 skip_rows past the end of the file: csv_error with no header line") {
  tradeoff::csv_options options;
  options.skip_rows = 5;
  std::istringstream in("a\n1\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return tradeoff::read_csv(in, "bad.csv", options); }) ==
        "tradeoff::read_csv: bad.csv: the file has no header line after the 5 lines skipped "
        "(csv_options::skip_rows)");
}

TEST_CASE("E67 booleans_with_mask of a cell neither boolean nor missing: csv_error naming it") {
  const auto t = csv_text("moe\nTrue\n\"\"\nyes\n");
  CHECK(what_of<tradeoff::csv_error>([&] { return t.booleans_with_mask("moe"); }) ==
        "tradeoff::table::booleans_with_mask: bad.csv:4:1: column \"moe\": cell \"yes\" is not a boolean "
        "(expected true or false in any letter case, 1 or 0, or a missing-value marker)");
  CHECK(contains(what_of<tradeoff::csv_error>([&] { return t.booleans("moe"); }),
                 "bad.csv:3:1: column \"moe\": cell \"\" is not a boolean"));
}

TEST_CASE("E68 a stream whose exceptions() mask holds failbit and badbit: read and mask restored") {
  std::istringstream in("a,b\n1,2\n");
  in.exceptions(std::ios::failbit | std::ios::badbit);
  CHECK(tradeoff::read_csv(in, "bad.csv").rows() == 1);
  CHECK(in.exceptions() == (std::ios::failbit | std::ios::badbit));
  CHECK(in.rdstate() == std::ios::eofbit);
}

TEST_CASE("E69 out-of-range numbers under a decimal-comma locale: the same values as in C") {
  const std::string saved = std::setlocale(LC_ALL, nullptr);
  bool comma_locale = false;
  for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "de_DE"}) {
    if (std::setlocale(LC_ALL, name) != nullptr) {
      comma_locale = true;
      break;
    }
  }
  if (!comma_locale) {
    MESSAGE("no decimal-comma locale installed: checked in the C locale only");
  }
  const auto t = csv_text("x\n1.5e400\n0.5e309\n1.5e-400\n2.5e-330\n-1.5e-400\n1e-320\n");
  const Eigen::ArrayXd x = t.numeric("x", tradeoff::float_precision::round_trip);
  std::setlocale(LC_ALL, saved.c_str());
  CHECK(std::isnan(x[0]));  // beyond the double range: coerced, as pandas' round_trip does
  CHECK(std::isnan(x[1]));
  CHECK(x[2] == 0.0);
  CHECK(x[3] == 0.0);
  CHECK(std::signbit(x[4]));
  CHECK(x[5] > 0.0);
}

TEST_CASE("E70 true and false in mixed letter case: booleans as pandas 1.5.3 reads them") {
  const auto t = csv_text("moe\ntRuE\nfAlSe\nTrue\n");
  const Eigen::ArrayXd values = t.numeric("moe");
  CHECK(values[0] == 1.0);
  CHECK(values[1] == 0.0);
  CHECK(values[2] == 1.0);
  CHECK(t.booleans("moe")[0]);
}

// ---------------------------------------------------------------------------------------------
// Pareto fronts, ranks, hypervolume, staircase, archive

TEST_CASE("E22 x and y of different lengths: std::invalid_argument with both sizes") {
  const Eigen::ArrayXd x = values_of({1, 2, 3});
  const Eigen::ArrayXd y = values_of({1, 2});
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::pareto_front(x, y); }) ==
        "tradeoff::pareto_front: x has 3 values but y has 2");
  const Eigen::ArrayXi front = values_of({0}).cast<int>();
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::staircase(x, y, front); }),
                 "tradeoff::staircase: "));
}

TEST_CASE("E23 senses of the wrong size: std::invalid_argument from every Pareto function") {
  Eigen::ArrayXXd points = Eigen::ArrayXXd::Zero(2, 3);
  const std::vector<tradeoff::sense> two{tradeoff::sense::minimize, tradeoff::sense::maximize};
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::pareto_front(points, two); }) ==
        "tradeoff::pareto_front: senses has 2 entries but points has 3 columns (give one sense per column, or "
        "none for all-minimize)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::pareto_ranks(points, two); }),
                 "tradeoff::pareto_ranks: senses has 2 entries but points has 3 columns"));
  const Eigen::ArrayXd reference = Eigen::ArrayXd::Ones(3);
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::hypervolume(points, reference, two); }),
                 "tradeoff::hypervolume: senses has 2 entries"));
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::pareto_archive<>(3, two); }),
                 "tradeoff::pareto_archive: senses has 2 entries"));
}

TEST_CASE("E24 d = 0 (points without columns): std::invalid_argument") {
  const Eigen::ArrayXXd points(4, 0);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::pareto_front(points); }) ==
        "tradeoff::pareto_front: points has no columns (need at least one objective)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::pareto_ranks(points); }),
                 "tradeoff::pareto_ranks: points has no columns"));
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::hypervolume(points, Eigen::ArrayXd(0)); }),
                 "tradeoff::hypervolume: points has 0 columns"));
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::pareto_archive<>(0); }),
                 "tradeoff::pareto_archive: dimensions is 0, need at least 1"));
}

TEST_CASE("E25 empty input (n = 0): empty front and ranks / hypervolume 0") {
  const Eigen::ArrayXXd points(0, 2);
  CHECK(tradeoff::pareto_front(points).size() == 0);
  CHECK(tradeoff::pareto_ranks(points).size() == 0);
  CHECK(tradeoff::pareto_front(Eigen::ArrayXd(0), Eigen::ArrayXd(0)).size() == 0);
  CHECK(tradeoff::pareto_front(Eigen::ArrayXXd(0, 0)).size() == 0);
  CHECK(tradeoff::hypervolume(points, Eigen::ArrayXd::Ones(2)) == 0.0);
  const auto path = tradeoff::staircase(Eigen::ArrayXd(0), Eigen::ArrayXd(0), Eigen::ArrayXi(0));
  CHECK(path.x.size() == 0);
}

TEST_CASE("E26 rows that are all NaN: on no front / rank -1 / no volume") {
  Eigen::ArrayXXd points(3, 2);
  points << not_a_number, not_a_number, not_a_number, 1.0, 2.0, not_a_number;
  CHECK(tradeoff::pareto_front(points).size() == 0);
  CHECK((tradeoff::pareto_ranks(points) == -1).all());
  CHECK(tradeoff::hypervolume(points, Eigen::ArrayXd::Constant(2, 10.0)) == 0.0);
  tradeoff::pareto_archive<> archive(2);
  CHECK(archive.insert({not_a_number, 1.0}, 7).status == tradeoff::archive_status::rejected_nan);
  CHECK(archive.empty());
}

TEST_CASE("E27 +-inf: ordinary values on fronts - infinite volume when a point reaches -inf") {
  const Eigen::ArrayXd x = values_of({-infinity, 0, infinity, infinity});
  const Eigen::ArrayXd y = values_of({infinity, 0, -infinity, infinity});
  const Eigen::ArrayXi front = tradeoff::pareto_front(x, y);
  REQUIRE(front.size() == 3);
  CHECK(front(0) == 0);
  CHECK(front(1) == 1);
  CHECK(front(2) == 2);
  Eigen::ArrayXXd points(1, 2);
  points << -infinity, 0.0;
  CHECK(tradeoff::hypervolume(points, Eigen::ArrayXd::Ones(2)) == infinity);
  CHECK(what_of<std::domain_error>([&] {
          return tradeoff::lower_hull(x, y, front);
        }) == "tradeoff::lower_hull: front[0] = 0 has an infinite coordinate (a convex hull needs finite points)");
}

TEST_CASE("E28 a 2-D array where a 1-D one is expected: std::invalid_argument with its shape") {
  const Eigen::ArrayXXd x = Eigen::ArrayXXd::Zero(2, 2);
  const Eigen::ArrayXd y = Eigen::ArrayXd::Zero(4);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::pareto_front(x, y); }) ==
        "tradeoff::pareto_front: x must be one-dimensional, got 2 x 2");
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::quantile(x, 0.5); }) ==
        "tradeoff::quantile: values must be a vector, got 2 x 2");
}

TEST_CASE("E29 a hypervolume reference of the wrong size or with NaN: std::invalid_argument") {
  const Eigen::ArrayXXd points = Eigen::ArrayXXd::Zero(2, 2);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::hypervolume(points, Eigen::ArrayXd::Ones(3)); }) ==
        "tradeoff::hypervolume: reference has 3x1 entries but must be a vector of size 2 (one value per column "
        "of points)");
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::hypervolume(points, values_of({1, not_a_number})); }) ==
        "tradeoff::hypervolume: reference(1) is NaN");
  // Not strictly better than the reference: contributes nothing (no error).
  Eigen::ArrayXXd worse(1, 2);
  worse << 2.0, 0.5;
  CHECK(tradeoff::hypervolume(worse, Eigen::ArrayXd::Ones(2)) == 0.0);
}

TEST_CASE("E120 a hypervolume beyond the double range: +inf and never NaN") {
  Eigen::ArrayXXd points(3, 3);
  points << 1, 2, 3, 2, 1, 3, 3, 3, 1;
  for (const double r : {1e200, 1e300, std::numeric_limits<double>::max()}) {
    CHECK(tradeoff::hypervolume(points, Eigen::ArrayXd::Constant(3, r)) == infinity);
  }
  Eigen::ArrayXXd two(2, 4);
  two << -1e200, 1e200, -1e200, 1e200, 1e200, -1e200, 1e200, -1e200;
  CHECK(tradeoff::hypervolume(two, Eigen::ArrayXd::Constant(4, 1e201)) == infinity);
}

TEST_CASE("E121 an exact hypervolume past its work budget: std::domain_error") {
  // 300 points of the simplex sum = 1: all on the front.
  std::mt19937 rng(121u);
  Eigen::ArrayXXd points(300, 6);
  for (Eigen::Index i = 0; i < 300; ++i) {
    for (Eigen::Index j = 0; j < 6; ++j) {
      points(i, j) = 1.0 + static_cast<double>(rng() % 1000);
    }
    points.row(i) /= points.row(i).sum();
  }
  tradeoff::hypervolume_options options;
  options.max_work = 1000;
  const std::string what = what_of<std::domain_error>(
      [&] { return tradeoff::hypervolume(points, Eigen::ArrayXd::Constant(6, 1.1), {}, options); });
  CHECK(contains(what, "tradeoff::hypervolume: work budget of 1000 steps exhausted (6 objectives, "));
  CHECK(contains(what, "raise hypervolume_options::max_work or use tradeoff::hypervolume_estimate"));
}

TEST_CASE("E122 hypervolume_estimate with no samples or a bad confidence: std::invalid_argument") {
  const Eigen::ArrayXXd points = Eigen::ArrayXXd::Zero(2, 3);
  const Eigen::ArrayXd reference = Eigen::ArrayXd::Ones(3);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::hypervolume_estimate(points, reference, 0); }) ==
        "tradeoff::hypervolume_estimate: samples is 0 (need at least 1)");
  CHECK(what_of<std::invalid_argument>(
            [&] { return tradeoff::hypervolume_estimate(points, reference, 10, 0, {}, 1.5); }) ==
        "tradeoff::hypervolume_estimate: confidence = 1.500000 is not in (0, 1)");
  CHECK(what_of<std::invalid_argument>(
            [&] { return tradeoff::hypervolume_estimate(points, Eigen::ArrayXd::Ones(2), 10); }) ==
        "tradeoff::hypervolume_estimate: reference has 2x1 entries but must be a vector of size 3 (one value "
        "per column of points)");
}

TEST_CASE("E123 constant or repeated objectives: dropped (fronts) or factored out (hypervolume)") {
  Eigen::ArrayXXd points(3, 5);
  points << 0, 2, 7, 0, 7,  //
      1, 1, 7, 1, 7,        //
      2, 0, 7, 2, 7;
  CHECK((tradeoff::pareto_front(points) == tradeoff::pareto_front(points.col(0), points.col(1))).all());
  Eigen::ArrayXXd constant = points.leftCols(3);
  CHECK(tradeoff::hypervolume(constant, Eigen::ArrayXd::Constant(3, 8.0)) ==
        tradeoff::hypervolume(points.leftCols(2).eval(), Eigen::ArrayXd::Constant(2, 8.0)) * 1.0);
}

TEST_CASE("E30 a front index outside (0 / n) or on a NaN row: std::invalid_argument") {
  const Eigen::ArrayXd x = values_of({1, not_a_number});
  const Eigen::ArrayXd y = values_of({2, 1});
  Eigen::ArrayXi front(1);
  front << 2;
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::staircase(x, y, front); }) ==
        "tradeoff::staircase: front[0] = 2 is outside [0, 2)");
  front << -1;
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::lower_hull(x, y, front); }),
                 "tradeoff::lower_hull: front[0] = -1 is outside [0, 2)"));
  front << 1;
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::staircase(x, y, front); }) ==
        "tradeoff::staircase: front[0] = 1 is a row with NaN (rows with NaN are on no front)");
}

TEST_CASE("E31 an archive point of the wrong size: std::invalid_argument") {
  tradeoff::pareto_archive<> archive(2);
  CHECK(what_of<std::invalid_argument>([&] { return archive.insert({1.0, 2.0, 3.0}, 1); }) ==
        "tradeoff::pareto_archive::insert: point has 3 values but the archive has 2 dimensions");
  CHECK(contains(what_of<std::invalid_argument>([&] { return archive.insert(Eigen::ArrayXd::Zero(3), 2); }),
                 "tradeoff::pareto_archive::insert: point has 3 x 1 values but must be a vector of size 2"));
  CHECK(archive.empty());
}

// ---------------------------------------------------------------------------------------------
// Quantiles and grouped statistics

TEST_CASE("E32 a quantile level outside (0 / 1): std::domain_error naming it") {
  const Eigen::ArrayXd v = values_of({1, 2, 3});
  CHECK(what_of<std::domain_error>([&] { return tradeoff::quantile(v, 1.5); }) ==
        "tradeoff::quantile: q = 1.5 is outside [0, 1] (or NaN)");
  CHECK(contains(what_of<std::domain_error>([&] { return tradeoff::quantile(v, -0.25); }), "q = -0.25"));
  CHECK(contains(what_of<std::domain_error>([&] { return tradeoff::quantile(v, infinity); }), "q = inf"));
  const auto g = tradeoff::group_by(Eigen::ArrayXi::Zero(3).eval());
  CHECK(contains(what_of<std::domain_error>([&] { return tradeoff::quantile(g, v, 1.5); }), "tradeoff::quantile: "));
}

TEST_CASE("E33 a NaN quantile level: std::domain_error") {
  const Eigen::ArrayXd v = values_of({1, 2, 3});
  CHECK(what_of<std::domain_error>([&] { return tradeoff::quantile(v, not_a_number); }) ==
        "tradeoff::quantile: q = nan is outside [0, 1] (or NaN)");
}

TEST_CASE("E34 one bad level among several: std::domain_error naming its position") {
  const Eigen::ArrayXd v = values_of({1, 2, 3});
  CHECK(what_of<std::domain_error>([&] { return tradeoff::quantiles(v, std::vector<double>{0.5, 2.0}); }) ==
        "tradeoff::quantiles: qs[1] = 2 is outside [0, 1] (or NaN)");
  const auto g = tradeoff::group_by(Eigen::ArrayXi::Zero(3).eval());
  CHECK(contains(what_of<std::domain_error>([&] { return tradeoff::summarize(g, v, {0.5, not_a_number}); }),
                 "tradeoff::summarize: qs[1] = nan"));
}

TEST_CASE("E35 empty or all-NaN values: NaN quantile / median and IQR (no exception)") {
  const Eigen::ArrayXd empty(0);
  const Eigen::ArrayXd all_nan = values_of({not_a_number, not_a_number});
  for (const Eigen::ArrayXd* v : {&empty, &all_nan}) {
    CHECK(std::isnan(tradeoff::quantile(*v, 0.5)));
    CHECK(std::isnan(tradeoff::median(*v)));
    CHECK(std::isnan(tradeoff::iqr(*v)));
    CHECK(tradeoff::quantiles(*v, std::vector<double>{0.1, 0.9}).isNaN().all());
  }
}

TEST_CASE("E36 +-inf values: numpy's results / NaN where its lerp meets inf - inf") {
  const Eigen::ArrayXd v = values_of({1, infinity});
  CHECK(std::isnan(tradeoff::quantile(v, 0.5)));  // b - (b - a)(1 - t) = infinity - infinity
  CHECK(tradeoff::quantile(v, 0.25) == infinity);      // a + (b - a) t
  CHECK(std::isnan(tradeoff::quantile(v, 1.0)));  // numpy: lerp(infinity, infinity, 2) = NaN
  CHECK(tradeoff::quantile(v, 1.0, tradeoff::quantile_method::higher) == infinity);
  CHECK(tradeoff::median(v) == infinity);               // (1 + infinity) / 2
  CHECK(std::isnan(tradeoff::median(values_of({-infinity, infinity}))));
}

TEST_CASE("E37 a mask or values of the wrong length for a grouping: std::invalid_argument") {
  const Eigen::ArrayXi keys = values_of({1, 2, 3}).cast<int>();
  Eigen::Array<bool, Eigen::Dynamic, 1> mask(2);
  mask << true, false;
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::group_by(keys, mask); }) ==
        "tradeoff::group_by: mask has 2 entries but keys has 3");
  const auto g = tradeoff::group_by(keys);
  const Eigen::ArrayXd two = values_of({1, 2});
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::mean(g, two); }) ==
        "tradeoff::mean: values has 2 rows but the grouping has 3");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::summarize(g, two); }), "tradeoff::summarize: "));
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::median(g, two); }), "tradeoff::median: "));
}

TEST_CASE("E38 a negative ddof: std::invalid_argument") {
  const auto g = tradeoff::group_by(Eigen::ArrayXi::Zero(3).eval());
  const Eigen::ArrayXd v = values_of({1, 2, 3});
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::var(g, v, -1); }) ==
        "tradeoff::var: ddof = -1 is negative");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::stddev(g, v, -2); }), "ddof = -2 is negative"));
}

TEST_CASE("E39 an all-NaN group: count 0 / sum 0 / NaN for every other statistic") {
  const Eigen::ArrayXi keys = values_of({1, 1, 2}).cast<int>();
  const auto g = tradeoff::group_by(keys);
  const Eigen::ArrayXd v = values_of({not_a_number, not_a_number, 3});
  const auto s = tradeoff::summarize(g, v);
  CHECK(s.count(0) == 0);
  CHECK(s.size(0) == 2);
  CHECK(s.sum(0) == 0.0);
  CHECK(std::isnan(s.mean(0)));
  CHECK(std::isnan(s.min(0)));
  CHECK(std::isnan(s.max(0)));
  CHECK(std::isnan(s.median(0)));
  CHECK(s.quantiles.row(0).isNaN().all());
  CHECK(std::isnan(tradeoff::stddev(g, v)(0)));
  CHECK(s.mean(1) == 3.0);
}

TEST_CASE("E40 NaN keys: dropped (code -1) / or one last group with dropna = false") {
  const Eigen::ArrayXd keys = values_of({1, not_a_number, 1, 0});
  const auto dropped = tradeoff::group_by(keys);
  CHECK(dropped.groups() == 2);
  CHECK(dropped.codes()(1) == -1);
  tradeoff::group_options keep;
  keep.dropna = false;
  const auto kept = tradeoff::group_by(keys, keep);
  REQUIRE(kept.groups() == 3);
  CHECK(std::isnan(kept.keys()(2)));
  CHECK(kept.codes()(1) == 2);
}

// ---------------------------------------------------------------------------------------------
// Serving model and KV cache

TEST_CASE("E41 a cache per sequence of 0 / negative or NaN: std::invalid_argument naming it") {
  const Eigen::ArrayXd budgets = values_of({500, 1000});
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::aggregate_throughput(budgets, 0.0, 90.0); }) ==
        "tradeoff::aggregate_throughput: argument 'cache_per_seq' must be finite and positive (got 0)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::aggregate_throughput(budgets, -1.0, 90.0); }),
                 "'cache_per_seq' must be finite and positive (got -1)"));
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::aggregate_throughput(budgets, not_a_number, 90.0); }),
                 "'cache_per_seq' must be finite and positive (got nan)"));
}

TEST_CASE("E42 a negative / NaN or infinite budget: std::invalid_argument naming the index") {
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::aggregate_throughput(values_of({1, -2}), 1.0, 1.0);
        }) == "tradeoff::aggregate_throughput: argument 'budgets' must be finite and non-negative (got -2 at index 1)");
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::throughput_band(values_of({not_a_number}), 1, 2, 1, 2);
                 }),
                 "tradeoff::throughput_band: argument 'budgets'"));
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::throughput_ratio(values_of({infinity}), 1, 1, 1, 1);
                 }),
                 "tradeoff::throughput_ratio: argument 'budgets'"));
}

TEST_CASE("E43 a budget grid with a bound <= 0 or a negative count: std::invalid_argument") {
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::log_budgets(0, 80000, 300); }) ==
        "tradeoff::log_budgets: argument 'lo' must be finite and positive (got 0)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::log_budgets(500, -1, 300); }),
                 "argument 'hi' must be finite and positive"));
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::log_budgets(500, 80000, -1); }) ==
        "tradeoff::log_budgets: argument 'n' must be non-negative (got -1)");
  CHECK(tradeoff::log_budgets(500, 80000, 0).size() == 0);
}

TEST_CASE("E44 quartiles out of order (q1 > q3): std::invalid_argument") {
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::throughput_band(values_of({1}), 2, 1, 1, 2); }) ==
        "tradeoff::throughput_band: argument 'tps_q1' must not exceed tps_q3 (got 2 > 1)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::throughput_band(values_of({1}), 1, 2, 3, 2); }),
                 "argument 'cache_q1' must not exceed cache_q3"));
}

TEST_CASE("E45 a baseline cache or throughput of 0: std::invalid_argument (no division by zero)") {
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::throughput_ratio(1, 1, 0, 1); }) ==
        "tradeoff::throughput_ratio: argument 'baseline_cache' must be finite and positive (got 0)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::throughput_ratio(1, 1, 1, 0); }),
                 "argument 'baseline_tps' must be finite and positive (got 0)"));
}

TEST_CASE("E46 zero or negative heads / head size or RoPE size: std::invalid_argument") {
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::kv_layout::mha(0, 64); }) ==
        "tradeoff::kv_layout::mha: argument 'n_heads' must be positive (got 0)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::kv_layout::gqa(-1, 64); }),
                 "tradeoff::kv_layout::gqa: argument 'n_kv_heads' must be positive (got -1)"));
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::kv_layout::mqa(0); }),
                 "argument 'head_dim' must be positive"));
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::kv_layout::mla(512, -1); }),
                 "tradeoff::kv_layout::mla: argument 'rope_dim' must be non-negative (got -1)"));
}

TEST_CASE("E47 negative layers or zero bytes per element: std::invalid_argument") {
  const auto layout = tradeoff::kv_layout::mha(8, 64);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::kv_bytes_per_token(layout, -3, 2); }) ==
        "tradeoff::kv_bytes_per_token: argument 'n_layers' must be positive (got -3)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::kv_bytes_per_token(layout, 3, 0); }),
                 "argument 'bytes_per_element' must be positive (got 0)"));
}

TEST_CASE("E48 a KV size beyond int64: std::domain_error instead of a wrapped count") {
  const auto layout = tradeoff::kv_layout::mha(std::int64_t{1} << 40, std::int64_t{1} << 20);
  CHECK(contains(what_of<std::domain_error>([&] { return tradeoff::kv_bytes_per_token(layout, 1000, 8); }),
                 "tradeoff::kv_bytes_per_token: byte count overflows std::int64_t"));
}

TEST_CASE("E49 a GPU memory utilisation outside (0 / 1): std::invalid_argument") {
  auto engine = small_engine();
  engine.gpu_memory_utilization = 1.5;
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::kv_capacity(small_model(), tradeoff::gpu_spec::h100_sxm(), engine);
        }) == "tradeoff::kv_capacity: argument 'engine.gpu_memory_utilization' must lie in (0, 1] (got 1.5)");
  engine.gpu_memory_utilization = 0.0;
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::kv_capacity(small_model(), tradeoff::gpu_spec::h100_sxm(), engine);
                 }),
                 "'engine.gpu_memory_utilization' must lie in (0, 1] (got 0)"));
}

TEST_CASE("E50 a block size or model length of 0: std::invalid_argument (no division by zero)") {
  auto engine = small_engine();
  engine.block_size = 0;
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::kv_capacity(small_model(), tradeoff::gpu_spec::h100_sxm(), engine);
        }) == "tradeoff::kv_capacity: argument 'engine.block_size' must be positive (got 0)");
  engine = small_engine();
  engine.max_model_len = 0;
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::kv_capacity(small_model(), tradeoff::gpu_spec::h100_sxm(), engine);
                 }),
                 "'engine.max_model_len' must be positive (got 0)"));
}

TEST_CASE("E51 a GPU with no memory / or a model with no layers: std::invalid_argument") {
  auto gpu = tradeoff::gpu_spec::h100_sxm();
  gpu.memory_bytes = 0.0;
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::kv_capacity(small_model(), gpu, small_engine()); }) ==
        "tradeoff::kv_capacity: argument 'gpu.memory_bytes' must be finite and positive (got 0)");
  auto model = small_model();
  model.n_layers = 0;
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::kv_capacity(model, tradeoff::gpu_spec::h100_sxm(), small_engine());
                 }),
                 "'model.n_layers' must be positive (got 0)"));
}

TEST_CASE("E52 weights larger than the GPU: zero capacity / flagged (no exception)") {
  auto model = small_model();
  model.weight_bytes = 1e12;
  const auto capacity = tradeoff::kv_capacity(model, tradeoff::gpu_spec::h100_sxm(), small_engine());
  CHECK_FALSE(capacity.fits_weights);
  CHECK(capacity.kv_memory_bytes == 0);
  CHECK(capacity.num_blocks == 0);
  CHECK(capacity.concurrent_sequences == 0);
  CHECK(capacity.limited_by == tradeoff::capacity_limit::no_kv_memory);
}

TEST_CASE("E53 a negative KV budget: std::invalid_argument") {
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::kv_capacity_for_kv_memory(small_model(), -1.0, small_engine());
        }) == "tradeoff::kv_capacity_for_kv_memory: argument 'kv_budget_bytes' must be finite and non-negative (got -1)");
}

TEST_CASE("E54 a grouping edited by hand is impossible: its parts are read-only and only group_by builds one") {
  using grouping = tradeoff::grouping<Eigen::ArrayXi>;
  static_assert(!std::is_constructible_v<grouping, Eigen::ArrayXi, Eigen::ArrayXi, Eigen::ArrayXi>);
  static_assert(std::is_same_v<decltype(std::declval<grouping&>().codes()), const Eigen::ArrayXi&>);
  static_assert(std::is_same_v<decltype(std::declval<grouping&>().sizes()), const Eigen::ArrayXi&>);
  static_assert(std::is_same_v<decltype(std::declval<grouping&>().keys()), const Eigen::ArrayXi&>);
  const Eigen::ArrayXi keys = values_of({1, 2, 3}).cast<int>();
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::mean(tradeoff::group_by(keys), values_of({1, 2})); }) ==
        "tradeoff::mean: values has 2 rows but the grouping has 3");
}

// ---- issue 21 (E100-E119) ----

TEST_CASE("E100 an out-of-range enum value: std::invalid_argument naming the argument") {
  const Eigen::ArrayXd x = values_of({1, 2, 3});
  const Eigen::ArrayXd y = values_of({3, 2, 1});
  const auto bad_sense = static_cast<tradeoff::sense>(7);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::pareto_front(x, y, bad_sense); }) ==
        "tradeoff::pareto_front: argument 'sense_x' = 7 is not a tradeoff::sense (use sense::minimize or "
        "sense::maximize)");
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::pareto_ranks(x, y, tradeoff::sense::minimize, bad_sense);
                 }),
                 "tradeoff::pareto_ranks: argument 'sense_y' = 7"));
  Eigen::ArrayXXd points(3, 2);
  points << 1, 3, 2, 2, 3, 1;
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::pareto_front(points, {tradeoff::sense::minimize, bad_sense});
                 }),
                 "tradeoff::pareto_front: argument 'senses[1]' = 7"));
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::hypervolume(points, Eigen::Vector2d(4, 4), {bad_sense, bad_sense});
                 }),
                 "argument 'senses[0]' = 7"));
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::pareto_archive(2, {bad_sense, tradeoff::sense::maximize});
                 }),
                 "tradeoff::pareto_archive: argument 'senses[0]' = 7"));
  const Eigen::ArrayXi front = tradeoff::pareto_front(x, y);
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::lower_hull(x, y, front, bad_sense); }),
                 "tradeoff::lower_hull: argument 'sense_x' = 7"));
  const auto bad_keep = static_cast<tradeoff::duplicates>(-1);
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::pareto_front(x, y, tradeoff::sense::minimize, tradeoff::sense::minimize, bad_keep);
        }) == "tradeoff::pareto_front: argument 'keep' = -1 is not a tradeoff::duplicates (use duplicates::keep_all or "
              "duplicates::keep_first)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::pareto_front(points, {}, bad_keep); }),
                 "tradeoff::pareto_front: argument 'keep' = -1"));
  const auto bad_method = static_cast<tradeoff::quantile_method>(99);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::quantile(x, 0.5, bad_method); }) ==
        "tradeoff::quantile: argument 'method' = 99 is not a tradeoff::quantile_method (use one of numpy's 13 "
        "methods, quantile_method::inverted_cdf ... quantile_method::nearest)");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::quantiles(x, {0.5}, bad_method); }),
                 "tradeoff::quantiles: argument 'method' = 99"));
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::iqr(x, bad_method); }),
                 "tradeoff::iqr: argument 'method' = 99"));
  const auto g = tradeoff::group_by(x);
  for (const char* name : {"quantile", "quantiles", "pandas_groupby_quantile", "pandas_groupby_quantiles", "iqr",
                           "summarize"}) {
    const std::string message = what_of<std::invalid_argument>([&]() -> Eigen::ArrayXXd {
      const std::string n = name;
      if (n == "quantile") return tradeoff::quantile(g, x, 0.5, bad_method);
      if (n == "quantiles") return tradeoff::quantiles(g, x, {0.5}, bad_method);
      if (n == "pandas_groupby_quantile") return tradeoff::pandas_groupby_quantile(g, x, 0.5, bad_method);
      if (n == "pandas_groupby_quantiles") return tradeoff::pandas_groupby_quantiles(g, x, {0.5}, bad_method);
      if (n == "iqr") return tradeoff::iqr(g, x, bad_method);
      return tradeoff::summarize(g, x, {0.5}, bad_method).quantiles;
    });
    CHECK_MESSAGE(contains(message, std::string("tradeoff::") + name + ": argument 'method' = 99"), message);
  }
  tradeoff::kv_layout layout = tradeoff::kv_layout::mha(8, 64);
  layout.kind = static_cast<tradeoff::attention_kind>(9);
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::kv_elements_per_token_per_layer(layout); }),
                 "tradeoff::kv_elements_per_token_per_layer: argument 'layout.kind' = 9 is not a "
                 "tradeoff::attention_kind"));
}

TEST_CASE("E100 out-of-range enums of the statistics and the reader: rejected where they used to act as a default") {
  const Eigen::ArrayXd x = values_of({1, 2, 3, 4, 5});
  const Eigen::ArrayXd y = values_of({2, 3, 4, 5, 7});
  tradeoff::mann_whitney_options test;
  test.alternative = static_cast<tradeoff::alternative>(9);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::mann_whitney_u(x, y, test); }) ==
        "tradeoff::mann_whitney_u: argument 'options.alternative' = 9 is not a tradeoff::alternative (use "
        "alternative::two_sided, less or greater)");
  test = {};
  test.method = static_cast<tradeoff::rank_test_method>(-1);
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::mann_whitney_u(x, y, test); }),
                 "tradeoff::mann_whitney_u: argument 'options.method' = -1 is not a tradeoff::rank_test_method"));
  tradeoff::bootstrap_options bootstrap;
  bootstrap.resamples = 99;
  bootstrap.method = static_cast<tradeoff::interval_method>(3);
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::bootstrap_interval(x, tradeoff::statistic::median(), bootstrap);
        }) == "tradeoff::bootstrap_interval: argument 'options.method' = 3 is not a tradeoff::interval_method (use "
              "interval_method::percentile, basic or bca)");
  const auto g = tradeoff::group_by(values_of({1, 1, 1, 2, 2}));
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::bootstrap_interval(g, x, tradeoff::statistic::mean(), bootstrap).low;
                 }),
                 "argument 'options.method' = 3"));
  bootstrap.method = tradeoff::interval_method::percentile;
  const auto bad_how = static_cast<tradeoff::comparison>(2);
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::bootstrap_interval(x, y, tradeoff::statistic::median(), bad_how, bootstrap);
        }) == "tradeoff::bootstrap_interval: argument 'how' = 2 is not a tradeoff::comparison (use "
              "comparison::difference or comparison::ratio)");
  const Eigen::ArrayXXi rows = Eigen::ArrayXXi::Zero(3, 5);
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::bootstrap_interval_from_indices(x, y, tradeoff::statistic::median(), bad_how, rows,
                                                                    rows, bootstrap);
                 }),
                 "tradeoff::bootstrap_interval_from_indices: argument 'how' = 2"));
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::tied_for_best(g, x, static_cast<tradeoff::sense>(7)).best;
                 }),
                 "tradeoff::tied_for_best: argument 'direction' = 7 is not a tradeoff::sense"));
  tradeoff::tied_for_best_options best;
  best.method = static_cast<tradeoff::rank_test_method>(5);
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::tied_for_best(g, x, tradeoff::sense::minimize, best).best;
                 }),
                 "tradeoff::tied_for_best: argument 'options.method' = 5"));
  std::istringstream in("a\n1.5\n");
  const tradeoff::table table = tradeoff::read_csv(in, "enum.csv");
  CHECK(what_of<std::invalid_argument>([&] {
          return table.numeric("a", static_cast<tradeoff::float_precision>(2));
        }) == "tradeoff::table::numeric: argument 'precision' = 2 is not a tradeoff::float_precision (use "
              "float_precision::pandas or float_precision::round_trip)");
}

TEST_CASE("E101 group_by of an expression with more than INT_MAX rows: rejected before it is evaluated") {
  // A nullary expression costs no memory; evaluating it would allocate 16 GiB.
  const Eigen::Index rows = Eigen::Index{INT_MAX} + 1;
  const auto keys = Eigen::ArrayXd::Constant(rows, 1.0);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::group_by(keys); }) ==
        "tradeoff::group_by: 2147483648 rows exceed the 32-bit group codes");
  const auto mask = Eigen::Array<bool, Eigen::Dynamic, 1>::Constant(rows, true);
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::group_by(keys, mask); }),
                 "tradeoff::group_by: 2147483648 rows exceed"));
}

TEST_CASE("E102 budgets and batches of the serving models: any Eigen vector is taken and a matrix is refused") {
  const Eigen::VectorXd budgets = Eigen::VectorXd::LinSpaced(4, 0.0, 3e9);
  const Eigen::ArrayXd as_array = budgets.array();
  const auto h100 = tradeoff::gpu_spec::h100_sxm();
  CHECK((tradeoff::aggregate_throughput(budgets, 2.0, 5.0) == tradeoff::aggregate_throughput(as_array, 2.0, 5.0)).all());
  CHECK((tradeoff::throughput_ratio(budgets.transpose(), 2.0, 5.0, 4.0, 5.0).isNaN() ==
         tradeoff::throughput_ratio(as_array, 2.0, 5.0, 4.0, 5.0).isNaN())
            .all());
  CHECK((tradeoff::serving_throughput_curve(budgets, small_model(), h100, small_engine()).tokens_per_second ==
         tradeoff::serving_throughput_curve(as_array, small_model(), h100, small_engine()).tokens_per_second)
            .all());
  const Eigen::VectorXd batches = Eigen::VectorXd::LinSpaced(3, 1.0, 3.0);
  CHECK((tradeoff::decode_step_time(small_model(), h100, small_engine(), batches) ==
         tradeoff::decode_step_time(small_model(), h100, small_engine(), batches.array()))
            .all());
  const Eigen::MatrixXd square = Eigen::MatrixXd::Constant(2, 2, 1e9);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::aggregate_throughput(square, 2.0, 5.0); }) ==
        "tradeoff::aggregate_throughput: argument 'budgets' must be a vector, got 2 x 2");
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::serving_throughput_curve(square, small_model(), h100, small_engine());
        }) == "tradeoff::serving_throughput_curve: argument 'budgets' must be a vector, got 2 x 2");
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::decode_step_time(small_model(), h100, small_engine(), square);
        }) == "tradeoff::decode_step_time: argument 'batches' must be a vector, got 2 x 2");
}

// ---- bootstrap.hpp (E80-E89) ----

namespace {

tradeoff::bootstrap_options quick_bootstrap(tradeoff::interval_method method = tradeoff::interval_method::bca) {
  tradeoff::bootstrap_options options;
  options.resamples = 50;
  options.method = method;
  return options;
}

}  // namespace

TEST_CASE("E80 a confidence level outside (0 1) or NaN: std::domain_error") {
  const Eigen::ArrayXd v = values_of({1, 2, 3});
  for (const double level : {0.0, 1.0, 1.5, -0.2, not_a_number}) {
    tradeoff::bootstrap_options options = quick_bootstrap();
    options.confidence_level = level;
    const std::string message =
        what_of<std::domain_error>([&] { return tradeoff::bootstrap_interval(v, tradeoff::statistic::mean(), options); });
    CHECK(contains(message, "tradeoff::bootstrap_interval: confidence_level = "));
    CHECK(contains(message, " is outside (0, 1)"));
  }
  tradeoff::bootstrap_options options = quick_bootstrap();
  options.confidence_level = 1.5;
  CHECK(what_of<std::domain_error>([&] { return tradeoff::bootstrap_interval(v, tradeoff::statistic::mean(), options); }) ==
        "tradeoff::bootstrap_interval: confidence_level = 1.5 is outside (0, 1)");
}

TEST_CASE("E81 zero or negative resamples: std::invalid_argument") {
  const Eigen::ArrayXd v = values_of({1, 2, 3});
  tradeoff::bootstrap_options options = quick_bootstrap();
  options.resamples = 0;
  CHECK(what_of<std::invalid_argument>(
            [&] { return tradeoff::bootstrap_interval(v, tradeoff::statistic::median(), options); }) ==
        "tradeoff::bootstrap_interval: resamples = 0 must be positive");
  options.resamples = -5;
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::bootstrap_interval(v, v, tradeoff::statistic::median(), tradeoff::comparison::ratio,
                                              options);
        }) == "tradeoff::bootstrap_interval: resamples = -5 must be positive");
}

TEST_CASE("E82 fewer than two valid values: std::invalid_argument") {
  const Eigen::ArrayXd one = values_of({not_a_number, 4.0, not_a_number});
  const Eigen::ArrayXd none(0);
  const Eigen::ArrayXd fine = values_of({1, 2, 3});
  CHECK(what_of<std::invalid_argument>(
            [&] { return tradeoff::bootstrap_interval(one, tradeoff::statistic::mean(), quick_bootstrap()); }) ==
        "tradeoff::bootstrap_interval: values has 1 valid (non-NaN) value; a bootstrap needs at least 2");
  CHECK(what_of<std::invalid_argument>(
            [&] { return tradeoff::bootstrap_interval(none, tradeoff::statistic::mean(), quick_bootstrap()); }) ==
        "tradeoff::bootstrap_interval: values has 0 valid (non-NaN) values; a bootstrap needs at least 2");
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::bootstrap_interval(fine, one, tradeoff::statistic::mean(),
                                              tradeoff::comparison::difference, quick_bootstrap());
        }) == "tradeoff::bootstrap_interval: y has 1 valid (non-NaN) value; a bootstrap needs at least 2");
}

TEST_CASE("E83 values of the wrong length for a grouping: std::invalid_argument") {
  const Eigen::ArrayXi keys = values_of({1, 1, 2}).cast<int>();
  const auto g = tradeoff::group_by(keys);
  const Eigen::ArrayXd v = values_of({1, 2});
  CHECK(what_of<std::invalid_argument>(
            [&] { return tradeoff::bootstrap_interval(g, v, tradeoff::statistic::median(), quick_bootstrap()); }) ==
        "tradeoff::bootstrap_interval: values has 2 rows but the grouping has 3");
}

TEST_CASE("E84 a group with fewer than two valid values: NaN endpoints (no exception)") {
  const Eigen::ArrayXi keys = values_of({1, 2, 2, 3, 3}).cast<int>();
  const auto g = tradeoff::group_by(keys);
  const Eigen::ArrayXd v = values_of({5, 1, 2, not_a_number, not_a_number});
  const auto result = tradeoff::bootstrap_interval(g, v, tradeoff::statistic::median(), quick_bootstrap());
  CHECK(result.count(0) == 1);
  CHECK(std::isnan(result.low(0)));
  CHECK(std::isnan(result.high(0)));
  CHECK(result.estimate(0) == doctest::Approx(5.0));
  CHECK(result.count(2) == 0);
  CHECK(std::isnan(result.estimate(2)));
  CHECK(result.count(1) == 2);
  CHECK(std::isfinite(result.standard_error(1)));
}

TEST_CASE("E85 a resample index matrix of the wrong shape or with an index out of range: std::invalid_argument") {
  const Eigen::ArrayXd v = values_of({1, not_a_number, 2, 3});  // 3 valid values
  Eigen::ArrayXXi wrong_width = Eigen::ArrayXXi::Zero(2, 4);
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::bootstrap_interval_from_indices(v, tradeoff::statistic::mean(), wrong_width);
        }) == "tradeoff::bootstrap_interval_from_indices: indices has 4 columns but the sample has 3 valid (non-NaN) "
              "values");
  Eigen::ArrayXXi outside = Eigen::ArrayXXi::Zero(2, 3);
  outside(1, 2) = 3;
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::bootstrap_interval_from_indices(v, tradeoff::statistic::mean(), outside);
        }) == "tradeoff::bootstrap_interval_from_indices: indices(1, 2) = 3 is outside [0, 3)");
  outside(1, 2) = -1;
  CHECK(contains(what_of<std::invalid_argument>([&] {
                   return tradeoff::bootstrap_interval_from_indices(v, tradeoff::statistic::mean(), outside);
                 }),
                 "indices(1, 2) = -1 is outside [0, 3)"));
  const Eigen::ArrayXXi no_rows(0, 3);
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::bootstrap_interval_from_indices(v, tradeoff::statistic::mean(), no_rows);
        }) == "tradeoff::bootstrap_interval_from_indices: indices has no rows (one row per resample is needed)");
  const Eigen::ArrayXXi three_rows = Eigen::ArrayXXi::Zero(3, 3);
  const Eigen::ArrayXXi two_rows = Eigen::ArrayXXi::Zero(2, 3);
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::bootstrap_interval_from_indices(v, v, tradeoff::statistic::mean(),
                                                           tradeoff::comparison::difference, three_rows, two_rows);
        }) == "tradeoff::bootstrap_interval_from_indices: x_indices has 3 rows but y_indices has 2 (one row per "
              "resample in both)");
}

TEST_CASE("E86 a quantile statistic with a level outside (0 1): std::domain_error") {
  const Eigen::ArrayXd v = values_of({1, 2, 3});
  CHECK(what_of<std::domain_error>([&] {
          return tradeoff::bootstrap_interval(v, tradeoff::statistic::quantile(1.5), quick_bootstrap());
        }) == "tradeoff::bootstrap_interval: statistic.level = 1.5 is outside [0, 1] (or NaN)");
}

TEST_CASE("E87 a negative ddof for the standard deviation: std::invalid_argument") {
  const Eigen::ArrayXd v = values_of({1, 2, 3});
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::bootstrap_interval(v, tradeoff::statistic::standard_deviation(-1), quick_bootstrap());
        }) == "tradeoff::bootstrap_interval: statistic.ddof = -1 is negative");
}

TEST_CASE("E88 all-equal values: a point interval for percentile and basic and NaN for BCa (no exception)") {
  const Eigen::ArrayXd same = values_of({3, 3, 3, 3});
  const auto percentile = tradeoff::bootstrap_interval(same, tradeoff::statistic::mean(),
                                                       quick_bootstrap(tradeoff::interval_method::percentile));
  CHECK(percentile.low == doctest::Approx(3.0));
  CHECK(percentile.high == doctest::Approx(3.0));
  const auto bca = tradeoff::bootstrap_interval(same, tradeoff::statistic::mean(), quick_bootstrap());
  CHECK(std::isnan(bca.low));
  CHECK(std::isnan(bca.high));
  CHECK(bca.estimate == doctest::Approx(3.0));
}

TEST_CASE("E89 a ratio whose denominator statistic is 0: numpy's inf and NaN (no exception)") {
  const Eigen::ArrayXd x = values_of({1, 2, 3});
  const Eigen::ArrayXd zeros = values_of({0, 0, 0});
  const auto interval = tradeoff::bootstrap_interval(x, zeros, tradeoff::statistic::median(),
                                                     tradeoff::comparison::ratio,
                                                     quick_bootstrap(tradeoff::interval_method::percentile));
  CHECK(std::isinf(interval.estimate));
  CHECK(std::isnan(interval.low));  // numpy's lerp of inf and inf
  CHECK(std::isnan(interval.high));
}

// ---- quantile_interval.hpp (E90-E91) ----

TEST_CASE("E90 a quantile or confidence level outside (0 1) for an order-statistic interval: std::domain_error") {
  const Eigen::ArrayXd v = values_of({1, 2, 3});
  CHECK(what_of<std::domain_error>([&] { return tradeoff::quantile_interval(v, 1.0); }) ==
        "tradeoff::quantile_interval: level = 1 is outside (0, 1)");
  CHECK(what_of<std::domain_error>([&] { return tradeoff::quantile_interval(v, not_a_number); }) ==
        "tradeoff::quantile_interval: level = nan is outside (0, 1)");
  CHECK(what_of<std::domain_error>([&] { return tradeoff::median_interval(v, 0.0); }) ==
        "tradeoff::median_interval: confidence_level = 0 is outside (0, 1)");
}

TEST_CASE("E91 no valid values for an order-statistic interval: std::invalid_argument and infinite bounds when n is small") {
  const Eigen::ArrayXd nothing = values_of({not_a_number, not_a_number});
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::median_interval(nothing); }) ==
        "tradeoff::median_interval: values has no valid (non-NaN) value");
  const auto small = tradeoff::median_interval(values_of({4, 1, 3}));  // 3 values cannot reach 95 %
  CHECK(small.lower_rank == 0);
  CHECK(small.upper_rank == 4);
  CHECK(std::isinf(small.low));
  CHECK(std::isinf(small.high));
  CHECK(small.coverage == doctest::Approx(1.0));
}

// ---- rank_test.hpp (E92-E93) ----

TEST_CASE("E92 a rank-test sample with no valid value: std::invalid_argument") {
  const Eigen::ArrayXd fine = values_of({1, 2, 3});
  const Eigen::ArrayXd nothing = values_of({not_a_number});
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::mann_whitney_u(fine, nothing); }) ==
        "tradeoff::mann_whitney_u: y has no valid (non-NaN) value");
  const Eigen::ArrayXd empty(0);
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::cliffs_delta(empty, fine); }) ==
        "tradeoff::cliffs_delta: x has no valid (non-NaN) value");
  CHECK(contains(what_of<std::invalid_argument>([&] { return tradeoff::hodges_lehmann_shift(fine, empty); }),
                 "tradeoff::hodges_lehmann_shift: y has no valid"));
}

TEST_CASE("E93 a p-value outside (0 1) for Holm's correction: std::domain_error") {
  CHECK(what_of<std::domain_error>([&] { return tradeoff::holm_adjust(values_of({0.2, 1.5})); }) ==
        "tradeoff::holm_adjust: p_values(1) = 1.5 is outside [0, 1]");
  const Eigen::ArrayXd with_nan = tradeoff::holm_adjust(values_of({0.2, not_a_number}));
  CHECK(std::isnan(with_nan(1)));  // NaN is not an error: it stays NaN and is not counted
  CHECK(with_nan(0) == doctest::Approx(0.2));
}

// ---- tied_for_best.hpp (E94) ----

TEST_CASE("E94 a significance level outside (0 1) for tied_for_best: std::domain_error") {
  const Eigen::ArrayXi keys = values_of({1, 1, 2, 2}).cast<int>();
  const Eigen::ArrayXd v = values_of({1, 2, 3, 4});
  tradeoff::tied_for_best_options options;
  options.level = 1.0;
  CHECK(what_of<std::domain_error>([&] {
          return tradeoff::tied_for_best(tradeoff::group_by(keys), v, tradeoff::sense::minimize, options);
        }) == "tradeoff::tied_for_best: level = 1 is outside (0, 1)");
  options.level = 0.05;
  CHECK(what_of<std::invalid_argument>([&] {
          return tradeoff::tied_for_best(tradeoff::group_by(keys), values_of({1, 2}), tradeoff::sense::minimize,
                                         options);
        }) == "tradeoff::tied_for_best: values has 2 rows but the grouping has 4");
}

TEST_CASE("E95 throughput-ratio columns of different lengths or too few complete rows: std::invalid_argument") {
  const Eigen::ArrayXd t = values_of({90, 91, 89});
  const Eigen::ArrayXd c = values_of({20, 21});
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::bootstrap_throughput_ratio(t, c, t, t); }) ==
        "tradeoff::bootstrap_throughput_ratio: throughput_a has 3 rows but cache_a has 2");
  const Eigen::ArrayXd gaps = values_of({20, not_a_number, not_a_number});
  CHECK(what_of<std::invalid_argument>([&] { return tradeoff::bootstrap_throughput_ratio(t, t, t, gaps); }) ==
        "tradeoff::bootstrap_throughput_ratio: throughput_b has 1 valid (non-NaN) value; a bootstrap needs at least 2");
}

TEST_CASE("E96 a Hodges-Lehmann confidence level outside (0 1) or too few pairs") {
  const Eigen::ArrayXd x = values_of({1, 2, 3});
  CHECK(what_of<std::domain_error>([&] { return tradeoff::hodges_lehmann_interval(x, x, 1.0); }) ==
        "tradeoff::hodges_lehmann_interval: confidence_level = 1 is outside (0, 1)");
  const auto few = tradeoff::hodges_lehmann_interval(values_of({1, 2}), values_of({0.5, 3}));  // 4 pairs
  CHECK(few.rank == 0);
  CHECK(std::isinf(few.low));
  CHECK(std::isinf(few.high));
  CHECK(few.coverage == doctest::Approx(1.0));
}
