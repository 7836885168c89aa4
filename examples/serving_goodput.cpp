// serving_goodput — tokens/s served within a time-per-output-token (TPOT) target ("goodput")
// against the target, for one 7B-class model with MLA, GQA-8 and MHA attention on one GPU,
// beside the origin's constant "× vs MHA" ratio:
//
//   goodput(target) = largest batch b <= vLLM's capacity with decode_step(b) <= target, b / step(b)
//   loaded          = the same with every step also carrying chunked prefill of the arrival mix
//   origin's ratio  = (batch-1 tok/s / KV per sequence) / (the same for MHA): one number
//
//   serving_goodput [--gpu a100|h100|h200] [--context TOKENS] [--prompt P] [--output O] [--out DIR]
//
// Writes DIR/serving_goodput.csv (every plotted number), DIR/serving_goodput_models.csv (one row
// per attention type) and DIR/insight_5_serving_goodput.png.

#include "cli.hpp"
#include "plot.hpp"
#include "seven_b_variants.hpp"

#include <tradeoff/fixed_vram.hpp>
#include <tradeoff/gpu.hpp>
#include <tradeoff/kv_cache.hpp>
#include <tradeoff/latency.hpp>
#include <tradeoff/serving.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

const char* const usage = R"(usage: serving_goodput [options]

Goodput (decode tokens/s within a TPOT target) against the target for a 7B-class model (32
layers, d 4096, 32 heads of 128, bf16) with MHA, GQA-8 and MLA (latent 512 + RoPE 64), from
vLLM's capacity model and a decode roofline, with and without chunked prefill in the steps.

  --gpu NAME          a100 | h100 | h200                            (default: h100)
  --context TOKENS    tokens per sequence (max_model_len)           (default: 4096)
  --prompt P          mean prompt tokens of the arrival mix         (default: 1000)
  --output O          mean output tokens of the arrival mix         (default: 250)
  --out DIR           output directory                              (default: plots)
  --no-render         write tables and the gnuplot script, do not run gnuplot
  --help              this text
)";

struct options {
  std::string gpu = "h100";
  std::int64_t context = 4096;
  double prompt = 1000.0;
  double output = 250.0;
  std::filesystem::path out = "plots";
  bool render = true;
  bool help = false;
};

options parse_arguments(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&] { return example::option_value(argc, argv, i); };
    if (arg == "--help" || arg == "-h") o.help = true;
    else if (arg == "--no-render") o.render = false;
    else if (arg == "--gpu") o.gpu = value();
    else if (arg == "--context") o.context = std::stoll(value());
    else if (arg == "--prompt") o.prompt = std::stod(value());
    else if (arg == "--output") o.output = std::stod(value());
    else if (arg == "--out") o.out = value();
    else throw std::invalid_argument("unknown argument " + arg);
  }
  return o;
}

int run(const options& o) {
  const tradeoff::gpu_spec gpu = example::gpu_preset(o.gpu);
  tradeoff::engine_config engine;
  engine.activation_bytes = 1.5e9;
  engine.max_num_seqs = o.gpu == "a100" ? 256 : 1024;
  engine.max_model_len = o.context;
  engine.memory_efficiency = 0.85;
  engine.compute_efficiency = 0.7;
  engine.step_overhead_seconds = 0.002;
  const tradeoff::request_mix mix{o.prompt, o.output};
  std::filesystem::create_directories(o.out);

  // 120 TPOT targets from 5 ms to 500 ms.
  const Eigen::ArrayXd targets_ms = tradeoff::log_budgets(5.0, 500.0, 120);
  const Eigen::ArrayXd targets = targets_ms / 1000.0;
  const std::vector<example::variant> types = example::seven_b_variants();
  const example::variant& mha = types.back();

  auto origin_speed = [&](const example::variant& v) {
    const double cache =
        static_cast<double>(tradeoff::kv_bytes_per_sequence(v.model.layout, v.model.n_layers, 2, o.context));
    return std::make_pair(cache, tradeoff::decode_step(v.model, gpu, engine, 1.0).tokens_per_second);
  };
  const auto mha_origin = origin_speed(mha);
  auto prefill_of = [&](const example::variant& v) {
    tradeoff::prefill_options p;
    p.attention_flops_per_token_pair = v.attention.prefill_per_token_pair;
    p.compute_efficiency = 0.6;
    return p;
  };
  const tradeoff::goodput_curve_result mha_curve = tradeoff::goodput_curve(mha.model, gpu, engine, targets);
  const tradeoff::goodput_curve_result mha_loaded =
      tradeoff::goodput_curve(mha.model, gpu, engine, targets, prefill_of(mha), mix);

  example::csv_table table({"tpot_ms", "type", "batch", "step_ms", "goodput_tps", "loaded_batch",
                            "loaded_goodput_tps", "goodput_ratio_vs_mha", "loaded_ratio_vs_mha",
                            "origin_ratio_vs_mha"});
  example::csv_table models({"type", "kv_bytes_per_token", "capacity_sequences", "unconstrained_tps",
                             "batch1_step_ms", "ttft_ms_at_prompt", "origin_ratio_vs_mha"});
  example::figure fig(o.out, "insight_5_serving_goodput", 2200, 950);
  std::vector<std::string> left;
  std::vector<std::string> right;

  std::cout << gpu.name << ", " << o.context << " tokens per sequence, max_num_seqs " << engine.max_num_seqs
            << ", arrival mix " << o.prompt << " prompt / " << o.output << " output tokens\n";
  for (const example::variant& v : types) {
    const tradeoff::prefill_options prefill = prefill_of(v);
    const tradeoff::goodput_curve_result plain = tradeoff::goodput_curve(v.model, gpu, engine, targets);
    const tradeoff::goodput_curve_result loaded = tradeoff::goodput_curve(v.model, gpu, engine, targets, prefill, mix);
    const auto speed = origin_speed(v);
    const double origin_ratio = tradeoff::throughput_ratio(speed.first, speed.second, mha_origin.first, mha_origin.second);
    Eigen::ArrayXd ratio(targets.size());
    Eigen::ArrayXd loaded_ratio(targets.size());
    Eigen::ArrayXd origin = Eigen::ArrayXd::Constant(targets.size(), origin_ratio);
    for (Eigen::Index i = 0; i < targets.size(); ++i) {
      const double base = mha_curve.tokens_per_second(i);
      ratio(i) = base > 0.0 ? plain.tokens_per_second(i) / base : std::numeric_limits<double>::quiet_NaN();
      const double loaded_base = mha_loaded.tokens_per_second(i);
      loaded_ratio(i) =
          loaded_base > 0.0 ? loaded.tokens_per_second(i) / loaded_base : std::numeric_limits<double>::quiet_NaN();
      table.add({example::cell(targets_ms(i)), v.type, example::cell(static_cast<long long>(plain.batch(i))),
                 example::cell(plain.step_seconds(i) * 1000.0), example::cell(plain.tokens_per_second(i)),
                 example::cell(static_cast<long long>(loaded.batch(i))), example::cell(loaded.tokens_per_second(i)),
                 example::cell(ratio(i)), example::cell(loaded_ratio(i)), example::cell(origin_ratio)});
    }
    const double step1_ms = tradeoff::decode_step(v.model, gpu, engine, 1.0).step_seconds * 1000.0;
    const std::int64_t prompt = static_cast<std::int64_t>(o.prompt) > 0 ? static_cast<std::int64_t>(o.prompt) : 1;
    const double ttft_ms = tradeoff::prefill_time(v.model, gpu, engine, prefill, prompt).ttft_seconds * 1000.0;
    const std::int64_t per_token = tradeoff::kv_bytes_per_token(v.model.layout, v.model.n_layers, 2);
    models.add({v.type, example::cell(static_cast<long long>(per_token)),
                example::cell(static_cast<long long>(plain.capacity_sequences)),
                example::cell(plain.unconstrained_tokens_per_second), example::cell(step1_ms), example::cell(ttft_ms),
                example::cell(origin_ratio)});
    std::cout << "  " << v.type << ": capacity " << plain.capacity_sequences << " sequences, "
              << example::fixed(plain.unconstrained_tokens_per_second, 0) << " tok/s unconstrained; batch-1 step "
              << example::fixed(step1_ms, 2) << " ms; TTFT at " << prompt << " prompt tokens "
              << example::fixed(ttft_ms, 1) << " ms; origin's ratio vs MHA " << example::fixed(origin_ratio, 2)
              << "\n";

    const std::string colour = example::type_colour(v.type);
    Eigen::ArrayXd plain_tps = plain.tokens_per_second;
    Eigen::ArrayXd loaded_tps = loaded.tokens_per_second;
    for (Eigen::Index i = 0; i < targets.size(); ++i) {  // 0 = target unmet: not drawn on a log axis
      if (!(plain_tps(i) > 0.0)) plain_tps(i) = std::numeric_limits<double>::quiet_NaN();
      if (!(loaded_tps(i) > 0.0)) loaded_tps(i) = std::numeric_limits<double>::quiet_NaN();
    }
    const std::string file = fig.data(v.type, {"tpot_ms", "goodput", "loaded", "ratio", "origin_ratio", "loaded_ratio"},
                                      {targets_ms, plain_tps, loaded_tps, ratio, origin, loaded_ratio});
    left.push_back(file + " using 1:($2/1000) with lines lw 3.2 lc rgb '" + colour + "' title " +
                   example::text(v.type + " decode only"));
    left.push_back(file + " using 1:($3/1000) with lines lw 2 dt 3 lc rgb '" + colour + "' title " +
                   example::text(v.type + " with chunked prefill"));
    if (v.type != "MHA") {
      right.push_back(file + " using 1:4 with lines lw 3.2 lc rgb '" + colour + "' title " +
                      example::text(v.type + " / MHA goodput"));
      right.push_back(file + " using 1:6 with lines lw 2.4 dt 3 lc rgb '" + colour + "' title " +
                      example::text(v.type + " / MHA with chunked prefill"));
      right.push_back(file + " using 1:5 with lines lw 2 dt 2 lc rgb '" + colour + "' title " +
                      example::text(v.type + " / MHA origin (constant)"));
    }
  }
  table.save(o.out / "serving_goodput.csv");
  models.save(o.out / "serving_goodput_models.csv");

  std::ostream& gp = fig.script();
  gp << "set multiplot layout 1,2 title "
     << example::text("{/:Bold=17 Tokens/s within a time-per-output-token target, per attention variant}\n"
                      "{/=13 a different model from figures 1–3, with its own configuration (not the benchmark's runs):}\n"
                      "{/=13 7B-class, 32 layers, bf16; " + gpu.name + ", " + std::to_string(o.context) +
                      " tokens per sequence, vLLM capacity (block 16, max_num_seqs " +
                      std::to_string(engine.max_num_seqs) + "); chunked prefill of " + example::fixed(o.prompt, 0) +
                      "-token prompts per " + example::fixed(o.output, 0) + " output tokens}")
     << " margins 0.06, 0.985, 0.10, 0.80 spacing 0.07\n"
     << "set border 3 lc rgb '#444444'\nset tics nomirror\n"
     << "set grid xtics ytics mxtics mytics lt 1 lw 0.6 lc rgb '#DDDDDD' dt 2\n"
     << "set logscale x\nset xrange [5:500]\nset format x '%g'\nset xtics (" << example::log_tics_1_2_5(1, 100)
     << ")\n"
     << "set xlabel " << example::text("TPOT target (ms per output token, log scale)") << "\n"
     << "set title " << example::text("{/:Bold Goodput against the TPOT target}\n(solid: decode only; dotted: steps also carry chunked prefill —\nhidden under the solid line where the steps stay memory-bound and prefill rides free)")
     << "\nset ylabel " << example::text("Goodput, thousand tokens/s (log scale)") << "\n"
     << "set logscale y\nset format y '%g'\n"
     << "set key bottom right box lc rgb '#CCCCCC' opaque font ',11' spacing 1.05\n";
  fig.plot(left);
  gp << "set title " << example::text("{/:Bold Goodput ratio vs MHA}\n(solid: decode only; dotted: with chunked prefill; dashed: the origin's constant ratio)")
     << "\nset ylabel " << example::text("Ratio to MHA (log scale)") << "\n"
     << "set yrange [0.8:100]\nset key top right\n";
  fig.plot(right);
  fig.finish(o.render);
  std::cout << "Tables and figure in " << o.out.string() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return example::run_program("serving_goodput", usage, argc, argv, parse_arguments, run);
}
