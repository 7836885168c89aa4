#ifndef TRADEOFF_KV_LAYOUT_HPP
#define TRADEOFF_KV_LAYOUT_HPP

/// @file
/// @brief Vocabulary of the KV-cache and serving models: byte units, the attention kinds, what
/// one layer caches per token (`kv_layout`) and the sliding-window / cross-layer options.
/// The functions that use them are in kv_cache.hpp and serving.hpp.

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

}  // namespace tradeoff

#endif  // TRADEOFF_KV_LAYOUT_HPP
