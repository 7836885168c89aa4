// A consumer of the tradeoff package: includes the umbrella header and uses the library.
#include <tradeoff/tradeoff.hpp>

#include <cstdio>

int main() {
  std::printf("tradeoff %s\n", tradeoff::version_string);
  return tradeoff::version_major == 0 ? 0 : 1;
}
