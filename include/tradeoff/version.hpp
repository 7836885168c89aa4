#ifndef TRADEOFF_VERSION_HPP
#define TRADEOFF_VERSION_HPP

/// @file
/// @brief The library's version (kept equal to project(VERSION) in CMakeLists.txt by a test).

#define TRADEOFF_VERSION_MAJOR 0
#define TRADEOFF_VERSION_MINOR 1
#define TRADEOFF_VERSION_PATCH 0

namespace tradeoff {

inline constexpr int version_major = TRADEOFF_VERSION_MAJOR;
inline constexpr int version_minor = TRADEOFF_VERSION_MINOR;
inline constexpr int version_patch = TRADEOFF_VERSION_PATCH;
inline constexpr const char* version_string = "0.1.0";

}  // namespace tradeoff

#endif  // TRADEOFF_VERSION_HPP
