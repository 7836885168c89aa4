#ifndef TRADEOFF_DETAIL_GOOGLE_BENCHMARK_JSON_HPP
#define TRADEOFF_DETAIL_GOOGLE_BENCHMARK_JSON_HPP

/// @file
/// @brief Internal: parses Google Benchmark's JSON output (`--benchmark_format=json`,
/// `--benchmark_out_format=json`) into an ordered nlohmann::json document, reading its NaN and
/// Infinity. Not API.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include <tradeoff/detail/json_non_finite.hpp>

namespace tradeoff::detail {

/// `value` as the signed integer type T when T holds it (truncated toward zero), else
/// `fallback`. The context's numbers are informational: a bogus one (a cache of 1e300 bytes)
/// must neither fail the read nor overflow the conversion (undefined behaviour).
template <typename T>
[[nodiscard]] T integer_or(double value, T fallback) {
  static_assert(std::numeric_limits<T>::is_signed, "integer_or: signed types only");
  const double low = static_cast<double>(std::numeric_limits<T>::min());  // -2^k, exact
  return std::isfinite(value) && value >= low && value < -low ? static_cast<T>(value) : fallback;
}

/// A JSON number as T (integers and floats alike), `fallback` when it is not a number or T
/// cannot hold it.
template <typename T, typename Json>
[[nodiscard]] T json_integer_or(const Json& value, T fallback) {
  if (value.is_number_unsigned()) {
    const auto u = value.template get<std::uint64_t>();
    return u <= static_cast<std::uint64_t>(std::numeric_limits<T>::max()) ? static_cast<T>(u) : fallback;
  }
  if (value.is_number_integer()) {
    const auto i = value.template get<std::int64_t>();
    return i >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
                   i <= static_cast<std::int64_t>(std::numeric_limits<T>::max())
               ? static_cast<T>(i)
               : fallback;
  }
  return value.is_number_float() ? integer_or<T>(value.template get<double>(), fallback) : fallback;
}

/// nlohmann's DOM builder, with NaN/Infinity restored from their rewritten sentinels and the
/// place of a syntax error kept.
class gbench_dom_builder : public nlohmann::detail::json_sax_dom_parser<nlohmann::ordered_json> {
 public:
  using base = nlohmann::detail::json_sax_dom_parser<nlohmann::ordered_json>;
  gbench_dom_builder(nlohmann::ordered_json& document, std::vector<json_special> specials)
      : base(document, false), specials_(std::move(specials)) {}

  bool number_float(double value, const std::string& text) {
    if (next_ < specials_.size() && json_sentinel(text)) {
      const json_special special = specials_[next_++];
      if (special == json_special::nan) {
        value = std::numeric_limits<double>::quiet_NaN();
      } else if (special != json_special::itself) {
        value = special == json_special::infinity ? std::numeric_limits<double>::infinity()
                                                  : -std::numeric_limits<double>::infinity();
      }
    }
    return base::number_float(value, text);
  }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error) {
    position_ = position;
    const std::string message = error.what();
    const std::size_t colon = message.find(": ");
    message_ = colon == std::string::npos ? message : message.substr(colon + 2);
    return base::parse_error(position, token, error);
  }

  [[nodiscard]] std::size_t error_position() const noexcept { return position_; }
  [[nodiscard]] const std::string& error_message() const noexcept { return message_; }

 private:
  std::vector<json_special> specials_;
  std::size_t next_ = 0;
  std::size_t position_ = 0;
  std::string message_;
};

/// Parses `text` (rewritten in place for NaN/Infinity). On a syntax error returns false and sets
/// the 0-based byte offset and nlohmann's description.
[[nodiscard]] inline bool parse_gbench_json(std::string& text, nlohmann::ordered_json& root, std::size_t& offset,
                                            std::string& message) {
  std::vector<json_special> specials;
  rewrite_non_finite(text.data(), text.data() + text.size(), specials);
  gbench_dom_builder builder(root, std::move(specials));
  const char* const first = text.data();
  if (nlohmann::ordered_json::sax_parse(first, first + text.size(), &builder)) {
    return true;
  }
  offset = builder.error_position() == 0 ? 0 : builder.error_position() - 1;
  message = builder.error_message();
  return false;
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_GOOGLE_BENCHMARK_JSON_HPP
