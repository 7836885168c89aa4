// Tests for tradeoff/pareto.hpp: fronts and ranks against O(n^2) brute-force definitions.

#include <tradeoff/pareto.hpp>

#include <doctest/doctest.h>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

using tradeoff::duplicates;
using tradeoff::pareto_front;
using tradeoff::pareto_ranks;
using tradeoff::sense;

constexpr double inf = std::numeric_limits<double>::infinity();
const double not_a_number = std::numeric_limits<double>::quiet_NaN();

std::vector<int> to_vector(const Eigen::ArrayXi& a) { return {a.data(), a.data() + a.size()}; }

/// Row i in minimise space (maximised columns negated).
std::vector<double> minimise_row(const Eigen::ArrayXXd& p, Eigen::Index i,
                                 const std::vector<sense>& senses) {
  std::vector<double> r(static_cast<std::size_t>(p.cols()));
  for (Eigen::Index j = 0; j < p.cols(); ++j) {
    const bool maximise = !senses.empty() && senses[static_cast<std::size_t>(j)] == sense::maximize;
    r[static_cast<std::size_t>(j)] = maximise ? -p(i, j) : p(i, j);
  }
  return r;
}

bool has_nan(const std::vector<double>& r) {
  return std::any_of(r.begin(), r.end(), [](double v) { return std::isnan(v); });
}

/// The definition: no worse everywhere, strictly better somewhere.
bool brute_dominates(const std::vector<double>& a, const std::vector<double>& b) {
  bool strict = false;
  for (std::size_t j = 0; j < a.size(); ++j) {
    if (a[j] > b[j]) {
      return false;
    }
    strict = strict || a[j] < b[j];
  }
  return strict;
}

/// O(n^2) front, restricted to `alive` rows, in the documented order.
std::vector<int> brute_front(const Eigen::ArrayXXd& p, const std::vector<sense>& senses,
                             bool keep_first, const std::vector<char>& alive) {
  const auto n = static_cast<int>(p.rows());
  std::vector<std::vector<double>> rows;
  for (int i = 0; i < n; ++i) {
    rows.push_back(minimise_row(p, i, senses));
  }
  std::vector<int> front;
  for (int i = 0; i < n; ++i) {
    if (alive[static_cast<std::size_t>(i)] == 0 || has_nan(rows[static_cast<std::size_t>(i)])) {
      continue;
    }
    bool dominated = false;
    for (int k = 0; k < n && !dominated; ++k) {
      dominated = alive[static_cast<std::size_t>(k)] != 0 && !has_nan(rows[static_cast<std::size_t>(k)]) &&
                  brute_dominates(rows[static_cast<std::size_t>(k)], rows[static_cast<std::size_t>(i)]);
    }
    if (!dominated) {
      front.push_back(i);
    }
  }
  std::stable_sort(front.begin(), front.end(), [&](int a, int b) {
    return rows[static_cast<std::size_t>(a)] < rows[static_cast<std::size_t>(b)];  // -0 == +0
  });
  if (keep_first) {
    std::vector<int> firsts;
    for (const int i : front) {
      if (firsts.empty() || rows[static_cast<std::size_t>(firsts.back())] != rows[static_cast<std::size_t>(i)]) {
        firsts.push_back(i);
      }
    }
    front = firsts;
  }
  return front;
}

std::vector<int> brute_front(const Eigen::ArrayXXd& p, const std::vector<sense>& senses = {},
                             bool keep_first = false) {
  return brute_front(p, senses, keep_first, std::vector<char>(static_cast<std::size_t>(p.rows()), 1));
}

/// Ranks by peeling brute-force fronts.
std::vector<int> brute_ranks(const Eigen::ArrayXXd& p, const std::vector<sense>& senses) {
  const auto n = static_cast<std::size_t>(p.rows());
  std::vector<int> rank(n, -1);
  std::vector<char> alive(n, 1);
  for (int r = 0;; ++r) {
    const std::vector<int> front = brute_front(p, senses, false, alive);
    if (front.empty()) {
      break;
    }
    for (const int i : front) {
      rank[static_cast<std::size_t>(i)] = r;
      alive[static_cast<std::size_t>(i)] = 0;
    }
  }
  return rank;
}

/// O(n^2) characterisation: rank = 0 if undominated, else 1 + max rank of the dominators.
bool ranks_consistent(const Eigen::ArrayXXd& p, const std::vector<sense>& senses,
                      const Eigen::ArrayXi& rank) {
  const auto n = static_cast<int>(p.rows());
  for (int i = 0; i < n; ++i) {
    const auto ri = minimise_row(p, i, senses);
    if (has_nan(ri)) {
      if (rank(i) != -1) {
        return false;
      }
      continue;
    }
    int expected = 0;
    for (int k = 0; k < n; ++k) {
      const auto rk = minimise_row(p, k, senses);
      if (!has_nan(rk) && brute_dominates(rk, ri)) {
        expected = std::max(expected, rank(k) + 1);
      }
    }
    if (rank(i) != expected) {
      return false;
    }
  }
  return true;
}

enum class kind { continuous, grid, duplicated, special };

Eigen::ArrayXXd random_points(std::mt19937_64& rng, Eigen::Index n, Eigen::Index d, kind k) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> small(0, 3);
  Eigen::ArrayXXd p(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < d; ++j) {
      p(i, j) = k == kind::continuous ? unit(rng) : static_cast<double>(small(rng));
    }
  }
  if (k == kind::duplicated && n > 1) {
    std::uniform_int_distribution<Eigen::Index> pick(0, n - 1);
    for (Eigen::Index c = 0; c < n / 2; ++c) {
      p.row(pick(rng)) = p.row(pick(rng)).eval();
    }
    for (Eigen::Index i = 0; i < n; ++i) {  // continuous values so duplicates are exact copies
      if (unit(rng) < 0.5) {
        p.row(i) += 0.25 * unit(rng);
      }
    }
    for (Eigen::Index c = 0; c < n / 2; ++c) {
      p.row(pick(rng)) = p.row(pick(rng)).eval();
    }
  }
  if (k == kind::special) {
    const double specials[] = {inf, -inf, not_a_number, -0.0, 0.0};
    std::uniform_int_distribution<int> which(0, 4);
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = 0; j < d; ++j) {
        if (unit(rng) < 0.2) {
          p(i, j) = specials[which(rng)];
        }
      }
    }
  }
  if (n > 0 && unit(rng) < 0.3) {  // some NaN rows in any kind
    std::uniform_int_distribution<Eigen::Index> pick(0, n - 1);
    p(pick(rng), pick(rng) % d) = not_a_number;
  }
  return p;
}

std::vector<sense> random_senses(std::mt19937_64& rng, Eigen::Index d) {
  std::uniform_int_distribution<int> coin(0, 2);
  if (coin(rng) == 0) {
    return {};
  }
  std::vector<sense> s;
  for (Eigen::Index j = 0; j < d; ++j) {
    s.push_back(coin(rng) == 0 ? sense::maximize : sense::minimize);
  }
  return s;
}

sense sense_of(const std::vector<sense>& senses, std::size_t j) {
  return senses.empty() ? sense::minimize : senses[j];
}

/// O(n log n) reference for 2-D (lexicographic sort + sweep), minimise/minimise.
std::vector<int> reference_front_2d(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) {
  std::vector<int> order;
  for (int i = 0; i < static_cast<int>(x.size()); ++i) {
    if (!std::isnan(x(i)) && !std::isnan(y(i))) {
      order.push_back(i);
    }
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (x(a) != x(b)) return x(a) < x(b);
    if (y(a) != y(b)) return y(a) < y(b);
    return a < b;
  });
  std::vector<int> front;
  double best = inf;
  std::size_t s = 0;
  while (s < order.size()) {
    std::size_t e = s + 1;
    while (e < order.size() && x(order[e]) == x(order[s])) ++e;
    const double run = y(order[s]);  // sorted by y inside the run
    if (front.empty() || run < best) {
      for (std::size_t k = s; k < e && y(order[k]) == run; ++k) front.push_back(order[k]);
      best = run;
    }
    s = e;
  }
  return front;
}

}  // namespace

TEST_CASE("pareto_front: tied x regression from the origin script") {
  // The seed sorted by x only and kept a point when y <= best y: with tied x it kept (1, 2).
  const Eigen::ArrayXd x = (Eigen::ArrayXd(2) << 1.0, 1.0).finished();
  const Eigen::ArrayXd y = (Eigen::ArrayXd(2) << 2.0, 1.0).finished();
  CHECK(to_vector(pareto_front(x, y)) == std::vector<int>{1});
  const Eigen::ArrayXd x2 = (Eigen::ArrayXd(5) << 1, 1, 1, 0, 2).finished();
  const Eigen::ArrayXd y2 = (Eigen::ArrayXd(5) << 3, 2, 2, 5, 2).finished();
  CHECK(to_vector(pareto_front(x2, y2)) == std::vector<int>{3, 1, 2});
  CHECK(to_vector(pareto_front(x2, y2, sense::minimize, sense::minimize, duplicates::keep_first)) ==
        std::vector<int>{3, 1});
  // Same y, different x: the larger x is dominated.
  const Eigen::ArrayXd x3 = (Eigen::ArrayXd(2) << 2.0, 1.0).finished();
  const Eigen::ArrayXd y3 = (Eigen::ArrayXd(2) << 1.0, 1.0).finished();
  CHECK(to_vector(pareto_front(x3, y3)) == std::vector<int>{1});
}

TEST_CASE("pareto_front: small documented examples") {
  const Eigen::ArrayXd x = (Eigen::ArrayXd(5) << 3, 1, 2, 4, 2).finished();
  const Eigen::ArrayXd y = (Eigen::ArrayXd(5) << 1, 3, 2, 0, 2).finished();
  CHECK(to_vector(pareto_front(x, y)) == std::vector<int>{1, 2, 4, 0, 3});
  CHECK(to_vector(pareto_front(x, y, sense::maximize, sense::maximize)) == std::vector<int>{3, 0, 2, 4, 1});
  CHECK(to_vector(pareto_front(x, y, sense::maximize, sense::minimize)) == std::vector<int>{3});
  CHECK(to_vector(pareto_front(x, y, sense::minimize, sense::maximize)) == std::vector<int>{1});
  // Mixed +-inf are ordinary values; NaN rows are on no front.
  const Eigen::ArrayXd xi = (Eigen::ArrayXd(4) << -inf, 0, not_a_number, inf).finished();
  const Eigen::ArrayXd yi = (Eigen::ArrayXd(4) << inf, 0, -1, -inf).finished();
  CHECK(to_vector(pareto_front(xi, yi)) == std::vector<int>{0, 1, 3});
  // -0.0 equals +0.0: exact duplicates.
  const Eigen::ArrayXd xz = (Eigen::ArrayXd(2) << -0.0, 0.0).finished();
  const Eigen::ArrayXd yz = (Eigen::ArrayXd(2) << 1.0, 1.0).finished();
  CHECK(to_vector(pareto_front(xz, yz)) == std::vector<int>{0, 1});
}

TEST_CASE("pareto_front and pareto_ranks: empty and all-NaN inputs") {
  const Eigen::ArrayXd empty;
  CHECK(pareto_front(empty, empty).size() == 0);
  CHECK(pareto_front(Eigen::ArrayXXd(0, 3)).size() == 0);
  CHECK(pareto_ranks(Eigen::ArrayXXd(0, 3)).size() == 0);
  const Eigen::ArrayXd all_nan = Eigen::ArrayXd::Constant(3, not_a_number);
  CHECK(pareto_front(all_nan, Eigen::ArrayXd::Zero(3)).size() == 0);
  const Eigen::ArrayXXd p = Eigen::ArrayXXd::Constant(3, 4, not_a_number);
  CHECK(pareto_front(p).size() == 0);
  CHECK((pareto_ranks(p) == -1).all());
}

TEST_CASE("pareto_front: property test against brute force / d = 1..6") {
  std::mt19937_64 rng(20240611);
  std::uniform_int_distribution<Eigen::Index> size(0, 40);
  int cases = 0;
  for (Eigen::Index d = 1; d <= 6; ++d) {
    for (int round = 0; round < 500; ++round) {
      const auto k = static_cast<kind>(round % 4);
      const Eigen::ArrayXXd p = random_points(rng, size(rng), d, k);
      const Eigen::ArrayXXd before = p;
      const std::vector<sense> senses = random_senses(rng, d);
      for (const bool keep_first : {false, true}) {
        const auto keep = keep_first ? duplicates::keep_first : duplicates::keep_all;
        const std::vector<int> expected = brute_front(p, senses, keep_first);
        INFO("d = ", d, ", n = ", p.rows(), ", kind = ", static_cast<int>(k), ", keep_first = ", keep_first);
        CHECK(to_vector(pareto_front(p, senses, keep)) == expected);
        if (d == 2) {
          CHECK(to_vector(pareto_front(p.col(0), p.col(1), sense_of(senses, 0), sense_of(senses, 1),
                                       keep)) == expected);
        }
        ++cases;
      }
      CHECK((p == before || (p != p && before != before)).all());
    }
  }
  CHECK(cases == 6000);
}

TEST_CASE("pareto_front: medium n exercises the pre-filters (brute force)") {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> noise(0.0, 1e-3);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (Eigen::Index d = 2; d <= 5; ++d) {
    for (int round = 0; round < 4; ++round) {
      const Eigen::Index n = 2100 + 700 * round;
      Eigen::ArrayXXd p = random_points(rng, n, d, static_cast<kind>(round));
      if (round == 3) {  // near a simplex: large fronts
        for (Eigen::Index i = 0; i < n; ++i) {
          p.row(i) = p.row(i) / std::max(1e-9, p.row(i).sum()) + noise(rng);
        }
      }
      const std::vector<sense> senses = random_senses(rng, d);
      INFO("d = ", d, ", round = ", round);
      CHECK(to_vector(pareto_front(p, senses)) == brute_front(p, senses));
      CHECK(to_vector(pareto_front(p, senses, duplicates::keep_first)) == brute_front(p, senses, true));
    }
  }
}

TEST_CASE("pareto_front: divide and conquer with many ties (d = 4..6 / values 0..9)") {
  std::mt19937_64 rng(4242);
  std::uniform_int_distribution<int> digit(0, 9);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (Eigen::Index d = 4; d <= 6; ++d) {
    for (int round = 0; round < 6; ++round) {
      const Eigen::Index n = 200 + 150 * round;
      Eigen::ArrayXXd p(n, d);
      for (Eigen::Index i = 0; i < n; ++i) {
        double sum = 0.0;
        for (Eigen::Index j = 0; j < d; ++j) {
          p(i, j) = round % 2 == 0 ? digit(rng) : unit(rng);
          sum += p(i, j);
        }
        if (round >= 4) {  // anti-correlated: most rows on the front
          p.row(i) /= std::max(1e-9, sum);
          if (round == 4) p.row(i) = (p.row(i) * 8.0).round();
        }
      }
      const std::vector<sense> senses = random_senses(rng, d);
      INFO("d = ", d, ", round = ", round);
      CHECK(to_vector(pareto_front(p, senses)) == brute_front(p, senses));
      CHECK(to_vector(pareto_ranks(p, senses)) == brute_ranks(p, senses));
    }
  }
}

TEST_CASE("pareto_front: large 3-D dense front against an O(n log n) reference") {
  // Points near the plane x + y + z = 1 on a 1e-4 grid: a front of tens of thousands of rows,
  // ties in every objective and exact duplicates (the staircase needs several levels).
  std::mt19937_64 rng(2718);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const Eigen::Index n = 300000;
  Eigen::ArrayXXd p(n, 3);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double a = unit(rng);
    const double b = unit(rng) * (1.0 - a);
    p(i, 0) = std::round(a * 1e4) / 1e4;
    p(i, 1) = std::round(b * 1e4) / 1e4;
    p(i, 2) = std::round((1.0 - a - b + 2e-4 * unit(rng)) * 1e4) / 1e4;
  }
  // Reference: lexicographic sort, then a sweep over a std::map staircase of (y, z).
  std::vector<int> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    for (Eigen::Index j = 0; j < 3; ++j) {
      if (p(a, j) != p(b, j)) return p(a, j) < p(b, j);
    }
    return a < b;
  });
  std::vector<int> expected;
  std::map<double, double> stairs;
  for (std::size_t k = 0; k < order.size();) {
    std::size_t e = k + 1;
    while (e < order.size() && (p.row(order[e]) == p.row(order[k])).all()) ++e;
    const double y = p(order[k], 1);
    const double z = p(order[k], 2);
    auto above = stairs.upper_bound(y);
    const bool dominated = above != stairs.begin() && std::prev(above)->second <= z;
    if (!dominated) {
      for (std::size_t c = k; c < e; ++c) expected.push_back(order[c]);
      auto it = stairs.lower_bound(y);
      while (it != stairs.end() && it->second >= z) it = stairs.erase(it);
      stairs.emplace(y, z);
    }
    k = e;
  }
  CHECK(expected.size() > 10000);
  CHECK(to_vector(pareto_front(p)) == expected);
  const Eigen::ArrayXXd q = -p;
  CHECK(to_vector(pareto_front(q, {sense::maximize, sense::maximize, sense::maximize})) == expected);
}

TEST_CASE("pareto_front and pareto_ranks: constant and two-valued columns (d = 4..6)") {
  // Columns that are constant or take two values make the divide and conquer skip objectives.
  std::mt19937_64 rng(1618);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> coin(0, 1);
  for (Eigen::Index d = 4; d <= 6; ++d) {
    for (int round = 0; round < 6; ++round) {
      const Eigen::Index n = 300 + 100 * round;
      Eigen::ArrayXXd p(n, d);
      for (Eigen::Index i = 0; i < n; ++i) {
        const double a = unit(rng);
        for (Eigen::Index j = 0; j < d; ++j) {
          const auto kind_of_column = (j + round) % 3;
          p(i, j) = kind_of_column == 0 ? 1.0 : kind_of_column == 1 ? coin(rng) : (j % 2 == 0 ? a : 1.0 - a);
        }
      }
      const std::vector<sense> senses = random_senses(rng, d);
      INFO("d = ", d, ", round = ", round);
      CHECK(to_vector(pareto_front(p, senses)) == brute_front(p, senses));
      CHECK(to_vector(pareto_ranks(p, senses)) == brute_ranks(p, senses));
    }
  }
}

TEST_CASE("pareto_front: constant and repeated objectives are dropped first (d = 3..6)") {
  // Random grids with some columns replaced by a constant, a copy of an earlier column, or
  // its mirror under the opposite sense (equal in minimise space); NaN also in those columns.
  std::mt19937_64 rng(2121);
  std::uniform_int_distribution<int> grid(0, 4);
  int cases = 0;
  for (int round = 0; round < 400; ++round) {
    const Eigen::Index d = 3 + round % 4;
    const Eigen::Index n = 1 + static_cast<Eigen::Index>(rng() % 60);
    Eigen::ArrayXXd p(n, d);
    std::vector<sense> senses = random_senses(rng, d);
    if (senses.empty()) {
      senses.assign(static_cast<std::size_t>(d), sense::minimize);
    }
    for (Eigen::Index i = 0; i < n; ++i) {
      for (Eigen::Index j = 0; j < d; ++j) {
        p(i, j) = grid(rng);
      }
    }
    for (Eigen::Index j = 1; j < d; ++j) {
      const auto kind_of_column = rng() % 4;
      const auto source = static_cast<Eigen::Index>(rng() % static_cast<std::uint64_t>(j));
      if (kind_of_column == 0) {
        p.col(j).setConstant(2.5);
      } else if (kind_of_column == 1) {
        p.col(j) = p.col(source);
        senses[static_cast<std::size_t>(j)] = senses[static_cast<std::size_t>(source)];
      } else if (kind_of_column == 2) {
        p.col(j) = -p.col(source);
        senses[static_cast<std::size_t>(j)] =
            senses[static_cast<std::size_t>(source)] == sense::minimize ? sense::maximize : sense::minimize;
      }
    }
    if (n > 2 && round % 3 == 0) {
      p(static_cast<Eigen::Index>(rng() % static_cast<std::uint64_t>(n)), d - 1) = std::nan("");
    }
    for (const bool keep_first : {false, true}) {
      const auto keep = keep_first ? duplicates::keep_first : duplicates::keep_all;
      INFO("round = ", round, ", d = ", d, ", n = ", n, ", keep_first = ", keep_first);
      CHECK(to_vector(pareto_front(p, senses, keep)) == brute_front(p, senses, keep_first));
      ++cases;
    }
    CHECK(to_vector(pareto_ranks(p, senses)) == brute_ranks(p, senses));
  }
  CHECK(cases == 800);
  // Issue 21 row 9: a 2-D front (y = -x) plus three constant objectives is a 2-D problem
  // (it took 30 s at this size when the 5-D algorithm ran on it).
  const Eigen::Index n = 32768;
  Eigen::ArrayXXd padded(n, 5);
  for (Eigen::Index i = 0; i < n; ++i) {
    padded.row(i) << static_cast<double>(i), -static_cast<double>(i), 1.0, 2.0, 3.0;
  }
  const Eigen::ArrayXi front = pareto_front(padded);
  CHECK(front.size() == n);
  CHECK(to_vector(front) == to_vector(pareto_front(padded.col(0), padded.col(1))));
  CHECK((pareto_ranks(padded) == 0).all());
}

TEST_CASE("pareto_ranks and pareto_front: a sample-fooling objective (exact median fallback)") {
  // The divide and conquer samples 31 evenly spaced rows to choose a split; here exactly those
  // rows hold the smallest values of the last objective, so the sampled median is useless.
  std::mt19937_64 rng(577);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const Eigen::Index n = 2000;
  for (Eigen::Index d = 4; d <= 5; ++d) {
    Eigen::ArrayXXd p(n, d);
    std::vector<char> sampled(static_cast<std::size_t>(n), 0);
    for (Eigen::Index s = 0; s < 31; ++s) {
      sampled[static_cast<std::size_t>(s * n / 31)] = 1;
    }
    for (Eigen::Index i = 0; i < n; ++i) {
      p(i, 0) = static_cast<double>(i);  // lexicographic order = row order
      for (Eigen::Index j = 1; j + 1 < d; ++j) {
        p(i, j) = unit(rng);
      }
      p(i, d - 1) = sampled[static_cast<std::size_t>(i)] != 0 ? 0.0 : 1.0 + unit(rng);
    }
    INFO("d = ", d);
    CHECK(ranks_consistent(p, {}, pareto_ranks(p)));
    CHECK(to_vector(pareto_front(p)) == brute_front(p));
  }
}

TEST_CASE("pareto_front: large 2-D inputs against an O(n log n) reference") {
  std::mt19937_64 rng(99);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::normal_distribution<double> noise(0.0, 1e-4);
  std::uniform_int_distribution<int> grid(0, 200);
  const Eigen::Index n = 200000;
  // shapes: uniform; anti-correlated; integer grid; signed log-spread x crowding a few
  // pre-filter buckets; every point on the front (y = -x, x in random order: nothing is
  // dropped, every bucket sorted); one huge x seen by the range sample, so that all the other
  // points fall into the first pre-filter bucket and are sorted there as one.
  for (int shape = 0; shape < 6; ++shape) {
    Eigen::ArrayXd x(n);
    Eigen::ArrayXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      if (shape == 0) {
        x(i) = unit(rng);
        y(i) = unit(rng);
      } else if (shape == 1) {
        x(i) = unit(rng);
        y(i) = 1.0 - x(i) + noise(rng);
      } else if (shape == 2) {
        x(i) = grid(rng);
        y(i) = 200 - x(i) + grid(rng) % 3;
      } else if (shape == 3) {
        x(i) = std::exp(30.0 * unit(rng)) * (unit(rng) < 0.5 ? -1.0 : 1.0);
        y(i) = i % 1000 == 0 ? not_a_number : -x(i) * (1.0 + 1e-3 * unit(rng));
      } else if (shape == 4) {
        x(i) = unit(rng);
        y(i) = -x(i);
      } else {
        x(i) = i == 0 ? 1e300 : unit(rng);
        y(i) = i == 0 ? -1e300 : (i % 7 == 0 ? 0.5 : -x(i));
      }
    }
    const Eigen::ArrayXd x0 = x;
    const Eigen::ArrayXd y0 = y;
    INFO("shape = ", shape);
    const std::vector<int> expected = reference_front_2d(x, y);
    CHECK(to_vector(pareto_front(x, y)) == expected);
    Eigen::ArrayXXd p(n, 2);
    p << x, y;
    CHECK(to_vector(pareto_front(p)) == expected);
    CHECK(to_vector(pareto_front(-x, -y, sense::maximize, sense::maximize)) == expected);
    CHECK((x == x0).all());
    CHECK(((y == y0) || (y != y)).all());
  }
}

TEST_CASE("pareto_ranks: property test against peeling brute-force fronts / d = 1..6") {
  std::mt19937_64 rng(31337);
  std::uniform_int_distribution<Eigen::Index> size(0, 30);
  for (Eigen::Index d = 1; d <= 6; ++d) {
    for (int round = 0; round < 300; ++round) {
      const auto k = static_cast<kind>(round % 4);
      const Eigen::ArrayXXd p = random_points(rng, size(rng), d, k);
      const std::vector<sense> senses = random_senses(rng, d);
      INFO("d = ", d, ", n = ", p.rows(), ", kind = ", static_cast<int>(k));
      const std::vector<int> expected = brute_ranks(p, senses);
      CHECK(to_vector(pareto_ranks(p, senses)) == expected);
      if (d == 2) {
        CHECK(to_vector(pareto_ranks(p.col(0), p.col(1), sense_of(senses, 0), sense_of(senses, 1))) ==
              expected);
      }
    }
  }
}

TEST_CASE("pareto_ranks: medium n / checked by the longest-dominance-chain characterisation") {
  std::mt19937_64 rng(5);
  for (Eigen::Index d = 2; d <= 5; ++d) {
    for (int round = 0; round < 3; ++round) {
      const Eigen::ArrayXXd p = random_points(rng, 1500, d, static_cast<kind>(round));
      const std::vector<sense> senses = random_senses(rng, d);
      const Eigen::ArrayXi rank = pareto_ranks(p, senses);
      INFO("d = ", d, ", round = ", round);
      CHECK(ranks_consistent(p, senses, rank));
      const std::vector<int> front = to_vector(pareto_front(p, senses));
      std::vector<int> rank0;
      for (int i = 0; i < rank.size(); ++i) {
        if (rank(i) == 0) rank0.push_back(i);
      }
      std::vector<int> sorted_front = front;
      std::sort(sorted_front.begin(), sorted_front.end());
      CHECK(sorted_front == rank0);
    }
  }
}

TEST_CASE("pareto_front and pareto_ranks: expression / matrix / float and strided inputs") {
  std::mt19937_64 rng(11);
  Eigen::ArrayXXd p = random_points(rng, 50, 3, kind::grid);
  const Eigen::ArrayXXd before = p;
  const Eigen::ArrayXd x = p.col(0);
  const Eigen::ArrayXd y = p.col(1);
  {
    Eigen::ArrayXXd q(30, 2);
    q << x.head(30), 2.0 * y.head(30);
    CHECK(to_vector(pareto_front(x.head(30), 2.0 * y.head(30))) == brute_front(q));
  }
  const Eigen::MatrixXd m = p.matrix();
  CHECK(to_vector(pareto_front(m)) == brute_front(p));
  CHECK(to_vector(pareto_ranks(m)) == brute_ranks(p, {}));
  const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> row_major = m;
  CHECK(to_vector(pareto_front(row_major)) == brute_front(p));
  CHECK(to_vector(pareto_front(p * 2.0 + 1.0)) == brute_front(p));
  CHECK(to_vector(pareto_front(p.leftCols(2))) == brute_front(p.leftCols(2)));
  CHECK(to_vector(pareto_front(m.col(0), m.col(2))) == brute_front((Eigen::ArrayXXd(50, 2) << p.col(0), p.col(2)).finished()));
  CHECK(to_vector(pareto_front(row_major.col(0), row_major.col(1))) == brute_front(p.leftCols(2)));
  CHECK(to_vector(pareto_front(x.transpose(), y.transpose())) == brute_front(p.leftCols(2)));
  const Eigen::ArrayXXf pf = p.cast<float>();
  CHECK(to_vector(pareto_front(pf)) == brute_front(p));
  CHECK(to_vector(pareto_front(pf.col(0), pf.col(1))) == brute_front(p.leftCols(2)));
  CHECK(to_vector(pareto_ranks(pf)) == brute_ranks(p, {}));
  CHECK(to_vector(pareto_ranks(x.head(30), 2.0 * y.head(30))) ==
        brute_ranks((Eigen::ArrayXXd(30, 2) << x.head(30), y.head(30)).finished(), {}));
  CHECK(to_vector(pareto_ranks(m.col(0), m.col(1), sense::maximize, sense::minimize)) ==
        brute_ranks(p.leftCols(2), {sense::maximize, sense::minimize}));
  CHECK((p == before || (p != p && before != before)).all());
}

TEST_CASE("pareto_front and pareto_ranks: errors") {
  const Eigen::ArrayXd x = Eigen::ArrayXd::Zero(3);
  const Eigen::ArrayXd y = Eigen::ArrayXd::Zero(4);
  CHECK_THROWS_WITH_AS(static_cast<void>(pareto_front(x, y)),
                       doctest::Contains("tradeoff::pareto_front: x has 3 values but y has 4"),
                       std::invalid_argument);
  const Eigen::ArrayXXd p = Eigen::ArrayXXd::Zero(3, 2);
  CHECK_THROWS_WITH_AS(static_cast<void>(pareto_front(p, {sense::minimize})),
                       doctest::Contains("tradeoff::pareto_front: senses has 1 entries but points has 2 columns"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(
      static_cast<void>(pareto_ranks(p, {sense::minimize, sense::minimize, sense::maximize})),
      doctest::Contains("tradeoff::pareto_ranks: senses has 3"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(static_cast<void>(pareto_ranks(x, y)),
                       doctest::Contains("tradeoff::pareto_ranks: x has 3 values but y has 4"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(static_cast<void>(pareto_front(Eigen::ArrayXXd(3, 0))),
                       doctest::Contains("tradeoff::pareto_front: points has no columns"),
                       std::invalid_argument);
  const Eigen::ArrayXXd wide = Eigen::ArrayXXd::Zero(2, 2);
  CHECK_THROWS_WITH_AS(static_cast<void>(pareto_front(wide, Eigen::ArrayXXd::Zero(2, 2))),
                       doctest::Contains("tradeoff::pareto_front: x must be one-dimensional"),
                       std::invalid_argument);
}

TEST_CASE("pareto_ranks: ties / duplicates and senses") {
  Eigen::ArrayXXd p(6, 2);
  p << 1, 2,  //
      1, 1,   //
      1, 1,   //
      2, 2,   //
      0, 3,   //
      not_a_number, 0;
  CHECK(to_vector(pareto_ranks(p)) == std::vector<int>{1, 0, 0, 2, 0, -1});
  CHECK(to_vector(pareto_ranks(p, {sense::maximize, sense::maximize})) ==
        std::vector<int>{1, 2, 2, 0, 0, -1});
  const Eigen::ArrayXd one = (Eigen::ArrayXd(5) << 3, 1, 3, not_a_number, 2).finished();
  CHECK(to_vector(pareto_ranks(one)) == std::vector<int>{2, 0, 2, -1, 1});
  CHECK(to_vector(pareto_front(one)) == std::vector<int>{1});
}
