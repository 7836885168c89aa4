// libFuzzer target: see check_csv.hpp for the input layout and the properties, docs/fuzzing.md
// for how to run it.
#include "check_csv.hpp"
#include "fuzz_main.hpp"
#include "line_buffer_cache.hpp"  // fast-cpp-csv-parser's 48 MiB buffer, allocated once

namespace {

void check_csv_reusing_buffer(const std::uint8_t* data, std::size_t size) {
  tradeoff_fuzz::line_buffer::scrub = size + 4096;  // all the bytes the reader can reach, and more
  tradeoff_fuzz::check_csv(data, size);
}

}  // namespace

TRADEOFF_FUZZ_TARGET(check_csv_reusing_buffer)
