#ifndef TRADEOFF_KV_CACHE_HPP
#define TRADEOFF_KV_CACHE_HPP

/// @file
/// @brief KV-cache size per token and per sequence for MHA, GQA, MQA and MLA attention, with
/// sliding-window layers and cross-layer KV sharing; the benchmark data's `theoretical_cache_mb`.
///
/// Every byte count is an exact `std::int64_t` (overflow is reported, never wrapped). Units:
/// bytes unless a name says `_mb` (decimal megabytes, 1 MB = 1,000,000 bytes) or `_mib`
/// (1 MiB = 1,048,576 bytes). Formulas follow DeepSeek-V2 (arXiv 2405.04434), Table 1.

#include <tradeoff/detail/enum_check.hpp>
#include <tradeoff/detail/serving_checks.hpp>

#include <cstdint>

namespace tradeoff {

/// @brief Decimal megabyte: the `_mb` unit of this library and of the benchmark data.
inline constexpr double bytes_per_mb = 1e6;
/// @brief Binary mebibyte (what `nvidia-smi` calls "MiB").
inline constexpr double bytes_per_mib = 1048576.0;

/// @brief Which attention variant a KV layout describes.
enum class attention_kind { mha, gqa, mqa, mla };

/// @brief What one layer caches for one token.
///
/// MHA/GQA/MQA cache a key and a value of `head_dim` elements for each of `kv_heads` heads
/// (2 × kv_heads × head_dim elements). MLA caches one compressed latent of `head_dim` (= d_c)
/// elements plus the decoupled RoPE key of `rope_dim` (= d_h^R) elements, with no factor 2
/// (DeepSeek-V2 Table 1). Build layouts with the factories, which validate their arguments;
/// every function taking a layout validates it again.
struct kv_layout {
  attention_kind kind = attention_kind::mha;
  std::int64_t kv_heads = 0;  ///< heads with their own K/V (MHA: n_heads, GQA: groups, MQA/MLA: 1)
  std::int64_t head_dim = 0;  ///< elements per K (and per V) head; MLA: the latent width d_c
  std::int64_t rope_dim = 0;  ///< MLA's decoupled RoPE key width d_h^R; 0 for the other kinds

  /// @brief Multi-head attention: every query head has its own K and V.
  /// @throws std::invalid_argument if `n_heads` or `head_dim` is not positive.
  [[nodiscard]] static kv_layout mha(std::int64_t n_heads, std::int64_t head_dim) {
    detail::require_positive("kv_layout::mha", "n_heads", n_heads);
    detail::require_positive("kv_layout::mha", "head_dim", head_dim);
    return {attention_kind::mha, n_heads, head_dim, 0};
  }
  /// @brief Grouped-query attention with `n_kv_heads` K/V heads (the groups n_g).
  /// @throws std::invalid_argument if `n_kv_heads` or `head_dim` is not positive.
  [[nodiscard]] static kv_layout gqa(std::int64_t n_kv_heads, std::int64_t head_dim) {
    detail::require_positive("kv_layout::gqa", "n_kv_heads", n_kv_heads);
    detail::require_positive("kv_layout::gqa", "head_dim", head_dim);
    return {attention_kind::gqa, n_kv_heads, head_dim, 0};
  }
  /// @brief Multi-query attention: one K/V head shared by all query heads.
  /// @throws std::invalid_argument if `head_dim` is not positive.
  [[nodiscard]] static kv_layout mqa(std::int64_t head_dim) {
    detail::require_positive("kv_layout::mqa", "head_dim", head_dim);
    return {attention_kind::mqa, 1, head_dim, 0};
  }
  /// @brief Multi-head latent attention: latent of `latent_dim` (d_c) plus RoPE key of `rope_dim`
  /// (d_h^R; 0 allowed for a latent without decoupled RoPE).
  /// @throws std::invalid_argument if `latent_dim` is not positive or `rope_dim` is negative.
  [[nodiscard]] static kv_layout mla(std::int64_t latent_dim, std::int64_t rope_dim) {
    detail::require_positive("kv_layout::mla", "latent_dim", latent_dim);
    detail::require_non_negative("kv_layout::mla", "rope_dim", rope_dim);
    return {attention_kind::mla, 1, latent_dim, rope_dim};
  }
};

/// @brief Sliding-window and cross-layer-sharing options for `kv_bytes_per_sequence`.
///
/// Of the `n_layers` layers, `kv_producing_layers` own a cache (cross-layer KV sharing, e.g.
/// CLA-2 halves it; 0 means every layer owns one). Of the producing layers,
/// `sliding_window_layers` keep only the last `window_tokens` tokens (min(context, window));
/// the rest keep the whole context. `sliding_window_layer_count` turns an SWA:full pattern such
/// as Gemma 3's 5:1 into a layer count.
struct kv_cache_options {
  std::int64_t window_tokens = 0;          ///< window of the SWA layers, tokens; 0 = no SWA layers
  std::int64_t sliding_window_layers = 0;  ///< how many producing layers use the window
  std::int64_t kv_producing_layers = 0;    ///< layers that own a cache; 0 = all n_layers
};

namespace detail {

inline void validate_layout(const char* function, const kv_layout& layout) {
  check_enum(layout.kind, attention_kind::mla, function, "layout.kind", "attention_kind",
             "attention_kind::mha, gqa, mqa or mla");
  require_positive(function, "layout.kv_heads", layout.kv_heads);
  require_positive(function, "layout.head_dim", layout.head_dim);
  require_non_negative(function, "layout.rope_dim", layout.rope_dim);
  if (layout.kind != attention_kind::mla && layout.rope_dim != 0) {
    throw_bad_argument(function, "layout.rope_dim", "must be 0 unless the layout is MLA (got " +
                                                        number_text(layout.rope_dim) + ")");
  }
  if ((layout.kind == attention_kind::mqa || layout.kind == attention_kind::mla) && layout.kv_heads != 1) {
    throw_bad_argument(function, "layout.kv_heads",
                       "must be 1 for MQA and MLA layouts (got " + number_text(layout.kv_heads) + ")");
  }
}

inline std::int64_t elements_per_token_per_layer(const char* function, const kv_layout& layout) {
  validate_layout(function, layout);
  if (layout.kind == attention_kind::mla) return checked_add(function, layout.head_dim, layout.rope_dim);
  return checked_multiply(function, checked_multiply(function, 2, layout.kv_heads), layout.head_dim);
}

}  // namespace detail

/// @brief Elements one layer caches per token: 2·kv_heads·head_dim, or d_c + d_h^R for MLA.
/// @throws std::invalid_argument for an invalid layout; std::domain_error on int64 overflow.
/// @note O(1).
[[nodiscard]] inline std::int64_t kv_elements_per_token_per_layer(const kv_layout& layout) {
  return detail::elements_per_token_per_layer("kv_elements_per_token_per_layer", layout);
}

/// @brief KV-cache bytes per token over all `n_layers` layers, every layer caching the full
/// context (DeepSeek-V2 Table 1 × `bytes_per_element`).
///
/// Examples: DeepSeek-V3 `kv_layout::mla(512, 64)`, 61 layers, BF16 (2) → 70,272;
/// OPT-13B `kv_layout::mha(40, 128)`, 40 layers, fp16 → 819,200.
/// @param layout            what one layer caches per token
/// @param n_layers          layers (> 0)
/// @param bytes_per_element bytes per cached element (> 0): 4 fp32, 2 fp16/bf16, 1 fp8
/// @return bytes per token (exact integer)
/// @throws std::invalid_argument naming the bad argument; std::domain_error on int64 overflow.
/// @note O(1).
[[nodiscard]] inline std::int64_t kv_bytes_per_token(const kv_layout& layout, std::int64_t n_layers,
                                                     std::int64_t bytes_per_element) {
  constexpr const char* fn = "kv_bytes_per_token";
  const std::int64_t elements = detail::elements_per_token_per_layer(fn, layout);
  detail::require_positive(fn, "n_layers", n_layers);
  detail::require_positive(fn, "bytes_per_element", bytes_per_element);
  return detail::checked_multiply(fn, detail::checked_multiply(fn, elements, n_layers), bytes_per_element);
}

/// @brief Number of sliding-window layers among `n_layers` whose pattern repeats
/// `swa_per_period` SWA layers followed by `full_per_period` full-attention layers, starting at
/// layer 0 (Gemma 3: 5 local, 1 global → 34 layers hold 29 SWA layers).
/// @throws std::invalid_argument if `n_layers` or `swa_per_period + full_per_period` is not
/// positive or either count is negative.
/// @note O(1).
[[nodiscard]] inline std::int64_t sliding_window_layer_count(std::int64_t n_layers, std::int64_t swa_per_period,
                                                             std::int64_t full_per_period) {
  constexpr const char* fn = "sliding_window_layer_count";
  detail::require_positive(fn, "n_layers", n_layers);
  detail::require_non_negative(fn, "swa_per_period", swa_per_period);
  detail::require_non_negative(fn, "full_per_period", full_per_period);
  const std::int64_t period = detail::checked_add(fn, swa_per_period, full_per_period);
  detail::require_positive(fn, "swa_per_period + full_per_period", period);
  const std::int64_t remainder = n_layers % period;
  return (n_layers / period) * swa_per_period + (remainder < swa_per_period ? remainder : swa_per_period);
}

/// @brief KV-cache bytes one sequence holds at `context_tokens` tokens.
///
/// bytes = elements_per_token_per_layer × bytes_per_element ×
///         (full_layers × context + swa_layers × min(context, window_tokens)),
/// with producing = options.kv_producing_layers (or n_layers when 0),
/// swa_layers = options.sliding_window_layers, full_layers = producing − swa_layers.
/// Without options this is `kv_bytes_per_token(layout, n_layers, b) × context_tokens`.
/// @param layout            what one layer caches per token
/// @param n_layers          layers of the model (> 0)
/// @param bytes_per_element bytes per cached element (> 0)
/// @param context_tokens    tokens held by the sequence (≥ 0)
/// @param options           sliding window and cross-layer sharing (all 0 = none)
/// @return bytes (exact integer)
/// @throws std::invalid_argument naming the bad argument (kv_producing_layers > n_layers,
/// sliding_window_layers > producing layers, sliding_window_layers > 0 with window_tokens ≤ 0,
/// negative counts); std::domain_error on int64 overflow.
/// @note O(1).
[[nodiscard]] inline std::int64_t kv_bytes_per_sequence(const kv_layout& layout, std::int64_t n_layers,
                                                        std::int64_t bytes_per_element, std::int64_t context_tokens,
                                                        const kv_cache_options& options = {}) {
  constexpr const char* fn = "kv_bytes_per_sequence";
  const std::int64_t elements = detail::elements_per_token_per_layer(fn, layout);
  detail::require_positive(fn, "n_layers", n_layers);
  detail::require_positive(fn, "bytes_per_element", bytes_per_element);
  detail::require_non_negative(fn, "context_tokens", context_tokens);
  detail::require_non_negative(fn, "options.window_tokens", options.window_tokens);
  detail::require_non_negative(fn, "options.sliding_window_layers", options.sliding_window_layers);
  detail::require_non_negative(fn, "options.kv_producing_layers", options.kv_producing_layers);
  const std::int64_t producing = options.kv_producing_layers == 0 ? n_layers : options.kv_producing_layers;
  if (producing > n_layers) {
    detail::throw_bad_argument(fn, "options.kv_producing_layers",
                               "must not exceed n_layers = " + detail::number_text(n_layers) + " (got " +
                                   detail::number_text(producing) + ")");
  }
  if (options.sliding_window_layers > producing) {
    detail::throw_bad_argument(fn, "options.sliding_window_layers",
                               "must not exceed the KV-producing layers = " + detail::number_text(producing) +
                                   " (got " + detail::number_text(options.sliding_window_layers) + ")");
  }
  if (options.sliding_window_layers > 0 && options.window_tokens == 0) {
    detail::throw_bad_argument(fn, "options.window_tokens", "must be positive when sliding_window_layers > 0");
  }
  const std::int64_t full_layers = producing - options.sliding_window_layers;
  const std::int64_t window_context =
      options.window_tokens < context_tokens ? options.window_tokens : context_tokens;
  const std::int64_t layer_tokens =
      detail::checked_add(fn, detail::checked_multiply(fn, full_layers, context_tokens),
                          detail::checked_multiply(fn, options.sliding_window_layers, window_context));
  return detail::checked_multiply(fn, detail::checked_multiply(fn, elements, bytes_per_element), layer_tokens);
}

/// @brief The KV layout the benchmark data set assumes for a row (FACTS: fp32, head_size 32,
/// rope_dim 16): MLA rows → `kv_layout::mla(down_dim_kv, 16)`; MHA/GQA rows →
/// `kv_layout::gqa(kv_heads, 32)` (an MHA row simply has kv_heads = n_heads).
/// @throws std::invalid_argument if the used dimension (down_dim_kv for MLA, kv_heads otherwise)
/// is not positive; the unused one is ignored.
[[nodiscard]] inline kv_layout benchmark_kv_layout(bool is_mla, std::int64_t kv_heads, std::int64_t down_dim_kv) {
  constexpr const char* fn = "benchmark_kv_layout";
  if (is_mla) {
    detail::require_positive(fn, "down_dim_kv", down_dim_kv);
    return kv_layout::mla(down_dim_kv, 16);
  }
  detail::require_positive(fn, "kv_heads", kv_heads);
  return kv_layout::gqa(kv_heads, 32);
}

/// @brief `theoretical_cache_mb` of the benchmark data: one sequence's KV cache in decimal MB.
///
/// Computes the exact integer byte count `kv_bytes_per_sequence(layout, num_blocks,
/// bytes_per_element, context_tokens)` and then divides it by 1e6 once, as a double:
/// `static_cast<double>(bytes) / 1e6`. That is bit for bit what Python computes for
/// `num_blocks * S * (down_dim_kv + 16) * 4 / 1e6` (MLA) and
/// `num_blocks * 2 * S * kv_heads * 32 * 4 / 1e6` (MHA/GQA): Python multiplies exact integers
/// left to right, then `int / float` converts the integer (exact below 2^53) and divides once.
/// Any other order (e.g. dividing before multiplying) can change the last bit.
/// @param layout            `benchmark_kv_layout(...)` for the data set, or any layout
/// @param num_blocks        transformer blocks (layers) (> 0)
/// @param context_tokens    S, the context length (the data set uses max_context = 512)
/// @param bytes_per_element 4 (fp32) for the data set
/// @return decimal megabytes
/// @throws std::invalid_argument naming the bad argument; std::domain_error if the byte count
/// exceeds 2^53 (it would no longer convert exactly).
/// @note O(1).
[[nodiscard]] inline double theoretical_cache_mb(const kv_layout& layout, std::int64_t num_blocks,
                                                 std::int64_t context_tokens, std::int64_t bytes_per_element = 4) {
  constexpr const char* fn = "theoretical_cache_mb";
  detail::require_positive(fn, "num_blocks", num_blocks);
  const std::int64_t bytes = kv_bytes_per_sequence(layout, num_blocks, bytes_per_element, context_tokens);
  if (bytes > (std::int64_t{1} << 53)) {
    throw std::domain_error("tradeoff::theoretical_cache_mb: byte count " + detail::number_text(bytes) +
                            " exceeds 2^53 and would not convert to double exactly");
  }
  return static_cast<double>(bytes) / bytes_per_mb;
}

}  // namespace tradeoff

#endif  // TRADEOFF_KV_CACHE_HPP
