#ifndef TRADEOFF_DUPLICATES_HPP
#define TRADEOFF_DUPLICATES_HPP

/// @file
/// @brief What a front does with exact duplicates: rows equal in every objective.

namespace tradeoff {

/// @brief What to do with exact duplicates (rows equal in every objective) on a front.
///
/// Used by `pareto_front` (pareto.hpp) and `pareto_archive` (pareto_archive.hpp).
enum class duplicates {
  keep_all,   ///< every copy of a non-dominated row is on the front (the definition)
  keep_first  ///< only the copy with the lowest index is returned
};

}  // namespace tradeoff

#endif  // TRADEOFF_DUPLICATES_HPP
