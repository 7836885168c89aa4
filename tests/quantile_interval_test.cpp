// tradeoff/quantile_interval.hpp against scipy.stats.binom (tests/golden/make_golden_quantile_interval.py).
#include <tradeoff/quantile_interval.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <limits>
#include <random>
#include <sstream>
#include <string>

TEST_CASE("ranks and coverage equal scipy's binomial construction") {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_quantile_interval.txt");
  REQUIRE(in.good());
  std::string line;
  int cases = 0;
  std::mt19937_64 engine(5);
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Eigen::Index n = 0, lower = 0, upper = 0;
    std::string level_text, confidence_text, coverage_text;
    fields >> n >> level_text >> confidence_text >> lower >> upper >> coverage_text;
    const double level = std::strtod(level_text.c_str(), nullptr);
    const double confidence = std::strtod(confidence_text.c_str(), nullptr);
    const double coverage = std::strtod(coverage_text.c_str(), nullptr);
    // a shuffled sample whose k-th smallest value is 10 k, with NaN mixed in
    Eigen::ArrayXd values(n + 3);
    for (Eigen::Index k = 0; k < n; ++k) values(k) = 10.0 * static_cast<double>(k + 1);
    for (Eigen::Index k = n; k < n + 3; ++k) values(k) = std::numeric_limits<double>::quiet_NaN();
    std::shuffle(values.data(), values.data() + values.size(), engine);
    const auto interval = tradeoff::quantile_interval(values, level, confidence);
    INFO("n " << n << " level " << level << " confidence " << confidence);
    CHECK(interval.n == n);
    CHECK(interval.lower_rank == lower);
    CHECK(interval.upper_rank == upper);
    CHECK(std::fabs(interval.coverage - coverage) <= 1e-12 * coverage);
    if (lower >= 1) {
      CHECK(std::equal_to<>{}(interval.low, 10.0 * static_cast<double>(lower)));
    } else {
      CHECK(std::isinf(interval.low));
      CHECK(interval.low < 0.0);
    }
    if (upper <= n) {
      CHECK(std::equal_to<>{}(interval.high, 10.0 * static_cast<double>(upper)));
    } else {
      CHECK(std::isinf(interval.high));
      CHECK(interval.high > 0.0);
    }
    if (lower >= 1 && upper <= n) {
      CHECK(interval.coverage >= confidence);
    }
    ++cases;
  }
  CHECK(cases == 300);
}

TEST_CASE("the textbook median interval for n = 20") {
  Eigen::ArrayXd values(20);
  for (Eigen::Index i = 0; i < 20; ++i) values(i) = static_cast<double>((i * 7) % 20);  // 0..19 permuted
  const auto interval = tradeoff::median_interval(values);
  CHECK(interval.lower_rank == 6);
  CHECK(interval.upper_rank == 15);
  CHECK(interval.low == doctest::Approx(5.0));
  CHECK(interval.high == doctest::Approx(14.0));
  CHECK(interval.coverage == doctest::Approx(0.958610535).epsilon(1e-9));
}

TEST_CASE("the achieved coverage holds in a simulation") {
  // lognormal samples of n = 25: the true median is 1; the interval must cover it in about
  // `coverage` of the trials (binomial sampling error, 2000 trials: 4 sigma is about 0.02)
  std::mt19937_64 engine(11);
  std::lognormal_distribution<double> lognormal(0.0, 1.0);
  const int trials = 2000;
  int covered = 0;
  double coverage = 0.0;
  for (int t = 0; t < trials; ++t) {
    Eigen::ArrayXd sample(25);
    for (Eigen::Index i = 0; i < sample.size(); ++i) sample(i) = lognormal(engine);
    const auto interval = tradeoff::median_interval(sample, 0.9);
    coverage = interval.coverage;
    covered += interval.low <= 1.0 && 1.0 <= interval.high ? 1 : 0;
  }
  const double observed = covered / static_cast<double>(trials);
  INFO("observed " << observed << " achieved " << coverage);
  CHECK(std::fabs(observed - coverage) < 0.03);
}

TEST_CASE("quantile_interval rejects bad levels and empty samples") {
  const Eigen::ArrayXd v = Eigen::ArrayXd::LinSpaced(5, 1.0, 5.0);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::quantile_interval(v, 0.0)), std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::quantile_interval(v, 0.5, 1.0)), std::domain_error);
  const Eigen::ArrayXd nothing = Eigen::ArrayXd::Constant(3, std::numeric_limits<double>::quiet_NaN());
  CHECK_THROWS_AS(static_cast<void>(tradeoff::median_interval(nothing)), std::invalid_argument);
}
