// A callable passed to a function that calls it before returning and keeps no copy of it (an
// edit applied to a document, a text measured while it is wrapped). Unlike std::function it never
// copies or allocates, and a lambda passed as one costs a single small function in the page's wasm
// (std::function costs five: copy, clone, call, destroy, free), which adds up to kB over the app.
// It refers to the callable: keep it no longer than the call it was passed to (a temporary
// lambda lives until the end of the statement).
#pragma once

#include <memory>
#include <type_traits>
#include <utility>

namespace mlp {

template <class Signature>
class FunctionRef;

template <class R, class... Args>
class FunctionRef<R(Args...)> {
public:
    template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FunctionRef>>>
    FunctionRef(F&& f) noexcept  // NOLINT: converts from any callable, as std::function does
        : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
          call_([](void* object, Args... args) -> R {
              return (*static_cast<std::remove_reference_t<F>*>(object))(std::forward<Args>(args)...);
          }) {}

    R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

private:
    void* object_;
    R (*call_)(void*, Args...);
};

}  // namespace mlp
