#ifndef TRADEOFF_DETAIL_ARGUMENT_NAME_HPP
#define TRADEOFF_DETAIL_ARGUMENT_NAME_HPP

/// @file
/// @brief How an error names the argument at fault: a plain name ("budgets") or a field of a
/// struct argument named by its path ("baseline.layout" + ".kv_heads"). The checks take either
/// and join a path only when they throw, so validating a struct costs no string on success.
/// Internal; not part of the API.

#include <string>

namespace tradeoff::detail {

/// @brief `prefix` followed by `field`, e.g. {"model.kv_options", ".window_tokens"}.
struct field_name {
  const char* prefix;
  const char* field;
};

/// @brief The text of an argument name.
inline std::string argument_text(const char* name) { return name; }
/// @brief The text of an argument name held in a string.
inline std::string argument_text(const std::string& name) { return name; }
/// @brief The text of a field path: prefix and field joined.
inline std::string argument_text(const field_name& name) { return std::string(name.prefix) + name.field; }

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_ARGUMENT_NAME_HPP
