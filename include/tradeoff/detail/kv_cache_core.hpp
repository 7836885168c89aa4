#ifndef TRADEOFF_DETAIL_KV_CACHE_CORE_HPP
#define TRADEOFF_DETAIL_KV_CACHE_CORE_HPP

/// @file
/// @brief The KV-cache arithmetic behind kv_cache.hpp and serving.hpp, and the checks of its
/// inputs, each written once. Public functions validate their arguments once with the
/// `validate_*` functions (naming themselves in errors), then call the cores, which only guard
/// against int64 overflow. Internal; not part of the API.

#include <tradeoff/detail/argument_name.hpp>
#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/kv_layout.hpp>

#include <cstdint>
#include <string>

namespace tradeoff::detail {

/// @brief Checks a layout (as the factories build it): positive heads and width, rope_dim only for MLA,
/// one K/V head for MQA and MLA. `prefix` names the argument ("layout", "model.layout").
inline void validate_layout(const char* function, const kv_layout& layout, const char* prefix = "layout") {
  check_enum(layout.kind, attention_kind::mla, function, field_name{prefix, ".kind"}, "attention_kind",
             "attention_kind::mha, gqa, mqa or mla");
  require_positive(function, field_name{prefix, ".kv_heads"}, layout.kv_heads);
  require_positive(function, field_name{prefix, ".head_dim"}, layout.head_dim);
  require_non_negative(function, field_name{prefix, ".rope_dim"}, layout.rope_dim);
  if (layout.kind != attention_kind::mla && layout.rope_dim != 0) {
    throw_bad_argument(function, field_name{prefix, ".rope_dim"},
                       "must be 0 unless the layout is MLA (got " + number_text(layout.rope_dim) + ")");
  }
  if ((layout.kind == attention_kind::mqa || layout.kind == attention_kind::mla) && layout.kv_heads != 1) {
    throw_bad_argument(function, field_name{prefix, ".kv_heads"},
                       "must be 1 for MQA and MLA layouts (got " + number_text(layout.kv_heads) + ")");
  }
}

/// @brief The layers that own a cache: `kv_producing_layers`, or every layer when it is 0.
constexpr std::int64_t producing_layers(std::int64_t n_layers, const kv_cache_options& options) noexcept {
  return options.kv_producing_layers == 0 ? n_layers : options.kv_producing_layers;
}

/// @brief Checks sliding-window / sharing options against `n_layers` (already checked positive).
/// `prefix` names the argument ("options", "model.kv_options"); `layers_name` is how the
/// message names n_layers.
inline void validate_kv_options(const char* function, const kv_cache_options& options, std::int64_t n_layers,
                                const char* prefix, const char* layers_name) {
  require_non_negative(function, field_name{prefix, ".window_tokens"}, options.window_tokens);
  require_non_negative(function, field_name{prefix, ".sliding_window_layers"}, options.sliding_window_layers);
  require_non_negative(function, field_name{prefix, ".kv_producing_layers"}, options.kv_producing_layers);
  const std::int64_t producing = producing_layers(n_layers, options);
  if (producing > n_layers) {
    throw_bad_argument(function, field_name{prefix, ".kv_producing_layers"},
                       std::string("must not exceed ") + layers_name + " = " + number_text(n_layers) + " (got " +
                           number_text(producing) + ")");
  }
  if (options.sliding_window_layers > producing) {
    throw_bad_argument(function, field_name{prefix, ".sliding_window_layers"},
                       "must not exceed the KV-producing layers = " + number_text(producing) + " (got " +
                           number_text(options.sliding_window_layers) + ")");
  }
  if (options.sliding_window_layers > 0 && options.window_tokens == 0) {
    throw_bad_argument(function, field_name{prefix, ".window_tokens"},
                       "must be positive when sliding_window_layers > 0");
  }
}

/// @brief Elements one layer caches per token, for a validated layout (overflow reported as `function`).
inline std::int64_t elements_per_token_per_layer(const char* function, const kv_layout& layout) {
  if (layout.kind == attention_kind::mla) return checked_add(function, layout.head_dim, layout.rope_dim);
  return checked_multiply(function, checked_multiply(function, 2, layout.kv_heads), layout.head_dim);
}

/// @brief Bytes one sequence holds at `context_tokens`, for validated arguments.
inline std::int64_t kv_bytes_per_sequence_core(const char* function, const kv_layout& layout, std::int64_t n_layers,
                                               std::int64_t bytes_per_element, std::int64_t context_tokens,
                                               const kv_cache_options& options) {
  const std::int64_t elements = elements_per_token_per_layer(function, layout);
  const std::int64_t full_layers = producing_layers(n_layers, options) - options.sliding_window_layers;
  const std::int64_t window_context =
      options.window_tokens < context_tokens ? options.window_tokens : context_tokens;
  const std::int64_t layer_tokens =
      checked_add(function, checked_multiply(function, full_layers, context_tokens),
                  checked_multiply(function, options.sliding_window_layers, window_context));
  return checked_multiply(function, checked_multiply(function, elements, bytes_per_element), layer_tokens);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_KV_CACHE_CORE_HPP
