#ifndef TRADEOFF_DETAIL_ATOMIC_FILE_HPP
#define TRADEOFF_DETAIL_ATOMIC_FILE_HPP

/// @file
/// @brief Writing a file all or nothing: into a temporary next to it, then renamed over it, so
/// a reader never sees half a file and a failed write leaves the old file (or none). Internal.

#include <tradeoff/detail/error_prefix.hpp>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>

namespace tradeoff::detail {

/// Calls write(stream) on a temporary file `path` + ".tmp", then renames it to `path`.
/// @throws std::invalid_argument naming `function` and the path if it cannot be written (E139).
template <typename Write>
void write_file_atomically(const std::string& path, const char* function, Write write) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw std::invalid_argument(error_prefix(function) + "cannot write path '" + path +
                                  "' (its directory does not exist or is not writable); nothing was written");
    }
    write(out);
    out.flush();
    if (!out) {
      out.close();
      std::remove(temporary.c_str());
      throw std::invalid_argument(error_prefix(function) + "writing path '" + path +
                                  "' failed (disk full?); nothing was written");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw std::invalid_argument(error_prefix(function) + "cannot replace path '" + path +
                                "' (is it a directory?); nothing was written");
  }
}

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_ATOMIC_FILE_HPP
