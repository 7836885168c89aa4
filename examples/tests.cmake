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
example_test(insights.missing_column PASS "no column 'type' .*name it with --type-col"
  COMMAND insights "${crafted}/serving_only.csv" --no-render --out "${example_out}/missing_column")
example_test(insights.missing_file FAIL COMMAND insights "${crafted}/does_not_exist.csv" --no-render
  --out "${example_out}/missing")

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
