# Finds fast-cpp-csv-parser, which ships no CMake package, and wraps it in the imported target
# tradeoff::fccp. Its header is installed under different names: Debian's libfccp-dev as
# <libfccp/csv.h>, other package managers as <fast-cpp-csv-parser/csv.h> or a bare <csv.h>.
# The first layout found (in that order) wins; set TRADEOFF_FCCP_INCLUDE_DIR to the directory
# that holds one of them to choose a copy. The target carries the directory and, as
# TRADEOFF_FCCP_HEADER, the include line that tradeoff/csv.hpp then uses.
#
# When the header is missing the target still exists (empty) so that tradeoff::core keeps
# working for users who only need the math headers; tradeoff/csv.hpp then fails to compile
# with a message naming the header, and TRADEOFF_FCCP_FOUND is FALSE.
if(NOT TARGET tradeoff::fccp)
  set(_tradeoff_fccp_names libfccp/csv.h fast-cpp-csv-parser/csv.h csv.h)
  if(NOT TRADEOFF_FCCP_INCLUDE_DIR)
    foreach(_tradeoff_fccp_name IN LISTS _tradeoff_fccp_names)
      find_path(TRADEOFF_FCCP_INCLUDE_DIR NAMES "${_tradeoff_fccp_name}"
        DOC "Directory that contains libfccp/csv.h, fast-cpp-csv-parser/csv.h or csv.h (fast-cpp-csv-parser)")
      if(TRADEOFF_FCCP_INCLUDE_DIR)
        break()
      endif()
      unset(TRADEOFF_FCCP_INCLUDE_DIR CACHE)
    endforeach()
  endif()
  set(TRADEOFF_FCCP_HEADER "")
  if(TRADEOFF_FCCP_INCLUDE_DIR)
    foreach(_tradeoff_fccp_name IN LISTS _tradeoff_fccp_names)
      # csv.h is a common name: take it only if it is fast-cpp-csv-parser's (it defines io::LineReader)
      if(EXISTS "${TRADEOFF_FCCP_INCLUDE_DIR}/${_tradeoff_fccp_name}")
        file(STRINGS "${TRADEOFF_FCCP_INCLUDE_DIR}/${_tradeoff_fccp_name}" _tradeoff_fccp_line
             REGEX "class LineReader" LIMIT_COUNT 1)
        if(_tradeoff_fccp_line)
          set(TRADEOFF_FCCP_HEADER "${_tradeoff_fccp_name}")
          break()
        endif()
      endif()
    endforeach()
  endif()
  add_library(tradeoff::fccp INTERFACE IMPORTED)
  if(TRADEOFF_FCCP_HEADER)
    set(TRADEOFF_FCCP_FOUND TRUE)
    set_target_properties(tradeoff::fccp PROPERTIES
      INTERFACE_INCLUDE_DIRECTORIES "${TRADEOFF_FCCP_INCLUDE_DIR}"
      INTERFACE_COMPILE_DEFINITIONS "TRADEOFF_FCCP_HEADER=<${TRADEOFF_FCCP_HEADER}>")
  else()
    set(TRADEOFF_FCCP_FOUND FALSE)
    message(WARNING "tradeoff: fast-cpp-csv-parser not found (<libfccp/csv.h>, <fast-cpp-csv-parser/csv.h> "
                    "or <csv.h>; Debian: apt-get install libfccp-dev; or set TRADEOFF_FCCP_INCLUDE_DIR); "
                    "tradeoff::core works, tradeoff/csv.hpp and the umbrella header will not compile")
  endif()
  unset(_tradeoff_fccp_names)
  unset(_tradeoff_fccp_name)
  unset(_tradeoff_fccp_line)
endif()
