# Tests of the example programs (ctest label "examples"), included by examples/CMakeLists.txt when
# tests are enabled. They run the programs on the bundled data and on small crafted files, then
# check_outputs (examples/tests/check_outputs.cpp, independent of the library) compares the
# tables with expectations worked by hand (examples/data/crafted/expected/, see the README
# there) or computed by pandas (examples/data/expected/, from expected_from_pandas.py), checks
# the fronts against a brute-force dominance test, and checks that every PNG is a real image
# when gnuplot is installed.

add_executable(check_outputs "${CMAKE_CURRENT_SOURCE_DIR}/tests/check_outputs.cpp")
target_link_libraries(check_outputs PRIVATE tradeoff_warnings)
target_compile_features(check_outputs PRIVATE cxx_std_17)

find_program(TRADEOFF_GNUPLOT gnuplot)
if(TRADEOFF_GNUPLOT)
  set(render)
else()
  set(render --no-render)
  message(STATUS "gnuplot not found: the example tests check tables only, not PNGs")
endif()

set(example_out "${CMAKE_CURRENT_BINARY_DIR}/test_output")
set(bundled "${CMAKE_CURRENT_SOURCE_DIR}/data/benchmark_results.csv")
set(crafted "${CMAKE_CURRENT_SOURCE_DIR}/data/crafted")
set(pandas_expected "${CMAKE_CURRENT_SOURCE_DIR}/data/expected")

# example_test(<name> [SETUP fixture] [REQUIRES fixture...] [PASS regex] [FAIL] COMMAND ...)
function(example_test name)
  cmake_parse_arguments(ARG "FAIL" "SETUP;PASS" "REQUIRES;COMMAND" ${ARGN})
  add_test(NAME "examples.${name}" COMMAND ${ARG_COMMAND})
  set_tests_properties("examples.${name}" PROPERTIES LABELS examples)
  if(ARG_SETUP)
    set_tests_properties("examples.${name}" PROPERTIES FIXTURES_SETUP ${ARG_SETUP})
  endif()
  if(ARG_REQUIRES)
    set_tests_properties("examples.${name}" PROPERTIES FIXTURES_REQUIRED "${ARG_REQUIRES}")
  endif()
  if(ARG_PASS)
    set_tests_properties("examples.${name}" PROPERTIES PASS_REGULAR_EXPRESSION "${ARG_PASS}")
  endif()
  if(ARG_FAIL)
    set_tests_properties("examples.${name}" PROPERTIES WILL_FAIL TRUE)
  endif()
endfunction()

# Runs insights into a fresh directory: <case>.clean, then <case>.run (fixture <case>).
function(insights_case case)
  example_test(${case}.clean SETUP ${case}_clean
    COMMAND ${CMAKE_COMMAND} -E rm -rf "${example_out}/${case}")
  example_test(${case}.run SETUP ${case} REQUIRES ${case}_clean ${ARGN})
endfunction()

function(check case what)
  example_test(${case}.${what} REQUIRES ${case} COMMAND check_outputs ${ARGN})
endfunction()

# expect_error(<name> <program> <stderr regex> args...): the program exits with status 1 and says why
# on stderr (examples/tests/expect_error.cmake).
function(expect_error name program message)
  list(JOIN ARGN "|" arguments)
  example_test(${name} COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${program}> "-DARGS=${arguments}"
    "-DMESSAGE=${message}" -P "${CMAKE_CURRENT_SOURCE_DIR}/tests/expect_error.cmake")
endfunction()

set(figures insight_1_pareto insight_2_serving insight_3_mla_dial)

# --- the bundled data: 288 runs, 9 of them without a usable loss --------------------------
insights_case(bundled
  PASS "Dense front.*MLA down_dim_kv dial"
  COMMAND insights "${bundled}" --out "${example_out}/bundled" ${render})
check(bundled pareto_rows rows "${example_out}/bundled/pareto.csv" 279)
check(bundled pareto_front front "${example_out}/bundled/pareto.csv")
check(bundled serving_curve curve "${example_out}/bundled/serving_curve.csv" 300)
foreach(table serving_stats mla_dial mla_dial_summary)
  check(bundled ${table}_vs_pandas compare "${pandas_expected}/${table}.csv" "${example_out}/bundled/${table}.csv")
endforeach()
check(bundled pareto_vs_pandas compare "${pandas_expected}/pareto.csv" "${example_out}/bundled/pareto.csv")

# --- crafted: ties on x, NaN and junk cells, MoE rows, no GQA at all -------------------------
insights_case(crafted
  PASS "crossover with GQA: none"
  COMMAND insights "${crafted}/ties_nan_moe.csv" --out "${example_out}/crafted" ${render})
foreach(table pareto serving_stats mla_dial mla_dial_summary)
  check(crafted ${table} compare "${crafted}/expected/ties_nan_moe/${table}.csv"
    "${example_out}/crafted/${table}.csv")
endforeach()
check(crafted pareto_front front "${example_out}/crafted/pareto.csv")
check(crafted serving_curve curve "${example_out}/crafted/serving_curve.csv" 300)

# --- a file with other column names and no loss: only the serving figure -----------------------
insights_case(serving_only
  PASS "figure 1 \\(Pareto front\\) skipped: no column 'val_loss'"
  COMMAND insights "${crafted}/serving_only.csv" --out "${example_out}/serving_only" ${render}
    --type-col attn_type --cache-col kv_cache_mb --tps-col decode_tok_s --moe-col use_moe)
check(serving_only serving_stats compare "${crafted}/expected/serving_only/serving_stats.csv"
  "${example_out}/serving_only/serving_stats.csv")
check(serving_only no_pareto absent "${example_out}/serving_only/pareto.csv")
check(serving_only no_mla_dial absent "${example_out}/serving_only/mla_dial.csv")

# --- a header-only file: zero runs, empty tables, no crash --------------------------------------
insights_case(header_only
  PASS "Loaded 0 runs.*figure 2 not drawn"
  COMMAND insights "${crafted}/header_only.csv" --out "${example_out}/header_only" ${render})
check(header_only pareto_rows rows "${example_out}/header_only/pareto.csv" 0)
check(header_only mla_dial_rows rows "${example_out}/header_only/mla_dial.csv" 0)

# --- command line ---------------------------------------------------------------------------------
example_test(insights.help PASS "--dial-col" COMMAND insights --help)
example_test(insights.unknown_option FAIL COMMAND insights --no-such-option)
expect_error(insights.missing_column insights "no column 'type' .*name it with --type-col"
  "${crafted}/serving_only.csv" --no-render --out "${example_out}/missing_column")

# --- the look-alike of a real inference sweep (issue 19): any labels, a filter, a chosen front ------
set(sweep "${CMAKE_CURRENT_SOURCE_DIR}/data/inference_sweep.csv")
insights_case(sweep
  PASS "--where group=batch: 40 of 105 rows left.*figure 1: 1 row left out.*GQA\\(1/8\\): n = 8"
  COMMAND insights "${sweep}" --out "${example_out}/sweep" ${render} --type-col attn_type --cache-col kv_cache_mb
    --tps-col decode_tok_s --moe-col use_moe --run-col label --where group=batch
    --front kv_cache_mb:min,decode_tok_s:max --order "MHA,GQA(4/8),GQA(2/8),GQA(1/8),MLA")
foreach(table pareto serving_stats)
  check(sweep ${table}_vs_pandas compare "${pandas_expected}/inference_sweep/${table}.csv"
    "${example_out}/sweep/${table}.csv")
endforeach()
check(sweep pareto_front front "${example_out}/sweep/pareto.csv" kv_cache_mb decode_tok_s min max)
check(sweep serving_curve curve "${example_out}/sweep/serving_curve.csv" 300)
# Two --where filters (both must hold), numbers compared as numbers: the batch-1 runs of the batch group.
insights_case(sweep_batch_one
  PASS "--where batch_size=1.0: 5 of 105 rows left"
  COMMAND insights "${sweep}" --out "${example_out}/sweep_batch_one" --no-render --type-col attn_type
    --cache-col kv_cache_mb --tps-col decode_tok_s --moe-col use_moe --where group=batch --where batch_size=1.0)
check(sweep_batch_one serving_rows rows "${example_out}/sweep_batch_one/serving_stats.csv" 5)

# --- any labels: bytes a path cannot hold, no MHA (the baseline is stated), a NaN and an empty
# boolean, an infinite tokens/s, a row without a label, two equal ratios --------------------------
insights_case(any_labels
  PASS "tps: 1 cells are infinite.*baseline: \\.\\./x \\(no rows labelled MHA"
  COMMAND insights "${crafted}/any_labels.csv" --out "${example_out}/any_labels" ${render} --cache-col cache --tps-col tps)
# Two equal ratios: one annotation naming both, never two on top of each other.
check(any_labels one_annotation contains "${example_out}/any_labels/gnuplot/insight_2_serving.gp" "GQA(1/8), a,b/c: 4.0×")
check(any_labels serving_stats compare "${crafted}/expected/any_labels/serving_stats.csv"
  "${example_out}/any_labels/serving_stats.csv")
insights_case(any_labels_front
  PASS "figure 1: no column 'params_m' \\(--size-col\\): one marker size"
  COMMAND insights "${crafted}/any_labels.csv" --out "${example_out}/any_labels_front" --no-render --cache-col cache
    --tps-col tps --front cache:min,tps:max --baseline "GQA(1/8)")
check(any_labels_front pareto_front front "${example_out}/any_labels_front/pareto.csv" cache tps min max)

# --- Google Benchmark JSON: the iteration rows; the aggregate (mean) row never on the front ---------
insights_case(google_benchmark
  PASS "1 aggregate rows .* left out; 4 runs kept.*Dense: attainment surfaces of 2 seeds"
  COMMAND insights "${crafted}/google_benchmark.json" --out "${example_out}/google_benchmark" --no-render
    --type-col run_name --run-col name --front kv_bytes:min,tokens_per_second:max --seed-col repetition_index)
check(google_benchmark pareto compare "${crafted}/expected/google_benchmark/pareto.csv"
  "${example_out}/google_benchmark/pareto.csv")
check(google_benchmark attainment compare "${crafted}/expected/google_benchmark/attainment.csv"
  "${example_out}/google_benchmark/attainment.csv")

# --- JSON Lines: serving_only.csv's runs as records (a null tokens/s, JSON booleans) -----------------
insights_case(records
  PASS "figure 2: 1 row left out"
  COMMAND insights "${crafted}/records.jsonl" --out "${example_out}/records" --no-render --type-col attn_type
    --cache-col kv_cache_mb --tps-col decode_tok_s --moe-col use_moe)
check(records serving_stats compare "${crafted}/expected/records/serving_stats.csv"
  "${example_out}/records/serving_stats.csv")

# --- every program: a bad file or a missing column is a message on stderr and exit status 1
# (not an uncaught exception, which aborts with status 134) ----------------------------------------
set(no_file "${crafted}/does_not_exist.csv")
expect_error(insights.missing_file insights "^insights: .*does_not_exist" "${no_file}" --no-render
  --out "${example_out}/missing")
expect_error(insights.bad_json insights "^insights: tradeoff::read_json: .*bad.json:1:43" "${crafted}/bad.json"
  --no-render --out "${example_out}/bad_json")
expect_error(insights.missing_front_column insights "no column 'nope' .*--front" "${sweep}" --no-render
  --out "${example_out}/missing_front" --type-col attn_type --front nope:min,kv_cache_mb:min)
expect_error(insights.missing_where_column insights "no column 'nope' .*--where" "${sweep}" --no-render
  --out "${example_out}/missing_where" --type-col attn_type --where nope=1)
expect_error(insights.unknown_baseline insights "--baseline GQA: no kept rows" "${sweep}" --no-render
  --out "${example_out}/unknown_baseline" --type-col attn_type --baseline GQA)
expect_error(insights.bad_front insights "--front kv_cache_mb:min: expected two objectives" "${sweep}"
  --front kv_cache_mb:min)
foreach(program quick_start harness measure)
  expect_error(${program}.missing_file ${program} "^${program}: .*does_not_exist" "${no_file}")
  expect_error(${program}.missing_column ${program} "^${program}: .*(theoretical_cache_mb|run|type|moe|val_loss)"
    "${crafted}/serving_only.csv")
endforeach()
foreach(program serving_roofline serving_goodput)
  expect_error(${program}.bad_gpu ${program} "^${program}: .*no-such-gpu" --gpu no-such-gpu --no-render
    --out "${example_out}/${program}_bad")
endforeach()

# --- the other programs ------------------------------------------------------------------------
example_test(quick_start PASS "MLA median loss" COMMAND quick_start)
example_test(harness PASS "front" COMMAND harness)
insights_case(roofline
  PASS "MHA: 524288 KV bytes/token"
  COMMAND serving_roofline --out "${example_out}/roofline" ${render})
check(roofline table rows "${example_out}/roofline/serving_roofline.csv" 900)
check(roofline models rows "${example_out}/roofline/serving_roofline_models.csv" 3)
insights_case(goodput
  PASS "MHA: capacity [0-9]+ sequences"
  COMMAND serving_goodput --out "${example_out}/goodput" ${render})
check(goodput table rows "${example_out}/goodput/serving_goodput.csv" 360)
check(goodput models rows "${example_out}/goodput/serving_goodput_models.csv" 3)
check(goodput monotone goodput "${example_out}/goodput/serving_goodput.csv")

# --- the figures are real PNGs of the intended size ----------------------------------------------
if(TRADEOFF_GNUPLOT)
  foreach(figure IN LISTS figures)
    check(bundled ${figure}_png png "${example_out}/bundled/${figure}.png" 2200 950)
    check(crafted ${figure}_png png "${example_out}/crafted/${figure}.png" 2200 950)
  endforeach()
  check(serving_only insight_2_serving_png png "${example_out}/serving_only/insight_2_serving.png" 2200 950)
  check(roofline png png "${example_out}/roofline/insight_4_serving_roofline.png" 2200 950)
  check(goodput png png "${example_out}/goodput/insight_5_serving_goodput.png" 2200 950)
endif()

# --- "the measure" (issue 16): measure.cpp against its pandas twin measure.py, byte for byte --
example_test(measure.vs_pandas
  COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:measure> -DINPUT=${bundled} -DOUT=${example_out}/measure
          -DEXPECTED=${pandas_expected}/measure -DFILES=best.csv,front.json
          -P "${CMAKE_CURRENT_SOURCE_DIR}/tests/run_and_compare.cmake")
