// Row masks (tradeoff/row_mask.hpp) and the mask arguments of pareto_front, pareto_ranks and
// hypervolume: a masked call equals the unmasked call on the selected rows, re-indexed.
#include <tradeoff/hypervolume.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/row_mask.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

TEST_CASE("equals and is_in build masks that compose with Eigen operators") {
  const std::vector<std::string> type = {"MHA", "GQA", "MLA", "MHA", "mha", ""};
  const Eigen::ArrayXd x = (Eigen::ArrayXd(6) << 1, std::nan(""), 3, -0.0, 5, 6).finished();
  const tradeoff::row_mask mha = tradeoff::equals(type, "MHA");
  CHECK((mha == (tradeoff::row_mask(6) << true, false, false, true, false, false).finished()).all());
  const tradeoff::row_mask set = tradeoff::is_in(type, {"GQA", "MLA", ""});
  CHECK((set == (tradeoff::row_mask(6) << false, true, true, false, false, true).finished()).all());
  const tradeoff::row_mask numbers = tradeoff::is_in(x, {0.0, 5.0, std::nan("")});
  CHECK((numbers == (tradeoff::row_mask(6) << false, false, false, true, true, false).finished()).all());
  const tradeoff::row_mask both = !mha && (x > 2.0 || set);
  CHECK((both == (tradeoff::row_mask(6) << false, true, true, false, true, true).finished()).all());
}

TEST_CASE("masked pareto_front pareto_ranks and hypervolume equal the unmasked calls on the selected rows") {
  std::mt19937_64 random(16);
  std::uniform_int_distribution<int> grid(0, 9);
  for (int trial = 0; trial < 50; ++trial) {
    const Eigen::Index n = 1 + trial;
    Eigen::ArrayXd x(n), y(n);
    tradeoff::row_mask keep(n);
    std::vector<Eigen::Index> kept;
    for (Eigen::Index i = 0; i < n; ++i) {
      x(i) = grid(random);
      y(i) = grid(random) == 0 ? std::nan("") : grid(random);
      keep(i) = grid(random) < 6;
      if (keep(i)) kept.push_back(i);
    }
    const auto m = static_cast<Eigen::Index>(kept.size());
    Eigen::ArrayXd sx(m), sy(m);
    for (Eigen::Index j = 0; j < m; ++j) {
      sx(j) = x(kept[static_cast<std::size_t>(j)]);
      sy(j) = y(kept[static_cast<std::size_t>(j)]);
    }
    const Eigen::ArrayXi sub = tradeoff::pareto_front(sx, sy);
    const Eigen::ArrayXi masked = tradeoff::pareto_front(x, y, keep);
    REQUIRE(masked.size() == sub.size());
    for (Eigen::Index j = 0; j < sub.size(); ++j) {
      CHECK(masked(j) == kept[static_cast<std::size_t>(sub(j))]);
    }
    const tradeoff::row_mask as_mask = tradeoff::pareto_front_mask(x, y, keep);
    CHECK(as_mask.count() == sub.size());
    for (Eigen::Index j = 0; j < masked.size(); ++j) CHECK(as_mask(masked(j)));
    const Eigen::ArrayXi ranks = tradeoff::pareto_ranks(x, y, keep);
    const Eigen::ArrayXi sub_ranks = tradeoff::pareto_ranks(sx, sy);
    for (Eigen::Index j = 0; j < m; ++j) CHECK(ranks(kept[static_cast<std::size_t>(j)]) == sub_ranks(j));
    CHECK((keep || ranks == -1).all());
    Eigen::ArrayXXd points(n, 2);
    points.col(0) = x;
    points.col(1) = y;
    Eigen::ArrayXXd sub_points(m, 2);
    sub_points.col(0) = sx;
    sub_points.col(1) = sy;
    const Eigen::ArrayXi nd = tradeoff::pareto_front(points, {}, keep);
    CHECK(nd.size() == sub.size());
    CHECK((tradeoff::pareto_ranks(points, {}, keep) == ranks).all());
    const Eigen::Array2d reference(10.0, 10.0);
    CHECK(tradeoff::hypervolume(points, reference, {}, keep) == tradeoff::hypervolume(sub_points, reference));
  }
}

TEST_CASE("E134 a row mask of the wrong length: std::invalid_argument naming the argument") {
  const Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(4, 0.0, 3.0);
  const tradeoff::row_mask short_mask = tradeoff::row_mask::Constant(3, true);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::pareto_front(x, x, short_mask)),
                       "tradeoff::pareto_front: mask has 3 x 1 entries but x has 4 rows", std::invalid_argument);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::pareto_ranks(x, x, short_mask)),
                       "tradeoff::pareto_ranks: mask has 3 x 1 entries but x has 4 rows", std::invalid_argument);
  const Eigen::ArrayXXd points = Eigen::ArrayXXd::Zero(4, 2);
  CHECK_THROWS_WITH_AS(static_cast<void>(tradeoff::hypervolume(points, Eigen::Array2d(1, 1), {}, short_mask)),
                       "tradeoff::hypervolume: mask has 3 x 1 entries but points has 4 rows", std::invalid_argument);
}
