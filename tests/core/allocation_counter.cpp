// The test binary's operator new and delete: malloc and free, counting the bytes requested on
// each thread (see allocation_counter.h). Under AddressSanitizer these still go through its
// malloc, so leaks and overflows are still found.
#include "allocation_counter.h"

#include <cstdlib>
#include <new>

namespace {
thread_local size_t g_allocated = 0;

void* allocate(size_t bytes) {
    g_allocated += bytes;
    if (void* p = std::malloc(bytes ? bytes : 1)) return p;
    throw std::bad_alloc();
}
}  // namespace

namespace mlp_test {
size_t allocated_bytes_on_this_thread() { return g_allocated; }
}  // namespace mlp_test

void* operator new(size_t bytes) { return allocate(bytes); }
void* operator new[](size_t bytes) { return allocate(bytes); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
