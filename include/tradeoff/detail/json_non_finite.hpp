#ifndef TRADEOFF_DETAIL_JSON_NON_FINITE_HPP
#define TRADEOFF_DETAIL_JSON_NON_FINITE_HPP

/// @file
/// @brief Internal: lets a strict JSON parser read the non-standard literals `NaN`, `Infinity`
/// and `-Infinity` that Python's `json.dumps`, Google Benchmark and pandas' ultrajson write and
/// read. Not API.
///
/// The text is rewritten in place, outside strings, to numbers of the same length, so byte
/// offsets and lines in later error messages stay those of the file: `NaN` → `0E0`,
/// `Infinity` → `1E0     `, `-Infinity` → `-1E0     ` (nlohmann::json rejects a number that
/// overflows, so infinity cannot be spelled as one). The file's own `0E0`, `1E0` and `-1E0`
/// must keep their values, so every such token after the rewrite is listed in document order
/// with what it stands for; the SAX handler reads the list as the tokens come.

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace tradeoff::detail {

/// What a sentinel token after the rewrite stands for.
enum class json_special : char { itself, nan, infinity, negative_infinity };

/// Whether `c` can be part of a JSON number token.
[[nodiscard]] constexpr bool json_number_char(char c) noexcept {
  return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
}

/// Whether `text` is one of the sentinel tokens ("0E0", "1E0", "-1E0").
[[nodiscard]] inline bool json_sentinel(std::string_view text) noexcept {
  return text == "0E0" || text == "1E0" || text == "-1E0";
}

/// Rewrites [first, last) as described in the file comment; `specials` receives one entry per
/// sentinel token afterwards. Returns whether anything was rewritten.
inline bool rewrite_non_finite(char* first, char* last, std::vector<json_special>& specials) {
  bool rewritten = false;
  bool in_string = false;
  const auto starts = [&](const char* p, std::string_view word) {
    return static_cast<std::size_t>(last - p) >= word.size() && std::string_view(p, word.size()) == word;
  };
  const auto put = [&](char*& p, std::string_view replacement, json_special special) {
    std::memcpy(p, replacement.data(), replacement.size());
    specials.push_back(special);
    rewritten = true;
    p += replacement.size() - 1;
  };
  for (char* p = first; p < last; ++p) {
    const char c = *p;
    if (in_string) {
      if (c == '\\') {
        ++p;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == 'N' && starts(p, "NaN")) {
      put(p, "0E0", json_special::nan);
    } else if (c == 'I' && starts(p, "Infinity")) {
      put(p, "1E0     ", json_special::infinity);
    } else if (c == '-' && starts(p, "-Infinity")) {
      put(p, "-1E0     ", json_special::negative_infinity);
    } else if ((c == '0' || c == '1' || c == '-') && (p == first || !json_number_char(p[-1]))) {
      const std::string_view word = c == '-' ? "-1E0" : (c == '0' ? "0E0" : "1E0");
      if (starts(p, word) && (p + word.size() == last || !json_number_char(p[word.size()]))) {
        specials.push_back(json_special::itself);
        p += word.size() - 1;
      }
    }
  }
  return rewritten;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_JSON_NON_FINITE_HPP
