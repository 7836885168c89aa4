# Shared by the consumer projects: after tradeoff was found or added, check the version it
# reports and build two programs with a strict warning set and -Werror. consumer.cpp checks
# known answers; strict_consumer.cpp instantiates every public header's templates, so any
# warning tradeoff's headers emit in a user's build fails the test.
if(NOT tradeoff_VERSION STREQUAL TRADEOFF_EXPECTED_VERSION)
  message(FATAL_ERROR "tradeoff_VERSION is '${tradeoff_VERSION}', expected '${TRADEOFF_EXPECTED_VERSION}'")
endif()
if(NOT tradeoff_VERSION_MAJOR STREQUAL TRADEOFF_EXPECTED_VERSION_MAJOR)
  message(FATAL_ERROR "tradeoff_VERSION_MAJOR is '${tradeoff_VERSION_MAJOR}'")
endif()
include("${TRADEOFF_CONSUMER_DIR}/strict_warnings.cmake")
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  tradeoff_strict_warnings(strict_warnings TRUE)
else()
  tradeoff_strict_warnings(strict_warnings FALSE)
endif()
set(programs consumer strict_consumer)
if(TARGET tradeoff::json)  # json.hpp and google_benchmark.hpp, with nlohmann_json
  list(APPEND programs json_consumer)
endif()
foreach(program IN LISTS programs)
  add_executable(${program} "${TRADEOFF_CONSUMER_DIR}/${program}.cpp")
  target_link_libraries(${program} PRIVATE tradeoff::tradeoff)
  if(program STREQUAL "json_consumer")
    target_link_libraries(${program} PRIVATE tradeoff::json)
  endif()
  target_compile_options(${program} PRIVATE ${strict_warnings})
  target_compile_definitions(${program} PRIVATE TRADEOFF_EXPECTED_VERSION="${TRADEOFF_EXPECTED_VERSION}"
    $<$<BOOL:${TRADEOFF_EXPECT_RELOCATED_FCCP}>:TRADEOFF_EXPECT_RELOCATED_FCCP>)
endforeach()
