#ifndef TRADEOFF_DETAIL_GROUPING_ACCESS_HPP
#define TRADEOFF_DETAIL_GROUPING_ACCESS_HPP

/// @file
/// @brief Internal: the one way to build a tradeoff::grouping (grouping.hpp), whose constructor is
/// private; only group_by's factorizations (group_factorize.hpp) call it.

#include <Eigen/Core>

#include <utility>

namespace tradeoff {

template <typename Keys>
class grouping;

namespace detail {

/// The one door through which group_by builds a grouping (whose constructor is private): the
/// factorizations below produce codes and sizes that satisfy its invariants.
struct grouping_access {
  template <typename Keys>
  static grouping<Keys> make(Keys keys, Eigen::ArrayXi codes, Eigen::ArrayXi sizes) {
    return grouping<Keys>(std::move(keys), std::move(codes), std::move(sizes));
  }
};

}  // namespace detail
}  // namespace tradeoff

#endif  // TRADEOFF_DETAIL_GROUPING_ACCESS_HPP
