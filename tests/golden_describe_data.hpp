// Reads tests/data/golden_describe.txt (tests/golden/make_golden_describe.py): shared by
// key_table_test.cpp and idxmin_test.cpp.
#ifndef TRADEOFF_TESTS_GOLDEN_DESCRIBE_DATA_HPP
#define TRADEOFF_TESTS_GOLDEN_DESCRIBE_DATA_HPP

#include <Eigen/Core>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace golden_describe {

inline double number(const std::string& text) { return text == "nan" ? std::nan("") : std::strtod(text.c_str(), nullptr); }

struct data {
  std::vector<std::string> type;
  Eigen::Array<std::int64_t, Eigen::Dynamic, 1> blocks;
  Eigen::Array<bool, Eigen::Dynamic, 1> flag;
  Eigen::ArrayXd f;
  Eigen::ArrayXd v;
  std::vector<std::vector<std::string>> records;  // every non-row line, split at spaces
};

inline data load() {
  std::ifstream in(TRADEOFF_TEST_DATA_DIR "/golden_describe.txt");
  data d;
  std::vector<std::int64_t> blocks;
  std::vector<bool> flag;
  std::vector<double> f;
  std::vector<double> v;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::vector<std::string> parts;
    for (std::string part; fields >> part;) {
      parts.push_back(part);
    }
    if (parts.at(0) == "row") {
      d.type.push_back(parts.at(1));
      blocks.push_back(std::stoll(parts.at(2)));
      flag.push_back(parts.at(3) == "1");
      f.push_back(number(parts.at(4)));
      v.push_back(number(parts.at(5)));
    } else {
      d.records.push_back(parts);
    }
  }
  const auto n = static_cast<Eigen::Index>(v.size());
  d.blocks.resize(n);
  d.flag.resize(n);
  d.f.resize(n);
  d.v.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto j = static_cast<std::size_t>(i);
    d.blocks(i) = blocks[j];
    d.flag(i) = flag[j];
    d.f(i) = f[j];
    d.v(i) = v[j];
  }
  return d;
}

/// Same double, NaN equal to NaN, and the same sign of zero.
inline bool same(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) {
    return std::isnan(a) && std::isnan(b);
  }
  return a == b && std::signbit(a) == std::signbit(b);
}

}  // namespace golden_describe

#endif
