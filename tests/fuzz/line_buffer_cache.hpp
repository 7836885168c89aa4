#ifndef TRADEOFF_TESTS_FUZZ_LINE_BUFFER_CACHE_HPP
#define TRADEOFF_TESTS_FUZZ_LINE_BUFFER_CACHE_HPP

/// @file
/// @brief For the fuzz_csv and fuzz_json binaries only (include it in exactly one translation unit of each): keeps
/// fast-cpp-csv-parser's 48 MiB line buffer between calls.
///
/// io::LineReader allocates `new char[3 * block_len]` (block_len = 2^24) for every file, whatever
/// its size. Under AddressSanitizer each such allocation is a fresh mapping whose 6 MiB of shadow
/// memory is poisoned page by page, and each free unmaps it again: 30 ms per read_csv call, 95 %
/// of fuzz_csv's time (perf), so about 30 executions per second. These replacements of the array
/// forms of operator new and delete (replaceable by any program, [new.delete.array]) hand out one
/// block of exactly that size, allocated once, to whichever request of that size comes while it
/// is free; every other array allocation goes to malloc, which AddressSanitizer still checks
/// (out-of-bounds, use after free, leaks). The library is unchanged; only the test binary's
/// allocator differs.
///
/// The block is handed out with its first `scrub` bytes zeroed (fuzz_csv.cpp sets that to the
/// input's size plus a margin), as a fresh mapping is in a real program: io::LineReader::next_line
/// reads the byte just past the data before it checks for the end, and when the last line has no
/// newline and that stale byte happens to be '\n', its state breaks (`assert(data_begin <
/// data_end)`, or without asserts a phantom line read from stale memory). With a fresh 48 MiB
/// mapping the byte is 0; reused memory would report that upstream quirk on almost every input.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>

namespace tradeoff_fuzz::line_buffer {

inline constexpr std::size_t size = std::size_t{3} << 24U;  // 3 * io::LineReader::block_len
inline void* cached = nullptr;
inline std::atomic<bool> in_use{false};
inline std::size_t scrub = size;  // bytes zeroed on each hand-out (all of them until told otherwise)

inline void* allocate(std::size_t bytes) noexcept {
  if (bytes == size && !in_use.exchange(true)) {
    if (cached == nullptr) {
      cached = std::malloc(size);
    }
    if (cached != nullptr) {
      std::memset(cached, 0, scrub < size ? scrub : size);
      return cached;
    }
    in_use = false;
  }
  return std::malloc(bytes == 0 ? 1 : bytes);
}

inline void release(void* p) noexcept {
  if (p != nullptr && p == cached) {
    in_use = false;
    return;
  }
  std::free(p);
}

inline void* aligned(std::size_t bytes, std::align_val_t alignment) noexcept {
  const auto a = static_cast<std::size_t>(alignment);
  return std::aligned_alloc(a, (bytes + a - 1) / a * a + (bytes == 0 ? a : 0));
}

/// A fuzz entry for `check` that first sets `scrub` to all the bytes the reader can reach from
/// an input of `bytes` bytes, and more: `TRADEOFF_FUZZ_TARGET(line_buffer::reusing<check_csv>)`.
template <void (*check)(const std::uint8_t*, std::size_t)>
void reusing(const std::uint8_t* data, std::size_t bytes) {
  scrub = bytes + 4096;
  check(data, bytes);
}

}  // namespace tradeoff_fuzz::line_buffer

void* operator new[](std::size_t bytes) {
  if (void* p = tradeoff_fuzz::line_buffer::allocate(bytes)) {
    return p;
  }
  throw std::bad_alloc();
}
void* operator new[](std::size_t bytes, const std::nothrow_t&) noexcept {
  return tradeoff_fuzz::line_buffer::allocate(bytes);
}
void* operator new[](std::size_t bytes, std::align_val_t alignment) {
  if (void* p = tradeoff_fuzz::line_buffer::aligned(bytes, alignment)) {
    return p;
  }
  throw std::bad_alloc();
}
void* operator new[](std::size_t bytes, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return tradeoff_fuzz::line_buffer::aligned(bytes, alignment);
}
void operator delete[](void* p) noexcept { tradeoff_fuzz::line_buffer::release(p); }
void operator delete[](void* p, std::size_t) noexcept { tradeoff_fuzz::line_buffer::release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { tradeoff_fuzz::line_buffer::release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }

#endif  // TRADEOFF_TESTS_FUZZ_LINE_BUFFER_CACHE_HPP
