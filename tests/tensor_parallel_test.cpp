// Tests of tensor_parallel.hpp: per-rank KV bytes of published configurations (Llama-2-70B,
// Llama-3-70B GQA-8; DeepSeek-V3 MLA) worked by hand, replication, data-parallel attention,
// the all-reduce time, the property that more ranks never raise per-rank KV bytes except where
// replication is stated, and bad input.
#include <tradeoff/tensor_parallel.hpp>
#include <tradeoff/serving.hpp>

#include "serving_models.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

using tradeoff::attention_parallelism;
using tradeoff::engine_config;
using tradeoff::gpu_spec;
using tradeoff::kv_layout;
using tradeoff::parallel_config;
using tradeoff::serving_model;
using tradeoff_test::invalid_argument_message;
using tradeoff_test::relative;

namespace {

// Llama-2-70B and Llama-3-70B share the attention: 80 layers, 64 query heads, 8 K/V heads of
// 128, hidden 8192 (their config.json); bf16 weights of ~70.6e9 parameters (Llama 3: 70.6e9).
serving_model llama_70b() {
  serving_model m;
  m.layout = kv_layout::gqa(8, 128);
  m.n_layers = 80;
  m.kv_bytes_per_element = 2;
  m.weight_bytes = 2.0 * 70.6e9;
  m.flops_per_token = 2.0 * 70.6e9;
  m.attention_flops_per_context_token = 4.0 * 80 * 64 * 128;
  return m;
}

// DeepSeek-V3: 61 layers, MLA latent 512 + RoPE 64 (70,272 bytes/token in bf16); 671e9
// parameters in fp8 (1 byte each), 37e9 activated per token.
serving_model deepseek_v3() {
  serving_model m;
  m.layout = kv_layout::mla(512, 64);
  m.n_layers = 61;
  m.kv_bytes_per_element = 2;
  m.weight_bytes = 671e9;
  m.flops_per_token = 2.0 * 37e9;
  m.attention_flops_per_context_token = 2.0 * 61 * 128 * (512 + 64 + 512);
  return m;
}

engine_config engine_8k() {
  engine_config e;
  e.max_model_len = 8192;
  e.activation_bytes = 4e9;
  return e;
}

parallel_config tp(std::int64_t ranks, attention_parallelism a = attention_parallelism::tensor) {
  parallel_config p;
  p.ranks = ranks;
  p.attention = a;
  p.hidden_size = 8192;
  return p;
}

}  // namespace

TEST_CASE("tensor parallel: Llama-70B GQA-8 per-rank KV bytes and replication worked by hand") {
  const serving_model m = llama_70b();
  // 2 x 8 heads x 128 x 80 layers x 2 bytes = 327,680 bytes per token on one GPU.
  CHECK(tradeoff::kv_bytes_per_token(m.layout, 80, 2) == 327680);
  const gpu_spec h100 = gpu_spec::h100_sxm();
  const auto two = tradeoff::tensor_parallel_throughput(m, h100, engine_8k(), tp(2));
  CHECK(two.kv_heads_per_rank == 4);
  CHECK(two.kv_replication == 1);
  CHECK(two.kv_bytes_per_token_per_rank == 163840);
  CHECK(two.weight_bytes_per_rank == 70.6e9);
  const auto eight = tradeoff::tensor_parallel_throughput(m, h100, engine_8k(), tp(8));
  CHECK(eight.kv_heads_per_rank == 1);
  CHECK(eight.kv_replication == 1);
  CHECK(eight.kv_bytes_per_token_per_rank == 40960);
  // 16 ranks, 8 K/V heads: each head on 2 ranks, per-rank bytes stop falling (replication).
  const auto sixteen = tradeoff::tensor_parallel_throughput(m, h100, engine_8k(), tp(16));
  CHECK(sixteen.kv_heads_per_rank == 1);
  CHECK(sixteen.kv_replication == 2);
  CHECK(sixteen.kv_bytes_per_token_per_rank == 40960);
  // TP-8 capacity: 0.9 x 80e9 - 141.2e9 / 8 - 4e9 = 50.35e9 bytes of KV per rank.
  CHECK(eight.rank_capacity.kv_memory_bytes == 50350000000);
  CHECK(eight.rank_capacity.page_bytes == 16 * 2 * 1 * 128 * 2);  // one head per rank
  CHECK(eight.concurrent_sequences == eight.sequences_per_rank);
  // One rank alone cannot hold the weights: zero capacity, no exception.
  const auto one = tradeoff::tensor_parallel_throughput(m, h100, engine_8k(), tp(1));
  CHECK_FALSE(one.rank_capacity.fits_weights);
  CHECK(one.concurrent_sequences == 0);
}

TEST_CASE("tensor parallel: one rank is the single-GPU model exactly") {
  const serving_model m = tradeoff_test::llama_like(kv_layout::gqa(8, 128));
  const engine_config e = tradeoff_test::h100_engine(4096);
  parallel_config one;
  const auto r = tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), e, one);
  const auto s = tradeoff::serving_throughput(m, gpu_spec::h100_sxm(), e);
  CHECK(r.concurrent_sequences == s.capacity.concurrent_sequences);
  CHECK(r.step_seconds == s.decode.step_seconds);
  CHECK(r.tokens_per_second == s.decode.tokens_per_second);
  CHECK(r.communication_seconds == 0.0);
}

TEST_CASE("tensor parallel: DeepSeek-V3 MLA latent replicated under TP / held once under DP attention") {
  const serving_model m = deepseek_v3();
  const gpu_spec h200 = gpu_spec::h200();
  const auto plain = tradeoff::tensor_parallel_throughput(m, h200, engine_8k(), tp(8));
  CHECK(plain.kv_bytes_per_token_per_rank == 70272);  // the whole latent on every rank
  CHECK(plain.kv_replication == 8);
  CHECK(plain.concurrent_sequences == plain.sequences_per_rank);
  parallel_config dp = tp(8, attention_parallelism::data);
  dp.attention_weight_bytes = 61.0 * 0.19e9;  // ~0.19e9 fp8 bytes of MLA projections per layer
  const auto data = tradeoff::tensor_parallel_throughput(m, h200, engine_8k(), dp);
  CHECK(data.kv_bytes_per_token_per_rank == 70272);
  CHECK(data.kv_replication == 1);
  CHECK(data.concurrent_sequences == 8 * data.sequences_per_rank);
  CHECK(data.weight_bytes_per_rank == relative((671e9 - 61.0 * 0.19e9) / 8.0 + 61.0 * 0.19e9, 1e-15));
  // Per rank: 0.9 x 141e9 - 671e9 / 8 - 4e9 = 39.0e9 bytes of KV under TP, 28.9e9 under DP attention
  // (replicated attention weights); 8192 tokens x 70,272 bytes = 576 MB per sequence.
  CHECK(plain.rank_capacity.kv_memory_bytes == 39025000000);
  CHECK(plain.concurrent_sequences == 67);
  CHECK(data.sequences_per_rank == 50);
  // Data-parallel attention serves ~6x the sequences: the latent is no longer copied 8 times.
  CHECK(data.concurrent_sequences == 400);
}

TEST_CASE("tensor parallel: the all-reduce time of a ring worked by hand") {
  const serving_model m = llama_70b();
  const auto r = tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), engine_8k(), tp(8));
  // tokens x 8192 x 2 bytes, 2 x 7/8 of it each way at 450e9 bytes/s.
  const double bytes = static_cast<double>(r.concurrent_sequences) * 8192.0 * 2.0;
  CHECK(r.all_reduce_seconds == relative(2.0 * 7.0 / 8.0 * bytes / 450e9, 1e-15));
  CHECK(r.communication_seconds == relative(160.0 * r.all_reduce_seconds, 1e-15));
  CHECK(r.step_seconds == relative(r.rank_step.step_seconds + r.communication_seconds, 1e-15));
  CHECK(r.tokens_per_second == relative(static_cast<double>(r.concurrent_sequences) / r.step_seconds, 1e-15));
  parallel_config slow = tp(8);
  slow.all_reduce_latency_seconds = 10e-6;
  const auto s = tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), engine_8k(), slow);
  CHECK(s.all_reduce_seconds == relative(r.all_reduce_seconds + 10e-6, 1e-12));
}

TEST_CASE("tensor parallel property: more ranks never raise per-rank KV bytes / replication only where stated") {
  const gpu_spec h100 = gpu_spec::h100_sxm();
  struct config {
    kv_layout layout;
  };
  const kv_layout layouts[] = {kv_layout::mha(64, 128), kv_layout::gqa(8, 128), kv_layout::gqa(4, 128),
                               kv_layout::gqa(1, 128), kv_layout::mqa(128), kv_layout::mla(512, 64)};
  for (const kv_layout& layout : layouts) {
    serving_model m = llama_70b();
    m.layout = layout;
    for (attention_parallelism a : {attention_parallelism::tensor, attention_parallelism::data}) {
      std::int64_t previous = -1;
      for (std::int64_t ranks : {1, 2, 4, 8, 16, 32, 64}) {
        const auto r = tradeoff::tensor_parallel_throughput(m, h100, engine_8k(), tp(ranks, a));
        INFO("kind " << static_cast<int>(layout.kind) << " heads " << layout.kv_heads << " ranks " << ranks);
        if (previous >= 0) {
          CHECK(r.kv_bytes_per_token_per_rank <= previous);
          if (r.kv_bytes_per_token_per_rank == previous && ranks > 1 && a == attention_parallelism::tensor) {
            CHECK(r.kv_replication > 1);  // stopped falling: only because copies are stated
          }
        }
        // Bytes held over all ranks = single-GPU bytes x replication (tensor) / x1 (data, per sequence).
        const std::int64_t single = tradeoff::kv_bytes_per_token(layout, 80, 2);
        if (a == attention_parallelism::tensor) {
          CHECK(r.kv_bytes_per_token_per_rank * ranks == single * r.kv_replication);
        } else {
          CHECK(r.kv_bytes_per_token_per_rank == single);
          CHECK(r.kv_replication == 1);
        }
        previous = r.kv_bytes_per_token_per_rank;
      }
    }
  }
}

TEST_CASE("E198 ranks below 1 or ranks that do not split the K/V heads: std::invalid_argument") {
  const serving_model m = llama_70b();
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), engine_8k(), tp(0)));
        }) == "tradeoff::tensor_parallel_throughput: argument 'parallel.ranks' must be positive (got 0)");
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), engine_8k(), tp(3)));
        }) == "tradeoff::tensor_parallel_throughput: argument 'parallel.ranks' = 3 does not split model.layout.kv_heads = 8 evenly (one must divide the other)");
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), engine_8k(), tp(12)));
        }) == "tradeoff::tensor_parallel_throughput: argument 'parallel.ranks' = 12 does not split model.layout.kv_heads = 8 evenly (one must divide the other)");
  // Data-parallel attention does not split heads: 3 ranks are fine.
  CHECK(tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), engine_8k(), tp(3, attention_parallelism::data))
            .kv_replication == 1);
  parallel_config bad = tp(2);
  bad.attention = static_cast<attention_parallelism>(7);
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), engine_8k(), bad));
        }) == "tradeoff::tensor_parallel_throughput: argument 'parallel.attention' = 7 is not a tradeoff::attention_parallelism (use attention_parallelism::tensor or data)");
}

TEST_CASE("E199 several ranks without an interconnect bandwidth or hidden size / attention weights beyond the weights") {
  const serving_model m = llama_70b();
  gpu_spec no_link{"custom", 80e9, 3e12, 1e15};
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::tensor_parallel_throughput(m, no_link, engine_8k(), tp(2)));
        }) == "tradeoff::tensor_parallel_throughput: argument 'gpu.interconnect_bytes_per_s' must be finite and positive (got 0)");
  CHECK(tradeoff::tensor_parallel_throughput(m, no_link, engine_8k(), parallel_config{}).ranks == 1);  // one rank needs none
  parallel_config no_hidden = tp(2);
  no_hidden.hidden_size = 0;
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), engine_8k(), no_hidden));
        }) == "tradeoff::tensor_parallel_throughput: argument 'parallel.hidden_size' must be positive (got 0)");
  parallel_config heavy = tp(2, attention_parallelism::data);
  heavy.attention_weight_bytes = 2e12;
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::tensor_parallel_throughput(m, gpu_spec::h100_sxm(), engine_8k(), heavy));
        }) == "tradeoff::tensor_parallel_throughput: argument 'parallel.attention_weight_bytes' must not exceed model.weight_bytes (got 2e+12)");
}
