// tradeoff/tied_for_best.hpp against scipy 1.10.1 (tests/golden/make_golden_tied_for_best.py).
#include <tradeoff/tied_for_best.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <string>

namespace {

double number_of(const std::string& text) {
  return text == "nan" ? std::numeric_limits<double>::quiet_NaN() : std::strtod(text.c_str(), nullptr);
}

}  // namespace

TEST_CASE("tied for best equals scipy's tests with Holm's correction") {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_tied_for_best.txt");
  REQUIRE(in.good());
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string tag, name, direction;
    Eigen::Index rows = 0;
    fields >> tag >> name >> direction >> rows;
    REQUIRE(tag == "case");
    Eigen::ArrayXi keys(rows);
    Eigen::ArrayXd values(rows);
    for (Eigen::Index i = 0; i < rows; ++i) {
      REQUIRE(std::getline(in, line));
      std::istringstream row(line);
      std::string value;
      row >> keys(i) >> value;
      values(i) = number_of(value);
    }
    REQUIRE(std::getline(in, line));
    std::istringstream result_fields(line);
    Eigen::Index best = 0;
    result_fields >> tag >> best;
    const auto g = tradeoff::group_by(keys);
    tradeoff::tied_for_best_options options;
    options.bootstrap.resamples = 999;
    const auto result = tradeoff::tied_for_best(
        g, values, direction == "minimize" ? tradeoff::sense::minimize : tradeoff::sense::maximize, options);
    INFO(name);
    CHECK(result.best == best);
    for (Eigen::Index j = 0; j < g.groups(); ++j) {
      std::string p;
      result_fields >> p;
      const double expected = number_of(p);
      if (std::isnan(expected)) {
        CHECK(std::isnan(result.p_value(j)));
      } else {
        CHECK(std::fabs(result.p_value(j) - expected) <= 1e-12 * expected);
      }
    }
    int tied_count = 0;
    for (Eigen::Index j = 0; j < g.groups(); ++j) {
      int flag = 0;
      result_fields >> flag;
      CHECK(result.is_tied(j) == (flag == 1));
      tied_count += flag;
    }
    CHECK(result.tied.size() == tied_count);
    // the intervals are bootstrap_interval's
    const auto intervals = tradeoff::bootstrap_interval(g, values, tradeoff::statistic::median(), options.bootstrap);
    for (Eigen::Index j = 0; j < g.groups(); ++j) {
      // (NaN for the integer throughputs: every jackknife median is equal, so BCa is 0/0, as scipy)
      CHECK((std::equal_to<>{}(result.intervals.low(j), intervals.low(j)) ||
             (std::isnan(result.intervals.low(j)) && std::isnan(intervals.low(j)))));
      CHECK(std::equal_to<>{}(result.intervals.estimate(j), intervals.estimate(j)));
    }
    ++cases;
  }
  CHECK(cases == 2);
}

TEST_CASE("a clearly worse group is not tied and an empty group is never tied") {
  Eigen::ArrayXi keys(25);
  Eigen::ArrayXd values(25);
  for (Eigen::Index i = 0; i < 25; ++i) {
    keys(i) = static_cast<int>(i % 3);
    values(i) = keys(i) == 2 ? 10.0 + static_cast<double>(i) : static_cast<double>(i % 5);
  }
  values(2) = std::numeric_limits<double>::quiet_NaN();
  Eigen::ArrayXi with_empty(26);
  with_empty << keys, 7;
  Eigen::ArrayXd values_with_empty(26);
  values_with_empty << values, std::numeric_limits<double>::quiet_NaN();
  const auto g = tradeoff::group_by(with_empty);
  tradeoff::tied_for_best_options options;
  options.bootstrap.resamples = 99;
  const auto result = tradeoff::tied_for_best(g, values_with_empty, tradeoff::sense::minimize, options);
  CHECK(result.is_tied(0));
  CHECK(result.is_tied(1));
  CHECK_FALSE(result.is_tied(2));
  CHECK_FALSE(result.is_tied(3));
  CHECK(std::isnan(result.p_value(3)));
  CHECK(result.intervals.count(3) == 0);
}

TEST_CASE("tied_for_best rejects a level outside (0 1)") {
  Eigen::ArrayXi keys(4);
  keys << 0, 0, 1, 1;
  const Eigen::ArrayXd values = Eigen::ArrayXd::LinSpaced(4, 1.0, 4.0);
  tradeoff::tied_for_best_options options;
  options.level = 0.0;
  CHECK_THROWS_AS(static_cast<void>(tradeoff::tied_for_best(tradeoff::group_by(keys), values, tradeoff::sense::minimize,
                                                            options)),
                  std::domain_error);
}
