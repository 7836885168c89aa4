#ifndef TRADEOFF_DETAIL_HEX_ESCAPE_HPP
#define TRADEOFF_DETAIL_HEX_ESCAPE_HPP

/// @file
/// @brief Internal: bytes and code units as hexadecimal digits — the one way the library writes
/// an escape (`\xNN` in error messages, `\u00NN` and `\uXXXX` in the JSON it writes).

#include <cstddef>
#include <string>
#include <string_view>

namespace tradeoff::detail {

/// Appends the low `digits` hexadecimal digits of `value`, most significant first.
inline void append_hex_digits(std::string& out, unsigned long value, int digits, bool upper = false) {
  const char* hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
    out += hex[(value >> static_cast<unsigned>(shift)) & 0xFUL];
  }
}

/// `\xNN` (upper-case digits) for one byte, as error messages show a byte.
[[nodiscard]] inline std::string byte_escape(char c) {
  std::string out = "\\x";
  append_hex_digits(out, static_cast<unsigned char>(c), 2, true);
  return out;
}

/// Text for an error message: at most `limit` bytes of `text`, control bytes (below 0x20, and
/// 0x7F) as `\xNN`, and "..." when it was cut.
[[nodiscard]] inline std::string printable_bytes(std::string_view text, std::size_t limit = 60) {
  std::string out;
  for (const char c : text.substr(0, limit)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      out += byte_escape(c);
    } else {
      out += c;
    }
  }
  if (text.size() > limit) {
    out += "...";
  }
  return out;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_HEX_ESCAPE_HPP
