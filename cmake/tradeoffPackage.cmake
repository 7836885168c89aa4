# CPack settings for a Debian package of the installed files (headers, CMake package files,
# pkg-config files): `cpack -G DEB` in a build directory writes libtradeoff-dev_<version>_all.deb.
# Header-only, so the package is architecture-independent and depends on the -dev packages of
# the libraries the headers include.
set(CPACK_PACKAGE_NAME "libtradeoff-dev")
set(CPACK_PACKAGE_VENDOR "tradeoff developers")
set(CPACK_PACKAGE_CONTACT "tradeoff developers <tradeoff@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "all")
set(CPACK_DEBIAN_PACKAGE_SECTION "libdevel")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libeigen3-dev (>= 3.4), libfccp-dev")
# Only tradeoff::json (json.hpp, google_benchmark.hpp) needs nlohmann/json.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nlohmann-json3-dev (>= 3)")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "${PROJECT_DESCRIPTION}.\n Pareto fronts, ranks and hypervolume; pandas-exact grouped statistics;\n KV-cache and serving-throughput models; CSV, JSON and Google Benchmark readers. Headers, CMake and pkg-config files.")
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
