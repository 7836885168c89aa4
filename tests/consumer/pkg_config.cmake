# cmake -DPKG_CONFIG=<pkg-config> -DCXX=<compiler> -DPREFIX=<install prefix> -DBINARY=<dir>
#       -DSOURCE_DIR=<tests/consumer> -DEXPECTED_VERSION=<x.y.z> -P pkg_config.cmake
# Builds both consumer programs with nothing but the flags pkg-config gives for tradeoff (and
# tradeoff-core for a math-only program), under the strict warnings, then runs them.
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config not found (Debian: apt-get install pkgconf)")
endif()
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/share/pkgconfig")
file(REMOVE_RECURSE "${BINARY}")
file(MAKE_DIRECTORY "${BINARY}")

function(pkg_config out)
  execute_process(COMMAND "${PKG_CONFIG}" ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE status
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "pkg-config ${ARGN} failed (${status})")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

foreach(module IN ITEMS tradeoff tradeoff-core tradeoff-json)
  pkg_config(version --modversion ${module})
  if(NOT version STREQUAL EXPECTED_VERSION)
    message(FATAL_ERROR "pkg-config --modversion ${module} gives '${version}', expected '${EXPECTED_VERSION}'")
  endif()
endforeach()

include("${SOURCE_DIR}/strict_warnings.cmake")
execute_process(COMMAND "${CXX}" --version OUTPUT_VARIABLE compiler_version)
if(compiler_version MATCHES "Free Software Foundation")
  tradeoff_strict_warnings(strict TRUE)
else()
  tradeoff_strict_warnings(strict FALSE)
endif()
list(PREPEND strict -std=c++17 -O1)

# A math-only program: tradeoff-core must be enough (no fast-cpp-csv-parser, no threads).
file(WRITE "${BINARY}/core_only.cpp" "#include <tradeoff/pareto.hpp>\n#include <tradeoff/quantile.hpp>\n"
  "int main() {\n  Eigen::ArrayXd x(3), y(3);\n  x << 1, 2, 3;\n  y << 3, 1, 2;\n"
  "  return tradeoff::pareto_front(x, y).size() == 2 && tradeoff::median(x) > 1.5 ? 0 : 1;\n}\n")

# Eigen's own headers are not tradeoff's to keep warning-free: its -I (from eigen3.pc, pulled in
# by Requires) becomes -isystem, as CMake's imported Eigen3::Eigen target does.
pkg_config(eigen_flags --cflags-only-I eigen3)
separate_arguments(eigen_flags UNIX_COMMAND "${eigen_flags}")
set(eigen_system "")
foreach(flag IN LISTS eigen_flags)
  string(REGEX REPLACE "^-I" "-isystem;" flag "${flag}")
  list(APPEND eigen_system ${flag})
endforeach()

foreach(program IN ITEMS consumer strict_consumer core_only json_consumer)
  if(program STREQUAL "core_only")
    set(source "${BINARY}/core_only.cpp")
    pkg_config(flags --cflags --libs tradeoff-core)
  elseif(program STREQUAL "json_consumer")
    set(source "${SOURCE_DIR}/${program}.cpp")
    pkg_config(flags --cflags --libs tradeoff-json)
  else()
    set(source "${SOURCE_DIR}/${program}.cpp")
    pkg_config(flags --cflags --libs tradeoff)
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  message(STATUS "${program}: ${CXX} ${flags}")
  execute_process(COMMAND "${CXX}" ${strict} "-DTRADEOFF_EXPECTED_VERSION=\"${EXPECTED_VERSION}\""
                          ${eigen_system} ${flags} "${source}" -o "${BINARY}/${program}" ${flags}
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "pkg-config consumer ${program}: compiling failed (${status})")
  endif()
  execute_process(COMMAND "${BINARY}/${program}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "pkg-config consumer ${program}: running failed (${status})")
  endif()
endforeach()
