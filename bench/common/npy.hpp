#ifndef TRADEOFF_BENCH_NPY_HPP
#define TRADEOFF_BENCH_NPY_HPP

/// @file
/// @brief Minimal reader and writer for NumPy's .npy format (version 1.0), little-endian only.
///
/// The benchmark driver generates every input once as .npy files so that the C++ programs,
/// numpy/pandas and node (DuckDB) all load the same bytes. Supported element types: float64
/// (`<f8`), int32 (`<i4`) and int64 (`<i8`); C order only; 1-D or 2-D shapes.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace bench {

template <typename T>
[[nodiscard]] constexpr const char* npy_descr() {
  if constexpr (std::is_same_v<T, double>) {
    return "<f8";
  } else if constexpr (std::is_same_v<T, std::int32_t>) {
    return "<i4";
  } else {
    static_assert(std::is_same_v<T, std::int64_t>, "npy: only double, int32 and int64");
    return "<i8";
  }
}

/// @brief A loaded array: row-major data and its shape (rows, columns; columns = 1 for 1-D).
template <typename T>
struct npy_array {
  std::vector<T> data;
  std::size_t rows = 0;
  std::size_t columns = 1;
  [[nodiscard]] T at(std::size_t row, std::size_t column) const { return data[row * columns + column]; }
};

/// @brief Writes `count` values as a 1-D array, or as rows × columns (row-major) when columns > 1.
template <typename T>
void write_npy(const std::string& path, const T* values, std::size_t rows, std::size_t columns = 1) {
  std::string shape = columns == 1 ? "(" + std::to_string(rows) + ",)"
                                   : "(" + std::to_string(rows) + ", " + std::to_string(columns) + ")";
  std::string header = std::string("{'descr': '") + npy_descr<T>() + "', 'fortran_order': False, 'shape': " +
                       shape + ", }";
  const std::size_t preamble = 10;  // magic (6) + version (2) + header length (2)
  const std::size_t unpadded = preamble + header.size() + 1;
  header.append((64 - unpadded % 64) % 64, ' ');
  header.push_back('\n');
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    throw std::runtime_error("write_npy: cannot open " + path);
  }
  const char magic[8] = {'\x93', 'N', 'U', 'M', 'P', 'Y', 1, 0};
  out.write(magic, sizeof magic);
  const auto length = static_cast<std::uint16_t>(header.size());
  const char length_bytes[2] = {static_cast<char>(length & 0xff), static_cast<char>(length >> 8)};
  out.write(length_bytes, 2);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(reinterpret_cast<const char*>(values), static_cast<std::streamsize>(rows * columns * sizeof(T)));
  if (!out) {
    throw std::runtime_error("write_npy: write failed for " + path);
  }
}

template <typename T>
void write_npy(const std::string& path, const std::vector<T>& values, std::size_t columns = 1) {
  write_npy(path, values.data(), values.size() / columns, columns);
}

/// @brief Reads a .npy file written by write_npy or numpy.save (C order, little-endian).
template <typename T>
[[nodiscard]] npy_array<T> read_npy(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("read_npy: cannot open " + path);
  }
  char preamble[10];
  in.read(preamble, sizeof preamble);
  if (!in || std::memcmp(preamble, "\x93NUMPY", 6) != 0 || preamble[6] != 1) {
    throw std::runtime_error("read_npy: not a version-1 .npy file: " + path);
  }
  const std::size_t header_length = static_cast<unsigned char>(preamble[8]) +
                                    256U * static_cast<unsigned char>(preamble[9]);
  std::string header(header_length, ' ');
  in.read(header.data(), static_cast<std::streamsize>(header_length));
  if (header.find(npy_descr<T>()) == std::string::npos) {
    throw std::runtime_error("read_npy: " + path + " does not hold " + npy_descr<T>() + ": " + header);
  }
  if (header.find("'fortran_order': False") == std::string::npos) {
    throw std::runtime_error("read_npy: " + path + " is not in C order");
  }
  const auto open = header.find('(', header.find("'shape'"));
  const auto close = header.find(')', open);
  const std::string shape = header.substr(open + 1, close - open - 1);
  npy_array<T> result;
  const auto comma = shape.find(',');
  result.rows = std::stoul(shape.substr(0, comma));
  const std::string rest = comma == std::string::npos ? "" : shape.substr(comma + 1);
  result.columns = rest.find_first_of("0123456789") == std::string::npos ? 1 : std::stoul(rest);
  result.data.resize(result.rows * result.columns);
  in.read(reinterpret_cast<char*>(result.data.data()),
          static_cast<std::streamsize>(result.data.size() * sizeof(T)));
  if (!in) {
    throw std::runtime_error("read_npy: " + path + " is truncated");
  }
  return result;
}

}  // namespace bench

#endif  // TRADEOFF_BENCH_NPY_HPP
