// libFuzzer target: see check_json.hpp for the properties (read_json, read_google_benchmark),
// docs/fuzzing.md for how to run it.
#include "check_json.hpp"
#include "fuzz_main.hpp"

TRADEOFF_FUZZ_TARGET(tradeoff_fuzz::check_json)
