#ifndef TRADEOFF_DETAIL_RESULT_FORMAT_HPP
#define TRADEOFF_DETAIL_RESULT_FORMAT_HPP

/// @file
/// @brief Cells of a result_table as text: Python's repr of a float (what pandas' to_csv and
/// json.dumps write), printf's %g (what tabulate, hence pandas' to_markdown, writes), CSV quoting
/// (Python's csv.QUOTE_MINIMAL) and JSON string escapes (json.dumps' ensure_ascii). Internal.

#include <tradeoff/detail/hex_escape.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>

namespace tradeoff::detail {

/// Python 3's repr(float): the shortest digits that read back to the same double, written fixed
/// (with ".0" if integral) for decimal exponents in [-4, 16), else as d.ddde±XX.
inline std::string python_float_repr(double x) {
  if (std::isnan(x)) {
    return "nan";
  }
  if (std::isinf(x)) {
    return x > 0 ? "inf" : "-inf";
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::scientific);
  const std::string text(buffer, result.ptr);  // [-]d[.ddd]e±XX
  const std::size_t e = text.find('e');
  const bool negative = text[0] == '-';
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < e; ++i) {
    if (text[i] != '.') {
      digits += text[i];
    }
  }
  const int exponent = std::atoi(text.c_str() + e + 1);
  std::string out = negative ? "-" : "";
  const auto n = static_cast<int>(digits.size());
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else if (n <= exponent + 1) {
      out += digits + std::string(static_cast<std::size_t>(exponent + 1 - n), '0') + ".0";
    } else {
      out += digits.substr(0, static_cast<std::size_t>(exponent + 1)) + "." +
             digits.substr(static_cast<std::size_t>(exponent + 1));
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (n > 1) {
    out += "." + digits.substr(1);
  }
  const int magnitude = exponent < 0 ? -exponent : exponent;
  out += exponent < 0 ? "e-" : "e+";
  if (magnitude < 10) {
    out += '0';
  }
  out += std::to_string(magnitude);
  return out;
}

/// printf("%g"): six significant digits, as Python's format(x, "g") for finite values.
inline std::string general_format(double x) {
  if (std::isnan(x)) {
    return "nan";
  }
  if (std::isinf(x)) {
    return x > 0 ? "inf" : "-inf";
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%g", x);
  return buffer;
}

/// A CSV field as Python's csv module writes it with QUOTE_MINIMAL (pandas' to_csv): quoted
/// when it holds the delimiter, a quote, \n or \r; quotes inside doubled.
inline std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

/// Appends the code point `cp` as \uXXXX (two escapes, a surrogate pair, above U+FFFF).
inline void append_unicode_escape(std::string& out, unsigned long cp) {
  auto one = [&](unsigned long unit) {
    out += "\\u";
    append_hex_digits(out, unit, 4);
  };
  if (cp > 0xFFFF) {
    cp -= 0x10000;
    one(0xD800 + (cp >> 10));
    one(0xDC00 + (cp & 0x3FF));
  } else {
    one(cp);
  }
}

/// A JSON string as json.dumps writes it (ensure_ascii): ", \ and control characters escaped,
/// non-ASCII UTF-8 as \uXXXX. Invalid UTF-8 bytes become U+FFFD.
inline std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (c < 0x20) {
            append_unicode_escape(out, c);
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    unsigned long cp = length == 4 ? (c & 0x07u) : length == 3 ? (c & 0x0Fu) : (c & 0x1Fu);
    bool valid = length > 1 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0u) == 0x80u;
      cp = (cp << 6) | (next & 0x3Fu);
    }
    append_unicode_escape(out, valid ? cp : 0xFFFDul);
    i += valid ? length : 1;
  }
  return out + "\"";
}

/// Number of code points of UTF-8 text (what tabulate measures a cell by, without wcwidth).
inline std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
  }
  return n;
}

/// tabulate's _afterpoint: digits after the decimal point (or after the exponent's 'e') of a
/// formatted number, −1 for an integer or a number without either.
inline int after_point(const std::string& text) {
  if (text.find_first_not_of("+-0123456789") == std::string::npos) {
    return -1;
  }
  std::size_t at = text.rfind('.');
  if (at == std::string::npos) {
    at = text.find_last_of("eE");
  }
  return at == std::string::npos ? -1 : static_cast<int>(text.size() - at - 1);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_RESULT_FORMAT_HPP
