// libFuzzer target: see check_indicators.hpp for the input layout and the properties,
// docs/fuzzing.md for how to run it.
#include "check_indicators.hpp"
#include "fuzz_main.hpp"

TRADEOFF_FUZZ_TARGET(tradeoff_fuzz::check_indicators)
