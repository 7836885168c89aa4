#include <tradeoff/ndset.hpp>
#include <tradeoff/pareto.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <Eigen/Core>

#include <cmath>
#include <string>

using tradeoff::ndset_shape;

TEST_CASE("generate_ndset lies on its shape and is a front") {
  for (const ndset_shape shape : {ndset_shape::linear, ndset_shape::concave_sphere,
                                  ndset_shape::convex_sphere, ndset_shape::convex_simplex}) {
    for (Eigen::Index d = 2; d <= 6; ++d) {
      const Eigen::ArrayXXd points = tradeoff::generate_ndset(200, d, shape, 42);
      REQUIRE(points.rows() == 200);
      REQUIRE(points.cols() == d);
      CHECK((points > 0.0).all());
      CHECK((points < 1.0).all());
      Eigen::ArrayXd invariant;
      switch (shape) {
        case ndset_shape::linear: invariant = points.rowwise().sum(); break;
        case ndset_shape::concave_sphere: invariant = points.square().rowwise().sum(); break;
        case ndset_shape::convex_sphere: invariant = (1.0 - points).square().rowwise().sum(); break;
        case ndset_shape::convex_simplex: invariant = points.sqrt().rowwise().sum(); break;
      }
      CHECK((invariant - 1.0).abs().maxCoeff() < 1e-14);
      CHECK(tradeoff::pareto_front(points).size() == 200);
    }
  }
}

TEST_CASE("generate_ndset is deterministic for a seed and prefix stable") {
  const Eigen::ArrayXXd a = tradeoff::generate_ndset(50, 3, ndset_shape::concave_sphere, 7);
  const Eigen::ArrayXXd b = tradeoff::generate_ndset(50, 3, ndset_shape::concave_sphere, 7);
  const Eigen::ArrayXXd c = tradeoff::generate_ndset(20, 3, ndset_shape::concave_sphere, 7);
  const Eigen::ArrayXXd other = tradeoff::generate_ndset(50, 3, ndset_shape::concave_sphere, 8);
  CHECK((a == b).all());
  CHECK((a.topRows(20) == c).all());
  CHECK((a != other).any());
  CHECK(tradeoff::generate_ndset(0, 3, ndset_shape::linear).rows() == 0);
}

TEST_CASE("generate_ndset bad input E218 E219") {
  std::string message = tradeoff_test::invalid_argument_message(
      [] { static_cast<void>(tradeoff::generate_ndset(-1, 2, ndset_shape::linear)); });
  CHECK(message.rfind("tradeoff::generate_ndset: n = -1 and d = 2", 0) == 0);
  message = tradeoff_test::invalid_argument_message(
      [] { static_cast<void>(tradeoff::generate_ndset(3, 0, ndset_shape::linear)); });
  CHECK(message.rfind("tradeoff::generate_ndset: n = 3 and d = 0", 0) == 0);
  message = tradeoff_test::invalid_argument_message(
      [] { static_cast<void>(tradeoff::generate_ndset(3, 2, static_cast<ndset_shape>(9))); });
  CHECK(message.rfind("tradeoff::generate_ndset: argument 'shape' = 9", 0) == 0);
}
