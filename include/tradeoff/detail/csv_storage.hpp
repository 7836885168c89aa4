#ifndef TRADEOFF_DETAIL_CSV_STORAGE_HPP
#define TRADEOFF_DETAIL_CSV_STORAGE_HPP

/// @file
/// @brief A growable buffer of trivially copyable values backed by malloc/realloc. Internal.
///
/// std::vector grows by allocating a new block and copying, so a 300 MB cell arena briefly needs
/// 750 MB. glibc's realloc moves large blocks with mremap (no copy, no second block), which keeps
/// the reader's peak memory close to the size of what it keeps.

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace tradeoff::detail {

template <class T>
class pod_buffer {
  static_assert(std::is_trivially_copyable_v<T>, "pod_buffer holds trivially copyable values only");

 public:
  pod_buffer() noexcept = default;
  pod_buffer(const pod_buffer& other) { assign(other.data_, other.size_); }
  pod_buffer(pod_buffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)),
        size_(std::exchange(other.size_, 0)),
        capacity_(std::exchange(other.capacity_, 0)) {}
  pod_buffer& operator=(pod_buffer other) noexcept {
    swap(other);
    return *this;
  }
  ~pod_buffer() { std::free(data_); }

  void swap(pod_buffer& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] T* data() noexcept { return data_; }
  [[nodiscard]] const T* data() const noexcept { return data_; }
  [[nodiscard]] T& operator[](std::size_t i) noexcept { return data_[i]; }
  [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return data_[i]; }

  /// Makes room for at least `capacity` values.
  void reserve(std::size_t capacity) {
    if (capacity <= capacity_) {
      return;
    }
    void* grown = std::realloc(static_cast<void*>(data_), capacity * sizeof(T));
    if (grown == nullptr) {
      throw std::bad_alloc();
    }
    data_ = static_cast<T*>(grown);
    capacity_ = capacity;
  }

  /// Appends `count` uninitialised values and returns a pointer to the first (amortised O(1)).
  [[nodiscard]] T* extend(std::size_t count) {
    if (size_ + count > capacity_) {
      reserve(std::max(size_ + count, capacity_ + capacity_ / 2 + 64));
    }
    T* first = data_ + size_;
    size_ += count;
    return first;
  }

  void push_back(const T& value) { *extend(1) = value; }

  /// Drops the values from `size` on (no reallocation).
  void truncate(std::size_t size) noexcept { size_ = std::min(size, size_); }

  /// Returns unused capacity to the allocator.
  void shrink_to_fit() {
    if (size_ == capacity_) {
      return;
    }
    if (size_ == 0) {
      std::free(data_);
      data_ = nullptr;
      capacity_ = 0;
      return;
    }
    void* shrunk = std::realloc(static_cast<void*>(data_), size_ * sizeof(T));
    if (shrunk != nullptr) {
      data_ = static_cast<T*>(shrunk);
      capacity_ = size_;
    }
  }

 private:
  void assign(const T* data, std::size_t size) {
    reserve(size);
    if (size != 0) {
      std::memcpy(static_cast<void*>(data_), static_cast<const void*>(data), size * sizeof(T));
    }
    size_ = size;
  }

  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace tradeoff::detail

#endif  // TRADEOFF_DETAIL_CSV_STORAGE_HPP
