// idxmin / idxmax (tradeoff/idxmin.hpp) against pandas 1.5.3 (tests/golden/make_golden_describe.py).
#include "golden_describe_data.hpp"

#include <tradeoff/idxmin.hpp>
#include <tradeoff/pareto.hpp>

#include <doctest/doctest.h>

#include <string>
#include <type_traits>
#include <vector>

TEST_CASE("idxmin and idxmax per group equal pandas groupby idxmin / idxmax") {
  const auto d = golden_describe::load();
  const auto g = tradeoff::group_by(d.type);
  const tradeoff::row_indices low = tradeoff::idxmin(g, d.v);
  const tradeoff::row_indices high = tradeoff::idxmax(g, d.v);
  int checked = 0;
  for (const auto& r : d.records) {
    if (r[0] != "idxmin" && r[0] != "idxmax") continue;
    Eigen::Index j = 0;
    while (j < g.groups() && g.keys()[static_cast<std::size_t>(j)] != r[1]) ++j;
    REQUIRE(j < g.groups());
    CHECK((r[0] == "idxmin" ? low(j) : high(j)) == std::stoll(r[2]));
    ++checked;
  }
  CHECK(checked == 2 * g.groups());
}

TEST_CASE("idxmin and idxmax of one array equal pandas Series idxmin / idxmax") {
  const auto d = golden_describe::load();
  int checked = 0;
  for (const auto& r : d.records) {
    if (r[0] != "series_idx") continue;
    const auto n = std::stoul(r[1]);
    std::vector<double> values;
    for (std::size_t i = 0; i < n; ++i) values.push_back(golden_describe::number(r[2 + i]));
    const Eigen::Map<const Eigen::VectorXd> vector(values.data(), static_cast<Eigen::Index>(n));
    CHECK(tradeoff::idxmin(values) == std::stoll(r[2 + n]));
    CHECK(tradeoff::idxmax(values) == std::stoll(r[3 + n]));
    CHECK(tradeoff::idxmin(vector) == std::stoll(r[2 + n]));            // a map of a matrix vector
    CHECK(tradeoff::idxmax(2.0 * vector.array()) == std::stoll(r[3 + n]));  // an expression
    ++checked;
  }
  CHECK(checked == 5);
  CHECK(tradeoff::idxmin(std::vector<double>{}) == -1);
}

TEST_CASE("idxmin per group returns the row index type of pareto_front") {
  static_assert(std::is_same_v<tradeoff::row_indices, Eigen::ArrayXi>);
  Eigen::ArrayXd x(5), y(5);
  x << 3, 1, 2, 5, 4;
  y << 1, 4, 2, 0, 3;
  const Eigen::ArrayXi keys = (Eigen::ArrayXi(5) << 0, 1, 0, 1, 0).finished();
  const auto g = tradeoff::group_by(keys);
  const tradeoff::row_indices best = tradeoff::idxmin(g, x);
  static_assert(std::is_same_v<std::decay_t<decltype(best)>, decltype(tradeoff::pareto_front(x, y))>);
  REQUIRE(best.size() == 2);
  CHECK(best(0) == 2);  // group 0: rows 0, 2, 4 hold 3, 2, 4
  CHECK(best(1) == 1);  // group 1: rows 1, 3 hold 1, 5
  CHECK(x(best(0)) == 2.0);  // indexes an Eigen array without a cast (int widens to Eigen::Index)
}
