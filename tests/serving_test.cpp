#include <tradeoff/serving.hpp>

#include "serving_models.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
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

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

double hex_to_double(const std::string& text) { return std::strtod(text.c_str(), nullptr); }

// Distance in units in the last place between two finite doubles of the same sign.
std::int64_t ulp_distance(double a, double b) {
  std::int64_t ia = 0, ib = 0;
  std::memcpy(&ia, &a, sizeof a);
  std::memcpy(&ib, &b, sizeof b);
  return ia > ib ? ia - ib : ib - ia;
}

// One record of tests/data/golden_serving_logspace.txt.
struct logspace_case {
  std::string kind;  // "budgets" or "exponents"
  std::vector<double> header;
  Eigen::Index n = 0;
  std::vector<double> exponent, numpy_value, glibc_value;
};

std::vector<logspace_case> read_logspace_golden() {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_serving_logspace.txt");
  REQUIRE(in.good());
  std::vector<logspace_case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string first;
    fields >> first;
    if (first == "budgets" || first == "exponents") {
      logspace_case c;
      c.kind = first;
      std::string a, b, rest;
      fields >> a >> b >> c.n;
      c.header = {hex_to_double(a), hex_to_double(b)};
      while (fields >> rest) c.header.push_back(hex_to_double(rest));
      cases.push_back(c);
    } else {
      REQUIRE(!cases.empty());
      std::string v, g;
      fields >> v >> g;
      cases.back().exponent.push_back(hex_to_double(first));
      cases.back().numpy_value.push_back(hex_to_double(v));
      cases.back().glibc_value.push_back(hex_to_double(g));
    }
  }
  return cases;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The origin's model
// ---------------------------------------------------------------------------------------------

TEST_CASE("numpy.linspace is reproduced bit for bit (also under -march=native -ffp-contract=fast)") {
  const auto cases = read_logspace_golden();
  REQUIRE(cases.size() == 17);
  for (const auto& c : cases) {
    const double start = c.kind == "budgets" ? std::log10(c.header[0]) : c.header[0];
    const double stop = c.kind == "budgets" ? std::log10(c.header[1]) : c.header[1];
    if (c.kind == "budgets") {
      // The header's math.log10 (glibc) is what std::log10 returns.
      CHECK(start == c.header[4]);
      CHECK(stop == c.header[5]);
    }
    const Eigen::ArrayXd y = tradeoff::detail::numpy_linspace(start, stop, c.n);
    REQUIRE(y.size() == static_cast<Eigen::Index>(c.exponent.size()));
    for (Eigen::Index i = 0; i < y.size(); ++i) {
      INFO(c.kind, " ", c.header[0], " ", c.header[1], " ", c.n, " index ", i);
      CHECK(y(i) == c.exponent[static_cast<std::size_t>(i)]);
    }
  }
}

TEST_CASE("log_budgets / log_space: bit-exact against glibc pow / within 1 ulp of numpy.logspace") {
  const auto cases = read_logspace_golden();
  std::int64_t values = 0, equal_to_numpy = 0, worst = 0;
  for (const auto& c : cases) {
    Eigen::ArrayXd got;
    if (c.kind == "budgets") {
      got = tradeoff::log_budgets(c.header[0], c.header[1], c.n);
      // numpy's scalar log10 agrees with glibc's for every golden case, so 1 ulp is attainable.
      CHECK(c.header[2] == c.header[4]);
      CHECK(c.header[3] == c.header[5]);
    } else {
      got = tradeoff::log_space(c.header[0], c.header[1], c.n);
    }
    REQUIRE(got.size() == c.n);
    for (Eigen::Index i = 0; i < c.n; ++i) {
      const auto k = static_cast<std::size_t>(i);
      INFO(c.kind, " ", c.header[0], " ", c.header[1], " ", c.n, " index ", i);
      CHECK(got(i) == c.glibc_value[k]);
      const std::int64_t d = ulp_distance(got(i), c.numpy_value[k]);
      CHECK(d <= 1);
      worst = std::max(worst, d);
      equal_to_numpy += d == 0 ? 1 : 0;
      ++values;
    }
  }
  MESSAGE("log_space vs numpy.logspace: ", equal_to_numpy, " of ", values, " bit-identical, worst ", worst, " ulp");
  CHECK(values == 3254);
}

TEST_CASE("log_budgets(500 / 80000 / 300): the origin's grid / end points as numpy gives them") {
  const Eigen::ArrayXd b = tradeoff::log_budgets(500.0, 80000.0, 300);
  REQUIRE(b.size() == 300);
  // 10^log10(500) is 499.99999999999994 in numpy too; the last exponent is exactly log10(80000).
  CHECK(b(0) == hex_to_double("0x1.f3fffffffffffp+8"));
  CHECK(b(299) == relative(80000.0, 1e-15));
  for (Eigen::Index i = 1; i < b.size(); ++i) CHECK(b(i) > b(i - 1));
  CHECK(tradeoff::log_budgets(5.0, 5.0, 0).size() == 0);
  const Eigen::ArrayXd one = tradeoff::log_budgets(7.0, 9.0, 1);
  REQUIRE(one.size() == 1);
  CHECK(one(0) == std::pow(10.0, std::log10(7.0)));
}

TEST_CASE("origin's Figure 2 arithmetic reproduced bit for bit (golden / numpy)") {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_serving_origin.txt");
  REQUIRE(in.good());
  struct type_block {
    std::string name;
    std::vector<double> stats;
    std::vector<std::vector<double>> rows;
  };
  std::vector<type_block> blocks;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string first, word;
    fields >> first;
    if (first == "type") {
      type_block b;
      fields >> b.name;
      while (fields >> word) b.stats.push_back(hex_to_double(word));
      blocks.push_back(b);
    } else {
      std::vector<double> row{hex_to_double(first)};
      while (fields >> word) row.push_back(hex_to_double(word));
      blocks.back().rows.push_back(row);
    }
  }
  REQUIRE(blocks.size() == 3);
  REQUIRE(blocks[0].name == "MHA");
  const double mha_tps = blocks[0].stats[0], mha_cache = blocks[0].stats[1];
  for (const auto& b : blocks) {
    REQUIRE(b.rows.size() == 300);
    Eigen::ArrayXd budgets(300);
    for (Eigen::Index i = 0; i < 300; ++i) budgets(i) = b.rows[static_cast<std::size_t>(i)][0];
    const double tps = b.stats[0], cache = b.stats[1], t_lo = b.stats[2], t_hi = b.stats[3], c_lo = b.stats[4],
                 c_hi = b.stats[5];
    const Eigen::ArrayXd total = tradeoff::aggregate_throughput(budgets, cache, tps);
    const auto band = tradeoff::throughput_band(budgets, t_lo, t_hi, c_lo, c_hi);
    const Eigen::ArrayXd ratio = tradeoff::throughput_ratio(budgets, cache, tps, mha_cache, mha_tps);
    for (Eigen::Index i = 0; i < 300; ++i) {
      const auto& row = b.rows[static_cast<std::size_t>(i)];
      INFO(b.name, " index ", i);
      CHECK(total(i) == row[1]);
      CHECK(band.lo(i) == row[2]);
      CHECK(band.hi(i) == row[3]);
      CHECK(ratio(i) == row[4]);
      // The origin's ratio is the scalar ratio up to rounding: it is flat in the budget.
      CHECK(ratio(i) == relative(tradeoff::throughput_ratio(cache, tps, mha_cache, mha_tps), 1e-14));
    }
    // The origin's annotation at 80,000 MB: its expression with budget 80000 (a scalar budget).
    Eigen::ArrayXd at80(1);
    at80 << 80000.0;
    CHECK(tradeoff::throughput_ratio(at80, cache, tps, mha_cache, mha_tps)(0) == b.stats[6]);
  }
}

TEST_CASE("origin's model: hand-computed values and operation order") {
  Eigen::ArrayXd budgets(4);
  budgets << 0.0, 500.0, 1000.0, 80000.0;
  const Eigen::ArrayXd total = tradeoff::aggregate_throughput(budgets, 12.5, 90.0);
  CHECK(total(0) == 0.0);
  CHECK(total(1) == 3600.0);    // 500 / 12.5 = 40 sequences x 90 tok/s
  CHECK(total(2) == 7200.0);
  CHECK(total(3) == 576000.0);  // 6400 x 90

  const auto band = tradeoff::throughput_band(budgets, 80.0, 100.0, 10.0, 20.0);
  CHECK(band.lo(1) == 2000.0);  // 500 / 20 x 80
  CHECK(band.hi(1) == 5000.0);  // 500 / 10 x 100
  CHECK((band.lo <= band.hi).all());

  // (b / c) * t, not b * t / c or b * (t / c): for this triple the three differ in the last bit.
  Eigen::ArrayXd b(1);
  b << 0.7;
  const double c = 0.3, t = 91.07;
  CHECK(tradeoff::aggregate_throughput(b, c, t)(0) == 212.49666666666667);
  CHECK(0.7 * (91.07 / 0.3) == 212.49666666666664);
  CHECK((0.7 * 91.07) / 0.3 == 212.49666666666664);

  // The ratio: (tps / cache) / (baseline_tps / baseline_cache), constant in the budget.
  CHECK(tradeoff::throughput_ratio(4.0, 80.0, 16.0, 90.0) == relative(20.0 / 5.625, 1e-15));
  CHECK(tradeoff::throughput_ratio(4.0, 90.0, 16.0, 90.0) == 4.0);
  Eigen::ArrayXd many = tradeoff::log_budgets(500.0, 80000.0, 300);
  const Eigen::ArrayXd r = tradeoff::throughput_ratio(many, 4.0, 90.0, 16.0, 90.0);
  CHECK((r == 4.0).all());
  // A zero budget makes the origin's ratio 0/0 = NaN, as numpy would.
  CHECK(std::isnan(tradeoff::throughput_ratio(budgets.head(1), 4.0, 90.0, 16.0, 90.0)(0)));
}

TEST_CASE("origin's functions accept expressions and leave their inputs unchanged") {
  Eigen::ArrayXd budgets = tradeoff::log_budgets(500.0, 80000.0, 10);
  const Eigen::ArrayXd copy = budgets;
  const Eigen::ArrayXd from_expression = tradeoff::aggregate_throughput(2.0 * budgets.head(5), 12.5, 90.0);
  REQUIRE(from_expression.size() == 5);
  for (Eigen::Index i = 0; i < 5; ++i) CHECK(from_expression(i) == ((2.0 * budgets(i)) / 12.5) * 90.0);
  const auto band = tradeoff::throughput_band(budgets.tail(3) * 1.0, 1.0, 2.0, 3.0, 4.0);
  CHECK(band.lo.size() == 3);
  CHECK(tradeoff::throughput_ratio(budgets.segment(2, 4), 1.0, 2.0, 3.0, 4.0).size() == 4);
  const Eigen::ArrayXf single = budgets.cast<float>();
  CHECK(tradeoff::aggregate_throughput(single, 12.5, 90.0).size() == 10);
  CHECK((budgets == copy).all());
}

TEST_CASE("origin's functions reject bad input with clear messages") {
  Eigen::ArrayXd ok(3);
  ok << 1.0, 2.0, 3.0;
  Eigen::ArrayXd negative = ok;
  negative(1) = -1.0;
  Eigen::ArrayXd with_nan = ok;
  with_nan(2) = std::numeric_limits<double>::quiet_NaN();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();

  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::aggregate_throughput(ok, 0.0, 90.0)); }) ==
        "tradeoff::aggregate_throughput: argument 'cache_per_seq' must be finite and positive (got 0)");
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::aggregate_throughput(ok, -2.0, 90.0)); }),
                    "tradeoff::aggregate_throughput: argument 'cache_per_seq'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::aggregate_throughput(ok, nan, 90.0)); }),
                    "tradeoff::aggregate_throughput: argument 'cache_per_seq'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::aggregate_throughput(ok, 1.0, nan)); }),
                    "tradeoff::aggregate_throughput: argument 'tps_per_seq'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::aggregate_throughput(ok, 1.0, -1.0)); }),
                    "tradeoff::aggregate_throughput: argument 'tps_per_seq'"));
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::aggregate_throughput(negative, 1.0, 1.0)); }) ==
        "tradeoff::aggregate_throughput: argument 'budgets' must be finite and non-negative (got -1 at index 1)");
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::aggregate_throughput(with_nan, 1.0, 1.0)); })
            .find("argument 'budgets' must be finite and non-negative (got nan at index 2)") != std::string::npos);

  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::throughput_band(ok, 2.0, 1.0, 1.0, 2.0)); }),
                    "tradeoff::throughput_band: argument 'tps_q1' must not exceed tps_q3"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::throughput_band(ok, 1.0, 2.0, 3.0, 2.0)); }),
                    "tradeoff::throughput_band: argument 'cache_q1' must not exceed cache_q3"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::throughput_band(ok, 1.0, 2.0, 0.0, 2.0)); }),
                    "tradeoff::throughput_band: argument 'cache_q1'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::throughput_band(ok, 1.0, inf, 1.0, 2.0)); }),
                    "tradeoff::throughput_band: argument 'tps_q3'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::throughput_band(negative, 1.0, 2.0, 1.0, 2.0)); }),
                    "tradeoff::throughput_band: argument 'budgets'"));

  CHECK(starts_with(invalid_argument_message([] { static_cast<void>(tradeoff::throughput_ratio(1.0, 1.0, 1.0, 0.0)); }),
                    "tradeoff::throughput_ratio: argument 'baseline_tps'"));
  CHECK(starts_with(invalid_argument_message([] { static_cast<void>(tradeoff::throughput_ratio(1.0, 1.0, -1.0, 1.0)); }),
                    "tradeoff::throughput_ratio: argument 'baseline_cache'"));
  CHECK(starts_with(invalid_argument_message([] { static_cast<void>(tradeoff::throughput_ratio(0.0, 1.0, 1.0, 1.0)); }),
                    "tradeoff::throughput_ratio: argument 'cache'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::throughput_ratio(with_nan, 1.0, 1.0, 1.0, 1.0)); }),
                    "tradeoff::throughput_ratio: argument 'budgets'"));

  CHECK(invalid_argument_message([] { static_cast<void>(tradeoff::log_budgets(0.0, 80000.0, 300)); }) ==
        "tradeoff::log_budgets: argument 'lo' must be finite and positive (got 0)");
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::log_budgets(500.0, nan, 300)); }),
                    "tradeoff::log_budgets: argument 'hi'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::log_budgets(500.0, inf, 300)); }),
                    "tradeoff::log_budgets: argument 'hi'"));
  CHECK(invalid_argument_message([] { static_cast<void>(tradeoff::log_budgets(500.0, 80000.0, -1)); }) ==
        "tradeoff::log_budgets: argument 'n' must be non-negative (got -1)");
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::log_space(nan, 1.0, 3)); }),
                    "tradeoff::log_space: argument 'start_exponent'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::log_space(0.0, inf, 3)); }),
                    "tradeoff::log_space: argument 'stop_exponent'"));
}

// ---------------------------------------------------------------------------------------------
// GPU presets
// ---------------------------------------------------------------------------------------------

TEST_CASE("GPU presets: docs/gpu.md states the figures the presets carry") {
  // The presets are the source and the page restates them: parse the page's table and compare,
  // so an edit to either that the other does not follow fails here.
  const gpu_spec presets[] = {gpu_spec::a100_80gb_sxm(), gpu_spec::h100_sxm(), gpu_spec::h200()};
  const char* const accessors[] = {"a100_80gb_sxm", "h100_sxm", "h200"};
  std::ifstream page(std::string(TRADEOFF_SOURCE_DIR) + "/docs/gpu.md");
  REQUIRE(page.good());
  std::string line;
  int rows_seen = 0;
  while (std::getline(page, line)) {
    for (int k = 0; k < 3; ++k) {
      const std::string head = std::string("| `gpu_spec::") + accessors[k] + "()` — \"" + presets[k].name + "\" |";
      if (line.rfind(head, 0) != 0) {
        continue;
      }
      std::istringstream cells(line.substr(head.size()));
      double memory = 0, bandwidth = 0, flops = 0, interconnect = 0;
      char bar = 0;
      cells >> memory >> bar >> bandwidth >> bar >> flops >> bar >> interconnect;
      INFO(line);
      CHECK(memory == doctest::Approx(presets[k].memory_bytes).epsilon(1e-15));
      CHECK(bandwidth == doctest::Approx(presets[k].bandwidth_bytes_per_s).epsilon(1e-15));
      CHECK(flops == doctest::Approx(presets[k].peak_flops).epsilon(1e-15));
      CHECK(interconnect == doctest::Approx(presets[k].interconnect_bytes_per_s).epsilon(1e-15));
      CHECK(interconnect > 0.0);
      ++rows_seen;
    }
  }
  CHECK(rows_seen == 3);
}

TEST_CASE("GPU presets: the capacity model uses each preset's memory") {
  // The Llama-2-7B-like configuration of the next test on each preset: KV memory is
  // 0.9 x memory - 13.5e9 weights - 1.5e9 activations, and the tokens follow from it.
  const serving_model m = llama_like(kv_layout::mha(32, 128));
  const auto a100 = tradeoff::kv_capacity(m, gpu_spec::a100_80gb_sxm(), h100_engine(4096));
  const auto h200 = tradeoff::kv_capacity(m, gpu_spec::h200(), h100_engine(4096));
  CHECK(a100.kv_memory_bytes == 57000000000);   // the same 80e9 bytes as the H100
  CHECK(h200.kv_memory_bytes == 111900000000);  // 0.9 x 141e9 - 15e9
  CHECK(h200.num_blocks == 13339);              // 111.9e9 // 8 MiB
  CHECK(h200.kv_cache_tokens == 213424);
}

// ---------------------------------------------------------------------------------------------
// Capacity model
// ---------------------------------------------------------------------------------------------

TEST_CASE("capacity: the configuration worked by hand in docs/serving.md (vLLM's log lines)") {
  // Llama-2-7B-like fp16 (MHA, 32 layers, 32 x 128) on an H100 SXM (80e9 bytes), utilisation
  // 0.9, 13.5e9 bytes of weights, 1.5e9 bytes of activations, block 16, max_model_len 4096.
  const serving_model m = llama_like(kv_layout::mha(32, 128));
  const auto c = tradeoff::kv_capacity(m, gpu_spec::h100_sxm(), h100_engine(4096));
  CHECK(c.requested_bytes == 72e9);
  CHECK(c.fits_weights);
  CHECK(c.kv_memory_bytes == 57000000000);
  CHECK(c.kv_layers == 32);
  CHECK(c.page_bytes == 262144);        // 16 x 2 x 32 x 128 x 2
  CHECK(c.block_bytes == 8388608);      // x 32 layers = 8 MiB
  CHECK(c.num_blocks == 6794);          // 57e9 // 262144 // 32
  CHECK(c.kv_cache_tokens == 108704);   // "GPU KV cache size: 108,704 tokens"
  CHECK(c.blocks_per_sequence == 256);  // 4096 / 16
  CHECK(c.max_concurrency == 26.5390625);
  char text[64];
  std::snprintf(text, sizeof text, "%.2fx", c.max_concurrency);
  CHECK(std::string(text) == "26.54x");  // "Maximum concurrency for 4,096 tokens per request: 26.54x"
  CHECK(c.memory_limited_sequences == 26);
  CHECK(c.concurrent_sequences == 26);
  CHECK(c.limited_by == tradeoff::capacity_limit::kv_memory);
}

TEST_CASE("capacity rounding edges: exactly full blocks / one byte short / one token over") {
  serving_model m = llama_like(kv_layout::gqa(8, 128));
  engine_config e = h100_engine(4096);
  const double block = 16.0 * 2 * 8 * 128 * 2 * 32;  // 2 MiB over all layers
  // Exactly 512 blocks: 2 sequences of 256 blocks.
  auto c = tradeoff::kv_capacity_for_kv_memory(m, 512 * block, e);
  CHECK(c.num_blocks == 512);
  CHECK(c.concurrent_sequences == 2);
  CHECK(c.max_concurrency == 2.0);
  // One byte short: 511 blocks, one sequence.
  c = tradeoff::kv_capacity_for_kv_memory(m, 512 * block - 1.0, e);
  CHECK(c.num_blocks == 511);
  CHECK(c.concurrent_sequences == 1);
  CHECK(c.max_concurrency == 511.0 / 256.0);
  // Fractional bytes are floored as vLLM's int() does.
  CHECK(tradeoff::kv_capacity_for_kv_memory(m, 512 * block + 0.75, e).kv_memory_bytes ==
        static_cast<std::int64_t>(512 * block));
  // max_model_len one token over a block boundary needs one more block per sequence.
  e.max_model_len = 4097;
  c = tradeoff::kv_capacity_for_kv_memory(m, 514 * block, e);
  CHECK(c.blocks_per_sequence == 257);
  CHECK(c.concurrent_sequences == 2);
  c = tradeoff::kv_capacity_for_kv_memory(m, 513 * block, e);
  CHECK(c.concurrent_sequences == 1);
  // Fewer blocks than one sequence needs: zero sequences (vLLM would refuse to start).
  c = tradeoff::kv_capacity_for_kv_memory(m, 256 * block, e);
  CHECK(c.num_blocks == 256);
  CHECK(c.concurrent_sequences == 0);
  CHECK(c.limited_by == tradeoff::capacity_limit::kv_memory);
  // max_num_seqs caps.
  e.max_model_len = 16;
  e.max_num_seqs = 100;
  c = tradeoff::kv_capacity_for_kv_memory(m, 512 * block, e);
  CHECK(c.memory_limited_sequences == 512);
  CHECK(c.concurrent_sequences == 100);
  CHECK(c.limited_by == tradeoff::capacity_limit::max_num_seqs);
  e.max_num_seqs = 512;
  CHECK(tradeoff::kv_capacity_for_kv_memory(m, 512 * block, e).limited_by == tradeoff::capacity_limit::kv_memory);
}

TEST_CASE("capacity: MLA pages hold one latent + RoPE key / sharing shrinks the layers / weights can exhaust memory") {
  const serving_model mla = llama_like(kv_layout::mla(512, 64));
  engine_config e = h100_engine(4096);
  e.block_size = 64;  // FlashMLA
  auto c = tradeoff::kv_capacity(mla, gpu_spec::h100_sxm(), e);
  CHECK(c.page_bytes == 64 * 576 * 2);
  CHECK(c.num_blocks == 57000000000 / (64 * 576 * 2) / 32);
  CHECK(c.blocks_per_sequence == 64);

  serving_model shared = llama_like(kv_layout::gqa(8, 128));
  shared.kv_options.kv_producing_layers = 16;
  const auto half = tradeoff::kv_capacity(shared, gpu_spec::h100_sxm(), h100_engine(4096));
  const auto full = tradeoff::kv_capacity(llama_like(kv_layout::gqa(8, 128)), gpu_spec::h100_sxm(), h100_engine(4096));
  CHECK(half.kv_layers == 16);
  CHECK(half.num_blocks == 2 * full.num_blocks + 1);  // 57e9 // 65536 = 869750 → //16 vs //32

  serving_model heavy = llama_like(kv_layout::mha(32, 128));
  heavy.weight_bytes = 71e9;
  c = tradeoff::kv_capacity(heavy, gpu_spec::h100_sxm(), h100_engine(4096));  // 72e9 - 71e9 - 1.5e9 < 0
  CHECK_FALSE(c.fits_weights);
  CHECK(c.kv_memory_bytes == 0);
  CHECK(c.num_blocks == 0);
  CHECK(c.concurrent_sequences == 0);
  CHECK(c.max_concurrency == 0.0);
  CHECK(c.limited_by == tradeoff::capacity_limit::no_kv_memory);
  CHECK(c.page_bytes == 262144);  // intermediates are still filled in
}

TEST_CASE("property: a smaller KV never lowers concurrency - more budget never lowers throughput") {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::int64_t> heads(1, 64), dim(16, 256), layers(1, 80), len(1, 32768),
      block_pow(0, 7), seqs(1, 2048);
  std::uniform_real_distribution<double> budget(0.0, 200e9), weights(0.0, 150e9), unit(0.0, 1.0);
  for (int trial = 0; trial < 300; ++trial) {
    const std::int64_t h = heads(rng), d = dim(rng), l = layers(rng);
    serving_model big;
    big.layout = kv_layout::mha(h, d);
    big.n_layers = l;
    big.kv_bytes_per_element = 2;
    big.weight_bytes = weights(rng);
    big.flops_per_token = 2.0 * big.weight_bytes / 2.0;
    big.attention_flops_per_context_token = 4.0 * static_cast<double>(l * h * d);
    serving_model small = big;
    small.layout = kv_layout::gqa(1 + (h - 1) / 3, d);
    engine_config e;
    e.block_size = std::int64_t{1} << block_pow(rng);
    e.max_num_seqs = seqs(rng);
    e.max_model_len = len(rng);
    e.memory_efficiency = 0.5 + 0.5 * unit(rng);
    e.compute_efficiency = 0.3 + 0.7 * unit(rng);
    e.step_overhead_seconds = 1e-3 * unit(rng);

    Eigen::ArrayXd budgets(40);
    for (Eigen::Index i = 0; i < budgets.size(); ++i) budgets(i) = budget(rng);
    std::sort(budgets.data(), budgets.data() + budgets.size());
    const auto curve_big = tradeoff::serving_throughput_curve(budgets, big, gpu_spec::a100_80gb_sxm(), e);
    const auto curve_small = tradeoff::serving_throughput_curve(budgets, small, gpu_spec::a100_80gb_sxm(), e);
    for (Eigen::Index i = 0; i < budgets.size(); ++i) {
      CHECK(curve_small.concurrent_sequences(i) >= curve_big.concurrent_sequences(i));
      if (i > 0) {
        CHECK(curve_big.concurrent_sequences(i) >= curve_big.concurrent_sequences(i - 1));
        CHECK(curve_big.tokens_per_second(i) >= curve_big.tokens_per_second(i - 1));
        CHECK(curve_small.tokens_per_second(i) >= curve_small.tokens_per_second(i - 1));
      }
    }
    // Whole-GPU capacity: the same two properties.
    const auto cap_big = tradeoff::kv_capacity(big, gpu_spec::h200(), e);
    const auto cap_small = tradeoff::kv_capacity(small, gpu_spec::h200(), e);
    CHECK(cap_small.concurrent_sequences >= cap_big.concurrent_sequences);
    CHECK(cap_small.num_blocks >= cap_big.num_blocks);
  }
}

// ---------------------------------------------------------------------------------------------
// Decode roofline
// ---------------------------------------------------------------------------------------------

TEST_CASE("roofline: hand values / the two regimes and the batch where they cross") {
  // A model with no attention cost and a 1-token context so the crossover is finite.
  serving_model m = llama_like(kv_layout::gqa(8, 128));
  engine_config e = h100_engine(1);
  const gpu_spec gpu = gpu_spec::h100_sxm();
  const double kv_seq = 131072.0;  // 1 token x 131,072 bytes
  const double f = 2.0 * 6.74e9 + 32.0 * 4.0 * 4096.0;
  const auto one = tradeoff::decode_step(m, gpu, e, 1.0);
  CHECK(one.kv_bytes_per_sequence == kv_seq);
  CHECK(one.memory_seconds == relative((13.5e9 + kv_seq) / 3.35e12, 1e-15));
  CHECK(one.compute_seconds == relative(f / 989e12, 1e-15));
  CHECK(one.regime == tradeoff::roofline_regime::memory_bound);
  CHECK(one.step_seconds == one.memory_seconds);
  CHECK(one.tokens_per_second == relative(1.0 / one.memory_seconds, 1e-15));

  const double crossover = tradeoff::decode_crossover_batch(m, gpu, e);
  const double expected = (13.5e9 / 3.35e12) / (f / 989e12 - kv_seq / 3.35e12);
  CHECK(crossover == relative(expected, 1e-12));
  CHECK(crossover == relative(296.50, 1e-4));
  const auto at = tradeoff::decode_step(m, gpu, e, crossover);
  CHECK(at.memory_seconds == relative(at.compute_seconds, 1e-12));
  const auto below = tradeoff::decode_step(m, gpu, e, std::floor(crossover));
  const auto above = tradeoff::decode_step(m, gpu, e, std::ceil(crossover));
  CHECK(below.regime == tradeoff::roofline_regime::memory_bound);
  CHECK(above.regime == tradeoff::roofline_regime::compute_bound);
  CHECK(above.step_seconds == above.compute_seconds);
  // Compute-bound: aggregate throughput saturates at peak / flops per token.
  const auto huge = tradeoff::decode_step(m, gpu, e, 1e6);
  CHECK(huge.tokens_per_second == relative(989e12 / f, 1e-12));

  // Efficiencies and overhead enter as documented.
  e.memory_efficiency = 0.5;
  e.compute_efficiency = 0.25;
  e.step_overhead_seconds = 0.002;
  const auto derated = tradeoff::decode_step(m, gpu, e, 1.0);
  CHECK(derated.memory_seconds == relative(2.0 * one.memory_seconds, 1e-15));
  CHECK(derated.compute_seconds == relative(4.0 * one.compute_seconds, 1e-15));
  CHECK(derated.step_seconds == relative(derated.memory_seconds + 0.002, 1e-15));

  // Long MHA contexts: the per-sequence KV read outweighs its compute, decode never turns compute-bound.
  const serving_model mha = llama_like(kv_layout::mha(32, 128));
  CHECK(std::isinf(tradeoff::decode_crossover_batch(mha, gpu, h100_engine(4096))));

  // decode_step_time over many batches equals decode_step one by one.
  Eigen::ArrayXd batches(5);
  batches << 0.0, 1.0, 10.0, 297.0, 298.0;
  const Eigen::ArrayXd copy = batches;
  const Eigen::ArrayXd times = tradeoff::decode_step_time(m, gpu, h100_engine(1), batches);
  for (Eigen::Index i = 0; i < 5; ++i) {
    CHECK(times(i) == tradeoff::decode_step(m, gpu, h100_engine(1), batches(i)).step_seconds);
  }
  CHECK((batches == copy).all());
  CHECK(tradeoff::decode_step_time(m, gpu, h100_engine(1), 2.0 * batches.head(2)).size() == 2);
  CHECK(tradeoff::decode_step(m, gpu, h100_engine(1), 0.0).tokens_per_second == 0.0);
}

TEST_CASE("roofline: the sliding window shortens the KV read") {
  serving_model m = llama_like(kv_layout::gqa(8, 128));
  m.kv_options.window_tokens = 1024;
  m.kv_options.sliding_window_layers = 24;
  engine_config e = h100_engine(8192);
  const auto s = tradeoff::decode_step(m, gpu_spec::h100_sxm(), e, 1.0);
  CHECK(s.kv_bytes_per_sequence == 4096.0 * (8.0 * 8192.0 + 24.0 * 1024.0));
  e.context_tokens = 512;  // decode attends less than max_model_len on average
  CHECK(tradeoff::decode_step(m, gpu_spec::h100_sxm(), e, 1.0).kv_bytes_per_sequence == 131072.0 * 512.0);
}

TEST_CASE("extended ratio: KV-size ratio while memory-limited / falls toward 1 once capped by max_num_seqs or compute") {
  const gpu_spec gpu = gpu_spec::h100_sxm();
  const serving_model mha = llama_like(kv_layout::mha(32, 128));
  const serving_model mla = llama_like(kv_layout::mla(512, 64));
  const double kv_ratio = 524288.0 / 36864.0;  // 14.22

  SUBCASE("memory-limited and memory-bound: ratio = concurrency ratio / converging to the KV-size ratio") {
    engine_config e = h100_engine(1024);
    e.max_num_seqs = 1000000;
    Eigen::ArrayXd budgets(4);
    budgets << 1e9, 2e9, 10e9, 25e9;
    const Eigen::ArrayXd r = tradeoff::serving_throughput_ratio(budgets, mla, mha, gpu, e);
    const auto a = tradeoff::serving_throughput_curve(budgets, mla, gpu, e);
    const auto b = tradeoff::serving_throughput_curve(budgets, mha, gpu, e);
    for (Eigen::Index i = 0; i < budgets.size(); ++i) {
      INFO("budget ", budgets(i));
      const double batch = static_cast<double>(a.concurrent_sequences(i));
      REQUIRE(tradeoff::decode_step(mla, gpu, e, batch).regime == tradeoff::roofline_regime::memory_bound);
      // Both fill the budget up to one sequence, so they read nearly the same KV bytes per step:
      // the step times agree within one MHA sequence's KV read (0.54 GB next to 13.5 GB of
      // weights), and the throughput ratio is the concurrency ratio within that.
      CHECK(a.step_seconds(i) == relative(b.step_seconds(i), 0.04));
      CHECK(r(i) == relative(batch / static_cast<double>(b.concurrent_sequences(i)), 0.04));
    }
    // Floors make small budgets overshoot (1 GB: 26 MLA vs 1 MHA sequence); the ratio settles on the KV ratio.
    CHECK(r(0) > 20.0);
    CHECK(r(3) == relative(kv_ratio, 5e-3));
    for (Eigen::Index i = 1; i < budgets.size(); ++i) CHECK(std::abs(r(i) - kv_ratio) <= std::abs(r(i - 1) - kv_ratio));
  }
  SUBCASE("past the crossover the MLA model turns compute-bound and the ratio falls below the KV ratio") {
    engine_config e = h100_engine(1024);
    e.max_num_seqs = 1000000;
    Eigen::ArrayXd budgets(2);
    budgets << 25e9, 200e9;
    const Eigen::ArrayXd r = tradeoff::serving_throughput_ratio(budgets, mla, mha, gpu, e);
    const auto a = tradeoff::serving_throughput_curve(budgets, mla, gpu, e);
    CHECK(tradeoff::decode_step(mla, gpu, e, static_cast<double>(a.concurrent_sequences(1))).regime ==
          tradeoff::roofline_regime::compute_bound);
    CHECK(r(1) < r(0));
    CHECK(r(1) < 0.8 * kv_ratio);
  }
  SUBCASE("capped by max_num_seqs with weights dominating the step: ratio ≈ 1") {
    engine_config e = h100_engine(16);  // short contexts: KV reads are tiny next to the weights
    e.max_num_seqs = 16;
    Eigen::ArrayXd budgets(1);
    budgets << 40e9;
    const auto a = tradeoff::serving_throughput_curve(budgets, mla, gpu, e);
    const auto b = tradeoff::serving_throughput_curve(budgets, mha, gpu, e);
    CHECK(a.concurrent_sequences(0) == 16);
    CHECK(b.concurrent_sequences(0) == 16);
    const double r = tradeoff::serving_throughput_ratio(budgets, mla, mha, gpu, e)(0);
    CHECK(r >= 1.0);
    CHECK(r < 1.01);
    // The ratio is the step-time ratio (13.5e9 + 16·16·524288) / (13.5e9 + 16·16·36864).
    CHECK(r == relative((13.5e9 + 256.0 * 524288.0) / (13.5e9 + 256.0 * 36864.0), 1e-12));
  }
  SUBCASE("capped by compute: both saturate at peak / flops per token") {
    engine_config e = h100_engine(16);
    e.max_num_seqs = 1000000;
    Eigen::ArrayXd budgets(1);
    budgets << 5000e9;
    const double r = tradeoff::serving_throughput_ratio(budgets, mla, mha, gpu, e)(0);
    const auto a = tradeoff::decode_step(mla, gpu, e, 1e5);
    CHECK(a.regime == tradeoff::roofline_regime::compute_bound);
    // The ratio is the inverse ratio of FLOPs per token (MLA's absorbed attention costs more).
    const double f_mla = mla.flops_per_token + 16.0 * mla.attention_flops_per_context_token;
    const double f_mha = mha.flops_per_token + 16.0 * mha.attention_flops_per_context_token;
    CHECK(r == relative(f_mha / f_mla, 1e-3));
    CHECK(r < 1.0);
  }
  SUBCASE("no baseline sequence fits: +infinity - nothing fits: NaN") {
    engine_config e = h100_engine(4096);
    Eigen::ArrayXd budgets(2);
    budgets << 1e9, 1e3;
    const Eigen::ArrayXd r = tradeoff::serving_throughput_ratio(budgets, mla, mha, gpu, e);
    CHECK(std::isinf(r(0)));
    CHECK(std::isnan(r(1)));
  }
}

TEST_CASE("worked example of docs/serving.md: 7B-class model on an H100 80 GB / max_model_len = context = 4096") {
  const gpu_spec gpu = gpu_spec::h100_sxm();
  const engine_config e = h100_engine(4096);
  const serving_model mha = llama_like(kv_layout::mha(32, 128));
  const serving_model gqa = llama_like(kv_layout::gqa(8, 128));
  const serving_model mla = llama_like(kv_layout::mla(512, 64));
  const auto s_mha = tradeoff::serving_throughput(mha, gpu, e);
  const auto s_gqa = tradeoff::serving_throughput(gqa, gpu, e);
  const auto s_mla = tradeoff::serving_throughput(mla, gpu, e);
  CHECK(s_mha.capacity.concurrent_sequences == 26);
  CHECK(s_gqa.capacity.concurrent_sequences == 106);
  CHECK(s_mla.capacity.concurrent_sequences == 377);
  CHECK(s_mha.decode.tokens_per_second == relative(1256.2, 1e-4));
  CHECK(s_gqa.decode.tokens_per_second == relative(5043.4, 1e-4));
  CHECK(s_mla.decode.tokens_per_second == relative(17933.2, 1e-4));
  // Batch-1 speeds (the origin's tps_per_seq) and its linear model at the same 57 GB of KV.
  const double b1_mha = tradeoff::decode_step(mha, gpu, e, 1.0).tokens_per_second;
  const double b1_mla = tradeoff::decode_step(mla, gpu, e, 1.0).tokens_per_second;
  CHECK(b1_mha == relative(214.09, 1e-4));
  CHECK(b1_mla == relative(245.40, 1e-4));
  Eigen::ArrayXd budget(1);
  budget << 57e9;
  const double seq_mha = static_cast<double>(tradeoff::kv_bytes_per_sequence(mha.layout, 32, 2, 4096));
  const double seq_mla = static_cast<double>(tradeoff::kv_bytes_per_sequence(mla.layout, 32, 2, 4096));
  const double origin_mha = tradeoff::aggregate_throughput(budget, seq_mha, b1_mha)(0);
  const double origin_mla = tradeoff::aggregate_throughput(budget, seq_mla, b1_mla)(0);
  CHECK(origin_mha == relative(5683.0, 1e-3));
  CHECK(origin_mla == relative(92639.0, 1e-3));
  CHECK(tradeoff::throughput_ratio(seq_mla, b1_mla, seq_mha, b1_mha) == relative(16.302, 1e-4));
  CHECK(s_mla.decode.tokens_per_second / s_mha.decode.tokens_per_second == relative(14.275, 1e-4));
}

// ---------------------------------------------------------------------------------------------
// Capacity/roofline argument validation
// ---------------------------------------------------------------------------------------------

TEST_CASE("capacity and roofline reject bad configurations / naming the field") {
  const gpu_spec gpu = gpu_spec::h100_sxm();
  const serving_model good = llama_like(kv_layout::gqa(8, 128));
  const engine_config e = h100_engine(4096);
  const double nan = std::numeric_limits<double>::quiet_NaN();

  auto capacity_message = [&](serving_model m, engine_config c, gpu_spec g) {
    return invalid_argument_message([&] { static_cast<void>(tradeoff::kv_capacity(m, g, c)); });
  };
  engine_config bad = e;
  bad.gpu_memory_utilization = 0.0;
  CHECK(capacity_message(good, bad, gpu) ==
        "tradeoff::kv_capacity: argument 'engine.gpu_memory_utilization' must lie in (0, 1] (got 0)");
  bad.gpu_memory_utilization = 1.5;
  CHECK(starts_with(capacity_message(good, bad, gpu), "tradeoff::kv_capacity: argument 'engine.gpu_memory_utilization'"));
  bad.gpu_memory_utilization = nan;
  CHECK(starts_with(capacity_message(good, bad, gpu), "tradeoff::kv_capacity: argument 'engine.gpu_memory_utilization'"));
  bad = e;
  bad.block_size = 0;
  CHECK(capacity_message(good, bad, gpu) == "tradeoff::kv_capacity: argument 'engine.block_size' must be positive (got 0)");
  bad = e;
  bad.max_num_seqs = 0;
  CHECK(starts_with(capacity_message(good, bad, gpu), "tradeoff::kv_capacity: argument 'engine.max_num_seqs'"));
  bad = e;
  bad.max_model_len = 0;
  CHECK(starts_with(capacity_message(good, bad, gpu), "tradeoff::kv_capacity: argument 'engine.max_model_len'"));
  bad = e;
  bad.activation_bytes = -1.0;
  CHECK(starts_with(capacity_message(good, bad, gpu), "tradeoff::kv_capacity: argument 'engine.activation_bytes'"));
  bad = e;
  bad.memory_efficiency = 0.0;
  CHECK(starts_with(capacity_message(good, bad, gpu), "tradeoff::kv_capacity: argument 'engine.memory_efficiency'"));
  bad = e;
  bad.compute_efficiency = 1.01;
  CHECK(starts_with(capacity_message(good, bad, gpu), "tradeoff::kv_capacity: argument 'engine.compute_efficiency'"));
  bad = e;
  bad.step_overhead_seconds = nan;
  CHECK(starts_with(capacity_message(good, bad, gpu), "tradeoff::kv_capacity: argument 'engine.step_overhead_seconds'"));
  bad = e;
  bad.context_tokens = -1;
  CHECK(starts_with(capacity_message(good, bad, gpu), "tradeoff::kv_capacity: argument 'engine.context_tokens'"));

  serving_model m = good;
  m.n_layers = 0;
  CHECK(capacity_message(m, e, gpu) == "tradeoff::kv_capacity: argument 'model.n_layers' must be positive (got 0)");
  m = good;
  m.kv_bytes_per_element = -2;
  CHECK(starts_with(capacity_message(m, e, gpu), "tradeoff::kv_capacity: argument 'model.kv_bytes_per_element'"));
  m = good;
  m.weight_bytes = nan;
  CHECK(starts_with(capacity_message(m, e, gpu), "tradeoff::kv_capacity: argument 'model.weight_bytes'"));
  m = good;
  m.flops_per_token = -1.0;
  CHECK(starts_with(capacity_message(m, e, gpu), "tradeoff::kv_capacity: argument 'model.flops_per_token'"));
  m = good;
  m.layout.kv_heads = 0;
  CHECK(starts_with(capacity_message(m, e, gpu), "tradeoff::kv_capacity: argument 'model.layout.kv_heads'"));
  m = good;
  m.kv_options.kv_producing_layers = 40;
  CHECK(starts_with(capacity_message(m, e, gpu), "tradeoff::kv_capacity: argument 'model.kv_options.kv_producing_layers'"));
  m = good;
  m.kv_options.sliding_window_layers = 3;
  CHECK(starts_with(capacity_message(m, e, gpu), "tradeoff::kv_capacity: argument 'model.kv_options.window_tokens'"));

  gpu_spec g = gpu;
  g.memory_bytes = 0.0;
  CHECK(starts_with(capacity_message(good, e, g), "tradeoff::kv_capacity: argument 'gpu.memory_bytes'"));
  g = gpu;
  g.bandwidth_bytes_per_s = nan;
  CHECK(starts_with(capacity_message(good, e, g), "tradeoff::kv_capacity: argument 'gpu.bandwidth_bytes_per_s'"));
  g = gpu;
  g.peak_flops = -1.0;
  CHECK(starts_with(capacity_message(good, e, g), "tradeoff::kv_capacity: argument 'gpu.peak_flops'"));

  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::kv_capacity_for_kv_memory(good, -1.0, e)); }),
                    "tradeoff::kv_capacity_for_kv_memory: argument 'kv_budget_bytes'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::kv_capacity_for_kv_memory(good, nan, e)); }),
                    "tradeoff::kv_capacity_for_kv_memory: argument 'kv_budget_bytes'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::decode_step(good, gpu, e, -1.0)); }),
                    "tradeoff::decode_step: argument 'batch'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::decode_step(good, gpu, e, nan)); }),
                    "tradeoff::decode_step: argument 'batch'"));
  Eigen::ArrayXd batches(2);
  batches << 1.0, -3.0;
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::decode_step_time(good, gpu, e, batches)); }) ==
        "tradeoff::decode_step_time: argument 'batches' must be finite and non-negative (got -3 at index 1)");
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::serving_throughput_curve(batches, good, gpu, e)); }),
                    "tradeoff::serving_throughput_curve: argument 'budgets'"));
  bad = e;
  bad.block_size = 0;
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::decode_crossover_batch(good, gpu, bad)); }),
                    "tradeoff::decode_crossover_batch: argument 'engine.block_size'"));
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::serving_throughput(good, gpu, bad)); }),
                    "tradeoff::serving_throughput: argument 'engine.block_size'"));
  // The ratio names itself, and the baseline's fields as baseline.*
  serving_model broken = good;
  broken.n_layers = 0;
  const Eigen::ArrayXd budgets = Eigen::ArrayXd::Constant(3, 1e9);
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::serving_throughput_ratio(budgets, good, broken, gpu, e)); }) ==
        "tradeoff::serving_throughput_ratio: argument 'baseline.n_layers' must be positive (got 0)");
  CHECK(invalid_argument_message([&] { static_cast<void>(tradeoff::serving_throughput_ratio(budgets, broken, good, gpu, e)); }) ==
        "tradeoff::serving_throughput_ratio: argument 'model.n_layers' must be positive (got 0)");
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::serving_throughput_ratio(batches, good, good, gpu, e)); }),
                    "tradeoff::serving_throughput_ratio: argument 'budgets'"));
  broken = good;
  broken.kv_options.kv_producing_layers = good.n_layers + 1;
  CHECK(starts_with(invalid_argument_message([&] { static_cast<void>(tradeoff::serving_throughput_ratio(budgets, good, broken, gpu, e)); }),
                    "tradeoff::serving_throughput_ratio: argument 'baseline.kv_options.kv_producing_layers' must not exceed baseline.n_layers"));
}
