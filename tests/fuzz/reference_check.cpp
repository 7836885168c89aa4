// Reads cases from stdin and prints what numpy_reference.hpp computes, for
// tests/fuzz/reference_check.py to compare with numpy and pandas themselves.
// A case is one line: <method 0..12> <q> <n> <v1> ... <vn>, numbers as C hex floats.
// The output line: <quantile> <median> <mean> <min> <max> <sum> <var> <std>, as %a.
#include "numpy_reference.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main() {
  namespace ref = tradeoff_fuzz::reference;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    int method = 0;
    std::string q_text;
    std::size_t n = 0;
    in >> method >> q_text >> n;
    std::vector<double> values(n);
    for (auto& v : values) {
      std::string text;
      in >> text;
      v = std::strtod(text.c_str(), nullptr);
    }
    const double q = std::strtod(q_text.c_str(), nullptr);
    const auto sorted = ref::sorted_valid(values);
    long count = 0;
    const double var = ref::welford_var(values);
    std::printf("%a %a %a %a %a %a %a %a\n", ref::quantile_sorted(sorted, q, static_cast<ref::method>(method)),
                ref::median_sorted(sorted), ref::kahan_mean(values), ref::group_min(values), ref::group_max(values),
                ref::kahan_sum(values, count), var, std::sqrt(var));
  }
}
