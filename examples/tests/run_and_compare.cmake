# cmake -DPROGRAM=<exe> -DINPUT=<csv> -DOUT=<dir> -DEXPECTED=<dir> -DFILES=a,b -P run_and_compare.cmake
# Runs PROGRAM INPUT OUT with its standard output in OUT/stdout.md, then compares OUT/<f> with
# EXPECTED/<f> byte for byte for stdout.md and every file of FILES; fails with a diff on the first
# difference.
string(REPLACE "," ";" FILES "${FILES}")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
execute_process(COMMAND "${PROGRAM}" "${INPUT}" "${OUT}" OUTPUT_FILE "${OUT}/stdout.md" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} failed (${status})")
endif()
foreach(name IN ITEMS stdout.md ${FILES})
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${EXPECTED}/${name}" "${OUT}/${name}" RESULT_VARIABLE differs)
  if(NOT differs EQUAL 0)
    execute_process(COMMAND diff "${EXPECTED}/${name}" "${OUT}/${name}")
    message(FATAL_ERROR "${OUT}/${name} differs from ${EXPECTED}/${name}")
  endif()
  message(STATUS "${name}: equal to ${EXPECTED}/${name}")
endforeach()
