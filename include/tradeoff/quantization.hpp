#ifndef TRADEOFF_QUANTIZATION_HPP
#define TRADEOFF_QUANTIZATION_HPP

/// @file
/// @brief Bytes of quantised weights and KV caches: bf16 / fp16, fp8, int8 and int4 element
/// widths with the per-block scale (and zero-point) overhead of the formats that have one
/// (group-wise int4, MXFP4, NVFP4, DeepSeek-V3's 128×128 fp8 blocks). Feed the results to
/// `serving_model::weight_bytes` and `kv_bytes_per_element`. See docs/quantization.md.

#include <tradeoff/detail/kv_cache_core.hpp>
#include <tradeoff/detail/quantization_core.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/kv_layout.hpp>

#include <cstdint>

namespace tradeoff {

/// @brief How one tensor is stored: packed elements of `bits_per_element` bits, and one scale of
/// `scale_bits` bits (scale + zero point where the format has one) per `block_elements`
/// consecutive elements. `block_elements == 0`: per-tensor or per-channel scales, not counted.
struct number_format {
  std::int64_t bits_per_element = 16;
  std::int64_t block_elements = 0;
  std::int64_t scale_bits = 0;

  /// @brief bf16 / fp16: 16 bits, no scales.
  [[nodiscard]] static constexpr number_format bf16() { return {16, 0, 0}; }
  /// @brief fp8 (E4M3 / E5M2) with a per-tensor scale (vLLM's fp8 KV cache and fp8 checkpoints).
  [[nodiscard]] static constexpr number_format fp8() { return {8, 0, 0}; }
  /// @brief fp8 with one fp32 scale per 128 × 128 weight block (DeepSeek-V3's checkpoints,
  /// `weight_block_size: [128, 128]`).
  [[nodiscard]] static constexpr number_format fp8_block_128x128() { return {8, 128 * 128, 32}; }
  /// @brief int8 with per-channel (or per-tensor) scales (e.g. SmoothQuant W8A8): 8 bits.
  [[nodiscard]] static constexpr number_format int8() { return {8, 0, 0}; }
  /// @brief int4, one fp16 scale and a 4-bit zero point per group of `group` weights (AWQ / GPTQ
  /// asymmetric, group 128 by default): 4 + 20/group bits per weight.
  [[nodiscard]] static constexpr number_format int4_group(std::int64_t group = 128) { return {4, group, 16 + 4}; }
  /// @brief MXFP4 (OCP Microscaling): FP4 E2M1 elements, one 8-bit E8M0 scale per 32.
  [[nodiscard]] static constexpr number_format mxfp4() { return {4, 32, 8}; }
  /// @brief NVFP4: FP4 E2M1 elements, one FP8 E4M3 scale per 16 (plus a per-tensor fp32 scale, not counted).
  [[nodiscard]] static constexpr number_format nvfp4() { return {4, 16, 8}; }
};

/// @brief Bits per element including the block scales: bits + scale_bits / block_elements.
/// @throws std::invalid_argument naming a bad field of `format`.
/// @note O(1).
[[nodiscard]] inline double effective_bits_per_element(const number_format& format) {
  detail::validate_format("effective_bits_per_element", format.bits_per_element, format.block_elements,
                          format.scale_bits);
  return static_cast<double>(format.bits_per_element) +
         (format.block_elements == 0
              ? 0.0
              : static_cast<double>(format.scale_bits) / static_cast<double>(format.block_elements));
}

/// @brief Bytes of `elements` values stored in `format`, exact: ceil(elements × bits / 8) +
/// ceil(ceil(elements / block) × scale_bits / 8). Use it for weights:
/// `model.weight_bytes = quantized_bytes(parameters, number_format::int4_group())`.
/// @throws std::invalid_argument naming the bad argument; std::domain_error on int64 overflow.
/// @note O(1).
[[nodiscard]] inline std::int64_t quantized_bytes(std::int64_t elements, const number_format& format) {
  constexpr const char* fn = "quantized_bytes";
  detail::require_non_negative(fn, "elements", elements);
  detail::validate_format(fn, format.bits_per_element, format.block_elements, format.scale_bits);
  return detail::quantized_bytes_core(fn, elements, format.bits_per_element, format.block_elements,
                                      format.scale_bits);
}

/// @brief KV-cache bytes per token over `n_layers` layers when each layer's per-token vector
/// (2·kv_heads·head_dim, or d_c + d_R for MLA) is stored in `format`, its blocks counted within
/// that vector. With a format of whole bytes and no blocks this is `kv_bytes_per_token(layout,
/// n_layers, bits / 8)`; set `serving_model::kv_bytes_per_element` to 1 for an fp8 or int8 cache.
/// @throws std::invalid_argument naming the bad argument; std::domain_error on int64 overflow.
/// @note O(1).
[[nodiscard]] inline std::int64_t quantized_kv_bytes_per_token(const kv_layout& layout, std::int64_t n_layers,
                                                               const number_format& format) {
  constexpr const char* fn = "quantized_kv_bytes_per_token";
  detail::validate_layout(fn, layout);
  detail::require_positive(fn, "n_layers", n_layers);
  detail::validate_format(fn, format.bits_per_element, format.block_elements, format.scale_bits);
  const std::int64_t per_layer = detail::quantized_bytes_core(fn, detail::elements_per_token_per_layer(fn, layout),
                                                              format.bits_per_element, format.block_elements,
                                                              format.scale_bits);
  return detail::checked_multiply(fn, per_layer, n_layers);
}

}  // namespace tradeoff

#endif  // TRADEOFF_QUANTIZATION_HPP
