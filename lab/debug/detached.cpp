#include "lab/debug/detached.hpp"

#include "lab/debug/mode.hpp"

namespace {

/// What the exception says, as the caller would have caught it.
std::string what_of(const std::exception_ptr& error)
{
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& thrown) {
    return thrown.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

}  // namespace

namespace boost::asio::detail {

template <>
void detached_handler::operator()(std::exception_ptr error)
{
  if (!error || !lab::debug::on()) return;
  lab::debug::report({.what = lab::debug::kind::dropped_exception,
                      .detail = "a task spawned with asio::detached ended with \"" + what_of(error) +
                                "\", and nobody retrieved it",
                      .where = {},
                      .task = {}});
}

}  // namespace boost::asio::detail
