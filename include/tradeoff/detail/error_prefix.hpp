#ifndef TRADEOFF_DETAIL_ERROR_PREFIX_HPP
#define TRADEOFF_DETAIL_ERROR_PREFIX_HPP

/// @file
/// @brief The one way an error message starts: `tradeoff::<function the user called>: `.
/// Internal.

#include <string>
#include <string_view>

namespace tradeoff::detail {

/// @brief "tradeoff::<function>: " for a function name given with or without its
/// `tradeoff::` qualification ("median" and "tradeoff::median" give the same prefix).
/// (A string_view comparison, not strncmp: GCC's -Wstring-compare misfires on the latter when a
/// short literal name is inlined.)
[[nodiscard]] inline std::string error_prefix(std::string_view function) {
  constexpr std::string_view qualification = "tradeoff::";
  std::string prefix;
  if (function.substr(0, qualification.size()) != qualification) {
    prefix = qualification;
  }
  prefix += function;
  prefix += ": ";
  return prefix;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_ERROR_PREFIX_HPP
