// Tests of quantization.hpp: byte counts of bf16 / fp8 / int8 / int4 weights and KV caches with
// their block-scale overhead, worked by hand, agreement with kv_bytes_per_token, and bad input.
#include <tradeoff/kv_cache.hpp>
#include <tradeoff/quantization.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <stdexcept>
#include <string>

using tradeoff::kv_layout;
using tradeoff::number_format;
using tradeoff_test::invalid_argument_message;

TEST_CASE("quantized bytes: formats worked by hand") {
  // Llama-2-70B-class weights, 70e9 parameters.
  const std::int64_t p = 70000000000;
  CHECK(tradeoff::quantized_bytes(p, number_format::bf16()) == 140000000000);
  CHECK(tradeoff::quantized_bytes(p, number_format::fp8()) == 70000000000);
  CHECK(tradeoff::quantized_bytes(p, number_format::int8()) == 70000000000);
  // int4, group 128, fp16 scale + 4-bit zero: 35e9 + ceil(70e9 / 128) x 20 / 8.
  CHECK(tradeoff::quantized_bytes(p, number_format::int4_group()) == 35000000000 + (546875000LL * 20) / 8);
  CHECK(tradeoff::quantized_bytes(p, number_format::int4_group(64)) == 35000000000 + (1093750000LL * 20) / 8);
  // MXFP4: 4 + 8/32 = 4.25 bits; NVFP4: 4 + 8/16 = 4.5 bits.
  CHECK(tradeoff::quantized_bytes(p, number_format::mxfp4()) == 37187500000);
  CHECK(tradeoff::quantized_bytes(p, number_format::nvfp4()) == 39375000000);
  CHECK(tradeoff::effective_bits_per_element(number_format::mxfp4()) == 4.25);
  CHECK(tradeoff::effective_bits_per_element(number_format::int4_group()) == 4.0 + 20.0 / 128.0);
  // DeepSeek-V3, 671e9 parameters in fp8 with an fp32 scale per 128 x 128 block.
  const std::int64_t v3 = 671000000000;
  CHECK(tradeoff::quantized_bytes(v3, number_format::fp8_block_128x128()) == v3 + 40954590LL * 4);
  // Odd counts round up to whole bytes: 3 int4 values need 2 bytes, plus one 20-bit scale = 3 bytes.
  CHECK(tradeoff::quantized_bytes(3, number_format{4, 0, 0}) == 2);
  CHECK(tradeoff::quantized_bytes(3, number_format::int4_group()) == 2 + 3);
  CHECK(tradeoff::quantized_bytes(0, number_format::int4_group()) == 0);
}

TEST_CASE("quantized KV: fp8 halves the bf16 cache / agrees with kv_bytes_per_token / block scales per layer vector") {
  const kv_layout llama70 = kv_layout::gqa(8, 128);  // Llama-2/3-70B: 8 K/V heads of 128, 80 layers
  CHECK(tradeoff::quantized_kv_bytes_per_token(llama70, 80, number_format::bf16()) ==
        tradeoff::kv_bytes_per_token(llama70, 80, 2));
  CHECK(tradeoff::quantized_kv_bytes_per_token(llama70, 80, number_format::fp8()) == 163840);
  CHECK(tradeoff::quantized_kv_bytes_per_token(llama70, 80, number_format::fp8()) ==
        tradeoff::kv_bytes_per_token(llama70, 80, 1));
  // DeepSeek-V3 latent 512 + 64 in fp8: 576 x 61 = 35,136 bytes (half of bf16's 70,272).
  CHECK(tradeoff::quantized_kv_bytes_per_token(kv_layout::mla(512, 64), 61, number_format::fp8()) == 35136);
  // int4 KV with an fp16 scale + zero per 64 values: 2048 values per layer -> 1024 + 32 x 20/8 = 1104 bytes.
  CHECK(tradeoff::quantized_kv_bytes_per_token(llama70, 80, number_format::int4_group(64)) == 1104 * 80);
}

TEST_CASE("E203 a number format with 0 or more than 64 bits / a negative block or scale / scales without blocks") {
  CHECK(invalid_argument_message([] { static_cast<void>(tradeoff::quantized_bytes(10, number_format{0, 0, 0})); }) ==
        "tradeoff::quantized_bytes: argument 'format.bits_per_element' must lie in [1, 64] (got 0)");
  CHECK(invalid_argument_message([] { static_cast<void>(tradeoff::quantized_bytes(10, number_format{4, -1, 16})); }) ==
        "tradeoff::quantized_bytes: argument 'format.block_elements' must be non-negative (got -1)");
  CHECK(invalid_argument_message([] { static_cast<void>(tradeoff::quantized_bytes(10, number_format{4, 0, 16})); }) ==
        "tradeoff::quantized_bytes: argument 'format.scale_bits' must be 0 when format.block_elements is 0 (per-tensor scales are not counted; got 16)");
  CHECK(invalid_argument_message([] { static_cast<void>(tradeoff::effective_bits_per_element(number_format{65, 0, 0})); }) ==
        "tradeoff::effective_bits_per_element: argument 'format.bits_per_element' must lie in [1, 64] (got 65)");
}

TEST_CASE("E204 a negative element count / an invalid KV layout for quantised sizes") {
  CHECK(invalid_argument_message([] { static_cast<void>(tradeoff::quantized_bytes(-1, number_format::fp8())); }) ==
        "tradeoff::quantized_bytes: argument 'elements' must be non-negative (got -1)");
  CHECK(invalid_argument_message([] {
          static_cast<void>(tradeoff::quantized_kv_bytes_per_token(kv_layout::gqa(8, 128), 0, number_format::fp8()));
        }) == "tradeoff::quantized_kv_bytes_per_token: argument 'n_layers' must be positive (got 0)");
  kv_layout bad = kv_layout::gqa(8, 128);
  bad.head_dim = 0;
  CHECK(invalid_argument_message([&] {
          static_cast<void>(tradeoff::quantized_kv_bytes_per_token(bad, 80, number_format::fp8()));
        }) == "tradeoff::quantized_kv_bytes_per_token: argument 'layout.head_dim' must be positive (got 0)");
  CHECK_THROWS_AS(static_cast<void>(tradeoff::quantized_bytes(std::int64_t{1} << 62, number_format::bf16())),
                  std::domain_error);
}
