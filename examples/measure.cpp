// "The measure" of issue 16: a pandas analysis (examples/measure.py, its twin) against tradeoff.
// Filter runs, median / Q1 / Q3 / IQR per (type, num_blocks), the best run per type, the exact
// 2-D front of the subset, describe() of two columns per type. Prints two Markdown tables and
// writes <out>/best.csv and <out>/front.json; examples/tests.cmake checks all three against
// the twin's output byte for byte (examples/data/expected/measure/).
//   measure [benchmark_results.csv] [out_dir]
#include <tradeoff/csv.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/idxmin.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/result_table.hpp>
#include <tradeoff/row_mask.hpp>

#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) try {  // a bad file or a missing column: a message and exit status 1
  const std::string path = argc > 1 ? argv[1] : TRADEOFF_DEFAULT_DATA;
  const std::string out = argc > 2 ? argv[2] : ".";
  // --- the analysis: 14 lines against pandas' 13 (examples/measure.py) ---
  const auto df = tradeoff::read_csv(path);
  const Eigen::ArrayXd loss = df.numeric("val_loss"), cache = df.numeric("theoretical_cache_mb");
  const tradeoff::row_mask d = !df.booleans("moe") && !tradeoff::equals(df.strings("type"), "MHA");
  const auto g = tradeoff::group_by({{"type", df.strings("type")}, {"num_blocks", df.numeric("num_blocks"), tradeoff::key_kind::integer}}, d);
  const Eigen::ArrayXXd q = tradeoff::pandas_groupby_quantiles(g, loss, {.25, .75});
  tradeoff::write_markdown(tradeoff::key_columns(g).add("n", tradeoff::count(g, loss)).add("median", tradeoff::median(g, loss))
                               .add("Q1", q.col(0)).add("Q3", q.col(1)).add("IQR", q.col(1) - q.col(0)), std::cout);
  const tradeoff::result_table runs({{"run", df.strings("run")}, {"type", df.strings("type")}, {"theoretical_cache_mb", cache}, {"val_loss", loss}});
  const auto by_type = tradeoff::group_by(df.strings("type"), d);
  tradeoff::write_csv(runs.take(tradeoff::idxmin(by_type, loss)).select({"run", "type", "val_loss"}), out + "/best.csv");
  const Eigen::ArrayXi front = tradeoff::pareto_front(cache, loss, d);  // the exact 2-D front
  tradeoff::write_json(runs.take(front).select({"run", "theoretical_cache_mb", "val_loss"}), out + "/front.json");
  tradeoff::write_markdown(tradeoff::describe_table(by_type, {{"val_loss", tradeoff::describe(by_type, loss)},
                                                              {"tps_512", tradeoff::describe(by_type, df.numeric("tps_512"))}}, "type"), std::cout);
  // --- end of the analysis ---
} catch (const std::exception& error) {
  std::cerr << "measure: " << error.what() << "\n";
  return 1;
}
