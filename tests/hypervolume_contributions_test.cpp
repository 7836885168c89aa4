#include <tradeoff/hypervolume.hpp>
#include <tradeoff/hypervolume_contributions.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

using tradeoff::sense;

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

// The definition: HV(S) - HV(S without row i) by the library's hypervolume; NaN rows give NaN.
Eigen::ArrayXd naive_contributions(const Eigen::ArrayXXd& points, const Eigen::ArrayXd& reference,
                                   const std::vector<sense>& senses) {
  const Eigen::Index n = points.rows();
  const double total = tradeoff::hypervolume(points, reference, senses);
  Eigen::ArrayXd result(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (points.row(i).isNaN().any()) {
      result(i) = nan_value;
      continue;
    }
    Eigen::ArrayXXd rest(n - 1, points.cols());
    for (Eigen::Index k = 0, r = 0; k < n; ++k) {
      if (k != i) {
        rest.row(r++) = points.row(k);
      }
    }
    result(i) = total - tradeoff::hypervolume(rest, reference, senses);
  }
  return result;
}

// Random points on an integer grid (ties and copies), some NaN, some outside the reference.
Eigen::ArrayXXd grid_points(std::mt19937_64& random, Eigen::Index n, Eigen::Index d, int levels,
                            bool with_nan) {
  std::uniform_int_distribution<int> level(0, levels);
  std::uniform_int_distribution<int> pick(0, 19);
  Eigen::ArrayXXd points(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < d; ++j) {
      points(i, j) = level(random);
    }
    if (i > 0 && pick(random) == 0) {
      points.row(i) = points.row(i - 1);  // an exact copy
    }
    if (with_nan && pick(random) == 1) {
      points(i, 0) = nan_value;
    }
  }
  return points;
}

void check_against_definition(const Eigen::ArrayXXd& points, const Eigen::ArrayXd& reference,
                              const std::vector<sense>& senses) {
  const Eigen::ArrayXd fast = tradeoff::hypervolume_contributions(points, reference, senses);
  const Eigen::ArrayXd slow = naive_contributions(points, reference, senses);
  const double scale = std::max(1.0, tradeoff::hypervolume(points, reference, senses));
  REQUIRE(fast.size() == points.rows());
  for (Eigen::Index i = 0; i < points.rows(); ++i) {
    if (std::isnan(slow(i))) {
      CHECK(std::isnan(fast(i)));
    } else {
      CHECK(std::abs(fast(i) - slow(i)) <= 1e-12 * scale);
      CHECK(fast(i) >= 0.0);
    }
  }
}

}  // namespace

TEST_CASE("hypervolume_contributions equal HV(S) - HV(S without p) on random grids with ties") {
  std::mt19937_64 random(18);
  for (Eigen::Index d = 1; d <= 5; ++d) {
    for (int trial = 0; trial < 60; ++trial) {
      const Eigen::Index n = 1 + static_cast<Eigen::Index>(trial % 25);
      const int levels = trial % 3 == 0 ? 3 : 9;
      const Eigen::ArrayXXd points = grid_points(random, n, d, levels, trial % 4 == 1);
      std::vector<sense> senses;
      Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(d, levels + (trial % 2 == 0 ? 1.0 : 0.0));
      if (trial % 5 == 2) {
        senses.assign(static_cast<std::size_t>(d), sense::minimize);
        senses[0] = sense::maximize;
        reference(0) = -1.0;
      }
      CAPTURE(d);
      CAPTURE(trial);
      check_against_definition(points, reference, senses);
    }
  }
}

TEST_CASE("hypervolume_contributions equal the definition on continuous fronts and clouds") {
  std::mt19937_64 random(7);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  for (Eigen::Index d = 2; d <= 5; ++d) {
    for (int trial = 0; trial < 6; ++trial) {
      const Eigen::Index n = 40;
      Eigen::ArrayXXd points(n, d);
      for (Eigen::Index i = 0; i < n; ++i) {
        double norm = 0.0;
        for (Eigen::Index j = 0; j < d; ++j) {
          points(i, j) = std::abs(normal(random));
          norm += points(i, j) * points(i, j);
        }
        if (trial % 2 == 0) {
          points.row(i) /= std::sqrt(norm);  // on the sphere: every point on the front
        } else {
          for (Eigen::Index j = 0; j < d; ++j) {
            points(i, j) = uniform(random);
          }
        }
      }
      CAPTURE(d);
      CAPTURE(trial);
      check_against_definition(points, Eigen::ArrayXd::Constant(d, 1.1), {});
    }
  }
}

TEST_CASE("hypervolume_contributions of a 3-D sphere front of 2500 points sum like the definition") {
  // Large enough for the radix sorts; checked against the definition on a sample of rows.
  std::mt19937_64 random(3);
  std::normal_distribution<double> normal(0.0, 1.0);
  const Eigen::Index n = 2500;
  Eigen::ArrayXXd points(n, 3);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < 3; ++j) {
      points(i, j) = std::abs(normal(random));
    }
    points.row(i) /= points.row(i).matrix().norm();
  }
  const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(3, 1.0);
  const Eigen::ArrayXd fast = tradeoff::hypervolume_contributions(points, reference);
  const double total = tradeoff::hypervolume(points, reference);
  for (Eigen::Index i = 0; i < n; i += 97) {
    Eigen::ArrayXXd rest(n - 1, 3);
    rest.topRows(i) = points.topRows(i);
    rest.bottomRows(n - 1 - i) = points.bottomRows(n - 1 - i);
    CHECK(std::abs(fast(i) - (total - tradeoff::hypervolume(rest, reference))) <= 1e-13);
  }
}

TEST_CASE("2-D contributions of a front over many rows each dominated by one front point are exact") {
  // A staircase front of 400 integer points and 4,000 integer rows behind it, most of them
  // dominated by exactly one front point: integer areas are exact in double, so the library's
  // answer must equal HV(S) - HV(S without the point) exactly. (Before issue 18 such rows sent
  // every front point through a hypervolume of all rows: quadratic, and losing digits to the
  // cancellation of two large areas.)
  std::mt19937_64 random(18);
  const int steps = 400;
  std::uniform_int_distribution<int> step(0, steps - 1);
  std::uniform_int_distribution<int> offset(0, 12);
  Eigen::ArrayXXd points(steps + 4000, 2);
  for (int k = 0; k < steps; ++k) {
    points(k, 0) = 10.0 * k;
    points(k, 1) = 10.0 * (steps - k);
  }
  for (Eigen::Index i = steps; i < points.rows(); ++i) {
    const int k = step(random);
    points(i, 0) = 10.0 * k + offset(random);  // up to 2 past the next step: a few rows have two dominators
    points(i, 1) = 10.0 * (steps - k) + offset(random);
  }
  const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(2, 10.0 * steps + 20.0);
  const Eigen::ArrayXd fast = tradeoff::hypervolume_contributions(points, reference);
  const double total = tradeoff::hypervolume(points, reference);
  Eigen::Index differing = 0;
  for (Eigen::Index i = 0; i < steps; ++i) {
    Eigen::ArrayXXd rest(points.rows() - 1, 2);
    rest.topRows(i) = points.topRows(i);
    rest.bottomRows(points.rows() - 1 - i) = points.bottomRows(points.rows() - 1 - i);
    differing += fast(i) == total - tradeoff::hypervolume(rest, reference) ? 0 : 1;
  }
  CHECK(differing == 0);
  CHECK((fast.tail(points.rows() - steps) == 0.0).all());
}

TEST_CASE("hypervolume_contributions policies on copies dominated rows and NaN") {
  const Eigen::ArrayXd reference = Eigen::ArrayXd::Constant(2, 4.0);
  Eigen::ArrayXXd points(5, 2);
  points << 1, 3,   // front
      2, 2,         // front, with a copy below
      2, 2,         // the copy
      3, 1,         // front, dominating the next row alone
      3.5, 1.5;     // dominated by (3, 1) only: covers [3.5, 4) x [1.5, 2) of its own region
  const Eigen::ArrayXd c = tradeoff::hypervolume_contributions(points, reference);
  CHECK(c(0) == doctest::Approx(1.0 * 1.0));
  CHECK(c(1) == 0.0);
  CHECK(c(2) == 0.0);
  CHECK(c(3) == doctest::Approx(1.0 * 1.0 - 0.5 * 0.5));  // [3, 4) x [1, 2) minus that
  CHECK(c(4) == 0.0);
  Eigen::ArrayXXd with_nan = points;
  with_nan(0, 1) = nan_value;
  const Eigen::ArrayXd d = tradeoff::hypervolume_contributions(with_nan, reference);
  CHECK(std::isnan(d(0)));
  CHECK(tradeoff::least_contributor(with_nan, reference) == 1);
  Eigen::ArrayXXd front(3, 2);
  front << 1, 3, 2, 2.5, 3, 1;
  CHECK(tradeoff::least_contributor(front, reference) == 1);
  CHECK(tradeoff::least_contributor(Eigen::ArrayXXd(0, 2), reference) == -1);
}

TEST_CASE("hypervolume_contributions bad input E210") {
  Eigen::ArrayXXd points(2, 2);
  points << 1, -std::numeric_limits<double>::infinity(), 2, 1;
  CHECK_THROWS_AS(static_cast<void>(tradeoff::hypervolume_contributions(points, Eigen::ArrayXd::Constant(2, 3.0))),
                  std::domain_error);
  const std::string message = tradeoff_test::invalid_argument_message([] {
    static_cast<void>(tradeoff::least_contributor(Eigen::ArrayXXd::Zero(2, 2), Eigen::ArrayXd::Zero(3)));
  });
  CHECK(message.rfind("tradeoff::least_contributor: reference", 0) == 0);
}
