// libFuzzer target: see check_json.hpp for the properties (read_json, read_google_benchmark),
// docs/fuzzing.md for how to run it.
#include "check_json.hpp"
#include "fuzz_main.hpp"
#include "line_buffer_cache.hpp"  // read_google_benchmark's CSV path: fast-cpp-csv-parser's buffer, once

TRADEOFF_FUZZ_TARGET(tradeoff_fuzz::line_buffer::reusing<tradeoff_fuzz::check_json>)
