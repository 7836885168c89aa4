#ifndef TRADEOFF_TRADEOFF_HPP
#define TRADEOFF_TRADEOFF_HPP

/// @file
/// @brief Umbrella header: includes every public header of tradeoff.

#include <tradeoff/sense.hpp>
#include <tradeoff/version.hpp>

#endif  // TRADEOFF_TRADEOFF_HPP
