// libFuzzer target: see check_pareto.hpp for the input layout and the properties, docs/fuzzing.md
// for how to run it. Small tables only (up to 160 rows against the all-pairs brute force); the
// large mode has its own target, fuzz_pareto_large.
#include "check_pareto.hpp"
#include "fuzz_main.hpp"

TRADEOFF_FUZZ_TARGET(tradeoff_fuzz::check_pareto_small)
