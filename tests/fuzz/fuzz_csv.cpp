// libFuzzer target: see check_csv.hpp for the input layout and the properties, docs/fuzzing.md
// for how to run it.
#include "check_csv.hpp"
#include "fuzz_main.hpp"
#include "line_buffer_cache.hpp"  // fast-cpp-csv-parser's 48 MiB buffer, allocated once

TRADEOFF_FUZZ_TARGET(tradeoff_fuzz::line_buffer::reusing<tradeoff_fuzz::check_csv>)
