#ifndef TRADEOFF_KV_CACHE_HPP
#define TRADEOFF_KV_CACHE_HPP

/// @file
/// @brief KV-cache size per token and per sequence for MHA, GQA, MQA and MLA attention, with
/// sliding-window layers and cross-layer KV sharing; the benchmark data's `theoretical_cache_mb`.
///
/// Every byte count is an exact `std::int64_t` (overflow is reported, never wrapped). Units:
/// bytes unless a name says `_mb` (decimal megabytes, 1 MB = 1,000,000 bytes) or `_mib`
/// (1 MiB = 1,048,576 bytes). Formulas follow DeepSeek-V2 (arXiv 2405.04434), Table 1.

#include <tradeoff/detail/error_prefix.hpp>
#include <tradeoff/detail/kv_cache_core.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/kv_layout.hpp>

#include <cstdint>

namespace tradeoff {



/// @brief Elements one layer caches per token: 2·kv_heads·head_dim, or d_c + d_h^R for MLA.
/// @throws std::invalid_argument for an invalid layout; std::domain_error on int64 overflow.
/// @note O(1).
[[nodiscard]] inline std::int64_t kv_elements_per_token_per_layer(const kv_layout& layout) {
  constexpr const char* fn = "kv_elements_per_token_per_layer";
  detail::validate_layout(fn, layout);
  return detail::elements_per_token_per_layer(fn, layout);
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
  detail::validate_layout(fn, layout);
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
  detail::validate_layout(fn, layout);
  detail::require_positive(fn, "n_layers", n_layers);
  detail::require_positive(fn, "bytes_per_element", bytes_per_element);
  detail::require_non_negative(fn, "context_tokens", context_tokens);
  detail::validate_kv_options(fn, options, n_layers, "options", "n_layers");
  return detail::kv_bytes_per_sequence_core(fn, layout, n_layers, bytes_per_element, context_tokens, options);
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
  detail::validate_layout(fn, layout);
  detail::require_positive(fn, "bytes_per_element", bytes_per_element);
  detail::require_non_negative(fn, "context_tokens", context_tokens);
  const std::int64_t bytes =
      detail::kv_bytes_per_sequence_core(fn, layout, num_blocks, bytes_per_element, context_tokens, {});
  if (bytes > (std::int64_t{1} << 53)) {
    throw std::domain_error(detail::error_prefix("theoretical_cache_mb") + "byte count " + detail::number_text(bytes) +
                            " exceeds 2^53 and would not convert to double exactly");
  }
  return static_cast<double>(bytes) / bytes_per_mb;
}

}  // namespace tradeoff

#endif  // TRADEOFF_KV_CACHE_HPP
