#ifndef TRADEOFF_SENSE_HPP
#define TRADEOFF_SENSE_HPP

/// @file
/// @brief The direction of an objective: smaller is better, or larger is better.

namespace tradeoff {

/// @brief Direction in which an objective improves.
///
/// Used by every Pareto function (fronts, ranks, hypervolume, archive). `minimize` means
/// smaller values are better (validation loss, KV-cache bytes); `maximize` means larger values
/// are better (tokens per second).
enum class sense { minimize, maximize };

}  // namespace tradeoff

#endif  // TRADEOFF_SENSE_HPP
