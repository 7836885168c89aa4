// Tests of latency.hpp: goodput at a TPOT target against a brute-force scan of every batch,
// prefill and TTFT worked by hand, chunked prefill, and the properties the issue asks for.
#include <tradeoff/latency.hpp>
#include <tradeoff/serving.hpp>

#include "serving_models.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

using tradeoff::engine_config;
using tradeoff::gpu_spec;
using tradeoff::kv_layout;
using tradeoff::serving_model;
using tradeoff_test::h100_engine;
using tradeoff_test::invalid_argument_message;
using tradeoff_test::llama_like;
using tradeoff_test::relative;

namespace {

// The largest batch in [1, cap] whose decode step meets the target, by trying every batch.
std::int64_t brute_force_batch(const serving_model& m, const gpu_spec& gpu, const engine_config& e, double target) {
  const std::int64_t cap = tradeoff::kv_capacity(m, gpu, e).concurrent_sequences;
  std::int64_t best = 0;
  for (std::int64_t b = 1; b <= cap; ++b) {
    if (tradeoff::decode_step(m, gpu, e, static_cast<double>(b)).step_seconds <= target) best = b;
  }
  return best;
}

engine_config loaded_engine(std::int64_t max_model_len) {
  engine_config e = h100_engine(max_model_len);
  e.memory_efficiency = 0.85;
  e.compute_efficiency = 0.7;
  e.step_overhead_seconds = 0.002;
  return e;
}

}  // namespace

TEST_CASE("attention FLOPs: standard and MLA per token pair worked by hand") {
  // Llama-2-70B: 80 layers, 64 query heads x 128 (8 KV heads do not change the FLOPs).
  const tradeoff::attention_flops llama = tradeoff::standard_attention_flops(80, 64, 128);
  CHECK(llama.decode_per_context_token == 4.0 * 80 * 64 * 128);
  CHECK(llama.prefill_per_token_pair == 4.0 * 80 * 64 * 128);
  // DeepSeek-V3: 61 layers, 128 heads, d_c 512, d_rope 64, d_nope 128, d_v 128.
  const tradeoff::attention_flops v3 = tradeoff::mla_attention_flops(61, 128, 512, 64, 128, 128);
  CHECK(v3.decode_per_context_token == 2.0 * 61 * 128 * (512 + 64 + 512));  // 16,990,208
  CHECK(v3.decode_per_context_token == 16990208.0);
  CHECK(v3.prefill_per_token_pair == 2.0 * 61 * 128 * (128 + 64 + 128));    // 4,997,120
  CHECK(v3.prefill_per_token_pair == 4997120.0);
}

TEST_CASE("prefill: FLOPs / compute time and TTFT of a 2000-token prompt worked by hand") {
  const serving_model m = llama_like(kv_layout::gqa(8, 128));
  engine_config e = h100_engine(4096);
  e.step_overhead_seconds = 0.001;
  tradeoff::prefill_options p;
  p.attention_flops_per_token_pair = tradeoff::standard_attention_flops(32, 32, 128).prefill_per_token_pair;
  p.compute_efficiency = 0.5;
  const tradeoff::prefill_result r = tradeoff::prefill_time(m, gpu_spec::h100_sxm(), e, p, 2000);
  // linear: 2 x 6.74e9 x 2000 = 2.696e13; attention: 524,288 x 2000 x 2001 / 2 = 1.049100288e12
  CHECK(r.linear_flops == 2.696e13);
  CHECK(r.attention_flops == 1049100288000.0);
  CHECK(r.flops == relative(2.8009100288e13, 1e-15));
  CHECK(r.compute_seconds == relative(2.8009100288e13 / (989e12 * 0.5), 1e-15));  // 56.64 ms
  // memory: 13.5e9 weights + 2000 x 131,072 KV bytes written, at 3.35 TB/s
  CHECK(r.memory_seconds == relative((13.5e9 + 2000.0 * 131072.0) / 3.35e12, 1e-15));
  CHECK(r.regime == tradeoff::roofline_regime::compute_bound);
  CHECK(r.ttft_seconds == relative(2.8009100288e13 / 494.5e12 + 0.001, 1e-15));
  // The attention term grows with the square of the prompt: 8x the prompt, ~64x its FLOPs.
  const tradeoff::prefill_result longer = tradeoff::prefill_time(m, gpu_spec::h100_sxm(), e, p, 16000);
  CHECK(longer.attention_flops / r.attention_flops == relative(16000.0 * 16001.0 / (2000.0 * 2001.0), 1e-14));
}

TEST_CASE("goodput: the batch equals a brute-force scan of every batch for many targets") {
  const gpu_spec gpu = gpu_spec::h100_sxm();
  for (const kv_layout& layout : {kv_layout::mha(32, 128), kv_layout::gqa(8, 128), kv_layout::mla(512, 64)}) {
    const serving_model m = llama_like(layout);
    const engine_config e = loaded_engine(4096);
    const double one = tradeoff::decode_step(m, gpu, e, 1.0).step_seconds;
    const std::int64_t cap = tradeoff::kv_capacity(m, gpu, e).concurrent_sequences;
    const double at_cap = tradeoff::decode_step(m, gpu, e, static_cast<double>(cap)).step_seconds;
    for (double t : {one * 0.5, one, one * 1.0001, (one + at_cap) / 2.0, at_cap, at_cap * 2.0,
                     std::numeric_limits<double>::infinity()}) {
      INFO("layout kind " << static_cast<int>(layout.kind) << " target " << t);
      const tradeoff::goodput_result g = tradeoff::goodput_at_tpot(m, gpu, e, t);
      const std::int64_t expected = brute_force_batch(m, gpu, e, t);
      CHECK(g.batch == expected);
      CHECK(g.capacity_sequences == cap);
      if (expected > 0) {
        const tradeoff::decode_step_result s = tradeoff::decode_step(m, gpu, e, static_cast<double>(expected));
        CHECK(g.step_seconds == s.step_seconds);
        CHECK(g.tokens_per_second == s.tokens_per_second);
        CHECK(g.limited_by == (expected == cap ? tradeoff::goodput_limit::capacity
                                               : tradeoff::goodput_limit::latency_target));
      }
    }
  }
}

TEST_CASE("goodput: a target batch 1 misses is the documented empty result (E191)") {
  const serving_model m = llama_like(kv_layout::mha(32, 128));
  const engine_config e = loaded_engine(4096);
  const double one = tradeoff::decode_step(m, gpu_spec::h100_sxm(), e, 1.0).step_seconds;
  const tradeoff::goodput_result g = tradeoff::goodput_at_tpot(m, gpu_spec::h100_sxm(), e, one * 0.999);
  CHECK_FALSE(g.meets_target);
  CHECK(g.batch == 0);
  CHECK(g.tokens_per_second == 0.0);
  CHECK(g.step_seconds == one);
  CHECK(g.limited_by == tradeoff::goodput_limit::target_unmet);
  CHECK(g.unconstrained_tokens_per_second > 0.0);
  // Exactly batch 1's step meets it (<=).
  CHECK(tradeoff::goodput_at_tpot(m, gpu_spec::h100_sxm(), e, one).batch >= 1);
  // Nothing fits at all: no_capacity, still no exception.
  engine_config tiny = e;
  tiny.max_model_len = 400000;
  const tradeoff::goodput_result none = tradeoff::goodput_at_tpot(m, gpu_spec::h100_sxm(), tiny, 1.0);
  CHECK(none.limited_by == tradeoff::goodput_limit::no_capacity);
  CHECK(none.batch == 0);
  // In a curve an unmet target is batch 0, goodput 0, step NaN.
  const Eigen::ArrayXd targets = (Eigen::ArrayXd(2) << one * 0.5, one * 4.0).finished();
  const tradeoff::goodput_curve_result c = tradeoff::goodput_curve(m, gpu_spec::h100_sxm(), e, targets);
  CHECK(c.batch(0) == 0);
  CHECK(c.tokens_per_second(0) == 0.0);
  CHECK(std::isnan(c.step_seconds(0)));
  CHECK(c.batch(1) > 0);
}

TEST_CASE("goodput properties: never above the unconstrained throughput / tightening never raises it") {
  std::mt19937_64 rng(20);
  std::uniform_real_distribution<double> log_target(std::log(1e-3), std::log(1.0));
  const gpu_spec gpus[] = {gpu_spec::a100_80gb_sxm(), gpu_spec::h100_sxm(), gpu_spec::h200()};
  for (const kv_layout& layout : {kv_layout::mha(32, 128), kv_layout::gqa(8, 128), kv_layout::mla(512, 64)}) {
    for (const gpu_spec& gpu : gpus) {
      for (std::int64_t len : {512, 4096}) {
        const serving_model m = llama_like(layout);
        const engine_config e = loaded_engine(len);
        Eigen::ArrayXd targets(40);
        for (Eigen::Index i = 0; i < targets.size(); ++i) targets(i) = std::exp(log_target(rng));
        std::sort(targets.data(), targets.data() + targets.size());
        const tradeoff::goodput_curve_result c = tradeoff::goodput_curve(m, gpu, e, targets);
        const double unconstrained = tradeoff::serving_throughput(m, gpu, e).decode.tokens_per_second;
        CHECK(c.unconstrained_tokens_per_second == unconstrained);
        for (Eigen::Index i = 0; i < targets.size(); ++i) {
          CHECK(c.tokens_per_second(i) <= unconstrained);
          if (i > 0) {
            CHECK(c.tokens_per_second(i - 1) <= c.tokens_per_second(i));  // a tighter target, no more goodput
            CHECK(c.batch(i - 1) <= c.batch(i));
          }
        }
      }
    }
  }
}

TEST_CASE("goodput per attention variant at one target: MLA >= GQA >= MHA at a long context") {
  const gpu_spec gpu = gpu_spec::h100_sxm();
  const engine_config e = loaded_engine(4096);
  const double target = 0.050;  // 50 ms per output token
  const double mha = tradeoff::goodput_at_tpot(llama_like(kv_layout::mha(32, 128)), gpu, e, target).tokens_per_second;
  const double gqa = tradeoff::goodput_at_tpot(llama_like(kv_layout::gqa(8, 128)), gpu, e, target).tokens_per_second;
  const double mla = tradeoff::goodput_at_tpot(llama_like(kv_layout::mla(512, 64)), gpu, e, target).tokens_per_second;
  CHECK(mha > 0.0);
  CHECK(gqa > mha);
  CHECK(mla > gqa);
}

TEST_CASE("chunked prefill: no prompt is the plain decode step / the prefill share worked by hand") {
  const serving_model m = llama_like(kv_layout::gqa(8, 128));
  const engine_config e = loaded_engine(4096);
  const gpu_spec gpu = gpu_spec::h100_sxm();
  tradeoff::prefill_options p;
  p.attention_flops_per_token_pair = tradeoff::standard_attention_flops(32, 32, 128).prefill_per_token_pair;
  p.compute_efficiency = 0.6;
  const tradeoff::chunked_step_result none = tradeoff::chunked_prefill_step(m, gpu, e, p, {0.0, 200.0}, 64.0);
  const tradeoff::decode_step_result plain = tradeoff::decode_step(m, gpu, e, 64.0);
  CHECK(none.step_seconds == plain.step_seconds);
  CHECK(none.prefill_tokens_per_step == 0.0);
  CHECK(none.tpot_increase_seconds == 0.0);

  // 64 sequences, prompts of 1000 and outputs of 200 tokens: 320 prefill tokens per step.
  const tradeoff::chunked_step_result r = tradeoff::chunked_prefill_step(m, gpu, e, p, {1000.0, 200.0}, 64.0);
  CHECK(r.prefill_tokens_per_step == 320.0);
  CHECK(r.tokens_per_step == 384.0);
  const double per_prefill_token = 2.0 * 6.74e9 + 524288.0 * 1001.0 / 2.0;
  CHECK(r.prefill_flops == relative(320.0 * per_prefill_token, 1e-15));
  CHECK(r.prefill_compute_seconds == relative(320.0 * per_prefill_token / (989e12 * 0.6), 1e-15));
  const double decode_flops = 64.0 * (2.0 * 6.74e9 + 32.0 * 4.0 * 4096.0 * 4096.0);
  CHECK(r.prefill_flops_share == relative(320.0 * per_prefill_token / (320.0 * per_prefill_token + decode_flops), 1e-12));
  CHECK(r.compute_seconds == relative(plain.compute_seconds + r.prefill_compute_seconds, 1e-15));
  CHECK(r.step_seconds == relative(std::max(r.memory_seconds, r.compute_seconds) + 0.002, 1e-15));
  CHECK(r.step_seconds > plain.step_seconds);
  CHECK(r.tpot_increase_seconds == relative(r.step_seconds - plain.step_seconds, 1e-15));
  CHECK(r.tokens_per_second == relative(64.0 / r.step_seconds, 1e-15));
}

TEST_CASE("chunked prefill: goodput under prefill load never exceeds goodput without it") {
  const gpu_spec gpu = gpu_spec::h100_sxm();
  const engine_config e = loaded_engine(4096);
  tradeoff::prefill_options p;
  p.attention_flops_per_token_pair = tradeoff::standard_attention_flops(32, 32, 128).prefill_per_token_pair;
  p.compute_efficiency = 0.6;
  for (const kv_layout& layout : {kv_layout::mha(32, 128), kv_layout::gqa(8, 128), kv_layout::mla(512, 64)}) {
    const serving_model m = llama_like(layout);
    for (double target : {0.02, 0.03, 0.05, 0.1}) {
      const tradeoff::goodput_result plain = tradeoff::goodput_at_tpot(m, gpu, e, target);
      const tradeoff::goodput_result loaded = tradeoff::goodput_at_tpot(m, gpu, e, target, p, {2000.0, 200.0});
      CHECK(loaded.tokens_per_second <= plain.tokens_per_second);
      CHECK(loaded.batch <= plain.batch);
      if (loaded.batch > 0) {
        CHECK(tradeoff::chunked_prefill_step(m, gpu, e, p, {2000.0, 200.0}, static_cast<double>(loaded.batch))
                  .step_seconds <= target);
      }
      if (loaded.batch > 0 && loaded.batch < loaded.capacity_sequences) {
        CHECK(tradeoff::chunked_prefill_step(m, gpu, e, p, {2000.0, 200.0}, static_cast<double>(loaded.batch + 1))
                  .step_seconds > target);
      }
    }
  }
}

TEST_CASE("E190 a TPOT target of 0 / negative or NaN: std::invalid_argument naming it") {
  const serving_model m = llama_like(kv_layout::mha(32, 128));
  const engine_config e = h100_engine(4096);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::goodput_at_tpot(m, gpu_spec::h100_sxm(), e, 0.0)); }) ==
        "tradeoff::goodput_at_tpot: argument 'tpot_seconds' must be positive (got 0)");
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::goodput_at_tpot(m, gpu_spec::h100_sxm(), e, nan)); }) ==
        "tradeoff::goodput_at_tpot: argument 'tpot_seconds' must be positive (got nan)");
  const Eigen::ArrayXd targets = (Eigen::ArrayXd(3) << 0.01, -1.0, 0.02).finished();
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::goodput_curve(m, gpu_spec::h100_sxm(), e, targets)); }) ==
        "tradeoff::goodput_curve: argument 'tpot_targets' must be positive (got -1 at index 1)");
  // The model's own checks name the function called.
  serving_model bad = m;
  bad.n_layers = 0;
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::goodput_at_tpot(bad, gpu_spec::h100_sxm(), e, 0.1)); }) ==
        "tradeoff::goodput_at_tpot: argument 'model.n_layers' must be positive (got 0)");
}

TEST_CASE("E192 a prompt of 0 tokens or a prefill efficiency not in 0 to 1: std::invalid_argument") {
  const serving_model m = llama_like(kv_layout::mha(32, 128));
  const engine_config e = h100_engine(4096);
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::prefill_time(m, gpu_spec::h100_sxm(), e, {}, 0)); }) ==
        "tradeoff::prefill_time: argument 'prompt_tokens' must be positive (got 0)");
  tradeoff::prefill_options p;
  p.compute_efficiency = 1.5;
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::prefill_time(m, gpu_spec::h100_sxm(), e, p, 10)); }) ==
        "tradeoff::prefill_time: argument 'prefill.compute_efficiency' must lie in (0, 1] (got 1.5)");
  p.compute_efficiency = 0.5;
  p.attention_flops_per_token_pair = -1.0;
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::prefill_time(m, gpu_spec::h100_sxm(), e, p, 10)); }) ==
        "tradeoff::prefill_time: argument 'prefill.attention_flops_per_token_pair' must be finite and non-negative (got -1)");
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::mla_attention_flops(61, 128, 0, 64, 128, 128)); }) ==
        "tradeoff::mla_attention_flops: argument 'latent_dim' must be positive (got 0)");
}

TEST_CASE("E193 an arrival mix with a negative or NaN prompt or an output of 0: std::invalid_argument") {
  const serving_model m = llama_like(kv_layout::mha(32, 128));
  const engine_config e = h100_engine(4096);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::chunked_prefill_step(m, gpu_spec::h100_sxm(), e, {}, {-5.0, 100.0}, 8.0));
        }) == "tradeoff::chunked_prefill_step: argument 'mix.prompt_tokens' must be finite and non-negative (got -5)");
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::chunked_prefill_step(m, gpu_spec::h100_sxm(), e, {}, {100.0, 0.0}, 8.0));
        }) == "tradeoff::chunked_prefill_step: argument 'mix.output_tokens' must be finite and positive (got 0)");
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::goodput_at_tpot(m, gpu_spec::h100_sxm(), e, 0.1, {}, {nan, 100.0}));
        }) == "tradeoff::goodput_at_tpot: argument 'mix.prompt_tokens' must be finite and non-negative (got nan)");
}
