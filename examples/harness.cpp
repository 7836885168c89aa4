// harness — how a benchmark harness keeps the quality / KV-cache Pareto front and per-type loss
// statistics up to date while runs finish one by one.
//
// The runs of a CSV (default: the bundled data) are replayed in file order as if each had just
// finished. Every dense run with a loss goes into a tradeoff::pareto_archive keyed by its row;
// the archive says whether the run entered the front and which runs it pushed off. Every
// `checkpoint` runs the harness prints the loss per attention type so far (count, median,
// quartiles, IQR) as a Markdown table, from tradeoff::group_by with a mask of the runs seen — no
// copy of the table. At the end it prints the front and the best run per type (idxmin) and
// checks the archive against pareto_front with a row mask.
//
//   harness [CSV] [--checkpoint N]

#include "plot.hpp"

#include <tradeoff/csv.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/idxmin.hpp>
#include <tradeoff/pareto.hpp>
#include <tradeoff/pareto_archive.hpp>
#include <tradeoff/result_table.hpp>
#include <tradeoff/row_mask.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

void print_statistics(const std::vector<std::string>& type, const Eigen::ArrayXd& loss, const tradeoff::row_mask& seen) {
  const auto by_type = tradeoff::group_by(type, seen);
  const tradeoff::group_summary s = tradeoff::summarize(by_type, loss);  // levels 0.25, 0.75
  tradeoff::write_markdown(tradeoff::key_columns(by_type, "type").add("n", s.count).add("median", s.median)
                               .add("Q1", s.quantile(0.25)).add("Q3", s.quantile(0.75)).add("IQR", s.iqr),
                           std::cout);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::string path = TRADEOFF_DEFAULT_DATA;
    Eigen::Index checkpoint = 72;
    for (int i = 1; i < argc; ++i) {
      const std::string arg = argv[i];
      if (arg == "--checkpoint" && i + 1 < argc) {
        checkpoint = std::stol(argv[++i]);
        if (checkpoint < 1) throw std::invalid_argument("--checkpoint must be at least 1");
      } else if (arg == "--help") {
        std::cout << "usage: harness [CSV] [--checkpoint N]\n";
        return 0;
      } else {
        path = arg;
      }
    }
    const tradeoff::table runs = tradeoff::read_csv(path);
    const std::vector<std::string> run = runs.strings("run");
    const std::vector<std::string> type = runs.strings("type");
    const tradeoff::boolean_column flags = runs.booleans_with_mask("moe");
    const tradeoff::row_mask moe = flags.values || flags.missing;  // a missing flag is not dense (pandas' moe == False)
    const Eigen::ArrayXd cache = runs.numeric("theoretical_cache_mb");
    const Eigen::ArrayXd loss = runs.numeric("val_loss");
    auto name = [&](Eigen::Index row) { return run[static_cast<std::size_t>(row)]; };

    tradeoff::pareto_archive<Eigen::Index> archive(2);  // minimise cache, minimise loss
    tradeoff::row_mask seen = tradeoff::row_mask::Constant(runs.rows(), false);
    std::cout << "Replaying " << runs.rows() << " runs from " << path << "\n";
    for (Eigen::Index row = 0; row < runs.rows(); ++row) {
      seen(row) = true;
      if (!moe(row) && !std::isnan(cache(row)) && !std::isnan(loss(row))) {
        const auto result = archive.insert({cache(row), loss(row)}, row);
        if (result.entered()) {
          std::cout << "  run " << row + 1 << " " << name(row) << " (" << example::fixed(cache(row), 3) << " MB, loss "
                    << example::fixed(loss(row), 4) << ") enters the front";
          if (!result.removed.empty()) {
            std::cout << ", pushing off";
            for (const auto id : result.removed) std::cout << " " << name(id);
          }
          std::cout << "; front size " << archive.size() << "\n";
        }
      }
      if ((row + 1) % checkpoint == 0 || row + 1 == runs.rows()) {
        std::cout << "  after " << row + 1 << " runs, loss by attention type:\n";
        print_statistics(type, loss, seen);
      }
    }

    const std::vector<Eigen::Index> ids = archive.ids();
    const tradeoff::result_table table({{"run", run}, {"type", type}, {"theoretical_cache_mb", cache}, {"val_loss", loss}});
    std::cout << "Final dense front (" << archive.size() << " runs), lowest cache first:\n";
    const Eigen::Map<const Eigen::Array<Eigen::Index, Eigen::Dynamic, 1>> front(ids.data(), static_cast<Eigen::Index>(ids.size()));
    tradeoff::write_markdown(table.take(front), std::cout);
    std::cout << "Best dense run per type:\n";
    tradeoff::write_markdown(table.take(tradeoff::idxmin(tradeoff::group_by(type, !moe), loss)), std::cout);

    // The archive after the stream equals the front of the whole table computed in one call.
    const Eigen::ArrayXi batch_front = tradeoff::pareto_front(cache, loss, !moe);
    const bool same = std::equal(ids.begin(), ids.end(), batch_front.begin(), batch_front.end(),
                                 [](Eigen::Index a, int b) { return a == b; });
    std::cout << "Same as pareto_front over all dense runs at once: " << (same ? "yes" : "NO") << "\n";
    return same ? 0 : 1;
  } catch (const std::exception& error) {
    std::cerr << "harness: " << error.what() << "\n";
    return 1;
  }
}
