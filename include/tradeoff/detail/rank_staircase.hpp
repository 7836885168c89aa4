#ifndef TRADEOFF_DETAIL_RANK_STAIRCASE_HPP
#define TRADEOFF_DETAIL_RANK_STAIRCASE_HPP

/// @file
/// @brief Internals of the 3-D front and of the three-objective base of the d >= 4 front
/// (pareto_front_nd.hpp): the minimal (b, c) pairs seen so far, a 2-D staircase whose
/// first coordinate is a dense rank (0..ranks-1) and whose second is a double.
///
/// The ranks present are an integer_set (64-ary bit tree), the c of each rank a flat array,
/// so covers() is one predecessor query and insert() erases the steps it covers: O(log64 m)
/// per call, amortised (each step is inserted and erased at most once).

#include <tradeoff/detail/integer_set.hpp>

#include <cstddef>
#include <vector>

namespace tradeoff::detail {

class rank_staircase {
 public:
  explicit rank_staircase(std::size_t ranks) : present_(ranks), height_(ranks) {}

  /// True iff a step at a rank <= b has c' <= c (the pair (b, c) is weakly dominated).
  [[nodiscard]] bool covers(std::size_t b, double c) const noexcept {
    const std::size_t below = present_.predecessor(b);
    return below != integer_set::npos && height_[below] <= c;
  }

  /// Adds (b, c) unless covered; removes the steps it covers. Returns whether it was added.
  bool insert(std::size_t b, double c) {
    if (covers(b, c)) {
      return false;
    }
    for (std::size_t above = present_.successor(b);
         above != integer_set::npos && height_[above] >= c; above = present_.successor(above)) {
      present_.erase(above);
    }
    present_.insert(b);
    height_[b] = c;
    return true;
  }

  /// Removes the step at rank b if there is one (callers that reuse the staircase erase the
  /// ranks they inserted, which is cheaper than a reset when few were).
  void erase(std::size_t b) noexcept { present_.erase(b); }

 private:
  integer_set present_;
  std::vector<double> height_;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_RANK_STAIRCASE_HPP
