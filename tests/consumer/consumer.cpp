// A consumer of the installed / embedded tradeoff package: the umbrella header, a CSV read
// from memory, a Pareto front and a grouped median, checked against known answers.
#include <tradeoff/tradeoff.hpp>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <sstream>

#if defined(TRADEOFF_EXPECT_RELOCATED_FCCP) && !defined(TRADEOFF_TEST_RELOCATED_FCCP)
#error "tradeoff/csv.hpp did not include the relocated copy of fast-cpp-csv-parser"
#endif

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
  const bool ok = front.size() == 2 && front(0) == 1 && front(1) == 2 && std::abs(median_loss(1) - 2.1) < 1e-12;
  // The version macros and string agree with the build system's version (tradeoff_VERSION).
  char macros[32];
  std::snprintf(macros, sizeof macros, "%d.%d.%d", TRADEOFF_VERSION_MAJOR, TRADEOFF_VERSION_MINOR,
                TRADEOFF_VERSION_PATCH);
  const bool version_ok = std::strcmp(macros, TRADEOFF_EXPECTED_VERSION) == 0 &&
                          std::strcmp(tradeoff::version_string, TRADEOFF_EXPECTED_VERSION) == 0;
  if (!version_ok) std::printf("version mismatch: macros %s, string %s, build system %s\n", macros,
                               tradeoff::version_string, TRADEOFF_EXPECTED_VERSION);
  return ok && version_ok ? 0 : 1;
}
