#ifndef TRADEOFF_DETAIL_NAMED_COLUMN_HPP
#define TRADEOFF_DETAIL_NAMED_COLUMN_HPP

/// @file
/// @brief Finding a column by name in a list of named columns (key_table, result_table), with
/// an error that lists the names there are. Internal.

#include <tradeoff/detail/error_prefix.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace tradeoff::detail {

/// The column called `name`; throws std::invalid_argument `tradeoff::<function>: no <what> 'name'
/// (the <what>s are 'a', 'b')` if there is none.
template <typename Column>
const Column& named_column(const std::vector<Column>& columns, const std::string& name, const char* function,
                           const char* what) {
  for (const Column& c : columns) {
    if (c.name() == name) {
      return c;
    }
  }
  std::string names;
  for (const Column& c : columns) {
    names += (names.empty() ? "'" : ", '") + c.name() + "'";
  }
  throw std::invalid_argument(error_prefix(function) + "no " + what + " '" + name + "' (the " + what +
                              "s are " + (names.empty() ? std::string("none") : names) + ")");
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_NAMED_COLUMN_HPP
