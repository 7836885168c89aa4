// tradeoff/rank_test.hpp against scipy 1.10.1's mannwhitneyu (tests/golden/make_golden_rank_test.py).
#include <tradeoff/rank_test.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

double number_of(const std::string& text) {
  return text == "nan" ? std::numeric_limits<double>::quiet_NaN() : std::strtod(text.c_str(), nullptr);
}

Eigen::ArrayXd read_numbers(std::istringstream& fields, Eigen::Index n) {
  Eigen::ArrayXd values(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    std::string text;
    fields >> text;
    values(i) = number_of(text);
  }
  return values;
}

/// |a − b| <= tolerance · |b| (both NaN counts as equal).
bool relatively_close(double a, double b, double tolerance) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::fabs(a - b) <= tolerance * std::fabs(b);
}

}  // namespace

TEST_CASE("Mann-Whitney U and p-values equal scipy's") {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_rank_test.txt");
  REQUIRE(in.good());
  std::map<std::string, Eigen::ArrayXd> samples;
  std::string line;
  int tests = 0, effects = 0, holms = 0, p_equal = 0;
  double worst = 0.0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string tag;
    fields >> tag;
    if (tag == "sample") {
      std::string name;
      Eigen::Index n = 0;
      fields >> name >> n;
      samples[name] = read_numbers(fields, n);
    } else if (tag == "mwu") {
      std::string x, y, alternative_name, method_name;
      int continuity = 0;
      fields >> x >> y >> alternative_name >> method_name >> continuity;
      const Eigen::ArrayXd expected = read_numbers(fields, 2);
      tradeoff::mann_whitney_options options;
      options.alternative = alternative_name == "less"      ? tradeoff::alternative::less
                            : alternative_name == "greater" ? tradeoff::alternative::greater
                                                            : tradeoff::alternative::two_sided;
      options.method = method_name == "exact"        ? tradeoff::rank_test_method::exact
                       : method_name == "asymptotic" ? tradeoff::rank_test_method::asymptotic
                                                     : tradeoff::rank_test_method::automatic;
      options.continuity = continuity != 0;
      const auto result = tradeoff::mann_whitney_u(samples.at(x), samples.at(y), options);
      INFO(line);
      CHECK(std::equal_to<>{}(result.statistic, expected(0)));
      CHECK(relatively_close(result.p_value, expected(1), 1e-12));
      p_equal += std::equal_to<>{}(result.p_value, expected(1)) ? 1 : 0;
      if (expected(1) > 0.0) worst = std::max(worst, std::fabs(result.p_value - expected(1)) / expected(1));
      ++tests;
    } else if (tag == "effect") {
      std::string x, y;
      fields >> x >> y;
      const Eigen::ArrayXd expected = read_numbers(fields, 3);
      INFO(line);
      CHECK(std::equal_to<>{}(tradeoff::cliffs_delta(samples.at(x), samples.at(y)), expected(0)));
      CHECK(std::equal_to<>{}(tradeoff::common_language_effect(samples.at(x), samples.at(y)), expected(1)));
      CHECK(std::equal_to<>{}(tradeoff::hodges_lehmann_shift(samples.at(x), samples.at(y)), expected(2)));
      ++effects;
    } else if (tag == "holm") {
      Eigen::Index m = 0;
      fields >> m;
      const Eigen::ArrayXd p = read_numbers(fields, m);
      const Eigen::ArrayXd expected = read_numbers(fields, m);
      const Eigen::ArrayXd adjusted = tradeoff::holm_adjust(p);
      for (Eigen::Index i = 0; i < m; ++i) CHECK(std::equal_to<>{}(adjusted(i), expected(i)));
      ++holms;
    }
  }
  CHECK(tests == 252);
  CHECK(effects == 15);
  CHECK(holms == 12);
  MESSAGE("p-values: " << p_equal << " of " << tests << " bit-equal, worst relative difference " << worst);
}

TEST_CASE("automatic picks exact for small samples without ties") {
  Eigen::ArrayXd x(3), y(4);
  x << 1.0, 2.0, 3.0;
  y << 4.0, 5.0, 6.0, 7.0;
  const auto result = tradeoff::mann_whitney_u(x, y);
  CHECK(result.method == tradeoff::rank_test_method::exact);
  CHECK(std::equal_to<>{}(result.statistic, 0.0));
  CHECK(result.p_value == doctest::Approx(2.0 / 35.0));  // 2 / binom(7, 3)
  y(0) = 3.0;  // a tie
  CHECK(tradeoff::mann_whitney_u(x, y).method == tradeoff::rank_test_method::asymptotic);
}

TEST_CASE("Holm keeps NaN p-values out of the family") {
  Eigen::ArrayXd p(4);
  p << 0.01, std::numeric_limits<double>::quiet_NaN(), 0.04, 0.03;
  const Eigen::ArrayXd adjusted = tradeoff::holm_adjust(p);
  CHECK(adjusted(0) == doctest::Approx(0.03));
  CHECK(std::isnan(adjusted(1)));
  CHECK(adjusted(3) == doctest::Approx(0.06));
  CHECK(adjusted(2) == doctest::Approx(0.06));
}

TEST_CASE("effect sizes agree with each other") {
  Eigen::ArrayXd x(6), y(5);
  x << 1.0, 3.0, 3.0, 7.0, 2.0, 9.0;
  y << 3.0, 0.0, 4.0, 4.0, 8.0;
  const double delta = tradeoff::cliffs_delta(x, y);
  const double common = tradeoff::common_language_effect(x, y);
  CHECK(common == doctest::Approx((1.0 + delta) / 2.0));
  CHECK(tradeoff::cliffs_delta(y, x) == doctest::Approx(-delta));
  CHECK(tradeoff::hodges_lehmann_shift(x, y) == doctest::Approx(-tradeoff::hodges_lehmann_shift(y, x)));
}

TEST_CASE("all values tied give scipy's p-values") {
  const Eigen::ArrayXd x = Eigen::ArrayXd::Constant(3, 2.0);
  const Eigen::ArrayXd y = Eigen::ArrayXd::Constant(4, 2.0);
  CHECK(std::equal_to<>{}(tradeoff::mann_whitney_u(x, y).p_value, 1.0));  // z = -0.5 / 0 = -inf
  tradeoff::mann_whitney_options options;
  options.continuity = false;
  CHECK(std::isnan(tradeoff::mann_whitney_u(x, y, options).p_value));  // 0 / 0, as scipy
  CHECK(std::equal_to<>{}(tradeoff::mann_whitney_u(x, y).statistic, 6.0));
}

TEST_CASE("exact p-values equal enumeration of all rank assignments") {
  // for n1 + n2 <= 12 without ties: P(U >= u) by enumerating every subset of ranks for x
  for (int n1 = 1; n1 <= 6; ++n1) {
    for (int n2 = 1; n2 <= 6; ++n2) {
      const int total = n1 + n2;
      std::vector<int> histogram(static_cast<std::size_t>(n1 * n2 + 1), 0);
      int subsets = 0;
      for (int mask = 0; mask < (1 << total); ++mask) {
        if (static_cast<int>(std::bitset<16>(static_cast<unsigned long long>(mask)).count()) != n1) continue;
        int u = 0;  // pairs with x above y
        for (int a = 0; a < total; ++a)
          for (int b = 0; b < a; ++b) u += ((mask >> a) & 1) != 0 && ((mask >> b) & 1) == 0 ? 1 : 0;
        ++histogram[static_cast<std::size_t>(u)];
        ++subsets;
      }
      // x takes the ranks of one fixed subset; compare every alternative
      Eigen::ArrayXd x(n1), y(n2);
      for (int i = 0; i < n1; ++i) x(i) = 2.0 * i + 1.0;  // interleave: U1 depends on n1, n2
      for (int j = 0; j < n2; ++j) y(j) = 3.0 * j;
      tradeoff::mann_whitney_options options;
      options.method = tradeoff::rank_test_method::exact;
      options.alternative = tradeoff::alternative::greater;
      const auto result = tradeoff::mann_whitney_u(x, y, options);
      const auto u1 = static_cast<int>(result.statistic);
      int at_least = 0;
      for (int k = u1; k <= n1 * n2; ++k) at_least += histogram[static_cast<std::size_t>(k)];
      INFO("n1 " << n1 << " n2 " << n2 << " U " << u1);
      CHECK(result.p_value == doctest::Approx(static_cast<double>(at_least) / subsets).epsilon(1e-14));
    }
  }
}

TEST_CASE("the Hodges-Lehmann interval is the set of shifts the exact test does not reject") {
  std::mt19937_64 engine(8);
  std::normal_distribution<double> normal(0.0, 1.0);
  for (int trial = 0; trial < 30; ++trial) {
    const Eigen::Index n1 = 3 + trial % 9, n2 = 4 + (trial * 5) % 11;
    Eigen::ArrayXd x(n1), y(n2);
    for (Eigen::Index i = 0; i < n1; ++i) x(i) = normal(engine) + 0.5;
    for (Eigen::Index j = 0; j < n2; ++j) y(j) = normal(engine);
    const double confidence = trial % 2 == 0 ? 0.95 : 0.9;
    const auto interval = tradeoff::hodges_lehmann_interval(x, y, confidence);
    INFO("n1 " << n1 << " n2 " << n2);
    CHECK(interval.exact);
    CHECK(std::equal_to<>{}(interval.estimate, tradeoff::hodges_lehmann_shift(x, y)));
    if (interval.rank == 0) {
      CHECK(std::isinf(interval.low));
      continue;
    }
    CHECK(interval.coverage >= confidence);
    tradeoff::mann_whitney_options options;
    options.method = tradeoff::rank_test_method::exact;
    const double alpha = 1.0 - confidence;
    auto p_at = [&](double shift) { return tradeoff::mann_whitney_u(x - shift, y, options).p_value; };
    const double width = interval.high - interval.low;
    const double step = 1e-9 * (1.0 + std::fabs(interval.low) + std::fabs(interval.high));
    CHECK(p_at(interval.low + step) > alpha);   // just inside: not rejected
    CHECK(p_at(interval.high - step) > alpha);
    CHECK(p_at(interval.low - step) <= alpha);  // just outside: rejected
    CHECK(p_at(interval.high + step) <= alpha);
    CHECK(width >= 0.0);
  }
}

TEST_CASE("the Hodges-Lehmann interval covers the shift in a simulation") {
  // exact branch (n = 12, 15) and normal branch (n = 120, 100): true shift 1
  std::mt19937_64 engine(21);
  std::normal_distribution<double> normal(0.0, 1.0);
  for (const Eigen::Index n1 : {Eigen::Index{12}, Eigen::Index{120}}) {
    const Eigen::Index n2 = n1 == 12 ? 15 : 100;
    int covered = 0;
    double coverage = 0.0;
    const int trials = n1 == 12 ? 1000 : 200;
    bool exact = true;
    for (int t = 0; t < trials; ++t) {
      Eigen::ArrayXd x(n1), y(n2);
      for (Eigen::Index i = 0; i < n1; ++i) x(i) = normal(engine) + 1.0;
      for (Eigen::Index j = 0; j < n2; ++j) y(j) = normal(engine);
      const auto interval = tradeoff::hodges_lehmann_interval(x, y);
      covered += interval.low <= 1.0 && 1.0 <= interval.high ? 1 : 0;
      coverage = interval.coverage;
      exact = interval.exact;
    }
    const double observed = covered / static_cast<double>(trials);
    INFO("n1 " << n1 << " observed " << observed << " achieved " << coverage);
    CHECK(exact == (n1 == 12));
    CHECK(std::fabs(observed - coverage) < (n1 == 12 ? 0.025 : 0.05));
  }
}
