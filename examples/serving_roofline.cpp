// serving_roofline — aggregate decode tokens/s against the KV-cache budget for one 7B-class
// model with MHA, GQA-8 and MLA attention, under two models side by side:
//
//   origin (linear):   total = budget / KV per sequence × batch-1 tokens/s per sequence
//                      (every sequence that fits, even a fraction of one, runs at batch-1 speed)
//   capacity+roofline: vLLM's paged capacity (whole pages, whole sequences, max_num_seqs), then
//                      a decode step that reads the weights once plus every sequence's KV cache
//
// and where they part: the linear model grows forever and its ratio to MHA is one constant, the
// roofline saturates (max_num_seqs, then bandwidth) and its ratio moves with the budget.
//
//   serving_roofline [--gpu a100|h100|h200] [--context TOKENS] [--max-num-seqs N] [--out DIR]
//
// Writes DIR/serving_roofline.csv (every plotted number), DIR/serving_roofline_models.csv (one
// row per attention type) and DIR/insight_4_serving_roofline.png.

#include "cli.hpp"
#include "plot.hpp"
#include "seven_b_variants.hpp"

#include <tradeoff/gpu.hpp>
#include <tradeoff/kv_cache.hpp>
#include <tradeoff/serving.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

const char* const usage = R"(usage: serving_roofline [options]

Aggregate decode tokens/s against the KV-cache budget for a 7B-class model (32 layers, d 4096,
32 heads of 128, bf16) with MHA, GQA-8 and MLA (latent 512 + RoPE 64), under the origin's linear
model and under vLLM's capacity model + a decode roofline.

  --gpu NAME          a100 | h100 | h200                            (default: h100)
  --context TOKENS    tokens per sequence (max_model_len)           (default: 4096)
  --max-num-seqs N    vLLM scheduler cap (default: vLLM's, 256 on A100, 1024 on H100/H200)
  --out DIR           output directory                              (default: plots)
  --no-render         write tables and the gnuplot script, do not run gnuplot
  --help              this text
)";

struct options {
  std::string gpu = "h100";
  std::int64_t context = 4096;
  std::int64_t max_num_seqs = 0;
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
    else if (arg == "--max-num-seqs") o.max_num_seqs = std::stoll(value());
    else if (arg == "--out") o.out = value();
    else throw std::invalid_argument("unknown argument " + arg);
  }
  return o;
}

const char* limit_name(tradeoff::capacity_limit limit) {
  switch (limit) {
    case tradeoff::capacity_limit::kv_memory: return "kv_memory";
    case tradeoff::capacity_limit::max_num_seqs: return "max_num_seqs";
    case tradeoff::capacity_limit::no_kv_memory: return "no_kv_memory";
  }
  return "?";
}

int run(const options& o) {
  const tradeoff::gpu_spec gpu = example::gpu_preset(o.gpu);
  tradeoff::engine_config engine;
  engine.gpu_memory_utilization = 0.9;
  engine.activation_bytes = 1.5e9;
  engine.block_size = 16;
  engine.max_num_seqs = o.max_num_seqs > 0 ? o.max_num_seqs : (o.gpu == "a100" ? 256 : 1024);
  engine.max_model_len = o.context;
  engine.memory_efficiency = 0.85;
  engine.compute_efficiency = 0.7;
  std::filesystem::create_directories(o.out);

  const Eigen::ArrayXd budgets_mb = tradeoff::log_budgets(500.0, 80000.0, 300);
  const Eigen::ArrayXd budgets_bytes = budgets_mb * tradeoff::bytes_per_mb;
  const std::vector<example::variant> types = example::seven_b_variants();
  const example::variant& mha = types.back();

  example::csv_table curve({"budget_mb", "type", "linear_total_tps", "roofline_total_tps",
                            "roofline_sequences", "roofline_step_seconds", "linear_ratio_vs_mha",
                            "roofline_ratio_vs_mha"});
  example::csv_table models({"type", "kv_bytes_per_token", "kv_mb_per_sequence", "batch1_tps",
                             "gpu_kv_memory_mb", "gpu_sequences", "gpu_limited_by", "gpu_total_tps",
                             "roofline_crossover_batch"});
  example::figure fig(o.out, "insight_4_serving_roofline", 2200, 950);
  std::ostream& gp = fig.script();
  std::vector<std::string> left;
  std::vector<std::string> right;

  const double mha_cache_mb =
      static_cast<double>(tradeoff::kv_bytes_per_sequence(mha.model.layout, mha.model.n_layers, 2, o.context)) /
      tradeoff::bytes_per_mb;
  const double mha_batch1 = tradeoff::decode_step(mha.model, gpu, engine, 1.0).tokens_per_second;
  double gpu_kv_mb = 0.0;

  std::cout << gpu.name << ", " << o.context << " tokens per sequence, max_num_seqs " << engine.max_num_seqs
            << ", bf16 KV, block size " << engine.block_size << "\n";
  for (const example::variant& v : types) {
    const std::int64_t per_token = tradeoff::kv_bytes_per_token(v.model.layout, v.model.n_layers, 2);
    const double cache_mb =
        static_cast<double>(tradeoff::kv_bytes_per_sequence(v.model.layout, v.model.n_layers, 2, o.context)) /
        tradeoff::bytes_per_mb;
    const double batch1 = tradeoff::decode_step(v.model, gpu, engine, 1.0).tokens_per_second;
    const Eigen::ArrayXd linear = tradeoff::aggregate_throughput(budgets_mb, cache_mb, batch1);
    const Eigen::ArrayXd linear_ratio = tradeoff::throughput_ratio(budgets_mb, cache_mb, batch1, mha_cache_mb, mha_batch1);
    const tradeoff::throughput_curve roofline = tradeoff::serving_throughput_curve(budgets_bytes, v.model, gpu, engine);
    const Eigen::ArrayXd roofline_ratio =
        tradeoff::serving_throughput_ratio(budgets_bytes, v.model, mha.model, gpu, engine);
    const tradeoff::serving_estimate on_gpu = tradeoff::serving_throughput(v.model, gpu, engine);
    const double crossover = tradeoff::decode_crossover_batch(v.model, gpu, engine);
    gpu_kv_mb = static_cast<double>(on_gpu.capacity.kv_memory_bytes) / tradeoff::bytes_per_mb;

    for (Eigen::Index i = 0; i < budgets_mb.size(); ++i) {
      curve.add({example::cell(budgets_mb(i)), v.type, example::cell(linear(i)),
                 example::cell(roofline.tokens_per_second(i)),
                 example::cell(static_cast<long long>(roofline.concurrent_sequences(i))),
                 example::cell(roofline.step_seconds(i)), example::cell(linear_ratio(i)),
                 example::cell(roofline_ratio(i))});
    }
    models.add({v.type, example::cell(static_cast<long long>(per_token)), example::cell(cache_mb),
                example::cell(batch1), example::cell(gpu_kv_mb),
                example::cell(static_cast<long long>(on_gpu.capacity.concurrent_sequences)),
                limit_name(on_gpu.capacity.limited_by), example::cell(on_gpu.decode.tokens_per_second),
                example::cell(crossover)});
    std::cout << "  " << v.type << ": " << per_token << " KV bytes/token, " << example::fixed(cache_mb, 1)
              << " MB per sequence, batch-1 " << example::fixed(batch1, 1) << " tok/s; on the GPU ("
              << example::fixed(gpu_kv_mb / 1000.0, 1) << " GB of KV): " << on_gpu.capacity.concurrent_sequences
              << " sequences (" << limit_name(on_gpu.capacity.limited_by) << "), "
              << example::fixed(on_gpu.decode.tokens_per_second, 0) << " tok/s; linear model at the same budget: "
              << example::fixed(tradeoff::aggregate_throughput(Eigen::ArrayXd::Constant(1, gpu_kv_mb), cache_mb, batch1)(0), 0)
              << " tok/s\n";

    const std::string colour = example::type_colour(v.type);
    const std::string file = fig.data(v.type, {"budget_mb", "linear", "roofline", "linear_ratio", "roofline_ratio"},
                                      {budgets_mb, linear, roofline.tokens_per_second, linear_ratio, roofline_ratio});
    left.push_back(file + " using ($1/1000):($3 > 0 ? $3/1000 : NaN) with lines lw 3.2 lc rgb '" + colour +
                   "' title " + example::text(v.type + " capacity + roofline"));
    left.push_back(file + " using ($1/1000):($2/1000) with lines lw 2 dt 2 lc rgb '" + colour + "' title " +
                   example::text(v.type + " origin (linear)"));
    right.push_back(file + " using ($1/1000):5 with lines lw 3.2 lc rgb '" + colour + "' title " +
                    example::text(v.type + " capacity + roofline"));
    right.push_back(file + " using ($1/1000):4 with lines lw 2 dt 2 lc rgb '" + colour + "' title " +
                    example::text(v.type + " origin (linear)"));
  }
  curve.save(o.out / "serving_roofline.csv");
  models.save(o.out / "serving_roofline_models.csv");

  gp << "set multiplot layout 1,2 title "
     << example::text("{/:Bold=17 Where the origin's linear serving model and a capacity + roofline model part}\n"
                      "{/=13 a different model from figures 1–3, with its own configuration (not the benchmark's runs):}\n"
                      "{/=13 7B-class, 32 layers, bf16; " + gpu.name + ", " + std::to_string(o.context) +
                      " tokens per sequence, vLLM paging (block 16), max_num_seqs " +
                      std::to_string(engine.max_num_seqs) + "}")
     << " margins 0.06, 0.985, 0.10, 0.80 spacing 0.07\n"
     << "set border 3 lc rgb '#444444'\nset tics nomirror\n"
     << "set grid xtics ytics mxtics mytics lt 1 lw 0.6 lc rgb '#DDDDDD' dt 2\n"
     << "set logscale x\nset xrange [0.5:80]\nset format x '%g'\nset xtics (0.5, 1, 2, 5, 10, 20, 40, 80)\n"
     << "set xlabel " << example::text("KV-cache memory budget (GB = 1000 MB)") << "\n"
     << "set arrow 1 from " << example::cell(gpu_kv_mb / 1000.0) << ", graph 0 to " << example::cell(gpu_kv_mb / 1000.0)
     << ", graph 1 nohead dt 2 lw 1.4 lc rgb '#666666'\n"
     << "set label 1 " << example::text("KV memory left on one\n" + gpu.name + ": " + example::fixed(gpu_kv_mb / 1000.0, 1) + " GB")
     << " at " << example::cell(gpu_kv_mb / 1000.0) << ", graph 0.12 right offset -0.5,0 tc rgb '#555555' font ',11'\n"
     << "set title " << example::text("{/:Bold Aggregate decode throughput}\n(solid: capacity + roofline; dashed: origin's linear model)")
     << "\nset ylabel " << example::text("Aggregate tokens/s (thousands, log scale)") << "\n"
     << "set logscale y\nset format y '%g'\nset yrange [0.05:*]\n"
     << "set key top left box lc rgb '#CCCCCC' opaque font ',11' spacing 1.05\n";
  fig.plot(left);
  gp << "set title " << example::text("{/:Bold Throughput ratio vs MHA}\n(origin: a constant; roofline: moves with the budget)")
     << "\nset ylabel " << example::text("Ratio to MHA (log scale)") << "\n"
     << "set yrange [0.8:*]\nset autoscale yfixmax\nset offsets 0, 0, graph 0.45, 0\nset key top right\n";
  fig.plot(right);
  fig.finish(o.render);
  std::cout << "Tables and figure in " << o.out.string() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return example::run_program("serving_roofline", usage, argc, argv, parse_arguments, run);
}
