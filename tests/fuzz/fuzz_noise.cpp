// libFuzzer target: see check_noise.hpp for the input layout and the properties, docs/fuzzing.md
// for how to run it.
#include "check_noise.hpp"
#include "fuzz_main.hpp"

TRADEOFF_FUZZ_TARGET(tradeoff_fuzz::check_noise)
