#ifndef TRADEOFF_DETAIL_ENUM_CHECK_HPP
#define TRADEOFF_DETAIL_ENUM_CHECK_HPP

/// @file
/// @brief Rejecting out-of-range enum values at the public boundary. An `enum class` argument can
/// hold any value of its underlying type (`static_cast<sense>(7)`); without a check such a value
/// silently behaves like one of the real ones. Internal.

#include <tradeoff/detail/argument_name.hpp>
#include <tradeoff/detail/error_prefix.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>

namespace tradeoff::detail {

/// Throws std::invalid_argument unless `value` is one of the enumerators 0 ... `last` (the enum's
/// enumerators must be contiguous from 0, as every enum of tradeoff is). `function` is the name the
/// user called, with or without the `tradeoff::` prefix; `argument` names the parameter;
/// `valid` lists the enumerators for the message.
template <typename Enum, typename Name>
void check_enum(Enum value, Enum last, const char* function, const Name& argument, const char* type,
                const char* valid) {
  static_assert(std::is_enum_v<Enum>, "check_enum: not an enum");
  using underlying = std::underlying_type_t<Enum>;
  const auto raw = static_cast<underlying>(value);
  if (raw >= 0 && raw <= static_cast<underlying>(last)) {
    return;
  }
  throw std::invalid_argument(error_prefix(function) + "argument '" +
                              argument_text(argument) + "' = " + std::to_string(static_cast<long long>(raw)) +
                              " is not a tradeoff::" + type + " (use " + valid + ")");
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_ENUM_CHECK_HPP
