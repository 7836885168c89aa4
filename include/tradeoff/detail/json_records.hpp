#ifndef TRADEOFF_DETAIL_JSON_RECORDS_HPP
#define TRADEOFF_DETAIL_JSON_RECORDS_HPP

/// @file
/// @brief Internal: drives nlohmann::json's SAX parser over a JSON document (an array of
/// objects) or over JSON Lines, one parse per line, feeding `json_flattener`; turns its
/// failures into a byte offset, a line and a column. Not API.

#include <cstddef>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <tradeoff/detail/json_flatten.hpp>
#include <tradeoff/detail/json_non_finite.hpp>
#include <tradeoff/detail/table_assembly.hpp>

namespace tradeoff::detail {

/// Where a JSON problem lies: 0-based byte offset in the whole text, 1-based line and column
/// (bytes).
struct json_place {
  std::size_t offset = 0;
  std::size_t line = 0;
  std::size_t column = 0;
};

[[nodiscard]] inline json_place json_place_of(std::string_view text, std::size_t offset) {
  json_place place;
  place.offset = offset < text.size() ? offset : text.size();
  place.line = 1;
  std::size_t line_start = 0;
  for (const char* p = text.data(); ; ++p) {
    const auto* newline = static_cast<const char*>(
        std::memchr(p, '\n', static_cast<std::size_t>(text.data() + place.offset - p)));
    if (newline == nullptr) {
      break;
    }
    ++place.line;
    line_start = static_cast<std::size_t>(newline - text.data()) + 1;
    p = newline;
  }
  place.column = place.offset - line_start + 1;
  return place;
}

/// A char iterator that publishes how far the parser has read (for each record's line).
class tracking_iterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  tracking_iterator() = default;
  tracking_iterator(const char* p, const char** published) noexcept : p_(p), published_(published) {}
  reference operator*() const noexcept { return *p_; }
  tracking_iterator& operator++() noexcept {
    ++p_;
    *published_ = p_;
    return *this;
  }
  tracking_iterator operator++(int) noexcept {
    tracking_iterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const tracking_iterator& a, const tracking_iterator& b) noexcept { return a.p_ == b.p_; }
  friend bool operator!=(const tracking_iterator& a, const tracking_iterator& b) noexcept { return a.p_ != b.p_; }

 private:
  const char* p_ = nullptr;
  const char** published_ = nullptr;
};

/// The layouts a JSON text of records may have.
enum class json_layout { document, lines };

/// Reads `text` (modified: NaN/Infinity are rewritten when the first parse stumbles on them)
/// into `out`. `fail(place, message)` must throw.
template <class Fail>
void read_json_records(std::string& text, std::size_t begin, json_layout layout, const std::string& separator,
                       json_number_rule rule, table_assembler& out, Fail&& fail) {
  if (layout == json_layout::document) {
    for (bool rewritten = false;;) {
      json_flattener handler(out, separator, rule, 1);
      const char* published = text.data() + begin;
      handler.track_position(&published, text.data());
      const bool ok = nlohmann::json::sax_parse(tracking_iterator(text.data() + begin, &published),
                                                tracking_iterator(text.data() + text.size(), &published), &handler);
      if (ok) {
        return;
      }
      if (handler.syntax_error()) {
        std::vector<json_special> specials;
        if (!rewritten && rewrite_non_finite(text.data() + begin, text.data() + text.size(), specials)) {
          rewritten = true;
          out = table_assembler(out.max_columns());
          // (a fresh handler reads the rewritten text; it is given the tokens below)
          json_flattener retry(out, separator, rule, 1);
          const char* again = text.data() + begin;
          retry.track_position(&again, text.data());
          retry.set_specials(std::move(specials));
          if (nlohmann::json::sax_parse(tracking_iterator(text.data() + begin, &again),
                                        tracking_iterator(text.data() + text.size(), &again), &retry)) {
            return;
          }
          if (!retry.syntax_error()) {
            fail(json_place_of(text, static_cast<std::size_t>(again - text.data())), retry.problem());
          }
          const std::size_t position = retry.error_position();
          fail(json_place_of(text, begin + (position == 0 ? 0 : position - 1)), "malformed JSON: " + retry.error_message());
        }
        const std::size_t position = handler.error_position();
        fail(json_place_of(text, begin + (position == 0 ? 0 : position - 1)), "malformed JSON: " + handler.error_message());
      }
      fail(json_place_of(text, static_cast<std::size_t>(published - text.data())), handler.problem());
    }
  }
  json_flattener handler(out, separator, rule, 0);
  std::size_t line = 0;
  for (std::size_t start = begin; start < text.size();) {
    ++line;
    const auto* newline = static_cast<const char*>(std::memchr(text.data() + start, '\n', text.size() - start));
    const std::size_t next = newline != nullptr ? static_cast<std::size_t>(newline - text.data()) + 1 : text.size();
    std::size_t end = newline != nullptr ? next - 1 : text.size();
    if (end > start && text[end - 1] == '\r') {
      --end;
    }
    const std::size_t first_line = line;
    const std::size_t line_start = start;
    start = next;
    std::size_t first = line_start;
    while (first < end && (text[first] == ' ' || text[first] == '\t' || text[first] == '\r')) {
      ++first;
    }
    if (first == end) {
      continue;  // a blank line (pandas skips them)
    }
    handler.set_line(first_line);
    char* const line_first = text.data() + line_start;
    char* const line_last = text.data() + end;
    if (nlohmann::json::sax_parse(static_cast<const char*>(line_first), static_cast<const char*>(line_last), &handler)) {
      continue;
    }
    std::vector<json_special> specials;
    if (handler.syntax_error() && rewrite_non_finite(line_first, line_last, specials)) {
      handler.abandon_record();
      handler.set_specials(std::move(specials));
      if (nlohmann::json::sax_parse(static_cast<const char*>(line_first), static_cast<const char*>(line_last),
                                    &handler)) {
        handler.set_specials({});
        continue;
      }
    }
    // (json_place_of counts the column from the line's first byte, a byte-order mark included)
    if (!handler.syntax_error()) {
      fail(json_place_of(text, line_start), handler.problem());
    }
    const std::size_t position = handler.error_position();
    fail(json_place_of(text, line_start + (position == 0 ? 0 : position - 1)),
         "malformed JSON: " + handler.error_message());
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_JSON_RECORDS_HPP
