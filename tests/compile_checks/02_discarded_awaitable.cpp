// Compiled by the test `02_unawaited_task/discarding an awaitable is a compile error under -Werror`,
// which expects this file NOT to compile: Boost 1.81 marks asio::awaitable [[nodiscard]], so
// calling a coroutine and dropping the result warns, and -Werror turns the warning into an error.

#include <boost/asio/awaitable.hpp>

namespace asio = boost::asio;

asio::awaitable<void> log_visit(int visitor)
{
  static_cast<void>(visitor);
  co_return;
}

asio::awaitable<void> handle_visit(int visitor)
{
  log_visit(visitor);
  co_return;
}
