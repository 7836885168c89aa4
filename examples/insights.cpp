// insights — the origin analysis' three figures from a benchmark table, every plotted number in
// a table beside them:
//
//   insight_1_pareto.png    a 2-D Pareto front (default: loss vs KV cache), dense runs and all runs
//   insight_2_serving.png   aggregate tokens/s at a fixed KV-cache budget, and the ratio to a baseline
//   insight_3_mla_dial.png  MLA's down_dim_kv dial: loss and cache per setting vs the baseline and GQA
//
// The program only loads, calls the library, writes tables and plots (gnuplot). The origin's two
// defects are gone by construction: the front comes from tradeoff::pareto_front, which handles
// tied x, and every highlight is addressed by row position, never by a label. Any labels work
// (colours and file names per label come from example::label_styles), rows can be filtered
// (--where), the front can be any two columns (--front), and a row missing a value a figure needs
// is left out of that figure and counted.
//
//   insights [FILE] [--out DIR]      (insights --help lists every option)

#include "cli.hpp"
#include "plot.hpp"

#include <tradeoff/attainment.hpp>
#include <tradeoff/csv.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/row_mask.hpp>
#include <tradeoff/serving.hpp>
#include <tradeoff/staircase.hpp>
#include <tradeoff/tied_for_best.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace {

using mask = tradeoff::row_mask;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

const char* const usage = R"(usage: insights [FILE] [--out DIR] [options]

Draws the three insight figures of a benchmark table and writes every plotted number to a table.

  FILE              benchmark table: CSV, JSON records / JSON Lines, or Google Benchmark JSON
                    (default: the bundled examples/data/benchmark_results.csv)
  --format F        auto (default: by extension and content), csv, json or gbench; gbench keeps
                    the iteration rows, its aggregate rows (mean, median, ...) are left out
  --out DIR         output directory (default: plots)
  --type-col NAME   label of a run: attention type or any text     (default: type)
  --cache-col NAME  KV cache per sequence, MB                      (default: theoretical_cache_mb)
  --loss-col NAME   validation loss                                (default: val_loss)
  --tps-col NAME    decode tokens/s of one sequence                (default: tps_512)
  --moe-col NAME    True/False: mixture of experts                 (default: moe)
  --size-col NAME   marker size in figure 1, e.g. parameters; optional (default: params_m)
  --params-col NAME the same as --size-col
  --dial-col NAME   MLA latent KV dimension                        (default: down_dim_kv)
  --dial-type LABEL the label whose dial figure 3 shows            (default: MLA)
  --run-col NAME    run name                                       (default: run)
  --seed-col NAME   repetition / seed of a run: with two or more seeds, figure 1 draws the
                    attainment surfaces of the seeds' fronts (best, median, worst) instead of
                    one staircase, and writes attainment.csv     (default: none)
  --front X:S,Y:S   figure 1's two objectives, S = min or max      (default: CACHE:min,LOSS:min)
  --where COL=VALUE keep only rows whose COL is VALUE (numbers compare as numbers); repeatable,
                    all must hold
  --baseline LABEL  the label ratios and references are against   (default: MHA if present,
                    else the first label, and it says so)
  --order A,B,...   drawing order of the labels (the others follow, sorted; default: sorted)
  --no-render       write tables and gnuplot scripts, do not run gnuplot
  --help            this text

Tables (numbers with %.17g): pareto.csv, serving_stats.csv, serving_curve.csv, mla_dial.csv,
mla_dial_summary.csv, mla_dial_uncertainty.csv. Figures: insight_1_pareto.png,
insight_2_serving.png, insight_3_mla_dial.png, drawn by gnuplot from the scripts in DIR/gnuplot/.
A figure whose columns are missing is skipped with a message, and a row missing a value a figure
needs is left out of it and counted; the other figures are still drawn.
)";

struct objective {
  std::string column;
  tradeoff::sense direction = tradeoff::sense::minimize;
};

struct options {
  std::string csv = TRADEOFF_DEFAULT_DATA;
  std::string format = "auto";
  std::filesystem::path out = "plots";
  std::string type = "type";
  std::string cache = "theoretical_cache_mb";
  std::string loss = "val_loss";
  std::string tps = "tps_512";
  std::string moe = "moe";
  std::string size = "params_m";
  std::string dial = "down_dim_kv";
  std::string dial_type = "MLA";
  std::string run = "run";
  std::string seed;      // empty: no seed column
  std::string baseline;  // empty: MHA if present, else the first label
  std::vector<std::string> order;
  std::vector<objective> front;  // cache:min, loss:min unless --front
  bool front_given = false;
  std::vector<std::pair<std::string, std::string>> where;
  bool render = true;
  bool help = false;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (const char ch : text) {
    if (ch == separator) parts.emplace_back();
    else parts.back() += ch;
  }
  return parts;
}

std::vector<objective> parse_front(const std::string& value) {
  std::vector<objective> front;
  for (const auto& part : split(value, ',')) {
    const auto colon = part.rfind(':');
    const std::string sense = colon == std::string::npos ? "" : part.substr(colon + 1);
    if (colon == 0 || (sense != "min" && sense != "max")) {
      throw std::invalid_argument("--front " + value + ": expected COLUMN:min or COLUMN:max, got '" + part + "'");
    }
    front.push_back({part.substr(0, colon), sense == "min" ? tradeoff::sense::minimize : tradeoff::sense::maximize});
  }
  if (front.size() != 2) throw std::invalid_argument("--front " + value + ": expected two objectives, X:S,Y:S");
  return front;
}

options parse_arguments(int argc, char** argv) {
  options o;
  const std::map<std::string, std::string*> values = {
      {"--type-col", &o.type},   {"--cache-col", &o.cache}, {"--loss-col", &o.loss},   {"--tps-col", &o.tps},
      {"--moe-col", &o.moe},     {"--params-col", &o.size}, {"--size-col", &o.size},   {"--dial-col", &o.dial},
      {"--run-col", &o.run},     {"--dial-type", &o.dial_type}, {"--baseline", &o.baseline},
      {"--format", &o.format},   {"--seed-col", &o.seed}};
  bool have_csv = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto named = values.find(arg);
    if (arg == "--help" || arg == "-h") {
      o.help = true;
    } else if (arg == "--no-render") {
      o.render = false;
    } else if (named != values.end()) {
      *named->second = example::option_value(argc, argv, i);
    } else if (arg == "--out") {
      o.out = example::option_value(argc, argv, i);
    } else if (arg == "--order") {
      o.order = split(example::option_value(argc, argv, i), ',');
    } else if (arg == "--front") {
      o.front = parse_front(example::option_value(argc, argv, i));
    } else if (arg == "--where") {
      const std::string value = example::option_value(argc, argv, i);
      const auto equals = value.find('=');
      if (equals == std::string::npos || equals == 0) {
        throw std::invalid_argument("--where " + value + ": expected COLUMN=VALUE");
      }
      o.where.emplace_back(value.substr(0, equals), value.substr(equals + 1));
    } else if (!arg.empty() && arg[0] == '-') {
      throw std::invalid_argument("unknown option " + arg);
    } else if (!have_csv) {
      o.csv = arg;
      have_csv = true;
    } else {
      throw std::invalid_argument("more than one input file given: " + o.csv + " and " + arg);
    }
  }
  o.front_given = !o.front.empty();
  if (o.front.empty()) o.front = {{o.cache, tradeoff::sense::minimize}, {o.loss, tradeoff::sense::minimize}};
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

mask finite(const Eigen::ArrayXd& values) { return values.isFinite(); }

/// Everything the figures read from the input file.
struct columns {
  std::vector<std::string> run;
  std::vector<std::string> type;
  std::vector<std::string> seed;  // empty without --seed-col
  mask keep;  // the --where filters hold and the label is present
  mask moe;
  Eigen::ArrayXd cache, loss, size, tps, dial, front_x, front_y;
  bool has_front = false, has_cache = false, has_loss = false, has_size = false, has_tps = false, has_dial = false;
  example::label_styles styles;  // every label of the kept rows, in drawing order
  std::string baseline;
};

std::string column_list(const tradeoff::table& data) {
  std::string available;
  for (const auto& column : data.column_names()) available += (available.empty() ? "" : ", ") + column;
  return available;
}

void require_column(const tradeoff::table& data, const std::string& name, const std::string& flag,
                    const options& o) {
  if (!data.has_column(name)) {
    throw std::invalid_argument("no column '" + name + "' in " + o.csv + " (name it with " + flag +
                                "); its columns: " + column_list(data));
  }
}

/// Column `name` as numbers (NaN when absent); cells that are not numbers and ±inf count as
/// missing, with a message.
Eigen::ArrayXd numbers(const tradeoff::table& data, const std::string& name, bool& present) {
  present = data.has_column(name);
  if (!present) return Eigen::ArrayXd::Constant(data.rows(), nan);
  const auto column = data.numeric_with_report(name);
  Eigen::ArrayXd values = column.values;
  const Eigen::Index infinite = values.isInf().count();
  values = values.isInf().select(nan, values);
  if (column.coerced > 0) std::cout << "  " << name << ": " << column.coerced << " cells are not numbers (missing)\n";
  if (infinite > 0) std::cout << "  " << name << ": " << infinite << " cells are infinite (missing)\n";
  return values;
}

/// Rows whose `column` is `value`: as numbers when `value` is a number and the column has no text
/// cells, else as text.
mask where_mask(const tradeoff::table& data, const std::string& column, const std::string& value) {
  const auto numeric = data.numeric_with_report(column);
  char* end = nullptr;
  const double wanted = std::strtod(value.c_str(), &end);
  if (!value.empty() && end == value.c_str() + value.size() && numeric.coerced == 0) {
    return tradeoff::is_in(numeric.values, {wanted});
  }
  return tradeoff::equals(data.strings(column), value);
}

/// The labels of the kept rows: those of --order first, then the others sorted.
std::vector<std::string> label_order(const std::vector<std::string>& type, const mask& keep, const options& o) {
  std::set<std::string> present;
  for (Eigen::Index i = 0; i < keep.size(); ++i) {
    if (keep(i)) present.insert(type[static_cast<std::size_t>(i)]);
  }
  std::vector<std::string> order;
  for (const auto& label : o.order) {
    if (present.count(label) == 0) std::cout << "  --order: no kept rows are labelled '" << label << "'\n";
    else if (std::find(order.begin(), order.end(), label) == order.end()) order.push_back(label);
  }
  for (const auto& label : present) {
    if (std::find(order.begin(), order.end(), label) == order.end()) order.push_back(label);
  }
  return order;
}

columns load(const tradeoff::table& data, const options& o) {
  columns c;
  const Eigen::Index rows = data.rows();
  require_column(data, o.type, "--type-col", o);
  c.type = data.strings(o.type);
  c.keep = mask::Constant(rows, true);
  for (const auto& [column, value] : o.where) {
    require_column(data, column, "--where", o);
    c.keep = c.keep && where_mask(data, column, value);
    std::cout << "  --where " << column << "=" << value << ": " << c.keep.count() << " of " << rows
              << " rows left\n";
  }
  const mask labelled = !tradeoff::equals(c.type, "");
  if ((c.keep && !labelled).any()) {
    std::cout << "  " << o.type << ": " << (c.keep && !labelled).count() << " kept rows have no label (left out)\n";
  }
  c.keep = c.keep && labelled;

  if (data.has_column(o.run)) {
    c.run = data.strings(o.run);
  } else {
    for (Eigen::Index i = 0; i < rows; ++i) c.run.push_back("row" + std::to_string(i));
  }
  if (!o.seed.empty()) {
    require_column(data, o.seed, "--seed-col", o);
    c.seed = data.strings(o.seed);
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
  c.cache = numbers(data, o.cache, c.has_cache);
  c.loss = numbers(data, o.loss, c.has_loss);
  c.size = numbers(data, o.size, c.has_size);
  c.tps = numbers(data, o.tps, c.has_tps);
  c.dial = numbers(data, o.dial, c.has_dial);
  // An objective named with --front must exist; the default ones (cache, loss) may be missing,
  // and then figure 1 is skipped.
  bool has_x = false, has_y = false;
  if (o.front_given) {
    for (const auto& objective : o.front) require_column(data, objective.column, "--front", o);
  }
  auto objective_values = [&](const std::string& name, bool& present) {
    for (const auto& [known, values, known_present] :
         {std::tuple{&o.cache, &c.cache, c.has_cache}, std::tuple{&o.loss, &c.loss, c.has_loss},
          std::tuple{&o.size, &c.size, c.has_size}, std::tuple{&o.tps, &c.tps, c.has_tps}}) {
      if (*known == name) {
        present = known_present;
        return *values;
      }
    }
    return numbers(data, name, present);
  };
  c.front_x = objective_values(o.front[0].column, has_x);
  c.front_y = objective_values(o.front[1].column, has_y);
  c.has_front = has_x && has_y;

  c.styles = example::label_styles(label_order(c.type, c.keep, o));
  const auto& labels = c.styles.labels();
  if (!o.baseline.empty()) {
    if (std::find(labels.begin(), labels.end(), o.baseline) == labels.end()) {
      throw std::invalid_argument("--baseline " + o.baseline + ": no kept rows have that label in column '" + o.type + "'");
    }
    c.baseline = o.baseline;
  } else if (std::find(labels.begin(), labels.end(), "MHA") != labels.end()) {
    c.baseline = "MHA";
  } else if (!labels.empty()) {
    c.baseline = labels.front();
    std::cout << "  baseline: " << c.baseline << " (no rows labelled MHA; choose one with --baseline)\n";
  }
  return c;
}

/// Prints how many of `candidates` rows a figure leaves out because they lack a value it needs.
void report_skipped(const char* figure, const mask& candidates, const mask& usable, const std::string& needs) {
  const Eigen::Index skipped = (candidates && !usable).count();
  if (skipped > 0) {
    std::cout << "  " << figure << ": " << skipped << (skipped == 1 ? " row" : " rows") << " left out (missing " << needs << ")\n";
  }
}

// ---------------------------------------------------------------------------------------------
// Figure 1 — a 2-D Pareto front (default: quality vs cache)
// ---------------------------------------------------------------------------------------------

struct front_panel {
  std::string title;
  Eigen::ArrayXi rows;        // input rows in the panel
  Eigen::ArrayXi front_rows;  // input rows on its front, in front order
  tradeoff::staircase_path step;
  // With two or more seeds: the attainment surfaces of the seeds' fronts (tradeoff::empirical_attainment).
  tradeoff::attainment_surfaces surfaces;
  std::vector<std::pair<std::string, tradeoff::staircase_path>> surface_paths;  // best, median, worst
};

front_panel pareto_panel(const columns& c, const options& o, const Eigen::ArrayXi& rows, std::string title) {
  front_panel p;
  p.title = std::move(title);
  p.rows = rows;
  const Eigen::ArrayXd x = c.front_x(rows);
  const Eigen::ArrayXd y = c.front_y(rows);
  const Eigen::ArrayXi front = tradeoff::pareto_front(x, y, o.front[0].direction, o.front[1].direction);
  p.front_rows = rows(front);
  p.step = tradeoff::staircase(x, y, front);
  if (!c.seed.empty()) {
    mask in_panel = mask::Constant(c.front_x.size(), false);
    for (Eigen::Index i = 0; i < rows.size(); ++i) in_panel(rows(i)) = true;
    const auto seeds = tradeoff::group_by(c.seed, in_panel);
    if (seeds.groups() >= 2) {
      p.surfaces = tradeoff::empirical_attainment(seeds, c.front_x, c.front_y, o.front[0].direction, o.front[1].direction);
      const int m = p.surfaces.sets;
      const int median = tradeoff::median_attainment_level(m);
      const std::string of_m = " of " + std::to_string(m) + " seeds";
      p.surface_paths.push_back({median == 1 ? "best = median (1" + of_m + ")" : "best (1" + of_m + ")",
                                 tradeoff::attainment_step_path(p.surfaces, 1)});
      if (median > 1 && median < m) {
        p.surface_paths.push_back({"median (" + std::to_string(median) + of_m + ")",
                                   tradeoff::attainment_step_path(p.surfaces, median)});
      }
      p.surface_paths.push_back({"worst (all " + std::to_string(m) + " seeds)", tradeoff::attainment_step_path(p.surfaces, m)});
    }
  }
  return p;
}

bool is_min(const objective& objective) { return objective.direction == tradeoff::sense::minimize; }

/// An axis label: the origin's wording for its own columns, else the column and its direction.
std::string axis_label(const objective& objective, const options& o, bool log_scale) {
  const std::string direction = is_min(objective) ? "  ← lower is better" : "  higher is better →";
  if (objective.column == o.cache && o.cache == "theoretical_cache_mb") return "KV cache per sequence at its max context (MB" + std::string(log_scale ? ", log scale" : "") + ")" + direction;
  if (objective.column == o.loss && o.loss == "val_loss") return "Validation loss (NLL)" + direction;
  if (objective.column == o.cache) return objective.column + " (KV cache, MB" + (log_scale ? ", log scale" : "") + ")" + direction;
  return objective.column + (log_scale ? " (log scale)" : "") + direction;
}

/// gnuplot's marker size for a size value, the same formula as the script's SIZE(p).
double marker_size(double value, double size_max) {
  return std::sqrt(std::max(value / size_max * 400.0, 25.0)) / 4.5;
}

struct axis {
  bool log = false;
  double lo = nan, hi = nan;
};

/// Log scale when every value is positive and they span more than a factor of 20; the range
/// padded by 5 % (of the log range on a log axis).
axis axis_of(const Eigen::ArrayXd& values) {
  axis a;
  if (values.size() == 0) return a;
  const double lo = values.minCoeff(), hi = values.maxCoeff();
  a.log = lo > 0 && hi / lo > 20.0;
  if (a.log) {
    const double pad = std::pow(hi / lo, 0.05);
    a.lo = lo / pad;
    a.hi = hi * pad;
  } else {
    const double pad = hi > lo ? 0.05 * (hi - lo) : std::max(std::abs(hi) * 0.05, 1e-9);
    a.lo = lo - pad;
    a.hi = hi + pad;
  }
  return a;
}

void plot_pareto_panel(example::figure& fig, const columns& c, const options& o, const front_panel& panel,
                       const std::string& tag, double size_max, const std::vector<double>& legend_sizes,
                       const axis& x_edge, const axis& y_edge) {
  std::ostream& gp = fig.script();
  const std::string what = o.front[0].column == o.cache && o.front[1].column == o.loss
                               ? std::string("quality vs cache")
                               : o.front[1].column + " vs " + o.front[0].column;
  if (panel.rows.size() == 0) {
    gp << "set title " << example::text("{/:Bold " + panel.title + "}") << "\nunset label\nunset arrow\n"
       << "set label 1 " << example::text("no runs with both " + o.front[0].column + " and " + o.front[1].column) << " at graph 0.5, graph 0.5 center tc rgb '#777777'\n"
       << "plot NaN notitle\n";
    return;
  }
  mask on_front = mask::Constant(static_cast<Eigen::Index>(c.type.size()), false);
  for (Eigen::Index i = 0; i < panel.front_rows.size(); ++i) on_front(panel.front_rows(i)) = true;

  std::set<std::string> present, front_types;
  for (Eigen::Index i = 0; i < panel.rows.size(); ++i) present.insert(c.type[static_cast<std::size_t>(panel.rows(i))]);
  for (Eigen::Index i = 0; i < panel.front_rows.size(); ++i) {
    front_types.insert(c.type[static_cast<std::size_t>(panel.front_rows(i))]);
  }
  std::string front_label;
  for (const auto& t : c.styles.labels()) {
    if (front_types.count(t) != 0) front_label += (front_label.empty() ? "" : ", ") + t;
  }
  // The "ideal" corner: best x and best y.
  const double corner_x = is_min(o.front[0]) ? 0.06 : 0.94, corner_y = is_min(o.front[1]) ? 0.06 : 0.94;
  const double from_x = is_min(o.front[0]) ? 0.20 : 0.80, from_y = is_min(o.front[1]) ? 0.20 : 0.80;
  gp << "set title " << example::text("{/:Bold " + panel.title + " — " + what + " Pareto front}\n(faded = Pareto-dominated)") << "\n"
     << "unset label\nunset arrow\n"
     << "set arrow 1 from graph " << from_x << ", graph " << from_y << " to graph " << corner_x << ", graph " << corner_y
     << " head filled size graph 0.025,20 lw 1.5 lc rgb '#888888'\n"
     << "set label 1 \"{/:Italic ideal}\" at graph " << (is_min(o.front[0]) ? 0.035 : 0.965) << ", graph "
     << (is_min(o.front[1]) ? 0.035 : 0.965) << (is_min(o.front[0]) ? " left" : " right") << " tc rgb '#888888'\n";
  if (panel.step.x.size() > 0) {
    gp << "set label 2 " << example::text("{/:Italic Pareto front (" + front_label + ")}")
       << " at first " << example::cell(panel.step.x(0)) << ", first " << example::cell(panel.step.y(0))
       << " offset 1.2," << (is_min(o.front[1]) ? "0.9" : "-0.9") << " tc rgb '#222222'\n";
  }
  gp << "PMAX = " << example::cell(size_max) << "\n";

  std::vector<std::string> plots;
  for (const auto& t : c.styles.labels()) {
    if (present.count(t) == 0) continue;
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
        const Eigen::ArrayXd sizes = c.has_size ? Eigen::ArrayXd(c.size(idx))
                                                : Eigen::ArrayXd::Constant(idx.size(), size_max / 4.0);
        const std::string file = fig.data(
            tag + "_" + c.styles.stem(t) + (moe_value ? "_moe" : "_dense") + (front_value ? "_front" : "_dominated"),
            {"x", "y", "size"}, {c.front_x(idx), c.front_y(idx), sizes});
        const std::string colour = example::with_alpha(c.styles.colour(t), front_value ? 0.92 : 0.25);
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
  if (!panel.surface_paths.empty()) {
    const char* styles[] = {"dt 2 lw 2", "lw 2.8", "dt 3 lw 2"};  // best, median, worst (or best, worst)
    for (std::size_t k = 0; k < panel.surface_paths.size(); ++k) {
      const auto& [title, path] = panel.surface_paths[k];
      // Extended to the plot's edges on the worse side, so that a surface of one vertex shows too.
      const Eigen::Index h = path.x.size();
      if (h == 0) continue;
      Eigen::ArrayXd x(h + 2), y(h + 2);
      x << path.x(0), path.x, is_min(o.front[0]) ? x_edge.hi : x_edge.lo;
      y << (is_min(o.front[1]) ? y_edge.hi : y_edge.lo), path.y, path.y(h - 1);
      const std::string file = fig.data(tag + "_attainment_" + std::to_string(k), {"x", "y"}, {x, y});
      const std::size_t style = k + 1 == panel.surface_paths.size() ? 2 : k;
      plots.push_back(file + " using 1:2 with lines " + styles[style] + " lc rgb '#222222' title " +
                      example::text("attainment: " + title));
    }
  } else if (panel.step.x.size() > 0) {
    const std::string file = fig.data(tag + "_front_step", {"x", "y"}, {panel.step.x, panel.step.y});
    plots.push_back(file + " using 1:2 with lines lw 2.5 lc rgb '#55222222' notitle");
  }
  for (const auto& t : c.styles.labels()) {
    if (present.count(t) == 0) continue;
    plots.push_back("keyentry with boxes fs solid 1.0 noborder lc rgb '" + c.styles.colour(t) + "' title " +
                    example::text(t));
  }
  const mask panel_moe = c.moe(panel.rows);
  if (!panel_moe.all()) plots.push_back("keyentry with points pt 7 ps 1.6 lc rgb '#888888' title 'Dense'");
  if (panel_moe.any()) plots.push_back("keyentry with points pt 9 ps 1.6 lc rgb '#888888' title 'MoE'");
  if (panel.surface_paths.empty()) plots.push_back("keyentry with lines lw 2.5 lc rgb '#222222' title 'Pareto front'");
  for (const double value : legend_sizes) {  // the marker-size legend
    plots.push_back("keyentry with points pt 6 ps " + example::fixed(marker_size(value, size_max), 3) +
                    " lc rgb '#666666' title " + example::text(o.size + " = " + example::fixed(value, value < 10 ? 1 : 0)));
  }
  fig.plot(plots);
}

void figure_pareto(const columns& c, const options& o) {
  const mask usable = c.keep && finite(c.front_x) && finite(c.front_y) && (c.has_size ? finite(c.size) : mask(c.keep));
  report_skipped("figure 1", c.keep, usable,
                 o.front[0].column + ", " + o.front[1].column + (c.has_size ? " or " + o.size : ""));
  if (!c.has_size) std::cout << "  figure 1: no column '" << o.size << "' (--size-col): one marker size\n";
  const Eigen::ArrayXi all_rows = rows_where(usable);
  const Eigen::ArrayXi dense_rows = rows_where(usable && !c.moe);
  const front_panel dense = pareto_panel(c, o, dense_rows, "Dense");
  const front_panel all = pareto_panel(c, o, all_rows, "Dense + MoE");

  mask on_dense = mask::Constant(static_cast<Eigen::Index>(c.type.size()), false);
  mask on_all = on_dense;
  for (Eigen::Index i = 0; i < dense.front_rows.size(); ++i) on_dense(dense.front_rows(i)) = true;
  for (Eigen::Index i = 0; i < all.front_rows.size(); ++i) on_all(all.front_rows(i)) = true;

  std::vector<std::string> header = {"row", "run", "type", "moe"};
  if (c.has_size) header.push_back(o.size);
  header.insert(header.end(), {o.front[0].column, o.front[1].column, "on_front_dense", "on_front_all"});
  example::csv_table table(header);
  for (Eigen::Index i = 0; i < all_rows.size(); ++i) {
    const Eigen::Index r = all_rows(i);
    const auto s = static_cast<std::size_t>(r);
    std::vector<std::string> row = {example::cell(static_cast<long long>(r)), example::cell(c.run[s]),
                                    example::cell(c.type[s]), example::cell(static_cast<bool>(c.moe(r)))};
    if (c.has_size) row.push_back(example::cell(c.size(r)));
    row.insert(row.end(), {example::cell(c.front_x(r)), example::cell(c.front_y(r)),
                           example::cell(static_cast<bool>(on_dense(r))), example::cell(static_cast<bool>(on_all(r)))});
    table.add(row);
  }
  table.save(o.out / "pareto.csv");
  if (!dense.surface_paths.empty() || !all.surface_paths.empty()) {
    example::csv_table surfaces({"panel", "level", "percentile", o.front[0].column, o.front[1].column});
    for (const front_panel* panel : {&dense, &all}) {
      const auto& s = panel->surfaces;
      for (Eigen::Index r = 0; r < s.x.size(); ++r) {
        surfaces.add({panel == &dense ? "dense" : "all", example::cell(s.level(r)), example::cell(s.percentile(r)),
                      example::cell(s.x(r)), example::cell(s.y(r))});
      }
      if (s.sets >= 2) std::cout << "  " << panel->title << ": attainment surfaces of " << s.sets << " seeds' fronts\n";
    }
    surfaces.save(o.out / "attainment.csv");
  }

  for (const front_panel* panel : {&dense, &all}) {
    std::cout << panel->title << " front (" << panel->front_rows.size() << " of " << panel->rows.size()
              << " runs), best " << o.front[0].column << " first:\n";
    for (Eigen::Index i = 0; i < panel->front_rows.size(); ++i) {
      const Eigen::Index r = panel->front_rows(i);
      const auto s = static_cast<std::size_t>(r);
      std::cout << "  " << c.run[s] << " (" << c.type[s] << (c.moe(r) ? ", MoE" : "") << "): " << o.front[0].column
                << " " << example::fixed(c.front_x(r), 3) << ", " << o.front[1].column << " "
                << example::fixed(c.front_y(r), 4) << "\n";
    }
  }

  example::figure fig(o.out, "insight_1_pareto", 2200, 950);
  std::ostream& gp = fig.script();
  const Eigen::ArrayXd sizes = c.has_size && all_rows.size() > 0 ? Eigen::ArrayXd(c.size(all_rows)) : Eigen::ArrayXd();
  const double size_max = sizes.size() > 0 && sizes.maxCoeff() > 0 ? sizes.maxCoeff() : 1.0;
  std::vector<double> legend_sizes;
  if (sizes.size() > 0) {  // three sizes that look different: below 1/16 of the largest all look the same
    for (const double fraction : {1.0 / 16.0, 0.25, 1.0}) {
      const double v = size_max * fraction;
      const double step = std::pow(10.0, std::floor(std::log10(v)) - 1.0);  // two significant digits
      legend_sizes.push_back(std::round(v / step) * step);
    }
  }
  // Both panels on the same axes: the ranges of all runs.
  const axis x_axis = axis_of(c.front_x(all_rows));
  const axis y_axis = axis_of(c.front_y(all_rows));
  const bool origin_front = o.front[0].column == o.cache && o.front[1].column == o.loss;
  gp << "SIZE(p) = sqrt(p / PMAX * 400 < 25 ? 25 : p / PMAX * 400) / 4.5\n"
     << "set multiplot layout 1,2 title "
     << example::text(origin_front ? "{/:Bold=17 " + o.dial_type + " vs the other attention types: quality against KV-cache size}"
                                   : "{/:Bold=17 " + o.front[1].column + " against " + o.front[0].column + ", by " + o.type + "}")
     << " margins 0.06, 0.985, 0.10, 0.86 spacing 0.06\n"
     << "set border 3 lc rgb '#444444'\nset tics nomirror\n"
     << "set grid lt 1 lw 0.6 lc rgb '#DDDDDD' dt 2\n"
     << "set key " << (is_min(o.front[1]) ? "top" : "bottom") << " right box lc rgb '#CCCCCC' opaque maxrows 5 width 1 samplen 1.5 spacing 1.1\n"
     << "set xlabel " << example::text(axis_label(o.front[0], o, x_axis.log)) << "\n"
     << "set ylabel " << example::text(axis_label(o.front[1], o, y_axis.log)) << "\n";
  for (const auto& [name, a] : {std::pair{"x", x_axis}, std::pair{"y", y_axis}}) {
    if (std::isnan(a.lo)) {  // no runs: an empty frame (gnuplot cannot autoscale nothing)
      gp << "set " << name << "range [0:1]\n";
      continue;
    }
    if (a.log) {
      gp << "set logscale " << name << "\nset format " << name << " '%g'\nset m" << name << "tics 10\n"
         << "set " << name << "tics (" << example::log_tics_1_2_5(std::pow(10.0, std::floor(std::log10(a.lo))), a.hi) << ")\n";
    }
    gp << "set " << name << "range [" << example::cell(a.lo) << ":" << example::cell(a.hi) << "]\n";
  }
  plot_pareto_panel(fig, c, o, dense, "Dense", size_max, legend_sizes, x_axis, y_axis);
  plot_pareto_panel(fig, c, o, all, "Dense + MoE", size_max, legend_sizes, x_axis, y_axis);
  fig.finish(o.render);
}

// ---------------------------------------------------------------------------------------------
// Figure 2 — aggregate serving throughput at a fixed KV-cache budget
// ---------------------------------------------------------------------------------------------

struct serving_row {
  std::string type;
  double n, tps_median, tps_q1, tps_q3, cache_median, cache_q1, cache_q3, ratio_vs_baseline;
};

/// The baseline's median cache over its dense kept rows with a cache (figure 3's reference), and
/// how many rows that is.
std::pair<double, Eigen::Index> baseline_cache_median(const columns& c) {
  const mask rows = c.keep && !c.moe && tradeoff::equals(c.type, c.baseline) && finite(c.cache);
  if (!rows.any()) return {nan, 0};
  const auto one = tradeoff::group_by(c.type, rows);
  return {tradeoff::median(one, c.cache)(0), rows.count()};
}

void figure_serving(const columns& c, const options& o) {
  const mask use = c.keep && !c.moe && finite(c.tps) && finite(c.cache);
  report_skipped("figure 2", c.keep && !c.moe, use, o.tps + " or " + o.cache);
  const auto groups = tradeoff::group_by(c.type, use);
  const auto tps = tradeoff::summarize(groups, c.tps, {0.25, 0.75});
  const auto cache = tradeoff::summarize(groups, c.cache, {0.25, 0.75});

  std::vector<serving_row> stats;
  for (Eigen::Index g = 0; g < tps.count.size(); ++g) {
    stats.push_back({groups.keys()[static_cast<std::size_t>(g)], static_cast<double>(tps.count(g)),
                     tps.median(g), tps.quantiles(g, 0), tps.quantiles(g, 1), cache.median(g),
                     cache.quantiles(g, 0), cache.quantiles(g, 1), nan});
  }
  const auto base = std::find_if(stats.begin(), stats.end(), [&](const serving_row& s) { return s.type == c.baseline; });
  for (auto& s : stats) {
    if (base != stats.end()) {
      s.ratio_vs_baseline = tradeoff::throughput_ratio(s.cache_median, s.tps_median, base->cache_median, base->tps_median);
    }
  }

  example::csv_table table({"type", "n", "tps_median", "tps_q1", "tps_q3", "cache_median", "cache_q1",
                            "cache_q3", "ratio_vs_baseline"});
  for (const auto& s : stats) {
    table.add({example::cell(s.type), example::cell(s.n), example::cell(s.tps_median), example::cell(s.tps_q1),
               example::cell(s.tps_q3), example::cell(s.cache_median), example::cell(s.cache_q1),
               example::cell(s.cache_q3), example::cell(s.ratio_vs_baseline)});
  }
  table.save(o.out / "serving_stats.csv");

  const double budget_lo = 500.0;
  const double budget_hi = 80000.0;
  const Eigen::ArrayXd budgets = tradeoff::log_budgets(budget_lo, budget_hi, 300);
  example::csv_table curve({"budget_mb", "type", "total_tps", "total_tps_lo", "total_tps_hi", "ratio_vs_baseline"});
  std::cout << "Serving at a fixed KV budget (dense runs, median tokens/s and cache per " << o.type
            << ", baseline " << c.baseline << "):\n";
  if (stats.empty()) {
    curve.save(o.out / "serving_curve.csv");
    std::cout << "  no dense runs with " << o.tps << " and " << o.cache << ": figure 2 not drawn\n";
    return;
  }
  example::figure fig(o.out, "insight_2_serving", 2200, 950);
  std::ostream& gp = fig.script();
  std::vector<std::string> totals, bands, ratios;
  std::map<std::string, std::vector<std::string>> notes;  // ratio text -> labels with that ratio
  std::map<std::string, double> note_value;
  for (const auto& t : c.styles.labels()) {
    const auto found = std::find_if(stats.begin(), stats.end(), [&](const serving_row& r) { return r.type == t; });
    if (found == stats.end()) continue;
    const serving_row& s = *found;
    const Eigen::ArrayXd total = tradeoff::aggregate_throughput(budgets, s.cache_median, s.tps_median);
    const auto band = tradeoff::throughput_band(budgets, s.tps_q1, s.tps_q3, s.cache_q1, s.cache_q3);
    const Eigen::ArrayXd ratio =
        base != stats.end()
            ? tradeoff::throughput_ratio(budgets, s.cache_median, s.tps_median, base->cache_median, base->tps_median)
            : Eigen::ArrayXd::Constant(budgets.size(), nan);
    for (Eigen::Index i = 0; i < budgets.size(); ++i) {
      curve.add({example::cell(budgets(i)), example::cell(t), example::cell(total(i)), example::cell(band.lo(i)),
                 example::cell(band.hi(i)), example::cell(ratio(i))});
    }
    const std::string colour = c.styles.colour(t);
    const std::string file = fig.data(c.styles.stem(t), {"budget_mb", "total_tps", "lo", "hi", "ratio_vs_baseline"},
                                      {budgets, total, band.lo, band.hi, ratio});
    bands.push_back(file + " using ($1/1000):($3/1000):($4/1000) with filledcurves fs transparent solid 0.14 noborder lc rgb '" +
                    colour + "' notitle");
    totals.push_back(file + " using ($1/1000):($2/1000) with lines lw 3.2 lc rgb '" + colour + "' title " +
                     example::text(t));
    ratios.push_back(file + " using ($1/1000):5 with lines lw 3.2 lc rgb '" + colour + "' title " + example::text(t));
    std::cout << "  " << t << ": n = " << s.n << ", " << example::fixed(s.tps_median, 2) << " tok/s, "
              << example::fixed(s.cache_median, 3) << " MB  ->  " << example::fixed(total(total.size() - 1), 0) << " tok/s at "
              << example::fixed(budget_hi, 0) << " MB";
    if (base != stats.end()) {
      const double at_last_budget = ratio(ratio.size() - 1);
      std::cout << " = " << example::fixed(at_last_budget, 2) << "x " << c.baseline;
      const std::string key = example::fixed(at_last_budget, 1);
      notes[key].push_back(t);
      note_value[key] = at_last_budget;
    }
    std::cout << "\n";
  }
  curve.save(o.out / "serving_curve.csv");
  if (base == stats.end()) std::cout << "  no dense " << c.baseline << " runs with " << o.tps << ": no ratio\n";

  // The caption names the model and says which baseline median it used, and how it relates to
  // figure 3's (over every dense baseline run, with or without tokens/s).
  std::string caption = "{/=13 model: total = budget / median cache × median tokens/s per sequence (dense runs; batch-1 speed "
                        "assumed: every sequence decodes as fast as it did alone)}";
  if (base != stats.end()) {
    const auto [all_median, all_n] = baseline_cache_median(c);
    caption += "\n{/=12 " + c.baseline + " median cache " + example::fixed(base->cache_median, 2) + " MB over its " +
               example::cell(base->n) + " dense runs with " + o.tps;
    if (!(c.has_loss && c.has_dial)) {
      caption += "}";  // no figure 3 to compare with
    } else if (all_n == static_cast<Eigen::Index>(base->n) || all_median == base->cache_median) {
      caption += ", the reference of figure 3 too}";
    } else {
      caption += "; figure 3's reference is " + example::fixed(all_median, 2) + " MB over all " + std::to_string(all_n) +
                 " dense " + c.baseline + " runs, some without " + o.tps + "}";
    }
  }
  gp << "set multiplot layout 1,2 title "
     << example::text("{/:Bold=17 Smaller KV cache, more concurrent sequences: aggregate tokens/s at a fixed KV budget}\n" + caption)
     << " margins 0.06, 0.985, 0.10, 0.80 spacing 0.07\n"
     << "set border 3 lc rgb '#444444'\nset tics nomirror\n"
     << "set grid xtics mxtics ytics lt 1 lw 0.6 lc rgb '#DDDDDD' dt 2\n"
     << "set logscale x\nset xrange [0.5:80]\nset format x '%g'\n"
     << "set xtics (0.5, 1, 2, 5, 10, 20, 40, 80)\n"
     << "set xlabel " << example::text("KV-cache budget (GB = 1000 MB, log scale)") << "\n"
     << "set key top left box lc rgb '#CCCCCC' opaque\n";
  const char* references[] = {"24 GB\n(RTX)", "40 GB\n(A100)", "80 GB\n(H100)"};
  const int gigabytes[] = {24, 40, 80};
  gp << "unset arrow\nunset label\n";
  for (int k = 0; k < 3; ++k) {
    gp << "set arrow " << k + 1 << " from " << gigabytes[k] << ", graph 0 to " << gigabytes[k]
       << ", graph 1 nohead dt 2 lw 1.2 lc rgb '#888888'\n"
       << "set label " << k + 1 << " " << example::text(references[k]) << " at " << gigabytes[k] << ", graph 0.97 right offset -0.4,0 tc rgb '#777777' font ',11'\n";
  }
  gp << "set title " << example::text("{/:Bold Total serving throughput at a fixed KV budget}\n(log–log: the model is a straight line; band: interquartile tokens/s and cache)") << "\n"
     << "set ylabel " << example::text("Aggregate throughput (k tokens/s, log scale)") << "\n"
     << "set logscale y\nset format y '%g'\nset yrange [*:*]\n"
     << "set offsets 0, 0, 0, 0\n";
  std::vector<std::string> left = bands;
  left.insert(left.end(), totals.begin(), totals.end());
  fig.plot(left);

  double ratio_max = 2.5;
  for (const auto& [key, value] : note_value) ratio_max = std::max(ratio_max, value);
  const double y_hi = ratio_max * 1.25;
  gp << "unset logscale y\nset format y '% h'\n"
     << "set title " << example::text("{/:Bold Relative serving advantage vs " + c.baseline + "}\n(above 1 = more tokens/s for the same KV memory)") << "\n"
     << "set ylabel " << example::text("Throughput ratio (" + c.baseline + " = 1×)") << "\nset yrange [0:" << example::cell(y_hi) << "]\n"
     << "set offsets 0, 0, 0, 0\nset key top left\n";
  for (int k = 0; k < 3; ++k) {
    gp << "set label " << k + 1 << " '" << gigabytes[k] << " GB' at " << gigabytes[k] << ", graph 0.04 right offset -0.4,0 tc rgb '#777777' font ',11'\n";
  }
  // One annotation per distinct ratio (labels sharing it are listed together), placed from the
  // lowest up, at least 6 % of the panel apart so that none overlaps another.
  std::vector<std::pair<double, std::string>> placed;
  for (const auto& [key, labels] : notes) {
    std::string names;
    for (const auto& label : labels) names += (names.empty() ? "" : ", ") + label;
    placed.emplace_back(note_value[key], names + ": " + key + "×");
  }
  std::sort(placed.begin(), placed.end());
  double previous = -1.0;
  int label = 10;
  for (const auto& [value, note] : placed) {
    const double at = std::max(value / y_hi + 0.035, previous + 0.06);
    previous = at;
    const std::string colour = notes[example::fixed(value, 1)].size() == 1 ? c.styles.colour(notes[example::fixed(value, 1)][0]) : "#333333";
    gp << "set label " << label++ << " " << example::text("{/:Bold " + note + "}") << " at graph 0.985, graph "
       << example::fixed(at, 4) << " right tc rgb '" << colour << "' font ',14'\n";
  }
  gp << "set arrow 10 from graph 0, first 1 to graph 1, first 1 nohead dt 2 lw 1.4 lc rgb '"
     << (base != stats.end() ? c.styles.colour(c.baseline) : std::string("#888888")) << "'\n"
     << "set arrow 11 from graph 0, first 2 to graph 1, first 2 nohead dt 3 lw 1.4 lc rgb '#AAAAAA'\n"
     << "set arrow 12 from graph 0, first 2.5 to graph 1, first 2.5 nohead dt 3 lw 1.4 lc rgb '#AAAAAA'\n";
  if (base == stats.end()) {
    gp << "set label 20 " << example::text("no " + c.baseline + " runs: no ratio") << " at graph 0.5, graph 0.5 center tc rgb '#777777'\n"
       << "plot NaN notitle\n";
  } else {
    fig.plot(ratios);
  }
  fig.finish(o.render);
}

// ---------------------------------------------------------------------------------------------
// Figure 3 — MLA's down_dim_kv dial
// ---------------------------------------------------------------------------------------------

struct reference {
  std::string type;
  double loss = nan;
  double cache = nan;
  double crossover = nan;        // the largest dial whose mean cache is at most the reference, just before a crossing
  double crossing = nan;         // where the mean-cache curve meets the reference, linearly interpolated
  std::string crossing_status = "no reference";  // crosses / below at every tested value / above at every tested value
};

/// Where the per-dial mean cache (keys ascending) crosses a reference cache: the last pair of
/// consecutive valid settings on opposite sides of it (≤ on one side, > on the other).
void find_crossing(reference& ref, const Eigen::ArrayXd& keys, const Eigen::ArrayXd& mean) {
  if (std::isnan(ref.cache)) return;
  Eigen::Index previous = -1, below = 0, valid = 0;
  for (Eigen::Index g = 0; g < mean.size(); ++g) {
    if (std::isnan(mean(g))) continue;
    ++valid;
    if (mean(g) <= ref.cache) ++below;
    if (previous >= 0 && ((mean(previous) <= ref.cache) != (mean(g) <= ref.cache))) {
      ref.crossover = mean(previous) <= ref.cache ? keys(previous) : keys(g);
      ref.crossing = keys(previous) + (ref.cache - mean(previous)) / (mean(g) - mean(previous)) * (keys(g) - keys(previous));
    }
    previous = g;
  }
  if (valid == 0) ref.crossing_status = "no dial settings";
  else if (!std::isnan(ref.crossover)) ref.crossing_status = "crosses";
  else ref.crossing_status = below == valid ? "below at every tested value" : "above at every tested value";
}

void figure_mla_dial(const columns& c, const options& o) {
  const mask dense = c.keep && !c.moe;
  const mask mla = dense && tradeoff::equals(c.type, o.dial_type) && finite(c.dial);
  report_skipped("figure 3", dense && tradeoff::equals(c.type, o.dial_type), mla, o.dial);
  const auto dials = tradeoff::group_by(c.dial, mla);
  const auto loss = tradeoff::summarize(dials, c.loss, {});
  const auto cache = tradeoff::summarize(dials, c.cache, {});
  const auto types = tradeoff::group_by(c.type, dense);
  const Eigen::ArrayXd loss_median = tradeoff::median(types, c.loss);
  const Eigen::ArrayXd cache_median = tradeoff::median(types, c.cache);

  std::vector<reference> references = {{c.baseline}};
  if (c.baseline != "GQA") references.push_back({"GQA"});
  for (auto& ref : references) {
    for (std::size_t g = 0; g < types.keys().size(); ++g) {
      if (types.keys()[g] == ref.type) {
        ref.loss = loss_median(static_cast<Eigen::Index>(g));
        ref.cache = cache_median(static_cast<Eigen::Index>(g));
      }
    }
    find_crossing(ref, dials.keys(), cache.mean);
  }
  // The dial with the smallest mean loss, its bootstrap interval, and the settings not
  // significantly worse (Holm-corrected one-sided Mann–Whitney tests): tradeoff::tied_for_best.
  tradeoff::tied_for_best_options tie_options;
  tie_options.statistic = tradeoff::statistic::mean();
  const tradeoff::best_groups best = tradeoff::tied_for_best(dials, c.loss, tradeoff::sense::minimize, tie_options);

  example::csv_table table({"down_dim_kv", "n", "val_loss_mean", "val_loss_min", "val_loss_max", "cache_mean",
                            "cache_min", "cache_max"});
  example::csv_table uncertainty({"down_dim_kv", "n", "val_loss_mean", "ci_low", "ci_high", "p_value_vs_best",
                                  "tied_for_best"});
  for (Eigen::Index g = 0; g < dials.keys().size(); ++g) {
    table.add({example::cell(dials.keys()(g)), example::cell(static_cast<double>(loss.count(g))),
               example::cell(loss.mean(g)), example::cell(loss.min(g)), example::cell(loss.max(g)),
               example::cell(cache.mean(g)), example::cell(cache.min(g)), example::cell(cache.max(g))});
    uncertainty.add({example::cell(dials.keys()(g)), example::cell(static_cast<double>(loss.count(g))),
                     example::cell(best.intervals.estimate(g)), example::cell(best.intervals.low(g)),
                     example::cell(best.intervals.high(g)), example::cell(best.p_value(g)),
                     example::cell(static_cast<bool>(best.is_tied(g)))});
  }
  table.save(o.out / "mla_dial.csv");
  uncertainty.save(o.out / "mla_dial_uncertainty.csv");

  const double best_dial = best.best < 0 ? nan : dials.keys()(best.best);
  example::csv_table summary({"key", "value"});
  summary.add({"best_down_dim_kv", example::cell(best_dial)});
  for (const auto& ref : references) summary.add({"crossover_" + ref.type, example::cell(ref.crossover)});
  for (const auto& ref : references) summary.add({"crossing_" + ref.type, ref.crossing_status});
  for (const auto& ref : references) summary.add({"ref_" + ref.type + "_loss_median", example::cell(ref.loss)});
  for (const auto& ref : references) summary.add({"ref_" + ref.type + "_cache_median", example::cell(ref.cache)});
  summary.save(o.out / "mla_dial_summary.csv");

  std::string tied_list;
  for (Eigen::Index i = 0; i < best.tied.size(); ++i) {
    tied_list += (i ? ", " : "") + example::cell(dials.keys()(best.tied(i)));
  }
  std::cout << o.dial_type << " " << o.dial << " dial (" << dials.keys().size() << " settings, dense runs):\n";
  if (best.best >= 0) {
    const Eigen::Index b = best.best;
    std::cout << "  lowest mean loss: " << o.dial << " = " << example::cell(best_dial) << ", " << example::fixed(loss.mean(b), 4)
              << " [" << example::fixed(best.intervals.low(b), 4) << ", " << example::fixed(best.intervals.high(b), 4)
              << "] (95 % BCa, n = " << loss.count(b) << "); "
              << (best.tied.size() > 1 ? "tied for best (not separated at 5 %, Holm): " + tied_list : std::string("separated from every other setting"))
              << "\n";
  }
  for (const auto& ref : references) {
    std::cout << "  crossover with " << ref.type << ": ";
    if (std::isnan(ref.crossover)) std::cout << "none (" << o.dial_type << " mean cache " << ref.crossing_status << ")";
    else std::cout << o.dial << " = " << example::cell(ref.crossover) << " (curves meet at " << example::fixed(ref.crossing, 1) << ")";
    std::cout << " (" << ref.type << " median cache " << example::fixed(ref.cache, 3) << " MB, loss " << example::fixed(ref.loss, 4) << ")\n";
  }
  if (dials.keys().size() == 0) {
    std::cout << "  no dense " << o.dial_type << " runs with a " << o.dial << ": figure 3 skipped\n";
    return;
  }

  example::figure fig(o.out, "insight_3_mla_dial", 2200, 950);
  std::ostream& gp = fig.script();
  const std::string mla_colour = c.styles.colour(o.dial_type);
  const std::string file = fig.data("dial", {"down_dim_kv", "n", "loss_mean", "loss_min", "loss_max", "cache_mean",
                                             "cache_min", "cache_max", "loss_ci_low", "loss_ci_high"},
                                    {dials.keys(), loss.count.cast<double>(), loss.mean, loss.min, loss.max,
                                     cache.mean, cache.min, cache.max, best.intervals.low, best.intervals.high});
  const double x_lo = dials.keys()(0) * 0.8;
  const double x_hi = dials.keys()(dials.keys().size() - 1) * 1.2;
  gp << "set multiplot layout 1,2 title "
     << example::text("{/:Bold=17 " + o.dial_type + "’s tuning dial: " + o.dial + " sets the quality / KV-cache trade-off}\n"
                      "{/=13 the other types have no such knob: their cache is fixed by dim and kv_heads (dense runs)}")
     << " margins 0.06, 0.985, 0.10, 0.83 spacing 0.07\n"
     << "set border 3 lc rgb '#444444'\nset tics nomirror\n"
     << "set grid lt 1 lw 0.6 lc rgb '#DDDDDD' dt 2\n"
     << "set xrange [" << example::cell(x_lo) << ":" << example::cell(x_hi) << "]\n"
     << "set xlabel " << example::text(o.dial + " (" + o.dial_type + " latent KV dimension)") << "\n"
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
      const std::string colour = c.styles.colour(ref.type);
      const std::string name = "REF_" + c.styles.stem(ref.type);
      gp << name << " = " << example::cell(value) << "\n";
      plots.push_back("[" + example::cell(x_lo) + ":" + example::cell(x_hi) + "] '+' using 1:(" + name + "*" +
                      example::cell(1 - band) + "):(" + name + "*" + example::cell(1 + band) +
                      ") with filledcurves fs transparent solid 0.10 noborder lc rgb '" + colour + "' notitle");
      plots.push_back(name + " with lines dt 2 lw 2.2 lc rgb '" + colour + "' title " +
                      example::text(ref.type + " median (±" + example::fixed(band * 100, 0) + " %)"));
    }
    plots.push_back(file + " using 1:" + std::to_string(min_col) + ":" + std::to_string(max_col) +
                    " with filledcurves fs transparent solid 0.20 noborder lc rgb '" + mla_colour +
                    "' title " + example::text(o.dial_type + " (min–max range)"));
    plots.push_back(file + " using 1:" + std::to_string(mean_col) + " with linespoints lw 3 pt 7 ps 1.5 lc rgb '" +
                    mla_colour + "' title " + example::text(o.dial_type + " (mean)"));
    return plots;
  };

  std::vector<std::string> left = panel("{/:Bold Quality vs " + o.dial + "}\n(mean over dense " + o.dial_type +
                                            " runs, bars: 95 % bootstrap interval; band: min–max)",
                                        "Validation loss (NLL)  ← lower is better", "top right", 3, 4, 5, 0.03, true);
  left.push_back(file + " using 1:3:9:10 with yerrorbars pt -1 lw 1.6 lc rgb '#333333' title '95 % CI of the mean'");
  gp << "set samples 2\n";
  if (best.best >= 0) {
    const Eigen::Index b = best.best;
    Eigen::ArrayXd tied_x(best.tied.size()), tied_y(best.tied.size());
    for (Eigen::Index i = 0; i < best.tied.size(); ++i) {
      tied_x(i) = dials.keys()(best.tied(i));
      tied_y(i) = loss.mean(best.tied(i));
    }
    const std::string best_file = fig.data("best", {"down_dim_kv", "loss_mean"}, {tied_x, tied_y});
    left.push_back(best_file + " using 1:2 with points pt 6 ps 3.4 lw 2 lc rgb '#000000' title " +
                   example::text(best.tied.size() > 1 ? "tied for best" : "best"));
    const std::string interval = "[" + example::fixed(best.intervals.low(b), 3) + ", " + example::fixed(best.intervals.high(b), 3) + "]";
    const std::string text =
        best.tied.size() > 1
            ? "tied for best (not separated at 5 %):\n" + o.dial + " = " + tied_list + "\nlowest mean: " + example::cell(best_dial) +
                  ", " + example::fixed(loss.mean(b), 3) + " " + interval
            : "best: " + o.dial + " = " + example::cell(best_dial) + "\nloss = " + example::fixed(loss.mean(b), 3) + " " + interval;
    gp << "set style textbox opaque border lc rgb '#AAAAAA'\n"
       << "set label 1 " << example::text(text) << " at graph 0.03, graph " << (best.tied.size() > 1 ? "0.15" : "0.11")
       << " left boxed tc rgb '" << mla_colour << "'\n";
  }
  fig.plot(left);

  gp << "unset label\nunset arrow\nset yrange [0:*]\nset offsets 0, 0, graph 0.10, 0\n";
  std::vector<std::string> right = panel("{/:Bold KV cache vs " + o.dial + "}\n(linear in the dial: easy to predict at any scale)",
                                         "KV cache (MB) per sequence", "top left", 6, 7, 8, 0.15, false);
  int label = 1;
  double note_y = 0.62;
  for (const auto& ref : references) {
    if (std::isnan(ref.cache)) continue;
    const std::string colour = c.styles.colour(ref.type);
    if (std::isnan(ref.crossing)) {
      gp << "set label " << label << " " << example::text(o.dial_type + " mean cache " + ref.crossing_status.substr(0, 5) + " the " + ref.type +
                                                          " median\n" + ref.crossing_status.substr(6))
         << " at graph 0.97, graph " << example::fixed(note_y, 2) << " right boxed tc rgb '" << colour << "' font ',11'\n";
    } else {
      gp << "set arrow " << label << " from first " << example::cell(ref.crossing) << ", graph 0 to first "
         << example::cell(ref.crossing) << ", graph 1 nohead dt 3 lw 1.6 lc rgb '" << colour << "'\n"
         << "set label " << label << " " << example::text(o.dial_type + " = " + ref.type + " cache\nat " + o.dial + " ≈ " + example::fixed(ref.crossing, 0))
         << " at first " << example::cell(ref.crossing) << ", graph " << example::fixed(note_y, 2) << " right offset -0.8,0 boxed tc rgb '"
         << colour << "' font ',11'\n";
    }
    note_y -= 0.14;
    ++label;
  }
  gp << "set style textbox opaque border lc rgb '#AAAAAA'\n";
  fig.plot(right);
  fig.finish(o.render);
}

int run(const options& o) {
  const tradeoff::table data = example::load_table(o.csv, o.format);
  std::cout << "Loaded " << data.rows() << " runs from " << o.csv << "\n";
  std::filesystem::create_directories(o.out);
  const columns c = load(data, o);
  if (!c.baseline.empty()) std::cout << "Labels (" << o.type << "), baseline " << c.baseline << ":";
  for (const auto& label : c.styles.labels()) std::cout << " " << label;
  std::cout << "\n";

  auto missing = [&](const char* figure, const std::string& column, const char* flag) {
    std::cout << figure << " skipped: no column '" << column << "' in " << o.csv << " (name it with " << flag
              << ")\n";
  };
  // A figure that fails is reported and the others are still drawn.
  int failures = 0;
  auto draw = [&](const char* figure, auto&& function) {
    try {
      function(c, o);
    } catch (const std::exception& error) {
      std::cerr << "insights: " << figure << " not drawn: " << error.what() << "\n";
      ++failures;
    }
  };
  if (!c.has_front) {
    missing("figure 1 (Pareto front)", data.has_column(o.front[0].column) ? o.front[1].column : o.front[0].column,
            "--front, --cache-col or --loss-col");
  } else {
    draw("figure 1", figure_pareto);
  }
  if (!c.has_tps) missing("figure 2 (serving throughput)", o.tps, "--tps-col");
  else if (!c.has_cache) missing("figure 2 (serving throughput)", o.cache, "--cache-col");
  else draw("figure 2", figure_serving);
  if (!c.has_loss) missing("figure 3 (dial)", o.loss, "--loss-col");
  else if (!c.has_dial) missing("figure 3 (dial)", o.dial, "--dial-col");
  else if (!c.has_cache) missing("figure 3 (dial)", o.cache, "--cache-col");
  else draw("figure 3", figure_mla_dial);
  std::cout << "Tables and figures in " << o.out.string() << "\n";
  return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  return example::run_program("insights", usage, argc, argv, parse_arguments, run,
                              example::on_error::message_and_help_hint);
}
