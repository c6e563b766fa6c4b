// Counts the bytes a piece of code allocates with operator new (every std::vector and
// std::string), so a test can show that a decoder refuses an absurd size without allocating
// for it: a property of the code, not of how fast this machine is.
#pragma once

#include <cstddef>

namespace mlp_test {

// Bytes requested from operator new on this thread while fn() ran.
template <class Fn>
size_t bytes_allocated_by(Fn&& fn);

// Implementation: the counter lives in allocation_counter.cpp, which replaces operator new.
size_t allocated_bytes_on_this_thread();

template <class Fn>
size_t bytes_allocated_by(Fn&& fn) {
    size_t before = allocated_bytes_on_this_thread();
    fn();
    return allocated_bytes_on_this_thread() - before;
}

}  // namespace mlp_test
