// insights — the origin analysis' three figures from a benchmark CSV, every plotted number in a
// table beside them:
//
//   insight_1_pareto.png    quality vs KV-cache Pareto front, dense runs and all runs
//   insight_2_serving.png   aggregate tokens/s at a fixed KV-cache budget, and the ratio to MHA
//   insight_3_mla_dial.png  MLA's down_dim_kv dial: loss and cache per setting vs MHA/GQA
//
// The program only loads, calls the library, writes tables and plots (gnuplot). The origin's two
// defects are gone by construction: the front comes from tradeoff::pareto_front, which handles
// tied x, and every highlight is addressed by row position, never by a label.
//
//   insights [CSV] [--out DIR]      (insights --help lists every option)

#include "cli.hpp"
#include "plot.hpp"

#include <tradeoff/csv.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/serving.hpp>
#include <tradeoff/staircase.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using mask = Eigen::Array<bool, Eigen::Dynamic, 1>;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

const char* const usage = R"(usage: insights [CSV] [--out DIR] [options]

Draws the three insight figures of a benchmark CSV and writes every plotted number to a table.

  CSV               benchmark table (default: the bundled examples/data/benchmark_results.csv)
  --out DIR         output directory (default: plots)
  --type-col NAME   attention type: MHA / GQA / MLA             (default: type)
  --cache-col NAME  KV cache per sequence, MB                    (default: theoretical_cache_mb)
  --loss-col NAME   validation loss                              (default: val_loss)
  --tps-col NAME    decode tokens/s of one sequence              (default: tps_512)
  --moe-col NAME    True/False: mixture of experts               (default: moe)
  --params-col NAME parameters, millions                         (default: params_m)
  --dial-col NAME   MLA latent KV dimension                      (default: down_dim_kv)
  --run-col NAME    run name                                     (default: run)
  --no-render       write tables and gnuplot scripts, do not run gnuplot
  --help            this text

Tables (numbers with %.17g): pareto.csv, serving_stats.csv, serving_curve.csv, mla_dial.csv,
mla_dial_summary.csv. Figures: insight_1_pareto.png, insight_2_serving.png,
insight_3_mla_dial.png, drawn by gnuplot from the scripts in DIR/gnuplot/. A figure whose
columns are missing is skipped with a message; the others are still drawn.
)";

struct options {
  std::string csv = TRADEOFF_DEFAULT_DATA;
  std::filesystem::path out = "plots";
  std::string type = "type";
  std::string cache = "theoretical_cache_mb";
  std::string loss = "val_loss";
  std::string tps = "tps_512";
  std::string moe = "moe";
  std::string params = "params_m";
  std::string dial = "down_dim_kv";
  std::string run = "run";
  bool render = true;
  bool help = false;
};

options parse_arguments(int argc, char** argv) {
  options o;
  const std::map<std::string, std::string*> columns = {
      {"--type-col", &o.type},   {"--cache-col", &o.cache}, {"--loss-col", &o.loss},
      {"--tps-col", &o.tps},     {"--moe-col", &o.moe},     {"--params-col", &o.params},
      {"--dial-col", &o.dial},   {"--run-col", &o.run}};
  bool have_csv = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto column = columns.find(arg);
    if (arg == "--help" || arg == "-h") {
      o.help = true;
    } else if (arg == "--no-render") {
      o.render = false;
    } else if (arg == "--out" || column != columns.end()) {
      const std::string value = example::option_value(argc, argv, i);
      if (arg == "--out") o.out = value;
      else *column->second = value;
    } else if (!arg.empty() && arg[0] == '-') {
      throw std::invalid_argument("unknown option " + arg);
    } else if (!have_csv) {
      o.csv = arg;
      have_csv = true;
    } else {
      throw std::invalid_argument("more than one CSV given: " + o.csv + " and " + arg);
    }
  }
  return o;
}

/// Row positions where `keep` is true (selection).
Eigen::ArrayXi rows_where(const mask& keep) {
  Eigen::ArrayXi rows(keep.count());
  Eigen::Index k = 0;
  for (Eigen::Index i = 0; i < keep.size(); ++i) {
    if (keep(i)) rows(k++) = static_cast<int>(i);
  }
  return rows;
}

mask equals(const std::vector<std::string>& values, const std::string& wanted) {
  mask m(static_cast<Eigen::Index>(values.size()));
  for (std::size_t i = 0; i < values.size(); ++i) m(static_cast<Eigen::Index>(i)) = values[i] == wanted;
  return m;
}

/// Drawing order: the origin's MLA, GQA, MHA first, then any other type name.
std::vector<std::string> drawing_order(const std::vector<std::string>& present) {
  std::vector<std::string> order;
  for (const char* known : {"MLA", "GQA", "MHA"}) {
    if (std::find(present.begin(), present.end(), known) != present.end()) order.emplace_back(known);
  }
  for (const auto& name : present) {
    if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
  }
  return order;
}

/// Everything the figures read from the input file.
struct columns {
  std::vector<std::string> run;
  std::vector<std::string> type;
  mask moe;
  Eigen::ArrayXd cache;
  Eigen::ArrayXd loss;
  Eigen::ArrayXd params;
  Eigen::ArrayXd tps;
  Eigen::ArrayXd dial;
  bool has_loss = false;
  bool has_params = false;
  bool has_tps = false;
  bool has_dial = false;
};

columns load(const tradeoff::table& data, const options& o) {
  columns c;
  const auto rows = static_cast<Eigen::Index>(data.rows());
  for (const auto& [name, flag] : {std::pair{o.type, "--type-col"}, std::pair{o.cache, "--cache-col"}}) {
    if (!data.has_column(name)) {
      std::string available;
      for (const auto& column : data.column_names()) available += (available.empty() ? "" : ", ") + column;
      throw std::invalid_argument("no column '" + name + "' in " + o.csv + " (name it with " + flag +
                                  "); its columns: " + available);
    }
  }
  c.type = data.strings(o.type);
  c.cache = data.numeric(o.cache);
  if (data.has_column(o.run)) {
    c.run = data.strings(o.run);
  } else {
    for (Eigen::Index i = 0; i < rows; ++i) c.run.push_back("row" + std::to_string(i));
  }
  if (data.has_column(o.moe)) {
    // A missing flag (an empty cell or nan, as pandas writes one) is not dense: pandas' `moe == False`
    // is False there, and the seed's `if moe` is True for NaN.
    const tradeoff::boolean_column flags = data.booleans_with_mask(o.moe);
    c.moe = flags.values || flags.missing;
    if (flags.missing_count > 0) {
      std::cout << "  " << o.moe << ": " << flags.missing_count
                << " cells missing (counted as not dense, as pandas' moe == False does)\n";
    }
  } else {
    std::cout << "no column '" << o.moe << "' (--moe-col): every run counts as dense\n";
    c.moe = mask::Constant(rows, false);
  }
  auto optional = [&](const std::string& name, Eigen::ArrayXd& values, bool& present) {
    present = data.has_column(name);
    if (!present) {
      values = Eigen::ArrayXd::Constant(rows, nan);
      return;
    }
    const auto column = data.numeric_with_report(name);
    values = column.values;
    if (column.coerced > 0) {
      std::cout << "  " << name << ": " << column.coerced << " cells are not numbers (read as NaN, skipped)\n";
    }
  };
  optional(o.loss, c.loss, c.has_loss);
  optional(o.params, c.params, c.has_params);
  optional(o.tps, c.tps, c.has_tps);
  optional(o.dial, c.dial, c.has_dial);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Figure 1 — quality vs cache Pareto front
// ---------------------------------------------------------------------------------------------

struct front_panel {
  std::string title;
  Eigen::ArrayXi rows;        // input rows in the panel
  Eigen::ArrayXi front_rows;  // input rows on its front, in front order
  tradeoff::staircase_path step;
};

front_panel pareto_panel(const columns& c, const Eigen::ArrayXi& rows, std::string title) {
  front_panel p;
  p.title = std::move(title);
  p.rows = rows;
  const Eigen::ArrayXd x = c.cache(rows);
  const Eigen::ArrayXd y = c.loss(rows);
  const Eigen::ArrayXi front = tradeoff::pareto_front(x, y);
  p.front_rows = rows(front);
  p.step = tradeoff::staircase(x, y, front);
  return p;
}

void plot_pareto_panel(example::figure& fig, const columns& c, const front_panel& panel,
                       const std::string& tag, double params_max) {
  std::ostream& gp = fig.script();
  if (panel.rows.size() == 0) {
    gp << "set title " << example::text("{/:Bold " + panel.title + "}") << "\nunset label\nunset arrow\n"
       << "set label 1 " << example::text("no runs with cache, loss and params") << " at graph 0.5, graph 0.5 center tc rgb '#777777'\n"
       << "set xrange [0.1:10]\nset yrange [0:1]\nplot NaN notitle\nset autoscale x\nset autoscale y\n";
    return;
  }
  mask on_front = mask::Constant(static_cast<Eigen::Index>(c.type.size()), false);
  for (Eigen::Index i = 0; i < panel.front_rows.size(); ++i) on_front(panel.front_rows(i)) = true;

  std::set<std::string> present;
  for (Eigen::Index i = 0; i < panel.rows.size(); ++i) present.insert(c.type[static_cast<std::size_t>(panel.rows(i))]);
  const std::vector<std::string> types = drawing_order({present.begin(), present.end()});

  std::set<std::string> front_types;
  for (Eigen::Index i = 0; i < panel.front_rows.size(); ++i) {
    front_types.insert(c.type[static_cast<std::size_t>(panel.front_rows(i))]);
  }
  std::string front_label;
  for (const auto& t : front_types) front_label += (front_label.empty() ? "" : ", ") + t;

  gp << "set title " << example::text("{/:Bold " + panel.title + " — quality vs cache Pareto front}\n(faded = Pareto-dominated)") << "\n"
     << "set xlabel " << example::text("KV cache per sequence at its max context (MB, log scale)  ← lower is better") << "\n"
     << "set ylabel " << example::text("Validation loss (NLL)  ← lower is better") << "\n"
     << "unset label\nunset arrow\n"
     << "set arrow 1 from graph 0.20, graph 0.20 to graph 0.06, graph 0.06 head filled size graph 0.025,20 lw 1.5 lc rgb '#888888'\n"
     << "set label 1 \"{/:Italic ideal}\" at graph 0.035, graph 0.035 tc rgb '#888888'\n";
  if (panel.step.x.size() > 0) {
    gp << "set label 2 " << example::text("{/:Italic Pareto front (" + front_label + ")}")
       << " at first " << example::cell(panel.step.x(0)) << ", first " << example::cell(panel.step.y(0))
       << " offset 1.2,0.9 tc rgb '#222222'\n";
  }
  gp << "PMAX = " << example::cell(params_max) << "\n";

  std::vector<std::string> plots;
  for (const auto& t : types) {
    for (const bool moe_value : {false, true}) {
      for (const bool front_value : {false, true}) {
        std::vector<Eigen::Index> picked;
        for (Eigen::Index i = 0; i < panel.rows.size(); ++i) {
          const Eigen::Index r = panel.rows(i);
          if (c.type[static_cast<std::size_t>(r)] == t && c.moe(r) == moe_value && on_front(r) == front_value) {
            picked.push_back(r);
          }
        }
        if (picked.empty()) continue;
        const Eigen::Map<const Eigen::Array<Eigen::Index, Eigen::Dynamic, 1>> idx(
            picked.data(), static_cast<Eigen::Index>(picked.size()));
        const std::string file = fig.data(
            tag + "_" + t + (moe_value ? "_moe" : "_dense") + (front_value ? "_front" : "_dominated"),
            {"cache_mb", "val_loss", "params_m"},
            {c.cache(idx), c.loss(idx), c.params(idx)});
        const std::string colour = example::with_alpha(example::type_colour(t), front_value ? 0.92 : 0.25);
        const std::string edge = example::with_alpha("#FFFFFF", front_value ? 0.9 : 0.4);
        const int point = moe_value ? 9 : 7;
        const int outline = moe_value ? 8 : 6;
        plots.push_back(file + " using 1:2:(SIZE($3)) with points pt " + std::to_string(point) +
                        " ps variable lc rgb '" + colour + "' notitle");
        plots.push_back(file + " using 1:2:(SIZE($3)) with points pt " + std::to_string(outline) +
                        " ps variable lw 0.8 lc rgb '" + edge + "' notitle");
      }
    }
  }
  if (panel.step.x.size() > 0) {
    const std::string file = fig.data(tag + "_front_step", {"cache_mb", "val_loss"}, {panel.step.x, panel.step.y});
    plots.push_back(file + " using 1:2 with lines lw 2.5 lc rgb '#55222222' notitle");
  }
  for (const auto& t : types) {
    plots.push_back("keyentry with boxes fs solid 1.0 noborder lc rgb '" + example::type_colour(t) +
                    "' title " + example::text(t));
  }
  const mask panel_moe = c.moe(panel.rows);
  if (!panel_moe.all()) plots.push_back("keyentry with points pt 7 ps 1.6 lc rgb '#888888' title 'Dense'");
  if (panel_moe.any()) plots.push_back("keyentry with points pt 9 ps 1.6 lc rgb '#888888' title 'MoE'");
  plots.push_back("keyentry with lines lw 2.5 lc rgb '#222222' title 'Pareto front'");

  fig.plot(plots);
}

void figure_pareto(const columns& c, const options& o) {
  const mask present = !c.cache.isNaN() && !c.loss.isNaN() && !c.params.isNaN();
  const Eigen::ArrayXi all_rows = rows_where(present);
  const Eigen::ArrayXi dense_rows = rows_where(present && !c.moe);
  const front_panel dense = pareto_panel(c, dense_rows, "Dense");
  const front_panel all = pareto_panel(c, all_rows, "Dense + MoE");

  mask on_dense = mask::Constant(static_cast<Eigen::Index>(c.type.size()), false);
  mask on_all = on_dense;
  for (Eigen::Index i = 0; i < dense.front_rows.size(); ++i) on_dense(dense.front_rows(i)) = true;
  for (Eigen::Index i = 0; i < all.front_rows.size(); ++i) on_all(all.front_rows(i)) = true;

  example::csv_table table({"row", "run", "type", "moe", "params_m", "theoretical_cache_mb", "val_loss",
                            "on_front_dense", "on_front_all"});
  for (Eigen::Index i = 0; i < all_rows.size(); ++i) {
    const Eigen::Index r = all_rows(i);
    const auto s = static_cast<std::size_t>(r);
    table.add({example::cell(static_cast<long long>(r)), example::cell(c.run[s]), example::cell(c.type[s]),
               example::cell(static_cast<bool>(c.moe(r))), example::cell(c.params(r)), example::cell(c.cache(r)),
               example::cell(c.loss(r)), example::cell(static_cast<bool>(on_dense(r))),
               example::cell(static_cast<bool>(on_all(r)))});
  }
  table.save(o.out / "pareto.csv");

  for (const front_panel* panel : {&dense, &all}) {
    std::cout << panel->title << " front (" << panel->front_rows.size() << " of " << panel->rows.size()
              << " runs), lowest cache first:\n";
    for (Eigen::Index i = 0; i < panel->front_rows.size(); ++i) {
      const Eigen::Index r = panel->front_rows(i);
      const auto s = static_cast<std::size_t>(r);
      std::cout << "  " << c.run[s] << " (" << c.type[s] << (c.moe(r) ? ", MoE" : "") << "): cache "
                << example::fixed(c.cache(r), 3) << " MB, loss " << example::fixed(c.loss(r), 4) << "\n";
    }
  }

  example::figure fig(o.out, "insight_1_pareto", 2200, 950);
  std::ostream& gp = fig.script();
  const double params_max = all_rows.size() > 0 ? c.params(all_rows).maxCoeff() : 1.0;
  gp << "SIZE(p) = sqrt(p / PMAX * 400 < 25 ? 25 : p / PMAX * 400) / 4.5\n"
     << "set multiplot layout 1,2 title " << example::text("{/:Bold=17 MLA vs MHA / GQA: quality against KV-cache size}")
     << " margins 0.06, 0.985, 0.10, 0.86 spacing 0.06\n"
     << "set border 3 lc rgb '#444444'\nset tics nomirror\n"
     << "set grid lt 1 lw 0.6 lc rgb '#DDDDDD' dt 2\n"
     << "set key top right box lc rgb '#CCCCCC' opaque maxrows 4 width 1 samplen 1.5 spacing 1.1\n"
     << "set logscale x\nset format x '%g'\nset mxtics 10\n"
     << "set xtics (" << example::log_tics_1_2_5(1e-3, 1e7) << ")\n"
     << "set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.05\n";
  plot_pareto_panel(fig, c, dense, "dense", params_max);
  plot_pareto_panel(fig, c, all, "all", params_max);
  fig.finish(o.render);
}

// ---------------------------------------------------------------------------------------------
// Figure 2 — aggregate serving throughput at a fixed KV-cache budget
// ---------------------------------------------------------------------------------------------

struct serving_row {
  std::string type;
  double n, tps_median, tps_q1, tps_q3, cache_median, cache_q1, cache_q3, ratio_vs_mha;
};

void figure_serving(const columns& c, const options& o) {
  const mask use = !c.moe && !c.tps.isNaN() && !c.cache.isNaN();
  const auto groups = tradeoff::group_by(c.type, use);
  const auto tps = tradeoff::summarize(groups, c.tps, {0.25, 0.75});
  const auto cache = tradeoff::summarize(groups, c.cache, {0.25, 0.75});

  std::vector<serving_row> stats;
  for (Eigen::Index g = 0; g < tps.count.size(); ++g) {
    stats.push_back({groups.keys()[static_cast<std::size_t>(g)], static_cast<double>(tps.count(g)),
                     tps.median(g), tps.quantiles(g, 0), tps.quantiles(g, 1), cache.median(g),
                     cache.quantiles(g, 0), cache.quantiles(g, 1), nan});
  }
  const auto mha = std::find_if(stats.begin(), stats.end(), [](const serving_row& s) { return s.type == "MHA"; });
  for (auto& s : stats) {
    if (mha != stats.end()) {
      s.ratio_vs_mha = tradeoff::throughput_ratio(s.cache_median, s.tps_median, mha->cache_median, mha->tps_median);
    }
  }

  example::csv_table table({"type", "n", "tps_median", "tps_q1", "tps_q3", "cache_median", "cache_q1",
                            "cache_q3", "ratio_vs_mha"});
  for (const auto& s : stats) {
    table.add({example::cell(s.type), example::cell(s.n), example::cell(s.tps_median), example::cell(s.tps_q1),
               example::cell(s.tps_q3), example::cell(s.cache_median), example::cell(s.cache_q1),
               example::cell(s.cache_q3), example::cell(s.ratio_vs_mha)});
  }
  table.save(o.out / "serving_stats.csv");

  const double budget_lo = 500.0;
  const double budget_hi = 80000.0;
  const Eigen::ArrayXd budgets = tradeoff::log_budgets(budget_lo, budget_hi, 300);
  example::csv_table curve({"budget_mb", "type", "total_tps", "total_tps_lo", "total_tps_hi", "ratio_vs_mha"});
  example::figure fig(o.out, "insight_2_serving", 2200, 950);
  std::ostream& gp = fig.script();
  std::vector<std::string> totals;
  std::vector<std::string> bands;
  std::vector<std::string> ratios;
  struct annotation {
    std::string text;
    double ratio;
    std::string colour;
  };
  std::vector<annotation> notes;

  std::vector<std::string> names;
  for (const auto& s : stats) names.push_back(s.type);
  std::cout << "Serving at a fixed KV budget (dense runs, median tokens/s and cache per type):\n";
  if (stats.empty()) {
    curve.save(o.out / "serving_curve.csv");
    std::cout << "  no dense runs with " << o.tps << " and " << o.cache << ": figure 2 not drawn\n";
    return;
  }
  for (const auto& t : drawing_order(names)) {
    const auto& s = *std::find_if(stats.begin(), stats.end(), [&](const serving_row& r) { return r.type == t; });
    const Eigen::ArrayXd total = tradeoff::aggregate_throughput(budgets, s.cache_median, s.tps_median);
    const auto band = tradeoff::throughput_band(budgets, s.tps_q1, s.tps_q3, s.cache_q1, s.cache_q3);
    const Eigen::ArrayXd ratio =
        mha != stats.end()
            ? tradeoff::throughput_ratio(budgets, s.cache_median, s.tps_median, mha->cache_median, mha->tps_median)
            : Eigen::ArrayXd::Constant(budgets.size(), nan);
    for (Eigen::Index i = 0; i < budgets.size(); ++i) {
      curve.add({example::cell(budgets(i)), example::cell(t), example::cell(total(i)), example::cell(band.lo(i)),
                 example::cell(band.hi(i)), example::cell(ratio(i))});
    }
    const std::string colour = example::type_colour(t);
    const std::string file = fig.data(t, {"budget_mb", "total_tps", "lo", "hi", "ratio_vs_mha"},
                                      {budgets, total, band.lo, band.hi, ratio});
    bands.push_back(file + " using ($1/1000):($3/1000):($4/1000) with filledcurves fs transparent solid 0.14 noborder lc rgb '" +
                    colour + "' notitle");
    totals.push_back(file + " using ($1/1000):($2/1000) with lines lw 3.2 lc rgb '" + colour + "' title " +
                     example::text(t));
    ratios.push_back(file + " using ($1/1000):5 with lines lw 3.2 lc rgb '" + colour + "' title " + example::text(t));
    std::cout << "  " << t << ": n = " << s.n << ", " << example::fixed(s.tps_median, 2) << " tok/s, "
              << example::fixed(s.cache_median, 3) << " MB  ->  " << example::fixed(total(total.size() - 1), 0) << " tok/s at "
              << example::fixed(budget_hi, 0) << " MB";
    if (mha != stats.end()) {
      const double at_last_budget = ratio(ratio.size() - 1);
      std::cout << " = " << example::fixed(at_last_budget, 2) << "x MHA";
      notes.push_back({t + ": " + example::fixed(at_last_budget, 1) + "×", at_last_budget, colour});
    }
    std::cout << "\n";
  }
  curve.save(o.out / "serving_curve.csv");
  if (mha == stats.end()) std::cout << "  no dense MHA runs with " << o.tps << ": no ratio to MHA\n";

  gp << "set multiplot layout 1,2 title "
     << example::text("{/:Bold=17 Smaller KV cache, more concurrent sequences: aggregate tokens/s at a fixed KV budget}\n"
                      "{/=13 origin model: total = budget / median cache per sequence × median tokens/s per sequence (dense runs)}")
     << " margins 0.06, 0.985, 0.10, 0.83 spacing 0.07\n"
     << "set border 3 lc rgb '#444444'\nset tics nomirror\n"
     << "set grid xtics mxtics ytics lt 1 lw 0.6 lc rgb '#DDDDDD' dt 2\n"
     << "set logscale x\nset xrange [0.5:80]\nset format x '%g'\n"
     << "set xtics (0.5, 1, 2, 5, 10, 20, 40, 80)\n"
     << "set xlabel " << example::text("KV-cache budget (GB = 1000 MB)") << "\n"
     << "set key top left box lc rgb '#CCCCCC' opaque\n";
  const char* references[] = {"24 GB\n(RTX)", "40 GB\n(A100)", "80 GB\n(H100)"};
  const int gigabytes[] = {24, 40, 80};
  gp << "unset arrow\nunset label\n";
  for (int k = 0; k < 3; ++k) {
    gp << "set arrow " << k + 1 << " from " << gigabytes[k] << ", graph 0 to " << gigabytes[k]
       << ", graph 1 nohead dt 2 lw 1.2 lc rgb '#888888'\n"
       << "set label " << k + 1 << " " << example::text(references[k]) << " at " << gigabytes[k] << ", graph 0.97 right offset -0.4,0 tc rgb '#777777' font ',11'\n";
  }
  gp << "set title " << example::text("{/:Bold Total serving throughput at a fixed KV budget}\n(line: medians; band: interquartile tokens/s and cache)") << "\n"
     << "set ylabel " << example::text("Aggregate throughput (k tokens/s)") << "\nset yrange [0:*]\n"
     << "set offsets 0, 0, graph 0.12, 0\n";
  std::vector<std::string> left = bands;
  left.insert(left.end(), totals.begin(), totals.end());
  fig.plot(left);

  gp << "set title " << example::text("{/:Bold Relative serving advantage vs MHA}\n(above 1 = more tokens/s for the same KV memory)") << "\n"
     << "set ylabel " << example::text("Throughput ratio (MHA = 1×)") << "\nset yrange [0:*]\n"
     << "set offsets 0, 0, graph 0.25, 0\nset key top left\n";
  for (int k = 0; k < 3; ++k) {
    gp << "set label " << k + 1 << " '" << gigabytes[k] << " GB' at " << gigabytes[k] << ", graph 0.04 right offset -0.4,0 tc rgb '#777777' font ',11'\n";
  }
  int label = 10;
  for (const auto& note : notes) {
    gp << "set label " << label++ << " " << example::text("{/:Bold " + note.text + "}") << " at "
       << example::cell(budget_hi / 1000.0) << ", " << example::cell(note.ratio) << " right offset -1.2,0.9 tc rgb '"
       << note.colour << "' font ',14'\n";
  }
  gp << "set arrow 10 from graph 0, first 1 to graph 1, first 1 nohead dt 2 lw 1.4 lc rgb '" << example::type_colour("MHA") << "'\n"
     << "set arrow 11 from graph 0, first 2 to graph 1, first 2 nohead dt 3 lw 1.4 lc rgb '#AAAAAA'\n"
     << "set arrow 12 from graph 0, first 2.5 to graph 1, first 2.5 nohead dt 3 lw 1.4 lc rgb '#AAAAAA'\n";
  if (mha == stats.end()) {
    gp << "set label 20 'no MHA runs: no ratio' at graph 0.5, graph 0.5 center tc rgb '#777777'\n"
       << "set yrange [0:3]\nplot NaN notitle\n";
  } else {
    fig.plot(ratios);
  }
  fig.finish(o.render);
}

// ---------------------------------------------------------------------------------------------
// Figure 3 — MLA's down_dim_kv dial
// ---------------------------------------------------------------------------------------------

void figure_mla_dial(const columns& c, const options& o) {
  const mask dense = !c.moe;
  const mask mla = dense && equals(c.type, "MLA");
  const auto dials = tradeoff::group_by(c.dial, mla);
  const auto loss = tradeoff::summarize(dials, c.loss, {});
  const auto cache = tradeoff::summarize(dials, c.cache, {});
  const auto types = tradeoff::group_by(c.type, dense);
  const Eigen::ArrayXd loss_median = tradeoff::median(types, c.loss);
  const Eigen::ArrayXd cache_median = tradeoff::median(types, c.cache);

  struct reference {
    std::string type;
    double loss = nan;
    double cache = nan;
    double crossover = nan;
  };
  std::vector<reference> references = {{"MHA"}, {"GQA"}};
  for (auto& ref : references) {
    for (std::size_t g = 0; g < types.keys().size(); ++g) {
      if (types.keys()[g] == ref.type) {
        ref.loss = loss_median(static_cast<Eigen::Index>(g));
        ref.cache = cache_median(static_cast<Eigen::Index>(g));
      }
    }
    // Selection: the largest dial whose mean cache is at most the reference's median cache.
    for (Eigen::Index g = 0; g < cache.mean.size(); ++g) {
      if (cache.mean(g) <= ref.cache) ref.crossover = dials.keys()(g);
    }
  }
  // Selection: the dial with the smallest mean loss (first on ties; NaN means skipped).
  Eigen::Index best = -1;
  for (Eigen::Index g = 0; g < loss.mean.size(); ++g) {
    if (!std::isnan(loss.mean(g)) && (best < 0 || loss.mean(g) < loss.mean(best))) best = g;
  }

  example::csv_table table({"down_dim_kv", "n", "val_loss_mean", "val_loss_min", "val_loss_max", "cache_mean",
                            "cache_min", "cache_max"});
  for (Eigen::Index g = 0; g < dials.keys().size(); ++g) {
    table.add({example::cell(dials.keys()(g)), example::cell(static_cast<double>(loss.count(g))),
               example::cell(loss.mean(g)), example::cell(loss.min(g)), example::cell(loss.max(g)),
               example::cell(cache.mean(g)), example::cell(cache.min(g)), example::cell(cache.max(g))});
  }
  table.save(o.out / "mla_dial.csv");

  const double best_dial = best < 0 ? nan : dials.keys()(best);
  example::csv_table summary({"key", "value"});
  summary.add({"best_down_dim_kv", example::cell(best_dial)});
  for (const auto& ref : references) summary.add({"crossover_" + ref.type, example::cell(ref.crossover)});
  for (const auto& ref : references) summary.add({"ref_" + ref.type + "_loss_median", example::cell(ref.loss)});
  for (const auto& ref : references) summary.add({"ref_" + ref.type + "_cache_median", example::cell(ref.cache)});
  summary.save(o.out / "mla_dial_summary.csv");

  std::cout << "MLA down_dim_kv dial (" << dials.keys().size() << " settings, dense runs):\n";
  if (best >= 0) {
    std::cout << "  best: down_dim_kv = " << example::cell(best_dial) << ", mean loss " << example::fixed(loss.mean(best), 4)
              << " (n = " << loss.count(best) << ")\n";
  }
  for (const auto& ref : references) {
    std::cout << "  crossover with " << ref.type << ": ";
    if (std::isnan(ref.crossover)) std::cout << "none";
    else std::cout << "down_dim_kv = " << example::cell(ref.crossover);
    std::cout << " (" << ref.type << " median cache " << example::fixed(ref.cache, 3) << " MB, loss " << example::fixed(ref.loss, 4) << ")\n";
  }
  if (dials.keys().size() == 0) {
    std::cout << "  no dense MLA runs with a " << o.dial << ": figure 3 skipped\n";
    return;
  }

  example::figure fig(o.out, "insight_3_mla_dial", 2200, 950);
  std::ostream& gp = fig.script();
  const std::string mla_colour = example::type_colour("MLA");
  const std::string file = fig.data("mla", {"down_dim_kv", "n", "loss_mean", "loss_min", "loss_max", "cache_mean",
                                            "cache_min", "cache_max"},
                                    {dials.keys(), loss.count.cast<double>(), loss.mean, loss.min, loss.max,
                                     cache.mean, cache.min, cache.max});
  const double x_lo = dials.keys()(0) * 0.8;
  const double x_hi = dials.keys()(dials.keys().size() - 1) * 1.2;
  gp << "set multiplot layout 1,2 title "
     << example::text("{/:Bold=17 MLA’s tuning dial: down_dim_kv sets the quality / KV-cache trade-off}\n"
                      "{/=13 MHA and GQA have no such knob: their cache is fixed by dim and kv_heads (dense runs)}")
     << " margins 0.06, 0.985, 0.10, 0.83 spacing 0.07\n"
     << "set border 3 lc rgb '#444444'\nset tics nomirror\n"
     << "set grid lt 1 lw 0.6 lc rgb '#DDDDDD' dt 2\n"
     << "set xrange [" << example::cell(x_lo) << ":" << example::cell(x_hi) << "]\n"
     << "set xlabel " << example::text("down_dim_kv (MLA latent KV dimension)") << "\n"
     << "set offsets 0, 0, graph 0.10, graph 0.06\n"
     << "unset arrow\nunset label\n";

  auto panel = [&](const std::string& title, const std::string& ylabel, const std::string& key, int mean_col,
                   int min_col, int max_col, double band, bool is_loss) {
    gp << "set title " << example::text(title) << "\nset ylabel " << example::text(ylabel) << "\n"
       << "set key " << key << " box lc rgb '#CCCCCC' opaque\n";
    std::vector<std::string> plots;
    for (const auto& ref : references) {
      const double value = is_loss ? ref.loss : ref.cache;
      if (std::isnan(value)) continue;
      const std::string colour = example::type_colour(ref.type);
      gp << "REF_" << ref.type << " = " << example::cell(value) << "\n";
      plots.push_back("[" + example::cell(x_lo) + ":" + example::cell(x_hi) + "] '+' using 1:(REF_" + ref.type + "*" +
                      example::cell(1 - band) + "):(REF_" + ref.type + "*" + example::cell(1 + band) +
                      ") with filledcurves fs transparent solid 0.10 noborder lc rgb '" + colour + "' notitle");
      plots.push_back("REF_" + ref.type + " with lines dt 2 lw 2.2 lc rgb '" + colour + "' title " +
                      example::text(ref.type + " median (±" + example::fixed(band * 100, 0) + " %)"));
    }
    plots.push_back(file + " using 1:" + std::to_string(min_col) + ":" + std::to_string(max_col) +
                    " with filledcurves fs transparent solid 0.20 noborder lc rgb '" + mla_colour +
                    "' title 'MLA (min–max range)'");
    plots.push_back(file + " using 1:" + std::to_string(mean_col) + " with linespoints lw 3 pt 7 ps 1.5 lc rgb '" +
                    mla_colour + "' title 'MLA (mean)'");
    return plots;
  };

  std::vector<std::string> left = panel("{/:Bold Quality vs down_dim_kv}\n(mean over dense MLA runs; band: min–max)",
                                        "Validation loss (NLL)  ← lower is better", "top right", 3, 4, 5, 0.03, true);
  gp << "set samples 2\n";
  if (best >= 0) {
    const std::string best_file = fig.data("best", {"down_dim_kv", "loss_mean"},
                                           {Eigen::ArrayXd::Constant(1, best_dial), Eigen::ArrayXd::Constant(1, loss.mean(best))});
    left.push_back(best_file + " using 1:2 with points pt 7 ps 3.2 lc rgb '#000000' notitle");
    left.push_back(best_file + " using 1:2 with points pt 7 ps 2.4 lc rgb '" + mla_colour + "' notitle");
    gp << "set label 1 " << example::text("best: dkv = " + example::cell(best_dial) + "\nloss = " + example::fixed(loss.mean(best), 3))
       << " at first " << example::cell(best_dial) << ", first " << example::cell(loss.mean(best))
       << " offset 1.5,-2.2 tc rgb '" << mla_colour << "'\n";
  }
  fig.plot(left);

  gp << "unset label\nunset arrow\nset yrange [0:*]\nset offsets 0, 0, graph 0.10, 0\n";
  std::vector<std::string> right = panel("{/:Bold KV cache vs down_dim_kv}\n(linear in the dial: easy to predict at any scale)",
                                         "KV cache (MB) per sequence", "top left", 6, 7, 8, 0.15, false);
  int label = 1;
  for (const auto& ref : references) {
    if (std::isnan(ref.crossover)) continue;
    const std::string colour = example::type_colour(ref.type);
    gp << "set arrow " << label << " from first " << example::cell(ref.crossover) << ", graph 0 to first "
       << example::cell(ref.crossover) << ", graph 1 nohead dt 3 lw 1.6 lc rgb '" << colour << "'\n"
       << "set label " << label << " " << example::text("MLA = " + ref.type + " cache\nat dkv = " + example::cell(ref.crossover))
       << " at first " << example::cell(ref.crossover) << ", graph 0.62 right offset -0.8,0 boxed tc rgb '"
       << colour << "' font ',11'\n";
    ++label;
  }
  gp << "set style textbox opaque border lc rgb '#AAAAAA'\n";
  fig.plot(right);
  fig.finish(o.render);
}

int run(const options& o) {
  const tradeoff::table data = tradeoff::read_csv(o.csv);
  std::cout << "Loaded " << data.rows() << " runs from " << o.csv << "\n";
  std::filesystem::create_directories(o.out);
  const columns c = load(data, o);

  auto missing = [&](const char* figure, const std::string& column, const char* flag) {
    std::cout << figure << " skipped: no column '" << column << "' in " << o.csv << " (name it with " << flag
              << ")\n";
  };
  if (!c.has_loss) missing("figure 1 (Pareto front)", o.loss, "--loss-col");
  else if (!c.has_params) missing("figure 1 (Pareto front)", o.params, "--params-col");
  else figure_pareto(c, o);
  if (!c.has_tps) missing("figure 2 (serving throughput)", o.tps, "--tps-col");
  else figure_serving(c, o);
  if (!c.has_loss) missing("figure 3 (MLA dial)", o.loss, "--loss-col");
  else if (!c.has_dial) missing("figure 3 (MLA dial)", o.dial, "--dial-col");
  else figure_mla_dial(c, o);
  std::cout << "Tables and figures in " << o.out.string() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  return example::run_program("insights", usage, argc, argv, parse_arguments, run,
                              example::on_error::message_and_help_hint);
}
