// result_table and its writers (tradeoff/result_table.hpp) against pandas 1.5.3's to_csv,
// to_markdown (tabulate 0.8.9) and json.dumps (tests/golden/make_golden_result_table.py), and
// CSV written then read back by read_csv bit for bit.
#include <tradeoff/csv.hpp>
#include <tradeoff/result_table.hpp>
#include <tradeoff/serving.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string unhex(const std::string& hex) {
  std::string out;
  if (hex == "-") return out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

struct golden_input {
  Eigen::ArrayXd real;
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> integer;
  Eigen::Array<bool, Eigen::Dynamic, 1> flag;
  std::vector<std::string> text;
};

golden_input load() {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_result_table/input.txt");
  std::vector<double> r;
  std::vector<std::int64_t> i;
  std::vector<bool> b;
  golden_input g;
  for (std::string real, integer, flag, text; in >> real >> integer >> flag >> text;) {
    r.push_back(real == "nan" ? std::nan("") : std::strtod(real.c_str(), nullptr));
    i.push_back(std::stoll(integer));
    b.push_back(flag == "1");
    g.text.push_back(unhex(text));
  }
  const auto n = static_cast<Eigen::Index>(r.size());
  g.real.resize(n);
  g.integer.resize(n);
  g.flag.resize(n);
  for (Eigen::Index k = 0; k < n; ++k) {
    g.real(k) = r[static_cast<std::size_t>(k)];
    g.integer(k) = i[static_cast<std::size_t>(k)];
    g.flag(k) = b[static_cast<std::size_t>(k)];
  }
  return g;
}

tradeoff::result_table golden_table(const golden_input& g) {
  tradeoff::result_table t;
  t.add("real", g.real).add("int", g.integer).add("flag", g.flag).add("text", g.text);
  return t;
}

std::vector<Eigen::Index> rows_where(const golden_input& g, bool (*keep)(const golden_input&, Eigen::Index)) {
  std::vector<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < g.real.size(); ++i) if (keep(g, i)) rows.push_back(i);
  return rows;
}

Eigen::Array<Eigen::Index, Eigen::Dynamic, 1> as_array(const std::vector<Eigen::Index>& v) {
  return Eigen::Map<const Eigen::Array<Eigen::Index, Eigen::Dynamic, 1>>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace

TEST_CASE("write_csv writes what pandas to_csv writes byte for byte") {
  const golden_input g = load();
  std::ostringstream out;
  tradeoff::write_csv(golden_table(g), out);
  CHECK(out.str() == file_text(TRADEOFF_TEST_DATA_DIR "/golden_result_table/table.csv"));
}

TEST_CASE("write_markdown writes what pandas to_markdown writes byte for byte") {
  const golden_input g = load();
  const auto rows = rows_where(g, [](const golden_input& d, Eigen::Index i) {
    return d.text[static_cast<std::size_t>(i)].find('\n') == std::string::npos;
  });
  std::ostringstream out;
  tradeoff::write_markdown(golden_table(g).take(as_array(rows)), out);
  CHECK(out.str() == file_text(TRADEOFF_TEST_DATA_DIR "/golden_result_table/table.md"));
}

TEST_CASE("write_json writes what json.dumps of to_dict records writes byte for byte") {
  const golden_input g = load();
  const auto rows = rows_where(g, [](const golden_input& d, Eigen::Index i) { return !std::isnan(d.real(i)); });
  std::ostringstream out;
  tradeoff::write_json(golden_table(g).take(as_array(rows)), out);
  CHECK(out.str() == file_text(TRADEOFF_TEST_DATA_DIR "/golden_result_table/table.json"));
}

TEST_CASE("a CSV written by write_csv reads back with read_csv to the same values bit for bit") {
  const golden_input g = load();
  const std::string path = std::string(TRADEOFF_TEST_OUTPUT_DIR) + "/result_table_round_trip.csv";
  tradeoff::write_csv(golden_table(g), path);
  tradeoff::csv_options options;
  options.quoted_newlines = true;  // one text cell holds a line break
  const tradeoff::table back = tradeoff::read_csv(path, options);
  const Eigen::ArrayXd real = back.numeric("real", tradeoff::float_precision::round_trip);
  REQUIRE(real.size() == g.real.size());
  for (Eigen::Index i = 0; i < real.size(); ++i) {
    CHECK((std::isnan(g.real(i)) ? std::isnan(real(i)) : (real(i) == g.real(i) && std::signbit(real(i)) == std::signbit(g.real(i)))));
  }
  CHECK(back.strings("text") == g.text);
  CHECK((back.booleans("flag") == g.flag).all());
  const tradeoff::result_table again = tradeoff::take_rows(back, Eigen::ArrayXi::LinSpaced(back.rows(), 0, static_cast<int>(back.rows()) - 1),
                                                           {"real", "int", "flag", "text"});
  CHECK(again.column("int").kind() == tradeoff::key_kind::integer);
  CHECK(again.column("flag").kind() == tradeoff::key_kind::boolean);
  CHECK(again.column("text").kind() == tradeoff::key_kind::text);
  CHECK((again.column("int").integers() == g.integer).all());
  std::remove(path.c_str());
}

TEST_CASE("E135 to E139 bad result tables and unwritable paths") {
  tradeoff::result_table t;
  t.add("a", Eigen::ArrayXd::Zero(3));
  // E135: a column of another length, or a name taken twice
  CHECK_THROWS_WITH_AS(t.add("b", Eigen::ArrayXd::Zero(2)),
                       "tradeoff::result_table::add: column 'b' has 2 rows but the table has 3", std::invalid_argument);
  CHECK_THROWS_WITH_AS(t.add("a", Eigen::ArrayXd::Zero(3)), "tradeoff::result_table::add: a column named 'a' exists already",
                       std::invalid_argument);
  // E137: an unknown column
  CHECK_THROWS_WITH_AS(static_cast<void>(t.select({"a", "loss"})),
                       "tradeoff::result_table::column: no column 'loss' (the columns are 'a')", std::invalid_argument);
  // E138: a row index outside the table
  CHECK_THROWS_WITH_AS(static_cast<void>(t.take(Eigen::Array2i(0, 3))),
                       "tradeoff::result_table::take: row index 3 at position 1 is outside [0, 3)", std::invalid_argument);
  // E139: an unwritable path: an error naming the path, and nothing written
  const std::string missing_dir = std::string(TRADEOFF_TEST_OUTPUT_DIR) + "/result_table_no_such_dir/out.csv";
  CHECK_THROWS_WITH_AS(tradeoff::write_csv(t, missing_dir),
                       doctest::Contains("tradeoff::write_csv: cannot write path '"), std::invalid_argument);
  CHECK_FALSE(std::ifstream(missing_dir).good());
  // a path that is a directory: the temporary is removed, the directory stays
  CHECK_THROWS_WITH_AS(tradeoff::write_json(t, TRADEOFF_TEST_OUTPUT_DIR),
                       doctest::Contains("tradeoff::write_json: cannot replace path"), std::invalid_argument);
  CHECK_FALSE(std::ifstream(std::string(TRADEOFF_TEST_OUTPUT_DIR) + ".tmp").good());
  // an existing file is replaced whole
  const std::string path = std::string(TRADEOFF_TEST_OUTPUT_DIR) + "/result_table_replaced.md";
  { std::ofstream(path) << "old content that is longer than the new one\n\n\n\n"; }
  tradeoff::write_markdown(t, path);
  CHECK(file_text(path) == "|   a |\n|----:|\n|   0 |\n|   0 |\n|   0 |\n");
  std::remove(path.c_str());
}

TEST_CASE("a serving throughput curve turns into a table of its budgets and arrays bit for bit") {
  tradeoff::serving_model model;
  model.layout = tradeoff::kv_layout::gqa(8, 128);
  model.n_layers = 32;
  model.weight_bytes = 14e9;
  model.flops_per_token = 14e9;
  tradeoff::engine_config engine;
  engine.max_model_len = 4096;
  const Eigen::ArrayXd budgets = Eigen::ArrayXd::LinSpaced(5, 10e9, 50e9);
  const tradeoff::throughput_curve curve =
      tradeoff::serving_throughput_curve(budgets, model, tradeoff::gpu_spec::h100_sxm(), engine);
  const tradeoff::result_table t = tradeoff::to_table(budgets, curve, "kv_budget_bytes");
  REQUIRE(t.rows() == 5);
  REQUIRE(t.columns() == 4);
  CHECK(t.all()[0].name() == "kv_budget_bytes");
  CHECK(t.column("kv_budget_bytes").kind() == tradeoff::key_kind::real);
  CHECK(t.column("concurrent_sequences").kind() == tradeoff::key_kind::integer);
  CHECK((t.column("kv_budget_bytes").reals() == budgets).all());
  CHECK((t.column("concurrent_sequences").integers() == curve.concurrent_sequences).all());
  CHECK((t.column("step_seconds").reals() == curve.step_seconds).all());
  CHECK((t.column("tokens_per_second").reals() == curve.tokens_per_second).all());
  // integer budgets stay integers; the default name is "budget"
  const Eigen::Array<std::int64_t, 2, 1> whole(1, 2);
  tradeoff::throughput_curve small;
  small.concurrent_sequences = Eigen::Array<std::int64_t, Eigen::Dynamic, 1>::Constant(2, 3);
  small.step_seconds = Eigen::ArrayXd::Constant(2, 0.5);
  small.tokens_per_second = Eigen::ArrayXd::Constant(2, 6.0);
  CHECK(tradeoff::to_table(whole, small).column("budget").kind() == tradeoff::key_kind::integer);
  // E230: budgets of another length than the curve's, or not a vector
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::to_table(Eigen::ArrayXd::Zero(3), small)),
                       "tradeoff::to_table: budgets has 3 values but the curve has 2 concurrent_sequences, "
                       "2 step_seconds and 2 tokens_per_second",
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::to_table(Eigen::ArrayXXd::Zero(2, 2), small)),
                       "tradeoff::to_table: budgets must be a vector, got 2 x 2", std::invalid_argument);
}
