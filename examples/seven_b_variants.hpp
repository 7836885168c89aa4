#ifndef TRADEOFF_EXAMPLES_SEVEN_B_VARIANTS_HPP
#define TRADEOFF_EXAMPLES_SEVEN_B_VARIANTS_HPP

/// @file
/// @brief The 7B-class model the serving examples share (not part of the library): 32 layers,
/// d_model 4096, 32 query heads of 128, bf16, with MLA (latent 512 + RoPE 64), GQA-8 and MHA
/// attention (weights and non-attention FLOPs equal, so only the attention differs), and the GPU
/// presets by their command-line names.

#include <tradeoff/gpu.hpp>
#include <tradeoff/kv_layout.hpp>
#include <tradeoff/latency.hpp>
#include <tradeoff/serving_config.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace example {

struct variant {
  std::string type;
  tradeoff::serving_model model;
  tradeoff::attention_flops attention;  ///< decode and prefill attention FLOPs of this kind
};

inline constexpr std::int64_t seven_b_layers = 32;
inline constexpr std::int64_t seven_b_heads = 32;
inline constexpr std::int64_t seven_b_head_dim = 128;

/// The GPU preset named on the command line: a100, h100 or h200.
inline tradeoff::gpu_spec gpu_preset(const std::string& name) {
  if (name == "a100") return tradeoff::gpu_spec::a100_80gb_sxm();
  if (name == "h100") return tradeoff::gpu_spec::h100_sxm();
  if (name == "h200") return tradeoff::gpu_spec::h200();
  throw std::invalid_argument("unknown --gpu " + name + " (a100, h100 or h200)");
}

/// MLA, GQA, MHA (in that order; MHA last, the baseline).
inline std::vector<variant> seven_b_variants() {
  constexpr double parameters = 6.7e9;
  auto make = [&](tradeoff::kv_layout layout, const tradeoff::attention_flops& flops) {
    tradeoff::serving_model m;
    m.layout = layout;
    m.n_layers = seven_b_layers;
    m.kv_bytes_per_element = 2;  // bf16
    m.weight_bytes = parameters * 2.0;
    m.flops_per_token = 2.0 * parameters;
    m.attention_flops_per_context_token = flops.decode_per_context_token;
    return variant{"", m, flops};
  };
  // Standard attention: QK^T and AV over every head; MLA decodes absorbed over the latent (512)
  // plus the RoPE key (64) and prefills expanded (nope 128 + rope 64 keys, values 128).
  const tradeoff::attention_flops standard =
      tradeoff::standard_attention_flops(seven_b_layers, seven_b_heads, seven_b_head_dim);
  const tradeoff::attention_flops latent = tradeoff::mla_attention_flops(seven_b_layers, seven_b_heads, 512, 64, 128, 128);
  std::vector<variant> out = {make(tradeoff::kv_layout::mla(512, 64), latent),
                              make(tradeoff::kv_layout::gqa(8, seven_b_head_dim), standard),
                              make(tradeoff::kv_layout::mha(seven_b_heads, seven_b_head_dim), standard)};
  out[0].type = "MLA";
  out[1].type = "GQA";
  out[2].type = "MHA";
  return out;
}

}  // namespace example

#endif  // TRADEOFF_EXAMPLES_SEVEN_B_VARIANTS_HPP
