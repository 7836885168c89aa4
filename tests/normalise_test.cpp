#include <tradeoff/normalise.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <Eigen/Core>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {
using tradeoff::sense;
constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
}  // namespace

TEST_CASE("normalise maps the data's bounds onto the range as moocore's tests") {
  Eigen::ArrayXXd x(3, 2);
  x << 0, 0, 0.5, 0.5, 1, 1;
  const Eigen::ArrayXXd plain = tradeoff::normalise(x, {}, {1.0, 2.0});
  CHECK((plain.col(0) - Eigen::ArrayXd::LinSpaced(3, 1.0, 2.0)).abs().maxCoeff() == 0.0);
  const Eigen::ArrayXXd mixed = tradeoff::normalise(x, {sense::minimize, sense::maximize}, {1.0, 2.0});
  CHECK((mixed.col(1) - Eigen::ArrayXd::LinSpaced(3, 2.0, 1.0)).abs().maxCoeff() == 0.0);
  const Eigen::ArrayXXd unit = tradeoff::normalise(x, {sense::minimize, sense::maximize});
  CHECK((unit.col(1) - Eigen::ArrayXd::LinSpaced(3, 1.0, 0.0)).abs().maxCoeff() == 0.0);
  // A constant column from the data maps to the low end.
  Eigen::ArrayXXd constant(2, 2);
  constant << 1, 2, 1, 2;
  CHECK((tradeoff::normalise(constant, {}, {1.0, 2.0}) == 1.0).all());
}

TEST_CASE("normalise against its formula on random data with given bounds NaN and senses") {
  std::mt19937_64 random(4);
  std::uniform_real_distribution<double> uniform(-3.0, 5.0);
  for (int trial = 0; trial < 30; ++trial) {
    const Eigen::Index n = 1 + trial % 9;
    const Eigen::Index d = 1 + trial % 3;
    Eigen::ArrayXXd x(n, d);
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = 0; j < d; ++j) {
        x(i, j) = trial % 2 == 0 ? std::round(uniform(random)) : uniform(random);
      }
    }
    if (n > 2) {
      x(1, 0) = nan_value;
    }
    std::vector<sense> senses(static_cast<std::size_t>(d), sense::minimize);
    senses[0] = trial % 3 == 0 ? sense::maximize : sense::minimize;
    Eigen::ArrayXd lower = Eigen::ArrayXd::Constant(d, -4.0);
    Eigen::ArrayXd upper = Eigen::ArrayXd::Constant(d, 6.0);
    lower(0) = nan_value;  // the data's own lower bound in column 0 (rows without NaN)
    const Eigen::ArrayXXd copy = x;
    const Eigen::ArrayXXd y = tradeoff::normalise(x, lower, upper, senses, {-1.0, 3.0});
    CHECK((x.isNaN() == copy.isNaN()).all());
    for (Eigen::Index j = 0; j < d; ++j) {
      double low = lower(j);
      if (std::isnan(low)) {
        low = 1e300;
        for (Eigen::Index i = 0; i < n; ++i) {
          if (!x.row(i).isNaN().any()) {
            low = std::min(low, x(i, j));
          }
        }
      }
      for (Eigen::Index i = 0; i < n; ++i) {
        if (std::isnan(x(i, j))) {
          CHECK(std::isnan(y(i, j)));
          continue;
        }
        const double t = (x(i, j) - low) / (upper(j) - low) * 4.0;
        const double expected = senses[static_cast<std::size_t>(j)] == sense::maximize ? 3.0 - t : -1.0 + t;
        CHECK(y(i, j) == doctest::Approx(expected));
      }
    }
  }
}

TEST_CASE("normalise bad input E215 to E217") {
  const Eigen::ArrayXXd x = Eigen::ArrayXXd::Constant(2, 2, 1.0);
  // E215: zero-width bounds given by the caller
  std::string message = tradeoff_test::invalid_argument_message([&] {
    static_cast<void>(tradeoff::normalise(x, Eigen::ArrayXd::Constant(2, 1.0), Eigen::ArrayXd::Constant(2, 1.0)));
  });
  CHECK(message == "tradeoff::normalise: lower(0) = 1 and upper(0) = 1 are not finite bounds with lower < upper (a "
                   "zero-width or inverted range cannot be normalised)");
  message = tradeoff_test::invalid_argument_message([&] {
    static_cast<void>(tradeoff::normalise(x, Eigen::ArrayXd::Constant(2, 2.0), Eigen::ArrayXd::Constant(2, 1.0)));
  });
  CHECK(message.find("zero-width or inverted") != std::string::npos);
  // E216: bounds of another size
  message = tradeoff_test::invalid_argument_message([&] {
    static_cast<void>(tradeoff::normalise(x, Eigen::ArrayXd::Zero(3), Eigen::ArrayXd()));
  });
  CHECK(message.rfind("tradeoff::normalise: lower has 3 entries", 0) == 0);
  // E217: a degenerate target range
  message = tradeoff_test::invalid_argument_message(
      [&] { static_cast<void>(tradeoff::normalise(x, {}, {1.0, 1.0})); });
  CHECK(message == "tradeoff::normalise: range = (1, 1) must be two different finite values");
}
