#ifndef TRADEOFF_TESTS_SERVING_MODELS_HPP
#define TRADEOFF_TESTS_SERVING_MODELS_HPP

/// @file
/// @brief The model and engine the serving tests share (not part of the library): a
/// Llama-2-7B-like model with any attention layout, and the H100 engine of docs/serving.md.

#include <tradeoff/kv_layout.hpp>
#include <tradeoff/serving_config.hpp>

#include <doctest/doctest.h>

#include <cstdint>

namespace tradeoff_test {

/// Llama-2-7B-like: 32 layers, 32 query heads x 128, 13.5e9 bytes of fp16 weights, 6.74e9 parameters.
inline tradeoff::serving_model llama_like(const tradeoff::kv_layout& layout) {
  tradeoff::serving_model m;
  m.layout = layout;
  m.n_layers = 32;
  m.kv_bytes_per_element = 2;
  m.weight_bytes = 13.5e9;
  m.flops_per_token = 2.0 * 6.74e9;
  // QK^T and PV: 2 FLOPs per multiply-add, n_heads x head_dim each, per layer, per context token.
  m.attention_flops_per_context_token = 32.0 * 4.0 * 4096.0;
  if (layout.kind == tradeoff::attention_kind::mla) {
    // Absorbed MLA decode: scores over d_c + d_r, values over d_c, for each of 32 query heads.
    m.attention_flops_per_context_token = 32.0 * 2.0 * 32.0 * (576.0 + 512.0);
  }
  return m;
}

/// The engine of docs/serving.md's hand-worked example: utilisation 0.9, 1.5e9 bytes of
/// activations, block 16, max_num_seqs 1024.
inline tradeoff::engine_config h100_engine(std::int64_t max_model_len) {
  tradeoff::engine_config e;
  e.gpu_memory_utilization = 0.9;
  e.activation_bytes = 1.5e9;
  e.block_size = 16;
  e.max_num_seqs = 1024;
  e.max_model_len = max_model_len;
  return e;
}

/// A relative tolerance (doctest::Approx's default scale of 1 would make epsilon absolute).
inline doctest::Approx relative(double value, double epsilon) {
  return doctest::Approx(value).epsilon(epsilon).scale(0.0);
}

}  // namespace tradeoff_test

#endif  // TRADEOFF_TESTS_SERVING_MODELS_HPP
