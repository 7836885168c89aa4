#ifndef TRADEOFF_DETAIL_TENSOR_PARALLEL_CORE_HPP
#define TRADEOFF_DETAIL_TENSOR_PARALLEL_CORE_HPP

/// @file
/// @brief The mechanism behind tensor_parallel.hpp: what one of N ranks holds and computes
/// (weights, KV heads — replicated when there are fewer K/V heads than ranks, the whole MLA
/// latent on every rank under plain tensor parallelism — and FLOPs), and the ring all-reduce
/// time. Internal; not part of the API.

#include <tradeoff/detail/number_text.hpp>
#include <tradeoff/detail/serving_checks.hpp>
#include <tradeoff/kv_layout.hpp>
#include <tradeoff/serving_config.hpp>

#include <cstdint>

namespace tradeoff::detail {

/// @brief One rank's share of a model.
struct rank_split {
  serving_model model;              ///< what one rank holds, reads and computes per sequence it decodes
  std::int64_t kv_heads_per_rank = 0;
  std::int64_t kv_replication = 1;  ///< ranks holding a copy of each K/V head (or of the MLA latent)
  std::int64_t sequence_groups = 1; ///< 1 under tensor parallelism; ranks under data-parallel attention
};

/// @brief Checks how `ranks` split the K/V heads of a validated layout under tensor
/// parallelism, as vLLM asserts: kv_heads % ranks == 0 when kv_heads >= ranks, else
/// ranks % kv_heads == 0 (each head then replicated ranks / kv_heads times).
inline void validate_head_split(const char* function, const kv_layout& layout, std::int64_t ranks) {
  if (layout.kind == attention_kind::mla || layout.kind == attention_kind::mqa) return;
  const std::int64_t heads = layout.kv_heads;
  if ((heads >= ranks && heads % ranks != 0) || (heads < ranks && ranks % heads != 0)) {
    throw_bad_argument(function, "parallel.ranks",
                       "= " + number_text(ranks) + " does not split model.layout.kv_heads = " + number_text(heads) +
                           " evenly (one must divide the other)");
  }
}

/// @brief One rank's share, for validated arguments. Tensor parallelism: weights, FLOPs and K/V
/// heads split N ways (a head replicated when heads < N; MQA's one head and MLA's latent on every
/// rank). Data-parallel attention: each rank runs attention, with the whole cache layout, for its
/// own sequences; the attention weights are replicated and the rest split N ways, so per
/// sequence a rank does the full FLOPs of its own tokens (N ranks × 1/N of N× the tokens).
inline rank_split split_model(const serving_model& model, std::int64_t ranks, bool data_parallel_attention,
                              double attention_weight_bytes) {
  rank_split r;
  r.model = model;
  const auto n = static_cast<double>(ranks);
  if (data_parallel_attention) {
    r.model.weight_bytes = (model.weight_bytes - attention_weight_bytes) / n + attention_weight_bytes;
    r.kv_heads_per_rank = model.layout.kv_heads;
    r.kv_replication = 1;
    r.sequence_groups = ranks;
    return r;
  }
  r.model.weight_bytes = model.weight_bytes / n;
  r.model.flops_per_token = model.flops_per_token / n;
  r.model.attention_flops_per_context_token = model.attention_flops_per_context_token / n;
  const std::int64_t heads = model.layout.kv_heads;
  if (model.layout.kind == attention_kind::mla || model.layout.kind == attention_kind::mqa) {
    r.kv_heads_per_rank = heads;  // 1: the whole latent / the one head on every rank
    r.kv_replication = ranks;
  } else if (heads >= ranks) {
    r.kv_heads_per_rank = heads / ranks;
    r.kv_replication = 1;
  } else {
    r.kv_heads_per_rank = 1;
    r.kv_replication = ranks / heads;
  }
  r.model.layout.kv_heads = r.kv_heads_per_rank;
  return r;
}

/// @brief Ring all-reduce of `bytes` over `ranks`: each rank sends and receives
/// 2 (N − 1)/N × bytes, at half the bidirectional link bandwidth each way, plus a fixed latency.
/// 0 for one rank.
inline double all_reduce_seconds(std::int64_t ranks, double bytes, double interconnect_bytes_per_s,
                                 double latency_seconds) {
  if (ranks <= 1) return 0.0;
  const auto n = static_cast<double>(ranks);
  return latency_seconds + 2.0 * (n - 1.0) / n * bytes / (interconnect_bytes_per_s / 2.0);
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_TENSOR_PARALLEL_CORE_HPP
