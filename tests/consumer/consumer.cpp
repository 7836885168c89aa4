// A consumer of the installed / embedded tradeoff package: the umbrella header, a CSV read
// from memory, a Pareto front and a grouped median, checked against known answers.
#include <tradeoff/tradeoff.hpp>

#include <cstdio>
#include <sstream>

int main() {
  std::istringstream csv("type,cache,loss\nMHA,4,2.0\nGQA,1,2.5\nMLA,2,1.9\nMHA,4,2.2\n");
  const tradeoff::table runs = tradeoff::read_csv(csv, "consumer.csv");
  const Eigen::ArrayXd cache = runs.numeric("cache");
  const Eigen::ArrayXd loss = runs.numeric("loss");
  const Eigen::ArrayXi front = tradeoff::pareto_front(cache, loss);
  const auto by_type = tradeoff::group_by(runs.strings("type"));
  const Eigen::ArrayXd median_loss = tradeoff::median(by_type, loss);
  std::printf("tradeoff %s: front of %d runs, MHA median loss %.2f\n", tradeoff::version_string,
              static_cast<int>(front.size()), median_loss(1));
  // front: GQA (1, 2.5) and MLA (2, 1.9); groups sorted: GQA, MHA, MLA.
  const bool ok = front.size() == 2 && front(0) == 1 && front(1) == 2 && median_loss(1) == 2.1;
  return ok ? 0 : 1;
}
