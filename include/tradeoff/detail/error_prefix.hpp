#ifndef TRADEOFF_DETAIL_ERROR_PREFIX_HPP
#define TRADEOFF_DETAIL_ERROR_PREFIX_HPP

/// @file
/// @brief The one way an error message starts: `tradeoff::<function the user called>: `.
/// Internal.

#include <cstring>
#include <string>

namespace tradeoff::detail {

/// @brief "tradeoff::<function>: " for a function name given with or without its
/// `tradeoff::` qualification ("median" and "tradeoff::median" give the same prefix).
[[nodiscard]] inline std::string error_prefix(const char* function) {
  constexpr const char qualification[] = "tradeoff::";
  constexpr std::size_t length = sizeof qualification - 1;
  std::string prefix;
  if (std::strncmp(function, qualification, length) != 0) {
    prefix = qualification;
  }
  prefix += function;
  prefix += ": ";
  return prefix;
}

/// @brief The same for a name held in a string.
[[nodiscard]] inline std::string error_prefix(const std::string& function) { return error_prefix(function.c_str()); }

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_ERROR_PREFIX_HPP
