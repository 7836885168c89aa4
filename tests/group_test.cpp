// Tests of <tradeoff/group.hpp>: golden values from pandas 1.5.3 df.groupby("key")["value"]
// (tests/golden/make_golden_stats.py), properties against per-group one-array results and
// brute-force groupings, options, edge cases and errors. Also built with -march=native
// -ffp-contract=fast (tradeoff_group_test_native); every golden comparison is bit for bit in both.
#include <tradeoff/group.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using tradeoff::quantile_method;
const double missing_value = std::numeric_limits<double>::quiet_NaN();

// Same bits, except that NaN matches any NaN and +0.0 matches -0.0.
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

template <typename A, typename B>
int count_differences(const A& got, const B& expected) {
  int differences = 0;
  for (Eigen::Index i = 0; i < expected.size(); ++i) {
    differences += same(static_cast<double>(got(i)), static_cast<double>(expected(i))) ? 0 : 1;
  }
  return differences;
}

double parse(const std::string& token) { return std::strtod(token.c_str(), nullptr); }

struct golden_table {
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> row_keys;
  Eigen::ArrayXd row_values;
  std::vector<double> lambda_levels;
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> keys;
  std::map<std::string, Eigen::ArrayXd> columns;
};

const golden_table& golden() {
  static const golden_table table = [] {
    golden_table t;
    const std::vector<tradeoff_test::golden_stats_row> rows = tradeoff_test::read_golden_stats_rows();
    t.row_keys.resize(static_cast<Eigen::Index>(rows.size()));
    t.row_values.resize(static_cast<Eigen::Index>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      t.row_keys(static_cast<Eigen::Index>(i)) = rows[i].key;
      t.row_values(static_cast<Eigen::Index>(i)) = rows[i].value;
    }
    std::ifstream grouped(TRADEOFF_TEST_DATA_DIR "/golden_stats_grouped.txt");
    REQUIRE(grouped.good());
    std::string line;
    std::vector<std::string> names;
    std::map<std::string, std::vector<double>> columns;
    while (std::getline(grouped, line)) {
      std::istringstream fields(line);
      std::string word;
      if (line.rfind("# lambda_levels ", 0) == 0) {
        fields >> word >> word;
        while (fields >> word) {
          t.lambda_levels.push_back(parse(word));
        }
      } else if (line.rfind("key ", 0) == 0) {
        while (fields >> word) {
          names.push_back(word);
        }
      } else if (!line.empty() && line[0] != '#') {
        for (const auto& name : names) {
          fields >> word;
          columns[name].push_back(parse(word));
        }
      }
    }
    for (auto& [name, column] : columns) {
      t.columns[name] = Eigen::Map<Eigen::ArrayXd>(column.data(), static_cast<Eigen::Index>(column.size()));
    }
    t.keys = t.columns.at("key").cast<std::int64_t>();
    return t;
  }();
  return table;
}

}  // namespace

TEST_CASE("group reductions equal pandas 1.5.3 groupby bit for bit (golden data)") {
  const auto& t = golden();
  const auto g = tradeoff::group_by(t.row_keys);
  REQUIRE(g.groups() == t.keys.size());
  CHECK((g.keys() == t.keys).all());
  REQUIRE(g.groups() >= 1000);
  const auto& c = t.columns;
  CHECK(count_differences(tradeoff::count(g, t.row_values), c.at("count")) == 0);
  CHECK(count_differences(tradeoff::group_sizes(g), c.at("size")) == 0);
  CHECK(count_differences(tradeoff::sum(g, t.row_values), c.at("sum")) == 0);
  CHECK(count_differences(tradeoff::mean(g, t.row_values), c.at("mean")) == 0);
  CHECK(count_differences(tradeoff::stddev(g, t.row_values), c.at("std")) == 0);
  CHECK(count_differences(tradeoff::minimum(g, t.row_values), c.at("min")) == 0);
  CHECK(count_differences(tradeoff::maximum(g, t.row_values), c.at("max")) == 0);
  CHECK(count_differences(tradeoff::median(g, t.row_values), c.at("median")) == 0);
  CHECK(count_differences(tradeoff::median(g, t.row_values), c.at("series_median")) == 0);
  for (std::size_t j = 0; j < t.lambda_levels.size(); ++j) {
    INFO("agg(lambda x: x.quantile(" << t.lambda_levels[j] << "))");
    const double level = tradeoff::pandas_level(t.lambda_levels[j]);
    CHECK(count_differences(tradeoff::quantile(g, t.row_values, level), c.at("lambda_q" + std::to_string(j))) == 0);
  }
  // All-NaN groups are in the data: count 0, sum 0 (pandas), NaN elsewhere.
  CHECK((c.at("count") == 0).count() >= 10);
}

TEST_CASE("summarize equals pandas in one pass (golden data)") {
  const auto& t = golden();
  const auto g = tradeoff::group_by(t.row_keys);
  std::vector<double> levels;
  for (const double q : t.lambda_levels) {
    levels.push_back(tradeoff::pandas_level(q));
  }
  const auto s = tradeoff::summarize(g, t.row_values, levels);
  const auto& c = t.columns;
  CHECK(count_differences(s.count, c.at("count")) == 0);
  CHECK(count_differences(s.size, c.at("size")) == 0);
  CHECK(count_differences(s.sum, c.at("sum")) == 0);
  CHECK(count_differences(s.mean, c.at("mean")) == 0);
  CHECK(count_differences(s.min, c.at("min")) == 0);
  CHECK(count_differences(s.max, c.at("max")) == 0);
  CHECK(count_differences(s.median, c.at("median")) == 0);
  REQUIRE(s.quantiles.cols() == static_cast<Eigen::Index>(levels.size()));
  CHECK(s.levels == levels);
  for (std::size_t j = 0; j < levels.size(); ++j) {
    CHECK(count_differences(s.quantiles.col(static_cast<Eigen::Index>(j)), c.at("lambda_q" + std::to_string(j))) == 0);
  }
  const auto quartiles = tradeoff::summarize(g, t.row_values);
  CHECK(quartiles.levels == std::vector<double>{0.25, 0.75});
  CHECK(count_differences(quartiles.quantiles.col(0), c.at("lambda_q2")) == 0);
  CHECK(count_differences(quartiles.quantiles.col(1), c.at("lambda_q4")) == 0);
  CHECK(count_differences(tradeoff::iqr(g, t.row_values), c.at("lambda_q4") - c.at("lambda_q2")) == 0);
}

TEST_CASE("pandas_groupby_quantile equals pandas' Cython groupby().quantile() bit for bit (golden data)") {
  const auto& t = golden();
  const auto g = tradeoff::group_by(t.row_keys);
  const auto& c = t.columns;
  const Eigen::ArrayXXd all = tradeoff::pandas_groupby_quantiles(g, t.row_values, t.lambda_levels);
  int lambda_differs = 0;
  for (std::size_t j = 0; j < t.lambda_levels.size(); ++j) {
    INFO("groupby().quantile(" << t.lambda_levels[j] << ")");
    const std::string column = "cython_q" + std::to_string(j);
    CHECK(count_differences(all.col(static_cast<Eigen::Index>(j)), c.at(column)) == 0);
    CHECK(count_differences(tradeoff::pandas_groupby_quantile(g, t.row_values, t.lambda_levels[j]), c.at(column)) == 0);
    lambda_differs += count_differences(c.at(column), c.at("lambda_q" + std::to_string(j)));
  }
  MESSAGE("pandas' Cython groupby quantile and the lambda path differ in " << lambda_differs << " of "
                                                                          << 8 * g.groups() << " golden values");
  CHECK(lambda_differs > 0);  // the two pandas paths really differ, so both matches mean something
  for (const int j : {1, 4}) {
    for (const char* name : {"lower", "higher", "midpoint", "nearest"}) {
      INFO(name << " at " << t.lambda_levels[static_cast<std::size_t>(j)]);
      const auto got = tradeoff::pandas_groupby_quantile(g, t.row_values, t.lambda_levels[static_cast<std::size_t>(j)],
                                                         tradeoff::parse_quantile_method(name));
      CHECK(count_differences(got, c.at(std::string("cython_") + name + "_q" + std::to_string(j))) == 0);
    }
  }
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::pandas_groupby_quantile(g, t.row_values, 0.5, quantile_method::hazen)),
                       doctest::Contains("no interpolation \"hazen\""), std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::pandas_groupby_quantile(g, t.row_values, 1.5)), std::domain_error);
}

TEST_CASE("grouped quantiles equal the one-array functions on each group / for every method") {
  std::mt19937_64 rng(11);
  const int rows = 20000;
  Eigen::ArrayXi keys(rows);
  Eigen::ArrayXd values(rows);
  std::uniform_int_distribution<int> key(-40, 40);
  std::uniform_int_distribution<int> grid(0, 9);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::bernoulli_distribution missing(0.15);
  for (Eigen::Index i = 0; i < rows; ++i) {
    keys(i) = key(rng) * (key(rng) > 30 ? 1 : 2);  // uneven group sizes, some groups large
    values(i) = missing(rng) ? missing_value : (i % 2 == 0 ? static_cast<double>(grid(rng)) : normal(rng));
  }
  const Eigen::ArrayXd before = values;
  const auto g = tradeoff::group_by(keys);
  const std::vector<double> levels = {0.0, 0.25, 0.5, 1.0 / 3.0, 0.75, 0.9, 1.0};
  for (auto method : {quantile_method::inverted_cdf, quantile_method::averaged_inverted_cdf,
                      quantile_method::closest_observation, quantile_method::interpolated_inverted_cdf,
                      quantile_method::hazen, quantile_method::weibull, quantile_method::linear,
                      quantile_method::median_unbiased, quantile_method::normal_unbiased, quantile_method::lower,
                      quantile_method::higher, quantile_method::midpoint, quantile_method::nearest}) {
    const Eigen::ArrayXXd grouped = tradeoff::quantiles(g, values, levels, method);
    for (Eigen::Index j = 0; j < g.groups(); ++j) {
      std::vector<double> members;
      for (Eigen::Index i = 0; i < rows; ++i) {
        if (g.codes()(i) == j) {
          members.push_back(values(i));
        }
      }
      const Eigen::ArrayXd alone = tradeoff::quantiles(
          Eigen::Map<Eigen::ArrayXd>(members.data(), static_cast<Eigen::Index>(members.size())), levels, method);
      REQUIRE(count_differences(grouped.row(j).transpose(), alone) == 0);
    }
  }
  CHECK((values.isNaN() == before.isNaN()).all());
  CHECK((values.isNaN() || values == before).all());
}

TEST_CASE("group_by: integer keys — direct indexing and hashing agree - sort and first-appearance order") {
  std::mt19937_64 rng(3);
  const int rows = 5000;
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> narrow(rows);
  std::uniform_int_distribution<int> key(0, 60);
  for (Eigen::Index i = 0; i < rows; ++i) {
    narrow(i) = key(rng) - 30;
  }
  // The same groups with keys spread over a huge range (hash path).
  const Eigen::Array<std::int64_t, Eigen::Dynamic, 1> wide = narrow * std::int64_t{1000000000007};
  const auto a = tradeoff::group_by(narrow);
  const auto b = tradeoff::group_by(wide);
  CHECK((a.codes() == b.codes()).all());
  const auto gapped = tradeoff::group_by(narrow * std::int64_t{3});  // direct indexing, absent keys in range
  CHECK((gapped.codes() == a.codes()).all());
  CHECK((gapped.sizes() == a.sizes()).all());
  CHECK((gapped.keys() == a.keys() * std::int64_t{3}).all());
  CHECK((a.keys() * std::int64_t{1000000000007} == b.keys()).all());
  CHECK(std::is_sorted(a.keys().data(), a.keys().data() + a.keys().size()));
  CHECK(a.sizes().sum() == rows);
  for (Eigen::Index i = 0; i < rows; ++i) {
    REQUIRE(a.keys()(a.codes()(i)) == narrow(i));
  }
  tradeoff::group_options appearance;
  appearance.sort = false;
  for (const auto& keys : {narrow, wide}) {
    const auto f = tradeoff::group_by(keys, appearance);
    std::vector<std::int64_t> first;
    for (Eigen::Index i = 0; i < rows; ++i) {
      if (std::find(first.begin(), first.end(), keys(i)) == first.end()) {
        first.push_back(keys(i));
      }
    }
    REQUIRE(f.keys().size() == static_cast<Eigen::Index>(first.size()));
    for (std::size_t j = 0; j < first.size(); ++j) {
      CHECK(f.keys()(static_cast<Eigen::Index>(j)) == first[j]);
    }
    for (Eigen::Index i = 0; i < rows; ++i) {
      REQUIRE(f.keys()(f.codes()(i)) == keys(i));
    }
  }
}

TEST_CASE("group_by: floating keys — NaN dropped or kept (last if sorted / in place if not) / -0.0 == +0.0") {
  // pandas 1.5.3: df.groupby("k", dropna=False, sort=False) gives 2.5, NaN, -0.0, -1.0 (the zero
  // group shown as the zero that came first); with sort=True -1.0, -0.0, 2.5, NaN.
  Eigen::ArrayXd keys(7);
  keys << 2.5, missing_value, -0.0, 0.0, -1.0, missing_value, 2.5;
  const auto dropped = tradeoff::group_by(keys);
  REQUIRE(dropped.groups() == 3);
  CHECK(dropped.keys()(0) == -1.0);
  CHECK(dropped.keys()(1) == 0.0);
  CHECK(std::signbit(dropped.keys()(1)));
  CHECK(dropped.keys()(2) == 2.5);
  CHECK(dropped.codes()(1) == -1);
  CHECK(dropped.codes()(5) == -1);
  CHECK(dropped.codes()(2) == dropped.codes()(3));
  CHECK((dropped.sizes() == Eigen::Array3i(1, 2, 2)).all());
  tradeoff::group_options keep;
  keep.dropna = false;
  const auto kept = tradeoff::group_by(keys, keep);
  REQUIRE(kept.groups() == 4);
  CHECK(std::isnan(kept.keys()(3)));
  CHECK(kept.codes()(1) == 3);
  CHECK(kept.codes()(5) == 3);
  keep.sort = false;
  const auto kept_unsorted = tradeoff::group_by(keys, keep);
  REQUIRE(kept_unsorted.groups() == 4);
  CHECK(kept_unsorted.keys()(0) == 2.5);
  CHECK(std::isnan(kept_unsorted.keys()(1)));
  CHECK(kept_unsorted.keys()(2) == 0.0);
  CHECK(kept_unsorted.keys()(3) == -1.0);
  Eigen::ArrayXd values(7);
  values << 1, 2, 3, 4, 5, 6, 7;
  CHECK((tradeoff::mean(kept_unsorted, values) == Eigen::Array4d(4.0, 4.0, 3.5, 5.0)).all());
  CHECK((tradeoff::mean(kept, values) == Eigen::Array4d(5.0, 3.5, 4.0, 4.0)).all());
  CHECK(tradeoff::mean(dropped, values)(2) == 4.0);
}

TEST_CASE("group_by: strings sorted by code point - bools false first - masks") {
  const std::vector<std::string> keys = {"b", "a", "é", "B", "a", "", "b"};
  const auto g = tradeoff::group_by(keys);
  std::vector<std::string> expected = keys;
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  CHECK(g.keys() == expected);  // "" < "B" < "a" < "b" < "é"
  for (std::size_t i = 0; i < keys.size(); ++i) {
    CHECK(g.keys()[static_cast<std::size_t>(g.codes()(static_cast<Eigen::Index>(i)))] == keys[i]);
  }
  tradeoff::group_options appearance;
  appearance.sort = false;
  CHECK(tradeoff::group_by(keys, appearance).keys() == std::vector<std::string>{"b", "a", "é", "B", ""});
  Eigen::Array<bool, Eigen::Dynamic, 1> mask(7);
  mask << true, true, false, true, false, true, true;
  const auto masked = tradeoff::group_by(keys, mask);
  CHECK(masked.keys() == std::vector<std::string>{"", "B", "a", "b"});
  CHECK(masked.codes()(2) == -1);
  CHECK(masked.codes()(4) == -1);

  const std::vector<bool> flags = {true, false, true, true};
  const auto by_flag = tradeoff::group_by(flags);
  REQUIRE(by_flag.groups() == 2);
  CHECK(by_flag.keys()(0) == false);
  CHECK(by_flag.keys()(1) == true);
  CHECK((by_flag.codes() == Eigen::Array4i(1, 0, 1, 1)).all());
  const Eigen::Array<bool, Eigen::Dynamic, 1> skip_second = Eigen::Array<bool, 4, 1>(true, false, true, true);
  const auto masked_flags = tradeoff::group_by(flags, skip_second);
  REQUIRE(masked_flags.groups() == 1);
  CHECK(masked_flags.keys()(0) == true);
  CHECK((masked_flags.codes() == Eigen::Array4i(0, -1, 0, 0)).all());
  Eigen::Array<bool, Eigen::Dynamic, 1> eigen_flags(3);
  eigen_flags << true, true, true;
  CHECK(tradeoff::group_by(eigen_flags).groups() == 1);

  // A mask selects rows without copying: the results equal those on the filtered table.
  Eigen::ArrayXi numbers(6);
  numbers << 1, 2, 1, 2, 1, 2;
  Eigen::ArrayXd values(6);
  values << 10, 20, 30, 40, 50, 60;
  Eigen::Array<bool, Eigen::Dynamic, 1> keep(6);
  keep << true, false, false, true, true, true;
  const auto selected = tradeoff::group_by(numbers, keep);
  CHECK((selected.sizes() == Eigen::Array2i(2, 2)).all());
  CHECK((tradeoff::median(selected, values) == Eigen::Array2d(30, 50)).all());
  CHECK((tradeoff::count(selected, values) == Eigen::Array2i(2, 2)).all());
  CHECK((tradeoff::group_by(numbers, !keep).sizes() == Eigen::Array2i(1, 1)).all());  // expression mask
}

TEST_CASE("grouped reductions: all-NaN groups / n = 1 / empty input / expression values / ddof") {
  Eigen::ArrayXi keys(5);
  keys << 0, 1, 1, 2, 2;
  Eigen::ArrayXd values(5);
  values << 4.0, missing_value, missing_value, 1.0, 3.0;
  const auto g = tradeoff::group_by(keys);
  const auto s = tradeoff::summarize(g, values, {0.0, 0.5, 1.0});
  CHECK((s.count == Eigen::Array3i(1, 0, 2)).all());
  CHECK((s.size == Eigen::Array3i(1, 2, 2)).all());
  CHECK(s.sum(1) == 0.0);  // pandas: the sum of nothing is 0
  CHECK(std::isnan(s.mean(1)));
  CHECK(std::isnan(s.min(1)));
  CHECK(std::isnan(s.max(1)));
  CHECK(std::isnan(s.median(1)));
  CHECK(s.quantiles.row(1).isNaN().all());
  CHECK(s.median(0) == 4.0);
  CHECK((s.quantiles.row(0) == 4.0).all());
  CHECK(s.median(2) == 2.0);
  CHECK(std::isnan(tradeoff::stddev(g, values)(0)));  // one value, ddof = 1
  CHECK(tradeoff::stddev(g, values, 0)(0) == 0.0);
  CHECK(tradeoff::var(g, values)(2) == 2.0);
  CHECK(tradeoff::stddev(g, values)(2) == std::sqrt(2.0));
  CHECK(tradeoff::mean(g, 2.0 * values)(2) == 4.0);                     // expression values
  CHECK(tradeoff::median(g, values.cast<float>())(2) == 2.0);           // other scalar types
  // size counts every row of a group, NaN values included; brute force from the raw keys and a
  // masked grouping (the mask drops rows, NaN values do not)
  const Eigen::ArrayXi sizes = tradeoff::group_sizes(g);
  REQUIRE(sizes.size() == 3);
  for (Eigen::Index k = 0; k < 3; ++k) {
    CHECK(sizes(k) == (keys == g.keys()(k)).count());
  }
  Eigen::Array<bool, Eigen::Dynamic, 1> keep(5);
  keep << true, true, false, false, true;
  const auto masked = tradeoff::group_by(keys, keep);
  CHECK((tradeoff::group_sizes(masked) == Eigen::Array3i(1, 1, 1)).all());
  CHECK((tradeoff::count(masked, values) == Eigen::Array3i(1, 0, 1)).all());

  const auto empty = tradeoff::group_by(Eigen::ArrayXi(0));
  CHECK(empty.groups() == 0);
  const auto none = tradeoff::summarize(empty, Eigen::ArrayXd(0));
  CHECK(none.count.size() == 0);
  CHECK(none.quantiles.rows() == 0);
  CHECK(tradeoff::group_by(std::vector<std::string>{}).groups() == 0);
}

TEST_CASE("group_by and the grouped reductions accept Eigen matrix types (VectorXd and VectorXi and columns)") {
  Eigen::VectorXi keys(6);
  keys << 3, 1, 3, 2, 1, 3;
  Eigen::VectorXd values(6);
  values << 1.0, 2.0, 3.0, 4.0, 5.0, 6.0;
  const auto g = tradeoff::group_by(keys);
  const auto ga = tradeoff::group_by(keys.array());
  CHECK((g.keys() == ga.keys()).all());
  CHECK((g.codes() == ga.codes()).all());
  const Eigen::ArrayXd a = values.array();
  CHECK((tradeoff::mean(g, values) == tradeoff::mean(g, a)).all());
  CHECK((tradeoff::median(g, values) == tradeoff::median(g, a)).all());
  CHECK((tradeoff::count(g, values) == tradeoff::count(g, a)).all());
  CHECK((tradeoff::sum(g, values) == tradeoff::sum(g, a)).all());
  CHECK(count_differences(tradeoff::var(g, values), tradeoff::var(g, a)) == 0);  // NaN for a single value
  CHECK((tradeoff::minimum(g, values) == tradeoff::minimum(g, a)).all());
  CHECK((tradeoff::maximum(g, values) == tradeoff::maximum(g, a)).all());
  CHECK((tradeoff::quantile(g, values, 0.25) == tradeoff::quantile(g, a, 0.25)).all());
  CHECK((tradeoff::summarize(g, values).median == tradeoff::summarize(g, a).median).all());
  Eigen::MatrixXd table(6, 2);
  table.col(0) = keys.cast<double>();
  table.col(1) = values;
  const auto by_column = tradeoff::group_by(table.col(0));
  CHECK((by_column.codes() == g.codes()).all());
  CHECK((tradeoff::mean(by_column, table.col(1)) == tradeoff::mean(g, a)).all());
  const Eigen::Matrix<bool, Eigen::Dynamic, 1> mask = (values.array() > 1.5).matrix();
  CHECK(tradeoff::group_by(keys, mask).codes()(0) == -1);
}

TEST_CASE("group_by: keys crafted to collide cost about what random keys cost (issue 21)") {
  // The old table hashed with a fixed Fibonacci multiplier and strings with std::hash: keys
  // built to share one slot made group_by quadratic (20k such keys: 0.5 s, random: 3 ms, 170x).
  // The bound, 20x random + 10 ms (fastest of 5), still fails that by 7x and holds on a machine
  // whose other jobs slow one of the two timings (it failed at 5x + 2 ms under load 14-16).
  const std::size_t n = 20000;
  const std::vector<std::uint64_t> crafted = tradeoff_test::fibonacci_colliding_patterns(n);
  std::mt19937_64 generator(21);
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> crafted_int(static_cast<Eigen::Index>(n));
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> random_int(static_cast<Eigen::Index>(n));
  Eigen::ArrayXd crafted_double(static_cast<Eigen::Index>(n));
  Eigen::ArrayXd random_double(static_cast<Eigen::Index>(n));
  std::uniform_real_distribution<double> uniform(-1e300, 1e300);
  for (std::size_t i = 0; i < n; ++i) {
    const auto row = static_cast<Eigen::Index>(i);
    std::memcpy(&crafted_int(row), &crafted[i], 8);
    std::memcpy(&crafted_double(row), &crafted[i], 8);
    random_int(row) = static_cast<std::int64_t>(generator());
    random_double(row) = uniform(generator);
  }
  const std::vector<std::string> crafted_strings = tradeoff_test::std_hash_colliding_strings(n / 2);
  std::vector<std::string> random_strings;
  for (std::size_t i = 0; i < n / 2; ++i) {
    std::string key(16, '\0');
    const std::uint64_t a = generator();
    const std::uint64_t b = generator();
    std::memcpy(&key[0], &a, 8);
    std::memcpy(&key[8], &b, 8);
    random_strings.push_back(key);
  }
  Eigen::Index groups = 0;
  const auto cost = [&](const auto& keys) {
    return tradeoff_test::fastest_seconds([&] { groups += tradeoff::group_by(keys).groups(); }, 5);
  };
  const double budget = 10e-3;  // absolute slack for a tiny, noisy baseline (a loaded CI machine)
  const double random_int_cost = cost(random_int);
  const double crafted_int_cost = cost(crafted_int);
  INFO("int64: random " << random_int_cost << " s, crafted " << crafted_int_cost << " s");
  CHECK(crafted_int_cost < 20.0 * random_int_cost + budget);
  const double random_double_cost = cost(random_double);
  const double crafted_double_cost = cost(crafted_double);
  INFO("double: random " << random_double_cost << " s, crafted " << crafted_double_cost << " s");
  CHECK(crafted_double_cost < 20.0 * random_double_cost + budget);
  const double random_string_cost = cost(random_strings);
  const double crafted_string_cost = cost(crafted_strings);
  INFO("string: random " << random_string_cost << " s, crafted " << crafted_string_cost << " s");
  CHECK(crafted_string_cost < 20.0 * random_string_cost + budget);
  CHECK(groups == static_cast<Eigen::Index>(5 * (4 * n + 2 * (n / 2))));
#if defined(__GLIBCXX__)
  const std::hash<std::string> std_hash;
  CHECK(std_hash(crafted_strings.front()) == std_hash(crafted_strings.back()));  // the test is hostile here
#endif
  CHECK(tradeoff::group_by(crafted_int).groups() == static_cast<Eigen::Index>(n));  // all distinct
}

TEST_CASE("grouped reductions: errors") {
  Eigen::ArrayXi keys(3);
  keys << 1, 2, 1;
  const auto g = tradeoff::group_by(keys);
  const Eigen::ArrayXd short_values = Eigen::ArrayXd::Zero(2);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::summarize(g, short_values)),
                       doctest::Contains("tradeoff::summarize: values has 2 rows but the grouping has 3"),
                       std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::mean(g, short_values)), std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::median(g, short_values)), std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::count(g, short_values)), std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::stddev(g, short_values)), std::invalid_argument);
  const Eigen::ArrayXd values = Eigen::ArrayXd::Zero(3);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::quantile(g, values, 1.5)),
                       doctest::Contains("tradeoff::quantile: q = 1.5"), std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::quantile(g, values, missing_value)), std::domain_error);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::summarize(g, values, {0.5, -0.25})),
                       doctest::Contains("qs[1]"), std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::var(g, values, -1)), std::invalid_argument);
  const Eigen::Array<bool, Eigen::Dynamic, 1> short_mask = Eigen::Array<bool, Eigen::Dynamic, 1>::Constant(2, true);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::group_by(keys, short_mask)),
                       doctest::Contains("tradeoff::group_by: mask has 2 entries but keys has 3"),
                       std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::group_by(Eigen::ArrayXXi::Zero(2, 2))), std::invalid_argument);
}

TEST_CASE("grouping is immutable: no public constructor from parts and read-only accessors") {
  using grouping = tradeoff::grouping<Eigen::ArrayXi>;
  static_assert(!std::is_constructible_v<grouping, Eigen::ArrayXi, Eigen::ArrayXi, Eigen::ArrayXi>);
  static_assert(std::is_same_v<decltype(std::declval<const grouping&>().codes()), const Eigen::ArrayXi&>);
  static_assert(std::is_same_v<decltype(std::declval<grouping&>().sizes()), const Eigen::ArrayXi&>);
  static_assert(std::is_same_v<decltype(std::declval<grouping&>().keys()), const Eigen::ArrayXi&>);
  Eigen::ArrayXi keys(4);
  keys << 1, 2, 1, 2;
  const auto good = tradeoff::group_by(keys);
  const tradeoff::grouping<Eigen::ArrayXi> empty;
  CHECK(empty.groups() == 0);
  CHECK(empty.rows() == 0);
  CHECK(tradeoff::median(empty, Eigen::ArrayXd(0)).size() == 0);
  CHECK((good.sizes() == Eigen::Array2i(2, 2)).all());
}
