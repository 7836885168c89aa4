// tradeoff/front_probability.hpp against its definition, re-derived here by brute force: the
// documented streams (bootstrap.hpp's generator), each configuration's median or mean by sorting
// or summing its resampled runs, and the front by pairwise dominance.
#include <tradeoff/front_probability.hpp>

#include <tradeoff/detail/float_exact.hpp>
#include <tradeoff/detail/normal_distribution.hpp>
#include <tradeoff/detail/random_stream.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

using tradeoff::sense;

// Row a dominates row b (each column in its sense).
bool dominates(const std::vector<double>& a, const std::vector<double>& b, const std::vector<sense>& senses) {
  bool strictly = false;
  for (std::size_t j = 0; j < a.size(); ++j) {
    const double sa = senses[j] == sense::minimize ? a[j] : -a[j];
    const double sb = senses[j] == sense::minimize ? b[j] : -b[j];
    if (!(sa <= sb)) {
      return false;
    }
    strictly = strictly || sa < sb;
  }
  return strictly;
}

std::vector<bool> brute_front(const std::vector<std::vector<double>>& rows, const std::vector<sense>& senses) {
  std::vector<bool> on(rows.size(), false);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    bool valid = !rows[i].empty();
    for (const double v : rows[i]) {
      valid = valid && !std::isnan(v);
    }
    bool dominated = false;
    for (std::size_t k = 0; valid && k < rows.size() && !dominated; ++k) {
      dominated = !rows[k].empty() && dominates(rows[k], rows[i], senses);
    }
    on[i] = valid && !dominated;
  }
  return on;
}

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

}  // namespace

TEST_CASE("front probability by bootstrap equals its brute-force definition") {
  std::mt19937_64 generator(5);
  for (int trial = 0; trial < 20; ++trial) {
    const int configs = 2 + static_cast<int>(generator() % 12);
    const Eigen::Index n = configs * 4;
    Eigen::ArrayXi key(n);
    Eigen::ArrayXXd points(n, 2);
    for (Eigen::Index i = 0; i < n; ++i) {
      key(i) = static_cast<int>(generator() % static_cast<std::uint64_t>(configs));
      points(i, 0) = static_cast<double>(generator() % 7);  // integer grid: ties between configurations
      points(i, 1) = static_cast<double>(generator() % 7);
      if (generator() % 19 == 0) {
        points(i, generator() % 2) = std::numeric_limits<double>::quiet_NaN();
      }
    }
    const auto g = tradeoff::group_by(key);
    const std::vector<sense> senses = {sense::minimize, trial % 2 == 0 ? sense::minimize : sense::maximize};
    tradeoff::front_probability_options options;
    options.resamples = 200;
    options.seed = static_cast<std::uint64_t>(trial);
    const tradeoff::front_probability_result r =
        tradeoff::front_probability(g, points, senses, tradeoff::statistic::median(), options);

    // the definition: valid runs per configuration (codes renumber the sorted keys 0 .. G - 1)
    const Eigen::Index groups = g.groups();
    std::vector<std::vector<std::vector<double>>> runs(static_cast<std::size_t>(groups));
    std::vector<int> sorted_keys(key.data(), key.data() + n);
    std::sort(sorted_keys.begin(), sorted_keys.end());
    sorted_keys.erase(std::unique(sorted_keys.begin(), sorted_keys.end()), sorted_keys.end());
    for (Eigen::Index i = 0; i < n; ++i) {
      if (!std::isnan(points(i, 0)) && !std::isnan(points(i, 1))) {
        const auto c = static_cast<std::size_t>(
            std::lower_bound(sorted_keys.begin(), sorted_keys.end(), key(i)) - sorted_keys.begin());
        runs[c].push_back({points(i, 0), points(i, 1)});
      }
    }
    std::vector<tradeoff::detail::random_stream> streams;
    for (Eigen::Index c = 0; c < groups; ++c) {
      streams.emplace_back(options.seed, static_cast<std::uint64_t>(c));
    }
    std::vector<int> hits(static_cast<std::size_t>(groups), 0);
    for (Eigen::Index b = 0; b < options.resamples; ++b) {
      std::vector<std::vector<double>> table(static_cast<std::size_t>(groups));
      for (std::size_t c = 0; c < runs.size(); ++c) {
        const std::size_t m = runs[c].size();
        if (m == 0) {
          continue;
        }
        std::vector<double> first;
        std::vector<double> second;
        for (std::size_t k = 0; k < m; ++k) {
          const std::uint32_t at = streams[c].below(static_cast<std::uint32_t>(m));
          first.push_back(runs[c][at][0]);
          second.push_back(runs[c][at][1]);
        }
        table[c] = {median_of(first), median_of(second)};
      }
      const std::vector<bool> on = brute_front(table, senses);
      for (std::size_t c = 0; c < on.size(); ++c) {
        hits[c] += on[c] ? 1 : 0;
      }
    }
    for (Eigen::Index c = 0; c < groups; ++c) {
      const auto at = static_cast<std::size_t>(c);
      CHECK(r.count(c) == static_cast<int>(runs[at].size()));
      if (runs[at].empty()) {
        CHECK(std::isnan(r.probability(c)));
        continue;
      }
      CHECK(r.probability(c) == static_cast<double>(hits[at]) / static_cast<double>(options.resamples));
      CHECK(r.estimate(c, 0) == median_of([&] {
              std::vector<double> v;
              for (const auto& run : runs[at]) {
                v.push_back(run[0]);
              }
              return v;
            }()));
    }
  }
}

TEST_CASE("a configuration that always wins has probability 1 and one always beaten has 0") {
  // config 0 beats config 1 in every run; config 2 trades off with 0 and is noisy
  const Eigen::ArrayXi key = (Eigen::ArrayXi(9) << 0, 0, 0, 1, 1, 1, 2, 2, 2).finished();
  Eigen::ArrayXXd points(9, 2);
  points << 1.0, 1.0, 1.1, 0.9, 0.9, 1.1,  //
      5.0, 5.0, 5.2, 5.1, 4.9, 5.3,         //
      0.5, 3.0, 2.0, 0.5, 0.2, 2.0;
  const auto g = tradeoff::group_by(key);
  const auto r = tradeoff::front_probability(g, points, {}, tradeoff::statistic::mean());
  CHECK(r.probability(0) == 1.0);
  CHECK(r.probability(1) == 0.0);
  CHECK(r.probability(2) > 0.0);
  CHECK((r.front == 0).any());
  CHECK(!(r.front == 1).any());
  // the same seed gives the same answer; another seed another sequence
  const auto again = tradeoff::front_probability(g, points, {}, tradeoff::statistic::mean());
  CHECK((again.probability == r.probability).all());
}

TEST_CASE("front probability under normal noise equals its Monte Carlo definition") {
  std::mt19937_64 generator(11);
  const Eigen::Index n = 25;
  Eigen::ArrayXXd points(n, 2);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double t = static_cast<double>(generator() % 1000) / 1000.0;
    points(i, 0) = t + static_cast<double>(generator() % 100) / 500.0;
    points(i, 1) = 1.0 - t + static_cast<double>(generator() % 100) / 500.0;
  }
  points(3, 1) = std::numeric_limits<double>::quiet_NaN();
  const Eigen::Array2d scale(0.05, 0.02);
  tradeoff::front_probability_options options;
  options.resamples = 300;
  options.seed = 42;
  const auto r = tradeoff::front_probability_noise(points, scale, {sense::minimize, sense::minimize}, options);
  std::vector<tradeoff::detail::random_stream> streams;
  for (Eigen::Index i = 0; i < n; ++i) {
    streams.emplace_back(options.seed, static_cast<std::uint64_t>(i));
  }
  std::vector<int> hits(static_cast<std::size_t>(n), 0);
  for (Eigen::Index b = 0; b < options.resamples; ++b) {
    std::vector<std::vector<double>> table(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = 0; j < 2; ++j) {
        const std::uint64_t word = streams[static_cast<std::size_t>(i)].next64();
        const double u = (static_cast<double>(word >> 11U) + 0.5) / 9007199254740992.0;
        table[static_cast<std::size_t>(i)].push_back(
            tradeoff::detail::add_product(points(i, j), scale(j), tradeoff::detail::normal_quantile(u)));
      }
    }
    const std::vector<bool> on = brute_front(table, {sense::minimize, sense::minimize});
    for (std::size_t i = 0; i < on.size(); ++i) {
      hits[i] += on[i] ? 1 : 0;
    }
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    if (i == 3) {
      CHECK(std::isnan(r.probability(i)));
      CHECK(r.count(i) == 0);
      continue;
    }
    CHECK(r.probability(i) == static_cast<double>(hits[static_cast<std::size_t>(i)]) / 300.0);
  }
}

TEST_CASE("E175 a configuration without a valid run has probability NaN and is on no front") {
  const Eigen::ArrayXi key = (Eigen::ArrayXi(5) << 0, 0, 1, 1, 2).finished();
  Eigen::ArrayXXd points(5, 2);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  points << 1, 2, 2, 1, nan, 0, 0, nan, 3, 3;
  const auto r = tradeoff::front_probability(tradeoff::group_by(key), points);
  CHECK(r.count(1) == 0);
  CHECK(std::isnan(r.probability(1)));
  CHECK(r.estimate.row(1).isNaN().all());
  CHECK(!(r.front == 1).any());
  CHECK(r.count(2) == 1);  // one run: a fixed point, here dominated in every resample
  CHECK(r.probability(2) == 0.0);
  CHECK(r.probability(0) == 1.0);
}

TEST_CASE("zero noise gives probability 1 on the measured front and 0 off it") {
  Eigen::ArrayXXd points(4, 2);
  points << 1, 4, 2, 2, 3, 3, 4, 1;
  const auto r = tradeoff::front_probability_noise(points, Eigen::Array2d::Zero());
  const Eigen::ArrayXd want = (Eigen::ArrayXd(4) << 1, 1, 0, 1).finished();
  CHECK((r.probability == want).all());
  CHECK(r.front.size() == 3);
}

TEST_CASE("E170 E171 E172 E173 E174 bad input to the front probabilities") {
  const Eigen::ArrayXi key = (Eigen::ArrayXi(4) << 0, 0, 1, 1).finished();
  const auto g = tradeoff::group_by(key);
  const Eigen::ArrayXXd points = Eigen::ArrayXXd::Ones(4, 2);
  tradeoff::front_probability_options none;
  none.resamples = 0;
  // E170: no resamples
  CHECK_THROWS_WITH_AS(
      static_cast<void>(tradeoff::front_probability(g, points, {}, tradeoff::statistic::median(), none)),
      "tradeoff::front_probability: resamples = 0 must be positive", std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::front_probability_noise(points, Eigen::Array2d::Ones(), {}, none)),
                  std::invalid_argument);
  // E171: rows differ from the grouping
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::front_probability(g, points.topRows(3))),
                       "tradeoff::front_probability: points has 3 rows but the grouping has 4",
                       std::invalid_argument);
  // E172: senses of the wrong size, no objective
  CHECK_THROWS_AS(static_cast<void>(tradeoff::front_probability(g, points, {sense::minimize})),
                  std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::front_probability(g, Eigen::ArrayXXd(4, 0))), std::invalid_argument);
  // E173: a noise scale per objective
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::front_probability_noise(points, Eigen::Array3d::Ones())),
                       "tradeoff::front_probability_noise: noise_scale has 3 x 1 entries but points has 2 columns "
                       "(give one scale per objective)",
                       std::invalid_argument);
  // E174: negative or non-finite scale
  CHECK_THROWS_WITH_AS(
      static_cast<void>(tradeoff::front_probability_noise(points, Eigen::Array2d(0.1, -1.0))),
      "tradeoff::front_probability_noise: noise_scale(1) = -1 must be finite and non-negative", std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::front_probability_noise(
                      points, Eigen::Array2d(std::numeric_limits<double>::infinity(), 0.0))),
                  std::domain_error);
}
