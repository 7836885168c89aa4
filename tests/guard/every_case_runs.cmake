# Guard: every doctest case that a test executable defines is run by exactly the CTest entries
# registered for it, and no registered entry selects zero cases.
#
#   cmake -DBUILD_DIR=<ctest build dir> -DEXECUTABLES=<file listing the doctest executables>
#         -P tests/guard/every_case_runs.cmake
#
# It asks CTest for the registered tests (`ctest --show-only=json-v1`), and for each entry whose
# command is one of the doctest executables it asks that executable, with the entry's own
# arguments, which cases they select (`--list-test-cases`). It fails when
#   - an entry selects no case (a filter that matches nothing "passes" with 0 cases run),
#   - a case of an executable is selected by no entry, or by more than one,
#   - an executable is registered by no entry at all.
# It runs no test case itself, so it is cheap; the suite registers it as a test too.
cmake_minimum_required(VERSION 3.25)

if(NOT BUILD_DIR OR NOT EXECUTABLES)
  message(FATAL_ERROR "usage: cmake -DBUILD_DIR=<dir> -DEXECUTABLES=<list file> -P every_case_runs.cmake")
endif()

# The case names an executable selects with the given arguments, one list element each.
# Names may hold ';', '[' and ']', which CMake lists treat specially, so those are stored as
# private markers.
function(selected_cases out executable)
  execute_process(COMMAND "${executable}" ${ARGN} --list-test-cases --no-colors=true
    OUTPUT_VARIABLE listing RESULT_VARIABLE status ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "every_case_runs: '${executable} ${ARGN} --list-test-cases' failed (${status}): ${errors}")
  endif()
  string(REPLACE ";" "<semicolon>" listing "${listing}")
  string(REPLACE "[" "<open>" listing "${listing}")   # brackets would group list elements
  string(REPLACE "]" "<close>" listing "${listing}")
  string(REPLACE "\n" ";" lines "${listing}")
  set(names "")
  foreach(line IN LISTS lines)
    if(line STREQUAL "" OR line MATCHES "^<open>doctest<close>" OR line MATCHES "^=+$")
      continue()
    endif()
    list(APPEND names "${line}")
  endforeach()
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

file(STRINGS "${EXECUTABLES}" executables)
execute_process(COMMAND "${CMAKE_CTEST_COMMAND}" --test-dir "${BUILD_DIR}" --show-only=json-v1
  OUTPUT_VARIABLE json RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "every_case_runs: ctest --show-only=json-v1 failed in ${BUILD_DIR}")
endif()

set(problems "")
set(total_defined 0)
set(total_selected 0)
string(JSON test_count LENGTH "${json}" tests)
foreach(executable IN LISTS executables)
  selected_cases(defined "${executable}")
  list(LENGTH defined n_defined)
  math(EXPR total_defined "${total_defined} + ${n_defined}")
  set(selected "")
  set(entries 0)
  if(test_count GREATER 0)
    math(EXPR last "${test_count} - 1")
    foreach(i RANGE ${last})
      string(JSON entry GET "${json}" tests ${i})
      string(JSON name GET "${entry}" name)
      string(JSON command_length ERROR_VARIABLE no_command LENGTH "${entry}" command)
      if(no_command)
        continue()
      endif()
      string(JSON program GET "${entry}" command 0)
      if(NOT program STREQUAL executable)
        continue()
      endif()
      set(arguments "")
      if(command_length GREATER 1)
        math(EXPR last_argument "${command_length} - 1")
        foreach(j RANGE 1 ${last_argument})
          string(JSON argument GET "${entry}" command ${j})
          list(APPEND arguments "${argument}")
        endforeach()
      endif()
      math(EXPR entries "${entries} + 1")
      selected_cases(cases "${executable}" ${arguments})
      list(LENGTH cases n_cases)
      if(n_cases EQUAL 0)
        list(APPEND problems "test '${name}' selects no doctest case (it would pass running nothing)")
      endif()
      list(APPEND selected ${cases})
    endforeach()
  endif()
  list(LENGTH selected n_selected)
  math(EXPR total_selected "${total_selected} + ${n_selected}")
  if(entries EQUAL 0)
    list(APPEND problems "${executable}: registered by no CTest entry")
    continue()
  endif()
  foreach(case IN LISTS defined)
    list(FIND selected "${case}" found)
    if(found EQUAL -1)
      get_filename_component(exe_name "${executable}" NAME)
      list(APPEND problems "${exe_name}: case '${case}' is run by no CTest entry")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES selected)
  list(LENGTH selected n_unique)
  if(NOT n_unique EQUAL n_selected)
    list(APPEND problems "${executable}: some cases are selected by more than one CTest entry")
  endif()
endforeach()

list(LENGTH executables n_executables)
list(LENGTH problems n_problems)
if(n_problems GREATER 0)
  list(JOIN problems "\n  " text)
  string(REPLACE "<semicolon>" ";" text "${text}")
  string(REPLACE "<open>" "[" text "${text}")
  string(REPLACE "<close>" "]" text "${text}")
  message(FATAL_ERROR "every_case_runs: ${n_problems} problem(s); executables define ${total_defined} "
                      "cases, CTest entries select ${total_selected}:\n  ${text}")
endif()
message(STATUS "every_case_runs: ${n_executables} executables define ${total_defined} doctest cases; "
               "CTest runs each exactly once (${total_selected} selected)")
