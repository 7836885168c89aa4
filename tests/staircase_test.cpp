#include <tradeoff/pareto.hpp>
#include <tradeoff/staircase.hpp>

#include <doctest/doctest.h>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using tradeoff::sense;

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_value = std::numeric_limits<double>::infinity();

std::vector<int> to_vector(const Eigen::ArrayXi& a) {
  return std::vector<int>(a.data(), a.data() + a.size());
}

Eigen::ArrayXi indices(std::initializer_list<int> values) {
  Eigen::ArrayXi out(static_cast<Eigen::Index>(values.size()));
  Eigen::Index k = 0;
  for (const int v : values) {
    out(k++) = v;
  }
  return out;
}

// Exact "p <= lambda q + (1 - lambda) r for some lambda in [0, 1]" for small integers:
// each coordinate constraint a * lambda <= b bounds lambda from one side.
bool covered_by_segment(double px, double py, double qx, double qy, double rx, double ry) {
  // lambda in [low_num/low_den, high_num/high_den], dens > 0.
  double low_num = 0.0;
  double low_den = 1.0;
  double high_num = 1.0;
  double high_den = 1.0;
  const double a[2] = {qx - rx, qy - ry};
  const double b[2] = {px - rx, py - ry};
  for (int c = 0; c < 2; ++c) {
    if (a[c] > 0.0) {  // lambda <= b / a
      if (b[c] * high_den < high_num * a[c]) {
        high_num = b[c];
        high_den = a[c];
      }
    } else if (a[c] < 0.0) {  // lambda >= b / a = (-b) / (-a)
      if (-b[c] * low_den > low_num * -a[c]) {
        low_num = -b[c];
        low_den = -a[c];
      }
    } else if (b[c] < 0.0) {
      return false;
    }
  }
  return low_num * high_den <= high_num * low_den;
}

// Brute-force lower-left hull in minimise space: a unique point is a vertex iff no segment
// between two other points (or a single other point) lies weakly below-left of it.
// Returns the first index of each vertex, ordered by x.
std::vector<int> brute_force_lower_hull(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y,
                                        const std::vector<int>& front, double sx, double sy) {
  std::vector<int> unique;
  for (const int i : front) {
    bool seen = false;
    for (const int j : unique) {
      seen = seen || (x(i) == x(j) && y(i) == y(j));
    }
    if (!seen) {
      unique.push_back(i);
    }
  }
  std::vector<int> vertices;
  for (const int p : unique) {
    bool covered = false;
    for (const int q : unique) {
      for (const int r : unique) {
        if (q == p || r == p) {
          continue;
        }
        covered = covered || covered_by_segment(sx * x(p), sy * y(p), sx * x(q), sy * y(q),
                                                sx * x(r), sy * y(r));
      }
    }
    if (!covered) {
      vertices.push_back(p);
    }
  }
  std::sort(vertices.begin(), vertices.end(),
            [&](int a, int b) { return sx * x(a) < sx * x(b); });
  return vertices;
}

// O(n^2) front, ordered by x then y in minimise space, then by index (pareto_front's order).
std::vector<int> brute_force_front(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, double sx,
                                   double sy) {
  std::vector<int> front;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    if (std::isnan(x(i)) || std::isnan(y(i))) {
      continue;
    }
    bool dominated = false;
    for (Eigen::Index j = 0; j < x.size() && !dominated; ++j) {
      const double xi = sx * x(i);
      const double yi = sy * y(i);
      const double xj = sx * x(j);
      const double yj = sy * y(j);
      dominated = xj <= xi && yj <= yi && (xj < xi || yj < yi);
    }
    if (!dominated) {
      front.push_back(static_cast<int>(i));
    }
  }
  std::stable_sort(front.begin(), front.end(), [&](int a, int b) {
    return sx * x(a) < sx * x(b) || (sx * x(a) == sx * x(b) && sy * y(a) < sy * y(b));
  });
  return front;
}

}  // namespace

TEST_CASE("staircase: right then down through a minimise/minimise front") {
  Eigen::ArrayXd x(4);
  Eigen::ArrayXd y(4);
  x << 3.0, 1.0, 2.0, 5.0;
  y << 1.0, 4.0, 2.0, 0.5;
  const Eigen::ArrayXi front = indices({1, 2, 0, 3});
  const tradeoff::staircase_path path = tradeoff::staircase(x, y, front);
  REQUIRE(path.x.size() == 7);
  REQUIRE(path.y.size() == 7);
  const std::vector<double> ex = {1, 2, 2, 3, 3, 5, 5};
  const std::vector<double> ey = {4, 4, 2, 2, 1, 1, 0.5};
  for (Eigen::Index k = 0; k < 7; ++k) {
    CHECK(path.x(k) == ex[static_cast<std::size_t>(k)]);
    CHECK(path.y(k) == ey[static_cast<std::size_t>(k)]);
  }
}

TEST_CASE("staircase: 0 and 1 points / tied x / duplicates") {
  Eigen::ArrayXd x(3);
  Eigen::ArrayXd y(3);
  x << 1.0, 1.0, 2.0;
  y << 2.0, 2.0, 1.0;
  const auto empty = tradeoff::staircase(x, y, Eigen::ArrayXi(0));
  CHECK(empty.x.size() == 0);
  CHECK(empty.y.size() == 0);
  const auto single = tradeoff::staircase(x, y, indices({2}));
  REQUIRE(single.x.size() == 1);
  CHECK(single.x(0) == 2.0);
  CHECK(single.y(0) == 1.0);
  // Duplicates (keep-all front): the corner between equal points repeats the point.
  const auto dup = tradeoff::staircase(x, y, indices({0, 1, 2}));
  REQUIRE(dup.x.size() == 5);
  CHECK((dup.x == (Eigen::ArrayXd(5) << 1, 1, 1, 2, 2).finished()).all());
  CHECK((dup.y == (Eigen::ArrayXd(5) << 2, 2, 2, 2, 1).finished()).all());
  // Empty inputs.
  const auto none = tradeoff::staircase(Eigen::ArrayXd(0), Eigen::ArrayXd(0), Eigen::ArrayXi(0));
  CHECK(none.x.size() == 0);
}

TEST_CASE("staircase: the attainment boundary for every combination of senses") {
  // In pareto_front's order each corner is dominated by both neighbours (weakly), in the
  // objectives' own directions, and every step is axis-parallel.
  std::mt19937 rng(31u);
  std::uniform_int_distribution<int> values(0, 12);
  const sense both[2] = {sense::minimize, sense::maximize};
  for (int trial = 0; trial < 400; ++trial) {
    const Eigen::Index n = 1 + static_cast<Eigen::Index>(rng() % 40);
    Eigen::ArrayXd x(n);
    Eigen::ArrayXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      x(i) = values(rng);
      y(i) = values(rng);
    }
    const sense sx = both[trial % 2];
    const sense sy = both[(trial / 2) % 2];
    const double gx = sx == sense::maximize ? -1.0 : 1.0;
    const double gy = sy == sense::maximize ? -1.0 : 1.0;
    const Eigen::ArrayXi front = tradeoff::pareto_front(x, y, sx, sy);
    CHECK(to_vector(front) == brute_force_front(x, y, gx, gy));
    const auto path = tradeoff::staircase(x, y, front);
    REQUIRE(path.x.size() == 2 * front.size() - 1);
    for (Eigen::Index k = 0; k < front.size(); ++k) {
      CHECK(path.x(2 * k) == x(front(k)));
      CHECK(path.y(2 * k) == y(front(k)));
      if (k > 0) {
        // Corner: the worse x and the worse y of its two neighbours.
        CHECK(path.x(2 * k - 1) == x(front(k)));
        CHECK(path.y(2 * k - 1) == y(front(k - 1)));
        CHECK(gx * path.x(2 * k - 1) >= gx * x(front(k - 1)));
        CHECK(gy * path.y(2 * k - 1) >= gy * y(front(k)));
      }
    }
  }
}

TEST_CASE("staircase: inputs unchanged / expressions / errors") {
  Eigen::ArrayXd x(3);
  Eigen::ArrayXd y(3);
  x << 1.0, 2.0, nan_value;
  y << 2.0, 1.0, 0.0;
  const Eigen::ArrayXd x0 = x;
  const Eigen::ArrayXd y0 = y;
  const auto path = tradeoff::staircase(2.0 * x.head(2), y.head(2).matrix().transpose(),
                                        indices({0, 1}));
  CHECK((path.x == (Eigen::ArrayXd(3) << 2, 4, 4).finished()).all());
  CHECK((path.y == (Eigen::ArrayXd(3) << 2, 2, 1).finished()).all());
  CHECK(x.head(2).isApprox(x0.head(2)));
  CHECK(std::isnan(x(2)));
  CHECK((y == y0).all());
  CHECK_THROWS_AS(static_cast<void>(tradeoff::staircase(x, y.head(2), indices({0}))),
                  std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::staircase(x, y, indices({3}))),
                  std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::staircase(x, y, indices({-1}))),
                  std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::staircase(Eigen::ArrayXXd::Zero(2, 2),
                                                        Eigen::ArrayXd::Zero(4), indices({0}))),
                  std::invalid_argument);
  try {
    static_cast<void>(tradeoff::staircase(x, y, indices({0, 2})));
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) ==
          "tradeoff::staircase: front[1] = 2 is a row with NaN (rows with NaN are on no front)");
  }
  try {
    static_cast<void>(tradeoff::staircase(x, y, indices({5})));
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) == "tradeoff::staircase: front[0] = 5 is outside [0, 3)");
  }
  // Infinite values are plotted as they are.
  Eigen::ArrayXd xi(2);
  Eigen::ArrayXd yi(2);
  xi << -inf_value, 1.0;
  yi << 1.0, -inf_value;
  const auto infinite = tradeoff::staircase(xi, yi, indices({0, 1}));
  CHECK(infinite.x(1) == 1.0);
  CHECK(infinite.y(1) == 1.0);
}

TEST_CASE("lower_hull: known frontier with a collinear point and a duplicate") {
  // Front (minimise/minimise): (0,10) (1,6) (2,4) (4,2) (6,1.5) (10,0); (2,4) lies above
  // the segment (1,6)-(4,2)? 6 + (2-1)*(2-6)/3 = 4.67 > 4, so (2,4) is a vertex.
  Eigen::ArrayXd x(8);
  Eigen::ArrayXd y(8);
  x << 0, 1, 2, 4, 6, 10, 2, 5;
  y << 10, 6, 4, 2, 1.5, 0, 4, 3;
  const Eigen::ArrayXi front = tradeoff::pareto_front(x, y);
  CHECK(to_vector(front) == std::vector<int>({0, 1, 2, 6, 3, 4, 5}));
  // (6, 1.5) vs segment (4,2)-(10,0): 2 - 2*(2/6) = 1.333 < 1.5, not a vertex.
  CHECK(to_vector(tradeoff::lower_hull(x, y, front)) == std::vector<int>({0, 1, 2, 3, 5}));
  // Collinear: (0,2) (1,1) (2,0) -> only the end points.
  Eigen::ArrayXd cx(3);
  Eigen::ArrayXd cy(3);
  cx << 1, 0, 2;
  cy << 1, 2, 0;
  CHECK(to_vector(tradeoff::lower_hull(cx, cy, indices({1, 0, 2}))) == std::vector<int>({1, 2}));
  // Maximise both: the same geometry mirrored.
  CHECK(to_vector(tradeoff::lower_hull(-x, -y, tradeoff::pareto_front(-x, -y, sense::maximize,
                                                                       sense::maximize),
                                       sense::maximize, sense::maximize)) ==
        std::vector<int>({0, 1, 2, 3, 5}));
  // 0, 1, 2 points.
  CHECK(tradeoff::lower_hull(x, y, Eigen::ArrayXi(0)).size() == 0);
  CHECK(to_vector(tradeoff::lower_hull(x, y, indices({4}))) == std::vector<int>({4}));
  CHECK(to_vector(tradeoff::lower_hull(x, y, indices({5, 0}))) == std::vector<int>({0, 5}));
}

TEST_CASE("lower_hull: matches a brute-force hull on random integer fronts") {
  std::mt19937 rng(2024u);
  const sense both[2] = {sense::minimize, sense::maximize};
  for (int trial = 0; trial < 1500; ++trial) {
    const Eigen::Index n = static_cast<Eigen::Index>(rng() % 30);
    const int range = trial % 3 == 0 ? 6 : 40;
    std::uniform_int_distribution<int> values(0, range);
    Eigen::ArrayXd x(n);
    Eigen::ArrayXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      x(i) = values(rng);
      y(i) = values(rng);
      if (rng() % 20 == 0) {
        y(i) = nan_value;
      }
    }
    const sense sx = both[trial % 2];
    const sense sy = both[(trial / 2) % 2];
    const double gx = sx == sense::maximize ? -1.0 : 1.0;
    const double gy = sy == sense::maximize ? -1.0 : 1.0;
    const std::vector<int> front_vector = brute_force_front(x, y, gx, gy);
    Eigen::ArrayXi front(static_cast<Eigen::Index>(front_vector.size()));
    for (std::size_t k = 0; k < front_vector.size(); ++k) {
      front(static_cast<Eigen::Index>(k)) = front_vector[k];
    }
    INFO("trial " << trial);
    const std::vector<int> expected = brute_force_lower_hull(x, y, front_vector, gx, gy);
    CHECK(to_vector(tradeoff::lower_hull(x, y, front, sx, sy)) == expected);
    // Any order of the front, and extra dominated points, give the same hull.
    std::vector<int> everything;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (!std::isnan(y(i))) {
        everything.push_back(static_cast<int>(i));
      }
    }
    std::shuffle(everything.begin(), everything.end(), rng);
    std::stable_sort(everything.begin(), everything.end(), [&](int a, int b) {
      // Front copies first in their order, so "first copy" means the same row.
      const bool fa = std::find(front_vector.begin(), front_vector.end(), a) != front_vector.end();
      const bool fb = std::find(front_vector.begin(), front_vector.end(), b) != front_vector.end();
      return fa && !fb;
    });
    Eigen::ArrayXi all(static_cast<Eigen::Index>(everything.size()));
    for (std::size_t k = 0; k < everything.size(); ++k) {
      all(static_cast<Eigen::Index>(k)) = everything[k];
    }
    const std::vector<int> from_all = to_vector(tradeoff::lower_hull(x, y, all, sx, sy));
    REQUIRE(from_all.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      CHECK(x(from_all[k]) == x(expected[k]));
      CHECK(y(from_all[k]) == y(expected[k]));
    }
  }
}

TEST_CASE("lower_hull: exact at any finite magnitude (huge and subnormal coordinates)") {
  // Issue 21, row 3: above about 1.3e154 the cross product overflowed (inf - inf = NaN) and a
  // true vertex was dropped; far below 1 it underflowed to 0 and looked collinear.
  Eigen::ArrayXd x(3);
  Eigen::ArrayXd y(3);
  x << 0.0, 1e200, 2e200;
  y << 2e200, 0.5e200, 0.0;
  CHECK(to_vector(tradeoff::lower_hull(x, y, indices({0, 1, 2}))) == std::vector<int>({0, 1, 2}));
  x << 0.0, 1.0, 2.0;
  y << 2.0, 0.5, 0.0;
  const double max = std::numeric_limits<double>::max();
  CHECK(to_vector(tradeoff::lower_hull(x * (max / 2.0), y * (max / 2.0), indices({0, 1, 2}))) ==
        std::vector<int>({0, 1, 2}));
  CHECK(to_vector(tradeoff::lower_hull(x * 0x1p-1072, y * 0x1p-1072, indices({0, 1, 2}))) ==
        std::vector<int>({0, 1, 2}));
  x << -max, 0.0, max;  // differences overflow: 2 max
  y << max, -max, -max;
  CHECK(to_vector(tradeoff::lower_hull(x, y, indices({0, 1, 2}))) == std::vector<int>({0, 1}));
  // A hull does not change when every coordinate is scaled by the same power of two (exact in
  // doubles, subnormals included); compare with the unscaled hull on random integer fronts.
  std::mt19937 rng(21u);
  for (int trial = 0; trial < 400; ++trial) {
    const Eigen::Index n = static_cast<Eigen::Index>(3 + rng() % 30);
    std::uniform_int_distribution<int> values(0, trial % 2 == 0 ? 8 : 1000);
    Eigen::ArrayXd px(n);
    Eigen::ArrayXd py(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      px(i) = values(rng);
      py(i) = values(rng);
    }
    const Eigen::ArrayXi front = tradeoff::pareto_front(px, py);
    const std::vector<int> expected = to_vector(tradeoff::lower_hull(px, py, front));
    for (const int power : {960, 600, 400, 200, -200, -600, -1000, -1064}) {
      INFO("trial " << trial << " scale 2^" << power);
      CHECK(to_vector(tradeoff::lower_hull(px * std::ldexp(1.0, power), py * std::ldexp(1.0, power), front)) ==
            expected);
    }
    // x huge, y tiny: the products are ordinary numbers, the differences are not
    CHECK(to_vector(tradeoff::lower_hull(px * 0x1p900, py * 0x1p-1060, front)) == expected);
  }
}

TEST_CASE("lower_hull: errors") {
  Eigen::ArrayXd x(3);
  Eigen::ArrayXd y(3);
  x << 0.0, 1.0, -inf_value;
  y << 1.0, 0.0, 5.0;
  CHECK_THROWS_AS(static_cast<void>(tradeoff::lower_hull(x, y, indices({0, 2}))),
                  std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::lower_hull(x, y, indices({3}))),
                  std::invalid_argument);
  try {
    static_cast<void>(tradeoff::lower_hull(x, y.head(2), indices({0})));
    FAIL("expected std::invalid_argument");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()) == "tradeoff::lower_hull: x has 3 values but y has 2");
  }
}
