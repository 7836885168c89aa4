#include <tradeoff/kv_cache.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

using tradeoff::kv_layout;

using tradeoff_test::invalid_argument_message;

TEST_CASE("kv_layout factories record what one layer caches per token") {
  const kv_layout mha = kv_layout::mha(32, 128);
  CHECK(mha.kind == tradeoff::attention_kind::mha);
  CHECK(mha.kv_heads == 32);
  CHECK(mha.head_dim == 128);
  CHECK(mha.rope_dim == 0);
  CHECK(tradeoff::kv_elements_per_token_per_layer(mha) == 2 * 32 * 128);
  CHECK(tradeoff::kv_elements_per_token_per_layer(kv_layout::gqa(8, 128)) == 2 * 8 * 128);
  CHECK(tradeoff::kv_elements_per_token_per_layer(kv_layout::mqa(128)) == 2 * 128);
  // MLA: one latent plus the decoupled RoPE key, no factor 2.
  CHECK(tradeoff::kv_elements_per_token_per_layer(kv_layout::mla(512, 64)) == 576);
  CHECK(tradeoff::kv_elements_per_token_per_layer(kv_layout::mla(512, 0)) == 512);
}

TEST_CASE("DeepSeek-V2 Table 1 expressions (elements per token / n_h = d_h = 128 / l = 60 / n_g = 8)") {
  const std::int64_t n_h = 128, d_h = 128, l = 60, n_g = 8, d_c = 4 * d_h, d_r = d_h / 2;
  CHECK(tradeoff::kv_bytes_per_token(kv_layout::mha(n_h, d_h), l, 1) == 2 * n_h * d_h * l);
  CHECK(tradeoff::kv_bytes_per_token(kv_layout::gqa(n_g, d_h), l, 1) == 2 * n_g * d_h * l);
  CHECK(tradeoff::kv_bytes_per_token(kv_layout::mqa(d_h), l, 1) == 2 * d_h * l);
  CHECK(tradeoff::kv_bytes_per_token(kv_layout::mla(d_c, d_r), l, 1) == (d_c + d_r) * l);
  // Table 1's "≈ 9/2 d_h l" for d_c = 4 d_h, d_h^R = d_h / 2: exact here.
  CHECK(2 * tradeoff::kv_bytes_per_token(kv_layout::mla(d_c, d_r), l, 1) == 9 * d_h * l);
  // "equal to GQA with only 2.25 groups": (d_c + d_r) = 2 · 2.25 · d_h.
  // MQA caches 2 d_h l, so MLA = 2.25 x MQA.
  CHECK(4 * tradeoff::kv_bytes_per_token(kv_layout::mla(d_c, d_r), l, 1) ==
        9 * tradeoff::kv_bytes_per_token(kv_layout::mqa(d_h), l, 1));
}

TEST_CASE("published per-token KV sizes") {
  // DeepSeek-V3: 61 layers, d_c = 512, d_h^R = 64, BF16.
  CHECK(tradeoff::kv_bytes_per_token(kv_layout::mla(512, 64), 61, 2) == 70272);
  // OPT-13B: 40 layers, 40 heads x 128, fp16: 2 * 5120 * 40 * 2.
  CHECK(tradeoff::kv_bytes_per_token(kv_layout::mha(40, 128), 40, 2) == 819200);
  // Llama-2-7B fp16: 2 * 32 * 128 * 32 * 2 = 512 KiB per token.
  CHECK(tradeoff::kv_bytes_per_token(kv_layout::mha(32, 128), 32, 2) == 524288);
}

TEST_CASE("kv_bytes_per_sequence: plain / sliding window / cross-layer sharing") {
  const kv_layout gqa = kv_layout::gqa(8, 128);
  const std::int64_t per_token = tradeoff::kv_bytes_per_token(gqa, 32, 2);
  CHECK(tradeoff::kv_bytes_per_sequence(gqa, 32, 2, 4096) == per_token * 4096);
  CHECK(tradeoff::kv_bytes_per_sequence(gqa, 32, 2, 0) == 0);

  SUBCASE("sliding window: min(context / window) tokens on SWA layers") {
    tradeoff::kv_cache_options o;
    o.window_tokens = 1024;
    o.sliding_window_layers = 24;  // 24 SWA + 8 full
    const std::int64_t per_layer_token = per_token / 32;
    CHECK(tradeoff::kv_bytes_per_sequence(gqa, 32, 2, 4096, o) == per_layer_token * (8 * 4096 + 24 * 1024));
    // context shorter than the window: every layer holds the whole context.
    CHECK(tradeoff::kv_bytes_per_sequence(gqa, 32, 2, 500, o) == per_token * 500);
    CHECK(tradeoff::kv_bytes_per_sequence(gqa, 32, 2, 1024, o) == per_token * 1024);
    CHECK(tradeoff::kv_bytes_per_sequence(gqa, 32, 2, 1025, o) == per_layer_token * (8 * 1025 + 24 * 1024));
  }
  SUBCASE("cross-layer sharing: x producing layers / l") {
    tradeoff::kv_cache_options o;
    o.kv_producing_layers = 16;  // CLA-2
    CHECK(2 * tradeoff::kv_bytes_per_sequence(gqa, 32, 2, 4096, o) == per_token * 4096);
  }
  SUBCASE("sharing and window together: the window applies to the producing layers") {
    tradeoff::kv_cache_options o;
    o.kv_producing_layers = 16;
    o.sliding_window_layers = 12;
    o.window_tokens = 100;
    CHECK(tradeoff::kv_bytes_per_sequence(gqa, 32, 2, 1000, o) == (per_token / 32) * (4 * 1000 + 12 * 100));
  }
}

TEST_CASE("sliding_window_layer_count follows the repeating SWA:full pattern") {
  CHECK(tradeoff::sliding_window_layer_count(34, 5, 1) == 29);  // Gemma 3 4B: 5 global layers
  CHECK(tradeoff::sliding_window_layer_count(6, 5, 1) == 5);
  CHECK(tradeoff::sliding_window_layer_count(5, 5, 1) == 5);
  CHECK(tradeoff::sliding_window_layer_count(48, 3, 1) == 36);  // 3:1 local:global
  CHECK(tradeoff::sliding_window_layer_count(10, 0, 1) == 0);
  CHECK(tradeoff::sliding_window_layer_count(10, 1, 0) == 10);
  CHECK(tradeoff::sliding_window_layer_count(7, 1, 1) == 4);  // 0,2,4,6
  // Brute force on a grid.
  for (std::int64_t n = 1; n <= 40; ++n) {
    for (std::int64_t a = 0; a <= 6; ++a) {
      for (std::int64_t b = 0; b <= 6; ++b) {
        if (a + b == 0) continue;
        std::int64_t count = 0;
        for (std::int64_t i = 0; i < n; ++i) count += (i % (a + b)) < a ? 1 : 0;
        CHECK(tradeoff::sliding_window_layer_count(n, a, b) == count);
      }
    }
  }
}

TEST_CASE("theoretical_cache_mb reproduces the benchmark formulas bit for bit (golden / Python)") {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_serving_cache_mb.txt");
  REQUIRE(in.good());
  std::string line;
  int rows = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string type, hex;
    std::int64_t num_blocks = 0, dim = 0, kv_heads = 0, down_dim_kv = 0;
    fields >> type >> num_blocks >> dim >> kv_heads >> down_dim_kv >> hex;
    REQUIRE(fields);
    const double expected = std::strtod(hex.c_str(), nullptr);
    const kv_layout layout = tradeoff::benchmark_kv_layout(type == "MLA", kv_heads, down_dim_kv);
    const double got = tradeoff::theoretical_cache_mb(layout, num_blocks, 512);
    INFO(line);
    CHECK(got == expected);
    ++rows;
  }
  CHECK(rows == 216);
}

TEST_CASE("theoretical_cache_mb hand values") {
  // MHA dim 256 (8 heads), 12 blocks: 12 * 2 * 512 * 8 * 32 * 4 = 12,582,912 bytes = 12.582912 MB.
  CHECK(tradeoff::theoretical_cache_mb(tradeoff::benchmark_kv_layout(false, 8, 0), 12, 512) == 12.582912);
  // MLA down_dim_kv 64, 12 blocks: 12 * 512 * 80 * 4 = 1,966,080 bytes.
  CHECK(tradeoff::theoretical_cache_mb(tradeoff::benchmark_kv_layout(true, 2, 64), 12, 512) == 1.96608);
  // The layout used: MLA gets rope 16, the others head size 32.
  CHECK(tradeoff::benchmark_kv_layout(true, 2, 64).rope_dim == 16);
  CHECK(tradeoff::benchmark_kv_layout(false, 2, 64).head_dim == 32);
  // fp16 and another context are allowed.
  CHECK(tradeoff::theoretical_cache_mb(kv_layout::mha(40, 128), 40, 1000, 2) == 819.2);
}

TEST_CASE("property: smaller per-layer KV or fewer layers never give more bytes") {
  std::mt19937_64 rng(20240605);
  std::uniform_int_distribution<std::int64_t> heads(1, 64), dim(1, 256), layers(1, 96), ctx(0, 100000), bpe(1, 4);
  for (int trial = 0; trial < 2000; ++trial) {
    const std::int64_t h = heads(rng), d = dim(rng), l = layers(rng), c = ctx(rng), b = bpe(rng);
    const std::int64_t g = 1 + (h - 1) / 2;  // fewer KV heads
    const std::int64_t mha = tradeoff::kv_bytes_per_sequence(kv_layout::mha(h, d), l, b, c);
    CHECK(tradeoff::kv_bytes_per_sequence(kv_layout::gqa(g, d), l, b, c) <= mha);
    CHECK(tradeoff::kv_bytes_per_sequence(kv_layout::mqa(d), l, b, c) <= mha);
    CHECK(mha == tradeoff::kv_bytes_per_token(kv_layout::mha(h, d), l, b) * c);
    tradeoff::kv_cache_options o;
    o.window_tokens = 1 + c / 3;
    o.sliding_window_layers = l / 2;
    CHECK(tradeoff::kv_bytes_per_sequence(kv_layout::mha(h, d), l, b, c, o) <= mha);
  }
}

TEST_CASE("bad arguments are rejected with a message naming the function and the argument") {
  CHECK(invalid_argument_message([] { static_cast<void>(kv_layout::mha(0, 128)); }) ==
        "tradeoff::kv_layout::mha: argument 'n_heads' must be positive (got 0)");
  CHECK(invalid_argument_message([] { static_cast<void>(kv_layout::mha(8, -1)); })
            .find("argument 'head_dim'") != std::string::npos);
  CHECK(invalid_argument_message([] { static_cast<void>(kv_layout::gqa(-2, 128)); })
            .find("tradeoff::kv_layout::gqa: argument 'n_kv_heads'") == 0);
  CHECK(invalid_argument_message([] { static_cast<void>(kv_layout::mqa(0)); })
            .find("tradeoff::kv_layout::mqa: argument 'head_dim'") == 0);
  CHECK(invalid_argument_message([] { static_cast<void>(kv_layout::mla(0, 64)); })
            .find("tradeoff::kv_layout::mla: argument 'latent_dim'") == 0);
  CHECK(invalid_argument_message([] { static_cast<void>(kv_layout::mla(512, -1)); })
            .find("tradeoff::kv_layout::mla: argument 'rope_dim'") == 0);

  const kv_layout ok = kv_layout::gqa(8, 128);
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::kv_bytes_per_token(ok, 0, 2)); }) ==
        "tradeoff::kv_bytes_per_token: argument 'n_layers' must be positive (got 0)");
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::kv_bytes_per_token(ok, 32, 0)); })
            .find("argument 'bytes_per_element'") != std::string::npos);
  // Layouts built by hand are validated too.
  CHECK(invalid_argument_message([] {
          static_cast<void>(tradeoff::kv_bytes_per_token(kv_layout{tradeoff::attention_kind::mha, 0, 128, 0}, 32, 2));
        }).find("tradeoff::kv_bytes_per_token: argument 'layout.kv_heads'") == 0);
  CHECK(invalid_argument_message([] {
          static_cast<void>(tradeoff::kv_bytes_per_token(kv_layout{tradeoff::attention_kind::gqa, 8, 128, 64}, 32, 2));
        }).find("argument 'layout.rope_dim' must be 0 unless the layout is MLA") != std::string::npos);
  CHECK(invalid_argument_message([] {
          static_cast<void>(tradeoff::kv_bytes_per_token(kv_layout{tradeoff::attention_kind::mqa, 4, 128, 0}, 32, 2));
        }).find("argument 'layout.kv_heads' must be 1") != std::string::npos);

  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::kv_bytes_per_sequence(ok, 32, 2, -1)); })
            .find("tradeoff::kv_bytes_per_sequence: argument 'context_tokens'") == 0);
  tradeoff::kv_cache_options o;
  o.kv_producing_layers = 33;
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::kv_bytes_per_sequence(ok, 32, 2, 10, o)); })
            .find("argument 'options.kv_producing_layers' must not exceed n_layers = 32") != std::string::npos);
  o = {};
  o.sliding_window_layers = 4;
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::kv_bytes_per_sequence(ok, 32, 2, 10, o)); })
            .find("argument 'options.window_tokens' must be positive") != std::string::npos);
  o.window_tokens = 10;
  o.sliding_window_layers = 40;
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::kv_bytes_per_sequence(ok, 32, 2, 10, o)); })
            .find("argument 'options.sliding_window_layers'") != std::string::npos);
  o = {};
  o.window_tokens = -5;
  CHECK_THROWS_AS(static_cast<void>(tradeoff::kv_bytes_per_sequence(ok, 32, 2, 10, o)), std::invalid_argument);

  CHECK_THROWS_AS(static_cast<void>(tradeoff::sliding_window_layer_count(0, 5, 1)), std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::sliding_window_layer_count(10, 0, 0)), std::invalid_argument);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::sliding_window_layer_count(10, -1, 1)), std::invalid_argument);
  CHECK(invalid_argument_message([] { static_cast<void>(tradeoff::benchmark_kv_layout(true, 2, 0)); })
            .find("tradeoff::benchmark_kv_layout: argument 'down_dim_kv'") == 0);
  CHECK(invalid_argument_message([] { static_cast<void>(tradeoff::benchmark_kv_layout(false, 0, 64)); })
            .find("tradeoff::benchmark_kv_layout: argument 'kv_heads'") == 0);
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::theoretical_cache_mb(ok, 0, 512)); })
            .find("tradeoff::theoretical_cache_mb: argument 'num_blocks'") == 0);
}

TEST_CASE("overflowing byte counts are reported / not wrapped") {
  const kv_layout huge = kv_layout::mha(std::int64_t{1} << 20, std::int64_t{1} << 20);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::kv_bytes_per_sequence(huge, 1 << 20, 4, 1 << 20)), std::domain_error);
  // 2^53 bytes exactly still converts exactly; 2^54 fits int64 but exceeds 2^53: theoretical_cache_mb refuses an inexact conversion.
  CHECK(tradeoff::theoretical_cache_mb(kv_layout::mha(1 << 15, 1 << 15), 1 << 10, 1 << 10) == 9007199254.740992);
  CHECK_THROWS_AS(static_cast<void>(tradeoff::theoretical_cache_mb(kv_layout::mha(1 << 15, 1 << 15), 1 << 10, 1 << 11)),
                  std::domain_error);
}
