// The README's quick start, compiled so that it cannot go stale.
#include <tradeoff/csv.hpp>
#include <tradeoff/group.hpp>
#include <tradeoff/pareto.hpp>

#include <exception>
#include <iostream>

int main(int argc, char** argv) try {  // a bad file or a missing column: a message and exit status 1
  const tradeoff::table runs = tradeoff::read_csv(argc > 1 ? argv[1] : TRADEOFF_DEFAULT_DATA);
  const Eigen::ArrayXd cache = runs.numeric("theoretical_cache_mb"), loss = runs.numeric("val_loss");
  const std::vector<std::string> run = runs.strings("run"), type = runs.strings("type");

  for (const int row : tradeoff::pareto_front(cache, loss))  // not beaten on both cache and loss
    std::cout << run[row] << ": " << cache(row) << " MB, loss " << loss(row) << "\n";

  const auto by_type = tradeoff::group_by(type);  // per attention type, NaN losses skipped
  const Eigen::ArrayXd median_loss = tradeoff::median(by_type, loss);
  for (Eigen::Index g = 0; g < median_loss.size(); ++g)
    std::cout << by_type.keys()[g] << " median loss " << median_loss(g) << "\n";
} catch (const std::exception& error) {
  std::cerr << "quick_start: " << error.what() << "\n";
  return 1;
}
