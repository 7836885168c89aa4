// tradeoff/bootstrap.hpp against scipy 1.10.1's stats.bootstrap (tests/golden/make_golden_bootstrap.py).
#include <tradeoff/bootstrap.hpp>
#include <tradeoff/detail/random_stream.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

/// Equal, or both NaN.
bool same(double a, double b) { return std::equal_to<>{}(a, b) || (std::isnan(a) && std::isnan(b)); }

double hex_to_double(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

std::map<std::string, Eigen::ArrayXd> read_samples() {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_bootstrap_samples.txt");
  REQUIRE(in.good());
  std::map<std::string, Eigen::ArrayXd> samples;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name;
    Eigen::Index n = 0;
    fields >> name >> n;
    Eigen::ArrayXd values(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      std::string v;
      fields >> v;
      values(i) = hex_to_double(v);
    }
    samples[name] = values;
  }
  return samples;
}

/// One golden interval: how it was asked for and what scipy's arithmetic gave.
struct golden_case {
  std::string x, y, comparison_name, kind, quantile_method_name, method_name;
  double level = 0.5, confidence = 0.95;
  int ddof = 1;
  Eigen::Index resamples = 0;
  std::uint64_t seed = 0;
  double low = 0, high = 0, estimate = 0, standard_error = 0;

  [[nodiscard]] tradeoff::statistic statistic() const {
    const tradeoff::quantile_method method = tradeoff::parse_quantile_method(quantile_method_name);
    if (kind == "mean") return tradeoff::statistic::mean();
    if (kind == "median") return tradeoff::statistic::median();
    if (kind == "quantile") return tradeoff::statistic::quantile(level, method);
    if (kind == "iqr") return tradeoff::statistic::iqr(method);
    return tradeoff::statistic::standard_deviation(ddof);
  }
  [[nodiscard]] tradeoff::bootstrap_options options() const {
    tradeoff::bootstrap_options o;
    o.resamples = resamples;
    o.confidence_level = confidence;
    o.seed = seed;
    o.method = method_name == "percentile" ? tradeoff::interval_method::percentile
               : method_name == "basic"    ? tradeoff::interval_method::basic
                                           : tradeoff::interval_method::bca;
    return o;
  }
  [[nodiscard]] tradeoff::comparison how() const {
    return comparison_name == "ratio" ? tradeoff::comparison::ratio : tradeoff::comparison::difference;
  }
};

golden_case parse_case(std::istringstream& fields) {
  golden_case c;
  std::string level, confidence, low, high, estimate, se;
  fields >> c.x >> c.y >> c.comparison_name >> c.kind >> level >> c.quantile_method_name >> c.ddof >>
      c.method_name >> confidence >> c.resamples >> c.seed >> low >> high >> estimate >> se;
  c.level = hex_to_double(level);
  c.confidence = hex_to_double(confidence);
  c.low = hex_to_double(low);
  c.high = hex_to_double(high);
  c.estimate = hex_to_double(estimate);
  c.standard_error = hex_to_double(se);
  return c;
}

/// Distance in units in the last place (0 for two NaNs, huge for NaN against a number).
double ulps_apart(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b) ? 0.0 : 1e300;
  if (!(std::fabs(a - b) > 0.0)) return 0.0;
  return std::fabs(a - b) / std::numeric_limits<double>::denorm_min() <= 0.0
             ? 0.0
             : std::fabs(a - b) / std::fabs(std::nextafter(std::fabs(b), 2 * std::fabs(b) + 1) - std::fabs(b));
}

/// BCa endpoints compared so far, how many were bit-equal, and the largest distance in ulp.
struct bca_tally {
  int endpoints = 0;
  int equal = 0;
  double worst = 0.0;
};
bca_tally bca_seen;

/// Checks an interval: percentile/basic endpoints bit for bit, BCa's within `bca_ulps`.
void check_interval(const golden_case& c, const tradeoff::confidence_interval& got, double bca_ulps) {
  if (c.method_name == "bca") {
    for (const double d : {ulps_apart(got.low, c.low), ulps_apart(got.high, c.high)}) {
      ++bca_seen.endpoints;
      bca_seen.equal += d <= 0.0 ? 1 : 0;
      bca_seen.worst = std::max(bca_seen.worst, d);
    }
  }
  INFO(c.x << " " << c.y << " " << c.kind << " " << c.quantile_method_name << " " << c.method_name << " seed "
           << c.seed);
  const double allowed = c.method_name == "bca" ? bca_ulps : 0.0;
  CHECK(ulps_apart(got.low, c.low) <= allowed);
  CHECK(ulps_apart(got.high, c.high) <= allowed);
  CHECK(ulps_apart(got.estimate, c.estimate) <= 0.0);
  CHECK(ulps_apart(got.standard_error, c.standard_error) <= 0.0);
}

}  // namespace

TEST_CASE("the generator draws the documented streams") {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_bootstrap_generator.txt");
  REQUIRE(in.good());
  std::string comment;
  std::getline(in, comment);
  tradeoff::detail::random_stream words(42, 3);
  for (int k = 0; k < 4; ++k) {
    unsigned long long expected = 0;
    in >> expected;
    CHECK(words.next64() == expected);
  }
  tradeoff::detail::random_stream draws(7, 0);
  for (int k = 0; k < 25; ++k) {
    unsigned long long expected = 0;
    in >> expected;
    CHECK(draws.below(k < 20 ? 10U : 3000000000U) == expected);
  }
}

TEST_CASE("intervals on the library's streams equal scipy's arithmetic") {
  const auto samples = read_samples();
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_bootstrap_streams.txt");
  REQUIRE(in.good());
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    const golden_case c = parse_case(fields);
    const Eigen::ArrayXd& x = samples.at(c.x);
    if (c.y == "-") {
      check_interval(c, tradeoff::bootstrap_interval(x, c.statistic(), c.options()), 8.0);
    } else {
      check_interval(c, tradeoff::bootstrap_interval(x, samples.at(c.y), c.statistic(), c.how(), c.options()), 8.0);
    }
    ++cases;
  }
  CHECK(cases == 168);
  MESSAGE("BCa endpoints: " << bca_seen.equal << " of " << bca_seen.endpoints << " bit-equal, worst "
                            << bca_seen.worst << " ulp");
}

TEST_CASE("intervals on numpy's resamples equal scipy.stats.bootstrap") {
  const auto samples = read_samples();
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_bootstrap_scipy.txt");
  REQUIRE(in.good());
  std::string line;
  std::getline(in, line);
  int cases = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string tag;
    fields >> tag;
    REQUIRE(tag == "case");
    const golden_case c = parse_case(fields);
    auto read_matrix = [&](Eigen::Index columns) {
      Eigen::ArrayXXi indices(c.resamples, columns);
      for (Eigen::Index b = 0; b < c.resamples; ++b) {
        REQUIRE(std::getline(in, line));
        std::istringstream row(line);
        row >> tag;
        for (Eigen::Index i = 0; i < columns; ++i) row >> indices(b, i);
      }
      return indices;
    };
    const Eigen::ArrayXd& x = samples.at(c.x);
    const Eigen::ArrayXXi x_indices = read_matrix(x.size());
    if (c.y == "-") {
      check_interval(c, tradeoff::bootstrap_interval_from_indices(x, c.statistic(), x_indices, c.options()), 8.0);
    } else {
      const Eigen::ArrayXd& y = samples.at(c.y);
      const Eigen::ArrayXXi y_indices = read_matrix(y.size());
      check_interval(c,
                     tradeoff::bootstrap_interval_from_indices(x, y, c.statistic(), c.how(), x_indices, y_indices,
                                                               c.options()),
                     8.0);
    }
    ++cases;
  }
  CHECK(cases == 7);
}

TEST_CASE("a grouped call gives group g the interval of its values on stream g") {
  // three groups, rows interleaved, with NaN values and a dropped row
  Eigen::ArrayXd keys(14);
  keys << 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, -1, 2;
  Eigen::ArrayXd values(14);
  values << 3.5, 1.0, 7.0, not_a_number, 2.0, 8.5, 4.0, 1.5, 6.0, 5.25, 1.25, not_a_number, 100.0, 3.0;
  const Eigen::Array<bool, Eigen::Dynamic, 1> mask = keys >= 0.0;
  const auto g = tradeoff::group_by(keys, mask);
  REQUIRE(g.groups() == 3);
  tradeoff::bootstrap_options options;
  options.resamples = 499;
  options.seed = 12345;
  for (const auto method : {tradeoff::interval_method::percentile, tradeoff::interval_method::basic,
                            tradeoff::interval_method::bca}) {
    options.method = method;
    const tradeoff::group_intervals grouped =
        tradeoff::bootstrap_interval(g, values, tradeoff::statistic::median(), options);
    for (Eigen::Index j = 0; j < 3; ++j) {
      std::vector<double> members;
      for (Eigen::Index i = 0; i < keys.size(); ++i) {
        if (g.codes()(i) == j && !std::isnan(values(i))) members.push_back(values(i));
      }
      const Eigen::Map<const Eigen::ArrayXd> group_values(members.data(), static_cast<Eigen::Index>(members.size()));
      // stream g's indices, drawn here as the docs define them
      tradeoff::detail::random_stream stream(options.seed, static_cast<std::uint64_t>(j));
      Eigen::ArrayXXi indices(options.resamples, group_values.size());
      for (Eigen::Index b = 0; b < indices.rows(); ++b) {
        for (Eigen::Index i = 0; i < indices.cols(); ++i) {
          indices(b, i) = static_cast<int>(stream.below(static_cast<std::uint32_t>(group_values.size())));
        }
      }
      const tradeoff::confidence_interval alone =
          tradeoff::bootstrap_interval_from_indices(group_values, tradeoff::statistic::median(), indices, options);
      CHECK(grouped.count(j) == static_cast<int>(members.size()));
      CHECK(std::equal_to<>{}(grouped.estimate(j), alone.estimate));
      CHECK(std::equal_to<>{}(grouped.low(j), alone.low));
      CHECK(std::equal_to<>{}(grouped.high(j), alone.high));
      CHECK(std::equal_to<>{}(grouped.standard_error(j), alone.standard_error));
      if (j == 0) {  // stream 0 is also the one-sample call's stream
        const auto direct = tradeoff::bootstrap_interval(group_values, tradeoff::statistic::median(), options);
        CHECK(std::equal_to<>{}(direct.low, alone.low));
        CHECK(std::equal_to<>{}(direct.high, alone.high));
      }
    }
  }
}

TEST_CASE("groups with fewer than two valid values get NaN endpoints") {
  Eigen::ArrayXi keys(6);
  keys << 0, 1, 1, 2, 2, 2;
  Eigen::ArrayXd values(6);
  values << 4.0, 1.0, not_a_number, 2.0, 3.0, 5.0;
  const auto g = tradeoff::group_by(keys);
  tradeoff::bootstrap_options options;
  options.resamples = 99;
  const auto result = tradeoff::bootstrap_interval(g, values, tradeoff::statistic::mean(), options);
  CHECK(result.count(0) == 1);
  CHECK(result.count(1) == 1);
  CHECK(result.count(2) == 3);
  CHECK(std::equal_to<>{}(result.estimate(0), 4.0));
  CHECK(std::equal_to<>{}(result.estimate(1), 1.0));
  CHECK(std::isnan(result.low(0)));
  CHECK(std::isnan(result.high(1)));
  CHECK(std::isnan(result.standard_error(1)));
  CHECK(std::isfinite(result.low(2)));
  CHECK(result.low(2) <= result.high(2));
}

TEST_CASE("NaN values are skipped before resampling") {
  Eigen::ArrayXd clean(6);
  clean << 2.0, 9.0, 4.0, 4.0, 1.0, 7.5;
  Eigen::ArrayXd with_gaps(9);
  with_gaps << not_a_number, 2.0, 9.0, not_a_number, 4.0, 4.0, 1.0, not_a_number, 7.5;
  tradeoff::bootstrap_options options;
  options.resamples = 777;
  options.seed = 3;
  for (const auto& s : {tradeoff::statistic::mean(), tradeoff::statistic::median(), tradeoff::statistic::iqr(),
                        tradeoff::statistic::standard_deviation(0)}) {
    const auto a = tradeoff::bootstrap_interval(clean, s, options);
    const auto b = tradeoff::bootstrap_interval(with_gaps, s, options);
    CHECK(same(a.low, b.low));  // the median's BCa is NaN here: every jackknife median is 4
    CHECK(same(a.high, b.high));
    CHECK(same(a.estimate, b.estimate));
    CHECK(same(a.standard_error, b.standard_error));
  }
}

TEST_CASE("all-equal samples give a point interval or NaN for BCa as scipy") {
  const Eigen::ArrayXd same = Eigen::ArrayXd::Constant(8, 2.5);
  tradeoff::bootstrap_options options;
  options.resamples = 50;
  options.method = tradeoff::interval_method::percentile;
  auto interval = tradeoff::bootstrap_interval(same, tradeoff::statistic::median(), options);
  CHECK(std::equal_to<>{}(interval.low, 2.5));
  CHECK(std::equal_to<>{}(interval.high, 2.5));
  CHECK(std::equal_to<>{}(interval.standard_error, 0.0));
  options.method = tradeoff::interval_method::basic;
  interval = tradeoff::bootstrap_interval(same, tradeoff::statistic::mean(), options);
  CHECK(std::equal_to<>{}(interval.low, 2.5));
  CHECK(std::equal_to<>{}(interval.high, 2.5));
  options.method = tradeoff::interval_method::bca;
  interval = tradeoff::bootstrap_interval(same, tradeoff::statistic::mean(), options);
  CHECK(std::isnan(interval.low));
  CHECK(std::isnan(interval.high));
  CHECK(std::equal_to<>{}(interval.estimate, 2.5));
}

TEST_CASE("a ratio with a zero denominator follows numpy division") {
  Eigen::ArrayXd x(3);
  x << 1.0, 2.0, 3.0;
  Eigen::ArrayXd zeros = Eigen::ArrayXd::Zero(4);
  tradeoff::bootstrap_options options;
  options.resamples = 20;
  options.method = tradeoff::interval_method::percentile;
  const auto interval =
      tradeoff::bootstrap_interval(x, zeros, tradeoff::statistic::mean(), tradeoff::comparison::ratio, options);
  CHECK(std::isinf(interval.estimate));
  // every resampled ratio is +inf, and numpy's lerp of inf and inf is inf - inf = NaN
  CHECK(std::isnan(interval.low));
  const auto nan_ratio =
      tradeoff::bootstrap_interval(zeros, zeros, tradeoff::statistic::mean(), tradeoff::comparison::ratio, options);
  CHECK(std::isnan(nan_ratio.low));  // 0/0 in the distribution: np.percentile gives NaN
  CHECK(std::isnan(nan_ratio.high));
}

TEST_CASE("nominal 95 percent intervals cover the mean in a fast simulation") {
  // 400 normal samples of n = 30; true mean 1. A small, generous check (the long run is documented).
  std::mt19937_64 engine(2026);  // only to make test data; the library does not use <random>
  std::normal_distribution<double> normal(1.0, 2.0);
  tradeoff::bootstrap_options options;
  options.resamples = 199;
  for (const auto method : {tradeoff::interval_method::percentile, tradeoff::interval_method::bca}) {
    options.method = method;
    int covered = 0;
    const int trials = 400;
    for (int t = 0; t < trials; ++t) {
      Eigen::ArrayXd sample(30);
      for (Eigen::Index i = 0; i < sample.size(); ++i) sample(i) = normal(engine);
      options.seed = static_cast<std::uint64_t>(t);
      const auto interval = tradeoff::bootstrap_interval(sample, tradeoff::statistic::mean(), options);
      covered += interval.low <= 1.0 && 1.0 <= interval.high ? 1 : 0;
    }
    const double coverage = covered / static_cast<double>(trials);
    INFO("coverage " << coverage);
    CHECK(coverage >= 0.90);
    CHECK(coverage <= 0.985);
  }
}

TEST_CASE("nominal 95 percent intervals of the median cover it for normal lognormal and heavy-tailed data") {
  // The fast version of the simulation (the long one is in the suite "long"): 300 trials
  // per cell, 199 resamples, n = 20 and 200, percentile and BCa. Intervals of the median stay near
  // nominal for every population (docs/bootstrap.md#coverage); 300 trials give a binomial standard
  // error of about 1.3 points, so each cell must lie in [0.89, 0.99].
  tradeoff::bootstrap_options options;
  options.resamples = 199;
  for (const int population : {0, 1, 2}) {  // normal(0, 1), lognormal(0, 1), Student t(3): median 0, 1, 0
    const double median = population == 1 ? 1.0 : 0.0;
    for (const Eigen::Index n : {Eigen::Index{20}, Eigen::Index{200}}) {
      std::mt19937_64 engine(static_cast<std::uint64_t>(100 * population) + static_cast<std::uint64_t>(n));
      std::normal_distribution<double> normal(0.0, 1.0);
      std::lognormal_distribution<double> lognormal(0.0, 1.0);
      std::student_t_distribution<double> student(3.0);
      int covered[2] = {0, 0};
      const int trials = 300;
      for (int t = 0; t < trials; ++t) {
        Eigen::ArrayXd sample(n);
        for (Eigen::Index i = 0; i < n; ++i) {
          sample(i) = population == 0 ? normal(engine) : population == 1 ? lognormal(engine) : student(engine);
        }
        options.seed = static_cast<std::uint64_t>(t);
        for (int m = 0; m < 2; ++m) {
          options.method = m == 0 ? tradeoff::interval_method::percentile : tradeoff::interval_method::bca;
          const auto interval = tradeoff::bootstrap_interval(sample, tradeoff::statistic::median(), options);
          covered[m] += interval.low <= median && median <= interval.high ? 1 : 0;
        }
      }
      for (int m = 0; m < 2; ++m) {
        const double coverage = covered[m] / static_cast<double>(trials);
        INFO("population " << population << " n " << n << std::string(m == 0 ? " percentile " : " BCa ") << coverage);
        CHECK(coverage >= 0.89);
        CHECK(coverage <= 0.99);
      }
    }
  }
}

TEST_CASE("the same seed gives the same interval and another seed another") {
  Eigen::ArrayXd x(20);
  for (Eigen::Index i = 0; i < x.size(); ++i) x(i) = std::sin(static_cast<double>(i)) * 3.0 + 0.1 * static_cast<double>(i);
  tradeoff::bootstrap_options options;
  options.resamples = 300;
  options.seed = 99;
  const auto a = tradeoff::bootstrap_interval(x, tradeoff::statistic::quantile(0.7), options);
  const auto b = tradeoff::bootstrap_interval(x, tradeoff::statistic::quantile(0.7), options);
  options.seed = 100;
  const auto c = tradeoff::bootstrap_interval(x, tradeoff::statistic::quantile(0.7), options);
  CHECK(std::equal_to<>{}(a.low, b.low));
  CHECK(std::equal_to<>{}(a.high, b.high));
  CHECK_FALSE((std::equal_to<>{}(a.low, c.low) && std::equal_to<>{}(a.high, c.high) &&
               std::equal_to<>{}(a.standard_error, c.standard_error)));
}

TEST_CASE("the counting evaluation equals sorting every resample on random samples with ties") {
  // brute force: gather each resample, take tradeoff::quantile / median / iqr of it, then the
  // percentile interval by tradeoff::quantile of the distribution with numpy's level (q*100)/100
  std::mt19937_64 engine(77);
  std::uniform_int_distribution<int> small(0, 6);
  std::normal_distribution<double> normal(0.0, 1.0);
  for (int trial = 0; trial < 60; ++trial) {
    const Eigen::Index n = 2 + trial % 23;
    Eigen::ArrayXd x(n);
    for (Eigen::Index i = 0; i < n; ++i) x(i) = trial % 2 == 0 ? static_cast<double>(small(engine)) : normal(engine);
    const Eigen::Index resamples = 40 + trial;
    Eigen::ArrayXXi indices(resamples, n);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(n) - 1);
    for (Eigen::Index b = 0; b < resamples; ++b)
      for (Eigen::Index i = 0; i < n; ++i) indices(b, i) = pick(engine);
    const auto method = static_cast<tradeoff::quantile_method>(trial % 13);
    const double level = 0.05 + 0.9 * static_cast<double>(trial % 7) / 6.0;
    for (const auto& s : {tradeoff::statistic::quantile(level, method), tradeoff::statistic::median(),
                          tradeoff::statistic::iqr(method)}) {
      Eigen::ArrayXd distribution(resamples);
      for (Eigen::Index b = 0; b < resamples; ++b) {
        Eigen::ArrayXd resample(n);
        for (Eigen::Index i = 0; i < n; ++i) resample(i) = x(indices(b, i));
        distribution(b) = s.kind == tradeoff::statistic_kind::median ? tradeoff::median(resample)
                          : s.kind == tradeoff::statistic_kind::iqr ? tradeoff::iqr(resample, method)
                                                                    : tradeoff::quantile(resample, level, method);
      }
      tradeoff::bootstrap_options options;
      options.method = tradeoff::interval_method::percentile;
      options.confidence_level = 0.9;
      const auto got = tradeoff::bootstrap_interval_from_indices(x, s, indices, options);
      const double alpha = (1.0 - 0.9) / 2.0;
      CHECK(same(got.low, tradeoff::quantile(distribution, tradeoff::pandas_level(alpha))));
      CHECK(same(got.high, tradeoff::quantile(distribution, tradeoff::pandas_level(1.0 - alpha))));
    }
  }
}

TEST_CASE("fill_below draws what successive below calls draw") {
  for (const std::uint32_t n : {1U, 2U, 7U, 1000U, 3000000000U, 4294967295U}) {
    for (const std::size_t count : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{64}, std::size_t{999}}) {
      tradeoff::detail::random_stream one_by_one(9, 4);
      tradeoff::detail::random_stream batched(9, 4);
      std::vector<std::uint32_t> out(count);
      for (int round = 0; round < 3; ++round) {  // rounds continue the stream (odd counts leave a half)
        batched.fill_below(n, out.data(), count);
        for (std::size_t i = 0; i < count; ++i) {
          INFO("n " << n << " count " << count << " i " << i);
          CHECK(out[i] == one_by_one.below(n));
        }
      }
    }
  }
}

// The long coverage simulation of issue 17: 4,000 trials per cell. In the test suite "long",
// which the default run leaves out (it takes minutes): `cmake --workflow --preset long` runs it,
// as does ./build/test/tests/tradeoff_bootstrap_test --test-suite=long
// It prints the coverage of every cell and checks only that each lies in [0.85, 1].
TEST_CASE("long coverage simulation of percentile and BCa intervals" * doctest::test_suite("long")) {
  const int trials = 4000;
  tradeoff::bootstrap_options options;
  options.resamples = 1999;
  struct population {
    const char* name;
    double mean;
    double median;
  };
  const double lognormal_mean = std::exp(0.5);
  for (const population& p : {population{"normal(0 1)", 0.0, 0.0}, population{"lognormal(0 1)", lognormal_mean, 1.0},
                              population{"student t(3)", 0.0, 0.0}}) {
    for (const Eigen::Index n : {Eigen::Index{20}, Eigen::Index{200}}) {
      std::mt19937_64 engine(static_cast<std::uint64_t>(n) * 7919U + static_cast<std::uint64_t>(p.name[0]));
      std::normal_distribution<double> normal(0.0, 1.0);
      std::lognormal_distribution<double> lognormal(0.0, 1.0);
      std::student_t_distribution<double> student(3.0);
      int covered[2][2] = {{0, 0}, {0, 0}};  // [statistic: mean, median][method: percentile, bca]
      for (int t = 0; t < trials; ++t) {
        Eigen::ArrayXd sample(n);
        for (Eigen::Index i = 0; i < n; ++i) {
          sample(i) = p.name[0] == 'n' ? normal(engine) : p.name[0] == 'l' ? lognormal(engine) : student(engine);
        }
        options.seed = static_cast<std::uint64_t>(t);
        for (int m = 0; m < 2; ++m) {
          options.method = m == 0 ? tradeoff::interval_method::percentile : tradeoff::interval_method::bca;
          const auto mean = tradeoff::bootstrap_interval(sample, tradeoff::statistic::mean(), options);
          const auto median = tradeoff::bootstrap_interval(sample, tradeoff::statistic::median(), options);
          covered[0][m] += mean.low <= p.mean && p.mean <= mean.high ? 1 : 0;
          covered[1][m] += median.low <= p.median && p.median <= median.high ? 1 : 0;
        }
      }
      for (int s = 0; s < 2; ++s) {
        for (int m = 0; m < 2; ++m) {
          const double coverage = covered[s][m] / static_cast<double>(trials);
          MESSAGE(std::string(p.name) << " n " << n << " " << std::string(s == 0 ? "mean" : "median") << " "
                         << std::string(m == 0 ? "percentile" : "BCa") << ": " << coverage);
          CHECK(coverage >= 0.85);
        }
      }
    }
  }
}

TEST_CASE("the throughput ratio of two groups equals scipy's arithmetic") {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_bootstrap_throughput_ratio.txt");
  REQUIRE(in.good());
  std::string line;
  std::getline(in, line);
  std::getline(in, line);
  std::istringstream groups(line);
  std::string tag;
  groups >> tag;
  auto read = [&](Eigen::Index n) {
    Eigen::ArrayXd v(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      std::string text;
      groups >> text;
      v(i) = hex_to_double(text);
    }
    return v;
  };
  const Eigen::ArrayXd t_a = read(12), c_a = read(12), t_b = read(9), c_b = read(9);
  // the same group a with two incomplete rows mixed in: they are dropped
  Eigen::ArrayXd t_gaps(14), c_gaps(14);
  t_gaps << t_a.head(5), not_a_number, t_a.tail(7), 50.0;
  c_gaps << c_a.head(5), 10.0, c_a.tail(7), not_a_number;
  int cases = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    golden_case c;
    std::string low, high, estimate, se;
    fields >> c.method_name >> c.resamples >> c.seed >> low >> high >> estimate >> se;
    c.x = "throughput ratio";
    c.y = "-";
    c.kind = "median";
    c.low = hex_to_double(low);
    c.high = hex_to_double(high);
    c.estimate = hex_to_double(estimate);
    c.standard_error = hex_to_double(se);
    check_interval(c, tradeoff::bootstrap_throughput_ratio(t_a, c_a, t_b, c_b, tradeoff::statistic::median(), c.options()),
                   8.0);
    check_interval(c, tradeoff::bootstrap_throughput_ratio(t_gaps, c_gaps, t_b, c_b, tradeoff::statistic::median(),
                                                           c.options()),
                   8.0);
    ++cases;
  }
  CHECK(cases == 3);
}
