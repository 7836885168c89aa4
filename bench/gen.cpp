/// @file
/// @brief Writes every benchmark input once, with fixed seeds, as .npy (and one CSV) files.
///
/// Usage: bench_gen <directory> <spec>...
///   front2d:<dist>:<n>       dist = uniform | anti1e-2 | anti1e-4 | line  →  front2d_<dist>_<n>.npy (n × 2)
///   frontnd:<dist>:<d>:<n>   dist = uniform | sphere                       →  frontnd_<dist>_<d>d_<n>.npy (n × d)
///   group:<n>:<k>            →  group_<n>_<k>.{codes (int32), ikeys (int64), values (float64)}.npy, names.txt
///   quantile:<n>             →  quantile_<n>.npy
///   frontprob:<k>:<r>        →  frontprob_<k>_<r>.npy (k configurations × r seeds; columns config, x, y)
///   csv:<n>                  →  bench_<n>.csv in the 23-column schema of shared/FACTS.md
///   jsonl:<n>                →  bench_<n>.jsonl: the same rows as JSON Lines, partly nested
/// Each spec's seed is a hash of the spec text, so an input never depends on which others are made.
/// Random numbers come from std::mt19937_64 (fully specified by the standard) with our own
/// uniform and Box–Muller transforms, so the files are the same with any standard library.

#include "common/npy.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

class random_source {
 public:
  explicit random_source(const std::string& spec) : engine_(fnv1a(spec)) {}

  /// Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11U) * 0x1.0p-53; }
  /// Standard normal (Box–Muller; one value per call, the pair's second half is dropped).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  std::uint64_t below(std::uint64_t bound) { return engine_() % bound; }

 private:
  static std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : text) {
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return hash;
  }
  std::mt19937_64 engine_;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  std::string part;
  while (std::getline(stream, part, separator)) {
    parts.push_back(part);
  }
  return parts;
}

std::size_t count_of(const std::string& text) { return static_cast<std::size_t>(std::stod(text)); }

void front2d(const std::string& directory, const std::string& spec, const std::string& dist,
             const std::string& n_text) {
  random_source random(spec);
  const std::size_t n = count_of(n_text);
  std::vector<double> points(2 * n);
  double sigma = 0.0;
  if (dist == "anti1e-2") {
    sigma = 1e-2;
  } else if (dist == "anti1e-4") {
    sigma = 1e-4;
  } else if (dist != "uniform" && dist != "line") {
    throw std::invalid_argument("front2d: unknown distribution " + dist);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double x = random.uniform();
    double y = 0.0;
    if (dist == "uniform") {
      y = random.uniform();
    } else if (dist == "line") {
      y = -x;  // exact: every point is on the front (x values are distinct with overwhelming odds)
    } else {
      y = 1.0 - x + sigma * random.normal();
    }
    points[2 * i] = x;
    points[2 * i + 1] = y;
  }
  bench::write_npy(directory + "/front2d_" + dist + "_" + n_text + ".npy", points, 2);
}

void frontnd(const std::string& directory, const std::string& spec, const std::string& dist,
             const std::string& d_text, const std::string& n_text) {
  random_source random(spec);
  const std::size_t n = count_of(n_text);
  const std::size_t d = count_of(d_text);
  std::vector<double> points(d * n);
  for (std::size_t i = 0; i < n; ++i) {
    double norm = 0.0;
    for (std::size_t j = 0; j < d; ++j) {
      const double value = dist == "sphere" ? std::fabs(random.normal()) : random.uniform();
      points[d * i + j] = value;
      norm += value * value;
    }
    if (dist == "sphere") {
      norm = std::sqrt(norm);
      for (std::size_t j = 0; j < d; ++j) {
        points[d * i + j] /= norm;
      }
    } else if (dist != "uniform") {
      throw std::invalid_argument("frontnd: unknown distribution " + dist);
    }
  }
  bench::write_npy(directory + "/frontnd_" + dist + "_" + d_text + "d_" + n_text + ".npy", points, d);
}

/// Group keys: k distinct names and k distinct int64 ids, both increasing with the group code,
/// so that code order = sorted key order for either key type (the floor program works on codes).
void group(const std::string& directory, const std::string& spec, const std::string& n_text,
           const std::string& k_text) {
  random_source random(spec);
  const std::size_t n = count_of(n_text);
  const std::size_t k = count_of(k_text);
  std::set<std::string> names;
  if (k == 3) {
    names = {"GQA", "MHA", "MLA"};
  }
  const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  while (names.size() < k) {
    std::string name = "cfg-";
    const std::size_t length = 3 + random.below(8);
    for (std::size_t i = 0; i < length; ++i) {
      name.push_back(alphabet[random.below(36)]);
    }
    names.insert(name);
  }
  std::set<std::int64_t> ids;
  while (ids.size() < k) {
    ids.insert(static_cast<std::int64_t>(random.below(1000000000000ULL)));
  }
  const std::vector<std::int64_t> sorted_ids(ids.begin(), ids.end());
  std::vector<std::int32_t> codes(n);
  std::vector<std::int64_t> int_keys(n);
  std::vector<double> values(n);
  for (std::size_t i = 0; i < n; ++i) {
    codes[i] = static_cast<std::int32_t>(random.below(k));
    int_keys[i] = sorted_ids[static_cast<std::size_t>(codes[i])];
    values[i] = 100.0 + 20.0 * random.normal();
  }
  const std::string stem = directory + "/group_" + n_text + "_" + k_text;
  bench::write_npy(stem + ".codes.npy", codes);
  bench::write_npy(stem + ".ikeys.npy", int_keys);
  bench::write_npy(stem + ".values.npy", values);
  std::ofstream out(stem + ".names.txt");
  for (const auto& name : names) {
    out << name << '\n';
  }
}

void quantile(const std::string& directory, const std::string& spec, const std::string& n_text) {
  random_source random(spec);
  std::vector<double> values(count_of(n_text));
  for (auto& value : values) {
    value = std::exp(random.normal());  // log-normal: skewed like latencies
  }
  bench::write_npy(directory + "/quantile_" + n_text + ".npy", values);
}

/// k configurations on a noisy 2-D trade-off (x + y ≈ 1 + offset), r runs each with run-to-run
/// noise (σ = 0.02), rows grouped by configuration: columns (configuration id, x, y).
void frontprob(const std::string& directory, const std::string& spec, const std::string& k_text,
               const std::string& r_text) {
  random_source random(spec);
  const std::size_t k = count_of(k_text);
  const std::size_t r = count_of(r_text);
  std::vector<double> rows;
  rows.reserve(3 * k * r);
  for (std::size_t c = 0; c < k; ++c) {
    const double t = random.uniform();
    const double offset = 0.3 * random.uniform() * random.uniform();
    for (std::size_t run = 0; run < r; ++run) {
      rows.push_back(static_cast<double>(c));
      rows.push_back(t + offset + 0.02 * random.normal());
      rows.push_back(1.0 - t + offset + 0.02 * random.normal());
    }
  }
  bench::write_npy(directory + "/frontprob_" + k_text + "_" + r_text + ".npy", rows, 3);
}

/// Shortest round-trip text of a double, as pandas' to_csv writes it (repr).
std::string shortest(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), result.ptr);
}

/// The 23 column names of the CSV schema.
constexpr const char* csv_header =
    "run,type,params_m,moe,num_blocks,dim,n_heads,kv_heads,max_context,down_dim_kv,"
    "theoretical_cache_mb,measured_cache_mb,prefill_ms,val_loss,decode_gflops,prefill_gflops,"
    "decode_arith_int,prefill_arith_int,decode_tflops_s,tps_64,tps_128,tps_256,tps_512";

/// Writes `n` rows of the CSV schema, one line each, through `write(line)`.
template <typename Write>
void benchmark_rows(const std::string& spec, std::size_t n, Write&& write) {
  random_source random(spec);
  const std::array<int, 6> dims{128, 192, 256, 384, 512, 768};
  const std::array<int, 3> blocks{8, 12, 16};
  const std::array<int, 10> down{32, 48, 64, 80, 96, 112, 128, 160, 192, 256};
  const std::array<const char*, 3> types{"MHA", "GQA", "MLA"};
  std::string line;
  for (std::size_t row = 0; row < n; ++row) {
    const std::size_t type = random.below(3);
    const int dim = dims[random.below(dims.size())];
    const int num_blocks = blocks[random.below(blocks.size())];
    const bool moe = random.below(2) == 1;
    const int n_heads = dim / 32;
    const int kv_heads = type == 0 ? n_heads : std::max(1, n_heads / 4);
    const std::uint64_t context_draw = random.below(20);
    const int max_context = context_draw == 0 ? 128 : context_draw < 3 ? 256 : 512;
    const int down_dim_kv = down[random.below(down.size())];
    const double cache = type == 2 ? num_blocks * 512.0 * (down_dim_kv + 16) * 4 / 1e6
                                   : num_blocks * 2.0 * 512 * kv_heads * 32 * 4 / 1e6;
    const double params = 12.0 * num_blocks * dim * dim * (moe ? 2.5 : 1.0) / 1e6 * (1 + 0.05 * random.normal());
    const double loss = 2.2 - 0.1 * std::log(params) + 0.05 * random.normal();
    const std::uint64_t loss_draw = random.below(1000);
    const double tps_base = (type == 2 ? 72.0 : type == 1 ? 91.0 : 90.0) * 256.0 / dim * (1 + 0.03 * random.normal());
    line = "run_" + std::to_string(row) + "," + types[type] + "," + shortest(params) + "," +
           (moe ? "True" : "False") + "," + std::to_string(num_blocks) + "," + std::to_string(dim) + "," +
           std::to_string(n_heads) + "," + std::to_string(kv_heads) + "," + std::to_string(max_context) + "," +
           std::to_string(down_dim_kv) + "," + shortest(cache) + "," +
           shortest(cache * (1.0 + 0.02 * random.uniform())) + "," + shortest(5.0 + 20.0 * random.uniform()) + ",";
    line += loss_draw < 5 ? "" : loss_draw < 7 ? "diverged" : shortest(loss);
    line += "," + shortest(0.02 * params * (1 + 0.1 * random.normal())) + "," +
            shortest(10.0 * params * (1 + 0.1 * random.normal())) + "," + shortest(1.0 + random.uniform()) + "," +
            shortest(50.0 + 100.0 * random.uniform()) + "," + shortest(0.5 + 2.0 * random.uniform());
    for (const int tokens : {64, 128, 256, 512}) {
      line += ",";
      if (tokens <= max_context) {
        line += shortest(tps_base * (1.0 - 0.0002 * tokens) * (1 + 0.02 * random.normal()));
      }
    }
    write(line);
  }
}

void csv(const std::string& directory, const std::string& spec, const std::string& n_text) {
  std::ofstream out(directory + "/bench_" + n_text + ".csv");
  out << csv_header << '\n';
  benchmark_rows(spec, count_of(n_text), [&](const std::string& line) { out << line << '\n'; });
}

/// JSON Lines of the same rows: the model's fields nested under "model" (so reading flattens
/// them to model.type, model.params_m, …), throughput under "tps" (tps.64 …), a missing cell as
/// null, a non-number as a string.
void jsonl(const std::string& directory, const std::string& spec, const std::string& n_text) {
  std::ofstream out(directory + "/bench_" + n_text + ".jsonl");
  const auto names = split(csv_header, ',');
  const std::array<const char*, 6> model_fields{"type", "params_m", "moe", "num_blocks", "dim", "n_heads"};
  std::string json;
  benchmark_rows(spec, count_of(n_text), [&](const std::string& line) {
    auto cells = split(line, ',');
    cells.resize(names.size());  // (getline drops a trailing empty cell)
    const auto value = [&](std::size_t i) {
      const std::string& cell = cells[i];
      if (cell.empty()) {
        return std::string("null");
      }
      if (cell == "True" || cell == "False") {
        return std::string(cell == "True" ? "true" : "false");
      }
      const bool number = cell.find_first_not_of("0123456789.eE+-") == std::string::npos;
      return number ? cell : "\"" + cell + "\"";
    };
    json = "{\"" + names[0] + "\": " + value(0) + ", \"model\": {";
    for (std::size_t i = 1; i <= model_fields.size(); ++i) {
      json += (i == 1 ? "\"" : ", \"") + names[i] + "\": " + value(i);
    }
    json += "}";
    for (std::size_t i = model_fields.size() + 1; i < 19; ++i) {
      json += ", \"" + names[i] + "\": " + value(i);
    }
    json += ", \"tps\": {\"64\": " + value(19) + ", \"128\": " + value(20) + ", \"256\": " + value(21) +
            ", \"512\": " + value(22) + "}}";
    out << json << '\n';
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: bench_gen <directory> <spec>...\n";
    return 2;
  }
  const std::string directory = argv[1];
  try {
    for (int i = 2; i < argc; ++i) {
      const std::string spec = argv[i];
      const auto parts = split(spec, ':');
      if (parts[0] == "front2d" && parts.size() == 3) {
        front2d(directory, spec, parts[1], parts[2]);
      } else if (parts[0] == "frontnd" && parts.size() == 4) {
        frontnd(directory, spec, parts[1], parts[2], parts[3]);
      } else if (parts[0] == "group" && parts.size() == 3) {
        group(directory, spec, parts[1], parts[2]);
      } else if (parts[0] == "frontprob" && parts.size() == 3) {
        frontprob(directory, spec, parts[1], parts[2]);
      } else if (parts[0] == "quantile" && parts.size() == 2) {
        quantile(directory, spec, parts[1]);
      } else if (parts[0] == "csv" && parts.size() == 2) {
        csv(directory, spec, parts[1]);
      } else if (parts[0] == "jsonl" && parts.size() == 2) {
        jsonl(directory, spec, parts[1]);
      } else {
        throw std::invalid_argument("unknown spec " + spec);
      }
    }
  } catch (const std::exception& error) {
    std::cerr << "bench_gen: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
