// tradeoff/attainment.hpp: the k-attainment surfaces against their definition, computed by brute
// force on random small sets with ties, duplicates, NaN and empty sets; moocore's level rule.
#include <tradeoff/attainment.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace {

using vertex = std::pair<double, double>;

// Weak dominance of goal (gx, gy) by point (px, py) in the given directions.
bool attains(double px, double py, double gx, double gy, tradeoff::sense sx, tradeoff::sense sy) {
  const bool ok_x = sx == tradeoff::sense::minimize ? px <= gx : px >= gx;
  const bool ok_y = sy == tradeoff::sense::minimize ? py <= gy : py >= gy;
  return ok_x && ok_y;
}

// The k-attainment surface by its definition: every goal on the grid of the input coordinates
// (the minimal attained goals are (max of some x's, max of some y's), so they lie on it), the
// number of sets attaining it, then the minimal goals attained >= k times, each once, ordered by x
// best first.
std::vector<vertex> brute_force_surface(const std::vector<double>& x, const std::vector<double>& y,
                                        const std::vector<int>& set, int sets, int k, tradeoff::sense sx,
                                        tradeoff::sense sy) {
  std::vector<double> xs;
  std::vector<double> ys;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isnan(x[i]) && !std::isnan(y[i])) {
      xs.push_back(x[i]);
      ys.push_back(y[i]);
    }
  }
  std::vector<vertex> attained;
  for (const double gx : xs) {
    for (const double gy : ys) {
      int count = 0;
      for (int s = 0; s < sets; ++s) {
        bool any = false;
        for (std::size_t i = 0; i < x.size() && !any; ++i) {
          any = set[i] == s && !std::isnan(x[i]) && !std::isnan(y[i]) && attains(x[i], y[i], gx, gy, sx, sy);
        }
        count += any ? 1 : 0;
      }
      if (count >= k) {
        attained.emplace_back(gx, gy);
      }
    }
  }
  std::vector<vertex> minimal;
  for (const vertex& a : attained) {
    bool dominated = false;
    for (const vertex& b : attained) {
      const bool weak = attains(b.first, b.second, a.first, a.second, sx, sy);
      dominated = dominated || (weak && (b.first != a.first || b.second != a.second));
    }
    const bool seen = std::find(minimal.begin(), minimal.end(), a) != minimal.end();
    if (!dominated && !seen) {
      minimal.push_back(a);
    }
  }
  std::sort(minimal.begin(), minimal.end(), [&](const vertex& a, const vertex& b) {
    return sx == tradeoff::sense::minimize ? a.first < b.first : a.first > b.first;
  });
  return minimal;
}

std::vector<vertex> surface_of(const tradeoff::attainment_surfaces& s, int k) {
  std::vector<vertex> out;
  for (Eigen::Index r = s.start(k - 1); r < s.start(k); ++r) {
    CHECK(s.level(r) == k);
    CHECK(s.percentile(r) == static_cast<double>(k) * (100.0 / static_cast<double>(s.sets)));
    out.emplace_back(s.x(r), s.y(r));
  }
  return out;
}

std::string text(const std::vector<vertex>& v) {
  std::ostringstream out;
  for (const vertex& p : v) {
    out << "(" << p.first << ", " << p.second << ") ";
  }
  return out.str();
}

tradeoff::grouping<Eigen::ArrayXi> runs_of(const std::vector<int>& set) {
  Eigen::ArrayXi keys(static_cast<Eigen::Index>(set.size()));
  for (std::size_t i = 0; i < set.size(); ++i) {
    keys(static_cast<Eigen::Index>(i)) = set[i];
  }
  return tradeoff::group_by(keys);
}

Eigen::ArrayXd column(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::ArrayXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace

TEST_CASE("attainment surfaces equal the brute-force definition on random sets with ties and duplicates") {
  std::mt19937_64 generator(17);
  const tradeoff::sense senses[] = {tradeoff::sense::minimize, tradeoff::sense::maximize};
  int compared = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const int sets = 1 + static_cast<int>(generator() % 6);
    const int n = static_cast<int>(generator() % 16);
    const int grid = 1 + static_cast<int>(generator() % 5);  // few distinct values: many ties
    std::vector<double> x(static_cast<std::size_t>(n));
    std::vector<double> y(static_cast<std::size_t>(n));
    std::vector<int> set(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
      const auto at = static_cast<std::size_t>(i);
      x[at] = static_cast<double>(generator() % static_cast<std::uint64_t>(grid));
      y[at] = static_cast<double>(generator() % static_cast<std::uint64_t>(grid));
      if (generator() % 13 == 0) {
        (generator() % 2 == 0 ? x : y)[at] = std::numeric_limits<double>::quiet_NaN();
      }
      if (generator() % 17 == 0) {
        x[at] = generator() % 2 == 0 ? std::numeric_limits<double>::infinity() : -1.5;
      }
      set[at] = static_cast<int>(generator() % static_cast<std::uint64_t>(sets));
    }
    if (n > 0 && generator() % 3 == 0) {  // exact duplicate rows, in the same or another set
      x.push_back(x[0]);
      y.push_back(y[0]);
      set.push_back(set[static_cast<std::size_t>(generator() % static_cast<std::uint64_t>(n))]);
    }
    std::vector<int> ids = set;  // the grouping numbers the present ids 0 .. m - 1 in order
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (int& id : set) {
      id = static_cast<int>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
    }
    const auto runs = runs_of(set);
    const tradeoff::sense sx = senses[generator() % 2];
    const tradeoff::sense sy = senses[generator() % 2];
    const tradeoff::attainment_surfaces s = tradeoff::empirical_attainment(runs, column(x), column(y), sx, sy);
    const int m = static_cast<int>(runs.groups());
    REQUIRE(s.sets == m);
    REQUIRE(s.start.size() == m + 1);
    CHECK(s.start(0) == 0);
    CHECK(s.start(m) == s.x.size());
    for (int k = 1; k <= m; ++k) {
      const std::vector<vertex> got = surface_of(s, k);
      const std::vector<vertex> want = brute_force_surface(x, y, set, m, k, sx, sy);
      INFO("level " << k << " of " << m << " senses " << static_cast<int>(sx) << static_cast<int>(sy) << ": got "
                    << text(got) << " want " << text(want));
      CHECK(got == want);
      ++compared;
    }
  }
  CHECK(compared > 500);
}

TEST_CASE("the first attainment surface is the front of all points and the last what every run reached") {
  // three runs (minimise both): the 1-surface is the union's front, the 3-surface the goals all reach
  const std::vector<double> x = {1, 3, 2, 2, 4, 1, 5};
  const std::vector<double> y = {4, 1, 2, 3, 1, 5, 0};
  const std::vector<int> set = {0, 0, 1, 1, 1, 2, 2};
  const tradeoff::attainment_surfaces s = tradeoff::empirical_attainment(runs_of(set), column(x), column(y));
  CHECK(surface_of(s, 1) == std::vector<vertex>{{1, 4}, {2, 2}, {3, 1}, {5, 0}});
  CHECK(surface_of(s, 2) == std::vector<vertex>{{1, 5}, {2, 4}, {3, 2}, {4, 1}});
  CHECK(surface_of(s, 3) == std::vector<vertex>{{2, 5}, {5, 1}});
  CHECK(s.percentile(0) == 100.0 / 3.0);
  CHECK(tradeoff::median_attainment_level(s.sets) == 2);
}

TEST_CASE("E180 a run with no valid point counts as a set that attains nothing") {
  const std::vector<double> x = {1, 2, std::numeric_limits<double>::quiet_NaN()};
  const std::vector<double> y = {2, 1, 0};
  const tradeoff::attainment_surfaces s = tradeoff::empirical_attainment(runs_of({0, 1, 2}), column(x), column(y));
  CHECK(s.sets == 3);
  CHECK(surface_of(s, 1) == std::vector<vertex>{{1, 2}, {2, 1}});
  CHECK(surface_of(s, 2) == std::vector<vertex>{{2, 2}});
  CHECK(surface_of(s, 3).empty());
  const Eigen::ArrayXd missing = Eigen::ArrayXd::Constant(3, std::numeric_limits<double>::quiet_NaN());
  const tradeoff::attainment_surfaces none = tradeoff::empirical_attainment(runs_of({0, 1, 2}), missing, column(y));
  CHECK(none.sets == 3);
  CHECK(none.x.size() == 0);
  CHECK((none.start == 0).all());
}

TEST_CASE("attainment levels follow moocore's percentile rule") {
  CHECK(tradeoff::attainment_level(0.0, 10) == 1);
  CHECK(tradeoff::attainment_level(10.0, 10) == 1);
  CHECK(tradeoff::attainment_level(11.0, 10) == 2);
  CHECK(tradeoff::attainment_level(50.0, 10) == 5);
  CHECK(tradeoff::attainment_level(100.0, 10) == 10);
  CHECK(tradeoff::median_attainment_level(1) == 1);
  CHECK(tradeoff::median_attainment_level(4) == 2);
  CHECK(tradeoff::median_attainment_level(5) == 3);
}

TEST_CASE("the step path of an attainment surface joins its vertices by their outer corners") {
  const std::vector<double> x = {1, 3, 2, 2, 4, 1, 5};
  const std::vector<double> y = {4, 1, 2, 3, 1, 5, 0};
  const tradeoff::attainment_surfaces s =
      tradeoff::empirical_attainment(runs_of({0, 0, 1, 1, 1, 2, 2}), column(x), column(y));
  const tradeoff::staircase_path path = tradeoff::attainment_step_path(s, 3);
  const Eigen::ArrayXd want_x = (Eigen::ArrayXd(3) << 2, 5, 5).finished();
  const Eigen::ArrayXd want_y = (Eigen::ArrayXd(3) << 5, 5, 1).finished();
  CHECK((path.x == want_x).all());
  CHECK((path.y == want_y).all());
}

TEST_CASE("E177 E178 E179 bad input to the attainment functions") {
  const Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(4, 0.0, 3.0);
  const auto runs = runs_of({0, 0, 1, 1});
  // E177: lengths differ from the grouping
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::empirical_attainment(runs, x.head(3), x)),
                       "tradeoff::empirical_attainment: x has 3 rows but the grouping has 4", std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::empirical_attainment(runs, x, x, static_cast<tradeoff::sense>(7))),
                  std::invalid_argument);
  // E178: a percentile outside [0, 100], no sets
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::attainment_level(101.0, 4)),
                       "tradeoff::attainment_level: percentile = 101 is outside [0, 100]", std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::attainment_level(std::nan(""), 4)), std::domain_error);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::attainment_level(50.0, 0)), std::invalid_argument);
  // E179: a level outside [1, sets]
  const tradeoff::attainment_surfaces s = tradeoff::empirical_attainment(runs, x, x);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::attainment_step_path(s, 3)),
                       "tradeoff::attainment_step_path: level = 3 is outside [1, 2]", std::invalid_argument);
}
