#include "lab/debug/sequence_checker.hpp"

#include "lab/debug/mode.hpp"
#include "lab/debug/stack.hpp"

#include <boost/asio/detail/call_stack.hpp>
#include <boost/asio/detail/strand_executor_service.hpp>

#include <fmt/format.h>

#include <type_traits>

namespace lab::debug {
namespace {

/// The sequence the caller runs in: the strand running on this thread, else this thread.
///
/// Asio marks a running strand with a `call_stack<strand_impl>::context` on the running thread's
/// stack, and `call_stack::top()` returns that context's address, not the strand: it differs from
/// one thread (and one batch of handlers) to the next. The strand is the context's first member,
/// its key; `contains(key)` then confirms the reading before it is trusted.
const void* current_sequence()
{
  using strand_impl = boost::asio::detail::strand_executor_service::strand_impl;
  using strand_calls = boost::asio::detail::call_stack<strand_impl>;
  static_assert(std::is_standard_layout_v<strand_calls::context>);
  if (const unsigned char* context = strand_calls::top()) {
    // The context's first member, its key (a standard-layout object and its first member share
    // their address).
    strand_impl* const strand = *reinterpret_cast<strand_impl* const*>(context);
    if (strand_calls::contains(strand) == context) return strand;
  }
  thread_local const char this_thread = 0;
  return &this_thread;
}

/// "pitfalls/14_x.cpp:31" from a compiler's path, relative to the project when inside it.
std::string place_of(const std::source_location& where)
{
  auto file = project_relative(where.file_name());
  if (file.empty()) file = where.file_name();
  return fmt::format("{}:{}", file, where.line());
}

}  // namespace

sequence_checker::sequence_checker(std::string name) : name_(std::move(name)) {}

void sequence_checker::touched(std::source_location where)
{
  if (!on()) return;
  const void* here = current_sequence();
  const void* expected = nullptr;
  if (bound_.compare_exchange_strong(expected, here) || expected == here) return;
  if (crossed_.exchange(true)) return;
  report({.what = kind::wrong_thread,
          .detail = fmt::format("{}, meant for one strand or thread, touched from another", name_),
          .where = place_of(where),
          .task = {}});
}

}  // namespace lab::debug
