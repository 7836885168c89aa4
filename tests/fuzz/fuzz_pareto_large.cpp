// libFuzzer target: check_pareto.hpp's large mode only (generated tables of 12 ... 67 rows, against the
// lexicographic sweep, with the strategy thresholds divided by 32 so that they reach the radix sort
// and the 2-D and N-D pre-filters); see docs/fuzzing.md.
#include "check_pareto.hpp"
#include "fuzz_main.hpp"

TRADEOFF_FUZZ_TARGET(tradeoff_fuzz::check_pareto_large)
