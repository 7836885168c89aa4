# The strict warning set every consumer build compiles with, defined once: common.cmake (the
# CMake consumers) and pkg_config.cmake (the pkg-config consumer) include this file.
# tradeoff_strict_warnings(<out> <is_gcc>) sets <out> to the list; GCC adds -Wuseless-cast,
# which clang does not have.
function(tradeoff_strict_warnings out is_gcc)
  set(flags -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wfloat-equal -Werror)
  if(is_gcc)
    list(APPEND flags -Wuseless-cast)
  endif()
  set(${out} ${flags} PARENT_SCOPE)
endfunction()
