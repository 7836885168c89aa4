// Checks the files the example programs write; used by examples/tests.cmake.
// Deliberately independent of the library (its own CSV splitting, its own brute-force
// dominance test), so a library bug cannot hide in the checker.
//
//   check_outputs compare EXPECTED.csv ACTUAL.csv   same header, same rows; numbers equal to a
//                                                   relative 1e-12, text and empty cells exact
//   check_outputs rows FILE.csv N                   exactly N data rows
//   check_outputs curve FILE.csv N_BUDGETS          serving_curve.csv: N_BUDGETS rising budgets
//                                                   from 500 to 80000 per type, band around total
//   check_outputs goodput FILE.csv                  serving_goodput.csv: per type, targets rising,
//                                                   goodput = batch / step and never falling as
//                                                   the target loosens, loaded <= decode only,
//                                                   the origin's ratio one constant
//   check_outputs front pareto.csv [X Y SX SY]      on_front_* flags equal a brute-force front of
//                                                   columns X, Y (default theoretical_cache_mb,
//                                                   val_loss), SX / SY min or max (default min)
//   check_outputs png FILE.png [WIDTH HEIGHT]       PNG signature and IHDR size
//   check_outputs absent FILE                       FILE does not exist
//   check_outputs contains FILE TEXT                FILE holds TEXT exactly once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  [[nodiscard]] std::size_t column(const std::string& name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw std::runtime_error("no column " + name);
    return static_cast<std::size_t>(it - header.begin());
  }
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::string current;
  bool in_quotes = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        current += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        current += c;
      }
    } else if (c == '"') {
      in_quotes = true;
    } else if (c == ',') {
      cells.push_back(current);
      current.clear();
    } else if (c != '\r') {
      current += c;
    }
  }
  cells.push_back(current);
  return cells;
}

csv load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  csv table;
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error(path + " is empty");
  table.header = split(line);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    table.rows.push_back(split(line));
    if (table.rows.back().size() != table.header.size()) {
      throw std::runtime_error(path + ": row " + std::to_string(table.rows.size()) + " has " +
                               std::to_string(table.rows.back().size()) + " cells");
    }
  }
  return table;
}

bool parse(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

double number(const std::string& text) {
  double value = NAN;
  return parse(text, value) ? value : NAN;
}

bool same_cell(const std::string& expected, const std::string& actual) {
  double e = 0.0;
  double a = 0.0;
  if (parse(expected, e) && parse(actual, a)) {
    if (e == a) return true;
    return std::fabs(e - a) <= 1e-12 * std::max(std::fabs(e), std::fabs(a));
  }
  return expected == actual;
}

int compare(const std::string& expected_path, const std::string& actual_path) {
  const csv expected = load(expected_path);
  const csv actual = load(actual_path);
  int failures = 0;
  if (expected.header != actual.header) {
    std::cerr << actual_path << ": header differs from " << expected_path << "\n";
    return 1;
  }
  if (expected.rows.size() != actual.rows.size()) {
    std::cerr << actual_path << ": " << actual.rows.size() << " rows, expected "
              << expected.rows.size() << "\n";
    return 1;
  }
  for (std::size_t r = 0; r < expected.rows.size(); ++r) {
    for (std::size_t c = 0; c < expected.header.size(); ++c) {
      if (!same_cell(expected.rows[r][c], actual.rows[r][c])) {
        std::cerr << actual_path << ": row " << r << " column " << expected.header[c] << ": '"
                  << actual.rows[r][c] << "', expected '" << expected.rows[r][c] << "'\n";
        ++failures;
      }
    }
  }
  if (failures == 0) std::cout << actual_path << " matches " << expected_path << "\n";
  return failures == 0 ? 0 : 1;
}

int rows(const std::string& path, long expected) {
  const csv table = load(path);
  if (static_cast<long>(table.rows.size()) != expected) {
    std::cerr << path << ": " << table.rows.size() << " rows, expected " << expected << "\n";
    return 1;
  }
  std::cout << path << ": " << expected << " rows\n";
  return 0;
}

int curve(const std::string& path, long budgets) {
  const csv table = load(path);
  const std::size_t budget = table.column("budget_mb");
  const std::size_t type = table.column("type");
  const std::size_t total = table.column("total_tps");
  const std::size_t lo = table.column("total_tps_lo");
  const std::size_t hi = table.column("total_tps_hi");
  std::map<std::string, std::vector<const std::vector<std::string>*>> by_type;
  for (const auto& row : table.rows) by_type[row[type]].push_back(&row);
  int failures = 0;
  for (const auto& [name, series] : by_type) {
    if (static_cast<long>(series.size()) != budgets) {
      std::cerr << path << ": " << name << " has " << series.size() << " budgets\n";
      ++failures;
      continue;
    }
    const double first = number((*series.front())[budget]);
    const double last = number((*series.back())[budget]);
    if (std::fabs(first - 500.0) > 1e-9 || std::fabs(last - 80000.0) > 1e-7) {
      std::cerr << path << ": " << name << " budgets run " << first << " .. " << last << "\n";
      ++failures;
    }
    for (std::size_t i = 0; i < series.size(); ++i) {
      const auto& row = *series[i];
      const double t = number(row[total]);
      if (i > 0 && !(number(row[budget]) > number((*series[i - 1])[budget]))) {
        std::cerr << path << ": " << name << " budgets not rising at " << i << "\n";
        ++failures;
      }
      if (!(number(row[lo]) <= t && t <= number(row[hi]))) {
        std::cerr << path << ": " << name << " total outside its band at " << i << "\n";
        ++failures;
      }
    }
  }
  if (failures == 0) std::cout << path << ": " << by_type.size() << " types x " << budgets << "\n";
  return failures == 0 ? 0 : 1;
}

int goodput(const std::string& path) {
  const csv table = load(path);
  const std::size_t target = table.column("tpot_ms");
  const std::size_t type = table.column("type");
  const std::size_t batch = table.column("batch");
  const std::size_t step = table.column("step_ms");
  const std::size_t tps = table.column("goodput_tps");
  const std::size_t loaded = table.column("loaded_goodput_tps");
  const std::size_t origin = table.column("origin_ratio_vs_mha");
  std::map<std::string, std::vector<const std::vector<std::string>*>> by_type;
  for (const auto& row : table.rows) by_type[row[type]].push_back(&row);
  int failures = 0;
  for (const auto& [name, series] : by_type) {
    for (std::size_t i = 0; i < series.size(); ++i) {
      const auto& row = *series[i];
      const double b = number(row[batch]);
      const double g = number(row[tps]);
      if (b > 0 && std::fabs(g - b / (number(row[step]) / 1000.0)) > 1e-9 * g) {
        std::cerr << path << ": " << name << " goodput is not batch / step at " << i << "\n";
        ++failures;
      }
      if (b > 0 && !(number(row[step]) <= number(row[target]) * (1 + 1e-12))) {
        std::cerr << path << ": " << name << " step exceeds the target at " << i << "\n";
        ++failures;
      }
      if (b == 0 && g != 0.0) {
        std::cerr << path << ": " << name << " batch 0 with goodput at " << i << "\n";
        ++failures;
      }
      if (!(number(row[loaded]) <= g)) {
        std::cerr << path << ": " << name << " chunked-prefill goodput above decode-only at " << i << "\n";
        ++failures;
      }
      if (row[origin] != (*series.front())[origin]) {
        std::cerr << path << ": " << name << " origin ratio not constant at " << i << "\n";
        ++failures;
      }
      if (i > 0) {
        const auto& previous = *series[i - 1];
        if (!(number(row[target]) > number(previous[target])) || !(g >= number(previous[tps]))) {
          std::cerr << path << ": " << name << " target not rising or goodput falling at " << i << "\n";
          ++failures;
        }
      }
    }
  }
  if (failures == 0) std::cout << path << ": " << by_type.size() << " types, goodput consistent\n";
  return failures == 0 ? 0 : 1;
}

// A dominates B: no worse in both (minimise), strictly better in one.
bool dominates(double ax, double ay, double bx, double by) {
  return ax <= bx && ay <= by && (ax < bx || ay < by);
}

int front(const std::string& path, const std::string& x_name, const std::string& y_name, double sign_x, double sign_y) {
  const csv table = load(path);
  const std::size_t x = table.column(x_name);
  const std::size_t y = table.column(y_name);
  const std::size_t moe = table.column("moe");
  const std::size_t dense_flag = table.column("on_front_dense");
  const std::size_t all_flag = table.column("on_front_all");
  int failures = 0;
  long dense_count = 0;
  long all_count = 0;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const auto& a = table.rows[i];
    const bool a_dense = a[moe] == "0";
    bool dominated_dense = !a_dense;
    bool dominated_all = false;
    for (const auto& b : table.rows) {
      if (!dominates(sign_x * number(b[x]), sign_y * number(b[y]), sign_x * number(a[x]), sign_y * number(a[y]))) continue;
      dominated_all = true;
      if (b[moe] == "0") dominated_dense = true;
    }
    const std::string want_dense = dominated_dense ? "0" : "1";
    const std::string want_all = dominated_all ? "0" : "1";
    dense_count += want_dense == "1";
    all_count += want_all == "1";
    if (a[dense_flag] != want_dense || a[all_flag] != want_all) {
      std::cerr << path << ": row " << i << " flags " << a[dense_flag] << "/" << a[all_flag]
                << ", brute force says " << want_dense << "/" << want_all << "\n";
      ++failures;
    }
  }
  if (failures == 0) {
    std::cout << path << ": fronts agree with brute force (" << dense_count << " dense, "
              << all_count << " all)\n";
  }
  return failures == 0 ? 0 : 1;
}

int contains(const std::string& path, const std::string& text) {
  std::ifstream in(path, std::ios::binary);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto first = content.find(text);
  const bool once = first != std::string::npos && content.find(text, first + 1) == std::string::npos;
  if (!once) std::cerr << path << ": '" << text << "' " << (first == std::string::npos ? "not found" : "found twice") << "\n";
  else std::cout << path << ": holds '" << text << "' once\n";
  return once ? 0 : 1;
}

int png(const std::string& path, long want_width, long want_height) {
  std::ifstream in(path, std::ios::binary);
  std::array<unsigned char, 24> head{};
  if (!in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()))) {
    std::cerr << path << ": missing or shorter than a PNG header\n";
    return 1;
  }
  const std::array<unsigned char, 8> signature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (!std::equal(signature.begin(), signature.end(), head.begin()) ||
      std::string(head.begin() + 12, head.begin() + 16) != "IHDR") {
    std::cerr << path << ": not a PNG (signature or IHDR missing)\n";
    return 1;
  }
  auto be32 = [&](std::size_t at) {
    return (static_cast<long>(head[at]) << 24) | (static_cast<long>(head[at + 1]) << 16) |
           (static_cast<long>(head[at + 2]) << 8) | static_cast<long>(head[at + 3]);
  };
  const long width = be32(16);
  const long height = be32(20);
  const auto bytes = std::filesystem::file_size(path);
  if (width <= 0 || height <= 0 || (want_width > 0 && (width != want_width || height != want_height))) {
    std::cerr << path << ": " << width << "x" << height << " pixels\n";
    return 1;
  }
  if (bytes < 10000) {
    std::cerr << path << ": only " << bytes << " bytes, too small for a drawn figure\n";
    return 1;
  }
  std::cout << path << ": PNG " << width << "x" << height << ", " << bytes << " bytes\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 3 && args[0] == "compare") return compare(args[1], args[2]);
    if (args.size() == 3 && args[0] == "rows") return rows(args[1], std::stol(args[2]));
    if (args.size() == 3 && args[0] == "curve") return curve(args[1], std::stol(args[2]));
    if (args.size() == 2 && args[0] == "front") return front(args[1], "theoretical_cache_mb", "val_loss", 1.0, 1.0);
    if (args.size() == 6 && args[0] == "front") {
      return front(args[1], args[2], args[3], args[4] == "max" ? -1.0 : 1.0, args[5] == "max" ? -1.0 : 1.0);
    }
    if (args.size() == 3 && args[0] == "contains") return contains(args[1], args[2]);
    if (args.size() == 2 && args[0] == "goodput") return goodput(args[1]);
    if (args.size() == 2 && args[0] == "png") return png(args[1], 0, 0);
    if (args.size() == 4 && args[0] == "png") {
      return png(args[1], std::stol(args[2]), std::stol(args[3]));
    }
    if (args.size() == 2 && args[0] == "absent") {
      if (!std::filesystem::exists(args[1])) return 0;
      std::cerr << args[1] << " exists\n";
      return 1;
    }
  } catch (const std::exception& error) {
    std::cerr << "check_outputs: " << error.what() << "\n";
    return 1;
  }
  std::cerr << "usage: check_outputs compare|rows|curve|goodput|front|png|absent ...\n";
  return 2;
}
