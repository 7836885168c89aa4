// libFuzzer target: check_pareto.hpp's large mode only (generated tables of 384 ... 2183 rows, which
// reach the radix sort and the 2-D and N-D pre-filters, against the lexicographic sweep). Slower
// per execution than fuzz_pareto by the size of its tables; see docs/fuzzing.md.
#include "check_pareto.hpp"
#include "fuzz_main.hpp"

TRADEOFF_FUZZ_TARGET(tradeoff_fuzz::check_pareto_large)
