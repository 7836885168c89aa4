#include <tradeoff/indicators.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using tradeoff::sense;

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

// The rows without NaN, each as a vector in the original space.
std::vector<std::vector<double>> valid_rows(const Eigen::ArrayXXd& set) {
  std::vector<std::vector<double>> rows;
  for (Eigen::Index i = 0; i < set.rows(); ++i) {
    if (!set.row(i).isNaN().any()) {
      rows.emplace_back();
      for (Eigen::Index j = 0; j < set.cols(); ++j) {
        rows.back().push_back(set(i, j));
      }
    }
  }
  return rows;
}

bool maximised(const std::vector<sense>& senses, std::size_t j) {
  return !senses.empty() && senses[j] == sense::maximize;
}

// The formulas of moocore's documentation, written out loop by loop.
double naive_epsilon(const Eigen::ArrayXXd& a_set, const Eigen::ArrayXXd& r_set,
                     const std::vector<sense>& senses, bool multiplicative) {
  double worst = -1e300;
  for (const auto& r : valid_rows(r_set)) {
    double best = 1e300;
    for (const auto& a : valid_rows(a_set)) {
      double e = -1e300;
      for (std::size_t j = 0; j < r.size(); ++j) {
        const double v = multiplicative ? (maximised(senses, j) ? r[j] / a[j] : a[j] / r[j])
                                        : (maximised(senses, j) ? r[j] - a[j] : a[j] - r[j]);
        e = std::max(e, v);
      }
      best = std::min(best, e);
    }
    worst = std::max(worst, best);
  }
  return worst;
}

// Mean over `from` of the distance to the nearest row of `to` (plus: only where `to` is worse).
double naive_distance(const Eigen::ArrayXXd& from_set, const Eigen::ArrayXXd& to_set,
                      const std::vector<sense>& senses, bool plus, double p) {
  double sum = 0.0;
  const auto from = valid_rows(from_set);
  for (const auto& f : from) {
    double best = 1e300;
    for (const auto& t : valid_rows(to_set)) {
      double s = 0.0;
      for (std::size_t j = 0; j < f.size(); ++j) {
        double diff = t[j] - f[j];  // how much worse t is than f, when minimised
        if (maximised(senses, j)) {
          diff = -diff;
        }
        if (plus) {
          diff = std::max(diff, 0.0);
        }
        s += diff * diff;
      }
      best = std::min(best, std::sqrt(s));
    }
    sum += std::pow(best, p);
  }
  return std::pow(sum / static_cast<double>(from.size()), 1.0 / p);
}

Eigen::ArrayXXd random_set(std::mt19937_64& random, Eigen::Index n, Eigen::Index d, bool grid) {
  std::uniform_int_distribution<int> level(1, 5);
  std::uniform_real_distribution<double> uniform(0.1, 2.0);
  std::uniform_int_distribution<int> pick(0, 9);
  Eigen::ArrayXXd set(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < d; ++j) {
      set(i, j) = grid ? level(random) : uniform(random);
    }
    if (i > 0 && pick(random) == 0) {
      set.row(i) = set.row(i - 1);
    }
    if (i > 0 && pick(random) == 1) {
      set(i, d - 1) = nan_value;
    }
  }
  return set;
}

}  // namespace

TEST_CASE("indicators equal their formulas on random sets with ties copies and NaN") {
  std::mt19937_64 random(2003);
  for (int trial = 0; trial < 120; ++trial) {
    const Eigen::Index d = 1 + trial % 4;
    const bool grid = trial % 2 == 0;
    const Eigen::ArrayXXd a = random_set(random, 1 + trial % 13, d, grid);
    const Eigen::ArrayXXd r = random_set(random, 1 + trial % 7, d, grid);
    std::vector<sense> senses;
    if (trial % 3 == 1) {
      senses.assign(static_cast<std::size_t>(d), sense::maximize);
      senses[0] = sense::minimize;
    }
    CAPTURE(trial);
    CHECK(tradeoff::epsilon_additive(a, r, senses) == doctest::Approx(naive_epsilon(a, r, senses, false)));
    CHECK(tradeoff::epsilon_multiplicative(a, r, senses) ==
          doctest::Approx(naive_epsilon(a, r, senses, true)));
    CHECK(tradeoff::igd(a, r, senses) == doctest::Approx(naive_distance(r, a, senses, false, 1.0)));
    CHECK(tradeoff::gd(a, r, senses) == doctest::Approx(naive_distance(a, r, senses, false, 1.0)));
    CHECK(tradeoff::igd_plus(a, r, senses) == doctest::Approx(naive_distance(r, a, senses, true, 1.0)));
    const double p = trial % 5 == 0 ? 2.0 : 1.0;
    CHECK(tradeoff::avg_hausdorff_distance(a, r, senses, p) ==
          doctest::Approx(std::max(naive_distance(a, r, senses, false, p),
                                   naive_distance(r, a, senses, false, p))));
  }
}

TEST_CASE("indicators on hand-made sets") {
  Eigen::ArrayXXd reference(2, 2);
  reference << 1, 2, 2, 1;
  Eigen::ArrayXXd points(2, 2);
  points << 1.5, 2, 2, 1.5;
  CHECK(tradeoff::epsilon_additive(points, reference) == doctest::Approx(0.5));
  CHECK(tradeoff::epsilon_multiplicative(points, reference) == doctest::Approx(1.5));
  CHECK(tradeoff::igd_plus(points, reference) == doctest::Approx(0.5));
  CHECK(tradeoff::epsilon_additive(reference, reference) == 0.0);
  CHECK(tradeoff::igd_plus(reference, reference) == 0.0);
  // A set that dominates R: IGD+ is 0, IGD is not.
  CHECK(tradeoff::igd_plus(reference - 0.5, reference) == 0.0);
  CHECK(tradeoff::igd(reference - 0.5, reference) > 0.0);
  CHECK(tradeoff::epsilon_additive(reference - 0.5, reference) == doctest::Approx(-0.5));
  // A maximised objective: the same sets mirrored give the same values.
  const std::vector<sense> max_both{sense::maximize, sense::maximize};
  CHECK(tradeoff::epsilon_additive(-points, -reference, max_both) == doctest::Approx(0.5));
  CHECK(tradeoff::igd_plus(-points, -reference, max_both) == doctest::Approx(0.5));
}

TEST_CASE("indicators bad input E211 to E214") {
  const Eigen::ArrayXXd two = Eigen::ArrayXXd::Constant(3, 2, 1.0);
  const Eigen::ArrayXXd three = Eigen::ArrayXXd::Constant(3, 3, 1.0);
  // E211: a reference set of another dimension
  std::string message = tradeoff_test::invalid_argument_message(
      [&] { static_cast<void>(tradeoff::igd_plus(two, three)); });
  CHECK(message.rfind("tradeoff::igd_plus: reference_set has 3 columns but points has 2", 0) == 0);
  // E212: an empty reference set, or one of NaN rows only; likewise points
  message = tradeoff_test::invalid_argument_message(
      [&] { static_cast<void>(tradeoff::epsilon_additive(two, Eigen::ArrayXXd(0, 2))); });
  CHECK(message.rfind("tradeoff::epsilon_additive: reference_set has no row without NaN", 0) == 0);
  message = tradeoff_test::invalid_argument_message([&] {
    static_cast<void>(tradeoff::igd(Eigen::ArrayXXd::Constant(2, 2, nan_value), two));
  });
  CHECK(message.rfind("tradeoff::igd: points has no row without NaN", 0) == 0);
  // E213: multiplicative epsilon with a value that is not > 0
  Eigen::ArrayXXd non_positive = two;
  non_positive(1, 0) = 0.0;
  try {
    static_cast<void>(tradeoff::epsilon_multiplicative(two, non_positive));
    FAIL("no std::domain_error");
  } catch (const std::domain_error& e) {
    CHECK(std::string(e.what()) == "tradeoff::epsilon_multiplicative: reference_set(1, 0) = 0 is not > 0 (the "
                                   "multiplicative epsilon needs positive values)");
  }
  CHECK_THROWS_AS(static_cast<void>(tradeoff::epsilon_multiplicative(-two, two)), std::domain_error);
  // E214: a Hausdorff exponent that is not finite and > 0
  message = tradeoff_test::invalid_argument_message(
      [&] { static_cast<void>(tradeoff::avg_hausdorff_distance(two, two, {}, 0.0)); });
  CHECK(message == "tradeoff::avg_hausdorff_distance: p = 0 is not a finite value > 0");
}
