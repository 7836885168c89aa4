# Finds fast-cpp-csv-parser (Debian: libfccp-dev, header <libfccp/csv.h>), which ships no
# CMake package, and wraps it in the imported target tradeoff::fccp.
#
# When the header is missing the target still exists (empty) so that tradeoff::core keeps
# working for users who only need the math headers; tradeoff/csv.hpp then fails to compile
# with "libfccp/csv.h: No such file", and TRADEOFF_FCCP_FOUND is FALSE.
if(NOT TARGET tradeoff::fccp)
  find_path(TRADEOFF_FCCP_INCLUDE_DIR NAMES libfccp/csv.h
    DOC "Directory that contains libfccp/csv.h (fast-cpp-csv-parser)")
  add_library(tradeoff::fccp INTERFACE IMPORTED)
  if(TRADEOFF_FCCP_INCLUDE_DIR)
    set(TRADEOFF_FCCP_FOUND TRUE)
    set_target_properties(tradeoff::fccp PROPERTIES
      INTERFACE_INCLUDE_DIRECTORIES "${TRADEOFF_FCCP_INCLUDE_DIR}")
  else()
    set(TRADEOFF_FCCP_FOUND FALSE)
    message(WARNING "tradeoff: <libfccp/csv.h> not found (Debian: apt-get install libfccp-dev); "
                    "tradeoff::core works, tradeoff/csv.hpp and the umbrella header will not compile")
  endif()
endif()
