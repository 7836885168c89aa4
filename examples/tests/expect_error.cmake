# cmake -DPROGRAM=<exe> "-DARGS=a|b|c" -DMESSAGE=<regex> -P expect_error.cmake
# Runs PROGRAM with ARGS (separated by '|') and passes only when it exits with status 1 (not a
# crash: an uncaught exception ends in abort, status 134 or a signal) and its standard error
# matches MESSAGE.
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND "${PROGRAM}" ${ARGS} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status STREQUAL "1")
  message(FATAL_ERROR "${PROGRAM}: exit status '${status}', expected 1\nstderr: ${err}")
endif()
if(NOT err MATCHES "${MESSAGE}")
  message(FATAL_ERROR "${PROGRAM}: stderr does not match '${MESSAGE}':\n${err}")
endif()
message(STATUS "${PROGRAM}: status 1, stderr: ${err}")
