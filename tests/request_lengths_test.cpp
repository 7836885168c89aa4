// Tests of request_lengths.hpp: the mean pages a running sequence holds against a step-by-step
// brute force, the worked example of docs/request_lengths.md, Little's law, and bad input.
#include <tradeoff/request_lengths.hpp>
#include <tradeoff/serving.hpp>

#include "serving_models.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

using tradeoff::gpu_spec;
using tradeoff::kv_layout;
using tradeoff_test::h100_engine;
using tradeoff_test::invalid_argument_message;
using tradeoff_test::llama_like;
using tradeoff_test::relative;

namespace {

// Every decode step of every request, one by one: pages and tokens held at step j are those of
// P + j tokens.
struct brute_force_means {
  double tokens = 0.0;
  double blocks = 0.0;
};
brute_force_means brute_force(const Eigen::ArrayXd& prompt, const Eigen::ArrayXd& output, std::int64_t block) {
  double steps = 0.0, tokens = 0.0, blocks = 0.0;
  for (Eigen::Index r = 0; r < prompt.size(); ++r) {
    const auto p = static_cast<std::int64_t>(prompt(r));
    for (std::int64_t j = 1; j <= static_cast<std::int64_t>(output(r)); ++j) {
      steps += 1.0;
      tokens += static_cast<double>(p + j);
      blocks += static_cast<double>((p + j + block - 1) / block);
    }
  }
  return {tokens / steps, blocks / steps};
}

}  // namespace

TEST_CASE("paged: fixed lengths worked by hand (docs/request_lengths.md)") {
  // Llama-2-7B-like MHA on an H100, 57e9 bytes of KV = 6,794 blocks of 16 tokens (serving.md),
  // max_model_len 4096. Requests: 1,000 prompt + 200 output tokens.
  const auto model = llama_like(kv_layout::mha(32, 128));
  const auto engine = h100_engine(4096);
  const Eigen::ArrayXd prompt = Eigen::ArrayXd::Constant(1, 1000.0);
  const Eigen::ArrayXd output = Eigen::ArrayXd::Constant(1, 200.0);
  const tradeoff::paged_estimate e = tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, prompt, output);
  CHECK(e.requests == 1);
  CHECK(e.mean_tokens_per_running_sequence == 1100.5);       // 1000 + 201/2
  CHECK(e.mean_blocks_per_running_sequence == 13848.0 / 200.0);  // (45,600 - 31,752) / 200 = 69.24
  CHECK(e.num_blocks == 6794);
  CHECK(e.memory_limited_sequences == 98);                   // floor(6794 / 69.24) = floor(98.12)
  CHECK(e.concurrent_sequences == 98);
  CHECK(e.limited_by == tradeoff::capacity_limit::kv_memory);
  CHECK(e.worst_case.concurrent_sequences == 26);            // 6794 // 256: the worst-case check
  CHECK(e.mean_kv_bytes_per_running_sequence == 69.24 * 8388608.0);
  CHECK(e.decode_context_tokens == 1101);  // 1100.5 rounds away from zero
  auto at = engine;
  at.context_tokens = 1101;
  const auto step = tradeoff::decode_step(model, gpu_spec::h100_sxm(), at, 98.0);
  CHECK(e.decode.step_seconds == step.step_seconds);
  CHECK(e.tokens_per_second == step.tokens_per_second);
  CHECK(e.requests_per_second == relative(step.tokens_per_second / 200.0, 1e-15));
  // Little's law: running sequences = arrival rate x time in decode.
  CHECK(e.requests_per_second * e.mean_decode_seconds == relative(98.0, 1e-12));
}

TEST_CASE("paged: sampled lengths equal a step-by-step brute force and never fit fewer than the worst case") {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> prompt_length(0, 3000);
  std::uniform_int_distribution<int> output_length(1, 1000);
  const auto engine = h100_engine(4096);
  for (const kv_layout& layout : {kv_layout::mha(32, 128), kv_layout::gqa(8, 128), kv_layout::mla(512, 64)}) {
    const auto model = llama_like(layout);
    for (int trial = 0; trial < 5; ++trial) {
      Eigen::ArrayXd prompt(50), output(50);
      for (Eigen::Index i = 0; i < 50; ++i) {
        prompt(i) = prompt_length(rng);
        output(i) = output_length(rng);
      }
      const auto e = tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, prompt, output);
      const brute_force_means b = brute_force(prompt, output, 16);
      CHECK(e.mean_tokens_per_running_sequence == relative(b.tokens, 1e-13));
      CHECK(e.mean_blocks_per_running_sequence == relative(b.blocks, 1e-13));
      CHECK(e.concurrent_sequences >= e.worst_case.concurrent_sequences);
      CHECK(e.concurrent_sequences <= engine.max_num_seqs);
      CHECK(e.mean_prompt_tokens == relative(prompt.mean(), 1e-13));
      CHECK(e.mean_output_tokens == relative(output.mean(), 1e-13));
    }
  }
}

TEST_CASE("paged: one fixed length broadcasts against samples / full-length requests give the worst case") {
  const auto model = llama_like(kv_layout::gqa(8, 128));
  const auto engine = h100_engine(4096);
  const Eigen::ArrayXd prompts = (Eigen::ArrayXd(3) << 100.0, 500.0, 900.0).finished();
  const Eigen::ArrayXd one_output = Eigen::ArrayXd::Constant(1, 300.0);
  const auto a = tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, prompts, one_output);
  const auto b = tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, prompts,
                                            Eigen::ArrayXd::Constant(3, 300.0));
  CHECK(a.mean_blocks_per_running_sequence == b.mean_blocks_per_running_sequence);
  CHECK(a.requests == 3);
  // An output of one token after a prompt of max_model_len - 1 holds max_model_len tokens: the
  // worst case exactly.
  const auto full = tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, Eigen::ArrayXd::Constant(1, 4095.0),
                                               Eigen::ArrayXd::Constant(1, 1.0));
  CHECK(full.mean_blocks_per_running_sequence == 256.0);
  CHECK(full.concurrent_sequences == full.worst_case.concurrent_sequences);
}

TEST_CASE("E194 length distributions with no samples: std::invalid_argument naming them") {
  const auto model = llama_like(kv_layout::mha(32, 128));
  const auto engine = h100_engine(4096);
  const Eigen::ArrayXd none(0);
  const Eigen::ArrayXd one = Eigen::ArrayXd::Constant(1, 10.0);
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, none, one));
        }) == "tradeoff::paged_throughput: argument 'prompt_lengths' has no samples (give at least one length)");
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, one, none));
        }) == "tradeoff::paged_throughput: argument 'output_lengths' has no samples (give at least one length)");
}

TEST_CASE("E195 negative / NaN or fractional lengths and an output of 0: std::invalid_argument") {
  const auto model = llama_like(kv_layout::mha(32, 128));
  const auto engine = h100_engine(4096);
  const Eigen::ArrayXd one = Eigen::ArrayXd::Constant(1, 10.0);
  const Eigen::ArrayXd negative = (Eigen::ArrayXd(2) << 5.0, -1.0).finished();
  const Eigen::ArrayXd nan = Eigen::ArrayXd::Constant(1, std::numeric_limits<double>::quiet_NaN());
  const Eigen::ArrayXd fraction = Eigen::ArrayXd::Constant(1, 2.5);
  const Eigen::ArrayXd zero = Eigen::ArrayXd::Constant(1, 0.0);
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, negative, one));
        }) == "tradeoff::paged_throughput: argument 'prompt_lengths' must hold whole numbers of tokens >= 0 (got -1 at index 1)");
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, nan, one));
        }) == "tradeoff::paged_throughput: argument 'prompt_lengths' must hold whole numbers of tokens >= 0 (got nan at index 0)");
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, one, fraction));
        }) == "tradeoff::paged_throughput: argument 'output_lengths' must hold whole numbers of tokens >= 1 (got 2.5 at index 0)");
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, one, zero));
        }) == "tradeoff::paged_throughput: argument 'output_lengths' must hold whole numbers of tokens >= 1 (got 0 at index 0)");
}

TEST_CASE("E196 prompt and output samples that do not pair / E197 a request longer than max_model_len") {
  const auto model = llama_like(kv_layout::mha(32, 128));
  const auto engine = h100_engine(4096);
  const Eigen::ArrayXd two = Eigen::ArrayXd::Constant(2, 10.0);
  const Eigen::ArrayXd three = Eigen::ArrayXd::Constant(3, 10.0);
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, two, three));
        }) == "tradeoff::paged_throughput: argument 'output_lengths' has 3 samples but prompt_lengths has 2 (pair them, or give one fixed length)");
  const Eigen::ArrayXd long_prompt = (Eigen::ArrayXd(2) << 10.0, 4000.0).finished();
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::paged_throughput(model, gpu_spec::h100_sxm(), engine, long_prompt,
                                                       Eigen::ArrayXd::Constant(1, 100.0)));
        }) == "tradeoff::paged_throughput: argument 'output_lengths' request 1 needs 4100 tokens, more than engine.max_model_len = 4096");
}
