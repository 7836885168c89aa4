// Tests of <tradeoff/quantile.hpp>: golden values from numpy 1.24 / pandas 1.5.3
// (tests/golden/make_golden_stats.py), properties against a fully sorted reference, edge cases
// and errors. This file is also built with -march=native -ffp-contract=fast
// (tradeoff_quantile_test_native): the golden comparisons are bit for bit in both builds, which
// proves the results do not depend on FMA contraction.
#include <tradeoff/quantile.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using tradeoff::quantile_method;

const std::vector<std::pair<std::string, quantile_method>> all_methods = {
    {"inverted_cdf", quantile_method::inverted_cdf},
    {"averaged_inverted_cdf", quantile_method::averaged_inverted_cdf},
    {"closest_observation", quantile_method::closest_observation},
    {"interpolated_inverted_cdf", quantile_method::interpolated_inverted_cdf},
    {"hazen", quantile_method::hazen},
    {"weibull", quantile_method::weibull},
    {"linear", quantile_method::linear},
    {"median_unbiased", quantile_method::median_unbiased},
    {"normal_unbiased", quantile_method::normal_unbiased},
    {"lower", quantile_method::lower},
    {"higher", quantile_method::higher},
    {"midpoint", quantile_method::midpoint},
    {"nearest", quantile_method::nearest}};

// Same bits, except that NaN matches any NaN and +0.0 matches -0.0 (which zero a selection
// returns is unspecified in numpy as here; the golden data has no signed-zero ambiguity).
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

double parse(const std::string& token) { return std::strtod(token.c_str(), nullptr); }

std::string exact(double x) {
  std::ostringstream out;
  out.precision(17);
  out << x;
  return out.str();
}

// The golden DataFrame rows: key -> values in row order.
std::map<long long, std::vector<double>> read_rows() {
  std::map<long long, std::vector<double>> groups;
  for (const tradeoff_test::golden_stats_row& row : tradeoff_test::read_golden_stats_rows()) {
    groups[row.key].push_back(row.value);
  }
  return groups;
}

// Reads the numbers after "<tag>" from a header line such as "# levels 0.0 0.1"; false if not that line.
bool read_levels(const std::string& line, const std::string& tag, std::vector<double>& levels) {
  if (line.rfind(tag, 0) != 0) {
    return false;
  }
  std::istringstream fields(line.substr(tag.size()));
  std::string word;
  while (fields >> word) {
    levels.push_back(parse(word));
  }
  return true;
}

Eigen::ArrayXd to_array(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::ArrayXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// Reference: the same numpy positions read from a fully sorted sample (checks the selection).
double from_sorted(const std::vector<double>& sorted, double q, quantile_method method) {
  const auto position = tradeoff::detail::locate_quantile(static_cast<Eigen::Index>(sorted.size()), q, method);
  return tradeoff::detail::evaluate_quantile(position, sorted.data());
}

double sorted_reference(std::vector<double> v, double q, quantile_method method) {
  v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
  if (v.empty()) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  std::sort(v.begin(), v.end());
  return from_sorted(v, q, method);
}

std::vector<double> random_sample(std::mt19937_64& rng, int n, int kind) {
  std::uniform_real_distribution<double> uniform(-1.0, 1.0);
  std::uniform_int_distribution<int> grid(-3, 3);
  std::bernoulli_distribution missing(0.2);
  std::vector<double> v(static_cast<std::size_t>(n));
  for (double& x : v) {
    x = kind == 0 ? uniform(rng) * 1e3 : static_cast<double>(grid(rng));
    if (kind == 2 && missing(rng)) {
      x = std::numeric_limits<double>::quiet_NaN();
    }
  }
  return v;
}

}  // namespace

TEST_CASE("quantile: every numpy method at every golden level equals numpy.quantile bit for bit") {
  const auto groups = read_rows();
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_stats_methods.txt");
  REQUIRE(in.good());
  std::vector<double> levels;
  std::string line;
  int compared = 0;
  int mismatches = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    if (read_levels(line, "# levels", levels) || line.empty() || line[0] == '#') {
      continue;
    }
    long long key = 0;
    std::string name;
    fields >> key >> name;
    const auto method = std::find_if(all_methods.begin(), all_methods.end(),
                                     [&](const auto& m) { return m.first == name; });
    REQUIRE(method != all_methods.end());
    const Eigen::ArrayXd values = to_array(groups.at(key));
    const Eigen::ArrayXd together = tradeoff::quantiles(values, levels, method->second);
    for (std::size_t j = 0; j < levels.size(); ++j) {
      std::string token;
      fields >> token;
      const double expected = parse(token);
      const double alone = tradeoff::quantile(values, levels[j], method->second);
      ++compared;
      if (!same(alone, expected) || !same(together(static_cast<Eigen::Index>(j)), expected)) {
        ++mismatches;
        if (mismatches <= 5) {
          MESSAGE("key " << key << " " << name << " q=" << levels[j] << ": numpy " << token << ", tradeoff "
                         << exact(alone));
        }
      }
    }
  }
  MESSAGE(compared << " numpy quantiles compared, " << mismatches << " differ");
  CHECK(levels.size() == 12);
  CHECK(compared >= 30000);
  CHECK(mismatches == 0);
}

TEST_CASE("median and Series.quantile: equal pandas' Series.median() and Series.quantile(q) bit for bit") {
  const auto groups = read_rows();
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_stats_grouped.txt");
  REQUIRE(in.good());
  std::vector<double> levels;
  std::vector<std::string> columns;
  std::string line;
  int compared = 0;
  int mismatches = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string word;
    if (read_levels(line, "# lambda_levels", levels) || line.empty() || line[0] == '#') {
      continue;
    }
    if (line.rfind("key ", 0) == 0) {
      while (fields >> word) {
        columns.push_back(word);
      }
      continue;
    }
    std::map<std::string, double> row;
    for (const auto& column : columns) {
      fields >> word;
      row[column] = parse(word);
    }
    const Eigen::ArrayXd values = to_array(groups.at(static_cast<long long>(row.at("key"))));
    ++compared;
    mismatches += same(tradeoff::median(values), row.at("series_median")) ? 0 : 1;
    for (std::size_t j = 0; j < levels.size(); ++j) {
      const double expected = row.at("lambda_q" + std::to_string(j));
      ++compared;
      mismatches += same(tradeoff::quantile(values, tradeoff::pandas_level(levels[j])), expected) ? 0 : 1;
    }
  }
  CHECK(compared > 10000);
  CHECK(mismatches == 0);
}

TEST_CASE("pandas_level: (100 q) / 100 as numpy.percentile sees it") {
  CHECK(tradeoff::pandas_level(0.25) == 0.25);
  CHECK(tradeoff::pandas_level(0.1) == 0.1);
  CHECK(tradeoff::pandas_level(1.0 / 3.0) == 0.33333333333333326);
  CHECK(tradeoff::pandas_level(1.0 / 3.0) != 1.0 / 3.0);
}

TEST_CASE("quantiles: shared selection equals a fully sorted reference for all methods") {
  std::mt19937_64 rng(7);
  const std::vector<double> levels = {0.0, 1.0, 0.5, 0.25, 0.75, 0.1, 0.9, 1.0 / 3.0, 0.999, 0.001, 0.5};
  for (int trial = 0; trial < 300; ++trial) {
    const int n = trial < 100 ? 1 + trial % 40 : 1 + static_cast<int>(rng() % 3000);
    const auto v = random_sample(rng, n, trial % 3);
    const Eigen::ArrayXd values = to_array(v);
    const Eigen::ArrayXd copy = values;
    for (const auto& named : all_methods) {
      const std::string& name = named.first;
      const quantile_method method = named.second;
      const Eigen::ArrayXd got = tradeoff::quantiles(values, levels, method);
      for (std::size_t j = 0; j < levels.size(); ++j) {
        const double expected = sorted_reference(v, levels[j], method);
        INFO("n=" << n << " method " << name << " q=" << levels[j]);
        REQUIRE(same(got(static_cast<Eigen::Index>(j)), expected));
      }
    }
    CHECK((values == copy || (values.isNaN() && copy.isNaN())).all());  // input unchanged
  }
}

TEST_CASE("quantile: textbook definitions on small samples") {
  Eigen::ArrayXd v(4);
  v << 4.0, 1.0, 3.0, 2.0;  // sorted 1 2 3 4
  CHECK(tradeoff::quantile(v, 0.5) == 2.5);
  CHECK(tradeoff::quantile(v, 0.25) == 1.75);                                  // 1 + 0.75
  CHECK(tradeoff::quantile(v, 0.5, quantile_method::lower) == 2.0);
  CHECK(tradeoff::quantile(v, 0.5, quantile_method::higher) == 3.0);
  CHECK(tradeoff::quantile(v, 0.5, quantile_method::midpoint) == 2.5);
  CHECK(tradeoff::quantile(v, 0.5, quantile_method::nearest) == 3.0);           // h = 1.5 -> index 2 (even)
  CHECK(tradeoff::quantile(v, 0.5, quantile_method::inverted_cdf) == 2.0);      // n q = 2 -> 2nd value
  CHECK(tradeoff::quantile(v, 0.5, quantile_method::averaged_inverted_cdf) == 2.5);
  CHECK(tradeoff::quantile(v, 0.5, quantile_method::hazen) == 2.5);
  CHECK(tradeoff::quantile(v, 0.25, quantile_method::weibull) == 1.25);         // (n + 1) q = 1.25
  CHECK(tradeoff::quantile(v, 0.25, quantile_method::hazen) == 1.5);            // n q + 0.5 = 1.5
  CHECK(tradeoff::quantile(v, 0.25, quantile_method::interpolated_inverted_cdf) == 1.0);
  // nearest rounds half to even: n = 6, q = 0.5 -> h = 2.5 -> index 2
  Eigen::ArrayXd six(6);
  six << 10, 20, 30, 40, 50, 60;
  CHECK(tradeoff::quantile(six, 0.5, quantile_method::nearest) == 30.0);
  CHECK(tradeoff::quantile(six, 0.1, quantile_method::nearest) == 10.0);  // h = 0.5 -> 0
  CHECK(tradeoff::quantile(six, 0.3, quantile_method::nearest) == 30.0);  // h = 5 * 0.3 rounds to 1.5 -> index 2
  CHECK(tradeoff::median(six) == 35.0);
  CHECK(tradeoff::iqr(six) == 47.5 - 22.5);
  // numpy's two-sided lerp: for t >= 0.5 it interpolates from the upper neighbour
  Eigen::ArrayXd two(2);
  two << 0.1, 0.7;
  CHECK(tradeoff::quantile(two, 0.7) == 0.7 - (0.7 - 0.1) * (1.0 - 0.7));
  CHECK(tradeoff::quantile(two, 0.3) == 0.1 + (0.7 - 0.1) * 0.3);
}

TEST_CASE("quantile: edges — q = 0 and 1 / n = 1 / all NaN / empty / infinities") {
  Eigen::ArrayXd v(5);
  v << 3.0, std::nan(""), -1.0, 8.0, 2.0;
  for (const auto& named : all_methods) {
    const std::string& name = named.first;
    const quantile_method method = named.second;
    INFO(name);
    CHECK(tradeoff::quantile(v, 0.0, method) == -1.0);
    CHECK(tradeoff::quantile(v, 1.0, method) == 8.0);
    Eigen::ArrayXd one(1);
    one << 4.5;
    CHECK(tradeoff::quantile(one, 0.37, method) == 4.5);
    CHECK(std::isnan(tradeoff::quantile(Eigen::ArrayXd::Constant(3, std::nan("")), 0.5, method)));
    CHECK(std::isnan(tradeoff::quantile(Eigen::ArrayXd(0), 0.5, method)));
  }
  CHECK(std::isnan(tradeoff::median(Eigen::ArrayXd(0))));
  CHECK(std::isnan(tradeoff::iqr(Eigen::ArrayXd::Constant(2, std::nan("")))));
  CHECK(tradeoff::quantiles(Eigen::ArrayXd(0), std::vector<double>{0.1, 0.2}).isNaN().all());
  const double inf = std::numeric_limits<double>::infinity();
  Eigen::ArrayXd with_inf(3);
  with_inf << 1.0, inf, 2.0;
  CHECK(tradeoff::quantile(with_inf, 0.0) == 1.0);
  // numpy's lerp multiplies (inf - 2) by the weight even when it is 0, so these are NaN in numpy too
  CHECK(std::isnan(tradeoff::quantile(with_inf, 0.5)));
  CHECK(std::isnan(tradeoff::quantile(with_inf, 0.75)));
  CHECK(std::isnan(tradeoff::quantile(with_inf, 1.0)));
  CHECK(tradeoff::quantile(with_inf, 1.0, quantile_method::higher) == inf);  // no lerp
  CHECK(tradeoff::median(with_inf) == 2.0);  // the middle value, no arithmetic
}

TEST_CASE("quantile: expressions / integer arrays and row vectors are accepted - inputs unchanged") {
  Eigen::ArrayXd v(6);
  v << 5, 1, 4, 2, 3, 6;
  const Eigen::ArrayXd before = v;
  CHECK(tradeoff::quantile(2.0 * v, 0.5) == 7.0);
  CHECK(tradeoff::quantile(v.head(3), 0.5) == 4.0);
  CHECK(tradeoff::median(v.segment(1, 4)) == 2.5);
  Eigen::ArrayXi integers(4);
  integers << 7, 1, 3, 5;
  CHECK(tradeoff::quantile(integers, 0.5) == 4.0);
  Eigen::Array<double, 1, Eigen::Dynamic> row(3);
  row << 3, 1, 2;
  CHECK(tradeoff::median(row) == 2.0);
  Eigen::ArrayXd levels(2);
  levels << 0.25, 0.75;
  CHECK((tradeoff::quantiles(v, levels) == tradeoff::quantiles(v, std::vector<double>{0.25, 0.75})).all());
  CHECK((v == before).all());
}

TEST_CASE("quantile: Eigen matrix types (VectorXd and RowVectorXd and a matrix column) are accepted") {
  Eigen::VectorXd v(6);
  v << 5, 1, 4, 2, 3, 6;
  const Eigen::ArrayXd a = v.array();
  CHECK(tradeoff::quantile(v, 0.3) == tradeoff::quantile(a, 0.3));
  CHECK(tradeoff::median(v) == 3.5);
  CHECK(tradeoff::iqr(v) == tradeoff::iqr(a));
  CHECK((tradeoff::quantiles(v, std::vector<double>{0.1, 0.9}) == tradeoff::quantiles(a, {0.1, 0.9})).all());
  const Eigen::Vector2d levels(0.25, 0.75);
  CHECK((tradeoff::quantiles(v, levels) == tradeoff::quantiles(a, {0.25, 0.75})).all());
  const Eigen::RowVectorXd row = v.transpose();
  CHECK(tradeoff::median(row) == 3.5);
  Eigen::MatrixXd m(6, 2);
  m.col(0) = v;
  m.col(1).setZero();
  CHECK(tradeoff::quantile(m.col(0), 0.3) == tradeoff::quantile(a, 0.3));
  CHECK(tradeoff::median(2.0 * v + Eigen::VectorXd::Ones(6)) == 8.0);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::median(m)), std::invalid_argument);
}

TEST_CASE("quantile: errors") {
  Eigen::ArrayXd v = Eigen::ArrayXd::LinSpaced(5, 0.0, 1.0);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::quantile(v, -0.1)), std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::quantile(v, 1.5)), std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::quantile(v, std::nan(""))), std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::quantiles(v, std::vector<double>{0.5, 2.0})), std::domain_error);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::quantile(v, 1.5)),
                       doctest::Contains("tradeoff::quantile: q = 1.5"), std::domain_error);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::quantiles(v, std::vector<double>{0.5, -1.0})),
                       doctest::Contains("qs[1]"), std::domain_error);
  // the empty sample does not excuse a bad level
  CHECK_THROWS_AS(static_cast<void>(tradeoff::quantile(Eigen::ArrayXd(0), 2.0)), std::domain_error);
  const Eigen::ArrayXXd matrix = Eigen::ArrayXXd::Zero(3, 3);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::quantile(matrix, 0.5)),
                       doctest::Contains("tradeoff::quantile: values must be a vector"), std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::median(matrix)), std::invalid_argument);
}

TEST_CASE("quantiles: large samples (sampling selection and its fallback) equal a fully sorted reference") {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_int_distribution<int> grid(0, 20);
  const std::vector<double> levels = {0.0, 0.001, 0.25, 0.5, 1.0 / 3.0, 0.75, 0.999, 1.0};
  const int n = 300001;
  for (int kind = 0; kind < 4; ++kind) {
    std::vector<double> v(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < v.size(); ++i) {
      switch (kind) {
        case 0: v[i] = normal(rng); break;                               // continuous
        case 1: v[i] = static_cast<double>(grid(rng)); break;            // heavy ties
        case 2: v[i] = 7.0; break;                                       // one value: brackets overflow, fallback
        default: v[i] = i % 1000 == 0 ? std::numeric_limits<double>::infinity() * (i % 2000 == 0 ? 1 : -1)
                                      : normal(rng) * 1e300;             // infinities and huge values
      }
    }
    const Eigen::ArrayXd values = to_array(v);
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    for (const auto& named : all_methods) {
      const std::string& name = named.first;
      const quantile_method method = named.second;
      const Eigen::ArrayXd got = tradeoff::quantiles(values, levels, method);
      for (std::size_t j = 0; j < levels.size(); ++j) {
        INFO("kind " << kind << " method " << name << " q=" << levels[j]);
        CHECK(same(got(static_cast<Eigen::Index>(j)), from_sorted(sorted, levels[j], method)));
      }
    }
    CHECK(same(tradeoff::median(values), (sorted[static_cast<std::size_t>(n / 2)])));
  }
}

TEST_CASE("quantiles: adversarial orders for the selection (sorted / reversed / equal / organ pipe / sawtooth)") {
  const std::vector<double> levels = {0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0};
  for (const int n : {25, 1000, 5001, 200000}) {
    for (int kind = 0; kind < 5; ++kind) {
      std::vector<double> v(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) {
        const double x = static_cast<double>(i);
        v[static_cast<std::size_t>(i)] = kind == 0   ? x
                                         : kind == 1 ? -x
                                         : kind == 2 ? 1.0
                                         : kind == 3 ? std::min(x, static_cast<double>(n) - x)
                                                     : static_cast<double>(i % 7);
      }
      std::vector<double> sorted = v;
      std::sort(sorted.begin(), sorted.end());
      const Eigen::ArrayXd got = tradeoff::quantiles(to_array(v), levels, quantile_method::linear);
      for (std::size_t j = 0; j < levels.size(); ++j) {
        INFO("n " << n << " kind " << kind << " q=" << levels[j]);
        CHECK(same(got(static_cast<Eigen::Index>(j)), from_sorted(sorted, levels[j], quantile_method::linear)));
      }
    }
  }
}

TEST_CASE("quantile: organ pipe and sawtooth orders cost about what a shuffled order costs (issue 21)") {
  // Fixed pivot positions (first, middle, last) used to pick an organ pipe's minimum every round:
  // the median of 1e5 values took 40x the shuffled time. Measured as a generous ratio.
  const int n = 100000;
  Eigen::ArrayXd pipe(n);
  Eigen::ArrayXd saw(n);
  for (int i = 0; i < n; ++i) {
    pipe(i) = static_cast<double>(std::min(i, n - i));
    saw(i) = static_cast<double>(i % 1000);
  }
  Eigen::ArrayXd shuffled = pipe;
  std::mt19937_64 generator(21);
  std::shuffle(shuffled.data(), shuffled.data() + n, generator);
  double sink = 0.0;
  const auto cost = [&](const Eigen::ArrayXd& v) {
    return tradeoff_test::fastest_seconds([&] {
      sink += tradeoff::median(v) + tradeoff::quantiles(v, {0.1, 0.25, 0.75, 0.9})(0);
    });
  };
  const double shuffled_cost = cost(shuffled);
  const double pipe_cost = cost(pipe);
  const double saw_cost = cost(saw);
  INFO("shuffled " << shuffled_cost << " s, organ pipe " << pipe_cost << " s, sawtooth " << saw_cost << " s");
  CHECK(pipe_cost < 4.0 * shuffled_cost + 1e-4);
  CHECK(saw_cost < 4.0 * shuffled_cost + 1e-4);
  CHECK(sink > 0.0);
}

TEST_CASE("quantile_method names round-trip numpy's method= strings") {
  for (const auto& named : all_methods) {
    CHECK(std::string(tradeoff::quantile_method_name(named.second)) == named.first);
    CHECK(tradeoff::parse_quantile_method(named.first) == named.second);
  }
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::parse_quantile_method("Linear")),
                       doctest::Contains("tradeoff::parse_quantile_method: \"Linear\" is not a numpy quantile method"),
                       std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::parse_quantile_method("")), std::invalid_argument);
}

TEST_CASE("quantile: the error message shows the level exactly / however small") {
  const Eigen::ArrayXd values = Eigen::ArrayXd::LinSpaced(5, 0.0, 4.0);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::quantile(values, -1e-9)),
                       "tradeoff::quantile: q = -1e-09 is outside [0, 1] (or NaN)", std::domain_error);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::quantile(values, 1.0000000000000002)),
                       "tradeoff::quantile: q = 1.0000000000000002 is outside [0, 1] (or NaN)", std::domain_error);
}

TEST_CASE("statistics accept what pareto_front accepts and std::vector of double") {
  const std::vector<double> values = {3.0, std::nan(""), 1.0, 4.0, 1.5, 9.0, 2.0};
  const Eigen::Map<const Eigen::VectorXd> map(values.data(), static_cast<Eigen::Index>(values.size()));
  const Eigen::VectorXd vector = map;
  const Eigen::ArrayXd array = map.array();
  const double median = tradeoff::median(array);
  CHECK(median == 2.5);
  CHECK(tradeoff::median(values) == median);
  CHECK(tradeoff::median(vector) == median);
  CHECK(tradeoff::median(map) == median);
  CHECK(tradeoff::median(2.0 * vector) == 2.0 * median);
  CHECK(tradeoff::quantile(values, 0.25) == tradeoff::quantile(array, 0.25));
  CHECK(tradeoff::iqr(values) == tradeoff::iqr(vector));
  CHECK((tradeoff::quantiles(values, {0.1, 0.9}) == tradeoff::quantiles(map, {0.1, 0.9})).all());
}
