# cmake -DKIND=<dir> -DSOURCE=<consumer project> -DBINARY=<build dir> -DARGS=<;-list> -P run_consumer.cmake
# Configures, builds and runs one consumer project from scratch (both of its programs); any
# failure fails the test. RELOCATE_FCCP=<name> first copies fast-cpp-csv-parser's header to
# <BINARY>-fccp/<name>, marked so that the consumer can tell it was the copy it included, and
# points the consumer at it with TRADEOFF_FCCP_INCLUDE_DIR.
file(REMOVE_RECURSE "${BINARY}")
if(RELOCATE_FCCP)
  set(relocated "${BINARY}-fccp")
  file(REMOVE_RECURSE "${relocated}")
  file(READ "${FCCP_HEADER}" header)
  file(WRITE "${relocated}/${RELOCATE_FCCP}" "#define TRADEOFF_TEST_RELOCATED_FCCP 1\n${header}")
  list(APPEND ARGS "-DTRADEOFF_FCCP_INCLUDE_DIR=${relocated}" -DTRADEOFF_EXPECT_RELOCATED_FCCP=ON)
endif()
foreach(step IN ITEMS configure build run run_strict)
  if(step STREQUAL "configure")
    set(command "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${BINARY}" ${ARGS})
  elseif(step STREQUAL "build")
    set(command "${CMAKE_COMMAND}" --build "${BINARY}")
  elseif(step STREQUAL "run")
    set(command "${BINARY}/consumer")
  else()
    set(command "${BINARY}/strict_consumer")
  endif()
  execute_process(COMMAND ${command} RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "consumer ${KIND}: ${step} failed (${result})")
  endif()
endforeach()
